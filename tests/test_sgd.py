"""Stochastic gradient descent: one step per batch of rows, every row once per epoch."""

import numpy as np
import pytest

from gdlesson import choices, lesson
from gdlesson.costs import QuadraticCost, one_weight_cost, two_weight_cost
from gdlesson.descent import gradient_descent
from gdlesson.network import initial_weights, network_cost
from gdlesson.sgd import (
    batch_slope,
    last_pass,
    mean_spread,
    pass_spreads,
    row_minima,
    row_slopes,
    slopes_computed,
    spread,
    stochastic_descent,
)

ROWS = len(one_weight_cost().targets)


@pytest.mark.parametrize("batch_size", [1, 2, 4, ROWS, 50])
def test_one_step_per_batch_every_epoch(batch_size):
    run = stochastic_descent(one_weight_cost(), 0.5, 0.05, epochs=3, batch_size=batch_size)
    per_epoch = -(-ROWS // batch_size)  # the last batch takes the rows left over
    assert run.steps == 3 * per_epoch == run.steps_per_epoch * run.epochs
    assert len(run.costs) == len(run.path)


def test_a_whole_batch_is_one_step_of_gradient_descent():
    cost = two_weight_cost()
    run = stochastic_descent(cost, (0.2, 1.6), 0.05, epochs=5, batch_size=ROWS)
    # the mean of every row's slope: the whole slope, at the rate divided by the rows
    full = gradient_descent(cost, (0.2, 1.6), 0.05 / ROWS, max_steps=5)
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
    rows = np.concatenate([rng.permutation(ROWS) for _ in range(4)])
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
        ({"decay": -0.1}, "decay"),
        ({"decay": float("nan")}, "decay"),
        ({"start": [1.0, 2.0]}, "start"),
    ],
)
def test_bad_input_names_the_parameter(options, name):
    arguments = {"start": 0.5, "learning_rate": 0.1, "epochs": 1} | options
    with pytest.raises(ValueError, match=name):
        stochastic_descent(one_weight_cost(), **arguments)


@pytest.mark.parametrize("cost", [one_weight_cost(), two_weight_cost(), network_cost()])
def test_the_rows_slopes_add_up_to_the_whole_slope(cost):
    w = np.linspace(0.1, 0.9, cost.dimension)
    np.testing.assert_allclose(row_slopes(cost, w).sum(axis=0), cost.gradient(w), rtol=1e-9)
    rows = [0, 2, 3]
    np.testing.assert_allclose(batch_slope(cost, w, rows), row_slopes(cost, w)[rows].mean(axis=0))


def test_a_random_rows_slope_is_on_average_the_mean_slope():
    cost = one_weight_cost()
    slopes = row_slopes(cost, 0.5)[:, 0]
    drawn = slopes[np.random.default_rng(7).integers(len(slopes), size=200_000)]
    # unbiased: within five standard errors of the mean, whatever the draw
    assert abs(drawn.mean() - slopes.mean()) < 5 * slopes.std() / np.sqrt(len(drawn))


def test_each_pass_steps_at_its_lowered_rate():
    """One row, so each step is w ← w − η_e (x w − y) x with η_e = η / (1 + d e)."""
    cost = QuadraticCost.from_rows([[1.0]], [2.0])
    run = stochastic_descent(cost, 0.0, 0.5, epochs=4, decay=1.0)
    w = [0.0]
    for e in range(4):
        w.append(w[-1] - 0.5 / (1 + e) * (w[-1] - 2.0))
    np.testing.assert_allclose(run.path[:, 0], w, rtol=1e-15)
    plain = stochastic_descent(cost, 0.0, 0.5, epochs=4, decay=0.0)
    np.testing.assert_allclose(plain.path[:, 0], [0, 1, 1.5, 1.75, 1.875])


def test_a_blowing_up_run_raises_naming_the_rate_for_any_cost():
    with pytest.raises(ValueError, match="learning_rate=3.0 diverges"):
        stochastic_descent(network_cost(), initial_weights(), 3.0, epochs=5, batch_size=10)


def test_slopes_computed_counts_each_batchs_rows():
    cost = one_weight_cost()
    rows = len(cost.targets)
    for batch in (1, 4, rows, rows + 3):
        run = stochastic_descent(cost, 0.5, 0.05, epochs=3, batch_size=batch)
        done = slopes_computed(run)
        assert len(done) == len(run.path) and done[0] == 0
        assert done[-1] == 3 * rows and np.all(np.diff(done) >= 1)
        assert np.all(np.diff(done) <= batch)


def test_spreads_measure_the_passes():
    run = stochastic_descent(one_weight_cost(), 0.5, 0.1, epochs=5, batch_size=2, seed=4)
    per_pass = pass_spreads(run)
    assert per_pass.shape == (5,) and per_pass[-1] == spread(run) == np.ptp(last_pass(run))
    by_hand = np.mean(
        [
            spread(stochastic_descent(one_weight_cost(), 0.5, 0.1, 5, batch_size=2, seed=s))
            for s in range(3)
        ]
    )
    assert mean_spread(one_weight_cost(), 0.5, 0.1, 5, batch_size=2, seeds=3) == by_hand


def test_the_lessons_spreads_fall_with_the_batch_and_the_schedule():
    """The relations the page states, whatever the data: a larger batch or a lowered
    rate spans less in the last pass, on average; every row in one batch, nothing."""
    steady = [lesson.sgd_spread(b) for b in lesson.sgd_batches()]
    lowered = [lesson.sgd_spread(b, choices.DECAY_SGD) for b in choices.SGD_BATCHES]
    assert steady == sorted(steady, reverse=True) and steady[-1] == 0
    assert all(low < s for low, s in zip(lowered, steady, strict=False))
    assert lesson.sgd_batches()[-1] == len(one_weight_cost().targets)
