"""A cost of one weight with two valleys, a hump and a flat stretch.

The lesson's costs so far were bowls: one valley, and gradient descent finds
its bottom from anywhere. A network's cost is not a bowl. This made-up cost,

    C(w) = 1 − Σ dᵢ · exp(−kᵢ · (w − cᵢ)²),

has a valley of depth dᵢ at each cᵢ (sharper for larger kᵢ), a hump between
them where the slope is zero too, and on each side ground that flattens out
towards C = 1. Where descent ends depends on where it starts.

>>> cost = valleys_cost()
>>> [(round(w, 3), kind) for w, kind in turning_points(cost)]
[(-1.5, 'valley'), (-0.17, 'hump'), (0.998, 'valley')]
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property

import numpy as np

from gdlesson import choices
from gdlesson._checks import finite, finite_vector, integer_at_least, items, positive_finite
from gdlesson.choices import VALLEYS, WINDOW_VALLEYS
from gdlesson.descent import TOLERANCE, Descent, gradient_descent


@dataclass(frozen=True)
class ValleysCost:
    """C(w) = 1 − Σ d · exp(−k (w − c)²) over ``valleys`` of (d, c, k).

    >>> cost = ValleysCost(((1.0, 0.0, 1.0),))
    >>> cost(0.0), cost.gradient(0.0)
    (0.0, array([0.]))
    >>> ValleysCost(((1.0, 0.0, -1.0),))
    Traceback (most recent call last):
    ...
    ValueError: sharpness must be a positive finite number, got -1.0
    """

    valleys: tuple[tuple[float, float, float], ...]

    dimension = 1

    def __post_init__(self) -> None:
        if len(items("valleys", self.valleys)) == 0:
            raise ValueError("valleys must hold at least one (depth, centre, sharpness)")
        for valley in self.valleys:
            depth, centre, sharpness = items("valleys (each valley)", valley, 3)
            positive_finite("depth", depth)
            finite("centre", centre)
            positive_finite("sharpness", sharpness)

    def on_grid(self, ws) -> np.ndarray:
        """C at every weight of ``ws``; sums in the order of ``valleys``, as the
        page's code does, so the two give the same numbers to the last bit."""
        ws = np.asarray(ws, dtype=float)
        with np.errstate(over="ignore"):  # far away (w − c)² is inf, its valley's term 0
            return 1 - sum(d * np.exp(-k * (ws - c) ** 2) for d, c, k in self.valleys)

    def slope(self, ws) -> np.ndarray:
        """dC/dw at every weight of ``ws``: Σ 2dk (w − c) · exp(−k (w − c)²)."""
        ws = np.asarray(ws, dtype=float)
        with np.errstate(over="ignore"):  # far away (w − c)² is inf, its valley's term 0
            return sum(
                2 * d * k * (ws - c) * np.exp(-k * (ws - c) ** 2) for d, c, k in self.valleys
            )

    def __call__(self, w) -> float:
        return float(self.on_grid(finite_vector("w", w, 1))[0])

    def gradient(self, w) -> np.ndarray:
        return self.slope(finite_vector("w", w, 1))

    def value_and_slope(self, w) -> tuple[float, np.ndarray]:
        """C and dC/dw at ``w`` (one weight, as an array), every valley's exponential
        at once: :meth:`on_grid` and :meth:`slope`'s arithmetic, summed in the same
        order, to the last bit. Unchecked, as
        :meth:`gdlesson.costs.QuadraticCost.value_and_slope`."""
        depths, centres, minus_sharpness, slope_factors = self._columns
        gaps = w[0] - centres
        bumps = np.exp(minus_sharpness * gaps**2)
        depth, slope = 0, 0
        for term in depths * bumps:
            depth = depth + term
        for term in slope_factors * gaps * bumps:
            slope = slope + term
        return float(1 - depth), np.array([slope])

    @cached_property
    def _columns(self) -> tuple[np.ndarray, ...]:
        """The valleys' depths d, centres c, −k and 2dk, as arrays."""
        d, c, k = (np.array(column, dtype=float) for column in zip(*self.valleys, strict=True))
        return d, c, -k, 2 * d * k


