"""Try it: the page's numbers and exercises."""

from __future__ import annotations

from functools import partial

import numpy as np

from gdlesson import choices, lesson, rates
from gdlesson.choices import SEARCH_RANGE
from gdlesson.claim import (
    Claim,
    register,
    w_star_1d,
)
from gdlesson.costs import one_weight_cost, two_weight_cost
from gdlesson.derived import significant
from gdlesson.pages import momentum as momentum_page
from gdlesson.pages import recap as recap_page
from gdlesson.pages import step_size as step_size_page
from gdlesson.pages import two_curvatures as two_curvatures_page
from gdlesson.placeholders import Fact

# --- what the exercises derive from the data -----------------------------------------


#: The workbook: a start on the other side of the minimum from choices.START_1D,
#: as far from it (to one decimal), whatever the data,
START_OTHER_SIDE = round(2 * float(one_weight_cost().minimum()[0]) - choices.START_1D, 1)


def _around(limit: float) -> tuple[float, ...]:
    """Rates around ``limit``, in increasing order: two below it a unit of its second
    significant digit apart, half a unit above the nearer, and the rates under and over
    it a fifth of a percent away or more, at three significant digits, or more where
    three land farther than 0.3 %: both take thousands of steps, yet end before a
    descent's step limit.

    >>> _around(0.2195)
    (0.2, 0.21, 0.215, 0.219, 0.22, 0.23)
    """
    low = significant(limit, 2, "down")
    unit = significant(limit, 2, "up") - low or low / 10
    for digits in (3, 4, 5):
        under = significant(0.998 * limit, digits, "down")
        over = significant(1.002 * limit, digits, "up")
        if max(limit / under, over / limit) < 1.003:
            break
    rates = {low - unit, low, low + unit / 2, under, over, over + unit}
    return tuple(sorted(round(rate, 10) for rate in rates if rate > 0))


def _before(limit: float) -> tuple[float, ...]:
    """Rates up to ``limit``'s, half a unit of its second significant digit apart:
    two units below it to one above (the limit lies between the fourth and the fifth).

    >>> _before(0.19034)
    (0.17, 0.18, 0.185, 0.19, 0.195, 0.2)
    """
    low = significant(limit, 2, "down")
    unit = significant(limit, 2, "up") - low or low / 10
    return tuple(round(low + k * unit, 10) for k in (-2, -1, -0.5, 0, 0.5, 1))


#: rates around the one-weight limit 2/L, in increasing order,
LIMIT_RATES_1D = _around(2 / step_size_page._L_1D)


#: and around the two-weight valley's limit.
LIMIT_RATES_2D = _before(2 / two_curvatures_page._HIGH_2D)


def rate_table(runs) -> str:
    """How each descent ended, one line per rate, as the workbook prints it.

    >>> from gdlesson.costs import one_weight_cost
    >>> from gdlesson.descent import gradient_descent
    >>> print(rate_table([gradient_descent(one_weight_cost(), 0.5, 0.1)]))
    learning rate 0.1    converged after     7 steps
    """
    return "\n".join(
        f"learning rate {run.learning_rate:<6g} {run.status:>9} after {run.steps:>5} steps"
        for run in runs
    )


def largest_converging(runs) -> float:
    """The largest learning rate among ``runs`` whose descent converged.

    >>> from gdlesson.costs import one_weight_cost
    >>> from gdlesson.descent import gradient_descent
    >>> largest_converging([gradient_descent(one_weight_cost(), 0.5, r) for r in (0.1, 0.3)])
    0.1
    """
    converged = [run.learning_rate for run in runs if run.converged]
    if not converged:
        raise ValueError("runs must hold at least one descent that converged")
    return max(converged)


# --- numbers ----------------------------------------------------------------------------


def _workbook() -> dict[str, str]:
    """The workbook's momentum exercise: the lesson's η with its β, and with none."""
    lines = []
    for beta in (lesson.BETA_MOMENTUM, 0):
        run = lesson.momentum_2d(lesson.RATE_MOMENTUM, beta)
        lines.append(f"beta {beta}: {momentum_page._outcome(run)}")
    return {"wb_momentum_out": "\n".join(lines)}


def _notebook() -> dict[str, str]:
    """What the notebook's cells use and print (see gdlesson.workbook)."""
    first = lesson.descent_1d(choices.RATE_NOTEBOOK)
    rows = []
    for rate in choices.RATES_NOTEBOOK:
        run = lesson.descent_1d(rate)
        rows.append(f"learning rate {rate:<5}  {run.status:>9} after {run.steps:>4} steps")
    return {
        "rate_notebook": f"{choices.RATE_NOTEBOOK:g}",
        "status_notebook": first.status,
        "steps_notebook": str(first.steps),
        "end_w_notebook": f"{first.w:.4f}",
        "rates_notebook": repr(list(choices.RATES_NOTEBOOK)),
        "rates_notebook_table": "\n".join(rows),
    }


