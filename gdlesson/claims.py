"""What the pages claim, checked from computed values.

Each page's sentences such as "this rate zig-zags" are :class:`Claim` s,
declared in the page's module (:mod:`gdlesson.pages`, its ``CLAIMS``); the
premises of the exercises' questions are :data:`EXERCISE_CLAIMS` (each page's
``EXERCISE_CLAIMS``). The build fails on a false
claim (:func:`check_claims`, called when the manifest is made), and the tests
run each claim on its own, so an edit of the data or a rate that makes a
sentence false is caught, named by its page, and one that keeps every sentence
true passes.

>>> [c.page for c in CLAIMS][:2]
['recap.md', 'brute-force.md']
"""

from __future__ import annotations

from gdlesson.claim import Claim, check_all, failure
from gdlesson.pages import modules

__all__ = ["ALL_CLAIMS", "CLAIMS", "EXERCISE_CLAIMS", "Claim", "check_claims", "failure"]

#: What the pages say, page by page in the nav's order.
CLAIMS = tuple(claim for page in modules() for claim in getattr(page, "CLAIMS", ()))
#: The premises of the exercises' questions.
EXERCISE_CLAIMS = tuple(
    claim for page in modules() for claim in getattr(page, "EXERCISE_CLAIMS", ())
)
#: Every claim: the pages' and the exercises'.
ALL_CLAIMS = CLAIMS + EXERCISE_CLAIMS


def check_claims(claims=None) -> None:
    """Raise ``ValueError`` naming each claim that the computed values make false.

    By default every claim but the slow ones, which the tests check.
    """
    check_all([c for c in ALL_CLAIMS if not c.slow] if claims is None else claims)


def claims_report() -> str:
    """What the build records once every claim holds: how many were checked.

    A false claim raises, naming its page (:func:`check_claims`).
    """
    check_claims()
    return f"{sum(not c.slow for c in ALL_CLAIMS)} claims of the pages hold\n"
