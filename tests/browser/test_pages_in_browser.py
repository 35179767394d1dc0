"""Every page of the lesson, loaded in Chromium in the light and the dark scheme.

Each page is loaded once per scheme, on a desktop screen, and read through as a
reader would (every image scrolled into view in turn, lazy ones loading then), and
the tests below share it. Each page must be self-contained (no request to another
host), free of console and page errors, show every image and only in its own
scheme, move nothing while it loads (no layout shift), render all math (no raw TeX
left), have its answers hidden until opened from the keyboard and pass axe-core
with them open, copy from each button what tests/test_site.py runs, and stay light
(the weight table is printed at the end of the run, see tests/browser/conftest.py).
On a phone's screen no page shifts while it loads either; on a phone, with every
answer open, no page is wider than the screen, axe still finds nothing (what scrolls
sideways is reached by the keyboard), and every figure has text large enough to
read or opens, in one tap, at a size where it has.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from PIL import Image

from gdlesson.drawing import RASTER_DPI
from gdlesson.figures import FIGURES
from tests.browser.conftest import SETTLE, loaded_weight
from tests.conftest import nav_sources, page_source, page_url, python_with_only
from tests.page_weights import NAME as PAGE_WEIGHT
from tests.test_site import code_blocks, soup

KIB = 1024
#: What a page may load, unpacked: its HTML, stylesheets, scripts and images
#: (Material's own CSS and JS are 265 KiB of it; see loaded_weight).
PAGE_BUDGET = 400 * KIB


SOURCES = nav_sources()
#: The pages with answers: every page but the home page.
ANSWERED = SOURCES[1:]
SCHEMES = ("light", "dark")
PAGES = [
    pytest.param(s, scheme, id=f"{page_url(s) or '/'}-{scheme}")
    for s in SOURCES
    for scheme in SCHEMES
]
#: A reader's desktop: the screen, and the clipboard the copy buttons write to.
DESKTOP = {
    "viewport": {"width": 1280, "height": 800},
    "permissions": ["clipboard-read", "clipboard-write"],
}


def source_has_math(source: str) -> bool:
    text = page_source(source)
    if source.endswith(".ipynb"):
        return re.search(r"\$[^$\n]+\$", text) is not None
    return "\\(" in text or "\\[" in text


#: Records every layout shift the page has had (``buffered``: those from before it
#: started too), with the elements that moved, for the message.
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


def read_through(page):
    """Read ``page`` through as a reader does, from its top: each visible image
    scrolled into view in turn (lazy ones load only then) and waited for, each
    change laid out, then the end of the page. Kept on the page: ``load_requests``,
    what it asked for until then, and ``load_shifts``, every layout shift it had."""
    page.evaluate(OBSERVE)
    for img in page.locator("img").all():
        if img.is_visible():
            img.scroll_into_view_if_needed()
            img.evaluate("i => i.complete || new Promise(done => i.onload = i.onerror = done)")
            page.evaluate(SETTLE)
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.evaluate(SETTLE)
    page.load_requests = list(page.requests)
    page.load_shifts = page.evaluate("window.gdShifts")
    return page


def assert_nothing_shifts(page, load_again) -> None:
    """No layout shift while ``page`` loaded. A shift that a fresh load (``load_again()``,
    a page read through) does not repeat is the browser's timing under load (seen about once
    in a thousand loads while the whole suite runs: Material's nav list, 9 px); one
    that comes back is the page's, and fails."""
    shifts = page.load_shifts and load_again().load_shifts
    total = sum(shift["value"] for shift in shifts)
    assert total == 0, f"cumulative layout shift {total:.3g} on two loads: {shifts}"


@pytest.fixture(scope="module")
def reader(kept_page):
    """``reader(source, scheme)``: the page as a reader gets it on a desktop, kept for
    the module (``kept_page``) and read through (:func:`read_through`) when first
    loaded. A test that changes the page (opens its answers) leaves it so; one that
    needs the page as loaded closes them first."""

    def _get(source: str, scheme: str):
        page = kept_page(page_url(source), scheme, **DESKTOP)
        if not hasattr(page, "load_shifts"):  # loaded just now
            read_through(page)
        return page

    return _get


