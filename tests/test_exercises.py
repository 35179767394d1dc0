"""Every lesson page ends with exercises whose answers are hidden until opened, and the
notebook is a workbook whose solutions ran at build and printed what gdlesson computed.

The pages are read from the nav, so a new page without exercises fails here. The
answers' code is run by Sybil on the filled-in pages (tests/sybil_docs.py) and by
the copy-button tests; here we check that it is there, folded, and that the
answers' prose quotes gdlesson rather than typing numbers.
"""

from __future__ import annotations

import re

import nbformat
import pytest
from bs4 import BeautifulSoup

from gdlesson import choices, lesson
from gdlesson.claims import EXERCISE_CLAIMS
from gdlesson.costs import one_weight_cost, two_weight_cost
from gdlesson.notebook import NOTEBOOK_NAME
from gdlesson.pages import modules, step_size, try_it
from tests.conftest import DOCS, lesson_cache, nav_sources, page_url

#: The data's limits, from which the wrong choices below are made (not typed: they
#: stay wrong whatever the houses).
L_1D = one_weight_cost().curvature()
HIGH_2D = two_weight_cost().curvatures()[-1]

HOME = nav_sources()[0]
LESSON_PAGES = [s for s in nav_sources() if s.endswith(".md") and s != HOME]
SUMMARY = re.compile(r"^(Answer|Solution) to exercise \d+$")


def article(site, source: str) -> BeautifulSoup:
    html = (site / page_url(source) / "index.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser").find("article")


def answers(page: BeautifulSoup) -> list:
    """The folded answers of a page: ``details`` whose summary names one."""
    return [d for d in page.find_all("details") if SUMMARY.match(d.summary.get_text(strip=True))]


@pytest.mark.build
@pytest.mark.parametrize("source", LESSON_PAGES)
def test_every_lesson_page_ends_with_exercises_whose_answers_are_hidden(site, source):
    page = article(site, source)
    heading = page.find("h2", id="exercises")
    assert heading is not None, f"{source} has no '## Exercises'"
    assert heading.find_next_sibling("h2") is None, "the exercises come last"
    folded = answers(page)
    assert 1 <= len(folded) <= 3, f"{source}: one to three exercises, {len(folded)} found"
    for details in folded:
        assert details.find_previous("h2") is heading
        assert not details.has_attr("open"), "an answer is hidden until the reader opens it"
        # Native <details>: its <summary> opens it by mouse, keyboard and screen reader.
        assert details.find(True) is details.summary
        shown = details.get_text(" ", strip=True).removeprefix(details.summary.get_text())
        assert len(shown.split()) >= 8, f"{source}: an empty answer"


@pytest.mark.build
@pytest.mark.parametrize("source", LESSON_PAGES)
def test_an_exercise_on_every_page_has_the_reader_run_code(site, source):
    """The answer shows the changed code and what it prints, as a session: Sybil runs
    it on the filled-in page, so an answer that no longer matches fails the tests."""
    sessions = [d for d in answers(article(site, source)) if d.select("div.language-pycon")]
    assert sessions, f"{source}: no answer holds a session to run"
    for details in sessions:
        for session in details.select("div.language-pycon"):
            assert session.has_attr("data-copy"), "its copy button gives code without prompts"


ANSWER = re.compile(r"^\?\?\? success \"Answer to exercise \d+\"\n((?:    .*\n|\n)+)", re.MULTILINE)
FENCED = re.compile(r"^ *```.*?^ *```", re.MULTILINE | re.DOTALL)
QUOTED = re.compile(r"\{\{.*?\}\}|\\\(.*?\\\)|\\\[.*?\\\]|`[^`]*`", re.DOTALL)


@pytest.mark.parametrize("source", LESSON_PAGES)
def test_the_answers_prose_quotes_gdlesson_and_types_no_number(source):
    """Numbers in an answer's prose are ``{{ name }}`` facts; digits may appear only
    inside code and formulas (a ½, a − 1)."""
    markdown = (DOCS / source).read_text(encoding="utf-8")
    found = ANSWER.findall(markdown)
    assert found, f"{source}: no answer in the form the site folds"
    for body in found:
        prose = QUOTED.sub("", FENCED.sub("", body))
        assert not re.search(r"\d", prose), f"{source}: a typed number in {prose.strip()[:80]!r}"


def test_the_premise_of_each_exercise_is_on_a_page_of_the_nav():
    # Whether each premise holds is checked with every claim, in tests/test_claims.py.
    pages = nav_sources()
    for claim in EXERCISE_CLAIMS:
        assert claim.page in pages, f"no page {claim.page} in the nav"


