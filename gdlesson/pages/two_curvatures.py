"""Two curvatures: the page's numbers, claims and exercises."""

from __future__ import annotations

import math
from functools import partial

import numpy as np

from gdlesson import choices, lesson, playground, rates
from gdlesson.choices import AGE, AREA
from gdlesson.claim import (
    Claim,
    crossings_2d,
    lambdas,
    register,
    require,
)
from gdlesson.costs import one_weight_cost, two_weight_cost
from gdlesson.derived import significant
from gdlesson.descent import BLOWUP, TOLERANCE, gradient_descent
from gdlesson.numbers import count, markdown_table, signed
from gdlesson.pages import step_size as step_size_page
from gdlesson.pages import two_weights as two_weights_page
from gdlesson.placeholders import Fact

# --- what the exercises derive from the data -----------------------------------------


_LOW_2D, _HIGH_2D = (float(v) for v in two_weight_cost().curvatures())


#: Two weights: a smaller rate that the page shows nowhere else, still above 1/λ_max
#: (it zig-zags) but slower than the lesson's (about 1.26/λ_max); and one above
#: 2/λ_max (a twentieth above, rounded up).
RATE_2D_SLOW_ZIGZAG = significant(1.26 / _HIGH_2D)


RATE_2D_OVER = significant(2.1 / _HIGH_2D, 2, "up")


# --- numbers ----------------------------------------------------------------------------


def _path_words(run, cost) -> str:
    n = rates.crossings(run, cost)
    return "never crosses the valley" if n == 0 else f"crosses it {count(n)} times"


def rates_table_2d() -> str:
    """A Markdown table: for each rate, the factors across and along the valley, and the path."""
    cost = two_weight_cost()
    low, high = cost.curvatures()
    header = [
        "learning rate η",
        r"across: \(1 - \eta\lambda_{\max}\)",
        r"along: \(1 - \eta\lambda_{\min}\)",
        "the path",
        f"from {two_weights_page._pair(choices.START_2D)}",
    ]
    rows = []
    for rate in lesson.RATES_TABLE_2D:
        run = lesson.descent_2d(rate)
        across = signed(rates.step_factor(rate, high), ".3f")
        along = signed(rates.step_factor(rate, low), ".3f")
        rows.append(
            [f"{rate:g}", across, along, _path_words(run, cost), step_size_page._outcome(run)]
        )
    return markdown_table(header, rows)


def _valley() -> dict[str, str]:
    """The valley's two curvatures, what they allow, and the table's descents."""
    cost = two_weight_cost()
    low, high = (float(v) for v in cost.curvatures())
    fastest = rates.fastest_rate(cost)
    table = [lesson.descent_2d(r) for r in lesson.RATES_TABLE_2D]
    diverging = next(run for run in table if run.diverged)
    return {
        "curvature_min_2d": f"{low:.3f}",
        "curvature_max_2d": f"{high:.3f}",
        "elongation_2d": f"{high / low:.1f}",
        "half_max_rate_2d": f"{1 / high:.4f}",
        "rate_no_cross_2d": f"{lesson.RATES_TABLE_2D[0]:g}",
        "balanced_rate_2d": f"{fastest:.3f}",
        "along_floor_2d": f"{1 - 2 * low / high:.3f}",
        "balanced_factor_2d": f"{rates.slowest_factor(fastest, cost):.3f}",
        "rates_table_2d": rates_table_2d(),
        "rates_table_2d_code": repr(list(lesson.RATES_TABLE_2D)),
        "outcomes_2d_code": "\n".join(
            f"{run.learning_rate} {run.status} after {run.steps} steps" for run in table
        ),
        "cost_start_2d": f"{table[0].costs[0]:.3f}",
        "rate_diverges_2d": f"{diverging.learning_rate:g}",
        "steps_diverges_2d": count(diverging.steps),
    }


