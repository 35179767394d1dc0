import numpy as np
import pytest

from gdlesson._checks import Overflow
from gdlesson.brute_force import MAX_CANDIDATES, brute_force
from gdlesson.choices import CANDIDATES, SEARCH_RANGE
from gdlesson.costs import (
    MAX_DATA,
    MAX_GRID_VALUES,
    QuadraticCost,
    one_weight_cost,
    two_weight_cost,
)


def test_cost_is_half_the_sum_of_squared_errors():
    cost = QuadraticCost.from_rows([[1.0], [2.0], [3.0]], [1.0, 1.0, 1.0])
    # errors at w = 1: 0, 1, 2
    assert cost(1.0) == 0.5 * (0 + 1 + 4)


def test_gradient_matches_finite_differences():
    for cost, w in [
        (one_weight_cost(), np.array([0.7])),
        (two_weight_cost(), np.array([1.0, 2.0])),
    ]:
        h = 1e-6
        numeric = [(cost(w + h * e) - cost(w - h * e)) / (2 * h) for e in np.eye(cost.dimension)]
        np.testing.assert_allclose(cost.gradient(w), numeric, rtol=1e-6)


def test_on_grid_agrees_with_pointwise_cost():
    cost = two_weight_cost()
    w1, w2 = np.linspace(-1, 3, 5), np.linspace(-2, 2, 4)
    grid = cost.on_grid(w1, w2)
    assert grid.shape == (5, 4)
    assert grid[2, 3] == pytest.approx(cost([w1[2], w2[3]]))


def test_minimum_has_zero_gradient():
    for cost in (one_weight_cost(), two_weight_cost()):
        np.testing.assert_allclose(cost.gradient(cost.minimum()), 0, atol=1e-10)


@pytest.mark.parametrize(
    ("inputs", "targets", "name"),
    [
        ([], [], "inputs"),
        ([[1.0], [2.0]], [1.0], "targets"),
        ([[1.0, 2.0]], [[1.0]], "targets"),
        ([[np.nan]], [1.0], "finite"),
        ([["1.0"]], [1.0], "inputs must be numbers"),
        ([[1.0]], ["1.0"], "targets must be numbers"),
        ([[True]], [1.0], "inputs must be numbers"),
        ([[1.0], [2.0, 3.0]], [1.0, 2.0], "inputs"),
        ([[10 * MAX_DATA]], [1.0], "inputs must lie within"),
        ([[1.0]], [-10 * MAX_DATA], "targets must lie within"),
        (None, [1.0], "inputs"),
    ],
)
def test_mismatched_data_is_rejected(inputs, targets, name):
    with pytest.raises(ValueError, match=name):
        QuadraticCost.from_rows(inputs, targets)


def test_cost_rejects_wrong_number_of_weights():
    with pytest.raises(ValueError, match="w must have 2"):
        two_weight_cost()([1.0, 2.0, 3.0])


def test_the_cost_is_made_directly_with_the_same_checks():
    with pytest.raises(ValueError, match="inputs"):
        QuadraticCost(inputs=[["a"]], targets=[1.0])
    cost = QuadraticCost(inputs=[[1.0], [2.0]], targets=[2.0, 4.0])
    assert cost(2.0) == 0.0
    assert not cost.inputs.flags.writeable and not cost.targets.flags.writeable


def test_weights_so_far_out_that_the_cost_overflows_are_named():
    cost = QuadraticCost.from_rows([[1.0], [2.0]], [2.0, 4.0])
    for call in (cost, cost.gradient, cost.predict):
        with pytest.raises(Overflow, match="w=1e\\+308 is too large"):
            call(1e308)  # 2 × 1e308 overflows already
    with pytest.raises(Overflow, match="axes"):
        cost.on_grid(np.array([0.0, 1e200]))
    assert issubclass(Overflow, ValueError)


def test_a_grid_too_large_is_refused():
    cost = two_weight_cost()
    side = np.linspace(0, 1, int((MAX_GRID_VALUES / cost.targets.size) ** 0.5) + 2)
    with pytest.raises(ValueError, match="axes span"):
        cost.on_grid(side, side)


def test_brute_force_finds_the_grid_minimum():
    cost = one_weight_cost()
    low, high = SEARCH_RANGE
    assert low < cost.minimum()[0] < high  # the lesson searches where the minimum is
    search = brute_force(cost, low, high, CANDIDATES)
    assert search.evaluations == CANDIDATES
    costs = [cost(w) for w in search.weights]
    assert search.best_index == int(np.argmin(costs))
    assert search.best_cost == pytest.approx(min(costs))
    # the grid's best is within one spacing of the true minimum
    assert abs(search.best_w - cost.minimum()[0]) <= (high - low) / (CANDIDATES - 1)


def test_brute_force_includes_both_ends():
    search = brute_force(one_weight_cost(), -1.0, 1.0, 3)
    assert list(search.weights) == [-1.0, 0.0, 1.0]


@pytest.mark.parametrize(
    ("args", "name"),
    [
        ((1.0, 1.0, 10), "low must be below high"),
        ((2.0, 1.0, 10), "low must be below high"),
        ((np.nan, 1.0, 10), "low"),
        ((0.0, np.inf, 10), "high"),
        ((0.0, 1.0, 0), "candidates"),
        ((0.0, 1.0, -5), "candidates"),
        ((0.0, 1.0, 1), "candidates"),
        ((0.0, 1.0, 10.0), "candidates"),
        ((0.0, 1.0, MAX_CANDIDATES + 1), "candidates"),
        ((0.0, 1.0, 10**9), "candidates"),
        (("0", 1.0, 10), "low"),
        ((0.0, None, 10), "high"),
        ((-1e308, 1e308, 10), "low=-1e\\+308 and high=1e\\+308 are too far apart"),
        ((-1e200, 1e200, 10), "the cost overflows a float between low=-1e\\+200 and high=1e\\+200"),
    ],
)
def test_brute_force_bad_input(args, name):
    with pytest.raises(ValueError, match=name):
        brute_force(one_weight_cost(), *args)


def test_brute_force_needs_one_weight():
    with pytest.raises(ValueError, match="one weight"):
        brute_force(two_weight_cost(), 0.0, 1.0, 10)
