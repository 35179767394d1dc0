r"""``{{ name }}`` placeholders: how pages and the notebook take gdlesson's numbers.

A page or a notebook cell writes ``{{ name }}`` where a computed value goes,
``{{ figure name }}`` where a figure goes, and ``{{ code name }}`` where the
reader's code of ``gdlesson/reader/name.py`` goes (code that stands in more than
one place, written once there); :func:`fill_placeholders` puts them in. To show
two literal braces, as in an f-string ``f"\{{w}}"``, write ``\{{``: the backslash
is dropped and the braces stay.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

#: The reader's code that pages and the workbook include: ``{{ code name }}``.
READER = Path(__file__).parent / "reader"

_PLACEHOLDER = re.compile(r"\\\{\{|\{\{\s*(?:(figure|code)\s+)?([\w-]+)\s*\}\}")


def fill_placeholders(
    text: str, facts: Mapping[str, str], figures: Mapping[str, str] | None = None
) -> str:
    r"""Replace each ``{{ name }}`` with ``facts[name]``, ``{{ figure name }}`` with
    ``figures[name]`` and ``{{ code name }}`` with the reader's code of that name,
    itself filled; an unknown name raises, so a typo fails the build.

    >>> fill_placeholders("w = {{ w }}", {"w": "2.0"})
    'w = 2.0'
    >>> print(fill_placeholders(r'f"\{{w}}" gives {{ w }}', {"w": "2.0"}))
    f"{{w}}" gives 2.0
    >>> fill_placeholders("{{ nope }}", {})
    Traceback (most recent call last):
    ...
    ValueError: unknown placeholder {{ nope }}
    >>> data = {"area_list": "[1.0]", "price_list": "[2.0]"}
    >>> fill_placeholders("{{ code one_weight }}", data).splitlines()[2]
    'area = np.array([1.0])'
    """

    def replace(match: re.Match) -> str:
        kind, name = match.groups()
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
        return known[name]

    return _PLACEHOLDER.sub(replace, text)
