"""The premises of the exercises' questions, such as "this rate is above 2/L",
checked like the pages' claims: a choice of :mod:`gdlesson.exercises` that makes
a question wrong fails the build, naming it.

The choices are read when a check runs, so a test may change one and see its
claim fail.
"""

from __future__ import annotations

from functools import partial

import numpy as np

from gdlesson import choices, lesson, rates, valleys
from gdlesson import compute_budget as budget
from gdlesson import exercises as ex
from gdlesson.brute_force import brute_force, grid_spacing
from gdlesson.choices import CANDIDATES, SEARCH_RANGE
from gdlesson.claims.claim import Claim, register, require
from gdlesson.claims.common import (
    bottoms_and_hump,
    crossings_2d,
    curvature_1d,
    w_star_1d,
    walks,
    zigzags,
)
from gdlesson.costs import one_weight_cost, two_weight_cost
from gdlesson.descent import TOLERANCE, gradient_descent
from gdlesson.facts import two_weights
from gdlesson.facts.exercises import first_step_2d, steps_per_digit, tolerance_steps
from gdlesson.network import forward_operations, weight_count

EXERCISE_CLAIMS: list[Claim] = []
#: ``@exercise(page, says)``: the decorated check is the premise of an exercise of ``page``.
exercise = partial(register, EXERCISE_CLAIMS)


@exercise(
    "step-size.md",
    "answer: with two weights no rate lands in one step from every start, "
    "but 1/λ does from a start along λ's direction",
)
def _one_step_needs_the_right_start() -> None:
    cost = two_weight_cost()
    w_star = cost.minimum()
    values, directions = cost.axes()
    # From START_2D one step of rate η leaves e − η·Ae, e = start − w*, A = XᵀX:
    # closest to w* for η = e·Ae / ‖Ae‖², and still away from it.
    e = np.asarray(choices.START_2D) - w_star
    ae = cost.inputs.T @ cost.inputs @ e
    closest = np.linalg.norm(e - (e @ ae) / (ae @ ae) * ae)
    require(closest > 1e-3, f"some rate lands within {closest} from {choices.START_2D}")
    for value, direction in zip(values, directions.T, strict=True):
        start = w_star + direction
        w = start - cost.gradient(start) / value
        require(np.linalg.norm(w - w_star) < 1e-9, f"1/{value} misses from {start}")


# --- recap, brute force, the supercomputer, why it wins ------------------------------


@exercise("recap.md", "exercise: w = 0 costs more than the poor trial weight")
def _zero_costs_more() -> bool:
    cost = one_weight_cost()
    return cost(choices.ZERO_WEIGHT) > cost(choices.RECAP_WEIGHTS[0])


@exercise(
    "recap.md",
    "exercise: the plain errors cancel at Σ price / Σ area, which misses every house",
)
def _plain_errors_cancel() -> bool:
    cost = one_weight_cost()
    w = float(np.sum(cost.targets) / np.sum(cost.inputs))
    errors = cost.predict(w) - cost.targets
    return abs(errors.sum()) < 1e-12 and bool(np.all(np.abs(errors) > 1e-3))


@exercise(
    "recap.md",
    "answer: the sum of the plain errors is the line Σ area · w − Σ price, "
    "falling without end as w falls",
)
def _plain_errors_have_no_minimum() -> bool:
    cost = one_weight_cost()
    area, price = float(np.sum(cost.inputs)), float(np.sum(cost.targets))
    ws = np.array([-1e6, -10.0, 0.0, 1.0, 10.0])
    sums = [float(np.sum(cost.predict(w) - cost.targets)) for w in ws]
    on_the_line = np.allclose(sums, area * ws - price, rtol=1e-12, atol=1e-9)
    return on_the_line and area > 0 and sums[0] < sums[2] < 0


def _nearest_is_best(count: int) -> bool:
    """Brute force with ``count`` candidates keeps the one nearest the minimum,
    within half a grid spacing of it."""
    w_star = w_star_1d()
    search = brute_force(one_weight_cost(), *SEARCH_RANGE, count)
    nearest = ex.nearest_candidate(*SEARCH_RANGE, count, w_star)
    return search.best_w == nearest and abs(nearest - w_star) <= grid_spacing(count) / 2


@exercise(
    "brute-force.md",
    "exercise: with 1,000 or 100 candidates, the best is the nearest, within half a spacing",
)
def _nearest_of_both_grids() -> bool:
    return _nearest_is_best(CANDIDATES) and _nearest_is_best(choices.FEW_CANDIDATES)


