"""The course's house-price network: 4 inputs, 5 hidden neurons, 1 output.

Its 4×5 + 5×1 = 25 weights (biases left out, as the lecture does) are what
brute force would have to search. The network is small enough to train here
by gradient descent, which gives the lesson a real step count for 25 weights,
and to measure its 25 curvatures where a run stops (:func:`curvatures`) and
as a run goes on past its stop (:func:`run_on`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from math import factorial, prod

import numpy as np

from gdlesson import choices
from gdlesson import compute_budget as budget
from gdlesson._checks import (
    finite_result,
    finite_vector,
    integer_at_least,
    rows_and_targets,
    shown,
)
from gdlesson.choices import (
    CANDIDATES,
    HOUSE_ROWS,
    HOUSE_SEED,
    LAYERS,
    PRICE_AGE,
    PRICE_AREA,
    PRICE_BEDROOMS,
    PRICE_DISTANCE,
    PRICE_NOISE,
    START_SCALE,
)
from gdlesson.costs import MAX_DATA
from gdlesson.descent import MAX_STEPS, Descent, gradient_descent
from gdlesson.sgd import StochasticRun, stochastic_descent

#: The four inputs of the lecture's example.
INPUTS = ("Area", "Bedrooms", "Distance to city", "Age")
#: The most made-up houses :func:`house_data` makes (40 MB of inputs).
MAX_ROWS = 1_000_000

#: The step of the finite differences that measure the curvatures (:func:`curvatures`).
CURVATURE_STEP = 1e-5


def _layer_sizes(layers) -> list[int]:
    """``layers`` as a list of at least two sizes, each an integer ≥ 1, or raise."""
    if isinstance(layers, str | bytes) or not hasattr(layers, "__iter__"):
        raise ValueError(f"layers must be a sequence of layer sizes, got {shown(layers)}")
    sizes = [integer_at_least("layers", n, 1) for n in layers]
    if len(sizes) < 2:
        raise ValueError(f"layers must name at least two layers, got {shown(layers)}")
    return sizes


def weight_count(layers=LAYERS) -> int:
    """Connections between consecutive layers.

    >>> weight_count((4, 5, 1))
    25
    """
    sizes = _layer_sizes(layers)
    return sum(a * b for a, b in zip(sizes, sizes[1:], strict=False))


def combinations() -> int:
    """How many settings of the network's weights brute force would try.

    >>> combinations() == 10**75
    True
    """
    return budget.combinations(CANDIDATES, weight_count())


def bias_count(layers=LAYERS) -> int:
    """One bias per neuron after the input layer.

    >>> weight_count() + bias_count()
    31
    """
    return sum(_layer_sizes(layers)[1:])


def forward_operations(layers=LAYERS) -> tuple[int, int]:
    """Multiplications and additions of one forward pass, biases left out.

    Each weight multiplies once; a neuron with n inputs adds n − 1 products.

    >>> forward_operations((4, 5, 1))
    (25, 19)
    """
    multiplications = weight_count(layers)
    additions = sum((a - 1) * b for a, b in zip(layers, layers[1:], strict=False))
    return multiplications, additions


def symmetric_copies(layers=LAYERS) -> int:
    """How many weight settings give the very same network, for tanh hidden layers.

    Swapping two hidden neurons of a layer (with all their weights) changes
    nothing, nor does flipping the signs of every weight into and out of one
    (tanh(−x) = −tanh(x)): n! orders times 2ⁿ sign choices per hidden layer.

    >>> symmetric_copies((4, 5, 1))
    3840
    """
    weight_count(layers)
    return prod(factorial(n) * 2**n for n in layers[1:-1])


def relabelled(w, order, signs) -> np.ndarray:
    """The 4-5-1 weights ``w`` with hidden neuron ``order[j]`` moved to place j and
    its weights multiplied by ``signs[j]`` (±1): the same network, other numbers."""
    n_in, n_hidden, _ = LAYERS
    w = finite_vector("w", w, weight_count())
    order = np.asarray(order)
    if sorted(order.tolist()) != list(range(n_hidden)):
        raise ValueError(f"order must list the hidden neurons 0..{n_hidden - 1} once each")
    signs = np.asarray(signs, dtype=float)
    if signs.shape != (n_hidden,) or not np.all(np.abs(signs) == 1):
        raise ValueError(f"signs must be {n_hidden} values of +1 or -1, got {signs!r}")
    hidden, out = w[: n_in * n_hidden].reshape(n_in, n_hidden), w[n_in * n_hidden :]
    return np.concatenate([(hidden[:, order] * signs).ravel(), out[order] * signs])


def lined_up(w) -> np.ndarray:
    """The one copy of ``w`` (of :func:`symmetric_copies`) whose hidden neurons have
    positive outgoing weights, smallest first: two weight settings are the same
    network exactly when their lined-up copies are equal."""
    n_in, n_hidden, _ = LAYERS
    w = finite_vector("w", w, weight_count())
    out = w[n_in * n_hidden :]
    flips = np.where(out < 0, -1.0, 1.0)  # per neuron, in its present place
    order = np.argsort(out * flips, kind="stable")
    return relabelled(w, order, flips[order])


def house_data(rows: int = HOUSE_ROWS, seed: int = HOUSE_SEED) -> tuple[np.ndarray, np.ndarray]:
    """Made-up houses on a standard-normal scale: inputs (rows × 4) and prices (rows).

    Prices rise with area and bedrooms and fall with distance and age, with a
    little noise (the ``PRICE_*`` coefficients); a fixed seed keeps every build
    the same. At most :data:`MAX_ROWS` rows; ``seed`` is an integer ≥ 0.
    """
    rows = integer_at_least("rows", rows, 1, MAX_ROWS)
    rng = np.random.default_rng(integer_at_least("seed", seed, 0))
    x = rng.standard_normal((rows, len(INPUTS)))
    area, bedrooms, distance, age = x.T
    price = (
        np.tanh(PRICE_AREA * area + PRICE_BEDROOMS * bedrooms)
        - PRICE_DISTANCE * np.tanh(distance)
        - PRICE_AGE * age
    )
    return x, price + PRICE_NOISE * rng.standard_normal(rows)


@dataclass(frozen=True, eq=False)
class NetworkCost:
    """C(w) = ½ Σ (ŷ − y)² of the 4-5-1 network, w holding all 25 weights.

    The hidden neurons use tanh; the output neuron is linear. ``inputs`` has 4
    columns, ``targets`` one value per row, all finite and within
    ±:data:`~gdlesson.costs.MAX_DATA`. The cost and its gradient are finite, or
    raise ``Overflow`` (a ``ValueError``) naming ``w`` when the weights are so
    large that they overflow a float.

    >>> cost = network_cost()
    >>> cost.dimension, bool(np.isfinite(cost(initial_weights())))
    (25, True)
    """

    inputs: np.ndarray
    targets: np.ndarray

    dimension = weight_count()

    def __post_init__(self):
        x, y = rows_and_targets(self.inputs, self.targets, LAYERS[0], MAX_DATA)
        object.__setattr__(self, "inputs", x)
        object.__setattr__(self, "targets", y)

    def __call__(self, w) -> float:
        hidden_w, out_w = _layers(finite_vector("w", w, self.dimension))
        with np.errstate(over="ignore", invalid="ignore"):
            error = np.tanh(self.inputs @ hidden_w) @ out_w - self.targets
            return float(finite_result("w", w, 0.5 * error @ error))

    def gradient(self, w) -> np.ndarray:
        """dC/dw, by backpropagation (:meth:`value_and_slope`)."""
        checked = finite_vector("w", w, self.dimension)
        with np.errstate(over="ignore", invalid="ignore"):
            return finite_result("w", w, self.value_and_slope(checked)[1])

    def value_and_slope(self, w) -> tuple[float, np.ndarray]:
        """C and dC/dw at ``w`` from one forward pass, then backpropagation: the chain
        rule, layer by layer, output first. Unchecked, as
        :meth:`gdlesson.costs.QuadraticCost.value_and_slope`."""
        hidden_w, out_w = _layers(w)
        hidden = np.tanh(self.inputs @ hidden_w)
        error = hidden @ out_w - self.targets
        d_out = hidden.T @ error
        d_hidden = self.inputs.T @ (np.outer(error, out_w) * (1 - hidden**2))
        return float(0.5 * error @ error), np.concatenate([d_hidden.ravel(), d_out])


def _layers(w: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The 25 weights as the hidden layer's 4 × 5 table and the output's 5."""
    n_in, n_hidden, _ = LAYERS
    return w[: n_in * n_hidden].reshape(n_in, n_hidden), w[n_in * n_hidden :]


