"""The learning-rate playgrounds, driven through their controls in Chromium.

Each test sets the learning rate and the start with the widget's own controls
(keys on the sliders, a drag of the ball, a click on the contour map), reads
back the rate and start the widget actually used (slider positions are
quantised) and the path it computed, and checks it against
:func:`gdlesson.descent.gradient_descent`: same status, same number of steps,
every point and cost equal to 1e-12 relative.
"""

from __future__ import annotations

import numpy as np
import pytest

from gdlesson.costs import one_weight_cost, two_weight_cost
from gdlesson.descent import gradient_descent
from gdlesson.playground import config_1d, config_2d

ONE = ("gradient-descent/", "#gd-playground-1d")
TWO = ("two-weights/", "#gd-playground-2d")
STATIC = {"reduced_motion": "reduce"}  # no autoplay: the tests drive every step


def state(page, selector: str) -> dict:
    return page.evaluate(f"document.querySelector('{selector}').gdState()")


def assert_matches_gdlesson(s: dict) -> None:
    """The widget's descent is gdlesson's, for the rate and start it reports."""
    one = s["kind"] == "1d"
    cost = one_weight_cost() if one else two_weight_cost()
    run = gradient_descent(cost, s["start"][0] if one else s["start"], s["rate"])
    assert (s["status"], s["steps"]) == (run.status, run.steps), (s["rate"], s["start"])
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


def run_to_end(page, selector: str, timeout: float = 30_000) -> dict:
    """Press Play and wait until the widget has shown its last step."""
    page.locator(selector).get_by_role("button", name="Play").click()
    page.wait_for_function(
        f"(s => s.shown === s.steps && !s.playing)(document.querySelector('{selector}').gdState())",
        timeout=timeout,
    )
    return state(page, selector)


def shown_text(page, selector: str) -> str:
    return page.locator(selector).inner_text()


@pytest.mark.parametrize(
    ("rate", "start"),
    [
        (0.05, "0.5"),  # the rolling ball of the lesson
        (0.001, "0.5"),  # too small: barely moves
        (0.2, "3.6"),  # zig-zags
        (0.21, "0.5"),  # just below 2/L: converges, slowly
        (0.22, "0.5"),  # just above 2/L: diverges, slowly
        (0.25, "1.25"),  # too large
        (0.5, "3.99"),
        (0.1, "2"),
    ],
)
def test_one_weight_path_is_gdlessons(open_page, rate, start):
    page = open_page(ONE[0], **STATIC)
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
        order.append(
            page.evaluate("document.activeElement.id || document.activeElement.textContent")
        )
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
    ("rate", "where"),
    [
        (0.17, (0.2, 0.2)),
        (0.05, (0.8, 0.7)),
        (0.19, (0.9, 0.1)),
        (0.2, (0.15, 0.85)),
        (0.3, (0.5, 0.5)),
        (0.001, (0.3, 0.3)),
    ],
)
def test_two_weight_click_sets_start_and_path_is_gdlessons(open_page, rate, where):
    page = open_page(TWO[0], **STATIC)
    rates = config_2d()["rates"]
    set_rate(page, TWO[1], rate, rates)
    frame = page.locator(f"{TWO[1]} .gd-pg__frame")
    frame.scroll_into_view_if_needed()
    box = frame.bounding_box()
    page.mouse.click(box["x"] + where[0] * box["width"], box["y"] + where[1] * box["height"])
    s = state(page, TWO[1])
    (w1_lo, w1_hi), (w2_lo, w2_hi) = config_2d()["window"]
    assert s["rate"] == rate
    assert abs(s["start"][0] - (w1_lo + where[0] * (w1_hi - w1_lo))) < 0.05
    assert abs(s["start"][1] - (w2_hi - where[1] * (w2_hi - w2_lo))) < 0.05
    assert_matches_gdlesson(s)
    end = run_to_end(page, TWO[1], timeout=60_000)
    text = shown_text(page, TWO[1])
    assert ("diverged" in text) == (end["status"] == "diverged")
    assert "NaN" not in text and "Infinity" not in text
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
    page.keyboard.press("Tab")  # to the rate slider
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # Step
    page.keyboard.press("Enter")
    s = state(page, TWO[1])
    assert s["rate"] < config_2d()["rate"] and s["shown"] == 1
    assert_matches_gdlesson(s)
    assert page.errors == []


def test_the_ball_rolls_unless_the_reader_asks_for_less_motion(open_page):
    page = open_page(ONE[0])
    page.locator(ONE[1]).scroll_into_view_if_needed()
    page.wait_for_function(
        f"document.querySelector('{ONE[1]}').getAttribute('data-status') === 'converged'",
        timeout=15_000,
    )
    s, lesson = state(page, ONE[1]), config_1d()
    assert (s["rate"], s["start"], s["shown"]) == (lesson["rate"], lesson["start"], s["steps"])
    assert_matches_gdlesson(s)

    still = open_page(ONE[0], **STATIC)
    still.locator(ONE[1]).scroll_into_view_if_needed()
    still.wait_for_timeout(1000)
    s = state(still, ONE[1])
    assert s["shown"] == 0 and not s["playing"]
    assert page.errors == [] and still.errors == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("where", [ONE, TWO])
def test_fits_a_phone(open_page, where, scheme):
    page = open_page(where[0], scheme, viewport={"width": 360, "height": 740}, **STATIC)
    widget = page.locator(where[1])
    widget.scroll_into_view_if_needed()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    box = widget.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360
    for control in widget.locator("input, button").all():
        b = control.bounding_box()
        assert b["x"] >= 0 and b["x"] + b["width"] <= 360
    assert page.errors == [] and page.foreign_requests == []


def test_without_javascript_the_figures_still_teach(open_page):
    page = open_page(ONE[0], java_script_enabled=False)
    assert page.locator(f"{ONE[1]} noscript").count() == 1
    assert page.locator("img[src*='learning-rates-light']").count() == 1


def test_widgets_are_small(site):
    js = site / "javascripts" / "playground.js"
    css = site / "stylesheets" / "playground.css"
    assert js.stat().st_size + css.stat().st_size < 30 * 1024
