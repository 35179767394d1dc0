"""What the build needs from gdlesson, made in worker processes and cached on disk.

The site needs three things from the package: the lesson's *manifest* (every
number the prose quotes, each figure's spec, the notebook to run), the figure
files, and the executed notebook. All of them follow from gdlesson's source,
so they share one key, :func:`source_key`, and live in one folder of the cache,
``.cache/gdlesson/<key>/``. A build where nothing changed starts no process.

Each entry is checked before it is served: the folder's ``index.json`` records
the SHA-256 of every entry, and an entry whose bytes do not match (truncated,
edited, missing) is made again. Entries are written whole or not at all
(written aside, then renamed), so builds running at once in one checkout share
the folder safely: they make the same bytes.

Whatever is missing is made in one pool of fresh (``spawn``) processes, which
import gdlesson from disk as it is now: under ``mkdocs serve``, which never
re-imports its hooks, an edited module still shows on the next rebuild. The
workers end with the build: they ignore Ctrl-C (the build stops them), and
each one exits by itself when the build process is gone.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import re
import shutil
import time
from importlib.metadata import version
from pathlib import Path

from gdlesson import workers

PACKAGE = Path(__file__).resolve().parent
#: Modules that only adapt the built pages: they make no number, figure or notebook.
NOT_INPUTS = {"mkdocs_hooks.py", "pages.py", "__main__.py"}
#: Other builds' folders younger than this are left alone: a build may still use them.
KEEP_SECONDS = 120
_KEY = re.compile(r"[0-9a-f]{20}")


def source_key() -> str:
    """A hash of what makes the lesson's numbers, figures and notebook: the
    versions of the libraries that draw, and the source of gdlesson's modules.

    >>> len(source_key())
    20
    """
    digest = hashlib.sha256()
    for name in ("numpy", "matplotlib", "pillow"):
        digest.update(f"{name}=={version(name)}\n".encode())
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name not in NOT_INPUTS:
            name = path.relative_to(PACKAGE).as_posix()
            digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:20]


def sha256(path: Path) -> str | None:
    """The SHA-256 of a file's bytes, or None if it cannot be read as a file."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


class LessonBuild:
    """One build's manifest, figures and notebook: found in the cache, or being made.

    :meth:`manifest` gives the numbers and specs (waiting if they are being
    made) and starts making whatever else is missing; :meth:`path` is where an
    entry is or will be; :meth:`wait` blocks until an entry is whole and
    checked; :meth:`finish` waits for all, records them and ends the workers.
    """

    def __init__(self, root: Path, processes: int | None = None) -> None:
        self.root = Path(root)
        self.key = source_key()
        self.folder = self.root / self.key
        self.folder.mkdir(parents=True, exist_ok=True)
        self.made: list[str] = []
        self._processes = processes or os.cpu_count() or 1
        self._pool = None
        self._jobs: dict = {}
        self._index = self._read_index()
        self._manifest: dict | None = None
        if not self._valid("manifest.json"):
            self._submit("manifest.json", workers.make_manifest)

    def _read_index(self) -> dict[str, str]:
        try:
            index = json.loads((self.folder / "index.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return index if isinstance(index, dict) else {}

    def _valid(self, name: str) -> bool:
        expected = self._index.get(name)
        return expected is not None and sha256(self.folder / name) == expected

    def _submit(self, name: str, function, *args) -> None:
        if self._pool is None:
            context = multiprocessing.get_context("spawn")
            self._pool = context.Pool(self._processes, initializer=workers.start_worker)
        job = self._pool.apply_async(function, (str(self.folder), name, *args))
        self._jobs[name] = job

    def path(self, name: str) -> Path:
        """Where the entry ``name`` is, or will be once :meth:`wait` returns."""
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
        """``{"facts": {...}, "figures": {name: spec}, "notebook": {...}}``.

        The first call waits for the manifest if it is being made, then starts
        making the notebook and the figures missing from the cache.
        """
        if self._manifest is None:
            text = self.wait("manifest.json").read_text(encoding="utf-8")
            self._manifest = json.loads(text)
            self._start_missing()
        return self._manifest

    def _start_missing(self) -> None:
        notebook = self._manifest["notebook"]
        if not self._valid(notebook["name"]):
            # The kernel takes longest: started first, it runs while figures are drawn.
            self._submit(notebook["name"], workers.run_notebook, notebook["source"])
        raster_first = sorted(self.figure_files(), key=lambda name: not name.endswith(".png"))
        for name in raster_first:
            if not self._valid(name):
                self._submit(name, workers.render_figure)

    def figure_files(self) -> list[str]:
        """The name of every figure file, both palettes: ``brute-force-light.svg``."""
        return [name for spec in self.manifest()["figures"].values() for name in spec["files"]]

    def finish(self) -> None:
        """Wait for every entry, record the index, end the workers, and remove
        other builds' folders that no build has used for a while."""
        try:
            for name in list(self._jobs):
                self.wait(name)
        finally:
            self.stop()
        workers.write_whole(self.folder / "index.json", json.dumps(self._index, indent=1).encode())
        self._evict()

    def stop(self) -> None:
        """End the workers at once (on an error, Ctrl-C, or when done)."""
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None

    def _evict(self) -> None:
        os.utime(self.folder)
        for leftover in (self.root / workers.RUNTIME).glob("*"):
            if time.time() - leftover.stat().st_mtime > KEEP_SECONDS:
                leftover.unlink(missing_ok=True)  # a killed kernel's connection file
        for folder in self.root.iterdir():
            if folder == self.folder or not _KEY.fullmatch(folder.name) or not folder.is_dir():
                continue  # ours, or something this cache did not make: left alone
            if time.time() - folder.stat().st_mtime > KEEP_SECONDS:
                shutil.rmtree(folder, ignore_errors=True)
