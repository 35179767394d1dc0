"""The exercises' answers in Chromium, light and dark: each is hidden until opened,
reached with Tab and opened with Enter alone, and passes axe-core once open."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.conftest import nav_sources, page_url

#: The pages with answers: every page but the home page.
ANSWERED = nav_sources()[1:]
PAGES = [
    pytest.param(source, scheme, id=f"{page_url(source)}-{scheme}")
    for source in ANSWERED
    for scheme in ("light", "dark")
]
ACTIVE_SUMMARY = "document.activeElement === document.querySelectorAll('article summary')[%d]"


@pytest.mark.parametrize(("source", "scheme"), PAGES)
def test_each_answer_opens_from_the_keyboard_and_passes_axe_open(open_page, source, scheme):
    page = open_page(page_url(source), scheme)
    summaries = page.locator("article details > summary")
    assert summaries.count() >= 1
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
    violations = Axe().run(page).response["violations"]
    assert [f"{v['id']}: {v['help']}" for v in violations] == []
    assert page.errors == []
