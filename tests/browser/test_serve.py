"""`mkdocs serve` as an instructor runs it: edits show in the open page, no restart.

The server runs on a copy of the sources (docs/, gdlesson/, mkdocs.yml) with the
flags of ``scripts/serve``. The test never reloads the page: MkDocs' live-reload
script must do it after each rebuild (with the pinned click it needs
``--livereload``), and the rebuilt page must show the edit.
"""

from __future__ import annotations

import ast
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import project_copy, project_env, source_of

ROOT = Path(__file__).resolve().parents[2]
REBUILD_MS = 120_000  # a cold build on a slow machine


def serve_flags() -> list[str]:
    """The flags `scripts/serve` gives `mkdocs serve` (FLAGS in scripts/serve.py)."""
    source = (ROOT / "scripts" / "serve.py").read_text()
    return ast.literal_eval(re.search(r"^FLAGS = (\[.*\])$", source, re.M).group(1))


@pytest.fixture
def served(tmp_path):
    """(project, url): `mkdocs serve` running on a copy of the sources."""
    project_copy(tmp_path, package=True)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", *serve_flags(), "-a", f"127.0.0.1:{port}"],
        cwd=tmp_path,
        env=project_env(tmp_path),
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + REBUILD_MS / 1000
        while True:
            assert server.poll() is None, (tmp_path / "serve.log").read_text()
            try:
                urllib.request.urlopen(url, timeout=2).close()
                break
            except OSError:
                assert time.monotonic() < deadline, (tmp_path / "serve.log").read_text()
                time.sleep(0.2)
        yield tmp_path, url
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


def test_edits_to_a_page_and_a_figure_show_without_a_restart(served, browser):
    project, url = served
    page = browser.new_page()
    page.goto(url + "recap/")

    recap = project / "docs" / "recap.md"
    with page.expect_navigation(timeout=REBUILD_MS):  # live reload, not us
        recap.write_text(recap.read_text() + "\nEdited while the server runs.\n")
    assert "Edited while the server runs." in page.inner_text("article")

    figures = source_of(project / "gdlesson", '"Price",')
    with page.expect_navigation(timeout=REBUILD_MS):
        figures.write_text(figures.read_text().replace('"Price",', '"Selling price",'))
    svg = page.request.get(url + "figures/network-light.svg").text()
    assert "Selling price" in svg
    page.close()
