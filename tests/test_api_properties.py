"""Property-based tests (Hypothesis) over gdlesson's public API.

Whatever one parameter is given (any float, NaN, ±inf or huge; any integer,
negative or beyond floats; a fraction; a string such as "0.5"; None; a boolean;
a complex number; a list or tuple of these), each function returns finite
values or raises a one-line ``ValueError`` that names that parameter. The other
parameters stay valid, so the error can only be about the one changed. No
warning (an overflow, say) escapes either.

Short and reproducible: derandomized, no example database, 100 examples a case.
"""

from __future__ import annotations

import warnings
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gdlesson import _checks, compute_budget, network, rates, sgd, valleys
from gdlesson.brute_force import BruteForce, brute_force, grid_spacing
from gdlesson.costs import QuadraticCost
from gdlesson.descent import Descent, gradient_descent
from gdlesson.momentum import momentum_descent
from gdlesson.network import NetworkCost
from gdlesson.sgd import StochasticRun, stochastic_descent

PROPERTY = settings(
    max_examples=100,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)

NUMBERS = st.one_of(
    st.floats(),  # NaN, ±inf, ±1e308, subnormals, -0.0
    st.floats(width=32).map(np.float32),
    st.integers(),
    st.integers(min_value=-(10**500), max_value=10**500),  # beyond floats
    st.fractions(),
    st.sampled_from([0, 1, 2, 3, -1, 10**400, -1e308, 1e308, 1e160, 5e-324, np.int64(7)]),
)
ANYTHING = st.one_of(
    NUMBERS,
    st.none(),
    st.booleans(),
    st.complex_numbers(max_magnitude=10),
    st.text(max_size=6),
    st.sampled_from(["0.5", "1e3", "nan", "", "25", b"1"]),
    st.lists(NUMBERS, max_size=4),
    st.lists(st.lists(NUMBERS, min_size=1, max_size=2), min_size=1, max_size=3),
    st.lists(st.text(max_size=2), min_size=1, max_size=2),
    st.tuples(NUMBERS, NUMBERS),
)

BOWL = QuadraticCost.from_rows([[1.0], [2.0]], [2.0, 4.0])  # one weight, minimum at 2
PLANE = QuadraticCost.from_rows([[1.0, 0.5], [2.0, -1.0], [0.5, 1.0]], [1.0, 2.0, 0.5])
HOUSES = network.house_data(rows=5)
SMALL_COST = QuadraticCost.from_rows([[1.0], [2.0]], [1.0, 3.0])
NET = NetworkCost(*HOUSES)


def bowl_call(w):
    return BOWL(w)


def bowl_gradient(w):
    return BOWL.gradient(w)


def bowl_predict(w):
    return BOWL.predict(w)


def plane_call(w):
    return PLANE(w)


def bowl_on_grid(axes):
    return BOWL.on_grid(axes)


def plane_on_grid(axes):
    return PLANE.on_grid(axes, np.linspace(-1, 1, 5))


def net_call(w):
    return NET(w)


def net_gradient(w):
    return NET.gradient(w)


def cost_from_rows(inputs, targets):
    """A cost made from the rows, with what it says of itself."""
    cost = QuadraticCost.from_rows(inputs, targets)
    return cost, cost.minimum(), cost.curvature(), cost(np.zeros(cost.dimension))


def cost_made_directly(inputs, targets):
    cost = QuadraticCost(inputs, targets)
    return cost, cost.curvature()


VALLEYS = valleys.valleys_cost()
SGD = {"cost": BOWL, "start": 0.0, "learning_rate": 0.1, "epochs": 3, "batch_size": 1, "seed": 0}
DESCENT = {"cost": BOWL, "start": 0.0, "learning_rate": 0.1, "max_steps": 200, "tolerance": 1e-6}
MOMENTUM = DESCENT | {"beta": 0.5}
LABEL = "the_value"  # what the checks of _checks are told to call the value

