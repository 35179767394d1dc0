"""The lesson's choices, and the descents they make, computed once.

Start points, learning rates and the two-weight window are kept in one place,
and so are the runs they give (:func:`search`, :func:`rolling_descent`, ...),
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

from gdlesson.brute_force import CANDIDATES, SEARCH_RANGE, BruteForce, brute_force
from gdlesson.costs import one_weight_cost, two_weight_cost
from gdlesson.derived import DataError, significant, within
from gdlesson.descent import TOLERANCE, Descent, gradient_descent
from gdlesson.momentum import momentum_descent
from gdlesson.sgd import StochasticRun, spread, stochastic_descent

#: The data's curvatures, which the rates below follow: L of the one-weight cost, and
#: λ_min, λ_max of the two-weight valley.
_L_1D = one_weight_cost().curvature()
_LOW_2D, _HIGH_2D = (float(v) for v in two_weight_cost().curvatures())

#: The recap's two trial weights: a poor one, then a good one.
RECAP_WEIGHTS = (1.0, 2.0)

#: Where the one-weight descents start.
START_1D = 0.5
#: A learning rate that walks steadily down to the minimum (the rolling ball): set by
#: hand, and refused unless below 1/L, where a step never passes the minimum.
RATE_1D = within("RATE_1D", 0.05, 0.0, 1 / _L_1D, "below 1/L the ball walks")
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

#: The notebook's first descent, and the rates its table compares.
RATE_NOTEBOOK = 0.17
RATES_NOTEBOOK = (0.005, 0.02, 0.05, 0.1, 0.15, 0.2, 0.21, 0.25)

#: Where the two-weight descent starts, (w₁, w₂).
START_2D = (0.2, 1.6)
#: A learning rate that zig-zags across the two-weight valley: above 1/λ_max, and just
#: below the balanced rate 2/(λ_min + λ_max) (rounded down), so that along the floor is
#: the slower part, which sets the count (Two curvatures).
RATE_2D = significant(0.978 * 2 / (_LOW_2D + _HIGH_2D), 2, "down")
#: The (w₁, w₂) window of the two-weight contour map (figure and playground).
WINDOW_2D = ((-0.4, 3.4), (-1.9, 2.3))


def _window_holds(window, points) -> tuple:
    """``window``, checked to hold each of ``points`` (name → (w₁, w₂)): a map that
    left out the start or the minimum would draw a descent off the page."""
    for name, point in points.items():
        if not all(low < value < high for value, (low, high) in zip(point, window, strict=True)):
            shown = tuple(round(float(value), 2) for value in point)
            raise DataError(
                f"WINDOW_2D = {window} must hold {name} {shown}: widen it in gdlesson/lesson.py"
            )
    return window


_window_holds(WINDOW_2D, {"START_2D": START_2D, "the minimum": two_weight_cost().minimum()})
#: The cost levels the contour map draws, where above the minimum.
LEVELS_2D = (0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 40)
#: Two weights: small steps from START_2D: their length, and the angles θ, in degrees,
#: between a step and the gradient that its session tries (180 is against it).
PROBE_STEP_2D = 0.001
PROBE_ANGLES_2D = (0, 45, 90, 135, 180)
#: The cost levels of the rings on which the gradient figure draws its arrows,
#: and how many arrows each ring gets, spread evenly around it.
ARROW_LEVELS_2D = (1, 3, 6)
ARROWS_PER_RING_2D = 6
#: Two weights: the example of ``@`` and ``.T`` worked by hand: a 2×2 table of small
#: integers, two weights, and one error per row.
TOY_TABLE = ((1, 2), (3, 1))
TOY_WEIGHTS = (2, 1)
TOY_ERRORS = (1, -1)

#: Training the 25-weight network: learning rate and gradient tolerance.
RATE_NETWORK = 0.02
TOLERANCE_NETWORK = 1e-2
#: The most steps a training run of the network may take.
MAX_STEPS_NETWORK = 100_000
#: Steps the lesson's training run goes on past its stop, at the same rate and
#: with no stop (page "Many valleys"): long enough for its largest curvature to
#: reach 2/η and for the zig-zag that follows to settle in, for every start.
RUN_ON_STEPS = 70_000
#: Measure the run's largest curvature every this many of those steps.
RUN_ON_CURVATURE_EVERY = 200
#: The last steps of the run on that the page describes as its end (its gradient's
#: typical length, how often its steps turn back).
RUN_ON_TAIL = 10_000
#: A curvature below minus this counts as curving downwards (page "Many valleys").
DOWNWARD_CURVATURE = 1e-4
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
#: How many steps the figure of "Choosing the rate" follows each of them for.
STEPS_CHOOSING = 60
#: Just under 2/λ_max (rounded down to two significant digits: the cost falls slowly,
#: bouncing) and just over it (at least 0.3 % over, rounded up to three digits: the cost
#: falls for a few steps, then climbs; nearer, it would take too long to diverge).
RATE_UNDER_LIMIT_2D = significant(2 / _HIGH_2D, 2, "down")
RATE_OVER_LIMIT_2D = significant(1.003 * 2 / _HIGH_2D, 3, "up")
#: The powers-of-ten search: the rates it tries, largest first (from the first power of
#: ten above 2/λ_max, so that only the largest diverges), and the steps it gives each.
SEARCH_RATES = tuple(10.0 ** (math.ceil(math.log10(2 / _HIGH_2D)) - k) for k in range(4))
SEARCH_STEPS = 20

#: The cost with two valleys (page "Many valleys"): where descents start, and their rate.
STARTS_VALLEYS = (-3.0, -0.5, 0.0, 1.8, 3.0, 3.5, 4.0)
RATE_VALLEYS = 0.2

#: Momentum (page "Momentum"), on the two-weight valley from START_2D: the heavy ball's
#: best rate and momentum, η* = 4/(√λ_max + √λ_min)² and β* = ((√κ − 1)/(√κ + 1))²,
#: each rounded to two significant digits, as a reader would type them.
_ROOT_KAPPA_2D = math.sqrt(_HIGH_2D / _LOW_2D)
RATE_MOMENTUM = float(f"{4 / (math.sqrt(_HIGH_2D) + math.sqrt(_LOW_2D)) ** 2:.2g}")
BETA_MOMENTUM = float(f"{((_ROOT_KAPPA_2D - 1) / (_ROOT_KAPPA_2D + 1)) ** 2:.2g}")

#: The network's random starts (seeds of initial_weights): the lesson trains it
#: from the first, and again from each of the others to compare where they stop.
NETWORK_SEEDS = (1, 2, 3, 4, 5)

#: Stochastic gradient descent on the six houses (page "Stochastic gradient descent"):
#: one house per step, from START_SGD at RATE_SGD, EPOCHS_SGD passes shuffled by SEED_SGD.
START_SGD = 0.5
RATE_SGD = 0.1
EPOCHS_SGD = 20
SEED_SGD = 0
#: The batch sizes the page compares, besides one batch of every house (sgd_batches),
#: and how many shuffles (seeds 0, 1, ...) each spread is averaged over.
SGD_BATCHES = (1, 2, 3)
SGD_SEEDS = 50
#: How many houses the page draws at random to average their slopes.
SGD_DRAWS = 10_000
#: The passes (from 1) whose spread the page quotes, to show the jitter dying down.
SGD_PASSES_SHOWN = (5, 10, 20)
#: The schedule: in pass e (from 0) the rate is RATE_SGD / (1 + DECAY_SGD * e).
DECAY_SGD = 0.2
#: The network by SGD: the rate on a batch's mean slope for mini-batches of
#: BATCH_NETWORK rows and for single rows, and the passes over the rows each makes.
#: The full batch steps at the lesson's RATE_NETWORK on the summed slope, which is
#: RATE_NETWORK × rows on the mean slope. COST_LEVEL_NETWORK: the cost each must reach.
RATE_SGD_NETWORK = 0.3
BATCH_NETWORK = 10
EPOCHS_NETWORK = 200
COST_LEVEL_NETWORK = 0.2
#: The last passes of the single rows' run whose costs the page quotes.
SGD_TAIL_PASSES = 20


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
