"""A claim of a page, and how it is checked.

A sentence such as "this rate zig-zags" or "brute force is within one grid
step" is true only for some data and rates. A :class:`Claim` names its page,
says what it claims, and has a check that recomputes it from gdlesson: the
check returns whether the claim holds, or raises ``AssertionError`` saying what
is false (:func:`require`, or NumPy's ``np.testing``); a check that returns
nothing holds unless it raised. Each page's module (:mod:`gdlesson.pages`)
declares its claims with :func:`register`, the sentence above its check. The
end of this module holds what the checks of several pages look at.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from gdlesson import rates, valleys
from gdlesson.costs import one_weight_cost, two_weight_cost
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


# --- what the checks of several pages look at ----------------------------------------


def curvature_1d() -> float:
    """L of the one-weight cost."""
    return one_weight_cost().curvature()


def w_star_1d() -> float:
    """The one-weight cost's minimum."""
    return float(one_weight_cost().minimum()[0])


def lambdas() -> tuple[float, float]:
    """λ_min and λ_max of the two-weight cost."""
    low, high = two_weight_cost().curvatures()
    return float(low), float(high)


def crossings_1d(run) -> int:
    """How many times a one-weight descent jumps past the minimum."""
    return rates.crossings(run, one_weight_cost())


def crossings_2d(run) -> int:
    """How many times a two-weight descent crosses the valley."""
    return rates.crossings(run, two_weight_cost())


def walks(run) -> bool:
    """Whether a one-weight descent never jumps past the minimum."""
    return crossings_1d(run) == 0


def zigzags(run) -> bool:
    """Whether every step of a one-weight descent jumps past the minimum."""
    return crossings_1d(run) == run.steps > 0


def bottoms_and_hump() -> tuple[list[float], float]:
    """The two-valley cost's bottoms, from the left, and the hump between them."""
    points = valleys.turning_points(valleys.valleys_cost())
    bottoms = [w for w, kind in points if kind == "valley"]
    return bottoms, next(w for w, kind in points if kind == "hump")
