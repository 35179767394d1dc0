"""The learning-rate playgrounds, driven through their controls in Chromium.

Each test sets the learning rate and the start with the widget's own controls
(keys on the sliders, a drag of the ball, a click on the contour map, the
scaling switch), reads back the mode, rate and start the widget actually used
(slider positions are quantised) and the path it computed, and checks it
against :func:`gdlesson.descent.gradient_descent` on gdlesson's own cost (the
scaled one, :func:`gdlesson.rates.rms_scaled`, when the switch is on): same
status, same number of steps, every point and cost equal to 1e-12 relative.
The words a widget shows for a rate are the bands gdlesson computed for it,
and building a widget, or playing it, moves nothing on the page.
"""

from __future__ import annotations

import numpy as np
import pytest

from gdlesson import choices, lesson, rates
from gdlesson.costs import one_weight_cost, two_weight_cost
from gdlesson.descent import gradient_descent
from gdlesson.facts import facts
from gdlesson.playground import config_1d, config_2d, fastest_slider_rate
from gdlesson.rates import rms_scaled
from tests.browser.conftest import SETTLE

ONE = ("step-size/", "#gd-playground-1d")
TWO = ("two-curvatures/", "#gd-playground-2d")
STATIC = {"reduced_motion": "reduce", "clock": True}  # no autoplay; a clock the tests run
PHONE = {"width": 360, "height": 740}


def state(page, selector: str) -> dict:
    return page.evaluate(f"document.querySelector('{selector}').gdState()")


def gdlesson_cost(s: dict):
    """gdlesson's cost for the widget's kind and mode, in that mode's weights."""
    if s["kind"] == "1d":
        return one_weight_cost()
    return rates.rms_scaled(two_weight_cost())[0] if s["mode"] == 1 else two_weight_cost()


def assert_matches_gdlesson(s: dict) -> None:
    """The widget's descent is gdlesson's, for the mode, rate and start it reports."""
    one = s["kind"] == "1d"
    run = gradient_descent(gdlesson_cost(s), s["start"][0] if one else s["start"], s["rate"])
    assert (s["status"], s["steps"]) == (run.status, run.steps), (s["mode"], s["rate"], s["start"])
    path, costs = np.array(s["path"]), np.array(s["costs"])
    assert path.shape == run.path.shape
    np.testing.assert_allclose(path, run.path, rtol=1e-12, atol=1e-12 * np.abs(run.path).max())
    np.testing.assert_allclose(costs, run.costs, rtol=1e-12, atol=1e-12 * run.costs.max())


def set_rate(page, selector: str, rate: float, rates: list[float]) -> None:
    """Move the rate slider with the keyboard: Home, then ArrowRight to ``rate``."""
    slider = page.locator(f"{selector} input[id$='-rate']")
    slider.focus()
    slider.press("Home")
    for _ in range(rates.index(rate)):
        slider.press("ArrowRight")


