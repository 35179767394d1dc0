"""scripts/serve and scripts/build refuse --dirty, and a killed serve leaves nothing
after the next start. The server itself, run as :func:`serve` starts it, shows every
kind of edit: tests/browser/test_serve.py, with a page open in Chromium."""

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

from tests.conftest import ROOT, project_copy, project_env

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
