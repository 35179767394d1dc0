"""Why a learning rate walks, zig-zags or diverges: the step factor 1 − ηL.

For the quadratic costs of the lesson the slope is a straight line through the
minimum: dC/dw = L·(w − w*), with L the *curvature* (how fast the slope changes
as w moves). One step w ← w − η·dC/dw therefore gives

    w_new − w* = (1 − ηL)·(w − w*):

each step multiplies the distance to the minimum by the same factor. With two
weights the same holds along each of the valley's two axes, each with its own
curvature: the eigenvalues of XᵀX.

>>> from gdlesson.costs import one_weight_cost
>>> L = curvatures(one_weight_cost())[-1]
>>> round(step_factor(0.15, L), 4), regime(0.15, L)
(-0.3665, 'zig-zags')
"""

from __future__ import annotations

import numpy as np

from gdlesson._checks import positive_finite
from gdlesson.costs import QuadraticCost

#: What a step does to the distance from the minimum, by the sign and size of 1 − ηL.
REGIMES = ("walks", "zig-zags", "bounces", "diverges")


def step_factor(learning_rate, curvature) -> float:
    """1 − ηL: what one step multiplies the distance to the minimum by.

    >>> step_factor(0.1, 10.0)
    0.0
    """
    rate = positive_finite("learning_rate", learning_rate)
    return 1.0 - rate * positive_finite("curvature", curvature)


def regime(learning_rate, curvature) -> str:
    """How a descent at ``learning_rate`` moves where the curvature is ``curvature``.

    "walks": stays on its side of the minimum, closer each step (0 ≤ 1 − ηL < 1);
    "zig-zags": jumps to the other side, closer each step (−1 < 1 − ηL < 0);
    "bounces": jumps to the other side, as far as before (1 − ηL = −1);
    "diverges": jumps to the other side, farther each step (1 − ηL < −1).

    >>> [regime(rate, 10.0) for rate in (0.05, 0.15, 0.2, 0.25)]
    ['walks', 'zig-zags', 'bounces', 'diverges']
    """
    factor = step_factor(learning_rate, curvature)
    if factor >= 0:
        return "walks"
    if factor > -1:
        return "zig-zags"
    return "bounces" if factor == -1 else "diverges"


def curvatures(cost: QuadraticCost) -> np.ndarray:
    """The curvatures of a quadratic cost along its axes, smallest first.

    They are the eigenvalues of XᵀX (X: the table of inputs). For one weight
    there is one, L = Σ x².

    >>> from gdlesson.costs import two_weight_cost
    >>> [round(float(v), 3) for v in curvatures(two_weight_cost())]
    [0.983, 10.507]
    """
    return np.linalg.eigvalsh(cost.inputs.T @ cost.inputs)


def steepest_direction(cost: QuadraticCost) -> np.ndarray:
    """The unit direction in which the cost curves most: across a valley."""
    return np.linalg.eigh(cost.inputs.T @ cost.inputs)[1][:, -1]


def crossings(run, cost: QuadraticCost) -> int:
    """How many times a descent's path crosses the valley floor (the minimum, for
    one weight): the sign changes of its offset from the minimum along the
    steepest direction. An offset within rounding error of zero is on the floor,
    not across.

    >>> from gdlesson.costs import one_weight_cost
    >>> from gdlesson.descent import gradient_descent
    >>> cost = one_weight_cost()
    >>> crossings(gradient_descent(cost, 0.5, 0.05), cost)
    0
    """
    path = np.asarray(run.path, dtype=float).reshape(len(run.path), -1)
    minimum = cost.minimum()
    offset = (path - minimum) @ steepest_direction(cost)
    # Offsets at the level of rounding error are on the floor: their sign is noise.
    floor = 1e-12 * (1 + np.linalg.norm(minimum))
    signs = np.sign(offset[np.abs(offset) > floor])
    return int(np.count_nonzero(signs[1:] != signs[:-1]))


def balanced_rate(cost: QuadraticCost) -> float:
    """2 / (λ_min + λ_max): the rate whose slower axis shrinks fastest.

    There the factors of the two axes are equal in size, (κ − 1)/(κ + 1),
    κ = λ_max / λ_min; any other fixed rate makes one of them larger.

    >>> from gdlesson.costs import two_weight_cost
    >>> round(balanced_rate(two_weight_cost()), 4)
    0.1741
    """
    values = curvatures(cost)
    return 2.0 / float(values[0] + values[-1])


def slowest_factor(learning_rate, cost: QuadraticCost) -> float:
    """The largest |1 − ηλ| over the cost's axes: how little the slowest axis shrinks.

    >>> from gdlesson.costs import two_weight_cost
    >>> cost = two_weight_cost()
    >>> round(slowest_factor(balanced_rate(cost), cost), 4)
    0.829
    """
    return max(abs(step_factor(learning_rate, float(v))) for v in curvatures(cost))
