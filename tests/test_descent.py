import math

import numpy as np
import pytest

from gdlesson import choices
from gdlesson.costs import QuadraticCost, one_weight_cost, two_weight_cost
from gdlesson.descent import BLOWUP, MAX_STEPS, gradient_descent


@pytest.fixture
def bowl():
    """C(w) = ½ (2w − 6)² = 2 (w − 3)²: minimum at 3, curvature L = 4."""
    return QuadraticCost.from_rows([[2.0]], [6.0])


@pytest.mark.parametrize("fraction", [0.05, 0.25, 0.5, 0.75, 0.99])
def test_converges_below_two_over_l(bowl, fraction):
    rate = fraction * 2 / bowl.curvature()
    run = gradient_descent(bowl, start=-5.0, learning_rate=rate)
    assert run.converged
    assert run.w == pytest.approx(3.0, abs=1e-6)
    assert run.steps == len(run.path) - 1 == len(run.costs) - 1


@pytest.mark.parametrize("fraction", [1.01, 1.5, 10.0, 1e6])
def test_diverges_above_two_over_l(bowl, fraction):
    rate = fraction * 2 / bowl.curvature()
    run = gradient_descent(bowl, start=-5.0, learning_rate=rate)
    assert run.diverged
    assert np.all(np.isfinite(run.path)) and np.all(np.isfinite(run.costs))
    assert run.costs[-1] > BLOWUP * max(run.costs[0], 1.0)


def test_overflow_reports_divergence_not_nan():
    cost = QuadraticCost.from_rows([[1e100]], [0.0])  # C(1 - 1e200) overflows a float
    run = gradient_descent(cost, start=1.0, learning_rate=1.0)
    assert run.diverged
    assert np.all(np.isfinite(run.path)) and np.all(np.isfinite(run.costs))


class CallAndGradient:
    """A cost as a reader may write one: a call, ``.gradient`` and ``.dimension``, with
    no ``value_and_slope`` (the lesson's costs' one-pass form)."""

    def __init__(self, cost):
        self.cost, self.dimension = cost, cost.dimension

    def __call__(self, w):
        return self.cost(w)

    def gradient(self, w):
        return self.cost.gradient(w)


@pytest.mark.parametrize(
    ("rows", "targets", "rate"),
    [
        ([[2.0]], [6.0], 0.1),  # converges
        ([[2.0]], [6.0], 0.6),  # diverges: the cost blows up
        ([[1e100]], [0.0], 1.0),  # diverges: the cost overflows a float
        ([[1.0, 2.0], [3.0, 1.0]], [1.0, 2.0], 0.01),  # two weights
    ],
)
def test_a_cost_with_a_call_and_a_gradient_descends_as_the_lessons_do(rows, targets, rate):
    cost = QuadraticCost.from_rows(rows, targets)
    start = [1.0] * cost.dimension
    fast, plain = (gradient_descent(c, start, rate) for c in (cost, CallAndGradient(cost)))
    assert (plain.status, plain.path.tolist(), plain.costs.tolist()) == (
        fast.status,
        fast.path.tolist(),
        fast.costs.tolist(),
    )
    assert np.isfinite(plain.path).all() and np.isfinite(plain.costs).all()


def test_zigzag_alternates_sides_of_minimum(bowl):
    run = gradient_descent(bowl, start=0.0, learning_rate=0.4)  # between 1/L and 2/L
    sides = np.sign(run.path[:6] - 3.0)
    assert list(sides) == [-1, 1, -1, 1, -1, 1]


def test_each_step_is_learning_rate_times_slope(bowl):
    run = gradient_descent(bowl, start=0.0, learning_rate=0.1)
    for before, after in zip(run.path, run.path[1:], strict=False):
        assert after == pytest.approx(before - 0.1 * bowl.gradient(before)[0])


def test_stops_when_steps_run_out(bowl):
    run = gradient_descent(bowl, start=0.0, learning_rate=1e-4, max_steps=5)
    assert run.status == "stopped" and run.steps == 5


def test_starting_at_the_minimum_takes_no_step(bowl):
    run = gradient_descent(bowl, start=3.0, learning_rate=0.1)
    assert run.converged and run.steps == 0


def test_two_weights_reach_least_squares():
    cost = two_weight_cost()
    run = gradient_descent(cost, start=choices.START_2D, learning_rate=1 / cost.curvature())
    assert run.converged
    assert run.path.shape == (run.steps + 1, 2)
    np.testing.assert_allclose(run.w, cost.minimum(), atol=1e-5)


@pytest.mark.parametrize("cost", [one_weight_cost(), two_weight_cost()], ids=["one", "two"])
def test_the_lessons_costs_converge_just_below_two_over_l_and_diverge_just_above(cost):
    start = np.zeros(cost.dimension)
    below = gradient_descent(cost, start, 0.95 * 2 / cost.curvature(), max_steps=MAX_STEPS)
    assert below.converged
    np.testing.assert_allclose(below.w, cost.minimum(), atol=1e-5)
    assert gradient_descent(cost, start, 1.05 * 2 / cost.curvature(), max_steps=MAX_STEPS).diverged


def test_a_start_whose_cost_overflows_is_refused_naming_start():
    with pytest.raises(ValueError, match="start=1e\\+160 is too far out"):
        gradient_descent(one_weight_cost(), 1e160, 0.1)


def test_a_far_start_whose_cost_is_finite_still_converges(bowl):
    run = gradient_descent(bowl, start=1e150, learning_rate=0.1)
    assert run.converged and run.w == pytest.approx(3.0, abs=1e-6)
    assert np.all(np.isfinite(run.costs))


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"learning_rate": 0}, "learning_rate"),
        ({"learning_rate": -0.1}, "learning_rate"),
        ({"learning_rate": math.inf}, "learning_rate"),
        ({"learning_rate": math.nan}, "learning_rate"),
        ({"learning_rate": "0.1"}, "learning_rate"),
        ({"learning_rate": True}, "learning_rate"),
        ({"max_steps": 0}, "max_steps"),
        ({"max_steps": -3}, "max_steps"),
        ({"max_steps": 2.5}, "max_steps"),
        ({"tolerance": 0}, "tolerance"),
        ({"start": math.nan}, "start"),
        ({"start": math.inf}, "start"),
        ({"start": [1.0, 2.0]}, "start"),
        ({"start": "one"}, "start"),
        ({"start": "0.5"}, "start"),  # refused, as learning_rate="0.1" is
        ({"start": ["0.5"]}, "start"),
        ({"start": None}, "start"),
        ({"start": True}, "start"),
        ({"start": 10**400}, "start"),
        ({"start": 1 + 2j}, "start"),
        ({"max_steps": MAX_STEPS + 1}, "max_steps"),
        ({"max_steps": 10**9}, "max_steps"),
        ({"tolerance": "1e-6"}, "tolerance"),
        ({"cost": None}, "cost"),
        ({"cost": lambda w: 0.0}, "cost"),
    ],
)
def test_bad_input_names_the_parameter(kwargs, name):
    args = {"cost": one_weight_cost(), "start": 0.5, "learning_rate": 0.1} | kwargs
    with pytest.raises(ValueError, match=name):
        gradient_descent(**args)