def scaling_2d() -> dict[str, str]:
    """The two-weight valley before and after dividing each input by its root-mean-square.

    Steps from the lesson's start (the same model's weights) at each valley's
    fastest fixed rate, 2/(λ_min + λ_max), as the playground's slider offers it,
    and at the lesson's rate.
    """
    cost = two_weight_cost()
    scaled, scale = rates.rms_scaled(cost)
    best, best_scaled = (playground.fastest_slider_rate(c) for c in (cost, scaled))
    start = np.array(choices.START_2D)
    return {
        "condition_2d": f"{rates.condition(cost):.1f}",
        "condition_2d_scaled": f"{rates.condition(scaled):.1f}",
        "scale_area_2d": f"{scale[0]:.2f}",
        "scale_age_2d": f"{scale[1]:.2f}",
        "rate_2d_best": f"{best:g}",
        "steps_2d_best": count(gradient_descent(cost, start, best).steps),
        "rate_2d_scaled": f"{best_scaled:g}",
        "steps_2d_scaled": count(gradient_descent(scaled, start * scale, best_scaled).steps),
        "steps_2d_scaled_same_rate": count(
            gradient_descent(scaled, start * scale, lesson.RATE_2D).steps
        ),
    }


def curvature_table() -> np.ndarray:
    """XᵀX: Σ area², Σ area · age (twice) and Σ age²."""
    x = two_weight_cost().inputs
    return x.T @ x


def _shape() -> dict[str, str]:
    table = curvature_table()
    rows = r" \\ ".join(" & ".join(f"{v:.2f}" for v in row) for row in table)
    return {
        "ring_aspect_2d": f"{math.sqrt(rates.condition(two_weight_cost())):.1f}",
        "curvature_table_2d": rf"\begin{{pmatrix}} {rows} \end{{pmatrix}}",
    }


def floor_start() -> np.ndarray:
    """A start as far from the minimum as the lesson's, but straight along the valley floor."""
    cost = two_weight_cost()
    distance = np.linalg.norm(np.array(choices.START_2D) - cost.minimum())
    return cost.minimum() + distance * cost.axes()[1][:, 0]


def balanced_rate() -> float:
    """2/(λ_min + λ_max), exactly, as the page's code computes it."""
    return rates.fastest_rate(two_weight_cost())


def part_counts(rate, start=choices.START_2D) -> tuple[int, int]:
    """How many steps the gradient's parts across and along need to get below the
    tolerance from ``start``, each shrinking by its own factor |1 − ηλ| a step."""
    low, high = (float(v) for v in two_weight_cost().curvatures())
    counts = []
    for size, curvature in zip(two_weights_page.gradient_parts(start), (high, low), strict=True):
        factor = abs(rates.step_factor(rate, curvature))
        counts.append(max(0, math.ceil(math.log(TOLERANCE / size) / math.log(factor))))
    return counts[0], counts[1]


def _guarantee() -> dict[str, Fact]:
    cost = two_weight_cost()
    low, high = (float(v) for v in cost.curvatures())
    across, along = two_weights_page.gradient_parts(choices.START_2D)
    balanced = gradient_descent(cost, choices.START_2D, balanced_rate())
    floor = {r: gradient_descent(cost, floor_start(), r) for r in (balanced_rate(), lesson.RATE_2D)}
    return {
        "steps_balanced_floor_2d": count(floor[balanced_rate()].steps),
        "steps_rate_floor_2d": count(floor[lesson.RATE_2D].steps),
        "steps_balanced_2d": balanced.steps,
        "status_balanced_2d": balanced.status,
        "gradient_across_start_2d": f"{across:.1f}",
        "gradient_along_start_2d": f"{along:.1f}",
        "gradient_parts_ratio_2d": f"{across / along:.0f}",
        "factor_across_rate_2d": f"{abs(rates.step_factor(lesson.RATE_2D, high)):.3f}",
        "factor_along_rate_2d": f"{abs(rates.step_factor(lesson.RATE_2D, low)):.3f}",
        **{
            f"parts_{name}_{part}_2d": str(n)
            for name, rate in (("balanced", balanced_rate()), ("rate", lesson.RATE_2D))
            for part, n in zip(("across", "along"), part_counts(rate), strict=True)
        },
    }


def scaled_cosine() -> float:
    """c = Σa'g' / √(Σa'² Σg'²) of the scaled columns (the same as of the raw ones)."""
    a, g = rates.rms_scaled(two_weight_cost())[0].inputs.T
    return float(a @ g / math.sqrt((a @ a) * (g @ g)))


def correlation() -> float:
    """The correlation of area and age: the cosine of the centred columns."""
    a, g = (x - x.mean() for x in two_weight_cost().inputs.T)
    return float(a @ g / math.sqrt((a @ a) * (g @ g)))


