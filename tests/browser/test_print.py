"""Printing, in Chromium: a page as the print dialog prints it (answers open, no
navigation or button, each playground as its static figure, the light scheme),
and the PDF that scripts/pdf makes of the whole lesson: its pages, titles and figures."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from gdlesson.figures import FIGURES
from scripts.pdf import handout_pdf
from tests.browser.conftest import load_page
from tests.conftest import load_config, page_url

PLAYGROUND_PAGES = ["step-size.md", "two-curvatures.md", "momentum.md"]


def printed(browser, site_url, source, scheme):
    """The page as Chromium prints it: the ``beforeprint`` event, then print media."""
    page = load_page(browser, site_url, page_url(source), scheme)
    page.evaluate("dispatchEvent(new Event('beforeprint'))")
    page.emulate_media(media="print")
    return page


@pytest.mark.parametrize("source", PLAYGROUND_PAGES)
def test_a_printed_page_shows_every_answer_and_each_playground_as_its_figure(
    browser, site_url, source
):
    page = printed(browser, site_url, source, "dark")
    try:
        assert page.errors == [] and page.foreign_requests == []
        # Paper is white: the light scheme, so the light figures.
        assert page.locator("body").get_attribute("data-md-color-scheme") == "default"
        answers = page.locator("article details")
        assert answers.count() > 0
        assert page.locator("article details:not([open])").count() == 0
        for index in range(answers.count()):
            assert answers.nth(index).locator("> :not(summary)").first.is_visible()
        for hidden in (".md-header", ".md-sidebar--primary", ".md-footer", ".gd-playground"):
            assert not page.locator(hidden).first.is_visible(), hidden
        assert page.locator("article .md-button:visible, article button:visible").count() == 0
        static = page.locator(".gd-print-only img")
        assert static.count() == 1
        page.wait_for_function("document.querySelector('.gd-print-only img').complete")
        assert static.is_visible() and static.evaluate("i => i.naturalWidth") > 0
        assert "-light." in static.get_attribute("src")
        dark = page.locator('article img[src$="#only-dark"]')
        assert all(not dark.nth(i).is_visible() for i in range(dark.count()))
    finally:
        page.context.close()


def test_after_printing_the_page_is_in_the_readers_scheme_again(browser, site_url):
    page = load_page(browser, site_url, page_url("gradient-descent.md"), "dark")
    try:
        page.evaluate("dispatchEvent(new Event('beforeprint'))")
        page.evaluate("dispatchEvent(new Event('afterprint'))")
        assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    finally:
        page.context.close()


@pytest.fixture(scope="module")
def pdf(browser, site_url) -> PdfReader:
    return PdfReader(io.BytesIO(handout_pdf(browser, site_url)))


@pytest.fixture(scope="module")
def sheets(pdf) -> list[str]:
    """The text of each sheet of the PDF, its spaces collapsed (extracted once: slow)."""
    return [" ".join(page.extract_text().split()) for page in pdf.pages]


def outline_titles(outline) -> list[str]:
    titles = []
    for entry in outline:
        titles += outline_titles(entry) if isinstance(entry, list) else [entry.title]
    return titles


def test_the_pdf_holds_every_page_with_its_title_and_numbered_sheets(pdf, sheets):
    text = sheets
    everything = " ".join(text)
    titles = [next(iter(entry)) for entry in load_config()["nav"]]
    assert "Contents" in text[0] and all(title in text[0] for title in titles)
    outline = outline_titles(pdf.outline)
    for title in titles[1:]:  # Home keeps its heading, the site's name
        assert title in outline, title
    assert len(pdf.pages) > len(titles)
    for number, page in enumerate(text, start=1):  # the foot of each sheet
        assert page.endswith(f"{number} / {len(pdf.pages)}"), (number, page[-40:])
    assert "Answer to exercise 1" in everything


def images_in(resources) -> int:
    """How many images a page's (or a form's) resources draw, forms opened: what
    pypdf's ``page.images`` counts, without decoding each image (seconds)."""
    drawn = 0
    resources = {} if resources is None else resources.get_object()
    xobjects = resources.get("/XObject")
    for xobject in ({} if xobjects is None else xobjects.get_object()).values():
        xobject = xobject.get_object()
        if xobject["/Subtype"] == "/Image":
            drawn += 1
        elif xobject["/Subtype"] == "/Form":
            drawn += images_in(xobject.get("/Resources"))
    return drawn


def test_the_pdf_holds_every_figure(pdf, sheets):
    everything = " ".join(sheets)
    numbers = sorted({int(n) for n in re.findall(r"Figure (\d+)\.", everything)})
    assert numbers == list(range(1, len(FIGURES) + 1))
    # The raster figures (PNG) are images in the PDF; the SVG ones are drawn as
    # vectors, their words as text: each one's tick labels and titles are there.
    images = sum(images_in(page.get("/Resources")) for page in pdf.pages)
    assert images >= sum(spec.format == "png" for spec in FIGURES)


def test_the_handout_loads_every_figure_in_the_light_palette(browser, site_url):
    """What scripts/pdf prints: every figure's light file, loaded (not lazy), none dark."""
    page = load_page(browser, site_url, "handout/", "dark")
    try:
        assert page.errors == [] and page.foreign_requests == []
        page.wait_for_function("Array.from(document.images).every(i => i.complete)")
        sources = page.eval_on_selector_all(
            "article img", "images => images.map(i => [i.currentSrc, i.naturalWidth])"
        )
        assert all(width > 0 for _, width in sources), sources
        for spec in FIGURES:
            assert any(f"/figures/{spec.name}-light." in src for src, _ in sources), spec.name
        assert not any("-dark." in src for src, _ in sources)
    finally:
        page.context.close()