@exercise(
    "supercomputer.md",
    "exercise: ten candidates per weight would take TaihuLight under ten years",
)
def _coarse_grid_finishes() -> bool:
    coarse = budget.combinations(choices.COARSE_CANDIDATES, weight_count())
    return budget.years_needed(coarse, budget.LECTURE_FLOPS) < 10


@exercise(
    "supercomputer.md",
    "answer: counted per operation of a pass, on six houses, it takes centuries",
)
def _coarse_grid_counted_takes_centuries() -> bool:
    coarse = budget.combinations(choices.COARSE_CANDIDATES, weight_count())
    operations = coarse * sum(forward_operations()) * len(one_weight_cost().targets)
    return budget.years_needed(operations, budget.LECTURE_FLOPS) >= 200


@exercise("why-it-wins.md", "exercise: a hidden layer twice as wide has twice the weights")
def _twice_the_weights() -> bool:
    return weight_count(choices.WIDE_LAYERS) == 2 * weight_count()


# --- gradient descent, two weights ----------------------------------------------------


@exercise(
    "gradient-descent.md",
    "answer: a large nudge measures the parabola's slope exactly, and the valleys' wrongly",
)
def _large_nudge() -> bool:
    h, cost, start = choices.LARGE_NUDGE, one_weight_cost(), choices.START_1D
    measured = (cost([start + h]) - cost([start - h])) / (2 * h)
    slope = float(cost.gradient([start])[0])
    exact = abs(measured - slope) < 1e-9 * abs(slope)
    bumpy = valleys.valleys_cost()
    ws = np.array(choices.STARTS_VALLEYS)
    wrong = np.abs((bumpy.on_grid(ws + h) - bumpy.on_grid(ws - h)) / (2 * h) - bumpy.slope(ws))
    return exact and h >= 0.1 * abs(start) and bool(np.all(wrong > 0.1 * np.abs(bumpy.slope(ws))))


@exercise(
    "step-size.md",
    "exercise: the three rates walk (below 1/L), zig-zag (1/L to 2/L), diverge (above 2/L)",
)
def _regimes() -> bool:
    walking, zigzagging, diverging = (lesson.descent_1d(rate) for rate in ex.REGIME_RATES)
    walk_rate, zigzag_rate, diverge_rate = ex.REGIME_RATES
    return (
        walk_rate < 1 / curvature_1d() < zigzag_rate < 2 / curvature_1d() < diverge_rate
        and walking.converged
        and walks(walking)
        and zigzagging.converged
        and zigzags(zigzagging)
        and diverging.diverged
    )


@exercise(
    "step-size.md",
    "exercise: at η = 1/L one step lands on the minimum; two weights have two curvatures",
)
def _one_step_and_two_curvatures() -> bool:
    low, high = two_weight_cost().curvatures()
    return lesson.descent_1d(1 / curvature_1d()).steps == 1 and high > 1.01 * low


@exercise(
    "two-weights.md",
    "answer: the first step misses the straight way to the minimum by tens of degrees, "
    "mostly across the valley",
)
def _first_step_misses() -> bool:
    _, degrees = first_step_2d()
    across, along = two_weights.gradient_parts(choices.START_2D)
    return degrees >= 20 and across > along


@exercise(
    "two-curvatures.md",
    "exercise: the smaller rate is shown nowhere else on the page, is above 1/λ_max, "
    "zig-zags, converges and takes more steps",
)
def _slow_zigzag_2d() -> bool:
    rate = ex.RATE_2D_SLOW_ZIGZAG
    low, high = (float(v) for v in two_weight_cost().curvatures())
    run, lessons = lesson.descent_2d(rate), lesson.two_weight_descent()
    # the page's table, its playground paragraph (the table's first rate and the
    # lesson's), exercise 2's, and the balanced rate and the limits as the page rounds them
    limits = (round(2 / (low + high), 3), round(1 / high, 4), round(2 / high, 4))
    shown = {*lesson.RATES_TABLE_2D, lesson.RATE_2D, ex.RATE_2D_OVER, *limits}
    return (
        rate not in shown
        and 1 / high < rate < lesson.RATE_2D
        and run.converged
        and crossings_2d(run) > 0
        and run.steps > lessons.steps
    )


@exercise(
    "two-curvatures.md",
    "answer: along the floor the smaller rate keeps more of the distance a step, "
    "and that slower part sets the count",
)
def _slow_along_the_floor() -> bool:
    rate = ex.RATE_2D_SLOW_ZIGZAG
    low, high = (float(v) for v in two_weight_cost().curvatures())
    across, along = two_weights.part_counts(rate)
    kept = [rates.step_factor(r, low) for r in (rate, lesson.RATE_2D)]
    return (
        kept[0] > kept[1] > 0
        and abs(rates.step_factor(rate, high)) < kept[0]
        and along > across
        and lesson.descent_2d(rate).steps == along
    )


