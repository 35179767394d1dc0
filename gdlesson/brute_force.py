"""Brute force: try many values of one weight and keep the cheapest."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from gdlesson._checks import Overflow, finite, integer_at_least, shown
from gdlesson.choices import CANDIDATES, SEARCH_RANGE

#: The most candidates one search may try (8 MB of weights and as much of costs).
MAX_CANDIDATES = 1_000_000


@dataclass(frozen=True, eq=False)
class BruteForce:
    """Every candidate tried, its cost, and the best of them."""

    weights: np.ndarray
    costs: np.ndarray

    @property
    def evaluations(self) -> int:
        return len(self.weights)

    @property
    def best_index(self) -> int:
        return int(np.argmin(self.costs))

    @property
    def best_w(self) -> float:
        return float(self.weights[self.best_index])

    @property
    def best_cost(self) -> float:
        return float(self.costs[self.best_index])


def grid_spacing(candidates: int = CANDIDATES) -> float:
    """The step between two neighbouring candidates of the lesson's search
    (:data:`SEARCH_RANGE`, ``candidates`` of them).

    >>> round(grid_spacing(), 4)
    0.004
    """
    candidates = integer_at_least("candidates", candidates, 2, MAX_CANDIDATES)
    low, high = SEARCH_RANGE
    return (high - low) / (candidates - 1)


def brute_force(cost, low: float, high: float, candidates: int = CANDIDATES) -> BruteForce:
    """Evaluate ``cost`` at ``candidates`` evenly spaced weights from ``low`` to ``high``.

    ``cost`` has one weight and ``.on_grid(weights)``; ``candidates`` is from 2 to
    :data:`MAX_CANDIDATES`. The best candidate is within one grid spacing of the
    true minimum when that lies inside the range:

    >>> from gdlesson.costs import QuadraticCost
    >>> bowl = QuadraticCost.from_rows([[1.0], [2.0]], [2.0, 4.0])  # minimum at w = 2
    >>> search = brute_force(bowl, 0.0, 3.0, candidates=7)
    >>> search.weights
    array([0. , 0.5, 1. , 1.5, 2. , 2.5, 3. ])
    >>> search.evaluations, search.best_w, search.best_cost
    (7, 2.0, 0.0)
    """
    low = finite("low", low)
    high = finite("high", high)
    if not low < high:
        raise ValueError(f"low must be below high, got low={low} and high={high}")
    if not np.isfinite(high - low):
        raise ValueError(f"low={low} and high={high} are too far apart: high - low overflows")
    candidates = integer_at_least("candidates", candidates, 2, MAX_CANDIDATES)
    if getattr(cost, "dimension", None) != 1 or not callable(getattr(cost, "on_grid", None)):
        raise ValueError(f"cost must have one weight and .on_grid(weights), got {shown(cost)}")
    weights = np.linspace(low, high, candidates)
    try:
        costs = cost.on_grid(weights)
    except Overflow:
        raise ValueError(
            f"the cost overflows a float between low={low} and high={high}: search nearer"
        ) from None
    return BruteForce(weights=weights, costs=costs)