# (function, valid keyword arguments, parameter given anything, word the error must name)
CASES = [
    *[(gradient_descent, DESCENT, name, name) for name in DESCENT],
    (gradient_descent, DESCENT | {"cost": PLANE, "start": [0.0, 0.0]}, "start", "start"),
    *[(momentum_descent, MOMENTUM, name, name) for name in MOMENTUM],
    (momentum_descent, MOMENTUM, "nesterov", "nesterov"),
    *[
        (brute_force, {"cost": BOWL, "low": 0.0, "high": 4.0, "candidates": 100}, name, name)
        for name in ("cost", "low", "high", "candidates")
    ],
    (bowl_call, {"w": 1.0}, "w", "w"),
    (bowl_gradient, {"w": 1.0}, "w", "w"),
    (bowl_predict, {"w": 1.0}, "w", "w"),
    (plane_call, {"w": [1.0, 1.0]}, "w", "w"),
    (bowl_on_grid, {"axes": [0.0, 1.0]}, "axes", "axes"),
    (plane_on_grid, {"axes": [0.0, 1.0]}, "axes", "axes"),
    *[
        (f, {"inputs": [[1.0], [2.0]], "targets": [2.0, 4.0]}, name, name)
        for f in (cost_from_rows, cost_made_directly)
        for name in ("inputs", "targets")
    ],
    *[
        (compute_budget.combinations, {"candidates": 1000, "weights": 25}, name, name)
        for name in ("candidates", "weights")
    ],
    *[
        (f, {"count": 10**75, "flops": 93 * 10**15}, name, name)
        for f in (compute_budget.seconds_needed, compute_budget.years_needed)
        for name in ("count", "flops")
    ],
    (
        compute_budget.years_needed,
        {"count": 10**75, "flops": 93 * 10**15},
        "seconds_per_year",
        "seconds_per_year",
    ),
    *[
        (compute_budget.lecture_years, {"count": 10**75, "flops": 93 * 10**15}, name, name)
        for name in ("count", "flops")
    ],
    (compute_budget.speed, {"flops": 10**17}, "flops", "flops"),
    *[
        (compute_budget.scientific, {"x": Fraction(1, 3), "digits": 3}, name, name)
        for name in ("x", "digits")
    ],
    (network.weight_count, {"layers": (4, 5, 1)}, "layers", "layers"),
    (network.bias_count, {"layers": (4, 5, 1)}, "layers", "layers"),
    *[(network.house_data, {"rows": 5, "seed": 0}, name, name) for name in ("rows", "seed")],
    (network.initial_weights, {"seed": 1}, "seed", "seed"),
    *[
        (NetworkCost, {"inputs": HOUSES[0], "targets": HOUSES[1]}, name, name)
        for name in ("inputs", "targets")
    ],
    *[
        (
            stochastic_descent,
            {"cost": SMALL_COST, "start": 0.5, "learning_rate": 0.1, "epochs": 2}
            | {"batch_size": 1, "seed": 0, "decay": 0.0},
            name,
            name,
        )
        for name in ("start", "learning_rate", "epochs", "batch_size", "seed", "decay")
    ],
    (net_call, {"w": network.initial_weights()}, "w", "w"),
    (net_gradient, {"w": network.initial_weights()}, "w", "w"),
    # The choices a person makes for the lesson: rates, valleys, SGD runs, the search.
    (grid_spacing, {"candidates": 100}, "candidates", "candidates"),
    *[
        (f, {"learning_rate": 0.1, "curvature": 10.0}, name, name)
        for f in (rates.step_factor, rates.regime)
        for name in ("learning_rate", "curvature")
    ],
    (rates.slowest_factor, {"learning_rate": 0.1, "cost": BOWL}, "learning_rate", "learning_rate"),
    (rates.rate_bands, {"cost": BOWL, "rates": [0.1, 0.3]}, "rates", "rates"),
    (rates.band_index, {"bands": rates.rate_bands(BOWL, [0.1]), "rate": 0.1}, "rate", "rate"),
    (valleys.ValleysCost, {"valleys": ((0.5, 0.0, 1.0),)}, "valleys", "valleys"),
    *[
        (valleys.turning_points, {"cost": VALLEYS, "window": (-3.0, 3.0), "samples": 50}, n, n)
        for n in ("window", "samples")
    ],
    *[
        (valleys.flat_from, {"cost": VALLEYS, "window": (-3.0, 3.0), "samples": 50}, n, n)
        for n in ("window", "samples", "tolerance")
    ],
    (valleys.ending, {"run": valleys.descent(0.0, 0.2), "near": 1e-3}, "near", "near"),
    *[
        (sgd.stochastic_descent, SGD, name, name)
        for name in ("start", "learning_rate", "epochs", "batch_size", "seed")
    ],
    (_checks.finite, {"name": LABEL, "value": 1.0}, "value", LABEL),
    (_checks.positive_finite, {"name": LABEL, "value": 1.0}, "value", LABEL),
    (_checks.positive_exact, {"name": LABEL, "value": 1.0}, "value", LABEL),
    (_checks.integer_at_least, {"name": LABEL, "value": 1, "minimum": 1}, "value", LABEL),
    (_checks.number_array, {"name": LABEL, "value": 1.0}, "value", LABEL),
    (_checks.finite_vector, {"name": LABEL, "value": 1.0, "size": 2}, "value", LABEL),
    (
        _checks.bounded_table,
        {"name": LABEL, "value": [[1.0]], "columns": None, "limit": 1e100},
        "value",
        LABEL,
    ),
]