def standardized_condition() -> float:
    """λ_max/λ_min of XᵀX with each column centred and divided by its standard deviation."""
    x = two_weight_cost().inputs
    z = (x - x.mean(axis=0)) / x.std(axis=0)
    values = np.linalg.eigvalsh(z.T @ z)
    return float(values[-1] / values[0])


def _scaled_cosine() -> dict[str, str]:
    c, r = scaled_cosine(), correlation()
    return {
        "houses_2d": str(len(two_weight_cost().targets)),
        "cosine_2d": f"{c:.3f}",
        "condition_from_cosine_2d": f"{(1 + c) / (1 - c):.1f}",
        "correlation_2d": signed(r, ".2f"),
        "correlation_size_2d": f"{abs(r):.2f}",
        "condition_2d_standardized": f"{(1 + abs(r)) / (1 - abs(r)):.1f}",
    }


def _two_weights() -> dict[str, str]:
    """Two curvatures: a smaller rate that still zig-zags but is slower, and one above 2/λ_max."""
    two = two_weight_cost()
    low, high = (float(v) for v in two.curvatures())
    slow = lesson.descent_2d(RATE_2D_SLOW_ZIGZAG)
    over = gradient_descent(two, choices.START_2D, RATE_2D_OVER, max_steps=choices.STEPS_2D_OVER)
    slopes = [float(np.linalg.norm(two.gradient(w))) for w in over.path[:: choices.EVERY_2D_OVER]]
    across_over = abs(rates.step_factor(RATE_2D_OVER, high))
    return {
        "ex_rate_2d_slow_zigzag": f"{RATE_2D_SLOW_ZIGZAG:g}",
        "ex_steps_2d_slow_zigzag": str(slow.steps),
        "ex_end_w_2d_slow_zigzag": str(np.round(slow.w, 3)),
        # in math: TeX's minus
        "ex_factor_across_slow_zigzag": f"{rates.step_factor(RATE_2D_SLOW_ZIGZAG, high):.3f}",
        "ex_factor_along_slow_zigzag": f"{rates.step_factor(RATE_2D_SLOW_ZIGZAG, low):.3f}",
        "ex_rate_2d_over": f"{RATE_2D_OVER:g}",
        "ex_steps_2d_over": str(choices.STEPS_2D_OVER),
        "ex_every_2d_over": str(choices.EVERY_2D_OVER),
        "ex_slopes_2d_over": repr([f"{s:.1f}" for s in slopes]),
        "ex_growth_2d_over": f"{(slopes[-1] / slopes[0]) ** (1 / (len(slopes) - 1)):.1f}",
        "ex_factor_across_over": f"{across_over:.3f}",
        "ex_factor_across_over_power": f"{across_over**choices.EVERY_2D_OVER:.2f}",
        "ex_cost_over_start": f"{over.costs[0]:.3f}",
        "ex_cost_over_first": f"{over.costs[1]:.3f}",
    }


def facts() -> dict[str, Fact]:
    """The numbers of "Two curvatures", by name."""
    return _valley() | scaling_2d() | _scaled_cosine() | _guarantee() | _shape() | _two_weights()


# --- claims -----------------------------------------------------------------------------

#: What the page says, each sentence with its check.
CLAIMS: list[Claim] = []
claim = partial(register, CLAIMS, "two-curvatures.md")
#: The premises of the page's exercises.
EXERCISE_CLAIMS: list[Claim] = []
exercise = partial(register, EXERCISE_CLAIMS, "two-curvatures.md")


@claim("each step multiplies the parts of w − w* along and across by 1 − ηλ, not the distance")
def _parts_of_the_distance() -> None:
    cost = two_weight_cost()
    values, axes = cost.axes()
    for rate in lesson.RATES_TABLE_2D:
        run = two_weights_page.two(rate)
        parts = (run.path[:6] - cost.minimum()) @ axes
        for k, value in enumerate(values):
            np.testing.assert_allclose(
                parts[1:, k], (1 - rate * value) * parts[:-1, k], rtol=1e-9, atol=1e-12
            )
    # the distance itself is not multiplied by one factor: its ratio changes step by step
    run = two_weights_page.two(lesson.RATE_2D)
    distance = np.linalg.norm(run.path[:6] - cost.minimum(), axis=1)
    ratios = distance[1:] / distance[:-1]
    require(np.ptp(ratios) > 1e-3, f"the distance shrinks by one factor: {ratios}")


