"""The claims of "Two weights" and "Two curvatures": what ``@`` and ``.T`` compute, why −∇C is the
steepest way down and crosses the rings at right angles, the valley's two
curvatures and condition number, when a path crosses it, converges or
diverges, why the balanced rate is a guarantee rather than the fewest steps, and
why the scaled valley stays long."""

from __future__ import annotations

import math
from functools import partial

import numpy as np

from gdlesson import choices, lesson, playground, rates
from gdlesson.choices import AGE, AREA, CANDIDATES
from gdlesson.claims.claim import Claim, register, require
from gdlesson.claims.common import crossings_2d, lambdas
from gdlesson.costs import one_weight_cost, two_weight_cost
from gdlesson.descent import BLOWUP, TOLERANCE, gradient_descent
from gdlesson.facts import two_weights
from gdlesson.figures import two_weights as figures

CLAIMS: list[Claim] = []
claim = partial(register, CLAIMS, "two-weights.md")
curvature_claim = partial(register, CLAIMS, "two-curvatures.md")
#: Two weights, from the lesson's start, at a rate (each rate computed once).
two = lesson.descent_2d


@claim("with age the lowest cost falls; at equal area each decade lowers the price")
def _age_helps() -> None:
    one, two = one_weight_cost(), two_weight_cost()
    lowest = one(one.minimum()), two(two.minimum())
    require(lowest[1] < lowest[0], f"the lowest costs are {lowest}")
    w = two.minimum()
    require(w[1] < 0, f"the best weight for age is {w[1]}")
    # at equal area, one decade older: the prediction falls by |w₂|
    house = two.inputs[0]
    older = house + np.array([0.0, 1.0])
    require(math.isclose(w @ house - w @ older, abs(w[1])), "the drop is not |w₂|")


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


@curvature_claim(
    "each step multiplies the parts of w − w* along and across by 1 − ηλ, not the distance"
)
def _parts_of_the_distance() -> None:
    cost = two_weight_cost()
    values, axes = cost.axes()
    for rate in lesson.RATES_TABLE_2D:
        run = two(rate)
        parts = (run.path[:6] - cost.minimum()) @ axes
        for k, value in enumerate(values):
            np.testing.assert_allclose(
                parts[1:, k], (1 - rate * value) * parts[:-1, k], rtol=1e-9, atol=1e-12
            )
    # the distance itself is not multiplied by one factor: its ratio changes step by step
    run = two(lesson.RATE_2D)
    distance = np.linalg.norm(run.path[:6] - cost.minimum(), axis=1)
    ratios = distance[1:] / distance[:-1]
    require(np.ptp(ratios) > 1e-3, f"the distance shrinks by one factor: {ratios}")


@curvature_claim("the descent converges below 2/λ_max and diverges above it")
def _converges_below_the_limit() -> bool:
    high = lambdas()[1]
    return two(0.99 * 2 / high).converged and two(1.01 * 2 / high).diverged


# slow: 39 descents, checked by the tests rather than by every build
@curvature_claim("the path crosses the valley exactly when η > 1/λ_max", slow=True)
def _crosses_above_1_over_lambda() -> None:
    high = lambdas()[1]
    for rate in np.linspace(0.05, 1.95, 39) / high:
        crossings = crossings_2d(two(rate))
        require((crossings > 0) == (rate > 1 / high), f"rate {rate}: {crossings} crossings")


@curvature_claim("the table: rates below 1/λ_max never cross, the others do")
def _table_crossings() -> None:
    high = lambdas()[1]
    require(any(r < 1 / high for r in lesson.RATES_TABLE_2D), "no rate of the table below 1/λ")
    require(any(r > 1 / high for r in lesson.RATES_TABLE_2D), "no rate of the table above 1/λ")
    for rate in lesson.RATES_TABLE_2D:
        crossings = crossings_2d(two(rate))
        require((crossings == 0) == (rate < 1 / high), f"rate {rate}: {crossings} crossings")


