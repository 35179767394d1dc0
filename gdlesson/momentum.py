"""Momentum: the heavy ball, and Nesterov's variant.

Plain descent forgets each step as soon as it has taken it. The heavy ball
keeps a velocity ``v`` that each step adds the new slope to, and that fades by
a factor β (the *momentum*) between steps:

    v ← β·v − η·∇C(w),    w ← w + v.

With β = 0 it is plain descent. Nesterov's variant measures the slope where
the velocity is about to carry the ball, at w + β·v, instead of at w.

On a quadratic cost each axis of the valley, with curvature λ, runs on its
own: the distance x to the minimum along it follows a two-term recurrence,

    x_{k+1} = (1 + β − ηλ)·x_k − β·x_{k−1}          (heavy ball)
    x_{k+1} = (1 − ηλ)·((1 + β)·x_k − β·x_{k−1})     (Nesterov)

whose two roots z of z² − a·z + b = 0 say what the axis does: in the long run
each step multiplies x by the larger |z| (:func:`step_factor`). When the roots
are complex, both have |z| = √b and x swings back and forth around the
minimum while it shrinks.

>>> from gdlesson.costs import two_weight_cost
>>> cost = two_weight_cost()
>>> rate, beta = best_rate_and_beta(cost)
>>> round(rate, 4), round(beta, 4)
(0.2233, 0.2826)
>>> round(slowest_factor(rate, beta, cost), 4) == round(beta**0.5, 4)
True
>>> run = momentum_descent(cost, (0.2, 1.6), rate, beta)
>>> run.status, run.steps
('converged', 32)
"""

from __future__ import annotations

import cmath
import math
from dataclasses import dataclass

import numpy as np

from gdlesson._checks import (
    finite,
    finite_vector,
    integer_at_least,
    positive_finite,
    shown,
)
from gdlesson.descent import (
    BLOWUP,
    DEFAULT_MAX_STEPS,
    MAX_STEPS,
    TOLERANCE,
    Descent,
    _checked_cost,
    _flat,
    _out_of_steps,
    arrive,
    starting_point,
    value_and_slope_of,
)


@dataclass(frozen=True, eq=False)
class MomentumDescent(Descent):
    """A descent with momentum: its path, rate, β, variant and how it ended."""

    beta: float
    nesterov: bool

    def __repr__(self) -> str:
        kind = "Nesterov" if self.nesterov else "heavy ball"
        return (
            f"MomentumDescent({kind}, {self.status} after {self.steps} steps, "
            f"learning_rate={self.learning_rate}, beta={self.beta})"
        )


def checked_beta(beta) -> float:
    """β as a float in [0, 1): at 1 the velocity never fades, above it grows.

    >>> checked_beta(1.0)
    Traceback (most recent call last):
    ...
    ValueError: beta must be at least 0 and below 1, got 1.0
    """
    value = finite("beta", beta)
    if not 0 <= value < 1:
        raise ValueError(f"beta must be at least 0 and below 1, got {value!r}")
    return value


def momentum_descent(
    cost,
    start,
    learning_rate,
    beta,
    *,
    nesterov: bool = False,
    max_steps: int = DEFAULT_MAX_STEPS,
    tolerance: float = TOLERANCE,
) -> MomentumDescent:
    """Descend ``cost`` from ``start`` with momentum ``beta``: the same rules as
    :func:`gdlesson.descent.gradient_descent` (converged when ‖∇C(w)‖ is below
    ``tolerance``, diverged when the cost blows up, stopped when the steps run out).

    >>> from gdlesson.costs import QuadraticCost
    >>> bowl = QuadraticCost.from_rows([[1.0], [2.0]], [2.0, 4.0])  # minimum at 2, L = 5
    >>> run = momentum_descent(bowl, 0.0, 0.1, 0.5)
    >>> run.status, abs(run.w - 2.0) < 1e-6
    ('converged', True)
    >>> momentum_descent(bowl, 0.0, 0.5, 0.5).status  # ηL = 2.5 < 2(1 + β): converges
    'converged'
    >>> momentum_descent(bowl, 0.0, 0.5, 0.5, nesterov=True).status  # not Nesterov
    'diverged'
    """
    cost = _checked_cost(cost)
    learning_rate = positive_finite("learning_rate", learning_rate)
    beta = checked_beta(beta)
    if not isinstance(nesterov, bool):  # a string such as "no" would read as True
        raise ValueError(f"nesterov must be True or False, got {shown(nesterov)}")
    max_steps = integer_at_least("max_steps", max_steps, 1, MAX_STEPS)
    tolerance = positive_finite("tolerance", tolerance)
    w = finite_vector("start", start, cost.dimension)
    at = value_and_slope_of(cost)
    with np.errstate(over="ignore", invalid="ignore"):
        path, costs, slope = [w], *starting_point(at, w, start)
        status = _roll(at, path, costs, slope, learning_rate, beta, nesterov, max_steps, tolerance)
    points = np.array(path)
    return MomentumDescent(
        path=points[:, 0] if np.ndim(start) == 0 else points,
        costs=np.array(costs),
        learning_rate=learning_rate,
        status=status,
        beta=beta,
        nesterov=bool(nesterov),
    )


