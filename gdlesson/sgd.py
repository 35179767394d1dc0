"""Stochastic gradient descent: each step uses a few rows of the data, not all.

Gradient descent computes the slope over every row before each step. With
millions of rows that is slow; stochastic gradient descent (SGD) shuffles the
rows, then steps once per row using that row's slope alone (or once per small
batch of rows, on the mean of their slopes). The steps are cheap and noisy: each
row pulls the weights towards its own best fit, so with a fixed learning rate
SGD comes close to the minimum and keeps moving around it. Lowering the rate
pass after pass (``decay``) lets that jitter die down.

>>> from gdlesson.costs import QuadraticCost
>>> cost = QuadraticCost.from_rows([[1.0], [2.0], [1.0]], [1.0, 3.0, 2.0])
>>> run = stochastic_descent(cost, 0.0, 0.1, epochs=20, seed=0)
>>> run.steps, 1.0 <= float(run.path[-1, 0]) <= 2.0  # between the rows' own best weights
(60, True)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from gdlesson._checks import (
    Overflow,
    finite,
    finite_vector,
    integer_at_least,
    positive_finite,
    shown,
)
from gdlesson.costs import QuadraticCost, of_rows
from gdlesson.descent import BLOWUP, MAX_STEPS, Trajectory

#: The most passes a run may take (it keeps every point of its path, and its steps
#: are bounded by the descent's MAX_STEPS as well).
MAX_EPOCHS = 100_000


@dataclass(frozen=True, eq=False)
class StochasticRun(Trajectory):
    """A run of SGD, its costs over all rows: ``batch_size`` rows per step, every
    row once per epoch."""

    batch_size: int
    epochs: int
    rows: int

    @property
    def steps_per_epoch(self) -> int:
        return self.steps // self.epochs


def stochastic_descent(
    cost,
    start,
    learning_rate,
    epochs: int,
    *,
    batch_size: int = 1,
    seed: int = 0,
    decay: float = 0.0,
) -> StochasticRun:
    """SGD on ``cost``: ``epochs`` passes over its rows, shuffled anew each pass
    (NumPy's ``default_rng(seed).permutation``), one step per batch of rows, on
    the mean of the batch's slopes, at the rate ``learning_rate / (1 + decay * e)``
    in pass e (0, 1, ...): a constant rate unless ``decay`` is above 0.

    ``cost`` is a cost of rows with ``inputs``, ``targets`` and ``gradient`` (a
    :class:`~gdlesson.costs.QuadraticCost` or a :class:`~gdlesson.network.NetworkCost`):
    a batch's slope is the gradient of the same cost on the batch's rows alone.
    A run whose weights blow up raises ``ValueError`` naming ``learning_rate``; one of
    more than :data:`~gdlesson.descent.MAX_STEPS` steps, naming ``epochs``.

    >>> from gdlesson.costs import one_weight_cost
    >>> stochastic_descent(one_weight_cost(), 0.5, 0.1, epochs=1, batch_size=4).steps
    2
    >>> stochastic_descent(one_weight_cost(), 0.5, 0.1, epochs=0)
    Traceback (most recent call last):
    ...
    ValueError: epochs must be an integer from 1 to 100000, got 0
    >>> stochastic_descent(one_weight_cost(), 0.5, 5.0, epochs=20)
    Traceback (most recent call last):
    ...
    ValueError: learning_rate=5.0 diverges: the cost passed 1e+06 times its start's in pass 1
    """
    rate = positive_finite("learning_rate", learning_rate)
    epochs = integer_at_least("epochs", epochs, 1, MAX_EPOCHS)
    batch_size = integer_at_least("batch_size", batch_size, 1)
    seed = integer_at_least("seed", seed, 0)
    decay = finite("decay", decay)
    if decay < 0:
        raise ValueError(f"decay must be at least 0, got {decay}")
    w = finite_vector("start", start, cost.dimension)
    rows = len(cost.targets)
    if epochs * -(-rows // batch_size) > MAX_STEPS:
        raise ValueError(f"epochs={epochs} take more than {MAX_STEPS:,} steps")
    rng = np.random.default_rng(seed)
    try:
        path, costs = [w], [cost(w)]
    except Overflow:
        raise ValueError(f"start={shown(start)} is too large: its cost overflows a float") from None
    too_high = BLOWUP * max(costs[0], 1.0)
    with np.errstate(over="ignore", invalid="ignore"):  # a blow-up is caught below
        for epoch in range(epochs):
            order = rng.permutation(rows)
            step_rate = rate / (1 + decay * epoch)
            for first in range(0, rows, batch_size):
                batch = of_rows(cost, order[first : first + batch_size])
                # the batch's mean slope, as libraries take it: one rate suits every batch size
                w = w - step_rate * (batch.value_and_slope(w)[1] / len(batch.targets))
                costs.append(cost.value_and_slope(w)[0])
                if not costs[-1] <= too_high:
                    raise ValueError(
                        f"learning_rate={learning_rate} diverges: the cost passed "
                        f"{BLOWUP:.0e} times its start's in pass {epoch + 1}"
                    )
                path.append(w)
    return StochasticRun(np.array(path), np.array(costs), batch_size, epochs, rows)


def row_slopes(cost, w) -> np.ndarray:
    """Each row's own slope at ``w``: the gradient of the cost of that row alone.
    Their sum is the whole slope, so their mean is the whole slope over the rows.

    >>> from gdlesson.costs import QuadraticCost
    >>> cost = QuadraticCost.from_rows([[1.0], [2.0]], [1.0, 3.0])
    >>> row_slopes(cost, 0.0).tolist(), cost.gradient(0.0).tolist()
    ([[-1.0], [-6.0]], [-7.0])
    """
    return np.array([batch_slope(cost, w, [i]) for i in range(len(cost.targets))])


def batch_slope(cost, w, batch) -> np.ndarray:
    """The mean of the slopes of the rows ``batch`` (their indices) at ``w``."""
    return of_rows(cost, np.asarray(batch)).gradient(w) / len(batch)


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


def spread(run) -> float:
    """How far ``w`` moves in a one-weight run's last pass: its highest minus its lowest.

    >>> from gdlesson.costs import one_weight_cost
    >>> spread(stochastic_descent(one_weight_cost(), 0.5, 0.1, epochs=3, batch_size=6))
    0.0
    """
    return float(np.ptp(last_pass(run)))


def pass_spreads(run) -> np.ndarray:
    """How far ``w`` moves in each pass of a one-weight run: over the weights after
    each of the pass's steps, the highest minus the lowest.

    >>> from gdlesson.costs import one_weight_cost
    >>> pass_spreads(stochastic_descent(one_weight_cost(), 0.5, 0.1, epochs=3)).shape
    (3,)
    """
    return np.ptp(run.path[1:, 0].reshape(run.epochs, run.steps_per_epoch), axis=1)


def mean_spread(cost, start, learning_rate, epochs, *, batch_size, seeds, decay=0.0) -> float:
    """The :func:`spread` of the last pass, averaged over the shuffles of seeds 0 to
    ``seeds`` − 1: one shuffle's spread is luck, the average is the trend.

    >>> from gdlesson.costs import one_weight_cost
    >>> cost = one_weight_cost()
    >>> one, three = (mean_spread(cost, 0.5, 0.1, 20, batch_size=b, seeds=20) for b in (1, 3))
    >>> one > three > 0
    True
    """
    seeds = integer_at_least("seeds", seeds, 1)
    return float(
        np.mean(
            [
                spread(
                    stochastic_descent(
                        cost,
                        start,
                        learning_rate,
                        epochs,
                        batch_size=batch_size,
                        seed=s,
                        decay=decay,
                    )
                )
                for s in range(seeds)
            ]
        )
    )


def slopes_computed(run) -> np.ndarray:
    """After each step of ``run`` (and at its start, 0), how many rows' slopes it has
    computed: a batch of b rows costs b, so a step on every row costs them all.

    >>> from gdlesson.costs import one_weight_cost
    >>> slopes_computed(stochastic_descent(one_weight_cost(), 0.5, 0.1, 2, batch_size=4)).tolist()
    [0, 4, 6, 10, 12]
    """
    sizes = [min(run.batch_size, run.rows - first) for first in range(0, run.rows, run.batch_size)]
    return np.concatenate([[0], np.cumsum(sizes * run.epochs)])