# slow: 40 descents, checked by the tests rather than by every build
@curvature_claim("the fastest rates zig-zag", slow=True)
def _fastest_zigzag() -> None:
    high = lambdas()[1]
    grid = np.linspace(0.02, 0.995, 40) * 2 / high
    steps = [two(r).steps for r in grid]
    fastest_of_grid = grid[int(np.argmin(steps))]
    require(fastest_of_grid > 1 / high, f"the fastest rate {fastest_of_grid} is below 1/λ_max")
    in_table = [r for r in lesson.RATES_TABLE_2D if two(r).converged]
    fastest = min(in_table, key=lambda r: two(r).steps)
    require(crossings_2d(two(fastest)) > 0, f"the table's fastest, {fastest}, does not cross")


@curvature_claim("2/(λ_min + λ_max) makes the larger factor smallest, both equal in size")
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


@curvature_claim("along the valley the factor stays above 1 − 2λ_min/λ_max")
def _along_floor() -> bool:
    low, high = lambdas()
    converging = np.linspace(0.001, 0.999, 200) * 2 / high
    return all(1 - rate * low > 1 - 2 * low / high for rate in converging)


@curvature_claim("near 2/λ_max the zig-zag barely shrinks; past it, it grows")
def _near_the_limit() -> None:
    high = lambdas()[1]
    below = [r for r in lesson.RATES_TABLE_2D if r < 2 / high]
    above = [r for r in lesson.RATES_TABLE_2D if r > 2 / high]
    nearest = max(below)
    factor = rates.step_factor(nearest, high)
    require(-1 < factor < -0.9, f"the factor across at {nearest} is {factor}")
    require(two(nearest).steps == max(two(r).steps for r in below), f"{nearest} is not slowest")
    require(above and all(two(r).diverged for r in above), "a rate above 2/λ_max converges")


@curvature_claim("the figure's rate zig-zags; the playground's slow rate never crosses")
def _figure_and_playground() -> None:
    run = two(lesson.RATE_2D)
    require(crossings_2d(run) > 1 and run.converged, f"{run.status}, {crossings_2d(run)} crossings")
    slow = lesson.RATES_TABLE_2D[0]
    require(crossings_2d(two(slow)) == 0, f"the slow rate {slow} crosses")
    offered = playground.config_2d()["rates"]
    require(slow in offered and lesson.RATE_2D in offered, "the slider does not offer both")


@curvature_claim("∇C = XᵀXw − Xᵀy; Xᵀy = XᵀXw* at the minimum, so ∇C = XᵀX(w − w*); the table")
def _gradient_algebra() -> None:
    cost = two_weight_cost()
    x, y, w_star = cost.inputs, cost.targets, cost.minimum()
    table = two_weights.curvature_table()
    require(np.linalg.norm(cost.gradient(w_star)) < 1e-12, "the gradient is not 0 at w*")
    np.testing.assert_allclose(x.T @ y, table @ w_star, rtol=1e-12)
    for w in (np.array(choices.START_2D), np.array([-1.0, 3.0])):
        np.testing.assert_allclose(cost.gradient(w), table @ w - x.T @ y, rtol=1e-12)
        np.testing.assert_allclose(cost.gradient(w), table @ (w - w_star), atol=1e-12)
    area, age = np.array(AREA), np.array(AGE)
    sums = [[area @ area, area @ age], [area @ age, age @ age]]
    np.testing.assert_allclose(table, sums, rtol=1e-12)
    require(math.isclose(table[0, 0], one_weight_cost().curvature()), "Σ area² is not L")


@curvature_claim("XᵀX turns most directions, but only stretches along and across: the curvatures")
def _stretches_along_and_across() -> None:
    cost = two_weight_cost()
    table = cost.inputs.T @ cost.inputs
    values, vectors = np.linalg.eigh(table)
    for value, vector in zip(values, vectors.T, strict=True):
        np.testing.assert_allclose(table @ vector, value * vector, atol=1e-12)
        # one unit from the minimum that way, the gradient points the same way, its
        # length the stretch factor: the slope grows by it per unit moved
        g = cost.gradient(cost.minimum() + vector)
        np.testing.assert_allclose(g, value * vector, atol=1e-9)
    # along: the cost rises least that way from the minimum; across: most
    bottom = cost.minimum()
    rises = [cost(bottom + 0.1 * v) - cost(bottom) for v in vectors.T]
    angles = np.linspace(0, np.pi, 181)
    others = [cost(bottom + 0.1 * np.array([np.cos(a), np.sin(a)])) for a in angles]
    require(rises[0] <= min(others) - cost(bottom) + 1e-12, "along is not the gentlest way")
    require(rises[1] >= max(others) - cost(bottom) - 1e-12, "across is not the steepest way")
    turned = table @ np.array([1.0, 0.0])
    require(abs(turned[1]) > 1e-3 * abs(turned[0]), "a weight's own axis is not turned")


