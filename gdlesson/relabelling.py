"""How far apart two trained networks are, once relabelling is undone.

Two weight settings of the 4-5-1 network can compute the same prices with
other numbers: its hidden neurons can be put in any order, and the signs of
each one's weights flipped (:func:`gdlesson.network.symmetric_copies` counts
the copies). So the distance between two settings means the distance to the
nearest copy: :func:`distance_up_to_relabelling` tries all of them at once.

>>> from gdlesson.network import initial_weights, relabelled
>>> w = initial_weights()
>>> same = relabelled(w, [4, 0, 3, 1, 2], [1, -1, -1, 1, 1])
>>> float(distance_up_to_relabelling(w, same))
0.0
"""

from __future__ import annotations

from functools import cache
from itertools import permutations, product

import numpy as np

from gdlesson._checks import finite_vector
from gdlesson.choices import LAYERS
from gdlesson.network import weight_count


@cache
def _relabellings() -> tuple[np.ndarray, np.ndarray]:
    """Every order of the hidden neurons, and every choice of their signs."""
    n_hidden = LAYERS[1]
    orders = np.array(list(permutations(range(n_hidden))))
    signs = np.array(list(product((1.0, -1.0), repeat=n_hidden)))
    return orders, signs


def every_copy(w) -> np.ndarray:
    """All the copies of the weights ``w`` that compute the same network, one a row:
    row ``i * len(signs) + j`` is ``relabelled(w, orders[i], signs[j])``, orders
    and signs in the order of ``itertools.permutations`` and ``product``.

    >>> from gdlesson.network import initial_weights, symmetric_copies
    >>> every_copy(initial_weights()).shape == (symmetric_copies(), 25)
    True
    """
    n_in, n_hidden, _ = LAYERS
    w = finite_vector("w", w, weight_count())
    orders, signs = _relabellings()
    hidden, out = w[: n_in * n_hidden].reshape(n_in, n_hidden), w[n_in * n_hidden :]
    # hidden[:, order] * sign for every (order, sign): axes order, sign, input, neuron.
    hidden_copies = hidden[:, orders].transpose(1, 0, 2)[:, None] * signs[None, :, None, :]
    out_copies = out[orders][:, None, :] * signs[None, :, :]
    rows = len(orders) * len(signs)
    return np.concatenate(
        [hidden_copies.reshape(rows, n_in * n_hidden), out_copies.reshape(rows, n_hidden)],
        axis=1,
    )


def distance_up_to_relabelling(a, b) -> float:
    """The smallest distance from the weights ``a`` to any copy of ``b``: how far
    apart the two networks are, whatever the labels of their hidden neurons.

    It is symmetric (relabelling both changes no distance), and never more than
    the plain distance, which is one of the copies.

    >>> from gdlesson.network import initial_weights
    >>> a, b = initial_weights(1), initial_weights(2)
    >>> distance_up_to_relabelling(a, b) <= float(np.linalg.norm(a - b))
    True
    """
    a = finite_vector("a", a, weight_count())
    b = finite_vector("b", b, weight_count())
    return float(np.min(np.linalg.norm(every_copy(b) - a, axis=1)))
