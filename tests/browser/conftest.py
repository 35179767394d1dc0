"""Fixtures for tests that load the built site in a real browser (Chromium via Playwright).

- ``site_url``: the built site (the ``site`` fixture of tests/conftest.py) served over
  HTTP on 127.0.0.1, on a free port, for the whole session; ends with ``/``. Text is
  sent gzip-compressed when the browser asks, as a static host does.
- ``browser``: one headless Chromium for the session, chosen by scripts/chromium.py
  (``$GDLESSON_CHROMIUM``, else Debian's headless shell, else its ``chromium``, else
  Playwright's own); a missing browser fails the tests, never skips them.
- ``open_page(path, scheme="light", **context_kwargs)``: a fresh context in the light or
  dark scheme, the page at ``path`` (relative to the site) loaded; with ``clock=True``
  its timers run only when the test says (``page.clock.run_for``). Every request to
  another host is aborted and recorded. The page carries:

  - ``page.errors``: console errors and uncaught page errors, as strings;
  - ``page.foreign_requests``: URLs requested from anywhere but the local server;
  - ``page.requests``: every request the context made (page and workers).

  Contexts are closed at the end of the test.
- ``kept_page(path, scheme="light", **context_kwargs)``: the same, loaded once per
  module for the same arguments and shared by its tests.

What a page loaded, by kind (:func:`loaded_weight`), recorded with
``record_property(tests.page_weights.NAME, (path, scheme, weight))``, is printed in
a table at the end of the run.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import sync_playwright

from scripts.chromium import launch
from scripts.static_host import served

SCHEMES = ("light", "dark")
#: Two animation frames: whatever a scroll, a loaded image or a script changed is laid out.
SETTLE = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


@pytest.fixture(scope="session")
def site_url(site: Path):
    """Base URL (ending in ``/``) of the built site, served on 127.0.0.1."""
    with served(site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session (scripts/chromium.py says which)."""
    with sync_playwright() as playwright:
        try:
            chromium = launch(playwright)
        except RuntimeError as error:
            pytest.fail(str(error))
        yield chromium
        chromium.close()


def load_page(
    browser,
    site_url: str,
    path: str = "",
    scheme: str = "light",
    *,
    wait_until: str = "load",
    clock: bool = False,
    **context_kwargs,
):
    """A new context in ``scheme`` and the page at ``path`` loaded in it, instrumented
    as described above; the caller closes ``page.context``. ``open_page`` uses this;
    a module that shares pages between tests can too."""
    assert scheme in SCHEMES, scheme
    origin = urlsplit(site_url).netloc
    context = browser.new_context(color_scheme=scheme, **context_kwargs)
    page = context.new_page()
    page.errors = []
    page.foreign_requests = []
    page.requests = []

    def route(route):
        url = route.request.url
        if urlsplit(url).netloc == origin or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            page.foreign_requests.append(url)
            route.abort()

    context.route("**/*", route)
    context.on("request", lambda request: page.requests.append(request))
    page.on(
        "console",
        lambda msg: (
            msg.type == "error"
            and page.errors.append(f"console: {msg.text} ({msg.location.get('url', '')})")
        ),
    )
    page.on("pageerror", lambda exc: page.errors.append(f"pageerror: {exc}"))
    if clock:  # before the page's first timer: installed later, it errs on those
        page.clock.install()
    page.goto(site_url + path.lstrip("/"), wait_until=wait_until)
    return page


@pytest.fixture
def open_page(browser, site_url):
    """Factory: ``open_page(path, scheme="light", **context_kwargs)`` → a loaded page."""
    pages = []

    def _open(path: str = "", scheme: str = "light", **kwargs):
        pages.append(load_page(browser, site_url, path, scheme, **kwargs))
        return pages[-1]

    yield _open
    for page in pages:
        page.context.close()


@pytest.fixture(scope="module")
def kept_page(browser, site_url):
    """Factory: ``kept_page(path, scheme="light", **context_kwargs)``, as ``open_page``,
    but the page is loaded once per module for the same arguments and kept, shared by
    the module's tests (a page load is the slow part), and closed at the module's end.
    A test that changes a kept page leaves it so: the next one sets what it needs."""
    pages = {}

    def _get(path: str = "", scheme: str = "light", **kwargs):
        key = (path, scheme, repr(sorted(kwargs.items())))
        if key not in pages:
            pages[key] = load_page(browser, site_url, path, scheme, **kwargs)
        return pages[key]

    yield _get
    for page in pages.values():
        page.context.close()


# --- What a page weighs -------------------------------------------------------------

#: A resource's kind, by what asked for it (resource timing's initiatorType).
_KINDS = {"navigation": "html", "link": "css", "css": "css", "script": "js", "img": "img"}


def loaded_weight(page) -> dict[str, tuple[int, int]]:
    """What ``page`` has loaded so far, by kind (``html``, ``css``, ``js``, ``img``):
    ``(bytes as sent, bytes unpacked)``, from the page's resource timing. The search
    worker and the index it fetches are the site's, loaded once for every page and
    kept by the browser, not the page's: timing lists them as "other", left out."""
    entries = page.evaluate(
        """() => [...performance.getEntriesByType('navigation'),
                  ...performance.getEntriesByType('resource')]
            .map(e => [e.initiatorType, e.encodedBodySize, e.decodedBodySize])"""
    )
    weight = dict.fromkeys(_KINDS.values(), (0, 0))
    for initiator, sent, unpacked in entries:
        if initiator in _KINDS:
            kind = _KINDS[initiator]
            weight[kind] = (weight[kind][0] + sent, weight[kind][1] + unpacked)
    return weight