@claim("Figure 7: each step of the path overshoots across (its rate is above 1/λ_max)")
def _figure_overshoots() -> None:
    run, high = two(lesson.RATE_2D), lambdas()[1]
    require(1 / high < lesson.RATE_2D, f"the rate is below 1/λ_max = {1 / high}")
    require(
        run.converged and crossings_2d(run) == run.steps > 0,
        f"{run.status}, {crossings_2d(run)} crossings in {run.steps} steps",
    )


@curvature_claim("the table's diverging count is when the cost passed 10⁶ × its start")
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


# --- @ and .T ------------------------------------------------------------------------


@claim("houses @ w is each house's prediction; houses.T @ errors the two slopes")
def _products_in_words() -> None:
    cost = two_weight_cost()
    area, age = cost.inputs.T
    w = np.array(choices.START_2D)
    np.testing.assert_allclose(cost.inputs @ w, w[0] * area + w[1] * age, rtol=1e-15)
    np.testing.assert_array_equal(cost.inputs.T[0], area)
    errors = cost.predict(w) - cost.targets
    slopes = [np.sum(area * errors), np.sum(age * errors)]
    np.testing.assert_allclose(cost.inputs.T @ errors, slopes, rtol=1e-12)
    np.testing.assert_allclose(cost.gradient(w), slopes, rtol=1e-12)


@claim("the small table worked by hand: its rows times the weights, turned times the errors")
def _toy_by_hand() -> None:
    t = two_weights.toy()
    by_hand = [sum(a * b for a, b in zip(row, t["weights"], strict=True)) for row in t["table"]]
    require(list(t["forward"]) == by_hand, f"{t['forward']} is not {by_hand}")
    columns = [[row[j] for row in t["table"]] for j in range(2)]
    require(t["table"].T.tolist() == columns, "the transpose's rows are not the columns")
    back = [sum(a * e for a, e in zip(col, t["errors"], strict=True)) for col in columns]
    require(list(t["back"]) == back, f"{t['back']} is not {back}")
    values = [*t["table"].ravel(), *t["weights"], *t["errors"]]
    require(all(isinstance(v, int | np.integer) and abs(v) < 10 for v in values), "small integers")


# --- the steepest way down ----------------------------------------------------------


@claim("against the gradient the cost falls fastest; at 90° it barely moves")
def _steepest_way_down() -> None:
    cost = two_weight_cost()
    start = np.array(choices.START_2D, dtype=float)
    g, step = cost.gradient(start), choices.PROBE_STEP_2D
    changes = {deg: cost(start + dw) - cost(start) for deg, dw in two_weights.probe_steps()}
    require(min(changes, key=changes.get) == 180, f"the largest drop is not at 180°: {changes}")
    require(abs(changes[90]) < 0.5e-5, f"at 90° the cost moves by {changes[90]}")
    # among all directions, not only the page's five: the largest drop is against ∇C
    angles = np.radians(np.arange(0, 360, 0.1))
    circle = step * np.column_stack([np.cos(angles), np.sin(angles)])
    drops = [cost(start + dw) - cost(start) for dw in circle]
    best = circle[int(np.argmin(drops))]
    miss = np.degrees(np.arccos(-best @ g / (np.linalg.norm(best) * np.linalg.norm(g))))
    require(miss < 0.2, f"the largest drop is {miss:.2f}° away from −∇C")
    guess = -step * np.linalg.norm(g)
    require(abs(changes[180] - guess) < 1.5e-5, f"the largest drop {changes[180]} is not {guess}")


@claim("ΔC ≈ ‖∇C‖‖Δw‖cos θ: the columns differ at most in the last decimal, ΔC above")
def _linear_guess() -> None:
    cost = two_weight_cost()
    start = np.array(choices.START_2D, dtype=float)
    g, step = cost.gradient(start), choices.PROBE_STEP_2D
    for degrees, dw in two_weights.probe_steps():
        change = cost(start + dw) - cost(start)
        guess = np.linalg.norm(g) * step * np.cos(np.radians(degrees))
        np.testing.assert_allclose(g @ dw, guess, atol=1e-15)  # the dot product, with θ
        shown = abs(round(change * 1e5) - round(guess * 1e5))
        require(shown <= 1, f"at {degrees}° the columns differ by {shown} in the last decimal")
        require(change >= guess - 1e-15, f"at {degrees}° the cost is below the guess")