@pytest.mark.parametrize(("source", "scheme"), PAGES)
def test_page_is_self_contained_error_free_and_light(reader, record_property, source, scheme):
    page = reader(source, scheme)
    assert page.foreign_requests == [], "requests to another host (aborted)"
    assert page.errors == []
    weight = loaded_weight(page)
    record_property(PAGE_WEIGHT, (page_url(source) or "/", scheme, weight))
    unpacked = sum(w[1] for w in weight.values())
    assert unpacked < PAGE_BUDGET, f"{unpacked / KIB:.0f} KiB unpacked, over the budget"
    other = "dark" if scheme == "light" else "light"
    for request in page.load_requests:
        if request.resource_type == "image":
            # (Each under its budget: tests/test_site.py.) Even before Material's
            # script has applied the scheme (extra.css).
            assert f"-{other}." not in request.url, f"{request.url}: asked for, never shown"


#: A phone's screen for the layout shift: not emulated as a mobile (touch, device
#: width), under which Chromium reports no layout shift at all.
PHONE_SCREEN = {"width": 360, "height": 740}


# The palette changes colours, never a size (the dark file of a figure has the light
# one's width and height: tests/test_site.py): checked in the light scheme.
@pytest.mark.parametrize("screen", ["desktop", "phone"])
@pytest.mark.parametrize("source", SOURCES, ids=lambda s: page_url(s) or "/")
def test_nothing_shifts_while_the_page_loads(reader, open_page, source, screen):
    """Every figure keeps its room before its file arrives, and nothing else moves the
    text under the reader's eyes: the cumulative layout shift is 0."""
    context = DESKTOP if screen == "desktop" else {"viewport": PHONE_SCREEN}

    def load_again():
        return read_through(open_page(page_url(source), "light", **context))

    page = reader(source, "light") if screen == "desktop" else load_again()
    assert_nothing_shifts(page, load_again)


@pytest.mark.parametrize(("source", "scheme"), PAGES)
def test_every_image_loads_and_shows_in_its_scheme(reader, source, scheme):
    """(Each image's alt text is checked in the built HTML: tests/test_site.py.)"""
    page = reader(source, scheme)
    # A hidden lazy image never loads by itself: make every image eager to check it.
    page.evaluate("document.querySelectorAll('img').forEach(i => i.loading = 'eager')")
    page.wait_for_function("Array.from(document.images).every(i => i.complete)")
    images = page.eval_on_selector_all(
        "img", "els => els.map(i => [i.getAttribute('src'), i.naturalWidth])"
    )
    for src, width in images:
        assert width > 0, f"{src[:80]} did not load"
    other = "dark" if scheme == "light" else "light"
    for img in page.locator('img[src*="#only-"]').all():
        src = img.get_attribute("src")
        assert img.is_visible() == (f"#only-{scheme}" in src), src
        assert f"#only-{other}" in src or f"#only-{scheme}" in src
    shown = page.locator(f'img[src*="#only-{scheme}"]').count()
    assert shown == page.locator(f'img[src*="#only-{other}"]').count()
    if "{{ figure" in page_source(source):
        assert shown > 0
    assert page.errors == []


RAW_TEX = re.compile(r"\\[a-zA-Z]+|\\[()\[\]]|\$\$|\$[^$\n]*[\\^_{}][^$\n]*\$")


# The text, the math and the code are the same in either scheme: checked in the light one.
@pytest.mark.parametrize("source", SOURCES, ids=lambda s: page_url(s) or "/")
def test_math_is_rendered_and_no_tex_is_left(reader, source):
    page = reader(source, "light")
    text = page.evaluate("document.body.innerText")
    left = RAW_TEX.findall(text)
    assert left == [], f"raw TeX in the visible text: {left[:5]}"
    formulas = page.locator("article math")
    if source_has_math(source):
        assert formulas.count() > 0
        # MathML Core is rendered natively: each formula takes up room on the page.
        sizes = formulas.evaluate_all("els => els.map(m => m.getBoundingClientRect().width)")
        assert all(w > 0 for w in sizes)
    else:
        assert formulas.count() == 0


def axe_report(page) -> list[str]:
    """Each axe-core violation on ``page``: its rule, impact, help and first nodes."""
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(", ".join(n["target"]) for n in v["nodes"][:5])
        for v in Axe().run(page).response["violations"]
    ]


ACTIVE_SUMMARY = "document.activeElement === document.querySelectorAll('article summary')[%d]"


