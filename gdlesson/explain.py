"""What an instructor needs before changing the houses or a rate: the
curvatures of the lesson's two costs, the limits they put on a learning rate,
and each rate the lesson chooses, with what it does on its cost.

``python -m gdlesson explain`` prints :func:`report`. A rate's regime is the
step factor's (:func:`gdlesson.rates.regime`): on two weights, the regime
across the valley, where the curvature is largest, and the slower factor of
the two sets the number of steps.
"""

from __future__ import annotations

from gdlesson import choices, lesson, rates
from gdlesson.costs import QuadraticCost, one_weight_cost, two_weight_cost
from gdlesson.descent import gradient_descent

#: The one-weight rates the pages use, by what they show.
RATES_1D = {
    "RATE_1D (the ball rolls down)": choices.RATE_1D,
    "RATE_ZIGZAG_1D (overshoots)": lesson.RATE_ZIGZAG_1D,
    "RATE_FAST_ZIGZAG_1D (zig-zags, arrives sooner)": lesson.RATE_FAST_ZIGZAG_1D,
    **{f"RATES_1D[{name!r}]": rate for name, rate in lesson.RATES_1D.items()},
}
#: The two-weight rates the pages use, by what they show.
RATES_2D = {
    "RATE_2D (the zig-zag path)": lesson.RATE_2D,
    "RATE_UNDER_LIMIT_2D (just under 2/λmax)": lesson.RATE_UNDER_LIMIT_2D,
    "RATE_OVER_LIMIT_2D (just over 2/λmax)": lesson.RATE_OVER_LIMIT_2D,
    **{f"RATES_TABLE_2D[{i}]": rate for i, rate in enumerate(lesson.RATES_TABLE_2D)},
}


def _ending(cost: QuadraticCost, start, rate: float) -> str:
    run = gradient_descent(cost, start, rate)
    return f"{run.status} after {run.steps:,} steps"


def report() -> str:
    """The curvatures, the limits and every chosen rate's regime and ending."""
    one, two = one_weight_cost(), two_weight_cost()
    low, high = (float(value) for value in two.curvatures()[[0, -1]])
    lines = [f"One weight ({len(one.targets)} houses), from w = {choices.START_1D:g}:"]
    L = one.curvature()
    lines.append(
        f"  L = {L:.4f}: 1/L = {1 / L:.4f} lands on the bottom in one step;"
        f" above 2/L = {2 / L:.4f} the descent diverges"
    )
    for name, rate in RATES_1D.items():
        regime = rates.regime(rate, L)
        lines.append(f"  {name}: η = {rate:g}, {regime}, {_ending(one, choices.START_1D, rate)}")
    lines += ["", f"Two weights ({len(two.targets)} houses), from {choices.START_2D}:"]
    lines += [
        f"  λmin = {low:.4f} along the valley, λmax = {high:.4f} across it:"
        f" above 2/λmax = {2 / high:.4f} the descent diverges across",
        f"  condition number λmax/λmin = {high / low:.2f};"
        f" balanced rate 2/(λmin + λmax) = {rates.fastest_rate(two):.4f}",
    ]
    for name, rate in RATES_2D.items():
        regime = rates.regime(rate, high)
        slowest = rates.slowest_factor(rate, two)
        ending = _ending(two, choices.START_2D, rate)
        lines.append(
            f"  {name}: η = {rate:g}, {regime} across, slowest factor {slowest:.3f}, {ending}"
        )
    return "\n".join(lines)
