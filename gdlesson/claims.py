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
from gdlesson import exercises as ex
from gdlesson import lesson, rates, sgd, valleys
from gdlesson.brute_force import CANDIDATES, SEARCH_RANGE, brute_force
from gdlesson.costs import one_weight_cost, two_weight_cost
from gdlesson.descent import gradient_descent
from gdlesson.network import weight_count


@dataclass(frozen=True)
class Claim:
    """A sentence of a page, and a check that is true exactly when it is."""

    page: str
    says: str
    check: Callable[[], bool]


def _run(rate, start=lesson.START_1D):
    return gradient_descent(one_weight_cost(), start, rate)


def _run_2d(rate):
    return gradient_descent(two_weight_cost(), lesson.START_2D, rate)


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


def _across_valley_2d(rate) -> tuple:
    """A two-weight descent, and how far across the valley each of its points lies."""
    cost = two_weight_cost()
    steepest = np.linalg.eigh(cost.inputs.T @ cost.inputs)[1][:, -1]
    run = gradient_descent(cost, lesson.START_2D, rate)
    return run, (run.path - cost.minimum()) @ steepest


def _crosses_valley_2d(rate=lesson.RATE_2D) -> bool:
    run, across = _across_valley_2d(rate)
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


def _nearest_is_best(count: int) -> bool:
    """Brute force with ``count`` candidates keeps the one nearest the minimum,
    within half a grid spacing of it."""
    w_star = float(one_weight_cost().minimum()[0])
    search = brute_force(one_weight_cost(), *SEARCH_RANGE, count)
    half = (SEARCH_RANGE[1] - SEARCH_RANGE[0]) / (count - 1) / 2
    nearest = ex.nearest_candidate(*SEARCH_RANGE, count, w_star)
    return search.best_w == nearest and abs(nearest - w_star) <= half


def _plain_errors_cancel() -> bool:
    """At Σ price / Σ area the errors add up to zero, yet miss every house."""
    cost = one_weight_cost()
    w = float(np.sum(cost.targets) / np.sum(cost.inputs))
    errors = cost.predict(w) - cost.targets
    return abs(errors.sum()) < 1e-12 and bool(np.all(np.abs(errors) > 1e-3))


def _regimes() -> bool:
    walks, zigzags, diverges = (_run(rate) for rate in ex.REGIME_RATES)
    walk_rate, zigzag_rate, diverge_rate = ex.REGIME_RATES
    return (
        walk_rate < 1 / _curvature() < zigzag_rate < 2 / _curvature() < diverge_rate
        and walks.converged
        and _walks(walks)
        and zigzags.converged
        and _overshoots(zigzags)
        and diverges.diverged
    )


def _two_curvatures() -> bool:
    """The two-weight valley curves differently along its two axes."""
    cost = two_weight_cost()
    low, high = np.linalg.eigvalsh(cost.inputs.T @ cost.inputs)
    return high > 1.01 * low


def _creeps_2d() -> bool:
    """The small two-weight rate never crosses the valley, and is slower than the lesson's."""
    run, across = _across_valley_2d(ex.RATE_2D_SMALL)
    never_crosses = bool(np.all(across * across[0] > 0))
    return run.converged and never_crosses and run.steps > _run_2d(lesson.RATE_2D).steps


def _rate_over_2d_grows() -> bool:
    cost = two_weight_cost()
    run = gradient_descent(cost, lesson.START_2D, ex.RATE_2D_OVER, max_steps=ex.STEPS_2D_OVER)
    sizes = [np.linalg.norm(cost.gradient(w)) for w in run.path[:: ex.EVERY_2D_OVER]]
    return (
        2 / cost.curvature() < ex.RATE_2D_OVER
        and run.steps == ex.STEPS_2D_OVER
        and bool(np.all(np.diff(sizes) > 0))
        and gradient_descent(cost, lesson.START_2D, ex.RATE_2D_OVER).diverged
    )


def _limit_between(cost, start, rates, crawl_steps: int = 0) -> bool:
    """The first of ``rates`` converges; the largest that converges lies below 2/L,
    the next one above it, and both take ``crawl_steps`` steps or more."""
    runs = {r: gradient_descent(cost, start, r) for r in rates}
    largest = ex.largest_converging(runs.values())
    above = [r for r in rates if r > largest]
    if not above or not runs[rates[0]].converged:
        return False
    crawl = min(runs[largest].steps, runs[min(above)].steps) >= crawl_steps
    return largest < 2 / cost.curvature() < min(above) and crawl


