"""Numbers written as plain text, as the figures and the prose show them.

Unicode, not TeX: ``10⁷⁵``, ``3.41×10⁵⁰``, ``−0.515``, ``1,000``. (The TeX that
sits inside the pages' math comes from :func:`gdlesson.compute_budget.scientific`.)
"""

from __future__ import annotations

import math
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal, localcontext

from gdlesson._checks import finite, integer_at_least

_SUPERSCRIPTS = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


def count(n: int) -> str:
    """An integer with thousands separators.

    >>> count(1331), count(25)
    ('1,331', '25')
    """
    return f"{n:,}"


_WORDS = "zero one two three four five six seven eight nine ten eleven twelve".split()  # noqa: SIM905 - a line of prose


def in_words(n: int) -> str:
    """A count as prose writes it: a word up to twelve, digits above.

    >>> in_words(6), in_words(12), in_words(50), in_words(1000)
    ('six', 'twelve', '50', '1,000')
    """
    return _WORDS[n] if 0 <= n < len(_WORDS) else count(n)


def listed(values) -> str:
    """``values`` as prose lists them.

    >>> listed([1, 2, 3]), listed(["a"])
    ('1, 2 and 3', 'a')
    """
    *first, last = map(str, values)
    return f"{', '.join(first)} and {last}" if first else last


def power_of_ten(exponent: int) -> str:
    """10 to an integer power, written with superscripts.

    >>> power_of_ten(75), power_of_ten(-3)
    ('10⁷⁵', '10⁻³')
    """
    return "10" + str(int(exponent)).translate(_SUPERSCRIPTS)


def scientific_text(x, digits: int = 3) -> str:
    """``x`` to ``digits`` significant digits, as plain text: 3.41×10⁵⁰.

    Numbers from 1 to 9,999 are written out in full.

    >>> scientific_text(3.4095e50), scientific_text(1.38e10), scientific_text(1331, 4)
    ('3.41×10⁵⁰', '1.38×10¹⁰', '1,331')
    """
    x = float(x)
    if 1 <= x < 10_000 and digits >= len(str(int(x))):
        return f"{round(x):,}"
    mantissa, exponent = f"{x:.{digits - 1}e}".split("e")
    return f"{mantissa}×{power_of_ten(int(exponent))}"


def signed(x: float, spec: str) -> str:
    """``x`` formatted with ``spec``, with a true minus sign as on the figures' axes.

    >>> signed(-0.515, ".3f")
    '−0.515'
    """
    return format(float(x), spec).replace("-", "−")


def rounded_up(x: float, decimals: int) -> str:
    """``x`` rounded up to ``decimals`` places: a bound that ``x`` stays below,
    for "from 3.85 on". Rounded from the shortest decimal that reads back as
    ``x`` (``repr``), so no float artefact such as 1.12 · 100 = 112.00000000000001
    tips it over.

    >>> rounded_up(3.8408, 2), rounded_up(1.12, 2), rounded_up(-0.514, 2)
    ('3.85', '1.12', '-0.51')
    >>> rounded_up(float("inf"), 2)
    Traceback (most recent call last):
    ...
    ValueError: x must be a finite number, got inf
    """
    return _rounded(x, decimals, ROUND_CEILING)


def rounded_down(x: float, decimals: int) -> str:
    """``x`` rounded down to ``decimals`` places: a bound that ``x`` stays above,
    for "no two are closer than 1.11".

    >>> rounded_down(1.1126, 2), rounded_down(0.29, 2)
    ('1.11', '0.29')
    """
    return _rounded(x, decimals, ROUND_FLOOR)


def _rounded(x, decimals, rounding: str) -> str:
    x, decimals = finite("x", x), integer_at_least("decimals", decimals, 0, 17)
    with localcontext(prec=330):  # every digit of the largest float, and 17 decimals
        bound = Decimal(repr(x)).quantize(Decimal(1).scaleb(-decimals), rounding)
    return format(abs(bound) if bound == 0 else bound, "f")  # 0.00, never -0.00


# --- TeX, and the pages' Markdown tables ----------------------------------------------


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


def tex_number(x) -> str:
    """A whole number or a power of ten in TeX.

    >>> tex_number(3840), tex_number(1e-06)
    ('3{,}840', '10^{-6}')
    """
    return tex_count(x) if isinstance(x, int) else tex_power(x)


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
