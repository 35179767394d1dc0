"""Every claim the pages make in words holds for what gdlesson computes.

The numbers on the pages are filled in from gdlesson, so they cannot drift;
the words around them can ("zig-zags", "sooner than", "never crosses"). Each
claim of :mod:`gdlesson.claims` recomputes what a sentence says from the
lesson's own settings (gdlesson.choices, gdlesson.lesson), never
from today's numbers: if new data keep a sentence true, its test passes; if
they make it false, the test fails, named after the page and the claim. The
build checks them too, all but the slow ones, which are marked ``slow``:
``scripts/check`` leaves them to ``scripts/test`` as the build does.
"""

from __future__ import annotations

import pytest

from gdlesson.claims import ALL_CLAIMS, CLAIMS, Claim, check_claims, failure
from gdlesson.notebook import NOTEBOOK_NAME
from tests.conftest import DOCS, build_site, project_copy, source_of


@pytest.mark.parametrize(
    "claim",
    [
        pytest.param(c, id=f"{c.page}: {c.says}", marks=[pytest.mark.slow] if c.slow else [])
        for c in ALL_CLAIMS
    ],
)
def test_the_page_says_what_the_computation_shows(claim):
    assert claim.page == NOTEBOOK_NAME or (DOCS / claim.page).is_file(), f"no page {claim.page}"
    false = failure(claim)
    assert false is None, f"{claim.page} claims what is false: {false}"


def test_a_false_claim_is_named_with_its_page():
    false = Claim("two-weights.md", "a rate that does not zig-zag", lambda: False)
    with pytest.raises(ValueError, match="two-weights.md: a rate that does not zig-zag"):
        check_claims((*CLAIMS[:3], false))


def test_a_check_that_asserts_is_named_with_what_it_found():
    def check():
        raise AssertionError("it crossed 3 times")

    false = Claim("two-weights.md", "it never crosses", check)
    with pytest.raises(ValueError, match=r"two-weights.md: it never crosses \(it crossed 3 times"):
        check_claims([false])


def test_the_build_leaves_the_slow_claims_to_the_tests(monkeypatch):
    slow = Claim("two-weights.md", "a slow sweep", lambda: False, slow=True)
    quick = Claim("two-weights.md", "a quick check", lambda: False)
    monkeypatch.setattr("gdlesson.claims.ALL_CLAIMS", (slow, quick))
    with pytest.raises(ValueError, match="a quick check") as raised:
        check_claims()
    assert "a slow sweep" not in str(raised.value)
    assert sum(c.slow for c in ALL_CLAIMS) < len(ALL_CLAIMS) / 10, "the build checks most"


@pytest.mark.build
def test_an_edit_that_makes_a_claim_false_fails_the_build_naming_it(tmp_path):
    project = project_copy(tmp_path, package=True)
    lesson = source_of(project / "gdlesson", "RATE_ZIGZAG_1D = ")
    source = lesson.read_text()
    old = next(line for line in source.splitlines() if line.startswith("RATE_ZIGZAG_1D = "))
    lesson.write_text(source.replace(old, "RATE_ZIGZAG_1D = 0.06"))  # below 1/L: a walk
    run = build_site(project / "site", project)
    assert run.returncode != 0
    assert "step-size.md: the zig-zag rate lies between 1/L and 2/L" in run.stderr
