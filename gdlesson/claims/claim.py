"""A claim of a page, and how it is checked.

A sentence such as "this rate zig-zags" or "brute force is within one grid
step" is true only for some data and rates. A :class:`Claim` names its page,
says what it claims, and has a check that recomputes it from gdlesson: the
check returns whether the claim holds, or raises ``AssertionError`` saying what
is false (:func:`require`, or NumPy's ``np.testing``); a check that returns
nothing holds unless it raised. Each part of the lesson declares its claims
with :func:`register`, the sentence above its check.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from gdlesson.derived import DataError


@dataclass(frozen=True)
class Claim:
    """A sentence of a page, and a check that holds exactly when it is true.

    A ``slow`` claim is checked by the tests only, not by every build.
    """

    page: str
    says: str
    check: Callable[[], bool | None]
    slow: bool = False


def register(claims: list[Claim], page: str, says: str, *, slow: bool = False):
    """A decorator: the function it decorates checks that ``page`` says what is
    true, ``says``; the claim is added to ``claims``.

    >>> claims = []
    >>> @register(claims, "recap.md", "one is below two")
    ... def one_below_two():
    ...     return 1 < 2
    >>> claims[0].says, claims[0].check()
    ('one is below two', True)
    """

    def add(check: Callable[[], bool | None]) -> Callable[[], bool | None]:
        claims.append(Claim(page, says, check, slow))
        return check

    return add


def require(condition, message: str) -> None:
    """Raise ``AssertionError`` with ``message`` unless ``condition`` holds.

    Unlike ``assert``, it checks under ``python -O`` too.

    >>> require(1 < 2, "one is below two")
    >>> require(2 < 1, "two is below one")
    Traceback (most recent call last):
    ...
    AssertionError: two is below one
    """
    if not condition:
        raise AssertionError(message)


def failure(claim: Claim) -> str | None:
    """What is false of ``claim``, named by its page, or ``None`` if it holds.

    >>> failure(Claim("recap.md", "two is below one", lambda: 2 < 1))
    'recap.md: two is below one'
    >>> print(failure(Claim("recap.md", "one is below two", lambda: 1 < 2)))
    None
    """
    name = f"{claim.page}: {claim.says}"
    try:
        holds = claim.check()
    except AssertionError as error:
        return f"{name} ({error})" if str(error) else name
    except Exception as error:  # noqa: BLE001 - other data can leave a check nothing to compute
        return f"{name} (cannot be computed with these data: {type(error).__name__} {error})"
    return name if holds is not None and not holds else None


def false_claims(claims) -> list[str]:
    """What is false of each of ``claims``, one line each, named by its page."""
    return [message for message in map(failure, claims) if message is not None]


def check_all(claims) -> None:
    """Raise :class:`~gdlesson.derived.DataError` (a ``ValueError``) naming each of
    ``claims`` that the computed values make false, one line each."""
    false = false_claims(claims)
    if false:
        raise DataError("claims the computation makes false:\n  " + "\n  ".join(false))
