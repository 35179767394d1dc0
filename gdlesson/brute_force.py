"""Brute force: try many values of one weight and keep the cheapest."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from gdlesson._checks import finite, integer_at_least

#: The lecture's number of candidate values for each weight.
CANDIDATES = 1_000
#: The range of weights the lesson searches for the one-weight cost.
SEARCH_RANGE = (0.0, 4.0)


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


def brute_force(cost, low: float, high: float, candidates: int = CANDIDATES) -> BruteForce:
    """Evaluate ``cost`` at ``candidates`` evenly spaced weights from ``low`` to ``high``.

    >>> from gdlesson.costs import one_weight_cost
    >>> search = brute_force(one_weight_cost(), 0.0, 4.0)
    >>> search.evaluations, round(search.best_w, 4)
    (1000, 2.002)
    """
    low = finite("low", low)
    high = finite("high", high)
    if not low < high:
        raise ValueError(f"low must be below high, got low={low} and high={high}")
    candidates = integer_at_least("candidates", candidates, 2)
    if getattr(cost, "dimension", 1) != 1:
        raise ValueError(f"cost must have one weight for brute force, it has {cost.dimension}")
    weights = np.linspace(low, high, candidates)
    return BruteForce(weights=weights, costs=cost.on_grid(weights))
