"""Summary: the page's numbers, claims and exercises."""

from __future__ import annotations

from functools import partial

import numpy as np

from gdlesson import choices, lesson, rates, valleys
from gdlesson import compute_budget as budget
from gdlesson.choices import CANDIDATES
from gdlesson.claim import (
    Claim,
    bottoms_and_hump,
    crossings_1d,
    crossings_2d,
    curvature_1d,
    register,
    require,
)
from gdlesson.costs import one_weight_cost, two_weight_cost
from gdlesson.derived import significant
from gdlesson.descent import TOLERANCE, gradient_descent
from gdlesson.network import (
    curvatures,
    run_on,
    trained_by_descent,
    weight_count,
)
from gdlesson.numbers import count, signed, tex_power
from gdlesson.pages import choosing_the_rate as choosing_the_rate_page
from gdlesson.pages import many_valleys as many_valleys_page
from gdlesson.pages import momentum as momentum_page
from gdlesson.pages import step_size as step_size_page
from gdlesson.pages import two_curvatures as two_curvatures_page

# --- what the exercises derive from the data -----------------------------------------


#: The rate for both bowls: halfway between 2/λ_max (above it, two weights diverge) and
#: 2/L (below it, one weight converges; λ_max ≥ L, so 2/λ_max ≤ 2/L), and above 1/L.
RATE_BOTH = significant(
    (max(1 / step_size_page._L_1D, 2 / two_curvatures_page._HIGH_2D) + 2 / step_size_page._L_1D) / 2
)


# --- numbers ----------------------------------------------------------------------------


def _true_or_false() -> dict[str, str]:
    """The summary's checks: the hump's cost, the rate tables' step counts, the lowest
    costs, and a start that ends in the higher valley."""
    cost = valleys.valleys_cost()
    hump = next(w for w, kind in valleys.turning_points(cost) if kind == "hump")
    one = one_weight_cost()
    w_star = float(one.minimum()[0])
    higher = next(run for run in valleys.descents() if valleys.ending(run) == "valley 0")
    values = {
        "tf_hump_cost": f"{cost(hump):.3f}",
        "tf_w_star_1d": f"{w_star:.4f}",
        "tf_min_cost_1d": f"{one(w_star):.4f}",
        "tf_min_cost_2d": f"{choosing_the_rate_page.min_cost_2d():.4f}",
        "tf_valley_start": f"{higher.path[0]:g}",
    }
    tables = {"1d": (lesson.RATES_TABLE_1D, lesson.descent_1d)}
    tables["2d"] = (lesson.RATES_TABLE_2D, lesson.descent_2d)
    for name, (table, descend) in tables.items():
        fast, slow, diverging = faster_slower_diverging(table, descend)
        values |= {
            f"tf_fast_rate_{name}": f"{fast.learning_rate:g}",
            f"tf_fast_steps_{name}": count(fast.steps),
            f"tf_slow_rate_{name}": f"{slow.learning_rate:g}",
            f"tf_slow_steps_{name}": count(slow.steps),
            f"tf_diverge_rate_{name}": f"{diverging.learning_rate:g}",
        }
    return values


def faster_slower_diverging(rates, descend):
    """Of a rate table's descents: the one that converges in the fewest steps, the
    largest rate that still converges (above it), and the first that diverges.

    >>> [run.learning_rate for run in faster_slower_diverging((0.05, 0.1, 0.2, 0.25),
    ...                                                       lesson.descent_1d)]
    [0.1, 0.2, 0.25]
    """
    runs = [descend(rate) for rate in rates]
    converged = [run for run in runs if run.converged]
    fast = min(converged, key=lambda run: run.steps)
    slow = max(converged, key=lambda run: run.learning_rate)
    diverging = next(run for run in runs if run.diverged)
    return fast, slow, diverging


def tolerance_steps(cost, start, rate: float) -> list[int]:
    """The steps from ``start`` at ``rate`` to each tolerance of
    :data:`~choices.TOLERANCES`, each ten times tighter than the last."""
    return [gradient_descent(cost, start, rate, tolerance=t).steps for t in choices.TOLERANCES]


def steps_per_digit(cost, start, rate: float) -> float:
    """The mean number of extra steps that each tenfold tighter tolerance costs."""
    steps = tolerance_steps(cost, start, rate)
    return (steps[-1] - steps[0]) / (len(steps) - 1)


def _summary() -> dict[str, str]:
    """Summary: a tighter tolerance, ten times the candidates, one rate for two bowls."""
    one, two = one_weight_cost(), two_weight_cost()
    rate = lesson.RATES_1D["just right"]
    steps = tolerance_steps(one, choices.START_1D, rate)
    both = [lesson.descent_1d(RATE_BOTH), lesson.descent_2d(RATE_BOTH)]
    factors = [rates.step_factor(RATE_BOTH, c.curvature()) for c in (one, two)]
    return {
        "ex_tolerances_code": repr(list(choices.TOLERANCES)),
        "ex_tolerance_steps_code": repr(steps),
        "ex_factor_just_right": f"{rates.step_factor(rate, one.curvature()):.3f}",
        "ex_finer_candidates": count(choices.FINER_CANDIDATES),
        "ex_finer_combinations": tex_power(
            budget.combinations(choices.FINER_CANDIDATES, weight_count())
        ),
        "ex_finer_factor": tex_power(
            budget.combinations(choices.FINER_CANDIDATES, weight_count())
            // budget.combinations(CANDIDATES, weight_count())
        ),
        "ex_digit_steps_ball": f"{steps_per_digit(one, choices.START_1D, choices.RATE_1D):.0f}",
        "ex_digit_steps_2d": f"{steps_per_digit(two, choices.START_2D, lesson.RATE_2D):.0f}",
        "ex_rate_both": f"{RATE_BOTH:g}",
        "ex_both_steps_1d": count(both[0].steps),
        "ex_both_status_2d": both[1].status,
        "ex_factor_both_1d": signed(factors[0], ".3f"),
        "ex_factor_both_2d": signed(factors[1], ".3f"),
        **{
            f"ex_both_line_{i}": f"2/L = {2 / c.curvature():.4f}, 1 - rate * L = {f:.3f}"
            for i, (c, f) in enumerate(zip((one, two), factors, strict=True))
        },
    }


