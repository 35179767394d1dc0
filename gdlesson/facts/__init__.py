"""Every number the lesson's prose quotes, computed, formatted for the page.

Pages write ``{{ name }}`` and the site fills in ``facts()[name]``; so the
text cannot drift from the code. Values that sit inside math are TeX. One
module per part of the lesson gives its facts; :mod:`gdlesson.facts.common`
holds what they share.
"""

from __future__ import annotations

from functools import cache

from gdlesson.facts import (
    choosing,
    code,
    descent,
    exercises,
    momentum,
    network,
    search,
    sgd,
    two_weights,
    valleys,
)

#: The parts of the lesson, each with its facts.
PARTS = (search, descent, two_weights, choosing, network, valleys, momentum, sgd, code, exercises)


@cache
def facts() -> dict[str, str]:
    """The lesson's numbers by name, as the pages print them.

    >>> facts()["weights"], facts()["combinations"]
    ('25', '10^{75}')
    """
    values: dict[str, str] = {}
    for part in PARTS:
        found = part.facts()
        twice = sorted(values.keys() & found.keys())
        if twice:
            raise RuntimeError(f"{part.__name__} defines facts already defined: {twice}")
        values |= found
    return values
