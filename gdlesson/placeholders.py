r"""``{{ name }}`` placeholders: how pages and the notebook take gdlesson's numbers.

A page or a notebook cell writes ``{{ name }}`` where a computed value goes,
``{{ figure name }}`` where a figure goes, and ``{{ code name }}`` where the
reader's code of ``gdlesson/reader/name.py`` goes (code that stands in more than
one place, written once there); :func:`fill_placeholders` puts them in. A number
is one fact, written as the placeholder says: ``{{ steps_1d }}`` as Python
prints it, ``{{ steps_1d:, }}`` with thousands separators, ``{{ rate:.3f }}``,
``{{ tolerance:tex }}`` in TeX (:func:`formatted`). To show two literal braces,
as in an f-string ``f"\{{w}}"``, write ``\{{``: the backslash is dropped and the
braces stay.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from gdlesson.numbers import tex_number

#: The reader's code that pages and the workbook include: ``{{ code name }}``.
READER = Path(__file__).parent / "reader"

#: A fact: text as the page shows it, or a number (or a list of numbers) that the
#: placeholder formats.
Fact = str | int | float | list

_PLACEHOLDER = re.compile(r"\\\{\{|\{\{\s*(?:(figure|code)\s+)?([\w-]+)(?::([^\s}]+))?\s*\}\}")


def formatted(value: Fact, spec: str = "") -> str:
    """A fact as a page writes it: ``spec`` is a Python format spec, applied to
    each number of a list (which it then writes as a point), or ``tex``; a text
    fact is written as it is.

    >>> formatted(1000), formatted(1000, ","), formatted(1000, "tex"), formatted(0.5)
    ('1000', '1,000', '1{,}000', '0.5')
    >>> formatted([0.2, 1.6]), formatted([0.2, 1.6], "g"), formatted(1e-06, "tex")
    ('[0.2, 1.6]', '(0.2, 1.6)', '10^{-6}')
    """
    if isinstance(value, str):
        if spec:
            raise ValueError(f"a text fact takes no format, got :{spec}")
        return value
    if spec == "tex":
        return tex_number(value)
    if isinstance(value, list) and spec:
        return "(" + ", ".join(format(v, spec) for v in value) + ")"
    return format(value, spec) if spec else str(value)


def fill_placeholders(
    text: str, facts: Mapping[str, Fact], figures: Mapping[str, str] | None = None
) -> str:
    r"""Replace each ``{{ name }}`` with ``facts[name]``, ``{{ figure name }}`` with
    ``figures[name]`` and ``{{ code name }}`` with the reader's code of that name,
    itself filled; an unknown name raises, so a typo fails the build.

    >>> fill_placeholders("w = {{ w }}", {"w": "2.0"})
    'w = 2.0'
    >>> print(fill_placeholders(r'f"\{{w}}" gives {{ w }}', {"w": "2.0"}))
    f"{{w}}" gives 2.0
    >>> fill_placeholders("{{ n }} steps, {{ n:, }} written out", {"n": 1234})
    '1234 steps, 1,234 written out'
    >>> fill_placeholders("{{ nope }}", {})
    Traceback (most recent call last):
    ...
    ValueError: unknown placeholder {{ nope }}
    >>> data = {"area_list": "[1.0]", "price_list": "[2.0]"}
    >>> fill_placeholders("{{ code one_weight }}", data).splitlines()[2]
    'area = np.array([1.0])'
    """

    def replace(match: re.Match) -> str:
        kind, name, spec = match.groups()
        if name is None:
            return "{{"
        if kind == "code":
            code = READER / f"{name}.py"
            if not code.is_file():
                raise ValueError(f"unknown placeholder {match[0]}: no gdlesson/reader/{code.name}")
            return fill_placeholders(code.read_text(encoding="utf-8").rstrip("\n"), facts, figures)
        known = (figures or {}) if kind == "figure" else facts
        if name not in known:
            raise ValueError(f"unknown placeholder {match[0]}")
        try:
            return formatted(known[name], spec or "")
        except (ValueError, TypeError) as error:
            raise ValueError(f"placeholder {match[0]}: {error}") from None

    return _PLACEHOLDER.sub(replace, text)
