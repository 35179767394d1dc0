"""What the fact modules share: the lesson's count of combinations, and the ways
a number is written in TeX and in the pages' Markdown tables."""

from __future__ import annotations

import math


def digit_facts(name: str, n: int) -> dict[str, str]:
    """What the pages' code prints of a count ``n``: its number of digits, the
    power of ten it starts at, and whether it is that power.

    >>> digit_facts("combinations", 10**75)
    {'combinations_exponent': '75', 'combinations_is_power': 'True', 'combinations_digits': '76'}
    """
    digits = len(str(n))
    return {
        f"{name}_exponent": str(digits - 1),
        f"{name}_is_power": str(n == 10 ** (digits - 1)),
        f"{name}_digits": str(digits),
    }


def tex_power(x) -> str:
    """A power of ten in TeX, from an integer or a float.

    >>> tex_power(10**75), tex_power(1e-06)
    ('10^{75}', '10^{-6}')
    >>> tex_power(2e3)
    Traceback (most recent call last):
    ...
    ValueError: x must be a power of ten, got 2000.0
    """
    exponent = round(math.log10(x))
    if not math.isclose(x, 10.0**exponent, rel_tol=1e-12):
        raise ValueError(f"x must be a power of ten, got {x!r}")
    return f"10^{{{exponent}}}"


def tex_count(n: int) -> str:
    """An integer with thousands separators that TeX keeps tight.

    >>> tex_count(3840)
    '3{,}840'
    """
    return f"{n:,}".replace(",", "{,}")


def markdown_table(header, rows) -> str:
    """A Markdown table: a row of ``header`` cells, the rule, then each of ``rows``.

    >>> print(markdown_table(["rate", "steps"], [["0.1", "7"]]))
    | rate | steps |
    |---|---|
    | 0.1 | 7 |
    """
    rule = "|" + "---|" * len(header)
    return "\n".join([_row(header), rule, *(_row(cells) for cells in rows)])


def _row(cells) -> str:
    return "| " + " | ".join(cells) + " |"
