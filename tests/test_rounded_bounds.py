"""Bounds the prose states ("from 3.85 on", "no closer than 1.11") stay true."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gdlesson.numbers import rounded_down, rounded_up


@given(st.floats(min_value=-1e12, max_value=1e12), st.integers(0, 6))
def test_rounded_up_and_down_bracket_x_within_one_place(x, decimals):
    up, down = float(rounded_up(x, decimals)), float(rounded_down(x, decimals))
    assert down <= x <= up
    assert up - down <= 10.0**-decimals * (1 + 1e-9) + abs(x) * 1e-15
    assert len(rounded_up(x, decimals).partition(".")[2]) == decimals


@pytest.mark.parametrize(("x", "up", "down"), [(1.12, "1.12", "1.12"), (2.675, "2.68", "2.67")])
def test_a_value_already_at_the_places_is_its_own_bound(x, up, down):
    assert (rounded_up(x, 2), rounded_down(x, 2)) == (up, down)


@pytest.mark.parametrize(("x", "decimals", "name"), [(float("nan"), 2, "x"), (1.0, -1, "decimals")])
def test_bad_input_names_the_parameter(x, decimals, name):
    with pytest.raises(ValueError, match=f"^{name} must"):
        rounded_up(x, decimals)
