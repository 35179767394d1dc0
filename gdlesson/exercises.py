"""The exercises' rates derived from the data, and the small computations their answers need.

The exercises' hand-set choices are in :mod:`gdlesson.choices`.

Each lesson page ends with exercises, and the workbook (:mod:`gdlesson.notebook`)
builds on them. Their answers quote gdlesson like the rest of the site
(:mod:`gdlesson.facts.exercises`), and the premises of their questions,
such as "this rate is above 2/L", are claims checked at build
(:mod:`gdlesson.claims.exercises`).
"""

from __future__ import annotations

import numpy as np

from gdlesson import choices
from gdlesson.costs import one_weight_cost, two_weight_cost
from gdlesson.derived import significant

#: The data's curvatures, which the exercises' rates follow (as the lesson's do).
_L_1D = one_weight_cost().curvature()
_LOW_2D, _HIGH_2D = (float(v) for v in two_weight_cost().curvatures())

#: How big a step: a rate below 1/L, one between 1/L and 2/L, one above 2/L (at about
#: 0.73/L, 1.37/L and 2.7/L).
REGIME_RATES = (
    significant(0.73 / _L_1D, 2, "down"),
    significant(1.37 / _L_1D),
    significant(2.7 / _L_1D, 2, "up"),
)
#: Two weights: a smaller rate that the page shows nowhere else, still above 1/λ_max
#: (it zig-zags) but slower than the lesson's (about 1.26/λ_max); and one above
#: 2/λ_max (a twentieth above, rounded up).
RATE_2D_SLOW_ZIGZAG = significant(1.26 / _HIGH_2D)
RATE_2D_OVER = significant(2.1 / _HIGH_2D, 2, "up")
#: The rate for both bowls: halfway between 2/λ_max (above it, two weights diverge) and
#: 2/L (below it, one weight converges; λ_max ≥ L, so 2/λ_max ≤ 2/L), and above 1/L.
RATE_BOTH = significant((max(1 / _L_1D, 2 / _HIGH_2D) + 2 / _L_1D) / 2)

#: The workbook: a start on the other side of the minimum from choices.START_1D,
#: as far from it (to one decimal), whatever the data,
START_OTHER_SIDE = round(2 * float(one_weight_cost().minimum()[0]) - choices.START_1D, 1)


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
