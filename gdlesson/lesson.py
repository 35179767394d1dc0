"""The learning rates derived from the data, and the descents the lesson makes, computed once.

The hand-set choices (starts, rates, windows, seeds) are in :mod:`gdlesson.choices`;
the rates that must follow the data are derived here from its curvatures, and the
runs they all give (:func:`search`, :func:`rolling_descent`, ...) are made once,
so the figures, the numbers quoted in the prose and the interactive widgets all
describe the same descents:

>>> rolling_descent().learning_rate == RATE_1D, rolling_descent() is rolling_descent()
(True, True)
>>> {label: run.status for label, run in rate_descents().items()}
{'too small': 'converged', 'just right': 'converged', 'too large': 'diverged'}
"""

from __future__ import annotations

import math
from functools import cache

import numpy as np

from gdlesson.brute_force import BruteForce, brute_force
from gdlesson.choices import (
    CANDIDATES,
    DECAY_SGD,
    EPOCHS_SGD,
    RATE_1D,
    RATE_SGD,
    SEARCH_RANGE,
    SEED_SGD,
    SGD_BATCHES,
    SGD_SEEDS,
    START_1D,
    START_2D,
    START_SGD,
    WINDOW_2D,
)
from gdlesson.costs import one_weight_cost, two_weight_cost
from gdlesson.derived import DataError, significant, within
from gdlesson.descent import TOLERANCE, Descent, gradient_descent
from gdlesson.momentum import momentum_descent
from gdlesson.sgd import StochasticRun, spread, stochastic_descent

#: The data's curvatures, which the rates below follow: L of the one-weight cost, and
#: λ_min, λ_max of the two-weight valley.
_L_1D = one_weight_cost().curvature()
_LOW_2D, _HIGH_2D = (float(v) for v in two_weight_cost().curvatures())

# The rolling ball's rate, set by hand, must walk: refused in one line unless below 1/L.
within("RATE_1D", RATE_1D, 0.0, 1 / _L_1D, "below 1/L the ball walks")
#: A learning rate that overshoots the minimum at every step, yet converges, slowly:
#: nine tenths of the way to 2/L.
RATE_ZIGZAG_1D = significant(0.9 * 2 / _L_1D)
#: The learning-rate lesson: too small (a twentieth of 1/L), just right (about 0.91/L:
#: it walks, and each step lands ten times closer), too large (a seventh above 2/L).
RATES_1D = {
    "too small": significant(0.05 / _L_1D, 1),
    "just right": significant(0.91 / _L_1D),
    "too large": significant(1.14 * 2 / _L_1D),
}


#: A learning rate that zig-zags across the two-weight valley: above 1/λ_max, and just
#: below the balanced rate 2/(λ_min + λ_max) (rounded down), so that along the floor is
#: the slower part, which sets the count (Two curvatures).
RATE_2D = significant(0.978 * 2 / (_LOW_2D + _HIGH_2D), 2, "down")


def _window_holds(window, points) -> tuple:
    """``window``, checked to hold each of ``points`` (name → (w₁, w₂)): a map that
    left out the start or the minimum would draw a descent off the page."""
    for name, point in points.items():
        if not all(low < value < high for value, (low, high) in zip(point, window, strict=True)):
            shown = tuple(round(float(value), 2) for value in point)
            raise DataError(
                f"WINDOW_2D = {window} must hold {name} {shown}: widen it in gdlesson/choices.py"
            )
    return window


_window_holds(WINDOW_2D, {"START_2D": START_2D, "the minimum": two_weight_cost().minimum()})

#: Passes over the data that one slope costs, counted as "Why it wins" counts
#: the work: one forward to the errors, one backward (backpropagation) to the
#: slopes. A combination of brute force costs one: forward, then the cost.
PASSES_PER_SLOPE = 2


#: A learning rate that zig-zags and still arrives sooner than RATE_1D (Gradient descent):
#: halfway, to two decimals, between 1/L and the rate whose step factor mirrors
#: RATE_1D's (2/L − RATE_1D), so that each step lands closer than the walk's.
RATE_FAST_ZIGZAG_1D = round((3 / one_weight_cost().curvature() - RATE_1D) / 2, 2)
#: The rates of the table (How big a step?) of the step factor 1 − ηL, smallest first:
#: the lesson's, and one more between 1/L and 2/L whose factor is about −0.37.
RATES_TABLE_1D = tuple(
    sorted({*RATES_1D.values(), RATE_1D, RATE_ZIGZAG_1D, significant(1.37 / _L_1D)})
)
#: The rates of the table of Two curvatures: two that never cross the valley (about a
#: half and nine tenths of 1/λ_max, rounded down), three that do: the lesson's, one just
#: under 2/λ_max and one just over it (a twentieth above, rounded up).
RATES_TABLE_2D = (
    significant(0.53 / _HIGH_2D, 2, "down"),
    significant(0.95 / _HIGH_2D, 2, "down"),
    RATE_2D,
    significant(2 / _HIGH_2D, 2, "down"),
    significant(2.1 / _HIGH_2D, 2, "up"),
)

