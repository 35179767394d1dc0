"""What the build needs from gdlesson, made in worker processes and cached on disk.

The site needs the lesson's *manifest* (every number the pages quote, each
figure's spec, the notebook to run), the figure files and the executed
notebook. All follow from gdlesson's source, so they share one key
(:func:`source_key`) and one folder, ``.cache/gdlesson/<key>/``, whose
``index.json`` records each entry's SHA-256: an entry that does not match
(truncated, edited) is made again, never served. Entries are written whole or
not at all, so builds running at once in one checkout share the folder.

Whatever is missing is made by a pool of fresh (``spawn``) worker processes,
which import gdlesson from disk as it is now, so ``mkdocs serve`` sees edited
code. Workers ignore Ctrl-C (the build stops them) and exit by themselves when
the build process is gone; the notebook's kernel follows its worker.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import re
import shutil
import signal
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from importlib.metadata import version
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
#: Modules that only adapt the built pages: they make no entry.
NOT_INPUTS = {"mkdocs_hooks.py", "pages.py", "__main__.py"}
#: Other builds' folders younger than this are kept: a build may be using them.
KEEP_SECONDS = 120
#: Where the kernels' connection files go (not /tmp): a folder of the cache.
RUNTIME = "runtime"
_KEY = re.compile(r"[0-9a-f]{20}")


def source_key() -> str:
    """A hash of gdlesson's modules and the versions of the libraries that draw.

    >>> len(source_key())
    20
    """
    digest = hashlib.sha256()
    for name in ("numpy", "matplotlib", "pillow"):
        digest.update(f"{name}=={version(name)}\n".encode())
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name not in NOT_INPUTS:
            digest.update(f"{path.relative_to(PACKAGE).as_posix()}\0".encode())
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:20]


def sha256(path: Path) -> str | None:
    """The SHA-256 of a file's bytes, or None if it cannot be read."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


class LessonBuild:
    """One build's entries: found in the cache, or being made.

    :meth:`manifest` waits for the manifest and starts making whatever else is
    missing; :meth:`path` says where an entry is or will be; :meth:`wait`
    returns it whole; :meth:`finish` waits for all and ends the workers.
    """

    def __init__(self, root: Path, processes: int | None = None) -> None:
        self.root = Path(root)
        self.folder = self.root / source_key()
        self.folder.mkdir(parents=True, exist_ok=True)
        self.made: list[str] = []
        self._processes = processes or os.cpu_count() or 1
        self._pool = None
        self._jobs: dict = {}
        self._manifest: dict | None = None
        try:
            self._index = json.loads((self.folder / "index.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self._index = {}
        self._index = self._index if isinstance(self._index, dict) else {}
        if not self._valid("manifest.json"):
            self._submit("manifest.json", make_manifest)

    def _valid(self, name: str) -> bool:
        return name in self._index and sha256(self.folder / name) == self._index[name]

    def _submit(self, name: str, job, *args) -> None:
        if self._pool is None:
            context = multiprocessing.get_context("spawn")
            self._pool = context.Pool(self._processes, initializer=start_worker)
        self._jobs[name] = self._pool.apply_async(job, (str(self.folder), name, *args))

    def path(self, name: str) -> Path:
        return self.folder / name

    def wait(self, name: str) -> Path:
        """The entry ``name``, whole and checked; re-raises a worker's error."""
        if name in self._jobs:
            self._index[name] = self._jobs.pop(name).get()
            self.made.append(name)
        if not self._valid(name):
            raise RuntimeError(f"{name} is not whole in the cache {self.folder}")
        return self.folder / name

    def manifest(self) -> dict:
        """``{"facts", "figures": {name: description}, "folder" (of figures), "notebook"}``."""
        if self._manifest is None:
            self._manifest = json.loads(self.wait("manifest.json").read_text(encoding="utf-8"))
            notebook = self._manifest["notebook"]
            if not self._valid(notebook["name"]):
                # The kernel takes longest: started first, it runs while figures are drawn.
                self._submit(notebook["name"], run_notebook, notebook["source"])
            for name in sorted(self.figure_files(), key=lambda n: not n.endswith(".png")):
                if not self._valid(name):
                    self._submit(name, render_figure)
        return self._manifest

    def figure_files(self) -> list[str]:
        """Every figure's file names, both palettes: ``brute-force-light.svg``…"""
        return [name for spec in self.manifest()["figures"].values() for name in spec["files"]]

    def finish(self) -> None:
        """Wait for every entry, record them, end the workers, drop old folders."""
        try:
            for name in list(self._jobs):
                self.wait(name)
        finally:
            self.stop()
        write_whole(self.folder / "index.json", json.dumps(self._index, indent=1).encode())
        os.utime(self.folder)
        others = [f for f in self.root.iterdir() if _KEY.fullmatch(f.name) and f.is_dir()]
        for old in [*others, *self.root.glob(f"{RUNTIME}/*")]:  # what else is there is not ours
            if old != self.folder and time.time() - old.stat().st_mtime > KEEP_SECONDS:
                shutil.rmtree(old, ignore_errors=True) if old.is_dir() else old.unlink()

    def stop(self) -> None:
        """End the workers at once (done, an error, or Ctrl-C)."""
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None


# --- run in the workers; each job writes one entry and returns its SHA-256 ----------


def write_whole(path: Path, content: bytes) -> str:
    """Write ``content`` at ``path`` whole or not at all; return its SHA-256."""
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    partial.write_bytes(content)
    os.replace(partial, path)
    return hashlib.sha256(content).hexdigest()


def start_worker() -> None:
    """Ignore Ctrl-C (the build stops the pool); exit when the build process is gone."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.2)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def make_manifest(folder: str, name: str) -> str:
    """The facts, figure specs and notebook; a false claim of a page raises."""
    from gdlesson.claims import check_claims
    from gdlesson.facts import facts
    from gdlesson.figures import FIGURES, FOLDER, description
    from gdlesson.notebook import NOTEBOOK_NAME, notebook_json

    check_claims()
    figures = {spec.name: description(spec) for spec in FIGURES}
    notebook = {"name": NOTEBOOK_NAME, "source": notebook_json(facts())}
    manifest = {"facts": facts(), "figures": figures, "folder": FOLDER, "notebook": notebook}
    return write_whole(Path(folder) / name, json.dumps(manifest, indent=1).encode())


def render_figure(folder: str, name: str) -> str:
    """Draw the figure file ``name`` (``brute-force-dark.svg``)."""
    from gdlesson.figures import FIGURES, PALETTES, output_name, render

    files = {output_name(spec, p): (spec, p) for spec in FIGURES for p in PALETTES}
    return write_whole(Path(folder) / name, render(*files[name]))


def run_notebook(folder: str, name: str, source: str) -> str:
    """Execute the notebook ``source`` and check what its cells print."""
    from gdlesson.notebook import execute

    runtime = Path(folder).parent / RUNTIME
    runtime.mkdir(exist_ok=True)
    tempfile.tempdir = str(runtime)  # the kernel's connection file is a temporary file
    # In the main thread nbclient takes SIGINT and SIGTERM over, to shut its kernel
    # down first: ending the build would wait for the notebook. In a thread it
    # leaves them alone, so the worker ends at once, and its kernel follows.
    with ThreadPoolExecutor(1) as thread:
        executed = thread.submit(execute, source, cwd=Path(folder)).result()
    return write_whole(Path(folder) / name, executed.encode())
