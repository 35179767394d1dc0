"""Choosing the rate, and the summary's "true or false?": a choice that makes a
sentence false fails its claim, and the answers are folded and quote gdlesson."""

from __future__ import annotations

import re

import pytest

from gdlesson import lesson
from gdlesson.claims import CLAIMS
from gdlesson.costs import two_weight_cost
from tests.conftest import DOCS

#: The page's three rates, and the valley's largest curvature, from which the wrong
#: rates below are made (not typed: they stay wrong whatever the houses).
CHOSEN = dict(lesson.RATES_CHOOSING)
HIGH_2D = two_weight_cost().curvatures()[-1]


def _claim(page: str, says: str):
    (found,) = [c for c in CLAIMS if c.page == page and says in c.says]
    return found


@pytest.mark.parametrize(
    ("choice", "value", "says"),
    [
        # a "too large" rate below 2/λ_max converges
        ("RATES_CHOOSING", CHOSEN | {"too large": round(1.9 / HIGH_2D, 3)}, "the three"),
        # a "too small" rate above 1/λ_max crosses the valley
        ("RATES_CHOOSING", CHOSEN | {"too small": round(1.05 / HIGH_2D, 3)}, "the three"),
        # without its largest, no rate of the search diverges
        ("SEARCH_RATES", lesson.SEARCH_RATES[1:], "the largest diverges"),
        # a search that skips a power of ten
        ("SEARCH_RATES", lesson.SEARCH_RATES[:1] + lesson.SEARCH_RATES[2:], "powers of ten"),
    ],
)
def test_a_choice_that_breaks_the_page_fails_its_claim(monkeypatch, choice, value, says):
    claim = _claim("choosing-the-rate.md", says)
    assert claim.check() is not False  # holds as the lesson stands
    monkeypatch.setattr(lesson, choice, value)
    with pytest.raises(AssertionError):
        claim.check()


def test_the_search_keeps_the_lowest_cost_of_the_rates_that_did_not_diverge():
    trials = lesson.search_trials()
    pick = lesson.search_pick(trials)
    kept = [r for r, run in trials.items() if not run.diverged]
    assert all(trials[pick].costs[-1] <= trials[r].costs[-1] for r in kept)
    with pytest.raises(ValueError, match="trials"):
        lesson.search_pick({1.0: trials[1.0]})


FOLD = re.compile(r'^\?\?\? question "([^"]+)"\n((?:    .*\n|\n)+)', re.MULTILINE)
FENCED = re.compile(r"^ *```.*?^ *```", re.MULTILINE | re.DOTALL)
QUOTED = re.compile(r"\{\{.*?\}\}|\\\(.*?\\\)|\\\[.*?\\\]|`[^`]*`", re.DOTALL)


def test_each_true_or_false_on_the_summary_is_folded_answered_and_types_no_number():
    markdown = (DOCS / "summary.md").read_text(encoding="utf-8")
    section = markdown.split("## True or false?")[1].split("\n## ")[0]
    folds = FOLD.findall(section)
    assert len(folds) >= 3, "three beliefs or more, each with a folded answer"
    claims = [c for c in CLAIMS if c.page == "summary.md"]
    assert len(claims) >= len(folds), "each answer has its claim"
    for statement, body in folds:
        assert body.lstrip().startswith(("**True.**", "**False.**")), statement
        prose = QUOTED.sub("", FENCED.sub("", body))
        assert not re.search(r"\d", prose), f"a typed number in {prose.strip()[:80]!r}"
