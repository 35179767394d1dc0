"""scripts/serve as an instructor runs it: every edit shows on the next load, and the
page open in the browser reloads itself.

The server is scripts/serve on a copy of the sources (docs/, gdlesson/, mkdocs.yml).
A page stays open in Chromium, and the test never reloads it: MkDocs' live-reload
script must (with the pinned click it needs ``--livereload``, one of the script's
flags) after an edit of a page's Markdown or of a figure's module, and the rebuilt
page must show the edit. The module that shapes the HTML, which MkDocs cannot import
again, restarts the server; the lesson's data is made afresh by workers. Stopped by
SIGTERM, the server leaves no temporary folder.
"""

from __future__ import annotations

import signal

from tests.conftest import source_of
from tests.test_serve import edit, fetch, mkdocs_process, serve, wait_for  # noqa: F401 - serve

REBUILD_MS = 120_000  # a cold build on a slow machine


def test_every_kind_of_edit_shows_and_the_open_page_reloads_itself(serve, browser):  # noqa: F811
    project, url, server, tmp = serve
    package = project / "gdlesson"
    assert wait_for(url + "recap/", "</html>"), "the server never answered"
    page = browser.new_page()
    page.goto(url + "recap/")

    with page.expect_navigation(timeout=REBUILD_MS):  # live reload, not us
        edit(
            project / "docs" / "recap.md", "How wrong the network", "How wrong (edited) the network"
        )
    assert "How wrong (edited) the network" in page.inner_text("article"), "a page's Markdown"

    # A figure is drawn afresh by new workers, in the same MkDocs: the hooks never
    # import a page's module, so its edit needs no restart.
    mkdocs = mkdocs_process(server)
    with page.expect_navigation(timeout=REBUILD_MS):
        edit(source_of(package, '"Price",'), '"Price",', '"Selling price",')
    assert "Selling price" in page.request.get(url + "figures/network-light.svg").text()
    assert mkdocs_process(server) == mkdocs, "MkDocs restarted for a figure's edit"
    page.close()

    with (package / "shaping.py").open("a") as f:
        f.write(
            "\n_shaped = add_scroll_boxes\n\n\ndef add_scroll_boxes(html):\n"
            "    return _shaped(html) + '<p>shaped-again</p>'\n"
        )
    assert wait_for(url + "recap/", "shaped-again"), "the HTML shaping (restart)"

    assert "0.123" not in fetch(url + "try-it/")
    edit(package / "choices.py", "RATES_NOTEBOOK = (0.005,", "RATES_NOTEBOOK = (0.005, 0.123,")
    assert wait_for(url + "try-it/", "0.123"), "the lesson's data"
    assert server.poll() is None, server.stderr.read()

    server.send_signal(signal.SIGTERM)
    server.wait(timeout=30)
    assert list(tmp.iterdir()) == [], "serve left files in TMPDIR"
