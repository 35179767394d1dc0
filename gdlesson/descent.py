"""Gradient descent: step downhill, w ← w − η · dC/dw, and keep the whole path.

A descent ends in one of three ways, and says which:

- ``"converged"``: the slope is flat (‖dC/dw‖ below ``tolerance``);
- ``"diverged"``: the cost blew up (non-finite, or above ``BLOWUP`` times
  where it started, or above ``BLOWUP`` if it started below 1), so each step
  overshoots more than the last;
- ``"stopped"``: ``max_steps`` ran out first.

A diverged descent never hands back inf or NaN: its path ends at the last
finite point.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from gdlesson._checks import finite_vector, integer_at_least, positive_finite

#: How far the cost may rise above its start before the descent is called diverged.
BLOWUP = 1e6


@dataclass(frozen=True, eq=False)
class Descent:
    """The whole path of one descent.

    ``path[k]`` holds the weights after k steps (``path[0]`` is the start) and
    ``costs[k]`` the cost there. For one weight, ``path`` is a 1-D array.
    """

    path: np.ndarray
    costs: np.ndarray
    learning_rate: float
    status: str

    @property
    def steps(self) -> int:
        """The number of updates taken."""
        return len(self.costs) - 1

    @property
    def converged(self) -> bool:
        return self.status == "converged"

    @property
    def diverged(self) -> bool:
        return self.status == "diverged"

    @property
    def w(self):
        """Where the descent ended: a float for one weight, else an array."""
        end = self.path[-1]
        return float(end) if self.path.ndim == 1 else end

    def __repr__(self) -> str:
        return (
            f"Descent({self.status} after {self.steps} steps, learning_rate={self.learning_rate})"
        )


def gradient_descent(
    cost,
    start,
    learning_rate,
    *,
    max_steps: int = 10_000,
    tolerance: float = 1e-6,
) -> Descent:
    """Descend ``cost`` from ``start`` with steps of size ``learning_rate`` × slope.

    ``cost`` is callable, has ``.gradient(w)`` and ``.dimension``; ``start`` is
    a number for one weight or a sequence of numbers, one per weight.

    >>> from gdlesson.costs import one_weight_cost
    >>> cost = one_weight_cost()
    >>> gradient_descent(cost, start=0.5, learning_rate=0.1)
    Descent(converged after 7 steps, learning_rate=0.1)
    >>> gradient_descent(cost, start=0.5, learning_rate=0.3)
    Descent(diverged after 13 steps, learning_rate=0.3)
    """
    learning_rate = positive_finite("learning_rate", learning_rate)
    max_steps = integer_at_least("max_steps", max_steps, 1)
    tolerance = positive_finite("tolerance", tolerance)
    scalar = np.ndim(start) == 0
    w = finite_vector("start", start, cost.dimension)

    path, costs = [w], [cost(w)]
    # Overflow on the way to divergence is expected: _walk catches it.
    with np.errstate(over="ignore", invalid="ignore"):
        status = _walk(cost, path, costs, learning_rate, max_steps, tolerance)
    points = np.array(path)
    return Descent(
        path=points[:, 0] if scalar else points,
        costs=np.array(costs),
        learning_rate=learning_rate,
        status=status,
    )


def _walk(cost, path, costs, learning_rate, max_steps, tolerance) -> str:
    """Step from ``path[-1]``, appending to ``path`` and ``costs``; return how it ended."""
    w = path[-1]
    limit = BLOWUP * max(costs[0], 1.0)
    for _ in range(max_steps):
        slope = cost.gradient(w)
        if _flat(slope, tolerance):
            return "converged"
        w = w - learning_rate * slope
        c = cost(w) if np.all(np.isfinite(w)) else math.inf
        if not math.isfinite(c):
            return "diverged"
        path.append(w)
        costs.append(c)
        if c > limit:
            return "diverged"
    return "converged" if _flat(cost.gradient(w), tolerance) else "stopped"


def _flat(slope: np.ndarray, tolerance: float) -> bool:
    return math.sqrt(float(slope @ slope)) < tolerance


def steps_to_converge(cost, start, learning_rate, **options) -> int:
    """The number of steps a converging descent takes; raises if it does not converge.

    >>> from gdlesson.costs import one_weight_cost
    >>> steps_to_converge(one_weight_cost(), start=0.5, learning_rate=0.1)
    7
    """
    run = gradient_descent(cost, start, learning_rate, **options)
    if not run.converged:
        raise ValueError(
            f"learning_rate={learning_rate} from start={start} does not converge: {run.status}"
        )
    return run.steps
