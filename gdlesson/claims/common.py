"""What the claims of several parts look at: the lesson's descents, and on which
side of the minimum their steps land."""

from __future__ import annotations

from gdlesson import rates, valleys
from gdlesson.costs import one_weight_cost, two_weight_cost


def curvature_1d() -> float:
    """L of the one-weight cost."""
    return one_weight_cost().curvature()


def w_star_1d() -> float:
    """The one-weight cost's minimum."""
    return float(one_weight_cost().minimum()[0])


def lambdas() -> tuple[float, float]:
    """λ_min and λ_max of the two-weight cost."""
    low, high = two_weight_cost().curvatures()
    return float(low), float(high)


def crossings_1d(run) -> int:
    """How many times a one-weight descent jumps past the minimum."""
    return rates.crossings(run, one_weight_cost())


def crossings_2d(run) -> int:
    """How many times a two-weight descent crosses the valley."""
    return rates.crossings(run, two_weight_cost())


def walks(run) -> bool:
    """Whether a one-weight descent never jumps past the minimum."""
    return crossings_1d(run) == 0


def zigzags(run) -> bool:
    """Whether every step of a one-weight descent jumps past the minimum."""
    return crossings_1d(run) == run.steps > 0


def bottoms_and_hump() -> tuple[list[float], float]:
    """The two-valley cost's bottoms, from the left, and the hump between them."""
    points = valleys.turning_points(valleys.valleys_cost())
    bottoms = [w for w, kind in points if kind == "valley"]
    return bottoms, next(w for w, kind in points if kind == "hump")
