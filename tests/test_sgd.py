"""Stochastic gradient descent: one step per batch of rows, every row once per epoch."""

import numpy as np
import pytest

from gdlesson.costs import one_weight_cost, two_weight_cost
from gdlesson.descent import gradient_descent
from gdlesson.sgd import row_minima, stochastic_descent


@pytest.mark.parametrize(("batch_size", "per_epoch"), [(1, 6), (2, 3), (4, 2), (6, 1), (50, 1)])
def test_one_step_per_batch_every_epoch(batch_size, per_epoch):
    run = stochastic_descent(one_weight_cost(), 0.5, 0.05, epochs=3, batch_size=batch_size)
    assert run.steps == 3 * per_epoch == run.steps_per_epoch * run.epochs
    assert len(run.costs) == len(run.path)


def test_a_whole_batch_is_one_step_of_gradient_descent():
    cost = two_weight_cost()
    run = stochastic_descent(cost, (0.2, 1.6), 0.05, epochs=5, batch_size=6)
    # the mean of the six rows' slopes: the whole slope, at a sixth of the rate
    full = gradient_descent(cost, (0.2, 1.6), 0.05 / 6, max_steps=5)
    np.testing.assert_allclose(run.path, full.path, rtol=1e-12)


def test_the_seed_fixes_the_shuffle():
    cost = one_weight_cost()
    a, b, c = (stochastic_descent(cost, 0.5, 0.1, epochs=3, seed=s) for s in (0, 0, 1))
    np.testing.assert_array_equal(a.path, b.path)
    assert not np.array_equal(a.path, c.path)


def test_each_step_moves_towards_its_rows_own_minimum():
    cost = one_weight_cost()
    run = stochastic_descent(cost, 0.5, 0.1, epochs=4, seed=3)
    own = row_minima(cost)
    rng = np.random.default_rng(3)
    rows = np.concatenate([rng.permutation(6) for _ in range(4)])
    before, after = run.path[:-1, 0], run.path[1:, 0]
    assert np.all(np.abs(after - own[rows]) < np.abs(before - own[rows]))


def test_row_minima_are_where_each_row_alone_costs_nothing():
    cost = one_weight_cost()
    np.testing.assert_allclose(row_minima(cost) * cost.inputs[:, 0], cost.targets)
    with pytest.raises(ValueError, match="cost must have one weight"):
        row_minima(two_weight_cost())


@pytest.mark.parametrize(
    ("options", "name"),
    [
        ({"learning_rate": 0.0}, "learning_rate"),
        ({"epochs": 0}, "epochs"),
        ({"batch_size": 0}, "batch_size"),
        ({"seed": -1}, "seed"),
        ({"start": [1.0, 2.0]}, "start"),
    ],
)
def test_bad_input_names_the_parameter(options, name):
    arguments = {"start": 0.5, "learning_rate": 0.1, "epochs": 1} | options
    with pytest.raises(ValueError, match=name):
        stochastic_descent(one_weight_cost(), **arguments)
