"""Argument checks shared by the public functions: each names the parameter."""

from __future__ import annotations

import math
import numbers

import numpy as np


def positive_finite(name: str, value) -> float:
    """Return ``value`` as a float, or raise if it is not a positive finite number."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise ValueError(f"{name} must be a positive finite number, got {value!r}")
    if not (math.isfinite(value) and value > 0):
        raise ValueError(f"{name} must be a positive finite number, got {value!r}")
    return float(value)


def finite(name: str, value) -> float:
    """Return ``value`` as a float, or raise if it is not a finite real number."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise ValueError(f"{name} must be a finite number, got {value!r}")
    if not math.isfinite(value):
        raise ValueError(f"{name} must be a finite number, got {value!r}")
    return float(value)


def integer_at_least(name: str, value, minimum: int) -> int:
    """Return ``value``, or raise if it is not an integer ≥ ``minimum``."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise ValueError(f"{name} must be an integer of at least {minimum}, got {value!r}")
    if value < minimum:
        raise ValueError(f"{name} must be an integer of at least {minimum}, got {value!r}")
    return int(value)


def finite_vector(name: str, value, size: int) -> np.ndarray:
    """Return ``value`` as a float vector of ``size`` finite entries, or raise."""
    try:
        vector = np.array(value, dtype=float).reshape(-1)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be {size} finite number(s), got {value!r}") from None
    if vector.size != size:
        raise ValueError(f"{name} must have {size} value(s), one per weight, got {vector.size}")
    if not np.all(np.isfinite(vector)):
        raise ValueError(f"{name} must be finite, got {value!r}")
    return vector
