"""Stochastic gradient descent: each step uses a few rows of the data, not all.

Gradient descent computes the slope over every row before each step. With
millions of rows that is slow; stochastic gradient descent (SGD) shuffles the
rows, then steps once per row using that row's slope alone (or once per small
batch of rows, on the mean of their slopes). The steps are cheap and noisy: each
row pulls the weights towards its own best fit, so with a fixed learning rate
SGD comes close to the minimum and keeps moving around it.

>>> from gdlesson.costs import QuadraticCost
>>> cost = QuadraticCost.from_rows([[1.0], [2.0], [1.0]], [1.0, 3.0, 2.0])
>>> run = stochastic_descent(cost, 0.0, 0.1, epochs=20, seed=0)
>>> run.steps, 1.0 <= float(run.path[-1, 0]) <= 2.0  # between the rows' own best weights
(60, True)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from gdlesson._checks import Overflow, finite_vector, integer_at_least, positive_finite, shown
from gdlesson.costs import QuadraticCost
from gdlesson.descent import Trajectory

#: The most a run may take: SGD keeps every point of its path (16 bytes a point).
MAX_EPOCHS = 100_000
MAX_STEPS = 1_000_000


@dataclass(frozen=True, eq=False)
class StochasticRun(Trajectory):
    """A run of SGD, its costs over all rows: ``batch_size`` rows per step, every
    row once per epoch."""

    batch_size: int
    epochs: int

    @property
    def steps_per_epoch(self) -> int:
        return self.steps // self.epochs


def stochastic_descent(
    cost: QuadraticCost, start, learning_rate, epochs: int, *, batch_size: int = 1, seed: int = 0
) -> StochasticRun:
    """SGD on ``cost``: ``epochs`` passes over its rows, shuffled anew each pass
    (NumPy's ``default_rng(seed).permutation``), one step per batch of rows, on
    the mean of the batch's slopes.

    >>> from gdlesson.costs import one_weight_cost
    >>> stochastic_descent(one_weight_cost(), 0.5, 0.1, epochs=1, batch_size=4).steps
    2
    >>> stochastic_descent(one_weight_cost(), 0.5, 0.1, epochs=0)
    Traceback (most recent call last):
    ...
    ValueError: epochs must be an integer from 1 to 100000, got 0
    """
    rate = positive_finite("learning_rate", learning_rate)
    epochs = integer_at_least("epochs", epochs, 1, MAX_EPOCHS)
    batch_size = integer_at_least("batch_size", batch_size, 1)
    seed = integer_at_least("seed", seed, 0)
    w = finite_vector("start", start, cost.dimension)
    rows = len(cost.targets)
    steps = epochs * -(-rows // batch_size)
    if steps > MAX_STEPS:
        raise ValueError(
            f"epochs must give at most {MAX_STEPS} steps, got {epochs} epochs of {steps // epochs}"
        )
    rng = np.random.default_rng(seed)
    path = [w]
    for _ in range(epochs):
        order = rng.permutation(rows)
        for first in range(0, rows, batch_size):
            batch = order[first : first + batch_size]
            x, y = cost.inputs[batch], cost.targets[batch]
            # the batch's mean slope, as libraries take it: one rate suits every batch size
            with np.errstate(over="ignore", invalid="ignore"):
                w = w - rate * ((x @ w - y) @ x) / len(batch)
            if not np.all(np.isfinite(w)):
                raise Overflow(_diverged(start, learning_rate, len(path)))
            path.append(w)
    points = np.array(path)
    try:
        costs = np.array([cost(p) for p in points])
    except Overflow:  # the cost of a far point passes the largest float
        raise Overflow(_diverged(start, learning_rate, len(path))) from None
    return StochasticRun(points, costs, batch_size, epochs)


def _diverged(start, learning_rate, steps: int) -> str:
    return (
        f"start {shown(start)} and learning_rate {shown(learning_rate)} make the descent"
        f" pass the largest float within {steps} steps: it diverges"
    )


def row_minima(cost: QuadraticCost) -> np.ndarray:
    """For a one-weight cost, each row's own best weight: target / input.

    A step on one row alone pulls w towards that row's value.

    >>> from gdlesson.costs import QuadraticCost
    >>> row_minima(QuadraticCost.from_rows([[1.0], [2.0]], [1.0, 3.0])).tolist()
    [1.0, 1.5]
    """
    if cost.dimension != 1:
        raise ValueError(f"cost must have one weight, got {cost.dimension}")
    return cost.targets / cost.inputs[:, 0]


def last_pass(run) -> np.ndarray:
    """The weights after each step of a stochastic run's last pass over the rows.

    >>> from gdlesson.costs import one_weight_cost
    >>> last_pass(stochastic_descent(one_weight_cost(), 0.5, 0.1, epochs=3, batch_size=2)).shape
    (3,)
    """
    return run.path[-run.steps_per_epoch :, 0]