@claim("the descent converges below 2/λ_max and diverges above it")
def _converges_below_the_limit() -> bool:
    high = lambdas()[1]
    return (
        two_weights_page.two(0.99 * 2 / high).converged
        and two_weights_page.two(1.01 * 2 / high).diverged
    )


# slow: 39 descents, checked by the tests rather than by every build
@claim("the path crosses the valley exactly when η > 1/λ_max", slow=True)
def _crosses_above_1_over_lambda() -> None:
    high = lambdas()[1]
    for rate in np.linspace(0.05, 1.95, 39) / high:
        crossings = crossings_2d(two_weights_page.two(rate))
        require((crossings > 0) == (rate > 1 / high), f"rate {rate}: {crossings} crossings")


@claim("the table: rates below 1/λ_max never cross, the others do")
def _table_crossings() -> None:
    high = lambdas()[1]
    require(any(r < 1 / high for r in lesson.RATES_TABLE_2D), "no rate of the table below 1/λ")
    require(any(r > 1 / high for r in lesson.RATES_TABLE_2D), "no rate of the table above 1/λ")
    for rate in lesson.RATES_TABLE_2D:
        crossings = crossings_2d(two_weights_page.two(rate))
        require((crossings == 0) == (rate < 1 / high), f"rate {rate}: {crossings} crossings")


# slow: 40 descents, checked by the tests rather than by every build
@claim("the fastest rates zig-zag", slow=True)
def _fastest_zigzag() -> None:
    high = lambdas()[1]
    grid = np.linspace(0.02, 0.995, 40) * 2 / high
    steps = [two_weights_page.two(r).steps for r in grid]
    fastest_of_grid = grid[int(np.argmin(steps))]
    require(fastest_of_grid > 1 / high, f"the fastest rate {fastest_of_grid} is below 1/λ_max")
    in_table = [r for r in lesson.RATES_TABLE_2D if two_weights_page.two(r).converged]
    fastest = min(in_table, key=lambda r: two_weights_page.two(r).steps)
    require(
        crossings_2d(two_weights_page.two(fastest)) > 0,
        f"the table's fastest, {fastest}, does not cross",
    )


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
    require(
        two_weights_page.two(nearest).steps == max(two_weights_page.two(r).steps for r in below),
        f"{nearest} is not slowest",
    )
    require(
        above and all(two_weights_page.two(r).diverged for r in above),
        "a rate above 2/λ_max converges",
    )


@claim("the figure's rate zig-zags; the playground's slow rate never crosses")
def _figure_and_playground() -> None:
    run = two_weights_page.two(lesson.RATE_2D)
    require(crossings_2d(run) > 1 and run.converged, f"{run.status}, {crossings_2d(run)} crossings")
    slow = lesson.RATES_TABLE_2D[0]
    require(crossings_2d(two_weights_page.two(slow)) == 0, f"the slow rate {slow} crosses")
    offered = playground.config_2d()["rates"]
    require(slow in offered and lesson.RATE_2D in offered, "the slider does not offer both")


@claim("∇C = XᵀXw − Xᵀy; Xᵀy = XᵀXw* at the minimum, so ∇C = XᵀX(w − w*); the table")
def _gradient_algebra() -> None:
    cost = two_weight_cost()
    x, y, w_star = cost.inputs, cost.targets, cost.minimum()
    table = curvature_table()
    require(np.linalg.norm(cost.gradient(w_star)) < 1e-12, "the gradient is not 0 at w*")
    np.testing.assert_allclose(x.T @ y, table @ w_star, rtol=1e-12)
    for w in (np.array(choices.START_2D), np.array([-1.0, 3.0])):
        np.testing.assert_allclose(cost.gradient(w), table @ w - x.T @ y, rtol=1e-12)
        np.testing.assert_allclose(cost.gradient(w), table @ (w - w_star), atol=1e-12)
    area, age = np.array(AREA), np.array(AGE)
    sums = [[area @ area, area @ age], [area @ age, age @ age]]
    np.testing.assert_allclose(table, sums, rtol=1e-12)
    require(math.isclose(table[0, 0], one_weight_cost().curvature()), "Σ area² is not L")


@claim("XᵀX turns most directions, but only stretches along and across: the curvatures")
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


