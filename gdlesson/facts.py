"""Every number the lesson's prose quotes, computed.

Pages write ``{{ name }}`` and the site fills in ``facts()[name]``, written as
the placeholder says (:func:`gdlesson.placeholders.formatted`); so the text
cannot drift from the code. A number is one fact, whatever the spellings the
pages need (``{{ steps_1d }}`` in code, ``{{ steps_1d:, }}`` in prose); text
that sits inside math is TeX. Each page's module (:mod:`gdlesson.pages`) gives
the numbers it introduces, its ``facts()``; any page may quote any of them.
"""

from __future__ import annotations

import traceback
from functools import cache

from gdlesson.derived import DataError
from gdlesson.pages import modules
from gdlesson.placeholders import Fact


@cache
def facts() -> dict[str, Fact]:
    """The lesson's numbers by name, as the pages print them.

    >>> facts()["weights"], facts()["combinations"]
    ('25', '10^{75}')
    """
    values: dict[str, Fact] = {}
    for part in modules():
        if not hasattr(part, "facts"):
            continue
        try:
            found = part.facts()
        except DataError:
            raise
        except Exception as error:  # noqa: BLE001 - said in one line: it is the data's
            raise DataError(_cannot_compute(part.__name__, error)) from error
        twice = sorted(values.keys() & found.keys())
        if twice:
            raise RuntimeError(f"{part.__name__} defines facts already defined: {twice}")
        values |= found
    return values


def _cannot_compute(part: str, error: Exception) -> str:
    """Why the facts of ``part`` cannot be computed, for an instructor: the claims of
    the pages that the data make false, each named by its page (what to change), then
    where the computation stopped."""
    from gdlesson.claim import false_claims
    from gdlesson.claims import ALL_CLAIMS  # the claims quote facts: imported when needed

    frames = [f for f in traceback.extract_tb(error.__traceback__) if "gdlesson" in f.filename]
    where = f" in {frames[-1].name}" if frames else ""
    false = false_claims([claim for claim in ALL_CLAIMS if not claim.slow])
    stopped = f"{part} cannot be computed with these data ({type(error).__name__}{where}: {error})"
    if not false:
        return stopped
    return "claims the computation makes false:\n  " + "\n  ".join([*false, stopped])
