"""scripts/serve shows every edit on the next load: a page's Markdown, the module
that shapes the HTML (which MkDocs cannot import again: the server restarts), a
figure's module and the lesson's data (made afresh by workers). It refuses
--dirty, and leaves no temporary folder when stopped by SIGTERM."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT, project_copy, project_env, source_of

pytestmark = pytest.mark.build  # tests/kinds.py


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode()
    except OSError:
        return ""


def wait_for(url: str, text: str, timeout: float = 240) -> bool:
    """Poll ``url`` until it holds ``text`` (each request waits for the server)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if text in fetch(url):
            return True
        time.sleep(0.2)
    return False


def edit(path: Path, old: str, new: str) -> None:
    source = path.read_text()
    assert source.count(old) == 1, (path, old)
    path.write_text(source.replace(old, new))


@pytest.fixture
def serve(tmp_path):
    project = project_copy(tmp_path / "project", package=True)
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, str(ROOT / "scripts" / "serve.py"), "-a", f"127.0.0.1:{port}"],
        cwd=project,
        env=project_env(project) | {"TMPDIR": str(tmp)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    yield project, f"http://127.0.0.1:{port}/", server, tmp
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()


def mkdocs_process(server: subprocess.Popen) -> int:
    """The MkDocs that scripts/serve keeps (its one child)."""
    (child,) = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
    return int(child)


def test_every_kind_of_edit_shows_on_the_next_load(serve):
    project, url, server, tmp = serve
    package = project / "gdlesson"
    assert wait_for(url + "recap/", "</html>"), "the server never answered"

    edit(project / "docs" / "recap.md", "How wrong the network", "How wrong (edited) the network")
    assert wait_for(url + "recap/", "How wrong (edited) the network"), "a page's Markdown"

    with (package / "shaping.py").open("a") as f:
        f.write(
            "\n_shaped = add_scroll_boxes\n\n\ndef add_scroll_boxes(html):\n"
            "    return _shaped(html) + '<p>shaped-again</p>'\n"
        )
    assert wait_for(url + "recap/", "shaped-again"), "the HTML shaping (restart)"

    # A figure is drawn afresh by new workers, in the same MkDocs: the hooks never
    # import a page's module, so its edit needs no restart.
    mkdocs = mkdocs_process(server)
    edit(source_of(package, '"Price",'), '"Price",', '"Selling price",')
    assert wait_for(url + "figures/network-light.svg", "Selling price"), "a figure"
    assert mkdocs_process(server) == mkdocs, "MkDocs restarted for a figure's edit"

    assert "0.123" not in fetch(url + "try-it/")
    edit(package / "choices.py", "RATES_NOTEBOOK = (0.005,", "RATES_NOTEBOOK = (0.005, 0.123,")
    assert wait_for(url + "try-it/", "0.123"), "the lesson's data"
    assert server.poll() is None, server.stderr.read()

    server.send_signal(signal.SIGTERM)
    server.wait(timeout=30)
    assert list(tmp.iterdir()) == [], "serve left files in TMPDIR"


@pytest.mark.parametrize("script", ["serve", "build"])
def test_dirty_is_refused_in_one_line(script):
    result = subprocess.run(
        [str(ROOT / "scripts" / script), "--dirty"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "--dirty" in result.stderr


def test_mkdocs_itself_refuses_dirty(tmp_path):
    """Without the scripts, the hooks refuse it, before any work."""
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--dirty", "-d", str(tmp_path / "site")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    errors = [line for line in result.stderr.splitlines() if "--dirty" in line]
    assert errors and "not supported" in errors[0], result.stderr
    assert not (tmp_path / "site").exists()


def test_a_killed_serve_leaves_nothing_after_the_next_start(serve):
    """SIGKILL gives no time to clean: MkDocs follows its keeper (a parent-death
    signal), and the next start removes the folder the killed one left."""
    project, url, server, tmp = serve
    assert wait_for(url, "</html>"), "the server never answered"
    mkdocs = mkdocs_process(server)
    server.kill()
    server.wait()
    assert wait_until_gone(mkdocs), "mkdocs serve outlived its keeper"
    assert [p.name.split("-")[2] for p in tmp.iterdir()] == [str(server.pid)]

    again = subprocess.Popen(
        [sys.executable, str(ROOT / "scripts" / "serve.py"), "-a", url.split("/")[2]],
        cwd=project,
        env=project_env(project) | {"TMPDIR": str(tmp)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        assert wait_for(url, "</html>"), "the server never answered again"
        assert [p.name.split("-")[2] for p in tmp.iterdir()] == [str(again.pid)]
    finally:
        again.send_signal(signal.SIGTERM)
        again.wait(timeout=30)
    assert list(tmp.iterdir()) == []


def wait_until_gone(pid: int, timeout: float = 10) -> bool:
    deadline = time.monotonic() + timeout
    while Path(f"/proc/{pid}").exists():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True