@claim("the table's diverging count is when the cost passed 10⁶ × its start")
def _diverging_count() -> None:
    diverging = [
        two_weights_page.two(r) for r in lesson.RATES_TABLE_2D if two_weights_page.two(r).diverged
    ]
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


@claim("the condition number λmax/λmin; each ring is √ of it times longer than wide")
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


@claim("2/(λmin + λmax) is the best guarantee: from any start no step keeps more")
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


@claim("from the start the balanced rate takes more steps than the page's rate")
def _balanced_not_fewest() -> None:
    cost = two_weight_cost()
    steps = gradient_descent(cost, choices.START_2D, balanced_rate()).steps
    require(
        steps > two_weights_page.two(lesson.RATE_2D).steps,
        f"{steps} vs {two_weights_page.two(lesson.RATE_2D).steps}",
    )


@claim("from 1/λmax to 2/λmax the factor along shrinks, across grows; below, both shrink")
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


@claim(
    "the parts' own counts: across is last at the balanced rate, along at the page's; "
    "the slower part sets the count"
)
def _why_the_count_differs() -> None:
    low, high = lambdas()
    best = balanced_rate()
    across, along = two_weights_page.gradient_parts(choices.START_2D)
    ratio = across / along  # "about 4 times": within a quarter of the whole number shown
    require(ratio > 1 and abs(ratio - round(ratio)) < 0.25, f"across is {ratio:.2f} times along")
    # the parts shrink by their factors on the actual path
    cost, run = two_weight_cost(), two_weights_page.two(lesson.RATE_2D)
    axes = cost.axes()[1]
    parts = np.abs(np.array([cost.gradient(w) for w in run.path[:5]]) @ axes)
    factors = parts[1:] / parts[:-1]
    np.testing.assert_allclose(factors[:, 1], abs(1 - lesson.RATE_2D * high), rtol=1e-9)
    np.testing.assert_allclose(factors[:, 0], abs(1 - lesson.RATE_2D * low), rtol=1e-9)
    across_best, along_best = part_counts(best)
    require(across_best > along_best, f"at {best} across needs {across_best}, along {along_best}")
    across_rate, along_rate = part_counts(lesson.RATE_2D)
    require(along_rate > across_rate, f"at the page's rate along needs {along_rate}")
    steps_best = gradient_descent(cost, choices.START_2D, best).steps
    require(steps_best == across_best, f"{steps_best} steps, across needs {across_best}")
    steps_rate = run.steps
    require(steps_rate == along_rate, f"{steps_rate} steps, along needs {along_rate}")
    slowest = rates.slowest_factor(best, cost)
    require(abs(1 - lesson.RATE_2D * high) < slowest, "across does not shrink faster")
    along_factor = abs(1 - lesson.RATE_2D * low)
    require(slowest < along_factor < slowest + 0.01, f"along is {along_factor}: not a little")


@claim("from a start as far, along the floor, the balanced rate takes fewer steps")
def _another_start() -> None:
    cost = two_weight_cost()
    start = floor_start()
    offset = start - cost.minimum()
    along = cost.axes()[1][:, 0]
    require(abs(offset @ along) > (1 - 1e-12) * np.linalg.norm(offset), "not along the floor")
    distance = np.linalg.norm(np.array(choices.START_2D) - cost.minimum())
    require(math.isclose(np.linalg.norm(offset), distance), "not as far as the lesson's start")
    best = balanced_rate()
    steps = [gradient_descent(cost, start, r).steps for r in (best, lesson.RATE_2D)]
    require(steps[0] < steps[1], f"from {start}: {steps}")


@claim("scaled, XᵀX = n[[1, c], [c, 1]], and (1 + c)/(1 − c) is the scaled condition number")
def _scaled_cosine_sets_the_shape() -> None:
    scaled, _ = rates.rms_scaled(two_weight_cost())
    x, n = scaled.inputs, len(scaled.targets)
    c = scaled_cosine()
    np.testing.assert_allclose(x.T @ x, n * np.array([[1, c], [c, 1]]), rtol=1e-12)
    np.testing.assert_allclose(scaled.curvatures(), [n * (1 - c), n * (1 + c)], rtol=1e-12)
    require(math.isclose((1 + c) / (1 - c), rates.condition(scaled), rel_tol=1e-12), "ratio")


