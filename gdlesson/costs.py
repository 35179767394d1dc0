"""The cost C = ½ Σ (ŷ − y)² of a linear house-price model ŷ = X·w.

The lesson's data are a handful of houses: area in hundreds of square metres,
age in decades, price in hundreds of thousands. One weight predicts the price
from the area alone; two weights use area and age. Both costs are quadratic
bowls, so the lesson can show every step of a descent and say exactly where
the minimum is.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from gdlesson._checks import finite_vector

#: Area of each house, in hundreds of square metres.
AREA = (0.5, 0.8, 1.1, 1.4, 1.9, 1.2)
#: Age of each house, in decades.
AGE = (0.9, 0.2, 0.6, 0.1, 0.4, 1.0)
#: Price of each house, in hundreds of thousands.
PRICE = (0.9, 1.7, 2.0, 3.1, 4.0, 1.9)


@dataclass(frozen=True, eq=False)
class QuadraticCost:
    """C(w) = ½ Σᵢ (xᵢ·w − yᵢ)², the squared error of ŷ = X·w over the rows.

    >>> cost = QuadraticCost.from_rows(inputs=[[1.0], [2.0]], targets=[2.0, 4.0])
    >>> cost(2.0), cost(0.0)
    (0.0, 10.0)
    >>> cost.gradient(0.0)
    array([-10.])
    """

    inputs: np.ndarray
    targets: np.ndarray

    @classmethod
    def from_rows(cls, inputs, targets) -> QuadraticCost:
        x = np.array(inputs, dtype=float)
        y = np.array(targets, dtype=float)
        if x.ndim != 2 or x.shape[0] == 0 or x.shape[1] == 0:
            raise ValueError(f"inputs must be a non-empty table of rows, got shape {x.shape}")
        if y.shape != (x.shape[0],):
            raise ValueError(
                f"targets must have one value per row of inputs ({x.shape[0]}), got shape {y.shape}"
            )
        if not (np.all(np.isfinite(x)) and np.all(np.isfinite(y))):
            raise ValueError("inputs and targets must be finite")
        x.setflags(write=False)
        y.setflags(write=False)
        return cls(x, y)

    @property
    def dimension(self) -> int:
        """The number of weights."""
        return self.inputs.shape[1]

    def predict(self, w) -> np.ndarray:
        """ŷ for every row."""
        return self.inputs @ finite_vector("w", w, self.dimension)

    def __call__(self, w) -> float:
        error = self.predict(w) - self.targets
        return float(0.5 * error @ error)

    def gradient(self, w) -> np.ndarray:
        """dC/dw = Σᵢ (ŷᵢ − yᵢ)·xᵢ, one entry per weight."""
        return (self.predict(w) - self.targets) @ self.inputs

    def on_grid(self, *axes: np.ndarray) -> np.ndarray:
        """C at every point of a grid: ``on_grid(ws)`` or ``on_grid(w1s, w2s)``.

        Vectorised, for plotting; the result has shape ``(len(w1s), len(w2s))``.
        """
        if len(axes) != self.dimension:
            raise ValueError(f"axes must give one array per weight ({self.dimension})")
        grids = np.meshgrid(*axes, indexing="ij")
        error = sum(g[..., None] * self.inputs[:, i] for i, g in enumerate(grids))
        return 0.5 * ((error - self.targets) ** 2).sum(axis=-1)

    def minimum(self) -> np.ndarray:
        """The weights where C is smallest (least squares)."""
        return np.linalg.lstsq(self.inputs, self.targets, rcond=None)[0]

    def curvature(self) -> float:
        """L, the largest eigenvalue of XᵀX: a descent converges for η < 2/L."""
        return float(np.linalg.eigvalsh(self.inputs.T @ self.inputs)[-1])


def one_weight_cost() -> QuadraticCost:
    """Price predicted from area alone: ŷ = w · area.

    >>> cost = one_weight_cost()
    >>> round(float(cost.minimum()[0]), 3)
    2.001
    """
    return QuadraticCost.from_rows([[a] for a in AREA], PRICE)


def two_weight_cost() -> QuadraticCost:
    """Price predicted from area and age: ŷ = w₁ · area + w₂ · age.

    >>> [round(float(w), 3) for w in two_weight_cost().minimum()]
    [2.192, -0.515]
    """
    return QuadraticCost.from_rows(list(zip(AREA, AGE, strict=True)), PRICE)