#: Choosing the rate (page "Choosing the rate"), on the two-weight valley, each rate
#: derived from its curvatures and rounded to two significant digits, so that it stays
#: in its regime whatever the data: a good rate, 2/(λ_min + λ_max); one too small, a
#: tenth of it (below 1/λ_max: it walks); one too large, a tenth above 2/λ_max.
RATES_CHOOSING = {
    "too small": float(f"{2 / (_LOW_2D + _HIGH_2D) / 10:.2g}"),
    "good": float(f"{2 / (_LOW_2D + _HIGH_2D):.2g}"),
    "too large": float(f"{1.1 * 2 / _HIGH_2D:.2g}"),
}
#: Just under 2/λ_max (rounded down to two significant digits: the cost falls slowly,
#: bouncing) and just over it (at least 0.3 % over, rounded up to three digits: the cost
#: falls for a few steps, then climbs; nearer, it would take too long to diverge).
RATE_UNDER_LIMIT_2D = significant(2 / _HIGH_2D, 2, "down")
RATE_OVER_LIMIT_2D = significant(1.003 * 2 / _HIGH_2D, 3, "up")
#: The powers-of-ten search: the rates it tries, largest first (from the first power of
#: ten above 2/λ_max, so that only the largest diverges), and the steps it gives each.
SEARCH_RATES = tuple(10.0 ** (math.ceil(math.log10(2 / _HIGH_2D)) - k) for k in range(4))
SEARCH_STEPS = 20


#: Momentum (page "Momentum"), on the two-weight valley from START_2D: the heavy ball's
#: best rate and momentum, η* = 4/(√λ_max + √λ_min)² and β* = ((√κ − 1)/(√κ + 1))²,
#: each rounded to two significant digits, as a reader would type them.
_ROOT_KAPPA_2D = math.sqrt(_HIGH_2D / _LOW_2D)
RATE_MOMENTUM = float(f"{4 / (math.sqrt(_HIGH_2D) + math.sqrt(_LOW_2D)) ** 2:.2g}")
BETA_MOMENTUM = float(f"{((_ROOT_KAPPA_2D - 1) / (_ROOT_KAPPA_2D + 1)) ** 2:.2g}")


@cache
def search() -> BruteForce:
    """Brute force over the one-weight cost: every candidate of the search range."""
    return brute_force(one_weight_cost(), *SEARCH_RANGE, CANDIDATES)


def descent_1d(rate: float, start: float = START_1D) -> Descent:
    """One weight, from ``start`` (:data:`START_1D` unless told), at ``rate``.

    Each (start, rate) is computed once, however it is asked for:

    >>> descent_1d(RATE_1D) is descent_1d(RATE_1D, START_1D)
    True
    """
    return _descent_1d(start, rate)


@cache
def _descent_1d(start: float, rate: float) -> Descent:
    return gradient_descent(one_weight_cost(), start, rate)


@cache
def descent_2d(rate: float) -> Descent:
    """Two weights, from :data:`START_2D`, at ``rate`` (each rate computed once)."""
    return gradient_descent(two_weight_cost(), START_2D, rate)


@cache
def momentum_2d(rate: float, beta: float, nesterov: bool = False) -> Descent:
    """Two weights with momentum, from :data:`START_2D` (each choice computed once).

    >>> momentum_2d(0.17, 0.0).path.tolist() == descent_2d(0.17).path.tolist()
    True
    """
    return momentum_descent(two_weight_cost(), START_2D, rate, beta, nesterov=nesterov)


@cache
def sgd_run(batch_size: int) -> StochasticRun:
    """SGD on the six houses from :data:`START_SGD` at :data:`RATE_SGD`, for
    :data:`EPOCHS_SGD` passes shuffled by :data:`SEED_SGD`, ``batch_size`` houses a
    step (the lesson's is 1; each batch size computed once).

    >>> sgd_run(1).steps == EPOCHS_SGD * 6, sgd_run(1) is sgd_run(1)
    (True, True)
    """
    return stochastic_descent(
        one_weight_cost(), START_SGD, RATE_SGD, EPOCHS_SGD, batch_size=batch_size, seed=SEED_SGD
    )