@pytest.mark.parametrize(
    ("choice", "value", "says"),
    [
        # the walking and the zig-zagging rates swapped
        ("REGIME_RATES", tuple(step_size.REGIME_RATES[i] for i in (1, 0, 2)), "walk (below 1/L)"),
        # a rate of the page's table; one that walks (below 1/λmax); one faster than the page's
        ("RATE_2D_SLOW_ZIGZAG", lesson.RATES_TABLE_2D[1], "shown nowhere else"),
        ("RATE_2D_SLOW_ZIGZAG", round(0.85 / HIGH_2D, 3), "shown nowhere else"),
        ("RATE_2D_SLOW_ZIGZAG", round(1.02 * lesson.RATE_2D, 3), "shown nowhere else"),
        ("START_OTHER_SIDE", try_it.START_OTHER_SIDE + 0.5, "as far from it"),
        # without the rates just under and just over 2/L, both a hundredth away
        (
            "LIMIT_RATES_1D",
            try_it.LIMIT_RATES_1D[:2] + try_it.LIMIT_RATES_1D[-1:],
            "both take thousands",
        ),
        ("RATE_VALLEYS_FLAT", 0.3, "takes the crawling start"),
        ("RATE_VALLEYS_LARGE", 0.5, "above the right valley's 2/L"),
        ("DECAY_SGD_FAST", 0.1, "a faster schedule jitters less"),
        ("SGD_ADDED_BATCH", 1, "added slopes step as averaged"),
        ("TOLERANCES", (1e-6, 1e-8, 1e-10), "tenfold tighter"),
        ("RATE_BOTH", round(0.95 * 2 / HIGH_2D, 3), "diverges with two"),  # converges with two
        ("REFINE_FACTOR", 1.5, "divided by it ends higher"),
    ],
)
def test_a_choice_that_breaks_a_premise_fails_its_claim(monkeypatch, choice, value, says):
    # set by hand (gdlesson.choices) or derived from the data (its page's module)
    owner = next(module for module in (choices, *modules()) if hasattr(module, choice))
    monkeypatch.setattr(owner, choice, value)
    (claim,) = [c for c in EXERCISE_CLAIMS if says in c.says]
    assert not claim.check()


@pytest.fixture(scope="module")
def workbook():
    """The notebook as the build ran it (the cache entry the site serves)."""
    return nbformat.read(lesson_cache() / NOTEBOOK_NAME, as_version=4)


def exercises(notebook) -> list[tuple[str, list]]:
    """(heading, solution cells) for each "## Exercise" Markdown cell of the notebook."""
    found = []
    for cell in notebook.cells:
        if cell.cell_type == "markdown" and cell.source.startswith("## Exercise"):
            found.append((cell.source.splitlines()[0], []))
        elif found and "solution" in cell.metadata.get("tags", []):
            found[-1][1].append(cell)
    return found


def test_the_workbook_has_three_to_seven_exercises_with_solutions_that_ran_and_were_checked(
    workbook,
):
    found = exercises(workbook)
    assert 3 <= len(found) <= 7, [heading for heading, _ in found]
    for heading, solution in found:
        code = [c for c in solution if c.cell_type == "code"]
        assert code, f"{heading}: no solution cell"
        for cell in code:
            assert cell.execution_count, f"{heading}: the solution did not run"
            # What it printed is its expect, or the build fails (notebook.execute); so
            # check only that there is an expect, computed by gdlesson, to check against.
            assert cell.metadata["gdlesson"]["expect"].strip(), f"{heading}: nothing to check"
        for cell in solution:
            folded = cell.metadata["jupyter"]
            assert folded["source_hidden"], f"{heading}: Jupyter shows the solution unfolded"
            assert folded.get("outputs_hidden", cell.cell_type == "markdown")


def test_the_workbook_shows_that_a_rate_above_the_limit_diverges(workbook):
    """Issue 10: the diverging descent's plot must show the divergence, not 2 of its
    points. Its solution draws the slope at every step on a log scale."""
    heading, solution = exercises(workbook)[0]
    (code,) = [c for c in solution if c.cell_type == "code"]
    assert "diverged" in code.metadata["gdlesson"]["expect"]
    assert "show(" in code.source and any(
        "image/svg+xml" in o.get("data", {}) for o in code.outputs
    )
    show = next(c.source for c in workbook.cells if "def show(" in c.source)
    assert "semilogy" in show and "off this window" in show


@pytest.mark.build
def test_the_notebook_page_folds_each_solution_until_the_reader_opens_it(site, workbook):
    page = article(site, NOTEBOOK_NAME)
    folded = answers(page)
    assert [d.summary.get_text(strip=True) for d in folded] == [
        f"Solution to exercise {n}" for n in range(1, len(exercises(workbook)) + 1)
    ]
    for details, (heading, solution) in zip(folded, exercises(workbook), strict=True):
        assert not details.has_attr("open")
        # The executed cells themselves, with what they printed, are inside.
        printed = " ".join(details.get_text(" ").split())
        for cell in solution:
            if cell.cell_type == "code":
                expect = cell.metadata["gdlesson"]["expect"]
                assert " ".join(expect.split()) in printed, heading
        assert details.find_previous("h2").get_text(strip=True).startswith(heading[3:])
