"""What the pages claim, checked from computed values.

A sentence such as "this rate zig-zags" or "brute force is within one grid step"
is true only for some data and rates. Each :class:`Claim` names its page and
says what it claims; its check recomputes it. The build fails on a false claim
(:func:`check_claims`), and the tests run each claim on its own, so an edit of
the data or a rate that makes a sentence false is caught, and one that keeps
every sentence true passes.

>>> [c.page for c in CLAIMS][:2]
['recap.md', 'brute-force.md']
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from gdlesson import compute_budget as budget
from gdlesson import lesson
from gdlesson.brute_force import CANDIDATES, SEARCH_RANGE, brute_force
from gdlesson.costs import one_weight_cost, two_weight_cost
from gdlesson.descent import gradient_descent


@dataclass(frozen=True)
class Claim:
    """A sentence of a page, and a check that is true exactly when it is."""

    page: str
    says: str
    check: Callable[[], bool]


def _run(rate, start=lesson.START_1D):
    return gradient_descent(one_weight_cost(), start, rate)


def _overshoots(run) -> bool:
    """Whether every step lands on the other side of the minimum."""
    side = np.sign(run.path - one_weight_cost().minimum()[0])
    return bool(np.all(side[1:] * side[:-1] < 0))


def _walks(run) -> bool:
    """Whether every step stays on the side where it started."""
    side = np.sign(run.path - one_weight_cost().minimum()[0])
    return bool(np.all(side[1:] * side[0] >= 0))


def _curvature() -> float:
    return one_weight_cost().curvature()


def _best_of_rates() -> bool:
    runs = {label: _run(rate) for label, rate in lesson.RATES_1D.items()}
    fastest = min((r for r in runs.values() if r.converged), key=lambda r: r.steps)
    return fastest is runs["just right"]


def _crosses_valley_2d() -> bool:
    cost = two_weight_cost()
    steepest = np.linalg.eigh(cost.inputs.T @ cost.inputs)[1][:, -1]
    run = gradient_descent(cost, lesson.START_2D, lesson.RATE_2D)
    across = (run.path - cost.minimum()) @ steepest
    return run.converged and bool(np.any(across[1:] * across[:-1] < 0))


def _brute_force_within_one_step() -> bool:
    search = brute_force(one_weight_cost(), *SEARCH_RANGE, CANDIDATES)
    spacing = (SEARCH_RANGE[1] - SEARCH_RANGE[0]) / (CANDIDATES - 1)
    return abs(search.best_w - one_weight_cost().minimum()[0]) <= spacing


def _slower_than_the_universe() -> bool:
    combos = budget.combinations(CANDIDATES, 25)
    years = [budget.years_needed(combos, m.rmax_flops) for m in (*budget.MACHINES, budget.LATEST)]
    return min(years) > budget.AGE_OF_UNIVERSE_YEARS


CLAIMS = (
    Claim(
        "recap.md",
        "the good trial weight's cost is far smaller (under a quarter) than the poor one's",
        lambda: (
            4 * one_weight_cost()(lesson.RECAP_WEIGHTS[1])
            < one_weight_cost()(lesson.RECAP_WEIGHTS[0])
        ),
    ),
    Claim(
        "brute-force.md",
        "the best candidate lies within one grid spacing of the true minimum",
        _brute_force_within_one_step,
    ),
    Claim(
        "gradient-descent.md",
        "the ball's rate walks to the minimum without overshooting (below 1/L) and converges",
        lambda: (
            1 / _curvature() > lesson.RATE_1D
            and _run(lesson.RATE_1D).converged
            and _walks(_run(lesson.RATE_1D))
        ),
    ),
    Claim(
        "gradient-descent.md",
        "the zig-zag rate lies between 1/L and 2/L, overshoots at every step and converges",
        lambda: (
            1 / _curvature() < lesson.RATE_ZIGZAG_1D < 2 / _curvature()
            and _overshoots(_run(lesson.RATE_ZIGZAG_1D))
            and _run(lesson.RATE_ZIGZAG_1D).converged
        ),
    ),
    Claim(
        "gradient-descent.md",
        "the 'too large' rate lies above 2/L and diverges",
        lambda: (
            lesson.RATES_1D["too large"] > 2 / _curvature()
            and _run(lesson.RATES_1D["too large"]).diverged
        ),
    ),
    Claim(
        "gradient-descent.md",
        "the 'too small' rate lies below 1/L and is slower than the 'just right' one",
        lambda: lesson.RATES_1D["too small"] < 1 / _curvature() and _best_of_rates(),
    ),
    Claim(
        "gradient-descent.md",
        "the 'just right' rate converges fastest of the three, in fewer steps than brute force",
        lambda: _best_of_rates() and _run(lesson.RATES_1D["just right"]).steps < CANDIDATES,
    ),
    Claim(
        "two-weights.md",
        "the two-weight rate is below 2/L, zig-zags across the valley and converges",
        lambda: 2 / two_weight_cost().curvature() > lesson.RATE_2D and _crosses_valley_2d(),
    ),
    Claim(
        "supercomputer.md",
        "every #1 machine would need longer than the age of the universe",
        _slower_than_the_universe,
    ),
)


def check_claims(claims=CLAIMS) -> None:
    """Raise ``ValueError`` naming each claim that the computed values make false."""
    false = [f"{c.page}: {c.says}" for c in claims if not c.check()]
    if false:
        raise ValueError("claims the computation makes false:\n  " + "\n  ".join(false))
