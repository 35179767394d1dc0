"""The site built as it is published (``SITE_URL`` and ``REPO_URL`` set), in Chromium:
with the repository's links on every page, still no request leaves the site (Material's
header would fetch the repository's stars from GitHub's API: overrides/partials/source.html)."""

from __future__ import annotations

import pytest

from scripts.static_host import served
from tests.browser.conftest import load_page
from tests.conftest import page_url
from tests.test_sharing import REPO_URL, published  # noqa: F401 - the fixture

SOURCES = ["index.md", "try-it.ipynb"]


@pytest.fixture(scope="module")
def published_url(published):  # noqa: F811 - the fixture imported above
    with served(published) as url:
        yield url


@pytest.mark.parametrize("source", SOURCES)
def test_with_the_repository_linked_no_request_leaves_the_site(browser, published_url, source):
    page = load_page(browser, published_url, page_url(source), "light")
    try:
        page.wait_for_load_state("networkidle")
        assert page.locator(f'a.md-source[href="{REPO_URL}"]').count() >= 1
        assert page.locator("a[rel=edit]").count() == 1
        assert page.foreign_requests == [] and page.errors == []
    finally:
        page.context.close()