def valleys_cost() -> ValleysCost:
    """The lesson's cost with two valleys."""
    return ValleysCost(VALLEYS)


def turning_points(cost: ValleysCost, window=WINDOW_VALLEYS, samples: int = 8001):
    """Where the slope is zero inside ``window``, left to right: (w, "valley" or "hump").

    Found where the slope changes sign between samples, then pinned down by
    bisection; computed once per cost (the figure and the facts ask often).
    """
    ws = _samples(window, samples)
    return _turning_points(cost, float(ws[0]), float(ws[-1]), len(ws))


@cache
def _turning_points(cost: ValleysCost, low: float, high: float, samples: int):
    ws = np.linspace(low, high, samples)
    slopes = cost.slope(ws)
    points = []
    for i in np.flatnonzero(np.sign(slopes[:-1]) * np.sign(slopes[1:]) < 0):
        low, high = ws[i], ws[i + 1]
        for _ in range(60):
            middle = (low + high) / 2
            if np.sign(cost.slope(middle)) == np.sign(slopes[i]):
                low = middle
            else:
                high = middle
        points.append((float((low + high) / 2), "valley" if slopes[i] < 0 else "hump"))
    return tuple(points)


def flat_from(
    cost: ValleysCost, tolerance: float = TOLERANCE, window=WINDOW_VALLEYS, samples: int = 8001
):
    """The weight from which the slope stays below ``tolerance`` to the window's right
    edge: where a descent with that tolerance does not move. None if nowhere.

    Found between the samples where the slope last is steep and first is not,
    then pinned down by bisection: the slope at the weight returned is below
    ``tolerance``, and just left of it, it is not.

    >>> round(flat_from(valleys_cost()), 4)
    3.8408
    """
    tolerance = positive_finite("tolerance", tolerance)
    ws = _samples(window, samples)
    steep = np.flatnonzero(np.abs(cost.slope(ws)) >= tolerance)
    if len(steep) == 0:
        return float(ws[0])
    if steep[-1] == samples - 1:
        return None
    low, high = float(ws[steep[-1]]), float(ws[steep[-1] + 1])
    for _ in range(60):
        middle = (low + high) / 2
        if abs(cost.slope(middle)) >= tolerance:
            low = middle
        else:
            high = middle
    return high


def _samples(window, samples) -> np.ndarray:
    """``samples`` weights evenly spread over ``window`` (low, high), both checked."""
    samples = integer_at_least("samples", samples, 2, 10_000_000)
    low, high = (finite("window", end) for end in items("window", window, 2))
    if not low < high:
        raise ValueError(f"window must be (low, high) with low < high, got {window!r}")
    return np.linspace(low, high, samples)


def descent(start: float, rate: float) -> Descent:
    """Gradient descent on the two-valley cost from ``start`` at ``rate`` (each
    pair computed once: the crawls take thousands of steps).

    >>> descent(1.8, 0.2) is descent(1.8, 0.2)
    True
    """
    return _descent(finite("start", start), positive_finite("rate", rate))


@cache
def _descent(start: float, rate: float) -> Descent:
    return gradient_descent(valleys_cost(), start, rate)


def descents(starts=choices.STARTS_VALLEYS, rate=choices.RATE_VALLEYS) -> tuple[Descent, ...]:
    """:func:`descent` from each of ``starts``.

    >>> [round(run.w, 3) for run in descents(starts=(-3.0, 1.8))]
    [-1.5, 0.998]
    """
    return tuple(descent(start, rate) for start in starts)


def ending(run: Descent, cost: ValleysCost | None = None, near: float = 1e-3) -> str:
    """Where a descent ended: "valley 0", "valley 1"… (counted from the left),
    "did not move", or "elsewhere".

    >>> [ending(run) for run in descents(starts=(-0.5, 0.0, 4.0))]
    ['valley 0', 'valley 1', 'did not move']
    """
    near = positive_finite("near", near)
    cost = cost or valleys_cost()
    if run.steps == 0:
        return "did not move"
    bottoms = [w for w, kind in turning_points(cost) if kind == "valley"]
    for i, bottom in enumerate(bottoms):
        if abs(run.w - bottom) < near:
            return f"valley {i}"
    return "elsewhere"
