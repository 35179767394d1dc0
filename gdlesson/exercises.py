"""The exercises' choices, and the small computations their answers need.

Each lesson page ends with exercises, and the workbook (:mod:`gdlesson.notebook`)
builds on them. Their answers quote gdlesson like the rest of the site
(:mod:`gdlesson.facts.exercises`), and the premises of their questions,
such as "this rate is above 2/L", are claims checked at build
(:mod:`gdlesson.claims.exercises`).
"""

from __future__ import annotations

import numpy as np

from gdlesson import lesson
from gdlesson.costs import one_weight_cost, two_weight_cost
from gdlesson.derived import significant

#: The data's curvatures, which the exercises' rates follow (as the lesson's do).
_L_1D = one_weight_cost().curvature()
_LOW_2D, _HIGH_2D = (float(v) for v in two_weight_cost().curvatures())

#: recap: the weight of a network that predicts a price of 0 for every house.
ZERO_WEIGHT = 0.0
#: brute force with ten times fewer candidates.
FEW_CANDIDATES = 100
#: the curse of dimensionality: a wider hidden layer.
WIDER_LAYERS = (4, 8, 1)
#: the supercomputer: a grid so coarse that brute force would finish.
COARSE_CANDIDATES = 10
#: gradient descent: a nudge far from tiny, which still measures a parabola's slope exactly.
LARGE_NUDGE = 1.0
#: how big a step: a rate below 1/L, one between 1/L and 2/L, one above 2/L (at about
#: 0.73/L, 1.37/L and 2.7/L).
REGIME_RATES = (
    significant(0.73 / _L_1D, 2, "down"),
    significant(1.37 / _L_1D),
    significant(2.7 / _L_1D, 2, "up"),
)
#: two weights: a smaller rate that the page shows nowhere else, still above 1/λ_max
#: (it zig-zags) but slower than the lesson's (about 1.26/λ_max); and one above
#: 2/λ_max (a twentieth above, rounded up).
RATE_2D_SLOW_ZIGZAG = significant(1.26 / _HIGH_2D)
RATE_2D_OVER = significant(2.1 / _HIGH_2D, 2, "up")
#: How many steps the rate above 2/L takes, and every how many the slope is printed.
STEPS_2D_OVER = 50
EVERY_2D_OVER = 10
#: choosing the rate: the factor by which the search's pick is refined, up and down
#: (the too-large rate the second exercise adds to the search is the page's own).
REFINE_FACTOR = 3
#: ... and the finer factor up that the answer then tries, still below 2/λ_max.
REFINE_FINER = 1.5
#: why it wins: a hidden layer twice as wide as the lesson's.
WIDE_LAYERS = (4, 10, 1)
#: many valleys: a larger rate, still below the right valley's 2/L, from a start
#: that crawled on the flat stretch and one beyond it, where the slope is flat;
RATE_VALLEYS_FLAT = 0.4
STARTS_VALLEYS_FLAT = (3.5, 4.0)
#: a rate above the narrow right valley's 2/L but below the wide left one's, from
#: a start that reaches the right valley at the lesson's rate;
RATE_VALLEYS_LARGE = 1.5
START_VALLEYS_LARGE = 0.0
#: how many of its first points that descent prints; a rate between the two limits
#: that, from the same start, keeps bouncing inside the right valley instead;
POINTS_VALLEYS_LARGE = 8
RATE_VALLEYS_BOUNCE = 1.0
#: momentum: a large β at the lesson's plain rate on two weights; a small β with a rate
#: just above 2/λ_max (heavy ball and Nesterov); on the two-valley cost, a large β from
#: the start that crawled on the flat stretch and from one inside the narrow right valley.
BETA_MOMENTUM_LARGE = 0.9
BETA_MOMENTUM_RESCUE = 0.3
STARTS_VALLEYS_MOMENTUM = (3.5, 1.8)
#: stochastic gradient descent: a schedule that lowers the rate faster than the
#: lesson's; a batch size whose slopes are added instead of averaged;
DECAY_SGD_FAST = 1.0
SGD_ADDED_BATCH = 3
#: summary: one more digit, for brute force (ten times the candidates) and for
#: gradient descent (tolerances ten times tighter each); and one rate for both bowls.
FINER_CANDIDATES = 10_000
TOLERANCES = (1e-6, 1e-7, 1e-8, 1e-9)
#: The rate for both bowls: halfway between 2/λ_max (above it, two weights diverge) and
#: 2/L (below it, one weight converges; λ_max ≥ L, so 2/λ_max ≤ 2/L), and above 1/L.
RATE_BOTH = significant((max(1 / _L_1D, 2 / _HIGH_2D) + 2 / _L_1D) / 2)

