"""The cost with two valleys: its turning points, its flat stretch, where descents end."""

import warnings

import numpy as np
import pytest

from gdlesson import choices, valleys
from gdlesson.descent import gradient_descent
from gdlesson.valleys import ValleysCost, ending, flat_from, turning_points, valleys_cost


def test_slope_is_the_derivative_of_the_cost():
    cost = valleys_cost()
    ws = np.linspace(*choices.WINDOW_VALLEYS, 97)
    h = 1e-6
    measured = (cost.on_grid(ws + h) - cost.on_grid(ws - h)) / (2 * h)
    np.testing.assert_allclose(cost.slope(ws), measured, atol=1e-8)


def test_turning_points_are_flat_and_of_the_kind_they_say():
    cost = valleys_cost()
    points = turning_points(cost)
    assert [kind for _, kind in points] == ["valley", "hump", "valley"]
    for w, kind in points:
        assert abs(cost.slope(w)) < 1e-12
        around = cost.on_grid([w - 1e-3, w + 1e-3])
        if kind == "valley":
            assert np.all(around > cost(w))
        else:
            assert np.all(around < cost(w))


def test_flat_stretch_starts_where_the_slope_drops_below_the_tolerance():
    cost = valleys_cost()
    flat = flat_from(cost, 1e-6)
    assert np.all(np.abs(cost.slope(np.linspace(flat, choices.WINDOW_VALLEYS[1], 200))) < 1e-6)
    assert abs(cost.slope(flat - 0.01)) >= 1e-6
    assert flat_from(cost, 1e-30) is None  # never that flat inside the window
    bowl = ValleysCost(((1.0, 0.0, 1.0),))
    assert flat_from(bowl, 10.0) == choices.WINDOW_VALLEYS[0]  # flat enough everywhere


def test_descents_end_where_ending_says():
    runs = valleys.descents(starts=(-3.0, 0.0, 4.0))
    bottoms = [w for w, kind in turning_points(valleys_cost()) if kind == "valley"]
    assert [ending(run) for run in runs] == ["valley 0", "valley 1", "did not move"]
    assert runs[0].w == pytest.approx(bottoms[0], abs=1e-5)
    assert runs[1].w == pytest.approx(bottoms[1], abs=1e-5)
    crawl = gradient_descent(valleys_cost(), 3.6, 0.2, max_steps=100)
    assert ending(crawl) == "elsewhere"


@pytest.mark.parametrize(
    ("valleys_", "name"),
    [
        ((), "valleys"),
        (((1.0, 0.0),), "valleys"),
        (((0.0, 0.0, 1.0),), "depth"),
        (((1.0, float("inf"), 1.0),), "centre"),
        (((1.0, 0.0, -2.0),), "sharpness"),
    ],
)
def test_bad_valleys_name_the_parameter(valleys_, name):
    with pytest.raises(ValueError, match=name):
        ValleysCost(valleys_)


def test_bad_weight_names_the_parameter():
    with pytest.raises(ValueError, match="w must"):
        valleys_cost()([1.0, 2.0])


def test_far_from_every_valley_the_cost_is_flat_and_warns_nothing():
    """(w − c)² overflows to inf out there: the valley's term is 0, not a warning."""
    cost = valleys.valleys_cost()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert list(cost.slope([-1e200, 1e200])) == [0.0, 0.0]
        assert list(cost.on_grid([1e200])) == [1.0]
        valleys.flat_from(cost, window=(-9.48e153, 0.0), samples=50)