@claim("the gradient is at right angles to the ring through its point and points downhill")
def _gradient_across_rings() -> None:
    cost = two_weight_cost()
    n = choices.ARROWS_PER_RING_2D
    for k, level in enumerate(choices.ARROW_LEVELS_2D):
        for j in range(n):
            t = np.pi * k / n + 2 * np.pi * j / n
            w, before, after = (
                figures.ring_points(level, 1, turn=t + d)[0] for d in (0, -1e-6, 1e-6)
            )
            for p in (w, before, after):  # the three points are on the ring
                require(math.isclose(cost(p), level, rel_tol=1e-12), f"{p} is off the ring")
            tangent, g = after - before, cost.gradient(w)
            cosine = tangent @ g / (np.linalg.norm(tangent) * np.linalg.norm(g))
            require(abs(cosine) < 1e-6, f"at {w} the gradient meets the ring at cos {cosine}")
            require(cost(w - 1e-4 * g / np.linalg.norm(g)) < level, f"−∇C at {w} is not downhill")
    drawn = figures.arrow_points()
    require(len(drawn) == n * len(choices.ARROW_LEVELS_2D), "the figure draws other points")


@claim("Figure: only the arrows at the rings' ends and sides point at the minimum")
def _arrows_miss_the_minimum() -> None:
    miss = figures.arrow_miss_degrees()
    n = choices.ARROWS_PER_RING_2D
    turns = [
        np.pi * k / n + 2 * np.pi * j / n
        for k in range(len(choices.ARROW_LEVELS_2D))
        for j in range(n)
    ]
    on_axis = np.isclose(np.mod(turns, np.pi / 2), 0, atol=1e-9) | np.isclose(
        np.mod(turns, np.pi / 2), np.pi / 2, atol=1e-9
    )
    require(on_axis.any() and not on_axis.all(), "the arrows are all on the axes, or none")
    require(np.all(miss[on_axis] < 1e-3), f"an arrow on an axis misses by {miss[on_axis].max()}°")
    require(np.all(miss[~on_axis] > 1), f"an arrow off the axes points at the minimum: {miss}")


@claim("on a ring, −∇C is √(λmax/λmin) times longer on the sides than at the ends")
def _steeper_on_the_sides() -> None:
    cost = two_weight_cost()
    low, high = lambdas()
    level = choices.ARROW_LEVELS_2D[1]
    ratio = figures.steepness_ratio_on_ring(level)
    require(math.isclose(ratio, math.sqrt(high / low), rel_tol=1e-4), f"the ratio is {ratio}")
    end, side = (figures.ring_points(level, 1, turn=t)[0] for t in (0, np.pi / 2))
    sizes = [np.linalg.norm(cost.gradient(w)) for w in (end, side)]
    require(math.isclose(sizes[1] / sizes[0], ratio, rel_tol=1e-4), "not at the sides and ends")


# --- the condition number and the rings -----------------------------------------------


@curvature_claim("the condition number λmax/λmin; each ring is √ of it times longer than wide")
def _ring_shape() -> None:
    cost = two_weight_cost()
    low, high = lambdas()
    require(math.isclose(rates.condition(cost), high / low), "condition is not λmax/λmin")
    bottom = cost.minimum()
    rise = 1.0  # any ring: the reach of the ring C = C_min + rise in each direction
    angles = np.linspace(0, np.pi, 3601)
    reach = [
        math.sqrt(rise / (cost(bottom + [np.cos(a), np.sin(a)]) - cost(bottom))) for a in angles
    ]
    require(
        math.isclose(max(reach) / min(reach), math.sqrt(high / low), rel_tol=1e-5),
        f"the rings are {max(reach) / min(reach)} times longer than wide",
    )
    # why: r from the minimum along a direction of curvature λ, the cost rises by ½λr²
    values, vectors = cost.axes()
    for value, vector in zip(values, vectors.T, strict=True):
        for r in (0.1, 1.0, 3.0):
            rose = cost(bottom + r * vector) - cost(bottom)
            require(math.isclose(rose, 0.5 * value * r**2, rel_tol=1e-9), f"{rose} at {r}")


