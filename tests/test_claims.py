"""Every claim the pages make in words, checked against what gdlesson computes.

The numbers on the pages are filled in from gdlesson, so they cannot drift;
the words around them can ("zig-zags", "sooner than", "never crosses"). Each
test here recomputes what a sentence says from the lesson's own settings
(gdlesson.lesson, the data in gdlesson.costs), never from today's numbers: if
new data keep a sentence true, its test passes; if they make it false, the
test fails, named after the page and the claim.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal

import numpy as np
import pytest

from gdlesson import compute_budget as budget
from gdlesson import lesson, playground, rates, sgd, valleys
from gdlesson.brute_force import CANDIDATES
from gdlesson.costs import one_weight_cost, two_weight_cost
from gdlesson.descent import BLOWUP, gradient_descent
from gdlesson.facts import facts
from gdlesson.network import (
    LAYERS,
    house_data,
    initial_weights,
    lined_up,
    network_cost,
    relabelled,
    symmetric_copies,
    trained_by_descent,
    trained_from_starts,
)
from gdlesson.relabelling import distance_up_to_relabelling

CLAIMS: list = []


def claim(page: str, text: str):
    """Register the decorated check as the claim ``text`` of ``page``."""

    def register(check: Callable[[], None]):
        CLAIMS.append(pytest.param(page, text, check, id=f"{page}: {text}"))
        return check

    return register


@pytest.mark.parametrize(("page", "text", "check"), CLAIMS)
def test_claim(page, text, check):
    try:
        check()
    except AssertionError as error:
        raise AssertionError(f"{page} claims: {text}. {error}") from None


# --- helpers: the lesson's descents ----------------------------------------------


def one(rate: float):
    return gradient_descent(one_weight_cost(), lesson.START_1D, rate)


def two(rate: float):
    return gradient_descent(two_weight_cost(), lesson.START_2D, rate)


def curvature_1d() -> float:
    return float(rates.curvatures(one_weight_cost())[-1])


def w_star_1d() -> float:
    return float(one_weight_cost().minimum()[0])


def crossings_1d(run) -> int:
    return rates.crossings(run, one_weight_cost())


def crossings_2d(run) -> int:
    return rates.crossings(run, two_weight_cost())


# --- gradient-descent.md ----------------------------------------------------------


@claim("gradient-descent.md", "on our bowl the slope is zero only at the bottom")
def _():
    cost = one_weight_cost()
    ws = np.linspace(-5, 10, 3001)
    slopes = np.array([cost.gradient(w)[0] for w in ws])
    assert np.all(slopes[ws < w_star_1d() - 1e-9] < 0) and np.all(slopes[ws > w_star_1d()] > 0)


@claim("gradient-descent.md", "the measured slope agrees with the formula to four decimals")
def _():
    cost, start, h = one_weight_cost(), lesson.START_1D, 1e-6
    measured = (cost(start + h) - cost(start - h)) / (2 * h)
    assert f"{measured:.4f}" == f"{cost.gradient(start)[0]:.4f}"


@claim("gradient-descent.md", "the rolling ball walks: it never jumps past the minimum")
def _():
    run = one(lesson.RATE_1D)
    assert run.converged and crossings_1d(run) == 0
    assert run.w == pytest.approx(w_star_1d(), abs=1e-6)


@claim("gradient-descent.md", "the zig-zag rate jumps past the minimum every step, yet arrives")
def _():
    run = one(lesson.RATE_ZIGZAG_1D)
    assert run.converged and crossings_1d(run) == run.steps > 0


@claim("gradient-descent.md", "the zig-zag rate needs more steps than the steady walk")
def _():
    assert one(lesson.RATE_ZIGZAG_1D).steps > one(lesson.RATE_1D).steps


@claim("gradient-descent.md", "the faster zig-zag rate zig-zags and arrives sooner than the walk")
def _():
    run = one(lesson.RATE_FAST_ZIGZAG_1D)
    assert run.converged and crossings_1d(run) == run.steps > 0
    assert run.steps < one(lesson.RATE_1D).steps


@claim("gradient-descent.md", "every step multiplies the distance to the minimum by 1 − ηL")
def _():
    for rate in lesson.RATES_TABLE_1D:
        distance = one(rate).path - w_star_1d()
        far = np.abs(distance[:-1]) > 1e-6
        ratios = distance[1:][far] / distance[:-1][far]
        np.testing.assert_allclose(ratios, rates.step_factor(rate, curvature_1d()), rtol=1e-6)


@claim("gradient-descent.md", "below 1/L it walks, up to 2/L it zig-zags, above 2/L it diverges")
def _():
    L = curvature_1d()
    for rate in [*lesson.RATES_TABLE_1D, *np.linspace(0.02, 2.5, 60) / L]:
        run, crossings = one(rate), crossings_1d(one(rate))
        if rate < 1 / L:
            assert run.converged and crossings == 0, rate
        elif rate < 2 / L:
            assert run.converged and crossings == run.steps, rate
        else:
            assert run.diverged and crossings == run.steps, rate


@claim("gradient-descent.md", "the table's step counts follow the size of the factor, not its sign")
def _():
    converged = [r for r in lesson.RATES_TABLE_1D if one(r).converged]
    signs = {np.sign(rates.step_factor(r, curvature_1d())) for r in converged}
    assert signs == {1.0, -1.0}, "the table shows both signs"
    by_size = sorted(converged, key=lambda r: abs(rates.step_factor(r, curvature_1d())))
    steps = [one(r).steps for r in by_size]
    assert steps == sorted(steps)


@claim("gradient-descent.md", "the table's factors are 1 − ηL, rounded right from exact decimals")
def _():
    area = [Decimal(repr(float(a))) for a in one_weight_cost().inputs[:, 0]]
    exact_l = sum(a * a for a in area)
    rows = facts()["rates_table_1d"].splitlines()[2:]
    assert len(rows) == len(lesson.RATES_TABLE_1D)
    for rate, row in zip(lesson.RATES_TABLE_1D, rows, strict=True):
        shown = row.split("|")[2].strip().replace("−", "-")
        exact = 1 - Decimal(repr(rate)) * exact_l
        places = Decimal(1).scaleb(-len(shown.split(".")[1]))
        assert Decimal(shown) == exact.quantize(places, ROUND_HALF_UP), (rate, shown, exact)


@claim("gradient-descent.md", "at η = 1/L one step lands on the minimum")
def _():
    assert one(1 / curvature_1d()).steps == 1


@claim("gradient-descent.md", "w* = Σ area·price / Σ area² is where the descent ends")
def _():
    cost = one_weight_cost()
    formula = float(cost.inputs[:, 0] @ cost.targets / np.sum(cost.inputs**2))
    assert formula == pytest.approx(w_star_1d(), rel=1e-12)
    assert f"{one(lesson.RATE_1D).w:.4f}" == f"{formula:.4f}"


@claim("gradient-descent.md", "the too-large rate diverges when its cost passes the cut-off")
def _():
    run = one(lesson.RATES_1D["too large"])
    cutoff = BLOWUP * max(run.costs[0], 1.0)
    assert run.diverged and run.costs[-1] > cutoff and np.all(run.costs[:-1] <= cutoff)


@claim("gradient-descent.md", "diverging, the extra cost grows by (1 − ηL)² each step")
def _():
    rate = lesson.RATES_1D["too large"]
    extra = one(rate).costs - one_weight_cost()(w_star_1d())
    factor = rates.step_factor(rate, curvature_1d())
    assert factor < -1
    np.testing.assert_allclose(extra[1:] / extra[:-1], factor**2, rtol=1e-6)


@claim("gradient-descent.md", "a good rate needs far fewer steps than brute force's evaluations")
def _():
    assert one(lesson.RATES_1D["just right"]).steps < CANDIDATES


# --- two-weights.md -----------------------------------------------------------------


def lambdas():
    low, high = rates.curvatures(two_weight_cost())
    return float(low), float(high)


@claim("two-weights.md", "the descent converges below 2/λ_max and diverges above it")
def _():
    high = lambdas()[1]
    assert two(0.99 * 2 / high).converged and two(1.01 * 2 / high).diverged


@claim("two-weights.md", "the path crosses the valley exactly when η > 1/λ_max")
def _():
    high = lambdas()[1]
    for rate in np.linspace(0.05, 1.95, 39) / high:
        assert (crossings_2d(two(rate)) > 0) == (rate > 1 / high), rate


@claim("two-weights.md", "the table: rates below 1/λ_max never cross, the others do")
def _():
    high = lambdas()[1]
    assert any(r < 1 / high for r in lesson.RATES_TABLE_2D)
    assert any(r > 1 / high for r in lesson.RATES_TABLE_2D)
    for rate in lesson.RATES_TABLE_2D:
        assert (crossings_2d(two(rate)) == 0) == (rate < 1 / high), rate


@claim("two-weights.md", "the fastest rates zig-zag")
def _():
    high = lambdas()[1]
    grid = np.linspace(0.02, 0.995, 40) * 2 / high
    steps = [two(r).steps for r in grid]
    assert grid[int(np.argmin(steps))] > 1 / high
    in_table = [r for r in lesson.RATES_TABLE_2D if two(r).converged]
    fastest = min(in_table, key=lambda r: two(r).steps)
    assert crossings_2d(two(fastest)) > 0


@claim("two-weights.md", "2/(λ_min + λ_max) makes the larger factor smallest, both equal in size")
def _():
    cost = two_weight_cost()
    low, high = lambdas()
    best = 2 / (low + high)
    assert abs(1 - best * low) == pytest.approx(abs(1 - best * high))
    for rate in np.linspace(0.001, 2 / high, 400):
        assert rates.slowest_factor(rate, cost) >= rates.slowest_factor(best, cost) - 1e-12


@claim("two-weights.md", "along the valley the factor stays above 1 − 2λ_min/λ_max")
def _():
    low, high = lambdas()
    for rate in np.linspace(0.001, 0.999, 200) * 2 / high:
        assert 1 - rate * low > 1 - 2 * low / high


@claim("two-weights.md", "near 2/λ_max the zig-zag barely shrinks; past it, it grows")
def _():
    high = lambdas()[1]
    below = [r for r in lesson.RATES_TABLE_2D if r < 2 / high]
    above = [r for r in lesson.RATES_TABLE_2D if r > 2 / high]
    nearest = max(below)
    assert -1 < rates.step_factor(nearest, high) < -0.9
    assert two(nearest).steps == max(two(r).steps for r in below)
    assert above and all(two(r).diverged for r in above)


@claim("two-weights.md", "the figure's rate zig-zags; the playground's slow rate never crosses")
def _():
    assert crossings_2d(two(lesson.RATE_2D)) > 1 and two(lesson.RATE_2D).converged
    slow = lesson.RATES_TABLE_2D[0]
    assert crossings_2d(two(slow)) == 0
    offered = playground.config_2d()["rates"]
    assert slow in offered and lesson.RATE_2D in offered


@claim("two-weights.md", "XᵀX turns most directions, but only stretches along and across")
def _():
    cost = two_weight_cost()
    table = cost.inputs.T @ cost.inputs
    values, vectors = np.linalg.eigh(table)
    for value, vector in zip(values, vectors.T, strict=True):
        np.testing.assert_allclose(table @ vector, value * vector, atol=1e-12)
    # along: the cost rises least that way from the minimum; across: most
    bottom = cost.minimum()
    rises = [cost(bottom + 0.1 * v) - cost(bottom) for v in vectors.T]
    angles = np.linspace(0, np.pi, 181)
    others = [cost(bottom + 0.1 * np.array([np.cos(a), np.sin(a)])) for a in angles]
    assert rises[0] <= min(others) - cost(bottom) + 1e-12
    assert rises[1] >= max(others) - cost(bottom) - 1e-12
    turned = table @ np.array([1.0, 0.0])
    assert abs(turned[1]) > 1e-3 * abs(turned[0])  # a weight's own axis is turned


@claim("two-weights.md", "Figure 7: above 1/λ_max, each step of the path overshoots across")
def _():
    run, high = two(lesson.RATE_2D), lambdas()[1]
    assert 1 / high < lesson.RATE_2D
    assert run.converged and crossings_2d(run) == run.steps > 0


@claim("two-weights.md", "the table's diverging count is when the cost passed 10⁶ × its start")
def _():
    diverging = [two(r) for r in lesson.RATES_TABLE_2D if two(r).diverged]
    assert diverging, "the table shows a rate that diverges"
    for run in diverging:
        assert run.costs[0] >= 1  # so the cut-off is BLOWUP times the start, as the page says
        cutoff = BLOWUP * run.costs[0]
        assert run.costs[-1] > cutoff and np.all(run.costs[:-1] <= cutoff)
        # the cost grows without end, and a lower cut-off would give a smaller count
        assert rates.step_factor(run.learning_rate, lambdas()[1]) < -1
        assert 0 < np.argmax(run.costs > cutoff / 1000) < run.steps


# --- why-it-wins.md and supercomputer.md --------------------------------------------


@claim("why-it-wins.md", "the network run stops once its gradient is below a looser tolerance")
def _():
    run = trained_by_descent()
    gradient = network_cost().gradient(run.w)
    assert run.converged and np.linalg.norm(gradient) < lesson.TOLERANCE_NETWORK
    assert gradient_descent.__kwdefaults__["tolerance"] < lesson.TOLERANCE_NETWORK
    assert run.costs[-1] < run.costs[0]


class CountingCost:
    """A cost that counts how often its slopes are asked for."""

    def __init__(self, cost):
        self.cost, self.dimension, self.slopes = cost, cost.dimension, 0

    def __call__(self, w):
        return self.cost(w)

    def gradient(self, w):
        self.slopes += 1
        return self.cost.gradient(w)


@claim("why-it-wins.md", "descent takes a slope before each step and one more; 2 passes each")
def _():
    counting = CountingCost(network_cost())
    start = initial_weights()
    run = gradient_descent(
        counting, start, lesson.RATE_NETWORK, tolerance=lesson.TOLERANCE_NETWORK, max_steps=100_000
    )
    assert run.steps == trained_by_descent().steps and run.converged
    assert counting.slopes == run.steps + 1
    passes = lesson.PASSES_PER_SLOPE * counting.slopes
    assert facts()["network_passes"] == f"{passes:,}"
    combos = budget.combinations(CANDIDATES, len(start))
    assert facts()["network_ratio"] == budget.scientific(budget.Fraction(combos, passes), 2)


@claim("why-it-wins.md", "the made-up houses' inputs are on a standard scale (around 0, spread 1)")
def _():
    x, _ = house_data()
    assert np.all(np.abs(x.mean(axis=0)) < 0.3) and np.all(np.abs(x.std(axis=0) - 1) < 0.3)


@claim("why-it-wins.md", "swaps and sign flips give every weight setting distinct same-cost copies")
def _():
    cost, w = network_cost(), trained_by_descent().w
    n = LAYERS[1]
    copies = {
        tuple(np.round(relabelled(w, order, signs), 12))
        for order in itertools.permutations(range(n))
        for signs in itertools.product((1.0, -1.0), repeat=n)
    }
    assert len(copies) == symmetric_copies()
    costs = [cost(np.array(c)) for c in itertools.islice(copies, 0, None, 61)]
    np.testing.assert_allclose(costs, cost(w), rtol=1e-9)


@claim("supercomputer.md", "El Capitan first led one list and still led the latest one, faster")
def _():
    first = next(m for m in budget.MACHINES if m.name == budget.LATEST.name)
    assert first is budget.MACHINES[-1] and first.first_top != budget.LATEST.first_top
    assert budget.LATEST.rmax_flops > first.rmax_flops


# --- many-valleys.md --------------------------------------------------------------


def turning():
    points = valleys.turning_points(valleys.valleys_cost())
    bottoms = [w for w, kind in points if kind == "valley"]
    hump = next(w for w, kind in points if kind == "hump")
    return bottoms, hump


def valley_run(start: float):
    return gradient_descent(valleys.valleys_cost(), start, lesson.RATE_VALLEYS)


@claim("many-valleys.md", "two valleys with a hump between them; the right one is lower")
def _():
    cost = valleys.valleys_cost()
    bottoms, hump = turning()
    assert len(bottoms) == 2 and bottoms[0] < hump < bottoms[1]
    assert cost(bottoms[0]) > cost(bottoms[1])
    grid = np.linspace(*valleys.WINDOW, 4001)
    assert cost(bottoms[1]) <= cost.on_grid(grid).min() + 1e-12


@claim("many-valleys.md", "every start left of the hump ends in the left valley")
def _():
    _, hump = turning()
    for start in np.arange(valleys.WINDOW[0], hump, 0.05):
        assert valleys.ending(valley_run(start)) == "valley 0", start


@claim("many-valleys.md", "starts right of the hump end in the right valley, slower farther out")
def _():
    bottoms, hump = turning()
    far = max(run.path[0] for run in valleys.descents() if valleys.ending(run) == "valley 1")
    for start in np.arange(hump + 0.02, far + 1e-9, 0.1):
        assert valleys.ending(valley_run(start)) == "valley 1", start
    outward = np.arange(bottoms[1] + 1, far + 1e-9, 0.05)
    steps = [valley_run(s).steps for s in outward]
    assert steps == sorted(steps)


@claim("many-valleys.md", "the lesson's starts end in both valleys, crawl, or do not move")
def _():
    endings = {valleys.ending(run) for run in valleys.descents()}
    assert endings == {"valley 0", "valley 1", "elsewhere", "did not move"}


@claim("many-valleys.md", "a descent started at the top of the hump does not move")
def _():
    _, hump = turning()
    run = valley_run(hump)
    assert run.converged and run.steps == 0


@claim("many-valleys.md", "the crawling start runs out of steps short of the valley")
def _():
    cost = valleys.valleys_cost()
    for run in valleys.descents():
        if valleys.ending(run) == "elsewhere":
            assert run.status == "stopped" and run.w < run.path[0]
            assert valleys.flat_from(cost) > run.path[0]


@claim("many-valleys.md", "from the flat stretch on, descent stops where it started, highest")
def _():
    cost = valleys.valleys_cost()
    flat = valleys.flat_from(cost)
    tolerance = gradient_descent.__kwdefaults__["tolerance"]
    assert abs(cost.slope(flat)) < tolerance <= abs(cost.slope(flat - 1e-9))
    shown = float(facts()["flat_from"])  # "from 3.85 on": at or right of the threshold
    assert shown >= flat and valley_run(shown).steps == 0
    for start in np.linspace(flat, valleys.WINDOW[1], 20):
        assert valley_run(start).steps == 0
    runs = valleys.descents()
    still = [run for run in runs if valleys.ending(run) == "did not move"]
    assert still and all(run.path[0] >= flat for run in still)
    assert max(run.costs[-1] for run in still) == max(run.costs[-1] for run in runs)


@claim("many-valleys.md", "the network's starts stop at different weights with close costs")
def _():
    runs = trained_from_starts()
    assert all(run.converged for run in runs)
    pairs = list(itertools.combinations([run.w for run in runs], 2))
    closest = min(distance_up_to_relabelling(a, b) for a, b in pairs)
    # "no two are closer than" the number shown, over every relabelling of each pair
    assert closest >= float(facts()["network_closest_ends"]) and closest > 0.1
    assert closest <= min(np.linalg.norm(lined_up(a) - lined_up(b)) for a, b in pairs)
    end_costs = [run.costs[-1] for run in runs]
    start_costs = [run.costs[0] for run in runs]
    assert max(end_costs) < 2 * min(end_costs)
    assert max(end_costs) < min(start_costs) / 100


@claim("many-valleys.md", "each step on data took the slope over all of it: 6 and 50 houses")
def _():
    values = facts()
    for cost, rows in [
        (one_weight_cost(), values["houses"]),
        (two_weight_cost(), values["houses"]),
        (network_cost(), values["network_rows"]),
    ]:
        assert len(cost.targets) == int(rows)
        w = np.linspace(0.1, 0.9, cost.dimension)
        by_row = [
            type(cost)(cost.inputs[i : i + 1], cost.targets[i : i + 1]).gradient(w)
            for i in range(len(cost.targets))
        ]
        np.testing.assert_allclose(np.sum(by_row, axis=0), cost.gradient(w), rtol=1e-9)


@claim("many-valleys.md", "SGD ends up moving around the minimum without settling")
def _():
    cost = one_weight_cost()
    run = sgd.stochastic_descent(
        cost, lesson.START_SGD, lesson.RATE_SGD, lesson.EPOCHS_SGD, seed=lesson.SEED_SGD
    )
    assert run.steps == lesson.EPOCHS_SGD * len(cost.targets)
    last = run.path[-run.steps_per_epoch :, 0]
    own = sgd.row_minima(cost)
    assert last.min() < w_star_1d() < last.max()
    assert last.max() - last.min() > 100 * gradient_descent.__kwdefaults__["tolerance"]
    assert own.min() < last.min() and last.max() < own.max()


@claim("many-valleys.md", "each SGD step pulls w towards its house's own best weight")
def _():
    cost = one_weight_cost()
    factors = 1 - lesson.RATE_SGD * cost.inputs[:, 0] ** 2
    assert np.all(np.abs(factors) < 1)
