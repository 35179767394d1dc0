"""Gradient descent: step downhill, w ← w − η · dC/dw, and keep the whole path.

A descent ends in one of three ways, and says which:

- ``"converged"``: the slope is flat (‖dC/dw‖ below ``tolerance``);
- ``"diverged"``: the cost blew up (non-finite, or above ``BLOWUP`` times
  where it started, or above ``BLOWUP`` if it started below 1), so each step
  overshoots more than the last;
- ``"stopped"``: ``max_steps`` ran out first.

A diverged descent never hands back inf or NaN: its path ends at the last
finite point. A start so far out that the cost there overflows a float is
refused (``ValueError`` naming ``start``) rather than called diverged after
no step. ``max_steps`` is at most :data:`MAX_STEPS`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from gdlesson._checks import Overflow, finite_vector, integer_at_least, positive_finite, shown

#: How far the cost may rise above its start before the descent is called diverged.
BLOWUP = 1e6
#: The most steps a descent may take: its path stays within memory (a million
#: points) and its time within seconds.
MAX_STEPS = 1_000_000
#: The steps a descent takes at most unless told (``max_steps``).
DEFAULT_MAX_STEPS = 10_000
#: The slope below which a descent stops unless told (``tolerance``): flat enough.
TOLERANCE = 1e-6


@dataclass(frozen=True, eq=False)
class Trajectory:
    """Where a descent went: ``path[k]`` holds the weights after k steps
    (``path[0]`` is the start) and ``costs[k]`` the cost there."""

    path: np.ndarray
    costs: np.ndarray

    @property
    def steps(self) -> int:
        """The number of updates taken."""
        return len(self.costs) - 1


@dataclass(frozen=True, eq=False)
class Descent(Trajectory):
    """One descent: its path, its rate and how it ended (``status``, see above).

    For one weight, ``path`` is a 1-D array.
    """

    learning_rate: float
    status: str

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
    max_steps: int = DEFAULT_MAX_STEPS,
    tolerance: float = TOLERANCE,
) -> Descent:
    """Descend ``cost`` from ``start`` with steps of size ``learning_rate`` × slope.

    ``cost`` is callable, has ``.gradient(w)`` and ``.dimension`` (the lesson's costs
    also give both at once, :meth:`~gdlesson.costs.QuadraticCost.value_and_slope`);
    ``start`` is a number for one weight or a sequence of numbers, one per weight.

    >>> from gdlesson.costs import QuadraticCost
    >>> bowl = QuadraticCost.from_rows([[1.0], [2.0]], [2.0, 4.0])  # minimum at 2, L = 5
    >>> run = gradient_descent(bowl, start=0.0, learning_rate=0.1)
    >>> run.status, abs(run.w - 2.0) < 1e-6
    ('converged', True)
    >>> gradient_descent(bowl, start=0.0, learning_rate=0.5).status  # η > 2/L
    'diverged'
    >>> gradient_descent(bowl, start=1e160, learning_rate=0.1)
    Traceback (most recent call last):
    ...
    ValueError: start=1e+160 is too far out: the cost there overflows a float
    """
    cost = _checked_cost(cost)
    learning_rate = positive_finite("learning_rate", learning_rate)
    max_steps = integer_at_least("max_steps", max_steps, 1, MAX_STEPS)
    tolerance = positive_finite("tolerance", tolerance)
    w = finite_vector("start", start, cost.dimension)
    at = value_and_slope_of(cost)
    # Overflow on the way to divergence is expected: the loop checks for it.
    with np.errstate(over="ignore", invalid="ignore"):
        path, costs, slope = [w], *starting_point(at, w, start)
        status = _walk(at, path, costs, slope, learning_rate, max_steps, tolerance)
    points = np.array(path)
    return Descent(
        path=points[:, 0] if np.ndim(start) == 0 else points,
        costs=np.array(costs),
        learning_rate=learning_rate,
        status=status,
    )


def _checked_cost(cost):
    """``cost`` if it has what a descent uses: a call, ``.gradient`` and ``.dimension``."""
    dimension = getattr(cost, "dimension", None)
    usable = callable(cost) and callable(getattr(cost, "gradient", None))
    if not usable or isinstance(dimension, bool) or not isinstance(dimension, int) or dimension < 1:
        raise ValueError(
            f"cost must be callable, with .gradient(w) and .dimension (≥ 1), got {shown(cost)}"
        )
    return cost


def value_and_slope_of(cost):
    """What a descent's loop calls at each point: ``cost.value_and_slope`` (one pass,
    unchecked) if the cost has it, else its call and ``.gradient``, an overflow given
    as inf, as the loop expects."""
    if hasattr(cost, "value_and_slope"):
        return cost.value_and_slope

    def at(w):
        try:
            value = cost(w)
        except Overflow:
            return math.inf, np.full(len(w), math.inf)
        try:
            return value, cost.gradient(w)
        except Overflow:
            return value, np.full(len(w), math.inf)

    return at


def starting_point(at, w, start) -> tuple[list[float], np.ndarray]:
    """``([C(w)], dC/dw)`` at the start; a start whose cost overflows a float is refused."""
    value, slope = at(w)
    if not math.isfinite(value):
        raise ValueError(f"start={shown(start)} is too far out: the cost there overflows a float")
    return [value], slope


def _walk(at, path, costs, slope, learning_rate, max_steps, tolerance) -> str:
    """Step from ``path[-1]``, where the slope is ``slope``, appending to ``path`` and
    ``costs``; return how it ended."""
    limit = BLOWUP * max(costs[0], 1.0)
    for _ in range(max_steps):
        if _flat(slope, tolerance):
            return "converged"
        slope = arrive(at, path[-1] - learning_rate * slope, path, costs, limit)
        if slope is None:
            return "diverged"
    return _out_of_steps(slope, tolerance)


def arrive(at, w, path, costs, limit: float):
    """Keep the point ``w`` a step reached, with its cost, and return its slope; or
    ``None`` if the descent diverged there: ``w`` or its cost not finite (the point is
    not kept), or the cost above ``limit`` (it is)."""
    if not np.isfinite(w).all():
        return None
    c, slope = at(w)
    if not math.isfinite(c):  # so far out that the cost overflows
        return None
    path.append(w)
    costs.append(c)
    return slope if c <= limit else None


def _out_of_steps(slope: np.ndarray, tolerance: float) -> str:
    """How a descent whose steps ran out ended, from the slope where it stands."""
    if _flat(slope, tolerance):
        return "converged"
    return "stopped" if np.isfinite(slope).all() else "diverged"


def _flat(slope: np.ndarray, tolerance: float) -> bool:
    """Whether ‖slope‖ is below ``tolerance``: never for a slope that overflowed."""
    return math.sqrt(float(slope @ slope)) < tolerance
