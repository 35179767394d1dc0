"""The heavy ball and Nesterov's variant (gdlesson.momentum): relations that hold
whatever the data, checked on the lesson's valley and on bowls made up here."""

from __future__ import annotations

import math

import numpy as np
import pytest

from gdlesson import momentum
from gdlesson.costs import QuadraticCost, two_weight_cost
from gdlesson.descent import gradient_descent

START = (0.2, 1.6)


def bowl(curvatures) -> QuadraticCost:
    """A quadratic cost whose curvatures along w₁ and w₂ are ``curvatures``, minimum at 1."""
    rows = np.diag(np.sqrt(curvatures))
    return QuadraticCost(rows, rows @ np.ones(len(curvatures)))


@pytest.mark.parametrize("rate", [0.05, 0.17, 0.19, 0.2])
def test_beta_zero_is_gradient_descent_exactly(rate):
    cost = two_weight_cost()
    plain, rolled = (
        gradient_descent(cost, START, rate),
        momentum.momentum_descent(cost, START, rate, 0),
    )
    assert rolled.status == plain.status
    np.testing.assert_array_equal(rolled.path, plain.path)
    np.testing.assert_array_equal(rolled.costs, plain.costs)


@pytest.mark.parametrize("nesterov", [False, True])
@pytest.mark.parametrize(("rate", "beta"), [(0.1, 0.5), (0.22, 0.28), (0.05, 0.9), (0.25, 0.28)])
def test_each_axis_follows_its_recurrence(rate, beta, nesterov):
    cost = two_weight_cost()
    run = momentum.momentum_descent(cost, START, rate, beta, nesterov=nesterov, max_steps=40)
    values, axes = cost.axes()
    parts = (run.path - cost.minimum()) @ axes
    for j, lam in enumerate(values):
        trace = momentum.axis_trace(rate, beta, float(lam), parts[0, j], len(parts) - 1, nesterov)
        scale = np.abs(trace).max()
        np.testing.assert_allclose(parts[:, j], trace, atol=1e-9 * max(scale, 1))


@pytest.mark.parametrize("nesterov", [False, True])
@pytest.mark.parametrize("beta", [0.0, 0.3, 0.7, 0.95])
def test_converges_exactly_below_the_rate_limit(beta, nesterov):
    cost = bowl([1.0, 10.0])
    limit = momentum.rate_limit(beta, 10.0, nesterov)
    assert momentum.slowest_factor(0.98 * limit, beta, cost, nesterov) < 1
    assert momentum.slowest_factor(1.02 * limit, beta, cost, nesterov) > 1
    kwargs = dict(nesterov=nesterov, max_steps=100_000)
    assert momentum.momentum_descent(cost, (0, 0), 0.98 * limit, beta, **kwargs).converged
    assert momentum.momentum_descent(cost, (0, 0), 1.02 * limit, beta, **kwargs).diverged


@pytest.mark.parametrize("curvatures", [[1.0, 10.0], [0.983, 10.507], [2.0, 200.0]])
def test_the_best_rate_and_beta_give_sqrt_beta_on_every_axis_and_beat_plain_descent(curvatures):
    cost = bowl(curvatures)
    rate, beta = momentum.best_rate_and_beta(cost)
    kappa = curvatures[1] / curvatures[0]
    assert math.isclose(math.sqrt(beta), (math.sqrt(kappa) - 1) / (math.sqrt(kappa) + 1))
    for lam in curvatures:
        assert math.isclose(momentum.step_factor(rate, beta, lam), math.sqrt(beta), rel_tol=1e-6)
    assert math.sqrt(beta) < (kappa - 1) / (kappa + 1)
    assert rate > 2 / curvatures[1]  # above plain descent's limit
    # No nearby (η, β) does better.
    best = momentum.slowest_factor(rate, beta, cost)
    for r in rate * np.linspace(0.8, 1.2, 21):
        for b in np.clip(beta + np.linspace(-0.1, 0.1, 21), 0, 0.99):
            assert momentum.slowest_factor(float(r), float(b), cost) >= best - 1e-9


def test_the_factor_is_the_long_run_shrink_per_step():
    lam, rate, beta = 10.0, 0.05, 0.6
    xs = momentum.axis_trace(rate, beta, lam, 1.0, 400)
    factor = momentum.step_factor(rate, beta, lam)
    tail = np.abs(xs[300:])
    measured = (np.max(tail[-20:]) / np.max(tail[:20])) ** (1 / 80)
    assert measured == pytest.approx(factor, rel=1e-2)


def test_above_the_best_beta_every_axis_swings_with_factor_sqrt_beta():
    cost = two_weight_cost()
    rate, best = momentum.best_rate_and_beta(cost)
    for beta in (best + 0.05, 0.6, 0.9):
        for lam in cost.curvatures():
            assert momentum.swings(rate, beta, float(lam))
            assert math.isclose(momentum.step_factor(rate, beta, float(lam)), math.sqrt(beta))


def test_nesterov_limit_is_below_plain_descents_for_any_momentum():
    for beta in np.linspace(0.01, 0.99, 30):
        assert momentum.rate_limit(float(beta), 1.0, nesterov=True) < 2.0
        assert 2.0 < momentum.rate_limit(float(beta), 1.0) < 4.0


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        (dict(beta=1.0), "beta"),
        (dict(beta=-0.1), "beta"),
        (dict(beta=float("nan")), "beta"),
        (dict(learning_rate=0.0), "learning_rate"),
        (dict(max_steps=0), "max_steps"),
        (dict(tolerance=-1.0), "tolerance"),
        (dict(start=(1.0,)), "start"),
    ],
)
def test_bad_input_names_its_parameter(kwargs, name):
    args = dict(cost=two_weight_cost(), start=START, learning_rate=0.1, beta=0.5) | kwargs
    with pytest.raises(ValueError, match=name):
        momentum.momentum_descent(**args)


def test_a_diverging_roll_says_so_and_returns_finite_points():
    run = momentum.momentum_descent(two_weight_cost(), START, 0.5, 0.5, max_steps=100_000)
    assert run.diverged
    assert np.all(np.isfinite(run.path)) and np.all(np.isfinite(run.costs))


def test_nesterov_is_true_or_false_not_a_word_that_reads_as_true():
    bowl = QuadraticCost.from_rows([[1.0], [2.0]], [2.0, 4.0])
    with pytest.raises(ValueError, match="nesterov must be True or False, got 'no'"):
        momentum.momentum_descent(bowl, 0.0, 0.1, 0.5, nesterov="no")