def facts() -> dict[str, str]:
    """The numbers of "Summary", by name."""
    return _true_or_false() | _summary()


# --- claims -----------------------------------------------------------------------------

#: What the page says, each sentence with its check.
CLAIMS: list[Claim] = []
claim = partial(register, CLAIMS, "summary.md")
#: The premises of the page's exercises.
EXERCISE_CLAIMS: list[Claim] = []
exercise = partial(register, EXERCISE_CLAIMS, "summary.md")


@claim(
    "false: the hump has a zero slope, a descent from it does not move, and it is higher "
    "than the ground on either side"
)
def _zero_slope_hump() -> None:
    cost = valleys.valleys_cost()
    bottoms, hump = bottoms_and_hump()
    require(abs(float(cost.slope(hump))) < 1e-12, "the slope at the hump is not zero")
    require(valleys.descent(hump, choices.RATE_VALLEYS).steps == 0, "a descent from it moves")
    for side in (-1e-3, 1e-3):
        require(cost(hump + side) < cost(hump), f"the ground at {hump + side} is higher")
    require(all(cost(w) < cost(hump) for w in bottoms), "a valley is above the hump")


@claim(
    "false: a larger rate overshoots by more and converges slower; the largest, above 2/L, diverges"
)
def _larger_not_faster() -> None:
    tables = [
        (lesson.RATES_TABLE_1D, lesson.descent_1d, one_weight_cost(), crossings_1d),
        (lesson.RATES_TABLE_2D, lesson.descent_2d, two_weight_cost(), crossings_2d),
    ]
    for table, descend, cost, crossings in tables:
        fast, slow, diverging = faster_slower_diverging(table, descend)
        factors = [rates.slowest_factor(run.learning_rate, cost) for run in (fast, slow)]
        require(crossings(slow) == slow.steps and factors[1] > factors[0], f"{slow} overshoots")
        require(diverging.learning_rate > 2 / cost.curvature(), f"{diverging} is below 2/L")
        require(fast.learning_rate < slow.learning_rate, f"{slow} is not larger than {fast}")
        require(slow.steps > fast.steps, f"{slow} is not slower than {fast}")
        require(diverging.learning_rate > slow.learning_rate, f"{diverging} is not larger")


@claim("false: the lowest costs, with one weight and with two, are above zero")
def _lowest_cost_not_zero() -> None:
    one = one_weight_cost()
    lowest_1d = one(one.minimum())
    require(lowest_1d > 0.01, f"the lowest one-weight cost is {lowest_1d}")
    require(
        0.01 < choosing_the_rate_page.min_cost_2d() < lowest_1d,
        f"the lowest two-weight cost is {choosing_the_rate_page.min_cost_2d()}",
    )


@claim("false: a start left of the hump ends in the left valley, above the right one")
def _not_the_lowest_valley() -> None:
    cost = valleys.valleys_cost()
    bottoms, hump = bottoms_and_hump()
    run = next(run for run in valleys.descents() if valleys.ending(run) == "valley 0")
    require(run.path[0] < hump and run.converged, f"{run} from {run.path[0]}")
    require(cost(bottoms[0]) > cost(bottoms[-1]), "the left valley is not the higher one")
    require(run.costs[-1] > cost(bottoms[-1]), "it ends as low as the right valley")


@claim("the two step counts stop at different slopes, the network's short of a minimum")
def _two_stops() -> None:
    require(TOLERANCE < choices.TOLERANCE_NETWORK, "the network's stop is not looser")
    require(curvatures(trained_by_descent().w)[0] < -choices.DOWNWARD_CURVATURE, "a minimum?")
    require(run_on().costs.min() < trained_by_descent().costs[-1], "it is already lowest")


@claim(
    "momentum: through the narrow valley in fewer steps than plain descent at its best; "
    "at its best η and β each direction shrinks by (√κ − 1)/(√κ + 1) a step"
)
def _claim_summary() -> None:
    many_valleys_page.heavy_ball_faster()
    momentum_page._best_swings()
    momentum_page._sqrt_kappa()


@exercise("exercise: at the 'just right' rate each tenfold tighter tolerance costs one step")
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
    "answer: at the ball's rate and in the narrow valley a digit costs several steps, "
    "about the same number each time"
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


@exercise("exercise: one rate zig-zags in with one weight (1/L to 2/L) and diverges with two")
def _one_rate_for_two_bowls() -> bool:
    return (
        1 / curvature_1d() < RATE_BOTH < 2 / curvature_1d()
        and 2 / two_weight_cost().curvature() < RATE_BOTH
        and lesson.descent_1d(RATE_BOTH).converged
        and lesson.descent_2d(RATE_BOTH).diverged
    )


claim("at most of the network's stops the cost still curves down")(
    many_valleys_page._what_the_stops_are
)


claim("run on, the network's curvature climbs to 2/η")(many_valleys_page._running_on_climbs)


claim("run on, the network's steps then zig-zag")(many_valleys_page._running_on_zigzags)
