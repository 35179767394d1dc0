"""The jobs the build runs in its worker processes; each writes one cache entry.

Every job takes the cache folder and the entry's name, writes the entry whole
(:func:`write_whole`) and returns its SHA-256, which the build records.
gdlesson's modules are imported inside the jobs, so a fresh worker sees the
code as it is on disk now.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

#: The cache's folder for the kernels' connection files.
RUNTIME = "runtime"


def write_whole(path: Path, content: bytes) -> str:
    """Write ``content`` at ``path`` whole or not at all; return its SHA-256."""
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    partial.write_bytes(content)
    os.replace(partial, path)
    return hashlib.sha256(content).hexdigest()


def start_worker() -> None:
    """Set up a worker: the build, not Ctrl-C, stops it; it ends with the build.

    Ctrl-C reaches every process of the terminal's group: the build process
    stops the pool itself. A worker whose build process died (killed with no
    chance to stop it) exits within a fraction of a second; so does the
    notebook's kernel, which watches its own parent, the worker.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.2)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def make_manifest(folder: str, name: str) -> str:
    """The lesson's facts, figure specs and notebook, checked against its claims."""
    from gdlesson.claims import check_claims
    from gdlesson.facts import facts
    from gdlesson.figures import FIGURES, PALETTES, output_name
    from gdlesson.notebook import NOTEBOOK_NAME, notebook_json

    check_claims()
    values = facts()
    manifest = {
        "facts": values,
        "figures": {
            spec.name: {
                "alt": spec.alt,
                "files": [output_name(spec, palette) for palette in PALETTES],
            }
            for spec in FIGURES
        },
        "notebook": {"name": NOTEBOOK_NAME, "source": notebook_json(values)},
    }
    content = json.dumps(manifest, sort_keys=True, indent=1).encode()
    return write_whole(Path(folder) / name, content)


def render_figure(folder: str, name: str) -> str:
    """Draw the figure file ``name`` (``brute-force-dark.svg``)."""
    from gdlesson.figures import FIGURES, PALETTES, output_name, render

    for spec in FIGURES:
        for palette in PALETTES:
            if output_name(spec, palette) == name:
                return write_whole(Path(folder) / name, render(spec, palette))
    raise ValueError(f"name must be a figure file of the lesson, got {name!r}")


def run_notebook(folder: str, name: str, source: str) -> str:
    """Execute the notebook ``source`` (JSON) and check each cell's expected output."""
    from gdlesson.notebook import execute

    runtime = Path(folder).parent / RUNTIME
    runtime.mkdir(exist_ok=True)
    # The kernel's connection file is a temporary file: here, not in /tmp, so a
    # killed build leaves nothing there (the cache clears this folder).
    tempfile.tempdir = str(runtime)
    # nbclient takes SIGINT and SIGTERM over when it runs in the main thread (to
    # shut its kernel down first), and ending the build would wait for the
    # notebook. Run in a thread, it leaves them alone: the worker ends at once,
    # and its kernel follows it.
    with ThreadPoolExecutor(1) as thread:
        executed = thread.submit(execute, source, cwd=Path(folder)).result()
    return write_whole(Path(folder) / name, executed.encode())
