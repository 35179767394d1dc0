"""The built site: every page, figure, number and code block, as a reader gets them."""

from __future__ import annotations

import html
import re
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from latex2mathml.converter import convert as tex_to_mathml

from gdlesson.facts import facts
from gdlesson.figures import FIGURES, PALETTES, description, full_size_name, output_name
from gdlesson.notebook import NOTEBOOK_NAME
from gdlesson.placeholders import formatted
from gdlesson.shaping import copy_text
from tests.conftest import DOCS, lesson_cache, nav_sources, page_url, python_with_only


def page_path(site: Path, source: str) -> Path:
    return site / page_url(source) / "index.html"


def soup(site: Path, source: str) -> BeautifulSoup:
    return BeautifulSoup(page_path(site, source).read_text(encoding="utf-8"), "html.parser")


def visible_text(page: BeautifulSoup) -> str:
    for hidden in page(["script", "style", "math"]):
        hidden.decompose()
    return page.get_text(" ")


#: The most a figure file may weigh: a phone on a poor network loads a page's few.
FIGURE_BUDGET = 80 * 1024
MARKDOWN_PAGES = [s for s in nav_sources() if s.endswith(".md")]
FENCE = re.compile(r"^\s*```(python|pycon)\b", re.MULTILINE)


def test_every_page_of_the_lesson_is_built(site):
    for source in nav_sources():
        assert page_path(site, source).is_file(), source
    sources = {p.relative_to(DOCS).as_posix() for p in DOCS.glob("*.md")} | {NOTEBOOK_NAME}
    assert sources == set(nav_sources()), "every page is in the nav, and only pages"


def test_every_figure_is_generated_in_both_palettes_and_shown(site):
    shown = {}
    for source in nav_sources():
        for img in soup(site, source).find_all("img"):
            shown[img["src"].rsplit("/", 1)[-1]] = img.get("alt", "")
    for spec in FIGURES:
        for palette in ("light", "dark"):
            name = output_name(spec, palette)
            assert (site / "figures" / name).stat().st_size > 1000, name
            assert f"{name}#only-{palette}" in shown, f"{name} is not on any page"
            assert shown[f"{name}#only-{palette}"] == spec.alt
    generated = {p.name for p in (site / "figures").iterdir()}
    files = {output_name(s, p) for s in FIGURES for p in ("light", "dark")}
    full_size = {full_size_name(name) for name in files}  # the pages a tap opens
    assert generated == files | full_size


def test_every_figure_is_numbered_captioned_and_sized(site: Path):
    """Each figure's images carry its size (so the page keeps its room before the file
    arrives, in either palette: tests/browser/test_pages_in_browser.py sees nothing
    shift in the light one), and its caption its number in the lesson."""
    expected = {output_name(spec, p): description(spec) for spec in FIGURES for p in PALETTES}
    shown = set()
    for source in nav_sources():
        for figure in soup(site, source).select("article figure.gd-figure"):
            caption = figure.figcaption.get_text(" ", strip=True)
            for img in figure.find_all("img"):
                name = img["src"].rsplit("/", 1)[-1].split("#")[0]
                entry = expected[name]
                assert (img["width"], img["height"]) == (str(entry["width"]), str(entry["height"]))
                assert caption == f"Figure {entry['number']}. {entry['caption']}"
                shown.add(name)
    assert shown == set(expected)


def test_every_figure_file_is_under_its_budget(site):
    sizes = {p.name: p.stat().st_size for p in (site / "figures").iterdir()}
    assert sizes
    assert {n: s for n, s in sizes.items() if s >= FIGURE_BUDGET} == {}


def test_every_image_has_alt_text(site):
    for source in nav_sources():
        for img in soup(site, source).find_all("img"):
            assert len(img.get("alt", "").strip()) >= 10, (source, img.get("src", "")[:60])


@pytest.mark.parametrize("source", nav_sources())
def test_no_raw_tex_or_placeholder_is_left(site, source):
    text = visible_text(soup(site, source))
    for leftover in ("{{", "}}", "\\(", "\\[", "$$", "\\frac", "\\times", "\\eta"):
        assert leftover not in text, f"{source}: {leftover!r} left in the page"


PLACEHOLDER = re.compile(r"\{\{\s*(\w+)(?::([^\s}]+))?\s*\}\}")
PAGES_WITH_NUMBERS = [s for s in MARKDOWN_PAGES if PLACEHOLDER.search((DOCS / s).read_text())]


@pytest.mark.parametrize("source", PAGES_WITH_NUMBERS)
def test_every_number_on_the_page_is_the_computed_one(site, source):
    """Each ``{{ name }}`` of the page's Markdown shows facts()[name] on the built page,
    written as the placeholder says (``{{ name:, }}``)."""
    markdown = (DOCS / source).read_text(encoding="utf-8")
    built = page_path(site, source).read_text(encoding="utf-8")
    text = " ".join(html.unescape(visible_text(soup(site, source))).split())
    math_text = "".join(m.get_text() for m in soup(site, source).find_all("math"))
    for name, spec in set(PLACEHOLDER.findall(markdown)):
        value = formatted(facts()[name], spec)
        if value.startswith("|"):  # a Markdown table: each cell without math is shown
            for line in value.splitlines()[2:]:
                for cell in line.strip("|").split("|"):
                    cell = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", cell).strip()
                    if "\\(" not in cell:
                        assert cell in text, f"{source}: {name}: {cell} is not shown"
            continue
        if value.startswith("<"):  # a widget's HTML (gdlesson.playground), as written
            assert value in built, f"{source}: {name} is not on the page as gdlesson wrote it"
            continue
        value = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", value)  # a link shows its text
        as_math = BeautifulSoup(tex_to_mathml(value), "html.parser").get_text()
        shown = "".join(value.split()) in "".join(text.split()) or as_math in math_text
        assert shown, f"{source}: {name} = {value} is not shown"