def assert_finite(result) -> None:
    """Every number in ``result`` is finite (exact integers and fractions always are)."""
    if isinstance(result, StochasticRun):
        assert_finite((result.path, result.costs))
    elif isinstance(result, Descent):
        assert result.status in {"converged", "diverged", "stopped"}
        assert_finite((result.path, result.costs, result.learning_rate))
    elif isinstance(result, sgd.StochasticRun):
        assert_finite((result.path, result.costs))
    elif isinstance(result, rates.Band):
        assert_finite((result.low, result.label))
    elif isinstance(result, valleys.ValleysCost) or result is None:
        pass  # checked when made; None: flat nowhere
    elif isinstance(result, BruteForce):
        assert_finite((result.weights, result.costs, result.best_w, result.best_cost))
    elif isinstance(result, QuadraticCost | NetworkCost):
        assert_finite((result.inputs, result.targets))
    elif isinstance(result, tuple | list):
        for item in result:
            assert_finite(item)
    elif isinstance(result, np.ndarray):
        assert result.dtype.kind in "iuf" and np.all(np.isfinite(result)), result
    elif isinstance(result, float):
        assert np.isfinite(result), result
    elif isinstance(result, str):
        assert "nan" not in result.lower() and "inf" not in result.lower(), result
    else:
        assert isinstance(result, int | Fraction) and not isinstance(result, bool), result


def case_id(case) -> str:
    function, _, name, _ = case
    return f"{function.__module__.rsplit('.', 1)[-1]}.{function.__name__}:{name}"


@pytest.mark.parametrize(("function", "valid", "name", "word"), CASES, ids=map(case_id, CASES))
@PROPERTY
@given(value=ANYTHING)
def test_finite_or_a_value_error_naming_the_parameter(function, valid, name, word, value):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            result = function(**(valid | {name: value}))
        except ValueError as error:
            assert word in str(error), f"{name}={value!r}: {error}"
            assert "\n" not in str(error), str(error)
            return
    assert_finite(result)


@PROPERTY
@given(value=st.text(max_size=20) | st.integers().map(str) | st.floats().map(str))
def test_source_date_epoch_is_a_whole_date_or_refused_in_one_line(value):
    from gdlesson.builddate import source_date_epoch

    try:
        seconds = source_date_epoch(value)
    except ValueError as error:
        assert str(error).startswith("SOURCE_DATE_EPOCH must be") and "\n" not in str(error)
        return
    import datetime

    datetime.datetime.fromtimestamp(seconds, datetime.UTC)  # what MkDocs does with it
    assert seconds >= 0


@PROPERTY
@given(value=ANYTHING)
def test_a_value_is_shown_in_one_short_line(value):
    text = _checks.shown(value)
    assert len(text) <= 60 and "\n" not in text


def test_the_lesson_costs_say_finite_things_of_themselves():
    from gdlesson.costs import one_weight_cost, two_weight_cost

    for cost in (one_weight_cost(), two_weight_cost(), NET):
        assert_finite((cost.inputs, cost.targets, cost.gradient(np.zeros(cost.dimension))))
    for cost in (one_weight_cost(), two_weight_cost()):
        assert_finite((cost.minimum(), cost.curvature()))
