"""Nothing on a page moves while it loads: no layout shift, on any page of the nav.

Each page is opened in Chromium on a desktop screen and on a 360 px phone, in
the light scheme: the dark one changes colours only (its images, the other file
of each figure, carry the same width and height, which
:func:`test_every_figure_is_numbered_captioned_and_sized` checks in the HTML).
A ``PerformanceObserver`` on ``layout-shift`` (``buffered``, so it also sees the
shifts from before it started) collects every shift while the page loads and
while each image is scrolled into view (lazy images load only then). Their sum,
the cumulative layout shift, must be 0: every figure keeps its room before its
file arrives (its ``width`` and ``height``), and nothing else moves the text
under the reader's eyes. A page that shifts is loaded once more: it fails if it
shifts again.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from gdlesson.figures import FIGURES, PALETTES, description, output_name
from tests.browser.conftest import SETTLE
from tests.conftest import nav_sources, page_url

SCREENS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 360, "height": 740}}

# Every shift the page has had, with the elements that moved (for the message).
OBSERVE = """() => {
    window.gdShifts = [];
    const describe = node => node
        ? [node.nodeName.toLowerCase(), node.id && '#' + node.id,
           typeof node.className === 'string' && node.className && '.' + node.className.trim()
               .split(/\\s+/).join('.')].filter(Boolean).join('')
        : 'a removed node';
    new PerformanceObserver(list => {
        for (const entry of list.getEntries()) {
            if (entry.hadRecentInput) continue;
            window.gdShifts.push({
                value: entry.value,
                sources: entry.sources.map(({node, previousRect: a, currentRect: b}) =>
                    `${describe(node)}: y ${Math.round(a.y)}→${Math.round(b.y)}, `
                    + `x ${Math.round(a.x)}→${Math.round(b.x)}, `
                    + `height ${Math.round(a.height)}→${Math.round(b.height)}`),
            });
        }
    }).observe({type: 'layout-shift', buffered: true});
}"""


def scroll_through(page) -> None:
    """Bring every image into view in turn (so lazy ones load) and wait for each,
    then go to the end of the page."""
    page.wait_for_load_state("networkidle")
    for img in page.locator("article img").all():
        if img.is_visible():
            img.scroll_into_view_if_needed()
            img.evaluate("i => i.complete || new Promise(done => i.onload = i.onerror = done)")
            page.evaluate(SETTLE)
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_load_state("networkidle")
    page.evaluate(SETTLE)


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("source", nav_sources(), ids=lambda s: page_url(s) or "/")
def test_nothing_shifts_while_the_page_loads(open_page, source, screen):
    # A shift that a fresh load does not repeat is the browser's timing under load
    # (seen about once in a thousand loads while the whole suite runs: Material's
    # nav list, 9 px); one that comes back is the page's, and fails.
    seen = []
    for _ in range(2):
        page = open_page(page_url(source), "light", viewport=SCREENS[screen])
        page.evaluate(OBSERVE)
        scroll_through(page)
        images = page.eval_on_selector_all(
            "article img", "els => els.filter(i => i.checkVisibility()).map(i => i.naturalWidth)"
        )
        assert all(width > 0 for width in images), "an image did not load"
        assert page.errors == []
        shifts = page.evaluate("window.gdShifts")
        seen.append(shifts)
        if not shifts:
            break
    total = sum(shift["value"] for shift in seen[-1])
    assert total == 0, f"cumulative layout shift {total:.3g} on two loads: {seen}"


def test_every_figure_is_numbered_captioned_and_sized(site: Path):
    """Each figure's images carry its size, and its caption its number in the lesson."""
    expected = {output_name(spec, p): description(spec) for spec in FIGURES for p in PALETTES}
    shown = set()
    for source in nav_sources():
        page = (site / page_url(source) / "index.html").read_text(encoding="utf-8")
        for figure in BeautifulSoup(page, "html.parser").select("article figure.gd-figure"):
            caption = figure.figcaption.get_text(" ", strip=True)
            for img in figure.find_all("img"):
                name = img["src"].rsplit("/", 1)[-1].split("#")[0]
                entry = expected[name]
                assert (img["width"], img["height"]) == (str(entry["width"]), str(entry["height"]))
                assert img["alt"] == entry["alt"]
                assert caption == f"Figure {entry['number']}. {entry['caption']}"
                shown.add(name)
    assert shown == set(expected)
