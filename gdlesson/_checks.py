"""Argument checks shared by the public functions: each names the parameter.

A number is an ``int``, ``float``, ``Fraction`` or NumPy number, never a string
(not even ``"0.5"``), a boolean, ``None`` or a complex number: the same rule for
every parameter of every function.
"""

from __future__ import annotations

import math
import numbers
from fractions import Fraction

import numpy as np


class Overflow(ValueError):
    """A result too large for a float: raised, naming the parameter that led there,
    instead of returning inf or NaN."""


def shown(value) -> str:
    """``repr(value)`` for a message, cut short (a huge integer included).

    >>> shown(0.5), shown(10**400)
    ('0.5', '100000000000000000000000000000000000000000000000000000000...')
    """
    try:
        text = repr(value)
    except ValueError:  # an integer beyond Python's digit limit for str()
        text = f"a {type(value).__name__} too long to show"
    text = " ".join(text.split())  # one line, even for an array
    return text if len(text) <= 60 else text[:57] + "..."


def is_number(value) -> bool:
    """Whether ``value`` is a real number in the sense above.

    >>> is_number(0.5), is_number(np.float32(2)), is_number("0.5"), is_number(True)
    (True, True, False, False)
    """
    return isinstance(value, numbers.Real) and not isinstance(value, bool)


def finite(name: str, value) -> float:
    """Return ``value`` as a float, or raise if it is not a finite real number.

    >>> finite("w", 10**400)
    Traceback (most recent call last):
    ...
    ValueError: w must be a finite number, got 1000000000...
    """
    if is_number(value):
        try:
            result = float(value)
        except OverflowError:  # an int or Fraction beyond the largest float
            result = math.inf
        if math.isfinite(result):
            return result
    raise ValueError(f"{name} must be a finite number, got {shown(value)}")


def positive_finite(name: str, value) -> float:
    """Return ``value`` as a float, or raise if it is not a positive finite number.

    >>> positive_finite("learning_rate", "0.1")
    Traceback (most recent call last):
    ...
    ValueError: learning_rate must be a positive finite number, got '0.1'
    """
    if is_number(value) and value > 0:
        try:
            return finite(name, value)
        except ValueError:
            pass
    raise ValueError(f"{name} must be a positive finite number, got {shown(value)}")


def positive_exact(name: str, value) -> Fraction:
    """Return ``value`` exactly as a Fraction, or raise if it is not a positive real
    number (integers and fractions of any size; floats finite).

    >>> positive_exact("flops", np.float32(0.5)), positive_exact("flops", 10**400) == 10**400
    (Fraction(1, 2), True)
    """
    if is_number(value):
        if isinstance(value, numbers.Rational):  # ints of any size, Fractions: exact
            exact = Fraction(int(value.numerator), int(value.denominator))
        else:  # floats, NumPy floats: exact too, once finite
            exact = Fraction(float(value)) if math.isfinite(value) else Fraction(0)
        if exact > 0:
            return exact
    raise ValueError(f"{name} must be a positive finite number, got {shown(value)}")


def items(name: str, value, size: int | None = None) -> list:
    """``value``'s items (a list, tuple or 1-d array; ``size`` of them if given), or
    raise naming ``name``: a number, a string, a mapping or a set is not a sequence here.

    >>> items("rates", 0.1)
    Traceback (most recent call last):
    ...
    ValueError: rates must be a sequence, got 0.1
    """
    if isinstance(value, np.ndarray) and value.ndim == 1:
        value = value.tolist()
    if not isinstance(value, list | tuple):
        raise ValueError(f"{name} must be a sequence, got {shown(value)}")
    if size is not None and len(value) != size:
        raise ValueError(f"{name} must hold {size} items, got {shown(value)}")
    return list(value)


