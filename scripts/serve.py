"""scripts/serve's keeper: runs ``mkdocs serve`` and starts it again when it asks.

MkDocs imports the hooks, and the modules of gdlesson they import, once per
process; when one of those changes, the hooks end the process with the status
RESTART (gdlesson/mkdocs_hooks.py), and this starts a fresh one, which shows the
edit. MkDocs gets a temporary folder of its own (its TMPDIR), removed when this
ends, by Ctrl-C, SIGTERM or SIGHUP; after a SIGKILL, by the next start.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

RESTART = 75  # EX_TEMPFAIL
#: What `mkdocs serve` is given before the caller's arguments (click 8.2.1 and
#: later need --livereload for the browser to reload).
FLAGS = ["--livereload"]
PREFIX = "gdlesson-serve-"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale(base: Path) -> None:
    """Folders of earlier runs whose keeper is gone (killed by SIGKILL)."""
    for folder in base.glob(f"{PREFIX}*"):
        pid = folder.name.removeprefix(PREFIX).split("-")[0]
        if pid.isdigit() and not folder.is_symlink() and folder.is_dir() and not _alive(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)


def _die_with_parent() -> None:
    """In the child: SIGTERM when this keeper dies, even by SIGKILL (Linux)."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def main(args: list[str]) -> int:
    base = Path(tempfile.gettempdir())
    remove_stale(base)
    tmp = tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-", dir=base)
    env = os.environ | {"TMPDIR": tmp, "GDLESSON_SERVE_RESTART": str(RESTART)}
    child: subprocess.Popen | None = None

    def end(signum, frame):
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, end)
    signal.signal(signal.SIGHUP, end)
    try:
        while True:
            command = [sys.executable, "-m", "mkdocs", "serve", *FLAGS, *args]
            child = subprocess.Popen(command, env=env, preexec_fn=_die_with_parent)
            try:
                status = child.wait()
            except KeyboardInterrupt:  # Ctrl-C reached MkDocs too: it stops by itself
                status = child.wait()
            if status != RESTART:
                return status
    finally:
        if child is not None and child.poll() is None:
            child.terminate()
            try:
                child.wait(timeout=10)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