def code_blocks(page: BeautifulSoup) -> list[tuple[str, str, str]]:
    """(language, text the copy button gives, output shown) for each code block."""
    blocks = []
    for div in page.select("div.highlight"):
        classes = div.get("class", [])
        language = next((c[9:] for c in classes if c.startswith("language-")), "")
        shown = div.find("code").get_text()
        if language == "pycon":
            assert div["data-copy"].endswith(copy_text(shown))
            output = "\n".join(
                line for line in shown.splitlines() if not line.startswith((">>>", "..."))
            )
            blocks.append((language, div["data-copy"], output))
        else:
            assert not div.has_attr("data-copy")
            blocks.append((language, shown, ""))
    return blocks


@pytest.mark.parametrize("source", MARKDOWN_PAGES)
def test_each_copied_block_runs_alone_with_numpy_only_and_prints_what_the_page_shows(
    site, source, tmp_path
):
    blocks = code_blocks(soup(site, source))
    fences = FENCE.findall((DOCS / source).read_text(encoding="utf-8"))
    assert [language for language, _, _ in blocks] == fences, "a block in another language"
    python, env = python_with_only(tmp_path / "numpy-only", "numpy")
    for i, (language, code, output) in enumerate(blocks):
        (tmp_path / f"block{i}.py").write_text(code + "\n")
        run = subprocess.run(
            [*python, f"block{i}.py"], cwd=tmp_path, env=env, capture_output=True, text=True
        )
        assert run.returncode == 0, f"{source} block {i + 1} ({language}):\n{run.stderr}"
        assert run.stdout.split() == output.split(), f"{source} block {i + 1} ({language})"


def test_a_page_whose_sessions_carry_the_code_above_says_so_once(site):
    for source in MARKDOWN_PAGES:
        page = soup(site, source)
        carrying = [
            div
            for div in page.select("div.language-pycon")
            if div["data-copy"] != copy_text(div.find("code").get_text())
        ]
        notes = page.select("p.gd-copy-note")
        assert len(notes) == (1 if carrying else 0), source
        if carrying:
            assert carrying[0].find_next_sibling() is notes[0], source


def test_the_notebook_page_and_download_are_the_notebook_gdlesson_ran(site):
    page = page_path(site, NOTEBOOK_NAME).read_text(encoding="utf-8")
    shown = " ".join(page.split())
    expected = [f"{facts()['status_notebook']} after {facts()['steps_notebook']} steps"]
    expected += facts()["rates_notebook_table"].splitlines()
    for line in expected:  # executed outputs, not just code
        assert " ".join(line.split()) in shown, line
    assert f'href="{NOTEBOOK_NAME}"' in page and "download" in page
    download = site / page_url(NOTEBOOK_NAME) / NOTEBOOK_NAME
    assert download.read_bytes() == (lesson_cache() / NOTEBOOK_NAME).read_bytes()
    assert "mathjax" not in page.lower()


def test_light_and_dark_follow_the_system_and_fonts_are_local(site):
    page = (site / "index.html").read_text(encoding="utf-8")
    assert 'media="(prefers-color-scheme: light)"' in page
    assert 'media="(prefers-color-scheme: dark)"' in page
    assert "fonts.googleapis.com" not in page and "fonts.gstatic.com" not in page
    assert '<meta name="description"' in page


@pytest.mark.parametrize("source", nav_sources())
def test_what_may_be_wider_than_a_phone_scrolls_in_a_box_the_keyboard_reaches(site, source):
    """Displayed formulas and tables in a ``.gd-scroll`` box, code and notebook outputs
    with tabindex="0"; each figure's image a link to the page that shows its file at
    its own size."""
    page = soup(site, source)
    for element in page.select("article math[display=block], article table"):
        box = element.find_parent(class_="gd-scroll")
        assert box is not None and box.get("tabindex") == "0", f"{source}: {str(element)[:80]}"
    for pre in page.select("article pre"):
        code = pre.find("code", recursive=False)
        assert (code or pre).get("tabindex") == "0", f"{source}: {str(pre)[:80]}"
    for img in page.select("article figure.gd-figure img"):
        link = img.find_parent("a")
        file = img["src"].split("#")[0]
        assert link is not None and link["href"] == full_size_name(file), img["src"]
        full_size = page_path(site, source).parent / link["href"]
        shown = BeautifulSoup(full_size.read_text(encoding="utf-8"), "html.parser").img
        assert shown["src"] == file.rsplit("/", 1)[-1]
        assert (shown["width"], shown["height"], shown["alt"]) == (
            img["width"],
            img["height"],
            img["alt"],
        )
