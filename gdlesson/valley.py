"""The shape of a quadratic valley, and what it does to a fixed learning rate.

For C(w) = ½ Σ (xᵢ·w − yᵢ)² the curvatures are the eigenvalues λ of XᵀX. Each
step of gradient descent multiplies the distance to the minimum along each
eigen-direction by (1 − ηλ). So a learning rate η walks straight down while
η < 1/λ_max, zig-zags across the valley between 1/λ_max and 2/λ_max (the factor
of the steepest direction is negative) and diverges from 2/λ_max on (a factor
beyond −1). The slowest direction sets the speed, max |1 − ηλ|, which is
smallest at η = 2/(λ_min + λ_max).

>>> from gdlesson.costs import two_weight_cost
>>> cost = two_weight_cost()
>>> [round(float(v), 3) for v in curvatures(cost)], round(condition(cost), 1)
([0.983, 10.507], 10.7)
>>> round(fastest_rate(cost), 4), round(contraction(cost, 0.17), 3)
(0.1741, 0.833)
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from gdlesson._checks import positive_finite
from gdlesson.costs import QuadraticCost

#: A rate is "just right" when its steps number at most this many times the
#: fewest that any rate offered needs (steps grow as 1 / −ln max |1 − ηλ|).
NEAR_BEST = 2
#: What the rates below 2/λ_max do, band by band.
LABELS = (
    "too small: walks straight down, slowly",
    "just right: walks straight down, near the fewest steps",
    "just right: zig-zags, near the fewest steps",
    "large: zig-zags across the minimum, slower than needed",
)


def curvatures(cost: QuadraticCost) -> np.ndarray:
    """The eigenvalues λ of XᵀX, smallest first: how fast the slope changes along each axis."""
    return np.linalg.eigvalsh(cost.inputs.T @ cost.inputs)


def condition(cost: QuadraticCost) -> float:
    """λ_max / λ_min, the valley's elongation: 1 for a round bowl."""
    lam = curvatures(cost)
    return float(lam[-1] / lam[0])


def contraction(cost: QuadraticCost, rate: float) -> float:
    """max |1 − ηλ|: each step multiplies the distance to the minimum by at most this.

    >>> from gdlesson.costs import one_weight_cost
    >>> cost = one_weight_cost()
    >>> round(contraction(cost, 0.1), 3), round(contraction(cost, 0.25), 4)
    (0.089, 1.2775)
    """
    rate = positive_finite("rate", rate)
    return float(np.max(np.abs(1 - rate * curvatures(cost))))


def fastest_rate(cost: QuadraticCost) -> float:
    """2 / (λ_min + λ_max): the fixed rate with the smallest contraction."""
    lam = curvatures(cost)
    return float(2 / (lam[0] + lam[-1]))


@dataclass(frozen=True)
class Band:
    """Learning rates from ``low`` (included) up to the next band's ``low``."""

    kind: str  # "small", "right", "zigzag" or "large"
    low: float
    label: str


def rate_bands(cost: QuadraticCost, rates, edge_name: str = "2/L") -> list[Band]:
    """What each learning rate does on this cost, as bands of rates, smallest first.

    A rate is just right when its contraction gives at most ``NEAR_BEST`` times
    the steps of the best of ``rates`` (the rates a reader can pick);
    ``edge_name`` names 2/λ_max in the labels.

    >>> from gdlesson.costs import one_weight_cost
    >>> for band in rate_bands(one_weight_cost(), [0.05, 0.1, 0.2, 0.3]):
    ...     print(f"{band.low:.4f} {band.kind:6} {band.label}")
    0.0000 small  too small: walks straight down, slowly
    0.0770 right  just right: walks straight down, near the fewest steps
    0.1098 right  just right: zig-zags, near the fewest steps
    0.1425 zigzag large: zig-zags across the minimum, slower than needed
    0.2195 large  too large: diverges, from 2/L = 0.2195 on
    """
    lam = curvatures(cost)
    best = min(contraction(cost, r) for r in rates)
    if best >= 1:
        raise ValueError(f"rates must hold a rate that converges (below {2 / lam[-1]:.4g})")
    near = best ** (1 / NEAR_BEST)
    lo, hi = float(lam[0]), float(lam[-1])
    edge = 2 / hi
    starts = [0.0, (1 - near) / lo, _above(1 / hi), _above((1 + near) / hi), edge]
    labels = [*LABELS, f"too large: diverges, from {edge_name} = {edge:.4f} on"]
    kinds = ["small", "right", "right", "zigzag", "large"]
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