def run_clock_until(page, condition: str, most_ms: int = 10_000_000) -> None:
    """Run the page's installed clock a second at a time until ``condition`` holds."""
    for _ in range(most_ms // 1000):
        if page.evaluate(condition):
            return
        page.clock.run_for(1_000)
    raise AssertionError(f"not {condition} after {most_ms} ms of the page's clock")


def run_to_end(page, selector: str) -> dict:
    """Press Play and run the page's clock (opened with ``clock=True``) until the
    widget has shown its last step: every tick of the animation fires, at once, with
    no real time waited."""
    page.locator(selector).get_by_role("button", name="Play").click()
    state_now = f"document.querySelector('{selector}').gdState()"
    run_clock_until(page, f"(s => s.shown === s.steps && !s.playing)({state_now})")
    return state(page, selector)


def focused(page) -> str:
    return page.evaluate("document.activeElement.id || document.activeElement.textContent")


def shown_text(page, selector: str) -> str:
    return page.locator(selector).inner_text()


def below_and_above(limit: float, offered: list[float]) -> tuple[float, float]:
    """The slider's rates nearest ``limit``: the largest below it and the smallest above."""
    return max(r for r in offered if r < limit), min(r for r in offered if r > limit)


# The sliders' rates the tests try, taken from the lesson's choices and the data's
# limits (what each does is asserted against gdlesson), not typed: other houses keep them true.
RATES_1D = config_1d()["rates"]
UNDER_1D, OVER_1D = below_and_above(2 / one_weight_cost().curvature(), RATES_1D)
RATES_2D = config_2d()["rates"]
UNDER_2D, OVER_2D = below_and_above(2 / two_weight_cost().curvatures()[-1], RATES_2D)


def switch(page):
    return page.locator(TWO[1]).get_by_role("checkbox", name="Scale the inputs")


@pytest.fixture(scope="module")
def driven(kept_page):
    """``driven(where)``: the widget's page, kept for the module (no autoplay, the page's
    clock run by the test) and shared by the tests that set every input they use
    through the widget's controls. Each gets it at 1280 × 720, in the unscaled mode,
    Reset (stopped at the start), with no error so far."""

    def _get(where):
        page = kept_page(where[0], **STATIC)
        page.set_viewport_size({"width": 1280, "height": 720})
        if where == TWO:
            switch(page).uncheck()
        page.locator(where[1]).get_by_role("button", name="Reset").click()
        page.errors.clear()
        return page

    return _get


@pytest.mark.parametrize(
    ("rate", "start"),
    [
        (choices.RATE_1D, "0.5"),  # the rolling ball of the lesson
        (RATES_1D[0], "0.5"),  # too small: barely moves
        (lesson.RATE_ZIGZAG_1D, "3.6"),  # zig-zags
        (UNDER_1D, "0.5"),  # just below 2/L: converges, slowly
        (OVER_1D, "0.5"),  # just above 2/L: diverges, slowly
        (lesson.RATES_1D["too large"], "1.25"),  # too large
        (RATES_1D[-1], "3.99"),
        (lesson.RATES_1D["just right"], "2"),
    ],
)
def test_one_weight_path_is_gdlessons(driven, rate, start):
    page = driven(ONE)
    rates = config_1d()["rates"]
    set_rate(page, ONE[1], rate, rates)
    page.locator(f"{ONE[1]} input[id$='-start0']").fill(start)
    s = state(page, ONE[1])
    assert s["rate"] == rate and s["start"] == [float(start)] and s["shown"] == 0
    assert_matches_gdlesson(s)
    end = run_to_end(page, ONE[1])
    assert end["path"] == s["path"]
    text = shown_text(page, ONE[1])
    widget = page.locator(ONE[1])
    diverged = end["status"] == "diverged"
    assert ("diverged" in text) == diverged
    assert ("is-diverged" in (widget.get_attribute("class") or "")) == diverged
    assert widget.get_attribute("data-status") == end["status"]
    for bad in ("NaN", "Infinity", "undefined"):
        assert bad not in text
    assert page.errors == []


def test_one_weight_ball_drag_and_arrow_keys(open_page):
    page = open_page(ONE[0], **STATIC)
    ball = page.locator(f"{ONE[1]} .gd-pg__ball")
    ball.scroll_into_view_if_needed()
    box = ball.bounding_box()
    frame = page.locator(f"{ONE[1]} .gd-pg__frame").bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(frame["x"] + 0.8 * frame["width"], y, steps=5)  # w ≈ 3.2
    page.mouse.up()
    s = state(page, ONE[1])
    assert abs(s["start"][0] - 3.2) < 0.05
    assert_matches_gdlesson(s)
    ball.press("ArrowLeft")
    ball.press("ArrowLeft")
    t = state(page, ONE[1])
    assert t["start"][0] == pytest.approx(s["start"][0] - 0.1, abs=1e-9)
    assert t["start"][0] == round(t["start"][0], 2)
    assert ball.get_attribute("aria-valuenow") == f"{t['start'][0]:g}"
    assert_matches_gdlesson(t)
    assert page.errors == []


def test_one_weight_keyboard_only(open_page):
    page = open_page(ONE[0], **STATIC)
    rates = config_1d()["rates"]
    widget = page.locator(ONE[1])
    widget.locator(".gd-pg__ball").focus()
    order = []
    for _ in range(5):
        page.keyboard.press("Tab")
        order.append(focused(page))
    assert order == ["gd-playground-1d-rate", "gd-playground-1d-start0", "Step", "Play", "Reset"]
    # Every control has a name.
    assert widget.get_by_role("slider", name="Learning rate η").count() == 1
    assert widget.get_by_role("slider", name="Start w").count() == 1
    assert widget.get_by_role("slider", name="Ball: start point w").count() == 1
    for name in ("Step", "Play", "Reset"):
        assert widget.get_by_role("button", name=name).count() == 1
    # Back to the rate slider, two notches up, then Step with Enter and with Space.
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    s = state(page, ONE[1])
    assert s["rate"] == rates[rates.index(config_1d()["rate"]) + 2]
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.keyboard.press("Space")
    s = state(page, ONE[1])
    assert s["shown"] == 2
    assert_matches_gdlesson(s)
    w = widget.locator(".gd-pg__readout").inner_text()
    assert f"{s['path'][2]:.4f}" in w and "2 of" in w
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # Reset
    assert state(page, ONE[1])["shown"] == 0
    assert page.errors == []


@pytest.mark.parametrize(
    ("mode", "rate", "where"),
    [
        (0, lesson.RATE_2D, (0.2, 0.2)),  # zig-zags
        (0, lesson.RATES_TABLE_2D[0], (0.8, 0.7)),  # never crosses
        (0, UNDER_2D, (0.9, 0.1)),  # just below 2/λmax
        (0, OVER_2D, (0.15, 0.85)),  # just above it
        (0, RATES_2D[-1], (0.5, 0.5)),
        (0, RATES_2D[0], (0.3, 0.3)),
        (1, fastest_slider_rate(rms_scaled(two_weight_cost())[0]), (0.2, 0.2)),
        (1, lesson.RATES_TABLE_2D[0], (0.8, 0.7)),
        (1, UNDER_2D, (0.9, 0.1)),
        (1, OVER_2D, (0.15, 0.85)),
        (1, RATES_2D[-1], (0.5, 0.5)),
    ],
)
def test_two_weight_click_sets_start_and_path_is_gdlessons(driven, mode, rate, where):
    page = driven(TWO)
    config = config_2d()
    if mode:
        switch(page).check()
    set_rate(page, TWO[1], rate, config["rates"])
    frame = page.locator(f"{TWO[1]} .gd-pg__frame")
    frame.scroll_into_view_if_needed()
    box = frame.bounding_box()
    page.mouse.click(box["x"] + where[0] * box["width"], box["y"] + where[1] * box["height"])
    s = state(page, TWO[1])
    (w1_lo, w1_hi), (w2_lo, w2_hi) = config["modes"][mode]["window"]
    assert s["rate"] == rate and s["mode"] == mode
    assert abs(s["start"][0] - (w1_lo + where[0] * (w1_hi - w1_lo))) < 0.05
    assert abs(s["start"][1] - (w2_hi - where[1] * (w2_hi - w2_lo))) < 0.05
    assert_matches_gdlesson(s)
    end = run_to_end(page, TWO[1])
    text = shown_text(page, TWO[1])
    assert ("diverged" in text) == (end["status"] == "diverged")
    assert "NaN" not in text and "Infinity" not in text
    assert page.errors == []


def drawn(page, selector: str) -> dict:
    """What the plot draws for the run: the frame's box; the ball's and the edge arrow's
    boxes (None when not shown); the arrow's direction on screen (its glyph points along
    its own +x, as playground.js draws it); the boxes of the start mark, the path's line
    and its dots; the status line's words."""
    return page.evaluate(
        """sel => { const root = document.querySelector(sel), q = s => root.querySelector(s);
        const box = e => { const r = e.getBoundingClientRect();
                           return {x: r.x, y: r.y, w: r.width, h: r.height}; };
        const seen = e => e.checkVisibility() ? box(e) : null, arrow = q('.gd-pg__arrow');
        const m = arrow.getScreenCTM(), o = new DOMPoint(0, 0).matrixTransform(m),
              x = new DOMPoint(1, 0).matrixTransform(m);
        return {frame: box(q('.gd-pg__frame')), ball: seen(q('.gd-pg__ball circle')),
                arrow: seen(arrow), toward: [x.x - o.x, x.y - o.y], start: box(q('.gd-pg__start')),
                line: box(q('.gd-pg__path')), dots: box(q('.gd-pg__dots')),
                status: q('.gd-pg__status').textContent}; }""",
        selector,
    )


def centre(b: dict) -> tuple[float, float]:
    return b["x"] + b["w"] / 2, b["y"] + b["h"] / 2


def inside(b: dict, frame: dict, slack: float = 0.5) -> bool:
    return (
        frame["x"] - slack <= b["x"]
        and b["x"] + b["w"] <= frame["x"] + frame["w"] + slack
        and frame["y"] - slack <= b["y"]
        and b["y"] + b["h"] <= frame["y"] + frame["h"] + slack
    )


@pytest.mark.parametrize("width", [320, 1280])
@pytest.mark.parametrize(
    ("where", "mode", "rate", "start"),
    [
        # too large: a step inside, then out to the left, to the right…
        (ONE, 0, lesson.RATES_1D["too large"], "0.5"),
        (ONE, 0, RATES_1D[-1], "3.99"),  # the slider's largest: out at the first step
        (TWO, 0, RATES_2D[-1], None),  # the lesson's start: out to the right, then the left…
        (TWO, 1, RATES_2D[-1], None),  # the same with scaled inputs: out on both axes
    ],
)
def test_a_run_that_leaves_the_map_says_so(open_page, where, mode, rate, start, width):
    """Stepped with the Step button to the end of a diverging run: at every step, a point
    inside the window is drawn where it is, as the ball; a point outside is not drawn at
    all: an arrow inside the frame, at its edge, points the way the run went, and the
    status says which way. The line and dots of the path stay inside the frame, and the
    longer status moves nothing. (Reduced motion: no transition, so each box is final
    when the click returns.)"""
    page = open_page(where[0], viewport={"width": width, "height": 800}, **STATIC)
    config = config_1d() if where == ONE else config_2d()
    widget = page.locator(where[1])
    if mode:
        switch(page).check()
    set_rate(page, where[1], rate, config["rates"])
    if start is not None:
        widget.locator("input[id$='-start0']").fill(start)
    s = state(page, where[1])
    assert_matches_gdlesson(s)
    assert s["status"] == "diverged"
    window = np.array(config["modes"][mode]["window"])
    run = gradient_descent(gdlesson_cost(s), s["start"][0] if where == ONE else s["start"], rate)
    points = np.c_[run.path, run.costs] if where == ONE else run.path
    widget.locator(".gd-pg__frame").scroll_into_view_if_needed()
    step = widget.get_by_role("button", name="Step")
    boxes = widget_boxes(page, where[1])
    left = False
    for k, point in enumerate(points):
        if k:
            step.click()
        d = drawn(page, where[1])
        frame = d["frame"]
        assert widget_boxes(page, where[1]) == pytest.approx(boxes, abs=0.5), k  # nothing moves
        for part in ("line", "dots"):  # cut at the frame
            assert inside(d[part], frame), (k, part, d[part], frame)
        x, y = centre(d["start"])  # the start mark and the ball, clipped by the frame
        assert inside({"x": x, "y": y, "w": 0, "h": 0}, frame), (k, d["start"])
        side = np.where(point < window[:, 0], -1, np.where(point > window[:, 1], 1, 0))
        u = (point - window[:, 0]) / (window[:, 1] - window[:, 0])  # 0 to 1 inside the window
        at = np.array([frame["x"] + u[0] * frame["w"], frame["y"] + (1 - u[1]) * frame["h"]])
        if not side.any():
            assert d["arrow"] is None and d["ball"] is not None, k
            assert centre(d["ball"]) == pytest.approx(tuple(at), abs=1), k  # where it is
            assert "off the map" not in d["status"]
            continue
        left = True
        assert d["ball"] is None and d["arrow"] is not None, k
        assert inside(d["arrow"], frame), (k, d["arrow"], frame)
        cx, cy = centre(d["arrow"])
        near = min(
            cx - frame["x"],
            frame["x"] + frame["w"] - cx,
            cy - frame["y"],
            frame["y"] + frame["h"] - cy,
        )
        assert near < 30, (k, near)  # at the frame's edge
        toward = np.array(d["toward"]) / np.hypot(*d["toward"])
        if where == ONE:  # along w, the way the run went
            assert toward == pytest.approx([side[0], 0], abs=1e-6), k
            words = {-1: "to the left", 1: "to the right"}[side[0]]
        else:  # from the frame's middle towards the point
            away = at - [frame["x"] + frame["w"] / 2, frame["y"] + frame["h"] / 2]
            assert toward @ away / np.hypot(*away) > 0.9999, (k, toward, away)
            for j, sign in ((0, side[0]), (1, -side[1])):
                assert sign == 0 or np.sign(toward[j]) == sign, (k, toward, side)
            vertical = {-1: "below", 1: "above", 0: ""}[side[1]]
            horizontal = {-1: "to the left", 1: "to the right", 0: ""}[side[0]]
            words = " and ".join(w for w in (vertical, horizontal) if w)
        shown = widget.locator(".gd-pg__readout dd").nth(1).inner_text()  # the readout's w
        shown = f"w = {shown}" if where == ONE else shown
        assert d["status"].endswith(f"off the map: {shown}, {words}"), (k, d["status"])
        assert d["status"].startswith("diverged, ") == (k == run.steps), (k, d["status"])
    assert left and state(page, where[1])["shown"] == run.steps
    assert page.errors == []


def test_two_weight_keyboard(open_page):
    page = open_page(TWO[0], **STATIC)
    widget = page.locator(TWO[1])
    start = state(page, TWO[1])["start"]
    assert start == list(config_2d()["start"])
    plot = widget.get_by_role("group", name="Contour map of the cost")
    plot.focus()
    plot.press("ArrowUp")
    plot.press("ArrowRight")
    plot.press("ArrowRight")
    s = state(page, TWO[1])
    assert s["start"] == [round(start[0] + 0.1, 2), round(start[1] + 0.05, 2)]
    assert_matches_gdlesson(s)
    order = []
    for _ in range(6):
        page.keyboard.press("Tab")
        order.append(focused(page))
    ids = ["gd-playground-2d-" + k for k in ("rate", "start0", "start1", "scaled")]
    assert order == [*ids, "Step", "Play"]
    for _ in range(5):
        page.keyboard.press("Shift+Tab")  # back to the rate slider
    page.keyboard.press("ArrowLeft")
    for _ in range(3):
        page.keyboard.press("Tab")
    page.keyboard.press("Space")  # the switch
    page.keyboard.press("Tab")  # Step
    page.keyboard.press("Enter")
    s = state(page, TWO[1])
    assert s["mode"] == 1 and s["rate"] < config_2d()["rate"] and s["shown"] == 1
    assert switch(page).is_checked()
    assert_matches_gdlesson(s)
    assert page.errors == []


def test_the_switch_scales_the_inputs_and_keeps_the_model(open_page):
    """Flipped on at the lesson's start and rate, then at the scaled valley's fastest slider
    rate: the steps the page quotes; the map, the axes and the readout in the scaled weights;
    flipped off: the lesson's start again, and the steps at the unscaled fastest rate."""
    page = open_page(TWO[0], **STATIC)
    config, f = config_2d(), facts()
    widget = page.locator(TWO[1])
    scaled, scale = rates.rms_scaled(two_weight_cost())
    before = state(page, TWO[1])
    assert (before["mode"], before["rate"], before["steps"]) == (
        0,
        lesson.RATE_2D,
        int(f["steps_2d"]),
    )
    rings = widget.locator(".gd-pg__ring").first.get_attribute("rx")
    switch(page).check()
    after = state(page, TWO[1])
    assert after["mode"] == 1 and after["rate"] == lesson.RATE_2D
    assert after["start"] == list(np.array(choices.START_2D) * scale)
    assert after["steps"] == int(f["steps_2d_scaled_same_rate"]) < before["steps"]
    assert_matches_gdlesson(after)
    set_rate(page, TWO[1], float(f["rate_2d_scaled"]), config["rates"])
    fastest = state(page, TWO[1])
    assert fastest["steps"] == int(f["steps_2d_scaled"])
    assert_matches_gdlesson(fastest)
    np.testing.assert_allclose(fastest["path"][-1], scaled.minimum(), atol=1e-5)
    text = shown_text(page, TWO[1])
    assert "w₁′" in text and "w₂′" in text and f"λmax/λmin: {f['condition_2d_scaled']}" in text
    assert f"{fastest['steps']} steps, converged" in text
    assert widget.locator(".gd-pg__ring").first.get_attribute("rx") != rings
    assert widget.get_by_role("slider", name="Start w₁′").count() == 1
    switch(page).uncheck()
    back = state(page, TWO[1])
    assert back["mode"] == 0
    np.testing.assert_allclose(back["start"], choices.START_2D, rtol=1e-15)
    assert_matches_gdlesson(back)
    assert f"λmax/λmin: {f['condition_2d']}" in shown_text(page, TWO[1])
    set_rate(page, TWO[1], float(f["rate_2d_best"]), config["rates"])
    assert state(page, TWO[1])["steps"] == int(f["steps_2d_best"])
    assert page.errors == []


@pytest.mark.parametrize(("where", "config"), [(ONE, config_1d()), (TWO, config_2d())])
def test_the_words_for_each_rate_are_gdlessons_bands(driven, where, config):
    page = driven(where)
    verdict = page.locator(f"{where[1]} .gd-pg__verdict")
    slider = page.locator(f"{where[1]} input[id$='-rate']")
    for m, mode in enumerate(config["modes"]):
        if m:
            switch(page).check()
        slider.focus()
        slider.press("Home")
        for i, rate in enumerate(config["rates"]):
            label = mode["bands"][mode["band"][i]]["label"]
            shown = verdict.inner_text()
            assert shown.startswith(label[0].upper() + label[1:] + ". "), (rate, shown)
            assert slider.get_attribute("aria-valuetext") == f"{rate:g}, {label}"
            slider.press("ArrowRight")
    assert page.errors == []


def widget_boxes(page, selector: str) -> list[float]:
    """x, y, width, height of the widget, its parts and what comes next, y from the
    widget's top (figures above it may load in their own time: that is not the widget's)."""
    return page.evaluate(
        """sel => { const root = document.querySelector(sel), top = root.getBoundingClientRect().y;
        const rest = [...root.querySelectorAll('.gd-pg__plot, .gd-pg__panel, .gd-pg__out'),
                      root.nextElementSibling];
        return [root, ...rest].flatMap(e => { const r = e.getBoundingClientRect();
                                              return [r.x, r.y - top, r.width, r.height]; }); }""",
        selector,
    )


def script_routed(page, body) -> None:
    """Serve playground.js as ``body(original)`` and load the page again."""

    def handle(route):
        route.fulfill(body=body(route.fetch().text()), content_type="text/javascript")

    page.route("**/javascripts/playground.js", handle)
    page.reload()


#: Screens the widget is laid out on, the narrowest first.
WIDTHS = (320, 360, 412, 768, 1280, 1920)


@pytest.mark.parametrize("where", [ONE, TWO])
def test_building_the_widget_moves_nothing(open_page, where):
    """The page without the script has the widget's parts where the built widget has them,
    at every width (the two pages resized together, as a window dragged or a phone
    turned), whatever the rate or the mode."""
    pages = [open_page(where[0], viewport={"width": WIDTHS[0], "height": 900}, **STATIC)]
    pages.append(open_page(where[0], viewport={"width": WIDTHS[0], "height": 900}, **STATIC))
    built, empty = pages
    script_routed(empty, lambda original: "")
    assert empty.locator(f"{where[1]} .gd-pg__svg").count() == 0
    rates = config_1d()["rates"] if where == ONE else config_2d()["rates"]
    slider = built.locator(f"{where[1]} input[id$='-rate']")
    for width in WIDTHS:
        for page in pages:
            page.set_viewport_size({"width": width, "height": 900})
            page.evaluate(SETTLE)
        reserved = widget_boxes(empty, where[1])
        assert widget_boxes(built, where[1]) == pytest.approx(reserved, abs=0.5), width
        if width < 360:  # a longer verdict may take one more line after the reader's input
            continue
        if where == TWO:
            switch(built).check()
        # Step through the rates: the words change, the widget's size does not.
        slider.focus()
        slider.press("Home")
        for rate in rates:
            assert widget_boxes(built, where[1]) == pytest.approx(reserved, abs=0.5), (width, rate)
            slider.press("ArrowRight")
    assert built.errors == []


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 800}, PHONE])
@pytest.mark.parametrize("where", [ONE, TWO])
def test_no_layout_shift_when_the_script_comes_late_and_the_ball_rolls(open_page, where, viewport):
    """Cumulative layout shift 0 from building the widget after the page is painted, in
    view, and from the ball rolling by itself (no reader input) to the end of its descent.
    (The script runs when the test says; what else moved before that is not counted.)
    In the light palette: the dark one changes colours, never a size."""
    page = open_page(where[0], viewport=viewport)
    page.add_init_script(
        "window.gdShift = 0; window.gdAdd = l => l.forEach(e => {"
        " if (!e.hadRecentInput) gdShift += e.value; });"
        " window.gdShifts = new PerformanceObserver(l => gdAdd(l.getEntries()));"
        " gdShifts.observe({type: 'layout-shift', buffered: true});"
    )
    # The shifts so far: those the observer's callback has had, and those it has not
    # had yet (the browser may run it later), taken at once.
    shifted = "() => { gdAdd(gdShifts.takeRecords()); return gdShift; }"
    script_routed(page, lambda original: f"window.gdBuild = function () {{\n{original}\n}};")
    page.locator(where[1]).scroll_into_view_if_needed()
    # The figures in view load (lazy ones further down wait for the reader).
    page.wait_for_function(
        "Array.from(document.images).filter(i => { const r = i.getBoundingClientRect();"
        " return i.checkVisibility() && r.bottom > 0 && r.top < innerHeight; })"
        ".every(i => i.complete)"
    )
    page.evaluate(SETTLE)
    before = page.evaluate(shifted)
    page.evaluate("gdBuild()")
    page.wait_for_function(f"document.querySelector('{where[1]}').gdState")
    if where == ONE:  # the lesson's descent plays to its end
        page.wait_for_function(
            f"document.querySelector('{where[1]}').getAttribute('data-status') === 'converged'",
            timeout=15_000,
        )
    page.evaluate(SETTLE)
    assert page.evaluate(shifted) - before == 0
    assert page.errors == []