def sgd_batches() -> tuple[int, ...]:
    """The batch sizes of page "Stochastic gradient descent": :data:`SGD_BATCHES`,
    then every house in one batch.

    >>> sgd_batches()[-1] == len(one_weight_cost().targets)
    True
    """
    return (*SGD_BATCHES, len(one_weight_cost().targets))


@cache
def sgd_shuffles(batch_size: int, decay: float = 0.0) -> tuple[StochasticRun, ...]:
    """:func:`sgd_run`'s descent with ``batch_size`` houses a step and ``decay``, once
    for each shuffle of seeds 0 to :data:`SGD_SEEDS` − 1 (each computed once)."""
    return tuple(
        stochastic_descent(
            one_weight_cost(),
            START_SGD,
            RATE_SGD,
            EPOCHS_SGD,
            batch_size=batch_size,
            seed=seed,
            decay=decay,
        )
        for seed in range(SGD_SEEDS)
    )


def sgd_spread(batch_size: int, decay: float = 0.0) -> float:
    """The spread of the last pass of :func:`sgd_shuffles`, averaged: what
    :func:`~gdlesson.sgd.mean_spread` computes, from the runs computed once.

    >>> from gdlesson.sgd import mean_spread
    >>> sgd_spread(1) == mean_spread(
    ...     one_weight_cost(), START_SGD, RATE_SGD, EPOCHS_SGD, batch_size=1, seeds=SGD_SEEDS
    ... )
    True
    """
    return float(np.mean([spread(run) for run in sgd_shuffles(batch_size, decay)]))


@cache
def sgd_scheduled_run() -> StochasticRun:
    """:func:`sgd_run` (one house a step) with the rate lowered by :data:`DECAY_SGD`."""
    return stochastic_descent(
        one_weight_cost(), START_SGD, RATE_SGD, EPOCHS_SGD, seed=SEED_SGD, decay=DECAY_SGD
    )


@cache
def one_at_a_time() -> tuple[tuple[float, float], ...]:
    """The two weights tuned one at a time from :data:`START_2D` (on The curse of
    dimensionality): each round moves w₁, then w₂, to its best value with the
    other held, until the gradient is below :data:`~gdlesson.descent.TOLERANCE`; the
    weights after each round.

    >>> rounds = one_at_a_time()
    >>> 1 < len(rounds) < 100
    True
    """
    cost, w, rounds = two_weight_cost(), START_2D, []
    while not rounds or np.linalg.norm(cost.gradient(w)) >= TOLERANCE:
        for i in range(cost.dimension):
            w = cost.best_along(w, i)
        rounds.append(tuple(map(float, w)))
    return tuple(rounds)


@cache
def trial_2d(rate: float, steps: int) -> Descent:
    """Two weights, from :data:`START_2D`, at ``rate``, for at most ``steps`` steps: one
    trial of the powers-of-ten search (each computed once)."""
    return gradient_descent(two_weight_cost(), START_2D, rate, max_steps=steps)


def search_trials(rates=None, steps=None) -> dict[float, Descent]:
    """The powers-of-ten search's trials, by rate: :data:`SEARCH_RATES` (or ``rates``),
    each for :data:`SEARCH_STEPS` steps (or ``steps``)."""
    rates = SEARCH_RATES if rates is None else rates
    steps = SEARCH_STEPS if steps is None else steps
    return {rate: trial_2d(rate, steps) for rate in rates}


def search_pick(trials: dict[float, Descent]) -> float:
    """The rate the search keeps: of the trials that did not diverge, the one whose
    cost ended lowest.

    >>> search_pick(search_trials())
    0.1
    """
    kept = {rate: run.costs[-1] for rate, run in trials.items() if not run.diverged}
    if not kept:
        raise ValueError("trials must hold a rate that did not diverge")
    return min(kept, key=kept.get)


def rolling_descent() -> Descent:
    """The rolling ball: one weight, from the lesson's start, at :data:`RATE_1D`."""
    return descent_1d(RATE_1D)


def zigzag_descent() -> Descent:
    """One weight, from the lesson's start, at :data:`RATE_ZIGZAG_1D`: it zig-zags."""
    return descent_1d(RATE_ZIGZAG_1D)


def rate_descents() -> dict[str, Descent]:
    """One descent per learning rate of :data:`RATES_1D`, by its label."""
    return {label: descent_1d(rate) for label, rate in RATES_1D.items()}


def two_weight_descent() -> Descent:
    """Two weights, from :data:`START_2D`, at :data:`RATE_2D`: across the valley."""
    return descent_2d(RATE_2D)


def passes(run: Descent) -> int:
    """The passes over the data a descent made: a slope before each step and one
    more that finds it flat, :data:`PASSES_PER_SLOPE` passes each."""
    return PASSES_PER_SLOPE * (run.steps + 1)
