"""What "Two weights" and "Two curvatures" add to the two-weight facts of
:mod:`gdlesson.facts.descent`: what ``@`` and ``.T`` compute, on a small table
worked by hand; why −∇C is the steepest way down, from small steps in several
directions; the condition number and the shape of the rings; why the balanced
rate is a guarantee, not the fewest steps from every start; and why the scaled
valley stays long (the scaled columns' cosine).
"""

from __future__ import annotations

import math

import numpy as np

from gdlesson import choices, lesson, rates
from gdlesson.choices import CANDIDATES
from gdlesson.costs import one_weight_cost, two_weight_cost
from gdlesson.descent import TOLERANCE, gradient_descent
from gdlesson.numbers import count, signed


def facts() -> dict[str, str]:
    """The page's added numbers, by name."""
    return _evidence() | _toy() | _probe() | _shape() | _guarantee() | _grid() | _scaled_cosine()


# --- why a second input: the lowest cost with area alone, and with area and age -------


def _evidence() -> dict[str, str]:
    one, two = one_weight_cost(), two_weight_cost()
    w = two.minimum()
    return {
        "lowest_cost_area_2d": f"{one(one.minimum()):.3f}",
        "lowest_cost_both_2d": f"{two(w):.3f}",
        "age_weight_2d": signed(w[1], ".3f"),
        "age_weight_size_2d": f"{abs(w[1]):.3f}",
    }


# --- @ and .T on a small table -----------------------------------------------------


def toy() -> dict[str, np.ndarray]:
    """The small example: the table, the weights, the errors, and what ``@`` gives."""
    table = np.array(choices.TOY_TABLE)
    weights, errors = np.array(choices.TOY_WEIGHTS), np.array(choices.TOY_ERRORS)
    return {
        "table": table,
        "weights": weights,
        "errors": errors,
        "forward": table @ weights,
        "back": table.T @ errors,
    }


def _tex(x: int) -> str:
    """An integer in TeX, negative ones in brackets as a factor: (-1)."""
    return f"({x})" if x < 0 else str(x)


def _sum_of_products(row, vector, result) -> str:
    r"""One entry of a product worked by hand, in TeX: 1 \cdot 2 + 2 \cdot 1 = 4."""
    terms = " + ".join(f"{_tex(a)} \\cdot {_tex(b)}" for a, b in zip(row, vector, strict=True))
    return f"{terms} = {str(int(result))}"


def _pair(values) -> str:
    """A few numbers as the prose writes them: (1, −1)."""
    return "(" + ", ".join(signed(v, "g") for v in values) + ")"


def _toy() -> dict[str, str]:
    t = toy()
    rows, turned = t["table"], t["table"].T
    values = {
        "toy_table_code": repr(t["table"].tolist()),
        "toy_weights_code": repr(t["weights"].tolist()),
        "toy_errors_code": repr(t["errors"].tolist()),
        "toy_forward_out": str(t["forward"]),
        "toy_turned_out": str(turned),
        "toy_back_out": str(t["back"]),
        "toy_weights": _pair(t["weights"]),
        "toy_errors": _pair(t["errors"]),
        "toy_forward": _pair(t["forward"]),
        "toy_back": _pair(t["back"]),
    }
    for i, row in enumerate(rows):
        values[f"toy_row_{i + 1}"] = _pair(row)
        values[f"toy_forward_{i + 1}_tex"] = _sum_of_products(row, t["weights"], t["forward"][i])
    for i, row in enumerate(turned):
        values[f"toy_turned_row_{i + 1}"] = _pair(row)
        values[f"toy_back_{i + 1}_tex"] = _sum_of_products(row, t["errors"], t["back"][i])
    return values


# --- small steps in several directions ---------------------------------------------


def probe_steps() -> list[tuple[int, np.ndarray]]:
    """The page's small steps from the start: (θ in degrees, Δw), θ measured from the
    gradient, each Δw of length :data:`~choices.PROBE_STEP_2D`, as the page's
    session builds them (turned from the gradient toward its left)."""
    g = two_weight_cost().gradient(choices.START_2D)
    uphill = g / np.linalg.norm(g)
    sideways = np.array([-uphill[1], uphill[0]])
    steps = []
    for degrees in choices.PROBE_ANGLES_2D:
        theta = np.radians(degrees)
        dw = choices.PROBE_STEP_2D * (np.cos(theta) * uphill + np.sin(theta) * sideways)
        steps.append((degrees, dw))
    return steps


