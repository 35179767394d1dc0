"""Each claim a page makes holds for the computed values; a false one fails the build."""

from __future__ import annotations

import pytest

from gdlesson.claims import CLAIMS, Claim, check_claims
from tests.conftest import DOCS, build_site, project_copy, source_of


@pytest.mark.parametrize("claim", CLAIMS, ids=[f"{c.page}: {c.says}" for c in CLAIMS])
def test_the_page_says_what_the_computation_shows(claim):
    assert (DOCS / claim.page).is_file(), f"no page {claim.page}"
    assert claim.check(), f"{claim.page} claims what is false: {claim.says}"


def test_a_false_claim_is_named_with_its_page():
    false = Claim("two-weights.md", "a rate that does not zig-zag", lambda: False)
    with pytest.raises(ValueError, match="two-weights.md: a rate that does not zig-zag"):
        check_claims((*CLAIMS, false))


def test_an_edit_that_makes_a_claim_false_fails_the_build_naming_it(tmp_path):
    project = project_copy(tmp_path, package=True)
    lesson = source_of(project / "gdlesson", "RATE_ZIGZAG_1D = ")
    source = lesson.read_text()
    old = next(line for line in source.splitlines() if line.startswith("RATE_ZIGZAG_1D = "))
    lesson.write_text(source.replace(old, "RATE_ZIGZAG_1D = 0.06"))  # below 1/L: a walk
    run = build_site(project / "site", project)
    assert run.returncode != 0
    assert "gradient-descent.md: the zig-zag rate lies between 1/L and 2/L" in run.stderr
