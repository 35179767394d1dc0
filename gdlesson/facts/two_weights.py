"""What page 6, "Two weights", adds to the two-weight facts of
:mod:`gdlesson.facts.descent`: what ``@`` and ``.T`` compute, on a small table
worked by hand; why −∇C is the steepest way down, from small steps in several
directions; the condition number and the shape of the rings; why the balanced
rate is a guarantee, not the fewest steps from every start; and why the scaled
valley stays long (the scaled columns' cosine).
"""

from __future__ import annotations

import math

import numpy as np

from gdlesson import lesson, rates
from gdlesson.costs import two_weight_cost
from gdlesson.descent import TOLERANCE, gradient_descent
from gdlesson.numbers import count, signed


def facts() -> dict[str, str]:
    """The page's added numbers, by name."""
    return _toy() | _probe() | _shape() | _guarantee() | _scaled_cosine()


# --- @ and .T on a small table -----------------------------------------------------


def toy() -> dict[str, np.ndarray]:
    """The small example: the table, the weights, the errors, and what ``@`` gives."""
    table = np.array(lesson.TOY_TABLE)
    weights, errors = np.array(lesson.TOY_WEIGHTS), np.array(lesson.TOY_ERRORS)
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
    gradient, each Δw of length :data:`~gdlesson.lesson.PROBE_STEP_2D`, as the page's
    session builds them (turned from the gradient toward its left)."""
    g = two_weight_cost().gradient(lesson.START_2D)
    uphill = g / np.linalg.norm(g)
    sideways = np.array([-uphill[1], uphill[0]])
    steps = []
    for degrees in lesson.PROBE_ANGLES_2D:
        theta = np.radians(degrees)
        dw = lesson.PROBE_STEP_2D * (np.cos(theta) * uphill + np.sin(theta) * sideways)
        steps.append((degrees, dw))
    return steps


def _probe() -> dict[str, str]:
    cost = two_weight_cost()
    start = np.array(lesson.START_2D, dtype=float)
    g = cost.gradient(start)
    norm, step = np.linalg.norm(g), lesson.PROBE_STEP_2D
    lines = [
        f"{degrees} {cost(start + dw) - cost(start):+.5f} "
        f"{norm * step * np.cos(np.radians(degrees)):+.5f}"
        for degrees, dw in probe_steps()
    ]
    return {
        "probe_step_2d": f"{lesson.PROBE_STEP_2D:g}",
        "probe_angles_2d_code": repr(list(lesson.PROBE_ANGLES_2D)),
        "probe_lines_2d": "\n".join(lines),
        "gradient_start_2d_out": str(np.round(g, 3)),
        "gradient_start_2d": "({}, {})".format(*(signed(v, ".3f") for v in g)),
        "gradient_norm_start_2d": f"{np.linalg.norm(g):.2f}",
        "probe_best_drop_2d": f"{lesson.PROBE_STEP_2D * np.linalg.norm(g):.5f}",
    }


# --- the condition number and the rings ----------------------------------------------


def _shape() -> dict[str, str]:
    return {"ring_aspect_2d": f"{math.sqrt(rates.condition(two_weight_cost())):.1f}"}


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
    distance = np.linalg.norm(np.array(lesson.START_2D) - cost.minimum())
    return cost.minimum() + distance * cost.axes()[1][:, 0]


def balanced_rate() -> float:
    """2/(λ_min + λ_max), exactly, as the page's code computes it."""
    return rates.fastest_rate(two_weight_cost())


def _guarantee() -> dict[str, str]:
    cost = two_weight_cost()
    low, high = (float(v) for v in cost.curvatures())
    across, along = gradient_parts(lesson.START_2D)
    balanced = gradient_descent(cost, lesson.START_2D, balanced_rate())
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
