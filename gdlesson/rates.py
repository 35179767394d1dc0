"""What a fixed learning rate does on a quadratic cost: the step factor 1 − ηλ.

For the quadratic costs of the lesson, C(w) = ½ Σ (xᵢ·w − yᵢ)², the slope is a
straight line through the minimum along each axis of the valley, with its own
*curvature* λ (how fast the slope changes as w moves): the eigenvalues of XᵀX.
With one weight there is one, L = Σ x². One step w ← w − η·dC/dw therefore
multiplies the distance to the minimum along each axis by the same factor:

    w_new − w* = (1 − ηλ)·(w − w*).

So a learning rate never overshoots (it walks) while η < 1/λ_max, zig-zags across the
valley between 1/λ_max and 2/λ_max (the factor of the steepest axis is
negative) and diverges from 2/λ_max on (a factor beyond −1). The slowest axis
sets the speed, max |1 − ηλ|, which is smallest at η = 2/(λ_min + λ_max).

>>> from gdlesson.costs import one_weight_cost, two_weight_cost
>>> L = one_weight_cost().curvature()
>>> round(step_factor(0.15, L), 4), regime(0.15, L)
(-0.3665, 'zig-zags')
>>> cost = two_weight_cost()
>>> [round(float(v), 3) for v in cost.curvatures()], round(condition(cost), 1)
([0.983, 10.507], 10.7)
>>> round(fastest_rate(cost), 4), round(slowest_factor(0.17, cost), 3)
(0.1741, 0.833)
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from gdlesson._checks import items, positive_finite
from gdlesson.costs import QuadraticCost

#: A rate is "just right" when its steps number at most this many times the
#: fewest that any rate offered needs (steps grow as 1 / −ln max |1 − ηλ|).
NEAR_BEST = 2
#: A walking rate is "too small" when its steps number more than this many times
#: the fewest: How big a step? calls 0.005 too small (52×), and walks with 0.05 (4×).
TOO_SLOW = 10
#: What the rates below 2/λ_max do, band by band.
#: Below 1/λ_max a path never overshoots: along each axis of the valley it stays on
#: its side of the minimum (with two weights it bends, down the side, then along the
#: floor, so it does not walk straight down).
LABELS = (
    "too small: never overshoots, very slowly",
    "small: never overshoots, slower than needed",
    f"just right: never overshoots, within {NEAR_BEST}× the fewest steps",
    f"just right: zig-zags, within {NEAR_BEST}× the fewest steps",
    "large: zig-zags, slower than needed",
)


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


def condition(cost: QuadraticCost) -> float:
    """λ_max / λ_min, the valley's condition number: 1 for a round bowl."""
    lam = cost.curvatures()
    return float(lam[-1] / lam[0])


def steepest_direction(cost: QuadraticCost) -> np.ndarray:
    """The unit direction in which the cost curves most: across a valley."""
    return cost.axes()[1][:, -1]


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


def fastest_rate(cost: QuadraticCost) -> float:
    """2 / (λ_min + λ_max): the fixed rate whose slower axis shrinks fastest.

    There the factors of the two axes are equal in size, (κ − 1)/(κ + 1),
    κ = λ_max / λ_min; any other fixed rate makes one of them larger.

    >>> from gdlesson.costs import two_weight_cost
    >>> round(fastest_rate(two_weight_cost()), 4)
    0.1741
    """
    values = cost.curvatures()
    return 2.0 / float(values[0] + values[-1])


def slowest_factor(learning_rate, cost: QuadraticCost) -> float:
    """max |1 − ηλ| over the cost's axes: how little the slowest axis shrinks.

    Each step multiplies the distance to the minimum by at most this.

    >>> from gdlesson.costs import one_weight_cost, two_weight_cost
    >>> cost = two_weight_cost()
    >>> round(slowest_factor(fastest_rate(cost), cost), 4)
    0.829
    >>> round(slowest_factor(0.1, one_weight_cost()), 3)
    0.089
    """
    return max(abs(step_factor(learning_rate, float(v))) for v in cost.curvatures())


