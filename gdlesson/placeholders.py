r"""``{{ name }}`` placeholders: how pages and the notebook take gdlesson's numbers.

A page or a notebook cell writes ``{{ name }}`` where a computed value goes, and
``{{ figure name }}`` where a figure goes; :func:`fill_placeholders` puts them
in. To show two literal braces, as in an f-string ``f"\{{w}}"``, write ``\{{``:
the backslash is dropped and the braces stay.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

_PLACEHOLDER = re.compile(r"\\\{\{|\{\{\s*(figure\s+)?([\w-]+)\s*\}\}")


def fill_placeholders(
    text: str, facts: Mapping[str, str], figures: Mapping[str, str] | None = None
) -> str:
    r"""Replace each ``{{ name }}`` with ``facts[name]`` and ``{{ figure name }}`` with
    ``figures[name]``; an unknown name raises, so a typo fails the build.

    >>> fill_placeholders("w = {{ w }}", {"w": "2.0"})
    'w = 2.0'
    >>> print(fill_placeholders(r'f"\{{w}}" gives {{ w }}', {"w": "2.0"}))
    f"{{w}}" gives 2.0
    >>> fill_placeholders("{{ nope }}", {})
    Traceback (most recent call last):
    ...
    ValueError: unknown placeholder {{ nope }}
    """

    def replace(match: re.Match) -> str:
        is_figure, name = match.groups()
        known = (figures or {}) if is_figure else facts
        if name is None:
            return "{{"
        if name not in known:
            raise ValueError(f"unknown placeholder {match[0]}")
        return known[name]

    return _PLACEHOLDER.sub(replace, text)