def test_the_ball_rolls_unless_the_reader_asks_for_less_motion(open_page):
    page = open_page(ONE[0], clock=True)
    page.locator(ONE[1]).scroll_into_view_if_needed()
    run_clock_until(
        page, f"document.querySelector('{ONE[1]}').getAttribute('data-status') === 'converged'"
    )
    s, lesson_config = state(page, ONE[1]), config_1d()
    assert (s["rate"], s["start"], s["shown"]) == (
        lesson_config["rate"],
        lesson_config["start"],
        s["steps"],
    )
    assert_matches_gdlesson(s)

    still = open_page(ONE[0], **STATIC)
    still.locator(ONE[1]).scroll_into_view_if_needed()
    still.clock.run_for(s["steps"] * 1_000)  # longer than the ball took to roll above
    s = state(still, ONE[1])
    assert s["shown"] == 0 and not s["playing"]
    assert page.errors == [] and still.errors == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("where", [ONE, TWO])
def test_fits_a_phone(open_page, where, scheme):
    page = open_page(where[0], scheme, viewport=PHONE, **STATIC)
    widget = page.locator(where[1])
    widget.scroll_into_view_if_needed()
    for flip in (False, True) if where == TWO else (False,):
        if flip:
            switch(page).check()
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        box = widget.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 360
        for control in widget.locator("input, button, label, dd, p").all():
            b = control.bounding_box()
            assert b["x"] >= 0 and b["x"] + b["width"] <= 360
    assert page.errors == [] and page.foreign_requests == []


def test_without_javascript_the_figures_still_teach(open_page):
    """The note names the figures: on the page, or on the page it links to."""
    for where, figure in [(ONE, "learning-rates-light"), (TWO, "contour-2d-light")]:
        page = open_page(where[0], java_script_enabled=False)
        widget = page.locator(where[1])
        assert widget.locator("noscript").count() == 1
        note = widget.locator(".gd-playground__note")
        assert note.is_visible()
        assert widget.bounding_box()["height"] < 150  # no empty room kept for the widget
        if note.locator("a").count():
            note.locator("a").click()
            page.wait_for_load_state()
        # One on the screen; a copy for paper (gdlesson.shaping.add_print_figures) is hidden.
        assert page.locator(f"img[src*='{figure}']:visible").count() == 1


def test_widgets_are_small(site):
    """Script and stylesheet, unminified and commented, under 36 KiB (about 12 KiB as sent,
    gzip-compressed); 30 KiB until the off-the-map arrow and the path's clipping came, 34
    until the momentum control (35.5 KiB with it)."""
    js = site / "javascripts" / "playground.js"
    css = site / "stylesheets" / "playground.css"
    assert js.stat().st_size + css.stat().st_size < 36 * 1024