def _same_steps_from_either_side() -> bool:
    w_star = one_weight_cost().minimum()[0]
    left, right = w_star - lesson.START_1D, ex.START_OTHER_SIDE - w_star
    if not (left > 0 and right > 0 and round(left, 1) == round(right, 1)):
        return False
    rates = (lesson.RATE_1D, lesson.RATE_ZIGZAG_1D)
    return all(_run(r).steps == _run(r, ex.START_OTHER_SIDE).steps for r in rates)


def _valley_limits() -> tuple[float, float]:
    """2/L at the bottom of the left valley and of the right one."""
    cost = valleys.valleys_cost()
    bottoms = [w for w, kind in valleys.turning_points(cost) if kind == "valley"]
    return tuple(2 / ex.curvature_at(cost.slope, w) for w in (bottoms[0], bottoms[-1]))


def _ends(start, rate) -> str:
    """Where a descent on the two-valley cost ends: "left", "right", or how it ended."""
    run = gradient_descent(valleys.valleys_cost(), start, rate)
    return {"valley 0": "left", "valley 1": "right"}.get(valleys.ending(run), valleys.ending(run))


def _larger_rate_crosses_the_flat() -> bool:
    crawling, flat = ex.STARTS_VALLEYS_FLAT
    cost = valleys.valleys_cost()
    return (
        crawling in lesson.STARTS_VALLEYS
        and lesson.RATE_VALLEYS < ex.RATE_VALLEYS_FLAT < _valley_limits()[1]
        and gradient_descent(cost, crawling, lesson.RATE_VALLEYS).status == "stopped"
        and _ends(crawling, ex.RATE_VALLEYS_FLAT) == "right"
        and flat >= valleys.flat_from(cost)
        and _ends(flat, lesson.RATE_VALLEYS) == _ends(flat, ex.RATE_VALLEYS_FLAT) == "did not move"
    )


def _large_rate_skips_the_narrow_valley() -> bool:
    left_limit, right_limit = _valley_limits()
    start, rate = ex.START_VALLEYS_LARGE, ex.RATE_VALLEYS_LARGE
    return (
        right_limit < rate < left_limit
        and _ends(start, lesson.RATE_VALLEYS) == "right"
        and _ends(start, rate) == "left"
    )


def _batches() -> bool:
    """A batch of every house steps as gradient descent does and settles at the minimum;
    batches of fewer houses jitter, over at least half the range of single houses."""
    cost, (small, every) = one_weight_cost(), ex.SGD_BATCHES
    start, rate, epochs = lesson.START_SGD, lesson.RATE_SGD, lesson.EPOCHS_SGD
    single, few, full = (
        sgd.stochastic_descent(cost, start, rate, epochs, batch_size=b, seed=lesson.SEED_SGD)
        for b in (1, small, every)
    )
    descent = gradient_descent(cost, start, rate).path
    settled = np.abs(sgd.last_pass(full) - cost.minimum()[0]) < 5e-4
    return (
        every == len(cost.targets) > small > 1
        and np.allclose(full.path[: len(descent), 0], descent, rtol=0, atol=1e-12)
        and bool(np.all(settled))
        and bool(np.ptp(sgd.last_pass(few)) > np.ptp(sgd.last_pass(single)) / 2)
    )


def _one_step_per_digit() -> bool:
    """At the 'just right' rate each step shrinks the distance to the minimum more than
    tenfold, so each tolerance ten times tighter costs one more step."""
    cost, rate = one_weight_cost(), lesson.RATES_1D["just right"]
    tolerances = np.array(ex.TOLERANCES)
    steps = [gradient_descent(cost, lesson.START_1D, rate, tolerance=t).steps for t in tolerances]
    return (
        abs(rates.step_factor(rate, cost.curvature())) < 0.1
        and np.allclose(tolerances[:-1] / tolerances[1:], 10)
        and tolerances[0] == gradient_descent.__kwdefaults__["tolerance"]
        and bool(np.all(np.diff(steps) == 1))
        and ex.FINER_CANDIDATES == 10 * CANDIDATES
    )


