"""An instructor's own houses (issue 22): the lesson's houses replaced, in a scratch
copy, by other sensible data. The build then either succeeds, with no word left from
the six houses on any page, or stops without a traceback, each line naming what to
change: a page and its sentence that the data make false, or a choice of
``gdlesson/choices.py`` with its value and the range it must lie in; and it leaves
the site built before as it was.

One cold build per data set (about a minute each)."""

from __future__ import annotations

import re

import pytest

from gdlesson.numbers import in_words
from tests.conftest import build_site, project_copy

pytestmark = pytest.mark.build  # tests/kinds.py

# (area, age, price) of each house; the two sets differ in count and in scale.
DATA = {
    # Four houses: every rate stays in its regime, and sentences that hold only for
    # the lesson's six (the grid, momentum's rounding, SGD's spreads) are named.
    "four houses": ((0.6, 1.0, 1.5, 2.0), (0.3, 0.8, 0.2, 0.5), (1.2, 1.9, 3.4, 4.1)),
    # Nine larger houses: the curvature L is about 25, so RATE_1D = 0.05, set by hand,
    # no longer walks (1/L ≈ 0.04) and is refused.
    "nine larger houses": (
        (0.9, 1.2, 1.4, 1.5, 1.7, 1.8, 2.0, 2.1, 2.2),
        (0.9, 0.3, 0.6, 1.2, 0.2, 0.8, 0.5, 0.1, 0.4),
        (1.8, 2.6, 2.9, 2.7, 3.6, 3.3, 4.1, 4.6, 4.4),
    ),
}

#: What each line of a failed build's message may be: its heading, a page's sentence
#: that the data make false (``page.md: sentence (what was found)``), or a choice
#: refused with its range.
ACTIONABLE = re.compile(
    r"claims the computation makes false:"
    r"|[\w-]+\.(md|ipynb): .+"
    r"|[A-Z][A-Z0-9_]*(\[\d\])? = .+ must (lie between|hold) .+"
)


def with_houses(choices: str, area, age, price) -> str:
    """``choices.py``'s source with its houses replaced."""
    for name, values in (("AREA", area), ("AGE", age), ("PRICE", price)):
        choices, count = re.subn(
            rf"^{name} = \(.*\)$", f"{name} = {tuple(values)}", choices, flags=re.M
        )
        assert count == 1, f"choices.py no longer sets {name} on one line"
    return choices


def error_lines(stderr: str) -> list[str]:
    """The lines of MkDocs' error message, without its ``ERROR -`` prefix."""
    block = stderr.split("ERROR", 1)[1].split("Aborted with a BuildError!")[0]
    return [line.strip() for line in block.removeprefix("   -  ").splitlines() if line.strip()]


@pytest.mark.parametrize("name", DATA)
def test_other_houses_build_a_true_lesson_or_name_what_to_change(tmp_path, name):
    area, age, price = DATA[name]
    project = project_copy(tmp_path / "project", package=True, warm=False)
    choices = project / "gdlesson" / "choices.py"
    choices.write_text(with_houses(choices.read_text(encoding="utf-8"), area, age, price))

    site = tmp_path / "site"  # a site built before, which a failed build must leave as it was
    (site / "index.html").parent.mkdir()
    (site / "index.html").write_text("the site as it was")

    result = build_site(site, project)

    if result.returncode == 0:
        pages = [p.read_text(encoding="utf-8") for p in site.rglob("*.html")]
        count = in_words(len(area))
        assert any(re.search(rf"\b{count}\b", page, re.I) for page in pages), count
        stale = [p for p in pages if re.search(r"\bsix\b|\b6 houses\b", p, re.I)]
        assert count == "six" or not stale, "a page still speaks of six houses"
        return
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    lines = error_lines(result.stderr)
    assert lines, result.stderr[-3000:]
    vague = [line for line in lines if not ACTIONABLE.fullmatch(line)]
    assert not vague, f"lines that name no page, sentence or choice: {vague}"
    assert [p.name for p in site.iterdir()] == ["index.html"], "the failed build wrote in site/"
    assert (site / "index.html").read_text() == "the site as it was"