# --- the balanced rate: a guarantee, not the fewest steps -----------------------------


@curvature_claim("2/(λmin + λmax) is the best guarantee: from any start no step keeps more")
def _balanced_guarantee() -> None:
    cost = two_weight_cost()
    low, high = lambdas()
    best = 2 / (low + high)
    bottom = cost.minimum()
    angles = np.linspace(0, np.pi, 721)
    starts = bottom + np.column_stack([np.cos(angles), np.sin(angles)])

    x, y = cost.inputs, cost.targets
    gradients = (starts @ x.T - y) @ x  # ∇C at every start, as cost.gradient gives it
    np.testing.assert_allclose(gradients[0], cost.gradient(starts[0]), rtol=1e-12)

    def worst(rate) -> float:  # the largest share of the distance one step keeps
        kept = np.linalg.norm(starts - rate * gradients - bottom, axis=1)
        return float(kept.max())  # each start is at distance 1

    guarantee = worst(best)
    require(abs(guarantee - rates.slowest_factor(best, cost)) < 1e-9, "not the factor shown")
    for rate in np.linspace(0.01, 1.99, 199) / high:
        if abs(rate - best) > 1e-3 * best:
            require(worst(rate) > guarantee, f"rate {rate} guarantees as much")


@curvature_claim("from the start the balanced rate takes more steps than the page's rate")
def _balanced_not_fewest() -> None:
    cost = two_weight_cost()
    steps = gradient_descent(cost, choices.START_2D, two_weights.balanced_rate()).steps
    require(steps > two(lesson.RATE_2D).steps, f"{steps} vs {two(lesson.RATE_2D).steps}")


@curvature_claim("from 1/λmax to 2/λmax the factor along shrinks, across grows; below, both shrink")
def _why_balanced() -> None:
    low, high = lambdas()
    above = np.linspace(1 / high, 2 / high, 200)
    along, across = 1 - above * low, above * high - 1
    require(np.all(np.diff(along) < 0) and np.all(np.diff(across) > 0), "not one way each")
    require(np.all(across >= 0) and np.all(along > 0), "the sizes are not these")
    below = np.linspace(1e-3, 1 / high, 200)
    sizes = np.abs(1 - np.outer(below, [low, high]))
    require(np.all(np.diff(sizes, axis=0) < 0), "below 1/λmax a factor's size grows")
    best = 2 / (low + high)
    require(math.isclose(1 - best * low, best * high - 1, rel_tol=1e-12), "not equal there")


@curvature_claim(
    "the parts' own counts: across is last at the balanced rate, along at the page's; "
    "the slower part sets the count"
)
def _why_the_count_differs() -> None:
    low, high = lambdas()
    best = two_weights.balanced_rate()
    across, along = two_weights.gradient_parts(choices.START_2D)
    ratio = across / along  # "about 4 times": within a quarter of the whole number shown
    require(ratio > 1 and abs(ratio - round(ratio)) < 0.25, f"across is {ratio:.2f} times along")
    # the parts shrink by their factors on the actual path
    cost, run = two_weight_cost(), two(lesson.RATE_2D)
    axes = cost.axes()[1]
    parts = np.abs(np.array([cost.gradient(w) for w in run.path[:5]]) @ axes)
    factors = parts[1:] / parts[:-1]
    np.testing.assert_allclose(factors[:, 1], abs(1 - lesson.RATE_2D * high), rtol=1e-9)
    np.testing.assert_allclose(factors[:, 0], abs(1 - lesson.RATE_2D * low), rtol=1e-9)
    across_best, along_best = two_weights.part_counts(best)
    require(across_best > along_best, f"at {best} across needs {across_best}, along {along_best}")
    across_rate, along_rate = two_weights.part_counts(lesson.RATE_2D)
    require(along_rate > across_rate, f"at the page's rate along needs {along_rate}")
    steps_best = gradient_descent(cost, choices.START_2D, best).steps
    require(steps_best == across_best, f"{steps_best} steps, across needs {across_best}")
    steps_rate = run.steps
    require(steps_rate == along_rate, f"{steps_rate} steps, along needs {along_rate}")
    slowest = rates.slowest_factor(best, cost)
    require(abs(1 - lesson.RATE_2D * high) < slowest, "across does not shrink faster")
    along_factor = abs(1 - lesson.RATE_2D * low)
    require(slowest < along_factor < slowest + 0.01, f"along is {along_factor}: not a little")


