"""The claims of "Two weights": the valley's two curvatures, and when a path
crosses it, converges or diverges."""

from __future__ import annotations

import math
from functools import partial

import numpy as np

from gdlesson import lesson, playground, rates
from gdlesson.claims.claim import Claim, register, require
from gdlesson.claims.common import crossings_2d, lambdas
from gdlesson.costs import two_weight_cost
from gdlesson.descent import BLOWUP

CLAIMS: list[Claim] = []
claim = partial(register, CLAIMS, "two-weights.md")
#: Two weights, from the lesson's start, at a rate (each rate computed once).
two = lesson.descent_2d


@claim("the two-weight rate is below 2/L, zig-zags across the valley and converges")
def _lesson_rate_zigzags() -> bool:
    run = two(lesson.RATE_2D)
    limit = 2 / two_weight_cost().curvature()
    return limit > lesson.RATE_2D and run.converged and crossings_2d(run) > 0


@claim("the gradient points mostly across the valley at the start, mostly along it near the floor")
def _steepest_way_turns() -> None:
    cost, run = two_weight_cost(), two(lesson.RATE_2D)
    across = rates.steepest_direction(cost)

    def share_across(w) -> float:
        gradient = cost.gradient(w)
        return abs(gradient @ across) / np.linalg.norm(gradient)

    require(share_across(run.path[0]) > math.sqrt(0.5), "the first step is not mostly across")
    require(share_across(run.path[-1]) < math.sqrt(0.5), "the last step is not mostly along")


@claim("the descent converges below 2/λ_max and diverges above it")
def _converges_below_the_limit() -> bool:
    high = lambdas()[1]
    return two(0.99 * 2 / high).converged and two(1.01 * 2 / high).diverged


# slow: 39 descents, checked by the tests rather than by every build
@claim("the path crosses the valley exactly when η > 1/λ_max", slow=True)
def _crosses_above_1_over_lambda() -> None:
    high = lambdas()[1]
    for rate in np.linspace(0.05, 1.95, 39) / high:
        crossings = crossings_2d(two(rate))
        require((crossings > 0) == (rate > 1 / high), f"rate {rate}: {crossings} crossings")


@claim("the table: rates below 1/λ_max never cross, the others do")
def _table_crossings() -> None:
    high = lambdas()[1]
    require(any(r < 1 / high for r in lesson.RATES_TABLE_2D), "no rate of the table below 1/λ")
    require(any(r > 1 / high for r in lesson.RATES_TABLE_2D), "no rate of the table above 1/λ")
    for rate in lesson.RATES_TABLE_2D:
        crossings = crossings_2d(two(rate))
        require((crossings == 0) == (rate < 1 / high), f"rate {rate}: {crossings} crossings")


# slow: 40 descents, checked by the tests rather than by every build
@claim("the fastest rates zig-zag", slow=True)
def _fastest_zigzag() -> None:
    high = lambdas()[1]
    grid = np.linspace(0.02, 0.995, 40) * 2 / high
    steps = [two(r).steps for r in grid]
    fastest_of_grid = grid[int(np.argmin(steps))]
    require(fastest_of_grid > 1 / high, f"the fastest rate {fastest_of_grid} is below 1/λ_max")
    in_table = [r for r in lesson.RATES_TABLE_2D if two(r).converged]
    fastest = min(in_table, key=lambda r: two(r).steps)
    require(crossings_2d(two(fastest)) > 0, f"the table's fastest, {fastest}, does not cross")


@claim("2/(λ_min + λ_max) makes the larger factor smallest, both equal in size")
def _fastest_rate_balances() -> None:
    cost = two_weight_cost()
    low, high = lambdas()
    best = 2 / (low + high)
    require(
        math.isclose(abs(1 - best * low), abs(1 - best * high), rel_tol=1e-6, abs_tol=1e-12),
        "the two factors differ in size",
    )
    for rate in np.linspace(0.001, 2 / high, 400):
        slowest = rates.slowest_factor(rate, cost)
        require(slowest >= rates.slowest_factor(best, cost) - 1e-12, f"rate {rate} is faster")


@claim("along the valley the factor stays above 1 − 2λ_min/λ_max")
def _along_floor() -> bool:
    low, high = lambdas()
    converging = np.linspace(0.001, 0.999, 200) * 2 / high
    return all(1 - rate * low > 1 - 2 * low / high for rate in converging)


@claim("near 2/λ_max the zig-zag barely shrinks; past it, it grows")
def _near_the_limit() -> None:
    high = lambdas()[1]
    below = [r for r in lesson.RATES_TABLE_2D if r < 2 / high]
    above = [r for r in lesson.RATES_TABLE_2D if r > 2 / high]
    nearest = max(below)
    factor = rates.step_factor(nearest, high)
    require(-1 < factor < -0.9, f"the factor across at {nearest} is {factor}")
    require(two(nearest).steps == max(two(r).steps for r in below), f"{nearest} is not slowest")
    require(above and all(two(r).diverged for r in above), "a rate above 2/λ_max converges")


@claim("the figure's rate zig-zags; the playground's slow rate never crosses")
def _figure_and_playground() -> None:
    run = two(lesson.RATE_2D)
    require(crossings_2d(run) > 1 and run.converged, f"{run.status}, {crossings_2d(run)} crossings")
    slow = lesson.RATES_TABLE_2D[0]
    require(crossings_2d(two(slow)) == 0, f"the slow rate {slow} crosses")
    offered = playground.config_2d()["rates"]
    require(slow in offered and lesson.RATE_2D in offered, "the slider does not offer both")


@claim("XᵀX turns most directions, but only stretches along and across")
def _stretches_along_and_across() -> None:
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
    require(rises[0] <= min(others) - cost(bottom) + 1e-12, "along is not the gentlest way")
    require(rises[1] >= max(others) - cost(bottom) - 1e-12, "across is not the steepest way")
    turned = table @ np.array([1.0, 0.0])
    require(abs(turned[1]) > 1e-3 * abs(turned[0]), "a weight's own axis is not turned")


@claim("Figure 7: above 1/λ_max, each step of the path overshoots across")
def _figure_overshoots() -> None:
    run, high = two(lesson.RATE_2D), lambdas()[1]
    require(1 / high < lesson.RATE_2D, f"the rate is below 1/λ_max = {1 / high}")
    require(
        run.converged and crossings_2d(run) == run.steps > 0,
        f"{run.status}, {crossings_2d(run)} crossings in {run.steps} steps",
    )


@claim("the table's diverging count is when the cost passed 10⁶ × its start")
def _diverging_count() -> None:
    diverging = [two(r) for r in lesson.RATES_TABLE_2D if two(r).diverged]
    require(diverging, "the table shows a rate that diverges")
    for run in diverging:
        # the cut-off is BLOWUP times the start, as the page says
        require(run.costs[0] >= 1, f"the cost starts at {run.costs[0]}, below 1")
        cutoff = BLOWUP * run.costs[0]
        require(
            run.costs[-1] > cutoff and np.all(run.costs[:-1] <= cutoff),
            f"rate {run.learning_rate} does not stop at the cut-off",
        )
        # the cost grows without end, and a lower cut-off would give a smaller count
        require(rates.step_factor(run.learning_rate, lambdas()[1]) < -1, "the factor is above −1")
        passed = np.argmax(run.costs > cutoff / 1000)
        require(0 < passed < run.steps, f"a thousandth of the cut-off passed at step {passed}")