def _probe() -> dict[str, str]:
    cost = two_weight_cost()
    start = np.array(choices.START_2D, dtype=float)
    g = cost.gradient(start)
    norm, step = np.linalg.norm(g), choices.PROBE_STEP_2D
    lines = [
        f"{degrees} {cost(start + dw) - cost(start):+.5f} "
        f"{norm * step * np.cos(np.radians(degrees)):+.5f}"
        for degrees, dw in probe_steps()
    ]
    return {
        "probe_step_2d": f"{choices.PROBE_STEP_2D:g}",
        "probe_angles_2d_code": repr(list(choices.PROBE_ANGLES_2D)),
        "probe_lines_2d": "\n".join(lines),
        "gradient_start_2d_out": str(np.round(g, 3)),
        "gradient_start_2d": "({}, {})".format(*(signed(v, ".3f") for v in g)),
        "gradient_norm_start_2d": f"{np.linalg.norm(g):.2f}",
        "probe_best_drop_2d": f"{choices.PROBE_STEP_2D * np.linalg.norm(g):.5f}",
    }


# --- the condition number and the rings ----------------------------------------------


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


# --- the balanced rate: a guarantee, not the fewest steps from every start -------------


def gradient_parts(w) -> tuple[float, float]:
    """The sizes of the gradient's parts at ``w``: across the valley and along it."""
    cost = two_weight_cost()
    along, across = cost.axes()[1].T
    g = cost.gradient(w)
    return abs(float(g @ across)), abs(float(g @ along))


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
    for size, curvature in zip(gradient_parts(start), (high, low), strict=True):
        factor = abs(rates.step_factor(rate, curvature))
        counts.append(max(0, math.ceil(math.log(TOLERANCE / size) / math.log(factor))))
    return counts[0], counts[1]


def _guarantee() -> dict[str, str]:
    cost = two_weight_cost()
    low, high = (float(v) for v in cost.curvatures())
    across, along = gradient_parts(choices.START_2D)
    balanced = gradient_descent(cost, choices.START_2D, balanced_rate())
    floor = {r: gradient_descent(cost, floor_start(), r) for r in (balanced_rate(), lesson.RATE_2D)}
    return {
        "steps_balanced_floor_2d": count(floor[balanced_rate()].steps),
        "steps_rate_floor_2d": count(floor[lesson.RATE_2D].steps),
        "steps_balanced_2d": count(balanced.steps),
        "steps_balanced_2d_plain": str(balanced.steps),
        "status_balanced_2d": balanced.status,
        "gradient_across_start_2d": f"{across:.1f}",
        "gradient_along_start_2d": f"{along:.1f}",
        "gradient_parts_ratio_2d": f"{across / along:.0f}",
        "factor_across_rate_2d": f"{abs(rates.step_factor(lesson.RATE_2D, high)):.3f}",
        "factor_along_rate_2d": f"{abs(rates.step_factor(lesson.RATE_2D, low)):.3f}",
        "tolerance_plain": f"{TOLERANCE:g}",
        **{
            f"parts_{name}_{part}_2d": str(n)
            for name, rate in (("balanced", balanced_rate()), ("rate", lesson.RATE_2D))
            for part, n in zip(("across", "along"), part_counts(rate), strict=True)
        },
    }


# --- the grid's evaluations against descent's passes, at the grid's precision -----------


def grid_spacings() -> tuple[float, float]:
    """The spacing of a grid of CANDIDATES per weight over the contour map's window."""
    return tuple((high - low) / (CANDIDATES - 1) for low, high in choices.WINDOW_2D)


def grid_best() -> np.ndarray:
    """The best point of that grid: the weights whose cost is lowest."""
    cost = two_weight_cost()
    w1, w2 = (np.linspace(low, high, CANDIDATES) for low, high in choices.WINDOW_2D)
    x, y = cost.inputs, cost.targets
    # the cost at every (w₁, w₂) of the grid, one row of w₂ per w₁
    errors = w1[:, None, None] * x[:, 0] + w2[None, :, None] * x[:, 1] - y
    costs = 0.5 * np.sum(errors**2, axis=-1)
    i, j = np.unravel_index(np.argmin(costs), costs.shape)
    return np.array([w1[i], w2[j]])


def steps_within(distance: float) -> int:
    """The first step at which the lesson's path is within ``distance`` of the minimum."""
    run = lesson.two_weight_descent()
    gaps = np.linalg.norm(run.path - two_weight_cost().minimum(), axis=1)
    return int(np.argmax(gaps < distance))


def _grid() -> dict[str, str]:
    spacings = grid_spacings()
    steps = steps_within(min(spacings))
    return {
        "grid_spacing_w1_2d": f"{spacings[0]:.4f}",
        "grid_spacing_w2_2d": f"{spacings[1]:.4f}",
        "grid_spacing_2d": f"{min(spacings):.3f}",
        "grid_miss_2d": f"{np.linalg.norm(grid_best() - two_weight_cost().minimum()):.4f}",
        "steps_to_grid_2d": str(steps),
        "passes_to_grid_2d": str(lesson.PASSES_PER_SLOPE * steps),
        "passes_2d": count(lesson.passes(lesson.two_weight_descent())),
    }


# --- why the scaled valley stays long --------------------------------------------------


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