@curvature_claim("from a start as far, along the floor, the balanced rate takes fewer steps")
def _another_start() -> None:
    cost = two_weight_cost()
    start = two_weights.floor_start()
    offset = start - cost.minimum()
    along = cost.axes()[1][:, 0]
    require(abs(offset @ along) > (1 - 1e-12) * np.linalg.norm(offset), "not along the floor")
    distance = np.linalg.norm(np.array(choices.START_2D) - cost.minimum())
    require(math.isclose(np.linalg.norm(offset), distance), "not as far as the lesson's start")
    best = two_weights.balanced_rate()
    steps = [gradient_descent(cost, start, r).steps for r in (best, lesson.RATE_2D)]
    require(steps[0] < steps[1], f"from {start}: {steps}")


# --- the grid against descent ------------------------------------------------------------


@claim("the grid's best point is within its spacing; descent gets as close in fewer passes")
def _grid_against_descent() -> None:
    cost, run = two_weight_cost(), two(lesson.RATE_2D)
    spacing = min(two_weights.grid_spacings())
    miss = np.linalg.norm(two_weights.grid_best() - cost.minimum())
    require(miss < spacing, f"the grid's best is {miss} from the minimum")
    # "about" the spacing: the shown 3-decimal value rounds both spacings
    require(round(max(two_weights.grid_spacings()), 3) == round(spacing, 3), "spacings differ")
    steps = two_weights.steps_within(spacing)
    gaps = np.linalg.norm(run.path - cost.minimum(), axis=1)
    require(gaps[steps] < spacing and np.all(gaps[:steps] >= spacing), "not the first step")
    require(0 < steps < run.steps, f"{steps} of {run.steps}")
    require(lesson.PASSES_PER_SLOPE * steps < CANDIDATES**2 / 1000, "not far fewer passes")
    # run on to the stop, far closer than the grid
    require(gaps[-1] < spacing / 1000, f"the end is {gaps[-1]} from the minimum")
    require(np.linalg.norm(cost.gradient(run.w)) < TOLERANCE, "the stop is not the gradient")


# --- why the scaled valley stays long -------------------------------------------------


@curvature_claim(
    "scaled, XᵀX = n[[1, c], [c, 1]], and (1 + c)/(1 − c) is the scaled condition number"
)
def _scaled_cosine_sets_the_shape() -> None:
    scaled, _ = rates.rms_scaled(two_weight_cost())
    x, n = scaled.inputs, len(scaled.targets)
    c = two_weights.scaled_cosine()
    np.testing.assert_allclose(x.T @ x, n * np.array([[1, c], [c, 1]]), rtol=1e-12)
    np.testing.assert_allclose(scaled.curvatures(), [n * (1 - c), n * (1 + c)], rtol=1e-12)
    require(math.isclose((1 + c) / (1 - c), rates.condition(scaled), rel_tol=1e-12), "ratio")


@curvature_claim(
    "every input is positive, so the cosine is well above 0; the correlation is negative"
)
def _cosine_not_correlation() -> None:
    cost = two_weight_cost()
    c, r = two_weights.scaled_cosine(), two_weights.correlation()
    require(np.all(cost.inputs > 0), "an input is not positive")
    require(c > 0.5, f"the cosine is {c}")
    require(math.isclose(r, np.corrcoef(cost.inputs.T)[0, 1], rel_tol=1e-12), "not Pearson's r")
    require(r < 0, f"the correlation is {r}: older houses are not smaller")


@curvature_claim("centred too, the cosine is the correlation and the ratio (1 + |r|)/(1 − |r|)")
def _standardized() -> None:
    r = two_weights.correlation()
    ratio = two_weights.standardized_condition()
    require(math.isclose(ratio, (1 + abs(r)) / (1 - abs(r)), rel_tol=1e-9), f"ratio {ratio}")
    require(ratio < rates.condition(rates.rms_scaled(two_weight_cost())[0]), "not rounder")