def network_cost() -> NetworkCost:
    """The 25-weight cost on the made-up houses."""
    return NetworkCost(*house_data())


def initial_weights(seed: int = choices.NETWORK_SEEDS[0]) -> np.ndarray:
    """Small random starting weights, fixed by ``seed`` (an integer ≥ 0; unless
    told, the lesson's training run's)."""
    seed = integer_at_least("seed", seed, 0)
    return START_SCALE * np.random.default_rng(seed).standard_normal(weight_count())


@cache
def trained_from(seed: int) -> Descent:
    """The network trained by gradient descent from :func:`initial_weights` (``seed``),
    with the lesson's learning rate, tolerance and most steps, computed once a seed.

    From the lesson's seeds (:data:`~choices.NETWORK_SEEDS`) the descent
    converges in a few thousand steps (0.05 to 0.25 s); from another seed it may
    take all of :data:`~choices.MAX_STEPS_NETWORK` (seconds: seed 0 does).
    """
    return gradient_descent(
        network_cost(),
        initial_weights(seed),
        choices.RATE_NETWORK,
        tolerance=choices.TOLERANCE_NETWORK,
        max_steps=choices.MAX_STEPS_NETWORK,
    )


def trained_by_descent() -> Descent:
    """The lesson's training run: the first start of :data:`~choices.NETWORK_SEEDS`.

    >>> trained_by_descent() is trained_from_starts()[0]
    True
    """
    return trained_from(choices.NETWORK_SEEDS[0])


