"""The momentum playground (page "Momentum"), driven through its controls in Chromium.

As for the other playgrounds (tests/browser/test_playground.py): each test sets the
rate, the momentum β and the start with the widget's own controls, reads back what
the widget used, and checks its path against
:func:`gdlesson.momentum.momentum_descent` to 1e-12; its words for each (η, β) are
gdlesson's factor (:func:`gdlesson.momentum.slowest_factor`); it works from the
keyboard alone and fits a 320 px screen.
"""

from __future__ import annotations

import numpy as np
import pytest

from gdlesson import choices, lesson
from gdlesson.costs import two_weight_cost
from gdlesson.momentum import momentum_descent, slowest_factor
from gdlesson.playground import config_momentum
from tests.browser.test_playground import (  # noqa: F401 - driven, the fixture
    STATIC,
    driven,
    focused,
    run_to_end,
    set_rate,
    state,
)

PAGE, WIDGET = "momentum/", "#gd-playground-momentum"


def set_beta(page, beta: float, betas: list[float]) -> None:
    """Move the β slider with the keyboard: Home, then ArrowRight to ``beta``."""
    slider = page.locator(f"{WIDGET} input[id$='-beta']")
    slider.focus()
    slider.press("Home")
    for _ in range(betas.index(beta)):
        slider.press("ArrowRight")


def assert_matches_gdlesson(s: dict) -> None:
    run = momentum_descent(two_weight_cost(), s["start"], s["rate"], s["beta"])
    assert (s["status"], s["steps"]) == (run.status, run.steps), (s["rate"], s["beta"], s["start"])
    path, costs = np.array(s["path"]), np.array(s["costs"])
    assert path.shape == run.path.shape
    np.testing.assert_allclose(path, run.path, rtol=1e-12, atol=1e-12 * np.abs(run.path).max())
    np.testing.assert_allclose(costs, run.costs, rtol=1e-12, atol=1e-12 * run.costs.max())


def test_it_starts_at_the_lessons_heavy_ball(open_page):
    page = open_page(PAGE, **STATIC)
    s = state(page, WIDGET)
    assert (s["rate"], s["beta"]) == (lesson.RATE_MOMENTUM, lesson.BETA_MOMENTUM)
    assert s["start"] == list(choices.START_2D)
    assert_matches_gdlesson(s)
    assert page.errors == []


@pytest.mark.parametrize(
    ("rate", "beta", "where"),
    [
        (0.22, 0.0, (0.2, 0.2)),  # no momentum, above 2/λmax: diverges
        (0.17, 0.9, (0.8, 0.3)),  # swings a long time
        (0.25, 0.3, (0.5, 0.9)),  # just below 2(1 + β)/λmax
        (0.3, 0.5, (0.1, 0.6)),  # far above 2/λmax, rescued
        (0.5, 0.99, (0.3, 0.3)),  # above 4/λmax: nothing rescues it
    ],
)
def test_the_path_is_gdlessons(driven, rate, beta, where):  # noqa: F811 - the fixture
    page = driven((PAGE, WIDGET))
    config = config_momentum()
    set_rate(page, WIDGET, rate, config["rates"])
    set_beta(page, beta, config["betas"])
    frame = page.locator(f"{WIDGET} .gd-pg__frame")
    frame.scroll_into_view_if_needed()
    box = frame.bounding_box()
    page.mouse.click(box["x"] + where[0] * box["width"], box["y"] + where[1] * box["height"])
    s = state(page, WIDGET)
    assert (s["rate"], s["beta"]) == (rate, beta)
    assert_matches_gdlesson(s)
    verdict = page.locator(f"{WIDGET} .gd-pg__verdict").inner_text()
    factor = slowest_factor(rate, beta, two_weight_cost())
    assert verdict.startswith("Converges" if factor < 1 else "Diverges")
    if factor < 1:
        assert f"about {100 * factor:.2g}% of the distance" in verdict
    end = run_to_end(page, WIDGET)
    text = page.locator(WIDGET).inner_text()
    assert ("diverged" in text) == (end["status"] == "diverged")
    for bad in ("NaN", "Infinity", "undefined"):
        assert bad not in text
    assert page.errors == []


def test_keyboard_only(open_page):
    page = open_page(PAGE, **STATIC)
    widget = page.locator(WIDGET)
    plot = widget.get_by_role("group", name="Contour map of the cost")
    plot.focus()
    plot.press("ArrowDown")
    order = []
    for _ in range(5):
        page.keyboard.press("Tab")
        order.append(focused(page))
    ids = [f"gd-playground-momentum-{k}" for k in ("rate", "beta", "start0", "start1")]
    assert order == [*ids, "Step"]
    for _ in range(3):
        page.keyboard.press("Shift+Tab")  # back to β
    page.keyboard.press("End")
    s = state(page, WIDGET)
    assert s["beta"] == config_momentum()["betas"][-1]
    assert s["start"] == [choices.START_2D[0], round(choices.START_2D[1] - 0.05, 2)]
    assert_matches_gdlesson(s)
    assert page.errors == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_fits_a_320_px_screen(open_page, scheme):
    page = open_page(PAGE, scheme, viewport={"width": 320, "height": 640}, **STATIC)
    widget = page.locator(WIDGET)
    widget.scroll_into_view_if_needed()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    for control in widget.locator("input, button, label, dd, p").all():
        b = control.bounding_box()
        assert b["x"] >= 0 and b["x"] + b["width"] <= 320
    assert page.errors == [] and page.foreign_requests == []