def integer_at_least(name: str, value, minimum: int, maximum: int | None = None) -> int:
    """Return ``value``, or raise if it is not an integer from ``minimum`` to ``maximum``.

    >>> integer_at_least("max_steps", 10**7, 1, 10**6)
    Traceback (most recent call last):
    ...
    ValueError: max_steps must be an integer from 1 to 1000000, got 10000000
    """
    wanted = f"at least {minimum}" if maximum is None else f"from {minimum} to {maximum}"
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise ValueError(f"{name} must be an integer {wanted}, got {shown(value)}")
    if value < minimum or (maximum is not None and value > maximum):
        raise ValueError(f"{name} must be an integer {wanted}, got {shown(value)}")
    return int(value)


def number_array(name: str, value) -> np.ndarray:
    """``value`` (a number, or nested sequences of numbers, or an array) as a float array
    of finite numbers, or raise naming ``name``.

    >>> number_array("inputs", [[1, 2.5]])
    array([[1. , 2.5]])
    """
    if isinstance(value, np.ndarray) and value.dtype.kind in "iuf":
        array = value  # the fast way, taken at every step of a descent
    else:
        try:
            array = np.asarray(value)
        except (TypeError, ValueError, OverflowError):  # ragged, or not array-like
            raise ValueError(f"{name} must be numbers, got {shown(value)}") from None
        if array.dtype.kind == "O":  # Python ints beyond int64, Fractions, or mixed
            array = np.array([finite(name, item) for item in array.reshape(-1)]).reshape(
                array.shape
            )
        elif array.dtype.kind not in "iuf":  # strings, booleans, complex numbers, ...
            raise ValueError(f"{name} must be numbers, got {shown(value)}")
    with np.errstate(over="ignore"):
        array = array.astype(float)
    if not np.isfinite(array).all():
        raise ValueError(f"{name} must be finite, got {shown(value)}")
    return array


def finite_vector(name: str, value, size: int) -> np.ndarray:
    """Return ``value`` as a float vector of ``size`` finite entries, or raise.

    >>> finite_vector("start", "0.5", 1)
    Traceback (most recent call last):
    ...
    ValueError: start must be numbers, got '0.5'
    """
    # The fast way, taken at every step of a descent: a float vector of the right size.
    fast = isinstance(value, np.ndarray) and value.dtype == np.float64 and value.shape == (size,)
    if fast and np.isfinite(value).all():
        return value.copy()
    vector = number_array(name, value).reshape(-1)
    if vector.size != size:
        raise ValueError(f"{name} must have {size} value(s), one per weight, got {vector.size}")
    return vector


def bounded_table(name: str, value, columns: int | None, limit: float) -> np.ndarray:
    """``value`` as a non-empty 2-D float array (with ``columns`` columns, if given) whose
    entries lie within ±``limit``, read-only; or raise naming ``name``."""
    table = number_array(name, value)
    if table.ndim != 2 or 0 in table.shape or (columns and table.shape[1] != columns):
        wanted = f"{columns} column(s)" if columns else "at least one column"
        raise ValueError(f"{name} must be a non-empty table of rows of {wanted}, got {table.shape}")
    return read_only_within(name, table, limit)


def rows_and_targets(inputs, targets, columns: int | None, limit: float):
    """``(inputs, targets)`` checked as :func:`bounded_table` and one target per
    row, each within ±``limit``, read-only; or raise naming the parameter."""
    x = bounded_table("inputs", inputs, columns, limit)
    y = number_array("targets", targets)
    if y.shape != (x.shape[0],):
        raise ValueError(
            f"targets must have one value per row of inputs ({x.shape[0]}), got shape {y.shape}"
        )
    return x, read_only_within("targets", y, limit)


def read_only_within(name: str, array: np.ndarray, limit: float) -> np.ndarray:
    """``array``, read-only, if its entries lie within ±``limit``; else raise naming ``name``."""
    if np.abs(array).max(initial=0.0) > limit:
        raise ValueError(f"{name} must lie within ±{limit:g}, got {shown(array.tolist())}")
    array = array.copy()
    array.setflags(write=False)
    return array


def finite_result(name: str, value, result):
    """``result`` if all of it is finite; else :class:`Overflow` naming ``name``."""
    if np.isfinite(result).all():
        return result
    raise Overflow(f"{name}={shown(value)} is too large: the result overflows a float")