@claim("every input is positive, so the cosine is well above 0; the correlation is negative")
def _cosine_not_correlation() -> None:
    cost = two_weight_cost()
    c, r = scaled_cosine(), correlation()
    require(np.all(cost.inputs > 0), "an input is not positive")
    require(c > 0.5, f"the cosine is {c}")
    require(math.isclose(r, np.corrcoef(cost.inputs.T)[0, 1], rel_tol=1e-12), "not Pearson's r")
    require(r < 0, f"the correlation is {r}: older houses are not smaller")


@claim("centred too, the cosine is the correlation and the ratio (1 + |r|)/(1 − |r|)")
def _standardized() -> None:
    r = correlation()
    ratio = standardized_condition()
    require(math.isclose(ratio, (1 + abs(r)) / (1 - abs(r)), rel_tol=1e-9), f"ratio {ratio}")
    require(ratio < rates.condition(rates.rms_scaled(two_weight_cost())[0]), "not rounder")


@exercise(
    "exercise: the smaller rate is shown nowhere else on the page, is above 1/λ_max, "
    "zig-zags, converges and takes more steps"
)
def _slow_zigzag_2d() -> bool:
    rate = RATE_2D_SLOW_ZIGZAG
    low, high = (float(v) for v in two_weight_cost().curvatures())
    run, lessons = lesson.descent_2d(rate), lesson.two_weight_descent()
    # the page's table, its playground paragraph (the table's first rate and the
    # lesson's), exercise 2's, and the balanced rate and the limits as the page rounds them
    limits = (round(2 / (low + high), 3), round(1 / high, 4), round(2 / high, 4))
    shown = {*lesson.RATES_TABLE_2D, lesson.RATE_2D, RATE_2D_OVER, *limits}
    return (
        rate not in shown
        and 1 / high < rate < lesson.RATE_2D
        and run.converged
        and crossings_2d(run) > 0
        and run.steps > lessons.steps
    )


@exercise(
    "answer: along the floor the smaller rate keeps more of the distance a step, "
    "and that slower part sets the count"
)
def _slow_along_the_floor() -> bool:
    rate = RATE_2D_SLOW_ZIGZAG
    low, high = (float(v) for v in two_weight_cost().curvatures())
    across, along = part_counts(rate)
    kept = [rates.step_factor(r, low) for r in (rate, lesson.RATE_2D)]
    return (
        kept[0] > kept[1] > 0
        and abs(rates.step_factor(rate, high)) < kept[0]
        and along > across
        and lesson.descent_2d(rate).steps == along
    )


@exercise("exercise: the rate above 2/λ_max makes the gradient grow, and diverges")
def _rate_over_2d_grows() -> bool:
    cost = two_weight_cost()
    run = gradient_descent(cost, choices.START_2D, RATE_2D_OVER, max_steps=choices.STEPS_2D_OVER)
    sizes = [np.linalg.norm(cost.gradient(w)) for w in run.path[:: choices.EVERY_2D_OVER]]
    return (
        2 / cost.curvature() < RATE_2D_OVER
        and run.steps == choices.STEPS_2D_OVER
        and bool(np.all(np.diff(sizes) > 0))
        and lesson.descent_2d(RATE_2D_OVER).diverged
    )


@exercise(
    "answer: the gradient grows by about |1 − ηλ_max|^10 every 10 steps, "
    "though the cost falls on the first step"
)
def _growth_is_the_factor_across() -> None:
    cost = two_weight_cost()
    high = float(cost.curvatures()[-1])
    run = gradient_descent(cost, choices.START_2D, RATE_2D_OVER, max_steps=choices.STEPS_2D_OVER)
    sizes = [np.linalg.norm(cost.gradient(w)) for w in run.path[:: choices.EVERY_2D_OVER]]
    measured = (sizes[-1] / sizes[0]) ** (1 / (len(sizes) - 1))
    factor = abs(rates.step_factor(RATE_2D_OVER, high)) ** choices.EVERY_2D_OVER
    # "about": the measured growth, as the page rounds it, within 0.1 of the factor's
    require(abs(round(measured, 1) - factor) < 0.1, f"grows by {measured}, the factor {factor}")
    require(factor > 1, f"the factor across is {factor}")
    require(run.costs[1] < run.costs[0], "the cost does not fall on the first step")
