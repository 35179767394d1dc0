"""What the build needs from gdlesson, made by workers and cached on disk: the
manifest, the pages' claims, the figures and the executed notebook. One key
(:func:`source_key`), one folder ``.cache/gdlesson/<key>/``; its ``index.json``
holds each entry's SHA-256, and an entry that does not match is made again, never
served. Fresh (``spawn``) workers import gdlesson as on disk: serve sees edits.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import multiprocessing
import os
import re
import shutil
import signal
import threading
import time
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


class LessonBuild:
    """One build's entries, found in the cache or being made: :meth:`manifest`
    starts whatever is missing, :meth:`wait` returns an entry whole, :meth:`finish`
    waits for all and ends the workers."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.folder = self.root / source_key()
        self.folder.mkdir(parents=True, exist_ok=True)
        self.made: list[str] = []
        self._pool = None
        self._jobs: dict = {}
        self._manifest: dict | None = None
        try:
            self._index = dict(json.loads((self.folder / "index.json").read_bytes()))
        except (OSError, ValueError, TypeError):
            self._index = {}  # missing or damaged: every entry is checked as new
        # The claims are checked beside the manifest, not before it: a false one
        # fails the build when it ends, and its entry is not kept.
        self._make("manifest.json", "gdlesson.manifest:manifest_json")
        self._make("claims.txt", "gdlesson.claims:claims_report")

    def _valid(self, name: str) -> bool:
        try:
            digest = hashlib.sha256((self.folder / name).read_bytes()).hexdigest()
            return digest == self._index[name]
        except (OSError, KeyError):
            return False

    def _make(self, name: str, target: str, *args) -> None:
        """Unless cached, make the entry ``name`` in a worker: ``target(*args)``."""
        if self._valid(name):
            return
        if self._pool is None:
            context = multiprocessing.get_context("spawn")
            self._pool = context.Pool(os.cpu_count(), initializer=start_worker)
        self._jobs[name] = self._pool.apply_async(call, (target, *args))

    def wait(self, name: str) -> Path:
        """The entry ``name``, whole and checked; re-raises a worker's error."""
        if name in self._jobs:
            content = self._jobs.pop(name).get()
            content = content.encode() if isinstance(content, str) else content
            self._index[name] = write_whole(self.folder / name, content)
            self.made.append(name)
        elif not self._valid(name):  # found in the cache: checked again as it is read
            raise RuntimeError(f"{name} is not whole in the cache {self.folder}")
        return self.folder / name

    def manifest(self) -> dict:
        """The manifest (:mod:`gdlesson.manifest`); it starts making what is missing."""
        if self._manifest is None:
            self._manifest = json.loads(self.wait("manifest.json").read_text(encoding="utf-8"))
            notebook = self._manifest["notebook"]
            # The kernel takes longest: started first, it runs while figures are drawn;
            # its connection file goes in the cache, not in /tmp.
            args = (notebook["source"], str(self.folder), str(self.root / RUNTIME))
            self._make(notebook["name"], "gdlesson.notebook:execute", *args)
            figures = self._manifest["figure_files"].values()
            for name in sorted(figures, key=lambda n: not n.endswith(".webp")):
                self._make(name, "gdlesson.figures:render_file", name)
        return self._manifest

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


# --- run in the workers -----------------------------------------------------------


def start_worker() -> None:
    """Ignore Ctrl-C (the build stops the pool); exit when the build process is gone."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.2)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def call(target: str, *args):
    """``module:function`` called with ``args``, imported here: in a fresh worker,
    as it is on disk now."""
    module, function = target.split(":")
    return getattr(importlib.import_module(module), function)(*args)


def write_whole(path: Path, content: bytes) -> str:
    """Write ``content`` at ``path`` whole or not at all; return its SHA-256."""
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    partial.write_bytes(content)
    os.replace(partial, path)
    return hashlib.sha256(content).hexdigest()
