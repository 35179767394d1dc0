"""The claims of "Choosing the rate": what the cost does step by step at three rates,
what the powers-of-ten search finds and how it compares with 2/λ_max, and the
premises of its exercises; and the answers of the summary's "true or false?"
checks (page "Summary").

The choices are read when a check runs, so a test may change one and see its
claim fail.
"""

from __future__ import annotations

from functools import partial

import numpy as np

from gdlesson import choices, lesson, rates, valleys
from gdlesson.claims.claim import Claim, register, require
from gdlesson.claims.common import bottoms_and_hump, crossings_1d, crossings_2d, lambdas
from gdlesson.costs import one_weight_cost, two_weight_cost
from gdlesson.descent import BLOWUP
from gdlesson.facts.choosing import falling_steps, faster_slower_diverging, min_cost_2d

CLAIMS: list[Claim] = []
EXERCISE_CLAIMS: list[Claim] = []
SUMMARY_CLAIMS: list[Claim] = []
claim = partial(register, CLAIMS, "choosing-the-rate.md")
exercise = partial(register, EXERCISE_CLAIMS, "choosing-the-rate.md")
true_or_false = partial(register, SUMMARY_CLAIMS, "summary.md")


def _runs():
    """The figure's three descents: too small, good, too large."""
    return [lesson.descent_2d(rate) for rate in lesson.RATES_CHOOSING.values()]


def _search():
    """The search's trials, by rate, and its pick."""
    trials = lesson.search_trials()
    return trials, lesson.search_pick(trials)


def _limit() -> float:
    """2/λ_max of the two-weight valley."""
    return 2 / lambdas()[1]


# --- choosing the rate: the figure -----------------------------------------------------


@claim("just under 2/λ_max the cost falls at every step, slower than the too-small rate's")
def _under_the_limit_falls_slowly() -> None:
    shown, rate = choices.STEPS_CHOOSING, lesson.RATE_UNDER_LIMIT_2D
    under = lesson.trial_2d(rate, shown)
    small = lesson.descent_2d(lesson.RATES_CHOOSING["too small"])
    require(rate < _limit() and lesson.descent_2d(rate).converged, f"{rate} is not under")
    require(np.all(np.diff(under.costs) < 0), "the cost does not fall at every step")
    require(under.costs[-1] > small.costs[shown], "it is not slower than the too-small rate")
    require(crossings_2d(under) == under.steps, "it does not bounce across at every step")


@claim("just over 2/λ_max the cost falls for a few steps, then climbs, and it diverges")
def _over_the_limit_falls_first() -> None:
    rate = lesson.RATE_OVER_LIMIT_2D
    over = lesson.trial_2d(rate, choices.STEPS_CHOOSING)
    falls = falling_steps(over)
    require(rate > _limit() and lesson.descent_2d(rate).diverged, f"{rate} is not over")
    require(2 <= falls < over.steps, f"the cost falls for {falls} steps")
    require(over.costs[-1] > over.costs[0], "the cost did not climb above its start")


@claim("the three rates: too small walks below 1/λ_max, good converges fastest, too large diverges")
def _three_regimes() -> None:
    small, good, large = _runs()
    high = lambdas()[1]
    require(small.learning_rate < 1 / high and crossings_2d(small) == 0, "too small crosses")
    require(small.converged and good.converged, "too small or good does not converge")
    require(good.steps < small.steps, f"good takes {good.steps} steps, too small {small.steps}")
    require(good.learning_rate < _limit() < large.learning_rate, "the rates straddle no limit")
    require(large.diverged, f"too large {large.status}")


@claim("too small: after the figure's steps the cost still falls, several times the lowest")
def _too_small_still_falling() -> None:
    small = _runs()[0]
    shown = choices.STEPS_CHOOSING
    costs = small.costs[: shown + 1]
    require(small.steps > shown, "too small converged within the figure")
    require(bool(np.all(np.diff(costs) < 0)), "its cost does not fall at every step")
    times = costs[-1] / min_cost_2d()
    require(times > 3, f"it is only {times:.1f} times the lowest cost")


@claim("good: the cost falls fast, then flattens out on the lowest cost and stays there")
def _good_flattens() -> None:
    good = _runs()[1]
    shown = choices.STEPS_CHOOSING
    low = min_cost_2d()
    costs = good.costs[: shown + 1]
    require(good.steps >= shown, "good stops before the end of the figure")
    require(bool(np.all(np.diff(costs) <= 0)), "its cost rises at a step")
    flat_from = int(np.argmax(costs < low * 1.01))
    require(0 < flat_from < shown / 2, f"within 1% of the lowest only from step {flat_from}")
    # "stays there": below 1% above the lowest from then on, to the figure's end
    require(bool(np.all(costs[flat_from:] < low * 1.01)), "it leaves the lowest cost")


@claim("too large: the cost rises at every step, each jump across the valley longer")
def _too_large_rises() -> None:
    cost, large = two_weight_cost(), _runs()[2]
    across = (large.path - cost.minimum()) @ rates.steepest_direction(cost)
    require(bool(np.all(np.diff(large.costs) > 0)), "its cost falls at a step")
    require(crossings_2d(large) == large.steps, "a step does not cross the valley")
    require(bool(np.all(np.diff(np.abs(across)) > 0)), "a jump across lands nearer")


# --- choosing the rate: the search ---------------------------------------------------------


