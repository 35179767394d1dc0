"""The 4-5-1 network: its forward pass counted, its symmetric copies, several starts,
the curvatures at a stop, and a run continued past its stop."""

import numpy as np
import pytest

from gdlesson import choices
from gdlesson.choices import LAYERS
from gdlesson.descent import gradient_descent
from gdlesson.network import (
    curvatures,
    forward_operations,
    lined_up,
    network_cost,
    relabelled,
    run_on,
    stop_report,
    symmetric_copies,
    trained_by_descent,
    trained_from_starts,
)
from gdlesson.relabelling import every_copy


def counted_forward_pass(x, layers_weights):
    """A forward pass written out neuron by neuron, counting its operations."""
    multiplications = additions = 0
    values = list(x)
    for k, weights in enumerate(layers_weights):
        outputs = []
        for j in range(weights.shape[1]):
            total = None
            for i, value in enumerate(values):
                product = value * weights[i, j]
                multiplications += 1
                if total is None:
                    total = product
                else:
                    total += product
                    additions += 1
            last = k == len(layers_weights) - 1
            outputs.append(total if last else np.tanh(total))
        values = outputs
    return values, multiplications, additions


def test_forward_operations_count_a_real_forward_pass():
    cost = network_cost()
    w = trained_by_descent().w
    n_in, n_hidden, _ = LAYERS
    layer_weights = [w[: n_in * n_hidden].reshape(n_in, n_hidden), w[n_in * n_hidden :, None]]
    out, multiplications, additions = counted_forward_pass(cost.inputs[0], layer_weights)
    assert (multiplications, additions) == forward_operations()
    assert out[0] == pytest.approx(np.tanh(cost.inputs[0] @ layer_weights[0]) @ w[20:])


@pytest.mark.parametrize(("layers", "expected"), [((2, 1), (2, 1)), ((3, 4, 2), (20, 14))])
def test_forward_operations_of_other_layers(layers, expected):
    assert forward_operations(layers) == expected


def test_every_relabelling_has_the_same_cost_and_lines_up_alike():
    # That there are symmetric_copies() of them, all distinct, is a claim of
    # why-it-wins.md (tests/test_claims.py runs it); every_copy is relabelled row
    # by row (tests/test_relabelling.py).
    cost = network_cost()
    w = trained_by_descent().w
    copies = every_copy(w)
    costs = np.array([cost(c) for c in copies])
    np.testing.assert_allclose(costs, cost(w), rtol=1e-12)
    lined = lined_up(w)
    assert all(np.allclose(lined_up(c), lined) for c in copies[::97])


def test_symmetric_copies_of_two_hidden_layers():
    assert symmetric_copies((3, 2, 3, 1)) == (2 * 4) * (6 * 8)
    assert symmetric_copies((3, 1)) == 1


@pytest.mark.parametrize(
    ("order", "signs", "name"),
    [([0, 1, 2, 3, 3], [1] * 5, "order"), ([0, 1, 2, 3, 4], [1, 1, 1, 1, 0], "signs")],
)
def test_bad_relabelling_names_the_parameter(order, signs, name):
    with pytest.raises(ValueError, match=name):
        relabelled(trained_by_descent().w, order, signs)


def test_run_on_continues_gradient_descent_to_the_last_bit():
    # run_on writes the step out for speed; it must be the same descent.
    more = run_on(choices.NETWORK_SEEDS[0], steps=300, every=100)
    again = gradient_descent(
        network_cost(),
        trained_by_descent().w,
        choices.RATE_NETWORK,
        tolerance=1e-300,
        max_steps=300,
    )
    np.testing.assert_array_equal(more.costs, again.costs)
    slopes = [np.linalg.norm(network_cost().gradient(w)) for w in again.path]
    np.testing.assert_allclose(more.slopes, slopes, rtol=1e-12)
    assert more.measured.tolist() == [0, 100, 200, 300]
    tops = [curvatures(again.path[k])[-1] for k in (0, 100, 200, 300)]
    np.testing.assert_allclose(more.top_curvatures, tops, rtol=1e-12)


def test_curvatures_are_the_eigenvalues_of_the_hessian():
    # Sorted, and the slope's change along any direction d, about H d, gives a
    # curvature d·Hd between the smallest and the largest eigenvalue.
    cost, w = network_cost(), trained_by_descent().w
    bends = curvatures(w)
    assert np.all(np.diff(bends) >= 0)
    d = np.random.default_rng(0).standard_normal(w.size)
    d /= np.linalg.norm(d)
    h = 1e-5
    change = (cost.gradient(w + h * d) - cost.gradient(w - h * d)) / (2 * h)
    assert bends[0] - 1e-6 <= d @ change <= bends[-1] + 1e-6


def test_stop_report_counts_the_curvatures_below_the_cut_off():
    steps, cost, down, top = stop_report(choices.NETWORK_SEEDS[0])
    bends = curvatures(trained_by_descent().w)
    assert steps == trained_by_descent().steps
    assert down == int(np.sum(bends < -choices.DOWNWARD_CURVATURE))
    assert top == bends[-1] and cost == trained_by_descent().costs[-1]


def test_the_lessons_seeds_train_in_a_few_thousand_steps_as_trained_from_says():

    runs = trained_from_starts()
    assert all(run.status == "converged" for run in runs)
    assert max(run.steps for run in runs) < choices.MAX_STEPS_NETWORK / 10