@pytest.mark.parametrize(("source", "scheme"), PAGES)
def test_each_answer_opens_from_the_keyboard_and_axe_finds_nothing_with_all_open(
    reader, source, scheme
):
    """Each answer is hidden until opened, reached with Tab and opened with Enter alone;
    then, every answer open, all the page shows and more, axe finds no violation."""
    page = reader(source, scheme)
    page.evaluate("document.querySelectorAll('article details').forEach(d => d.open = false)")
    summaries = page.locator("article details > summary")
    assert (summaries.count() >= 1) == (source in ANSWERED)
    for i in range(summaries.count()):
        details = summaries.nth(i).locator("xpath=..")
        content = details.locator(":scope > :not(summary)").first
        assert not content.is_visible(), "an answer is hidden until the reader opens it"
        # In the Tab order: from the stop before it, Tab comes back to it. (A summary
        # out of the order, tabindex -1, is skipped; a hidden one takes no focus.)
        summaries.nth(i).focus()
        page.keyboard.press("Shift+Tab")
        assert not page.evaluate(ACTIVE_SUMMARY % i), f"answer {i + 1} is the first stop"
        page.keyboard.press("Tab")
        assert page.evaluate(ACTIVE_SUMMARY % i), f"Tab never reaches answer {i + 1}"
        page.keyboard.press("Enter")
        assert details.evaluate("d => d.open") and content.is_visible()
    assert axe_report(page) == []
    assert page.errors == []


#: A phone, as Chromium emulates one: touch, no hover (Material then takes a code
#: block's tabindex away, docs/assets/a11y.js puts it back), the page at device width.
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
#: Other phone widths, checked by resizing the same page: the narrowest first.
PHONE_WIDTHS = (320, 360, 414)
#: The smallest figure text, in CSS px on the page, that a figure may show without
#: opening full size.
SMALLEST_TEXT = 9.5
STICKING_OUT = """width => Array.from(document.querySelectorAll('body *'))
    .filter(e => e.getBoundingClientRect().right > width + 0.5 && e.checkVisibility())
    .slice(0, 5).map(e => `${e.tagName.toLowerCase()}.${e.getAttribute('class')}`)"""


def smallest_text(svg: str, shown_width: float) -> float:
    """The smallest text of an SVG figure drawn ``shown_width`` CSS px wide, in CSS px."""
    view_width = float(re.search(r'viewBox="[\d.]+ [\d.]+ ([\d.]+)', svg)[1])
    sizes = [float(s) for s in re.findall(r"font-size: ?([\d.]+)px", svg)]
    return min(sizes, default=float("inf")) * shown_width / view_width


def readable(site: Path, name: str, shown_width: float) -> bool:
    """Whether the figure file ``name``, drawn ``shown_width`` CSS px wide, has text
    of at least SMALLEST_TEXT px. A raster (text in pixels, RASTER_DPI of them an inch) is
    readable at its own size in CSS pixels, 96 an inch."""
    if not name.endswith(".svg"):
        return shown_width >= Image.open(site / "figures" / name).width * 96 / RASTER_DPI
    svg = (site / "figures" / name).read_text(encoding="utf-8")
    return smallest_text(svg, shown_width) >= SMALLEST_TEXT


@pytest.mark.parametrize("source", SOURCES, ids=lambda s: page_url(s) or "/")
def test_on_a_phone_with_every_answer_open_it_fits_passes_axe_and_figures_open(
    open_page, site, source
):
    """The palette changes no width: light only. Widths first (a page wider than the
    screen scrolls sideways as a whole), then axe at 390 px, then the figures, each
    followed to the page its link opens."""
    page = open_page(page_url(source), "light", **PHONE)
    page.evaluate("document.querySelectorAll('article details').forEach(d => d.open = true)")
    for width in (*PHONE_WIDTHS, PHONE["viewport"]["width"]):
        page.set_viewport_size({**PHONE["viewport"], "width": width})
        page.evaluate(SETTLE)
        wide = page.evaluate("document.documentElement.scrollWidth")
        assert wide <= width, f"{wide} px wide at {width} px: {page.evaluate(STICKING_OUT, width)}"

    assert axe_report(page) == []

    figures = page.eval_on_selector_all(
        "article figure img",
        """els => els.filter(i => i.checkVisibility()).map(i => [
            i.src.split('#')[0], i.clientWidth, i.closest('a') && i.closest('a').href])""",
    )
    opened = []
    for src, shown_width, link in figures:
        name = src.rsplit("/", 1)[-1]
        if shown_width and readable(site, name, shown_width):
            continue
        assert link is not None, f"{name}: too small to read here, and does not open"
        opened.append((name, link))
    assert page.errors == []
    # One tap opens each figure whose text is too small on its own page, at its own
    # size: on a phone wider than the screen, its text as large as it was drawn.
    for name, link in opened:
        page.goto(link)
        img = page.locator("img")
        assert img.get_attribute("src") == name, link
        img.evaluate("i => i.complete || new Promise(done => i.onload = i.onerror = done)")
        width = img.evaluate("i => i.naturalWidth && i.clientWidth")
        assert width == int(img.get_attribute("width")), f"{link}: shown {width} px wide"
        assert readable(site, name, width), f"{link}: text still under {SMALLEST_TEXT} px"
    assert page.errors == []