def trained_from_starts(seeds=choices.NETWORK_SEEDS) -> tuple[Descent, ...]:
    """The network :func:`trained_from` each seed of ``seeds``."""
    return tuple(trained_from(seed) for seed in seeds)


@cache
def sgd_runs() -> dict[str, StochasticRun]:
    """The network trained from :func:`initial_weights` for
    :data:`~choices.EPOCHS_NETWORK` passes over its rows, shuffled by
    :data:`~choices.SEED_SGD`, on each batch's mean slope: by full batch (the
    lesson's gradient descent: its rate on the summed slope, times the rows, on the
    mean), by mini-batches and by single rows; by label (about 1 s)."""
    cost = network_cost()
    rows = len(cost.targets)

    def run(batch: int, rate: float) -> StochasticRun:
        return stochastic_descent(
            cost,
            initial_weights(),
            rate,
            choices.EPOCHS_NETWORK,
            batch_size=batch,
            seed=choices.SEED_SGD,
        )

    return {
        "full batch": run(rows, choices.RATE_NETWORK * rows),
        "mini-batches": run(choices.BATCH_NETWORK, choices.RATE_SGD_NETWORK),
        "single rows": run(1, choices.RATE_SGD_NETWORK),
    }


def curvatures(w, cost: NetworkCost | None = None) -> np.ndarray:
    """The 25 curvatures of ``cost`` (the lesson's, unless told) at the weights ``w``,
    smallest first: the eigenvalues of its Hessian, the 25 × 25 table of how each
    slope changes as each weight moves.

    The table is measured as the pages' finite-difference check measures a slope:
    each weight moved by :data:`CURVATURE_STEP` each way, the change of the
    (analytic) gradient divided by the move, then made symmetric.

    >>> c = curvatures(trained_by_descent().w)
    >>> c.shape, bool(c[-1] > 0)
    ((25,), True)
    """
    cost = network_cost() if cost is None else cost
    w = finite_vector("w", w, cost.dimension)
    moves = CURVATURE_STEP * np.eye(cost.dimension)
    table = (_gradients(cost, w + moves) - _gradients(cost, w - moves)) / (2 * CURVATURE_STEP)
    return np.linalg.eigvalsh((table + table.T) / 2)


def _gradients(cost: NetworkCost, ws: np.ndarray) -> np.ndarray:
    """The gradient of ``cost`` at each row of ``ws``, all at once (the arithmetic of
    :meth:`NetworkCost.gradient`, one weight setting per row)."""
    n_in, n_hidden, _ = LAYERS
    hidden_w = ws[:, : n_in * n_hidden].reshape(-1, n_in, n_hidden)
    out_w = ws[:, n_in * n_hidden :]
    hidden = np.tanh(cost.inputs @ hidden_w)  # setting, row, neuron
    error = np.einsum("srn,sn->sr", hidden, out_w) - cost.targets
    d_out = np.einsum("srn,sr->sn", hidden, error)
    back = error[:, :, None] * out_w[:, None, :] * (1 - hidden**2)
    d_hidden = np.einsum("ri,srn->sin", cost.inputs, back)
    return np.concatenate([d_hidden.reshape(len(ws), -1), d_out], axis=1)