#: The workbook: a start on the other side of the minimum from lesson.START_1D,
#: as far from it (to one decimal), whatever the data,
START_OTHER_SIDE = round(2 * float(one_weight_cost().minimum()[0]) - lesson.START_1D, 1)


def _around(limit: float) -> tuple[float, ...]:
    """Rates around ``limit``, in increasing order: two below it a unit of its second
    significant digit apart, half a unit above the nearer, and the rates under and over
    it a fifth of a percent away or more, at three significant digits, or more where
    three land farther than 0.3 %: both take thousands of steps, yet end before a
    descent's step limit.

    >>> _around(0.2195)
    (0.2, 0.21, 0.215, 0.219, 0.22, 0.23)
    """
    low = significant(limit, 2, "down")
    unit = significant(limit, 2, "up") - low or low / 10
    for digits in (3, 4, 5):
        under = significant(0.998 * limit, digits, "down")
        over = significant(1.002 * limit, digits, "up")
        if max(limit / under, over / limit) < 1.003:
            break
    rates = {low - unit, low, low + unit / 2, under, over, over + unit}
    return tuple(sorted(round(rate, 10) for rate in rates if rate > 0))


def _before(limit: float) -> tuple[float, ...]:
    """Rates up to ``limit``'s, half a unit of its second significant digit apart:
    two units below it to one above (the limit lies between the fourth and the fifth).

    >>> _before(0.19034)
    (0.17, 0.18, 0.185, 0.19, 0.195, 0.2)
    """
    low = significant(limit, 2, "down")
    unit = significant(limit, 2, "up") - low or low / 10
    return tuple(round(low + k * unit, 10) for k in (-2, -1, -0.5, 0, 0.5, 1))


#: rates around the one-weight limit 2/L, in increasing order,
LIMIT_RATES_1D = _around(2 / _L_1D)
#: and around the two-weight valley's limit.
LIMIT_RATES_2D = _before(2 / _HIGH_2D)


def nearest_candidate(low: float, high: float, count: int, w: float) -> float:
    """The candidate of ``np.linspace(low, high, count)`` nearest to ``w``.

    >>> nearest_candidate(0.0, 4.0, 5, 2.3)
    2.0
    """
    candidates = np.linspace(low, high, count)
    return float(candidates[np.argmin(np.abs(candidates - w))])


def curvature_at(slope, w: float, h: float = 1e-5) -> float:
    """How fast ``slope`` changes at ``w`` (the curvature L there): a central difference.

    Near the bottom of a valley the cost is close to a bowl of that curvature,
    so a learning rate above 2/L overshoots it further at every step.

    >>> round(curvature_at(lambda w: 3 * (w - 1) ** 2, 1.0), 6)  # slope of (w - 1)³
    0.0
    >>> round(curvature_at(lambda w: 9.11 * (w - 2), 2.0), 6)
    9.11
    """
    return float((slope(w + h) - slope(w - h)) / (2 * h))


def rate_table(runs) -> str:
    """How each descent ended, one line per rate, as the workbook prints it.

    >>> from gdlesson.costs import one_weight_cost
    >>> from gdlesson.descent import gradient_descent
    >>> print(rate_table([gradient_descent(one_weight_cost(), 0.5, 0.1)]))
    learning rate 0.1    converged after     7 steps
    """
    return "\n".join(
        f"learning rate {run.learning_rate:<6g} {run.status:>9} after {run.steps:>5} steps"
        for run in runs
    )


def largest_converging(runs) -> float:
    """The largest learning rate among ``runs`` whose descent converged.

    >>> from gdlesson.costs import one_weight_cost
    >>> from gdlesson.descent import gradient_descent
    >>> largest_converging([gradient_descent(one_weight_cost(), 0.5, r) for r in (0.1, 0.3)])
    0.1
    """
    converged = [run.learning_rate for run in runs if run.converged]
    if not converged:
        raise ValueError("runs must hold at least one descent that converged")
    return max(converged)