@dataclass(frozen=True)
class Band:
    """Learning rates from ``low`` (included) up to the next band's ``low``."""

    kind: str  # "small", "right", "zigzag" or "large"
    low: float
    label: str


def rate_bands(cost: QuadraticCost, rates, edge_name: str = "2/L") -> list[Band]:
    """What each learning rate does on this cost, as bands of rates, smallest first.

    A rate is just right when its slowest factor gives at most ``NEAR_BEST``
    times the steps of the best of ``rates`` (the rates a reader can pick), and
    too small when it gives more than ``TOO_SLOW`` times; ``edge_name`` names
    2/λ_max in the labels.

    >>> from gdlesson.costs import one_weight_cost
    >>> for band in rate_bands(one_weight_cost(), [0.05, 0.1, 0.2, 0.3]):
    ...     print(f"{band.low:.4f} {band.kind:6} {band.label}")
    0.0000 small  too small: never overshoots, very slowly
    0.0236 small  small: never overshoots, slower than needed
    0.0770 right  just right: never overshoots, within 2× the fewest steps
    0.1098 right  just right: zig-zags, within 2× the fewest steps
    0.1425 zigzag large: zig-zags, slower than needed
    0.2195 large  too large: diverges, from 2/L = 0.2195 on
    """
    rates = [positive_finite("rates", r) for r in items("rates", rates)]
    if not rates:
        raise ValueError("rates must hold at least one rate")
    lam = cost.curvatures()
    best = min(slowest_factor(r, cost) for r in rates)
    if best >= 1:
        raise ValueError(f"rates must hold a rate that converges (below {2 / lam[-1]:.4g})")
    near, slow = best ** (1 / NEAR_BEST), best ** (1 / TOO_SLOW)
    lo, hi = float(lam[0]), float(lam[-1])
    edge = 2 / hi
    starts = [0.0, (1 - slow) / lo, (1 - near) / lo, _above(1 / hi), _above((1 + near) / hi), edge]
    labels = [*LABELS, f"too large: diverges, from {edge_name} = {edge:.4f} on"]
    kinds = ["small", "small", "right", "right", "zigzag", "large"]
    bands = [Band(*b) for b in zip(kinds, starts, labels, strict=True)]
    # A band that starts where the next one starts is empty (on a round bowl, a rate that
    # lands on the minimum in one step leaves no zig-zag that is just right).
    return [
        b for b, nxt in zip(bands, [*bands[1:], None], strict=True) if not nxt or b.low < nxt.low
    ]


def _above(x: float) -> float:
    """The next float above ``x``: a band that starts there leaves ``x`` to the band below."""
    return math.nextafter(x, math.inf)


def band_index(bands: list[Band], rate: float) -> int:
    """The index of the band that ``rate`` falls in.

    >>> from gdlesson.costs import one_weight_cost
    >>> bands = rate_bands(one_weight_cost(), [0.1])
    >>> [bands[band_index(bands, r)].kind for r in (0.005, 0.1, 0.15, 0.25)]
    ['small', 'right', 'zigzag', 'large']
    """
    rate = positive_finite("rate", rate)
    return max(i for i, b in enumerate(bands) if b.low <= rate)


def rms_scaled(cost: QuadraticCost) -> tuple[QuadraticCost, np.ndarray]:
    """The same model with each input divided by its root-mean-square, and those divisors.

    ŷ = X·w = (X / s)·(w · s): the scaled cost at w · s is the cost at w, so
    the minimum and every path are the same model's, in weights w' = w · s.
    Without a bias term, centring the inputs would change the model; scaling
    alone keeps it.

    >>> from gdlesson.costs import two_weight_cost
    >>> scaled, s = rms_scaled(two_weight_cost())
    >>> [round(float(v), 3) for v in s], round(condition(scaled), 2)
    ([1.232, 0.63], 6.24)
    >>> bool(np.allclose(scaled.minimum(), two_weight_cost().minimum() * s))
    True
    """
    scale = np.sqrt(np.mean(cost.inputs**2, axis=0))
    if not np.all(scale > 0):
        raise ValueError("cost must have no input column that is all zeros")
    return QuadraticCost.from_rows(cost.inputs / scale, cost.targets), scale