EXERCISE_CLAIMS = (
    Claim(
        "recap.md",
        "exercise: w = 0 costs more than the poor trial weight",
        lambda: one_weight_cost()(ex.ZERO_WEIGHT) > one_weight_cost()(lesson.RECAP_WEIGHTS[0]),
    ),
    Claim(
        "recap.md",
        "exercise: the plain errors cancel at Σ price / Σ area, which misses every house",
        _plain_errors_cancel,
    ),
    Claim(
        "brute-force.md",
        "exercise: with 1,000 or 100 candidates, the best is the nearest, within half a spacing",
        lambda: _nearest_is_best(CANDIDATES) and _nearest_is_best(ex.FEW_CANDIDATES),
    ),
    Claim(
        "supercomputer.md",
        "exercise: ten candidates per weight would take TaihuLight under ten years",
        lambda: (
            budget.years_needed(
                budget.combinations(ex.COARSE_CANDIDATES, weight_count()), budget.LECTURE_FLOPS
            )
            < 10
        ),
    ),
    Claim(
        "gradient-descent.md",
        "exercise: the three rates walk (below 1/L), zig-zag (1/L to 2/L), diverge (above 2/L)",
        _regimes,
    ),
    Claim(
        "gradient-descent.md",
        "exercise: at η = 1/L one step lands on the minimum; two weights have two curvatures",
        lambda: _run(1 / _curvature()).steps == 1 and _two_curvatures(),
    ),
    Claim(
        "two-weights.md",
        "exercise: the small rate never crosses the valley, converges, and takes more steps",
        _creeps_2d,
    ),
    Claim(
        "two-weights.md",
        "exercise: the rate above 2/L makes the gradient grow, and diverges",
        _rate_over_2d_grows,
    ),
    Claim(
        "why-it-wins.md",
        "exercise: a hidden layer twice as wide has twice the weights",
        lambda: weight_count(ex.WIDE_LAYERS) == 2 * weight_count(),
    ),
    Claim(
        "many-valleys.md",
        "exercise: a larger rate, below the right valley's 2/L, takes the crawling start to "
        "the right valley; the start on flat ground does not move at either rate",
        _larger_rate_crosses_the_flat,
    ),
    Claim(
        "many-valleys.md",
        "exercise: the large rate is above the right valley's 2/L, below the left one's, "
        "and takes a start that the lesson's rate brings to the right valley to the left one",
        _large_rate_skips_the_narrow_valley,
    ),
    Claim(
        "many-valleys.md",
        "exercise: SGD on batches of every house is gradient descent and settles at the "
        "minimum; smaller batches still jitter",
        _batches,
    ),
    Claim(
        "summary.md",
        "exercise: at the 'just right' rate each tenfold tighter tolerance costs one step",
        _one_step_per_digit,
    ),
    Claim(
        "summary.md",
        "exercise: one rate zig-zags in with one weight (1/L to 2/L) and diverges with two",
        lambda: (
            1 / _curvature() < ex.RATE_BOTH < 2 / _curvature()
            and 2 / two_weight_cost().curvature() < ex.RATE_BOTH
            and _run(ex.RATE_BOTH).converged
            and _run_2d(ex.RATE_BOTH).diverged
        ),
    ),
    Claim(
        "try-it.ipynb",
        "exercise: 2/L lies between the largest listed rate that converges and the next "
        "(with one weight, both take thousands of steps)",
        lambda: (
            _limit_between(one_weight_cost(), lesson.START_1D, ex.LIMIT_RATES_1D, 1000)
            and _limit_between(two_weight_cost(), lesson.START_2D, ex.LIMIT_RATES_2D)
        ),
    ),
    Claim(
        "try-it.ipynb",
        "exercise: starts on either side of the minimum, as far from it, take as many steps",
        _same_steps_from_either_side,
    ),
    Claim(
        "try-it.ipynb",
        "exercise: the two-weight valley's limit 2/L is below the one-weight one",
        lambda: two_weight_cost().curvature() > one_weight_cost().curvature(),
    ),
)


def check_claims(claims=CLAIMS + EXERCISE_CLAIMS) -> None:
    """Raise ``ValueError`` naming each claim that the computed values make false."""
    false = [f"{c.page}: {c.says}" for c in claims if not c.check()]
    if false:
        raise ValueError("claims the computation makes false:\n  " + "\n  ".join(false))
