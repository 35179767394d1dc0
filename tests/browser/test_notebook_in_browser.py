"""The notebook page (/try-it/) in Chromium: its plots in the reader's palette,
its printed lines on a phone (its weight is checked with every page's, in
test_pages_in_browser).

The plots are SVG in the page (gdlesson.shaping.plot_svg): on the slate page no
white box, and every mark and word reads on the page's background.
"""

from __future__ import annotations

from io import BytesIO

import pytest
from PIL import Image

from gdlesson.notebook import NOTEBOOK_NAME
from gdlesson.style import contrast_ratio
from tests.conftest import page_url

SCHEMES = ("light", "dark")

#: Each plot's painted colours, as the browser computes them: a word's fill, and
#: each filled or stroked mark's fill and stroke, as "#rrggbb" (ignoring "none").
PAINTS = """svg => {
    const hex = c => {
        const m = c.match(/^rgba?\\((\\d+), (\\d+), (\\d+)(?:, ([\\d.]+))?\\)$/);
        if (!m || (m[4] !== undefined && +m[4] === 0)) return null;
        return '#' + m.slice(1, 4).map(v => (+v).toString(16).padStart(2, '0')).join('');
    };
    const words = [], marks = [];
    for (const el of svg.querySelectorAll('text, path, use, rect')) {
        if (el.closest('defs, clipPath')) continue;
        const style = getComputedStyle(el);
        if (el.tagName === 'text') { words.push(hex(style.fill)); continue; }
        marks.push(hex(style.fill), style.strokeWidth === '0px' ? null : hex(style.stroke));
    }
    return {words: words.filter(Boolean), marks: marks.filter(Boolean)};
}"""


@pytest.fixture(scope="module")
def notebook(kept_page):
    """``notebook(scheme, **context)``: the notebook page, kept for the module."""
    return lambda scheme, **context: kept_page(page_url(NOTEBOOK_NAME), scheme, **context)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_plots_read_on_the_page_in_both_schemes_with_no_white_box(notebook, scheme):
    page = notebook(scheme)
    page.evaluate("document.querySelectorAll('article details').forEach(d => d.open = true)")
    plots = page.locator("article .gd-plot > svg")
    assert plots.count() == 3  # show(), exercise 1's show() and the contour map
    page_colour = page.evaluate(
        """() => {
            const c = getComputedStyle(document.body).backgroundColor.match(/\\d+/g);
            return '#' + c.slice(0, 3).map(v => (+v).toString(16).padStart(2, '0')).join('');
        }"""
    )
    for i in range(plots.count()):
        plot = plots.nth(i)
        assert plot.evaluate("s => getComputedStyle(s).backgroundColor") == "rgba(0, 0, 0, 0)"
        paints = plot.evaluate(PAINTS)
        assert paints["words"] and paints["marks"]
        # A white (or any light) box on the slate page would fail here: nothing painted
        # is faint against the page, every word reads as text (WCAG AA).
        faint = {c for c in paints["marks"] if contrast_ratio(c, page_colour) < 3}
        assert faint == set(), f"plot {i + 1} in {scheme}: marks that do not read"
        pale = {c for c in paints["words"] if contrast_ratio(c, page_colour) < 4.5}
        assert pale == set(), f"plot {i + 1} in {scheme}: words that do not read"
    # And as the reader sees it: on the slate page, a plot's pixels are mostly dark.
    if scheme == "dark":
        for i in range(plots.count()):
            share = _share_of_light_pixels(plots.nth(i).screenshot())
            assert share < 0.1, f"plot {i + 1}: {share:.0%} of its pixels are light"
    assert page.errors == []


def _share_of_light_pixels(png: bytes) -> float:
    """The share of a screenshot's pixels lighter than mid-grey."""
    counts = Image.open(BytesIO(png)).convert("L").histogram()
    return sum(counts[161:]) / sum(counts)


def test_on_a_phone_no_printed_line_is_cut_off(notebook):
    """Each line a cell printed wraps in the column: none runs past its box's edge."""
    page = notebook("light", viewport={"width": 320, "height": 700}, is_mobile=True)
    page.evaluate("document.querySelectorAll('article details').forEach(d => d.open = true)")
    outputs = page.locator("article .jp-RenderedText pre")
    assert outputs.count() > 0
    cut = outputs.evaluate_all(
        "els => els.filter(e => e.scrollWidth > e.clientWidth).map(e => e.innerText)"
    )
    assert cut == []
    wide = page.evaluate("document.documentElement.scrollWidth")
    assert wide <= 320