@exercise(
    "two-curvatures.md", "exercise: the rate above 2/λ_max makes the gradient grow, and diverges"
)
def _rate_over_2d_grows() -> bool:
    cost = two_weight_cost()
    run = gradient_descent(cost, choices.START_2D, ex.RATE_2D_OVER, max_steps=choices.STEPS_2D_OVER)
    sizes = [np.linalg.norm(cost.gradient(w)) for w in run.path[:: choices.EVERY_2D_OVER]]
    return (
        2 / cost.curvature() < ex.RATE_2D_OVER
        and run.steps == choices.STEPS_2D_OVER
        and bool(np.all(np.diff(sizes) > 0))
        and lesson.descent_2d(ex.RATE_2D_OVER).diverged
    )


@exercise(
    "two-curvatures.md",
    "answer: the gradient grows by about |1 − ηλ_max|^10 every 10 steps, "
    "though the cost falls on the first step",
)
def _growth_is_the_factor_across() -> None:
    cost = two_weight_cost()
    high = float(cost.curvatures()[-1])
    run = gradient_descent(cost, choices.START_2D, ex.RATE_2D_OVER, max_steps=choices.STEPS_2D_OVER)
    sizes = [np.linalg.norm(cost.gradient(w)) for w in run.path[:: choices.EVERY_2D_OVER]]
    measured = (sizes[-1] / sizes[0]) ** (1 / (len(sizes) - 1))
    factor = abs(rates.step_factor(ex.RATE_2D_OVER, high)) ** choices.EVERY_2D_OVER
    # "about": the measured growth, as the page rounds it, within 0.1 of the factor's
    require(abs(round(measured, 1) - factor) < 0.1, f"grows by {measured}, the factor {factor}")
    require(factor > 1, f"the factor across is {factor}")
    require(run.costs[1] < run.costs[0], "the cost does not fall on the first step")


# --- many valleys ----------------------------------------------------------------------


def _valley_limits() -> tuple[float, float]:
    """2/L at the bottom of the left valley and of the right one."""
    cost, (bottoms, _) = valleys.valleys_cost(), bottoms_and_hump()
    return tuple(2 / ex.curvature_at(cost.slope, w) for w in (bottoms[0], bottoms[-1]))


def _ends(start, rate) -> str:
    """Where a descent on the two-valley cost ends: "left", "right", or how it ended."""
    run = valleys.descent(start, rate)
    return {"valley 0": "left", "valley 1": "right"}.get(valleys.ending(run), valleys.ending(run))


@exercise(
    "many-valleys.md",
    "exercise: a larger rate, below the right valley's 2/L, takes the crawling start to "
    "the right valley; the start on flat ground does not move at either rate",
)
def _larger_rate_crosses_the_flat() -> bool:
    crawling, flat = choices.STARTS_VALLEYS_FLAT
    cost = valleys.valleys_cost()
    return (
        crawling in choices.STARTS_VALLEYS
        and choices.RATE_VALLEYS < choices.RATE_VALLEYS_FLAT < _valley_limits()[1]
        and valleys.descent(crawling, choices.RATE_VALLEYS).status == "stopped"
        and _ends(crawling, choices.RATE_VALLEYS_FLAT) == "right"
        and flat >= valleys.flat_from(cost)
        and _ends(flat, choices.RATE_VALLEYS)
        == _ends(flat, choices.RATE_VALLEYS_FLAT)
        == "did not move"
    )


@exercise(
    "many-valleys.md",
    "exercise: the large rate is above the right valley's 2/L, below the left one's, "
    "and takes a start that the lesson's rate brings to the right valley to the left one",
)
def _large_rate_skips_the_narrow_valley() -> bool:
    left_limit, right_limit = _valley_limits()
    start, rate = choices.START_VALLEYS_LARGE, choices.RATE_VALLEYS_LARGE
    return (
        right_limit < rate < left_limit
        and _ends(start, choices.RATE_VALLEYS) == "right"
        and _ends(start, rate) == "left"
    )


