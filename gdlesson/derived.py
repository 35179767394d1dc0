"""Choices that follow the data, and the check of a choice set by hand.

A learning rate that a page says "walks", "zig-zags" or "diverges" must sit in
that regime whatever the houses: :mod:`gdlesson.lesson` and
the pages' modules (:mod:`gdlesson.pages`) derive such rates from the data's curvatures (1/L,
2/L, 1/λ_max, 2/λ_max), rounded to a few significant digits as a reader would
type them, rounding down a rate that must stay below a limit and up one that
must stay above it (:func:`significant`). A choice an instructor sets by hand is
checked by :func:`within`, which refuses it in one line naming the choice, its
value and the range it must lie in.

A :class:`DataError` is a problem of the data or the choices, not of the code:
the build shows its message alone, in one line, without a traceback.
"""

from __future__ import annotations

import math


class DataError(ValueError):
    """The lesson's data make a choice, a fact or a sentence of a page wrong; the
    message says which, and what to change."""


def significant(x: float, digits: int = 2, rounding: str = "nearest") -> float:
    """``x`` (positive) to ``digits`` significant digits, rounded to the
    nearest, ``"down"`` or ``"up"``.

    >>> significant(0.19034), significant(0.19034, 3, "up"), significant(0.2195, 2, "down")
    (0.19, 0.191, 0.21)
    >>> significant(0.0549, 1), significant(0.1098, 1, "down")
    (0.05, 0.1)
    """
    unit = 10.0 ** (math.floor(math.log10(x)) - digits + 1)
    step = {"nearest": round, "down": math.floor, "up": math.ceil}[rounding]
    # The quotient carries float noise (0.19 / 0.01 is 18.999…): the round to 9
    # decimals keeps a value already on a unit where it is.
    return float(f"{step(round(x / unit, 9)) * unit:.{digits + 2}g}")


def within(name: str, value: float, low: float, high: float, why: str) -> float:
    """``value``, checked to lie strictly between ``low`` and ``high``; else a
    :class:`DataError` in one line naming the choice ``name``, its value, the
    range and ``why`` it must lie there.

    >>> within("RATE_1D", 0.05, 0.0, 0.1098, "below 1/L the ball walks")
    0.05
    >>> within("RATE_1D", 0.3, 0.0, 0.1098, "below 1/L the ball walks")
    Traceback (most recent call last):
    ...
    gdlesson.derived.DataError: RATE_1D = 0.3 must lie between 0 and 0.1098 (below 1/L ...
    """
    if not low < value < high:
        raise DataError(
            f"{name} = {value:g} must lie between {low:.4g} and {high:.4g} ({why}):"
            " change it in gdlesson/choices.py; python -m gdlesson explain prints the data's limits"
        )
    return value