def _exercise_answers() -> dict[str, Fact]:
    """The workbook: the rates around 2/L, starts on either side, the too-large rate."""
    one, two = one_weight_cost(), two_weight_cost()
    too_large = lesson.descent_1d(lesson.RATES_1D["too large"])
    limit = [lesson.descent_1d(r) for r in LIMIT_RATES_1D]
    limit_2d = [lesson.descent_2d(r) for r in LIMIT_RATES_2D]
    largest = largest_converging(limit)
    low, high = SEARCH_RANGE
    off_window = np.sum((too_large.path < low) | (too_large.path > high))
    factor = rates.step_factor(too_large.learning_rate, one.curvature())
    return {
        "ex_end_w_too_large": f"{too_large.w:.4f}",
        "ex_off_window": str(off_window),
        "ex_points_too_large": str(len(too_large.path)),
        "ex_factor_too_large": f"{abs(factor):.2f}",
        "ex_limit_low": f"{LIMIT_RATES_1D[0]:g}",
        "ex_limit_next": f"{min(r for r in LIMIT_RATES_1D if r > largest):g}",
        "ex_distance_sides": f"{abs(choices.START_1D - recap_page._w_star()):.1f}",
        "ex_status_2d": lesson.two_weight_descent().status,
        "ex_curvature_2d": f"{two.curvature():.2f}",
        "ex_limit_rates": repr(list(LIMIT_RATES_1D)),
        "ex_limit_table": rate_table(limit),
        "ex_limit_largest": f"{largest:g}",
        "ex_start_other_side": float(START_OTHER_SIDE),
        "ex_sides_table": _sides_table(),
        "ex_limit_rates_2d": repr(list(LIMIT_RATES_2D)),
        "ex_limit_table_2d": rate_table(limit_2d),
        "ex_limit_largest_2d": f"{largest_converging(limit_2d):g}",
    }


def _sides_table() -> str:
    """The workbook's descents from either side of the minimum, one line each."""
    lines = []
    for start in (choices.START_1D, START_OTHER_SIDE):
        for rate in (choices.RATE_1D, lesson.RATE_ZIGZAG_1D):
            run = lesson.descent_1d(rate, start)
            lines.append(
                f"start {start:g}, learning rate {rate:g}: {run.status} after {run.steps} steps"
            )
    return "\n".join(lines)


def facts() -> dict[str, Fact]:
    """The numbers of "Try it", by name."""
    return _workbook() | _notebook() | _exercise_answers()


# --- claims -----------------------------------------------------------------------------
#: The premises of the page's exercises.
EXERCISE_CLAIMS: list[Claim] = []
exercise = partial(register, EXERCISE_CLAIMS, "try-it.ipynb")


def _limit_between(descend, cost, learning_rates, crawl_steps: int = 0) -> bool:
    """The first of ``learning_rates`` converges; the largest that converges lies
    below 2/L of ``cost``, the next one above it, and both take ``crawl_steps``
    steps or more. ``descend(rate)`` is the lesson's descent on ``cost``."""
    runs = {r: descend(r) for r in learning_rates}
    largest = largest_converging(runs.values())
    above = [r for r in learning_rates if r > largest]
    if not above or not runs[learning_rates[0]].converged:
        return False
    crawl = min(runs[largest].steps, runs[min(above)].steps) >= crawl_steps
    return largest < 2 / cost.curvature() < min(above) and crawl


@exercise(
    "exercise: 2/L lies between the largest listed rate that converges and the next "
    "(with one weight, both take thousands of steps)"
)
def _limits_between_listed_rates() -> bool:
    return _limit_between(
        lesson.descent_1d, one_weight_cost(), LIMIT_RATES_1D, 1000
    ) and _limit_between(lesson.descent_2d, two_weight_cost(), LIMIT_RATES_2D)


@exercise("exercise: starts on either side of the minimum, as far from it, take as many steps")
def _same_steps_from_either_side() -> bool:
    w_star = w_star_1d()
    left, right = w_star - choices.START_1D, START_OTHER_SIDE - w_star
    if not (left > 0 and right > 0 and abs(left - right) <= 0.05 + 1e-12):
        return False
    return all(
        lesson.descent_1d(r).steps == lesson.descent_1d(r, START_OTHER_SIDE).steps
        for r in (choices.RATE_1D, lesson.RATE_ZIGZAG_1D)
    )


@exercise("exercise: the two-weight valley's limit 2/L is below the one-weight one")
def _two_weight_limit_is_lower() -> bool:
    return two_weight_cost().curvature() > one_weight_cost().curvature()