@exercise(
    "many-valleys.md",
    "answer: another rate between the two limits bounces in the right valley and never settles",
)
def _bounce_rate_stays_right() -> bool:
    left_limit, right_limit = _valley_limits()
    (_, hump) = bottoms_and_hump()
    run = valleys.descent(choices.START_VALLEYS_LARGE, choices.RATE_VALLEYS_BOUNCE)
    return (
        right_limit < choices.RATE_VALLEYS_BOUNCE < left_limit
        and choices.RATE_VALLEYS_BOUNCE != choices.RATE_VALLEYS_LARGE
        and run.status == "stopped"
        and bool(np.all(run.path > hump))
    )


@exercise(
    "summary.md",
    "exercise: at the 'just right' rate each tenfold tighter tolerance costs one step",
)
def _one_step_per_digit() -> bool:
    """At the 'just right' rate each step shrinks the distance to the minimum more than
    tenfold, so each tolerance ten times tighter costs one more step."""
    cost, rate = one_weight_cost(), lesson.RATES_1D["just right"]
    tolerances = np.array(choices.TOLERANCES)
    steps = [gradient_descent(cost, choices.START_1D, rate, tolerance=t).steps for t in tolerances]
    return (
        abs(rates.step_factor(rate, cost.curvature())) < 0.1
        and np.allclose(tolerances[:-1] / tolerances[1:], 10)
        and tolerances[0] == TOLERANCE
        and bool(np.all(np.diff(steps) == 1))
        and choices.FINER_CANDIDATES == 10 * CANDIDATES
    )


@exercise(
    "summary.md",
    "answer: at the ball's rate and in the narrow valley a digit costs several steps, "
    "about the same number each time",
)
def _steps_per_digit_elsewhere() -> None:
    one, two = one_weight_cost(), two_weight_cost()
    for cost, start, rate in (
        (one, choices.START_1D, choices.RATE_1D),
        (two, choices.START_2D, lesson.RATE_2D),
    ):
        steps, per = tolerance_steps(cost, start, rate), steps_per_digit(cost, start, rate)
        require(per >= 1.5, f"at {rate} a digit costs {per} steps: about one, as at best")
        require(all(abs(d - per) <= 1 for d in np.diff(steps)), f"at {rate}: {steps}")


@exercise(
    "summary.md",
    "exercise: one rate zig-zags in with one weight (1/L to 2/L) and diverges with two",
)
def _one_rate_for_two_bowls() -> bool:
    return (
        1 / curvature_1d() < ex.RATE_BOTH < 2 / curvature_1d()
        and 2 / two_weight_cost().curvature() < ex.RATE_BOTH
        and lesson.descent_1d(ex.RATE_BOTH).converged
        and lesson.descent_2d(ex.RATE_BOTH).diverged
    )


# --- the workbook ------------------------------------------------------------------------


def _limit_between(descend, cost, learning_rates, crawl_steps: int = 0) -> bool:
    """The first of ``learning_rates`` converges; the largest that converges lies
    below 2/L of ``cost``, the next one above it, and both take ``crawl_steps``
    steps or more. ``descend(rate)`` is the lesson's descent on ``cost``."""
    runs = {r: descend(r) for r in learning_rates}
    largest = ex.largest_converging(runs.values())
    above = [r for r in learning_rates if r > largest]
    if not above or not runs[learning_rates[0]].converged:
        return False
    crawl = min(runs[largest].steps, runs[min(above)].steps) >= crawl_steps
    return largest < 2 / cost.curvature() < min(above) and crawl


@exercise(
    "try-it.ipynb",
    "exercise: 2/L lies between the largest listed rate that converges and the next "
    "(with one weight, both take thousands of steps)",
)
def _limits_between_listed_rates() -> bool:
    return _limit_between(
        lesson.descent_1d, one_weight_cost(), ex.LIMIT_RATES_1D, 1000
    ) and _limit_between(lesson.descent_2d, two_weight_cost(), ex.LIMIT_RATES_2D)


@exercise(
    "try-it.ipynb",
    "exercise: starts on either side of the minimum, as far from it, take as many steps",
)
def _same_steps_from_either_side() -> bool:
    w_star = w_star_1d()
    left, right = w_star - choices.START_1D, ex.START_OTHER_SIDE - w_star
    if not (left > 0 and right > 0 and abs(left - right) <= 0.05 + 1e-12):
        return False
    return all(
        lesson.descent_1d(r).steps == lesson.descent_1d(r, ex.START_OTHER_SIDE).steps
        for r in (choices.RATE_1D, lesson.RATE_ZIGZAG_1D)
    )


@exercise(
    "try-it.ipynb",
    "exercise: the two-weight valley's limit 2/L is below the one-weight one",
)
def _two_weight_limit_is_lower() -> bool:
    return two_weight_cost().curvature() > one_weight_cost().curvature()