@claim("the search tries powers of ten, largest first; the largest diverges")
def _largest_diverges() -> None:
    trials, _ = _search()
    rates = list(trials)
    require(rates == sorted(rates, reverse=True), "the rates are not largest first")
    ratios = np.array(rates[:-1]) / np.array(rates[1:])
    powers = np.log10(rates)
    require(np.allclose(ratios, 10) and np.allclose(powers, np.round(powers)), "not powers of ten")
    require(trials[rates[0]].diverged, f"{rates[0]} does not diverge")
    require(sum(run.diverged for run in trials.values()) == 1, "another rate diverges")


@claim("of the others, the smaller the rate, the higher the cost at the end; the pick is largest")
def _smaller_ends_higher() -> None:
    trials, pick = _search()
    kept = [(rate, run) for rate, run in trials.items() if not run.diverged]
    ends = [run.costs[-1] for _, run in kept]  # largest rate first
    require(bool(np.all(np.diff(ends) > 0)), f"the ends {ends} do not rise as rates shrink")
    require(pick == kept[0][0], f"the pick {pick} is not the largest that did not diverge")
    require(all(run.status == "stopped" for _, run in kept), "a trial converged in the budget")


@claim("the pick is below 2/λ_max and converges; the next power up is above it and diverges")
def _pick_below_the_limit() -> None:
    trials, pick = _search()
    up = min(rate for rate in trials if rate > pick)
    require(pick < _limit() < up, f"{_limit()} is not between {pick} and {up}")
    require(np.isclose(up, 10 * pick), f"the next power up is {up}")
    require(lesson.descent_2d(pick).converged, "the pick does not converge")
    require(lesson.descent_2d(up).diverged, "the next power up does not diverge")


@claim("a rate between the pick and the limit, the two-weight rate, converges in fewer steps")
def _better_between() -> None:
    _, pick = _search()
    require(pick < lesson.RATE_2D < _limit(), f"{lesson.RATE_2D} is not between")
    ours, theirs = lesson.descent_2d(pick), lesson.two_weight_descent()
    require(theirs.converged and theirs.steps < ours.steps, f"{theirs} against {ours}")


# --- choosing the rate: the exercises ------------------------------------------------------


@exercise(
    "exercise: the pick times the factor diverges (above 2/λ_max), divided by it ends "
    "higher: the pick stays"
)
def _refine() -> bool:
    _, pick = _search()
    up = lesson.trial_2d(pick * choices.REFINE_FACTOR, lesson.SEARCH_STEPS)
    down = lesson.trial_2d(pick / choices.REFINE_FACTOR, lesson.SEARCH_STEPS)
    own = lesson.trial_2d(pick, lesson.SEARCH_STEPS)
    return (
        choices.REFINE_FACTOR < 10
        and pick < _limit() < pick * choices.REFINE_FACTOR
        and up.diverged
        and not down.diverged
        and down.costs[-1] > own.costs[-1]
    )


@exercise("answer: a finer factor up, still below 2/λ_max, ends lower than the pick")
def _refine_finer() -> bool:
    _, pick = _search()
    finer = pick * choices.REFINE_FINER
    ends = lesson.trial_2d(finer, lesson.SEARCH_STEPS).costs[-1]
    return (
        1 < choices.REFINE_FINER < choices.REFINE_FACTOR
        and finer < _limit()
        and (ends < lesson.trial_2d(pick, lesson.SEARCH_STEPS).costs[-1])
    )


@claim("after the search's steps, the two-weight rate's cost is below the pick's")
def _rate_2d_ends_lower() -> bool:
    _, pick = _search()
    steps = lesson.SEARCH_STEPS
    rate_2d = lesson.trial_2d(lesson.RATE_2D, steps).costs[-1]
    return pick < lesson.RATE_2D < _limit() and rate_2d < lesson.trial_2d(pick, steps).costs[-1]


@exercise(
    "exercise: the too-large rate, in the search's steps, is not called diverged, "
    "but its cost rises above the start and the pick's"
)
def _too_large_not_flagged() -> bool:
    _, pick = _search()
    rate = lesson.RATES_CHOOSING["too large"]
    trial = lesson.trial_2d(rate, lesson.SEARCH_STEPS)
    own = lesson.trial_2d(pick, lesson.SEARCH_STEPS)
    return (
        rate > _limit()
        and trial.status == "stopped"
        and 1 <= trial.costs[0] < trial.costs[-1] < BLOWUP * trial.costs[0]
        and trial.costs[-1] > own.costs[-1]
        and lesson.descent_2d(rate).diverged
    )


# --- the summary's "true or false?" --------------------------------------------------------


@true_or_false(
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


@true_or_false(
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


@true_or_false("false: the lowest costs, with one weight and with two, are above zero")
def _lowest_cost_not_zero() -> None:
    one = one_weight_cost()
    lowest_1d = one(one.minimum())
    require(lowest_1d > 0.01, f"the lowest one-weight cost is {lowest_1d}")
    require(0.01 < min_cost_2d() < lowest_1d, f"the lowest two-weight cost is {min_cost_2d()}")


@true_or_false("false: a start left of the hump ends in the left valley, above the right one")
def _not_the_lowest_valley() -> None:
    cost = valleys.valleys_cost()
    bottoms, hump = bottoms_and_hump()
    run = next(run for run in valleys.descents() if valleys.ending(run) == "valley 0")
    require(run.path[0] < hump and run.converged, f"{run} from {run.path[0]}")
    require(cost(bottoms[0]) > cost(bottoms[-1]), "the left valley is not the higher one")
    require(run.costs[-1] > cost(bottoms[-1]), "it ends as low as the right valley")
