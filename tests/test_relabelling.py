"""Every relabelling of the network at once, and the distance it leaves."""

import itertools

import numpy as np
import pytest

from gdlesson.choices import LAYERS
from gdlesson.network import initial_weights, lined_up, network_cost, relabelled, symmetric_copies
from gdlesson.relabelling import distance_up_to_relabelling, every_copy


def one_by_one(w) -> np.ndarray:
    """The copies made one at a time with network.relabelled, in every_copy's order."""
    n = LAYERS[1]
    return np.array(
        [
            relabelled(w, order, signs)
            for order in itertools.permutations(range(n))
            for signs in itertools.product((1.0, -1.0), repeat=n)
        ]
    )


def test_every_copy_is_relabelled_row_by_row_and_costs_the_same():
    w = initial_weights(3)
    copies = every_copy(w)
    assert copies.shape == (symmetric_copies(), w.size)
    np.testing.assert_array_equal(copies, one_by_one(w))
    cost = network_cost()
    np.testing.assert_allclose([cost(c) for c in copies[::53]], cost(w), rtol=1e-12)


def test_distance_is_the_nearest_copy_and_symmetric():
    a, b = initial_weights(1), initial_weights(2)
    nearest = min(float(np.linalg.norm(a - c)) for c in one_by_one(b))
    assert distance_up_to_relabelling(a, b) == pytest.approx(nearest, rel=1e-12)
    assert distance_up_to_relabelling(b, a) == pytest.approx(nearest, rel=1e-12)
    assert nearest <= np.linalg.norm(lined_up(a) - lined_up(b))
    assert nearest < np.linalg.norm(a - b)


def test_a_copy_is_at_distance_zero():
    w = initial_weights(4)
    for copy in every_copy(w)[::97]:
        assert distance_up_to_relabelling(copy, w) == pytest.approx(0.0, abs=1e-12)


@pytest.mark.parametrize("name", ["a", "b"])
def test_bad_weights_name_the_parameter(name):
    good, bad = initial_weights(), np.zeros(3)
    args = (bad, good) if name == "a" else (good, bad)
    with pytest.raises(ValueError, match=f"^{name} must"):
        distance_up_to_relabelling(*args)
