"""The step factor 1 − ηL: it predicts every step of a descent on a quadratic cost."""

import numpy as np
import pytest

from gdlesson import rates
from gdlesson.costs import QuadraticCost, one_weight_cost, two_weight_cost
from gdlesson.descent import gradient_descent


@pytest.fixture
def bowl():
    """C(w) = 2 (w − 3)²: minimum at 3, curvature L = 4."""
    return QuadraticCost.from_rows([[2.0]], [6.0])


@pytest.mark.parametrize(
    ("fraction_of_1_over_l", "expected"),
    [
        (0.1, "walks"),
        (0.99, "walks"),
        (1.0, "walks"),
        (1.01, "zig-zags"),
        (1.99, "zig-zags"),
        (2.0, "bounces"),
        (2.01, "diverges"),
        (50.0, "diverges"),
    ],
)
def test_regime_follows_the_sign_and_size_of_the_factor(fraction_of_1_over_l, expected):
    assert rates.regime(fraction_of_1_over_l / 4.0, 4.0) == expected


@pytest.mark.parametrize("rate", [0.01, 0.1, 0.2, 0.3, 0.45, 0.55, 0.7])
def test_every_step_multiplies_the_distance_by_the_factor(bowl, rate):
    run = gradient_descent(bowl, -5.0, rate, max_steps=30)
    distance = run.path - 3.0
    far = np.abs(distance[:-1]) > 1e-9  # near 0 the ratio is rounding noise
    ratios = distance[1:][far] / distance[:-1][far]
    np.testing.assert_allclose(ratios, rates.step_factor(rate, 4.0), rtol=1e-6)


@pytest.mark.parametrize("rate", np.linspace(0.01, 0.3, 30))
def test_regime_predicts_the_path_of_the_one_weight_descent(rate):
    cost = one_weight_cost()
    curvature = rates.curvatures(cost)[-1]
    run = gradient_descent(cost, 0.5, rate)
    crossings = rates.crossings(run, cost)
    match rates.regime(rate, curvature):
        case "walks":
            assert run.converged and crossings == 0
        case "zig-zags":
            assert run.converged and crossings == run.steps
        case "diverges":
            assert run.diverged and crossings == run.steps


def test_two_weights_each_axis_has_its_own_factor():
    cost = two_weight_cost()
    values = rates.curvatures(cost)
    axes = np.linalg.eigh(cost.inputs.T @ cost.inputs)[1]
    run = gradient_descent(cost, (0.2, 1.6), 0.17, max_steps=20)
    offsets = (run.path - cost.minimum()) @ axes  # one column per axis
    for k, value in enumerate(values):
        ratios = offsets[1:, k] / offsets[:-1, k]
        np.testing.assert_allclose(ratios, rates.step_factor(0.17, value), rtol=1e-6)


def test_curvatures_of_one_weight_are_the_sum_of_squared_inputs():
    cost = one_weight_cost()
    assert rates.curvatures(cost) == pytest.approx([np.sum(cost.inputs**2)])
    assert rates.curvatures(cost)[-1] == pytest.approx(cost.curvature())


def test_balanced_rate_makes_the_slowest_factor_smallest():
    cost = two_weight_cost()
    best = rates.balanced_rate(cost)
    low, high = rates.curvatures(cost)
    assert abs(rates.step_factor(best, low)) == pytest.approx(abs(rates.step_factor(best, high)))
    grid = np.linspace(0.001, 2 / high, 500)
    assert all(
        rates.slowest_factor(r, cost) >= rates.slowest_factor(best, cost) - 1e-12 for r in grid
    )
    kappa = high / low
    assert rates.slowest_factor(best, cost) == pytest.approx((kappa - 1) / (kappa + 1))


def test_crossings_counts_sign_changes_across_the_valley():
    cost = two_weight_cost()
    assert rates.crossings(gradient_descent(cost, (0.2, 1.6), 0.05), cost) == 0
    zigzag = gradient_descent(cost, (0.2, 1.6), 0.17)
    assert rates.crossings(zigzag, cost) == zigzag.steps


@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda: rates.step_factor(0.0, 4.0), "learning_rate"),
        (lambda: rates.step_factor(float("nan"), 4.0), "learning_rate"),
        (lambda: rates.regime(0.1, -1.0), "curvature"),
    ],
)
def test_bad_input_names_the_parameter(call, name):
    with pytest.raises(ValueError, match=name):
        call()
