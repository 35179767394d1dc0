"""The cost C = ½ Σ (ŷ − y)² of a linear house-price model ŷ = X·w.

The lesson's data are a handful of houses: area in hundreds of square metres,
age in decades, price in hundreds of thousands of euros. One weight predicts the price
from the area alone; two weights use area and age. Both costs are quadratic
bowls, so the lesson can show every step of a descent and say exactly where
the minimum is.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np

from gdlesson._checks import (
    Overflow,
    finite_result,
    finite_vector,
    number_array,
    rows_and_targets,
    shown,
)
from gdlesson.choices import AGE, AREA, PRICE

#: The largest size of a datum (input or target): its squares, summed, stay far
#: below the largest float.
MAX_DATA = 1e100
#: The most values :meth:`QuadraticCost.on_grid` computes at once (grid points ×
#: rows of data): 80 MB of floats.
MAX_GRID_VALUES = 10_000_000


def of_rows(cost, batch):
    """A cost of rows (:class:`QuadraticCost`, the network's) on the rows ``batch``
    alone: a stochastic step's cost. Its rows were checked when ``cost`` was made, so
    they are not checked again (a step of SGD took twice as long)."""
    part = object.__new__(type(cost))
    object.__setattr__(part, "inputs", cost.inputs[batch])
    object.__setattr__(part, "targets", cost.targets[batch])
    return part


@dataclass(frozen=True, eq=False)
class QuadraticCost:
    """C(w) = ½ Σᵢ (xᵢ·w − yᵢ)², the squared error of ŷ = X·w over the rows.

    ``inputs`` is a table (one row per example, one column per weight) and
    ``targets`` one value per row, all finite and within ±:data:`MAX_DATA`.
    Every method returns finite values, or raises ``ValueError`` naming its
    parameter (``Overflow`` when the weights are so far out that C overflows).

    >>> cost = QuadraticCost.from_rows(inputs=[[1.0], [2.0]], targets=[2.0, 4.0])
    >>> cost(2.0), cost(0.0)
    (0.0, 10.0)
    >>> cost.gradient(0.0)
    array([-10.])
    >>> cost(1e300)
    Traceback (most recent call last):
    ...
    gdlesson._checks.Overflow: w=1e+300 is too large: the result overflows a float
    """

    inputs: np.ndarray
    targets: np.ndarray

    def __post_init__(self):
        x, y = rows_and_targets(self.inputs, self.targets, None, MAX_DATA)
        object.__setattr__(self, "inputs", x)
        object.__setattr__(self, "targets", y)

    @classmethod
    def from_rows(cls, inputs, targets) -> QuadraticCost:
        """The cost of the rows ``inputs`` (lists of numbers) and their ``targets``."""
        return cls(inputs, targets)

    @property
    def dimension(self) -> int:
        """The number of weights."""
        return self.inputs.shape[1]

    def predict(self, w) -> np.ndarray:
        """ŷ for every row."""
        with np.errstate(over="ignore", invalid="ignore"):
            return finite_result("w", w, self.inputs @ finite_vector("w", w, self.dimension))

    def __call__(self, w) -> float:
        with np.errstate(over="ignore", invalid="ignore"):
            error = self._error(w)
            return float(finite_result("w", w, 0.5 * error @ error))

    def gradient(self, w) -> np.ndarray:
        """dC/dw = Σᵢ (ŷᵢ − yᵢ)·xᵢ, one entry per weight."""
        with np.errstate(over="ignore", invalid="ignore"):
            return finite_result("w", w, self._error(w) @ self.inputs)

    def value_and_slope(self, w) -> tuple[float, np.ndarray]:
        """C and dC/dw at ``w`` from one ŷ − y, unchecked: what a descent's loop needs at
        each point it reaches. ``w`` must be a float vector of :attr:`dimension` entries;
        an overflow gives inf or NaN, which the loop, under ``np.errstate``, checks for."""
        error = self.inputs @ w - self.targets
        return float(0.5 * error @ error), error @ self.inputs

    def _error(self, w) -> np.ndarray:
        """ŷ − y for every row; ``w`` checked, the result not: a call and a gradient,
        which a descent makes at every step, check theirs once (an overflow in ŷ carries
        through to it)."""
        return self.inputs @ finite_vector("w", w, self.dimension) - self.targets

    def on_grid(self, *axes) -> np.ndarray:
        """C at every point of a grid: ``on_grid(ws)`` or ``on_grid(w1s, w2s)``.

        Vectorised, for plotting; the result has shape ``(len(w1s), len(w2s))``.
        At most :data:`MAX_GRID_VALUES` grid points × rows.
        """
        if len(axes) != self.dimension:
            raise ValueError(f"axes must give one array per weight ({self.dimension})")
        axes = [number_array("axes", axis).reshape(-1) for axis in axes]
        size = int(np.prod([len(axis) for axis in axes])) * len(self.targets)
        if size > MAX_GRID_VALUES:
            raise ValueError(
                f"axes span {size:,} grid points × rows, more than the {MAX_GRID_VALUES:,} allowed"
            )
        grids = np.meshgrid(*axes, indexing="ij")
        with np.errstate(over="ignore", invalid="ignore"):
            error = sum(g[..., None] * self.inputs[:, i] for i, g in enumerate(grids))
            return finite_result("axes", axes, 0.5 * ((error - self.targets) ** 2).sum(axis=-1))

    def minimum(self) -> np.ndarray:
        """The weights where C is smallest (least squares)."""
        try:
            with np.errstate(over="ignore", invalid="ignore"):
                w = np.linalg.lstsq(self.inputs, self.targets, rcond=None)[0]
            return finite_result("inputs", self.inputs, w)
        except (np.linalg.LinAlgError, Overflow):
            raise ValueError(
                f"inputs and targets put the minimum beyond floats: {shown(self.inputs)}"
            ) from None

    def best_along(self, w, i: int) -> np.ndarray:
        """``w`` with weight ``i`` moved to its best value while the others stay put:
        where the slope along weight i is zero, w_i = x_i · (y − Σ_{j≠i} x_j w_j) / x_i · x_i.

        >>> cost = two_weight_cost()
        >>> w = cost.best_along([0.0, 0.0], 0)
        >>> bool(abs(cost.gradient(w)[0]) < 1e-12)
        True
        """
        w = np.array(w, dtype=float)
        x = self.inputs[:, i]
        others = self.inputs @ w - x * w[i]
        w[i] = x @ (self.targets - others) / (x @ x)
        return w

    def axes(self) -> tuple[np.ndarray, np.ndarray]:
        """The valley's axes: how much the cost curves along each (the eigenvalues
        of XᵀX), smallest first, and their unit directions (the columns of the second).

        >>> values, directions = two_weight_cost().axes()
        >>> [round(float(v), 3) for v in values], directions.shape
        ([0.983, 10.507], (2, 2))
        """
        return self._axes

    @cached_property
    def _axes(self) -> tuple[np.ndarray, np.ndarray]:
        """:meth:`axes`, found once a cost (read-only): a grid of rates asks thousands
        of times."""
        values, directions = np.linalg.eigh(self.inputs.T @ self.inputs)
        values.setflags(write=False)
        directions.setflags(write=False)
        return values, directions

    def curvatures(self) -> np.ndarray:
        """The curvatures along the valley's axes, smallest first. For one weight
        there is one, L = Σ x².

        >>> one_weight_cost().curvatures()
        array([9.11])
        """
        return self.axes()[0]

    def curvature(self) -> float:
        """L, the largest curvature: a descent converges for η < 2/L."""
        return float(self.curvatures()[-1])


def one_weight_cost() -> QuadraticCost:
    """Price predicted from area alone: ŷ = w · area.

    Its minimum is where the slope is flat:

    >>> cost = one_weight_cost()
    >>> abs(float(cost.gradient(cost.minimum())[0])) < 1e-12
    True
    """
    return QuadraticCost.from_rows([[a] for a in AREA], PRICE)


def two_weight_cost() -> QuadraticCost:
    """Price predicted from area and age: ŷ = w₁ · area + w₂ · age.

    >>> cost = two_weight_cost()
    >>> cost.dimension, bool(np.allclose(cost.gradient(cost.minimum()), 0, atol=1e-12))
    (2, True)
    """
    return QuadraticCost.from_rows(list(zip(AREA, AGE, strict=True)), PRICE)
