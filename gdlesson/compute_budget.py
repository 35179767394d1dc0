"""Why brute force cannot work: 1,000²⁵ combinations against the fastest computers.

Every count here is an exact integer or fraction; rounding happens only when a
number is formatted for the page. Counts and speeds may be integers of any size,
fractions or finite floats (NumPy's too): the results stay exact. Two bounds
keep the time sane: :func:`combinations` below 10^:data:`MAX_COMBINATION_DIGITS`,
and at most :data:`MAX_SHOWN_DIGITS` significant digits when formatting.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal, localcontext
from fractions import Fraction

from gdlesson._checks import integer_at_least, positive_exact, shown

PETA = 10**15
EXA = 10**18
#: The lecture's speed of Sunway TaihuLight: 93 PFLOPS.
LECTURE_FLOPS = 93 * PETA
SECONDS_PER_DAY = 24 * 60 * 60
#: A 365-day year, the lecture's.
SECONDS_PER_YEAR = 365 * SECONDS_PER_DAY
#: A Julian year of 365.25 days, the astronomers'.
SECONDS_PER_JULIAN_YEAR = 36525 * SECONDS_PER_DAY // 100
#: Age of the universe in years (Planck collaboration 2018): 13.8 × 10⁹.
AGE_OF_UNIVERSE_YEARS = 138 * 10**8
#: combinations() stays below 10 to this power (the lecture's is 10⁷⁵).
MAX_COMBINATION_DIGITS = 10_000
#: The most significant digits scientific() shows.
MAX_SHOWN_DIGITS = 100


@dataclass(frozen=True)
class Machine:
    """A supercomputer that topped the TOP500 list, with its measured speed (Rmax)."""

    name: str
    first_top: str
    rmax_flops: int
    source: str


#: The #1 machines since the lecture, each at its Rmax on the list where it first led.
MACHINES = (
    Machine(
        "Sunway TaihuLight",
        "June 2016",
        93_010 * 10**12,
        "https://www.top500.org/lists/top500/2016/06/",
    ),
    Machine(
        "Summit", "June 2018", 122_300 * 10**12, "https://www.top500.org/lists/top500/2018/06/"
    ),
    Machine(
        "Fugaku", "June 2020", 415_500 * 10**12, "https://www.top500.org/lists/top500/2020/06/"
    ),
    Machine(
        "Frontier", "June 2022", 1_102 * 10**15, "https://www.top500.org/lists/top500/2022/06/"
    ),
    Machine(
        "El Capitan",
        "November 2024",
        1_742 * 10**15,
        "https://www.top500.org/lists/top500/2024/11/",
    ),
)

#: The leader on the latest list this lesson quotes, at its speed there.
LATEST = Machine(
    "El Capitan", "November 2025", 1_809 * 10**15, "https://www.top500.org/lists/top500/2025/11/"
)


def combinations(candidates: int = 1_000, weights: int = 25) -> int:
    """How many weight settings brute force must try: candidates ** weights.

    >>> combinations(1_000, 25) == 10**75
    True
    """
    candidates = integer_at_least("candidates", candidates, 1)
    weights = integer_at_least("weights", weights, 1)
    # The digits of the result, weights × log10(candidates), compared as logarithms:
    # weights may be too large for a float.
    digits = math.log10(weights) + math.log10(math.log10(candidates)) if candidates > 1 else -1
    if digits >= math.log10(MAX_COMBINATION_DIGITS):
        raise ValueError(
            f"candidates ** weights must stay below 10^{MAX_COMBINATION_DIGITS}, "
            f"got candidates={shown(candidates)} and weights={weights}"
        )
    return candidates**weights


def seconds_needed(count: int, flops) -> Fraction:
    """Seconds to try ``count`` combinations at one per floating-point operation.

    >>> float(seconds_needed(10**75, LECTURE_FLOPS))
    1.0752688172043011e+58
    """
    count = integer_at_least("count", count, 1)
    return Fraction(count) / positive_exact("flops", flops)


def years_needed(count: int, flops, seconds_per_year: int = SECONDS_PER_YEAR) -> Fraction:
    """Years to try ``count`` combinations at ``flops`` (365-day years by default).

    >>> scientific(years_needed(10**75, LECTURE_FLOPS), 3)
    '3.41 \\\\times 10^{50}'
    """
    seconds_per_year = integer_at_least("seconds_per_year", seconds_per_year, 1)
    return seconds_needed(count, flops) / seconds_per_year


def lecture_years(count: int = 10**75, flops: int = LECTURE_FLOPS) -> Fraction:
    """The lecture's route: round the seconds to 3 digits first, then divide.

    That early rounding (1.0753 → 1.08) is why the slide says 3.42 × 10⁵⁰.

    >>> scientific(lecture_years(), 3)
    '3.42 \\\\times 10^{50}'
    """
    mantissa, exponent = _split(seconds_needed(count, flops), 3)
    return Fraction(Decimal(mantissa)) * Fraction(10) ** exponent / SECONDS_PER_YEAR


def speed(flops: int) -> str:
    """A machine's speed in PFLOPS, or EFLOPS from 10¹⁸ on.

    >>> speed(93_010 * 10**12), speed(1_742 * 10**15), speed(1.5e16)
    ('93.01 PFLOPS', '1.742 EFLOPS', '15 PFLOPS')
    """
    flops = positive_exact("flops", flops)
    unit, scale = ("EFLOPS", EXA) if flops >= EXA else ("PFLOPS", PETA)
    with localcontext() as ctx:
        ctx.prec = 28
        value = Decimal(flops.numerator) / Decimal(flops.denominator * scale)
    return f"{value.normalize():f} {unit}"


def _split(x: Fraction, digits: int) -> tuple[str, int]:
    """``x`` rounded to ``digits`` significant digits, as (mantissa, exponent)."""
    digits = integer_at_least("digits", digits, 1, MAX_SHOWN_DIGITS)
    x = positive_exact("x", x)
    with localcontext() as ctx:
        ctx.prec = digits + 30
        mantissa, exponent = (
            f"{Decimal(x.numerator) / Decimal(x.denominator):.{digits - 1}e}".split("e")
        )
    return mantissa, int(exponent)


def scientific(x, digits: int) -> str:
    """``x`` in TeX scientific notation with ``digits`` significant digits.

    >>> scientific(Fraction(10**75, 93 * 10**15), 5)
    '1.0753 \\\\times 10^{58}'
    >>> scientific(42, 2)
    '42'
    """
    mantissa, exponent = _split(x, digits)
    if 0 <= exponent < digits:
        return f"{Decimal(mantissa).scaleb(exponent):f}"
    return f"{mantissa} \\times 10^{{{exponent}}}"