def _roll(at, path, costs, slope, rate, beta, nesterov, max_steps, tolerance) -> str:
    """Step from ``path[-1]``, where the slope is ``slope``, with a velocity that starts
    at rest; return how it ended.

    The arithmetic's order is the playground's (docs/javascripts/playground.js).
    """
    w = path[-1]
    v = np.zeros_like(w)
    limit = BLOWUP * max(costs[0], 1.0)
    for _ in range(max_steps):
        if _flat(slope, tolerance):
            return "converged"
        if nesterov:
            slope = at(w + beta * v)[1]
        v = beta * v - rate * slope
        w = w + v
        slope = arrive(at, w, path, costs, limit)
        if slope is None:
            return "diverged"
    return _out_of_steps(slope, tolerance)


# --- one axis of a quadratic valley ----------------------------------------------


def recurrence(learning_rate, beta, curvature, nesterov: bool = False) -> tuple[float, float]:
    """(a, b) of the axis's recurrence x_{k+1} = a·x_k − b·x_{k−1}.

    >>> recurrence(0.1, 0.5, 10.0)
    (0.5, 0.5)
    >>> recurrence(0.1, 0.0, 10.0, nesterov=True)  # β = 0: plain descent, 1 − ηλ
    (0.0, 0.0)
    """
    eta_lambda = positive_finite("learning_rate", learning_rate) * positive_finite(
        "curvature", curvature
    )
    beta = checked_beta(beta)
    if nesterov:
        return (1 - eta_lambda) * (1 + beta), (1 - eta_lambda) * beta
    return 1 + beta - eta_lambda, beta


def roots(learning_rate, beta, curvature, nesterov: bool = False) -> tuple[complex, complex]:
    """The two roots of z² − a·z + b = 0 for the axis, larger in size first.

    >>> [round(abs(z), 3) for z in roots(0.1, 0.5, 10.0)]
    [0.707, 0.707]
    """
    a, b = recurrence(learning_rate, beta, curvature, nesterov)
    root = cmath.sqrt(a * a - 4 * b)
    return tuple(sorted(((a + root) / 2, (a - root) / 2), key=abs, reverse=True))


def step_factor(learning_rate, beta, curvature, nesterov: bool = False) -> float:
    """The larger |z|: in the long run, what one step multiplies the axis's distance by.

    >>> round(step_factor(0.1, 0.0, 10.0), 12), step_factor(0.15, 0.0, 10.0)
    (0.0, 0.5)
    """
    return abs(roots(learning_rate, beta, curvature, nesterov)[0])


def swings(learning_rate, beta, curvature, nesterov: bool = False) -> bool:
    """Whether the axis's distance swings around the minimum as it shrinks: its
    roots are complex, or the larger one is negative (it overshoots at every step).

    >>> swings(0.1, 0.5, 10.0), swings(0.01, 0.0, 10.0), swings(0.15, 0.0, 10.0)
    (True, False, True)
    """
    z = roots(learning_rate, beta, curvature, nesterov)[0]
    return abs(z.imag) > 1e-15 or z.real < 0


def slowest_factor(learning_rate, beta, cost, nesterov: bool = False) -> float:
    """The largest :func:`step_factor` over the cost's axes: the slowest axis.

    A factor of 1 or more means the descent does not converge.
    """
    return max(step_factor(learning_rate, beta, float(v), nesterov) for v in cost.curvatures())


def rate_limit(beta, curvature, nesterov: bool = False) -> float:
    """The learning rate from which the axis's distance no longer shrinks: the root
    z = −1 of the recurrence. Heavy ball 2(1 + β)/λ, Nesterov 2(1 + β)/((1 + 2β)λ).

    >>> rate_limit(0.0, 10.0), rate_limit(0.5, 10.0), round(rate_limit(0.5, 10.0, True), 4)
    (0.2, 0.3, 0.15)
    """
    beta = checked_beta(beta)
    lam = positive_finite("curvature", curvature)
    return 2 * (1 + beta) / ((1 + 2 * beta if nesterov else 1) * lam)


def best_rate_and_beta(cost) -> tuple[float, float]:
    """The heavy ball's best η and β for the cost's λ_min and λ_max:
    η* = 4/(√λ_max + √λ_min)², β* = ((√κ − 1)/(√κ + 1))², κ = λ_max/λ_min.

    With them every axis's roots are complex or double, of size √β*:
    (√κ − 1)/(√κ + 1) per step, against (κ − 1)/(κ + 1) for plain descent at its best.
    """
    values = cost.curvatures()
    low, high = float(values[0]), float(values[-1])
    root_kappa = math.sqrt(high / low)
    rate = 4 / (math.sqrt(high) + math.sqrt(low)) ** 2
    beta = ((root_kappa - 1) / (root_kappa + 1)) ** 2
    return rate, beta


def axis_trace(learning_rate, beta, curvature, start: float, steps: int, nesterov=False):
    """The part along one axis after 0, 1, … ``steps`` steps from ``start``, the ball at
    rest: the recurrence run directly. At rest the first step is plain descent's,
    x₁ = (1 − ηλ)·x₀ (Nesterov's too: its look-ahead is w itself).

    >>> [round(x, 3) for x in axis_trace(0.1, 0.5, 10.0, 1.0, 3)]
    [1.0, 0.0, -0.5, -0.25]
    """
    a, b = recurrence(learning_rate, beta, curvature, nesterov)
    xs = [float(start), float((1 - learning_rate * curvature) * start)]
    while len(xs) <= steps:
        xs.append(a * xs[-1] - b * xs[-2])
    return xs[: steps + 1]