@pytest.mark.parametrize("scheme", SCHEMES)
def test_a_figure_full_size_page_passes_axe(open_page, scheme):
    """The pages a tap on a figure opens are all made alike: one of them, each palette."""
    page = open_page(f"figures/{FIGURES[0].name}-{scheme}.html", scheme, **PHONE)
    violations = Axe().run(page).response["violations"]
    assert [f"{v['id']}: {v['help']}" for v in violations] == []
    assert page.locator("img").evaluate("i => i.naturalWidth") > 0
    assert page.errors == []


COPY_BUTTON = "article button.md-clipboard, article button.md-code__button[data-md-type=copy]"


def shown_outputs(page) -> list[str]:
    """What the page shows each code block printing, block by block: a session's
    output lines, a notebook cell's text outputs, nothing for a definition block."""
    return page.eval_on_selector_all(
        "article pre > code",
        """els => els.map(code => {
            const session = code.closest('.language-pycon');
            if (session) return code.innerText.split('\\n')
                .filter(l => !/^(>>>|\\.\\.\\.)( |$)/.test(l)).join('\\n');
            const cell = code.closest('.jp-Cell');
            if (cell) return Array.from(cell.querySelectorAll('.jp-RenderedText pre'))
                .map(pre => pre.innerText).join('\\n');
            return '';
        })""",
    )


def run_alone(code: str, folder: Path, *distributions: str) -> subprocess.CompletedProcess:
    """``code`` run by itself in a fresh Python that has only ``distributions``."""
    python, env = python_with_only(folder / "python", *distributions)
    script = folder / "pasted.py"
    script.write_text(code + "\n", encoding="utf-8")
    return subprocess.run(
        [*python, script.name], cwd=folder, env=env, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize("source", SOURCES, ids=lambda s: page_url(s) or "/")
def test_each_copy_button_gives_code_that_runs_alone(reader, site, tmp_path, source):
    """What each button copies, folded answers and solutions opened, is the code that
    tests/test_site.py runs in a fresh Python with only NumPy, and the page shows under
    it what that test holds the run to print; a notebook's cells, copied, run here, one
    after the other as in Jupyter, with Matplotlib too, and print what the page shows."""
    page = reader(source, "light")
    # Code in a folded answer or solution is copied once the reader opens it.
    page.evaluate("document.querySelectorAll('article details').forEach(d => d.open = true)")
    blocks = page.locator("article pre > code")
    buttons = page.locator(COPY_BUTTON)
    page.wait_for_function(f"document.querySelectorAll({COPY_BUTTON!r}).length >= {blocks.count()}")
    assert buttons.count() == blocks.count(), "a code block without its copy button"
    copied = []
    for i in range(buttons.count()):
        page.evaluate("navigator.clipboard.writeText('')")
        buttons.nth(i).click()
        page.wait_for_function("navigator.clipboard.readText().then(t => t.length > 0)")
        copied.append(page.evaluate("navigator.clipboard.readText()"))
    assert not any(">>>" in text for text in copied), "prompts in copied code"
    outputs = shown_outputs(page)
    if source.endswith(".ipynb"):
        run = run_alone("\n\n".join(copied), tmp_path, "numpy", "matplotlib")
        assert run.returncode == 0, run.stderr
        assert run.stdout.split() == "\n".join(outputs).split()
    else:
        run_by_test_site = code_blocks(soup(site, source))
        for i, (code, shown) in enumerate(zip(copied, outputs, strict=True)):
            _, code_run, output = run_by_test_site[i]
            assert code.rstrip("\n") == code_run.rstrip("\n"), f"block {i + 1}"  # the same lines
            assert shown.split() == output.split(), f"block {i + 1}"
    assert page.errors == []