@dataclass(frozen=True, eq=False)
class RunOn:
    """A training run continued past its stop, at the same rate, with no stop.

    ``costs[k]`` and ``slopes[k]`` (the gradient's length) are taken after k more
    steps, k = 0 at the stop; ``turns[k]`` (k ≥ 1) is the cosine between the
    gradient there and the one a step before: near 1, the step went on the same
    way; near −1, it turned back. ``measured`` are the step numbers where the
    largest curvature was measured and ``top_curvatures`` what it was.
    """

    learning_rate: float
    costs: np.ndarray
    slopes: np.ndarray
    turns: np.ndarray
    measured: np.ndarray
    top_curvatures: np.ndarray

    @property
    def steps(self) -> int:
        return len(self.costs) - 1

    @property
    def limit(self) -> float:
        """2/η: the largest curvature a step at this rate can settle in."""
        return 2 / self.learning_rate

    @property
    def reached(self) -> int | None:
        """The first step measured where the largest curvature is at 2/η or above."""
        at = np.flatnonzero(self.top_curvatures >= self.limit)
        return int(self.measured[at[0]]) if len(at) else None


def stop_report(seed: int) -> tuple[int, float, int, float]:
    """Where the run :func:`trained_from` ``seed`` stopped: its steps, its cost,
    how many curvatures there are below −:data:`~choices.DOWNWARD_CURVATURE`
    (curving downwards), and the largest curvature."""
    run = trained_from(seed)
    bends = curvatures(run.w)
    return (
        run.steps,
        float(run.costs[-1]),
        int(np.sum(bends < -choices.DOWNWARD_CURVATURE)),
        float(bends[-1]),
    )


@cache
def run_on(
    seed: int = choices.NETWORK_SEEDS[0],
    steps: int = choices.RUN_ON_STEPS,
    every: int = choices.RUN_ON_CURVATURE_EVERY,
) -> RunOn:
    """The run :func:`trained_from` ``seed`` (the lesson's, unless told), continued
    for ``steps`` more steps at the lesson's rate, its largest curvature measured
    every ``every`` steps. The step is gradient descent's, w ← w − η ∇C, written
    out in one pass for speed (about 15 µs a step): the same arithmetic, the same
    weights to the last bit (tests/test_network_symmetry.py). The gradients' lengths
    and turns are measured after the loop, all at once, with the sums a step makes.
    """
    steps = integer_at_least("steps", steps, 1, MAX_STEPS)
    every = integer_at_least("every", every, 1)
    cost, eta = network_cost(), choices.RATE_NETWORK
    x, y = cost.inputs, cost.targets
    x_t = np.ascontiguousarray(x.T)
    n_in, n_hidden, _ = LAYERS
    w = trained_from(seed).w
    hidden_w, out_w = w[: n_in * n_hidden].reshape(n_in, n_hidden).copy(), w[n_in * n_hidden :]
    costs = np.empty(steps + 1)
    d_hidden, d_out = np.empty((steps + 1, n_in * n_hidden)), np.empty((steps + 1, n_hidden))
    measured, tops = [], []
    for k in range(steps + 1):
        hidden = np.tanh(x @ hidden_w)
        error = hidden @ out_w - y
        slope_hidden = x_t @ (error[:, None] * out_w * (1 - hidden**2))
        d_hidden[k], d_out[k] = slope_hidden.ravel(), hidden.T @ error
        costs[k] = 0.5 * error @ error
        if k % every == 0 or k == steps:
            measured.append(k)
            tops.append(curvatures(np.concatenate([hidden_w.ravel(), out_w]), cost)[-1])
        hidden_w = hidden_w - eta * slope_hidden
        out_w = out_w - eta * d_out[k]
    slopes = np.sqrt((d_hidden * d_hidden).sum(axis=1) + np.vecdot(d_out, d_out))
    together = (d_hidden[1:] * d_hidden[:-1]).sum(axis=1) + np.vecdot(d_out[1:], d_out[:-1])
    turns = np.concatenate([[1.0], together / (slopes[1:] * slopes[:-1])])
    return RunOn(eta, costs, slopes, turns, np.array(measured), np.array(tops))
