"""What the build needs from gdlesson, made by workers and cached on disk: the
manifest, the pages' claims, the figures and the executed notebook; and the pages
as shaped (:meth:`LessonBuild.remembered`), so that a warm build shapes none again.
One key (:func:`source_key`), one folder ``.cache/gdlesson/<key>/``; its ``index.json``
holds each entry's SHA-256, and an entry that does not match is made again, never
served. Fresh workers (:mod:`gdlesson.workers`) import gdlesson as on disk: serve sees
edits.

The cache touches only what it wrote: entries are read without following a
symbolic link, written whole (a temporary file, then renamed) or not at all, and
an old folder is emptied of its own entries only, and only if it carries the
cache's mark. A write that fails (a full disk, a read-only checkout, a folder in
the way) leaves no partial file and raises :class:`CacheError`, one line naming
the path and the cause; a build that needs to write nothing writes nothing.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import platform
import re
import shutil
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

from gdlesson.workers import Workers

PACKAGE = Path(__file__).resolve().parent
#: Modules that only adapt the built pages: they make no entry.
NOT_INPUTS = {"mkdocs_hooks.py", "shaping.py", "__main__.py", "builddate.py"}
#: Other builds' folders younger than this are kept: a build may be using them.
KEEP_SECONDS = 120
#: Where a build's kernel puts its connection file (not /tmp): ``runtime-<pid>-*``,
#: a folder of the cache made for that build.
RUNTIME = "runtime-"
#: The file that marks a folder as the cache's own: only such folders are emptied.
MARK = ".gdlesson-cache"
#: The start of a remembered entry's name (:meth:`LessonBuild.remembered`).
REMEMBERED = "shaped-"
#: The libraries whose versions change how a page is shaped.
SHAPING_LIBRARIES = ("beautifulsoup4", "soupsieve", "latex2mathml")
_KEY = re.compile(r"[0-9a-f]{20}")
_PARTIAL = re.compile(r"\..+\.[0-9]+\.partial")


class CacheError(Exception):
    """The cache cannot read or write an entry: one line, the path and the cause."""


def _why(error: OSError) -> str:
    return error.strerror or type(error).__name__


def source_key() -> str:
    """A hash of gdlesson's modules and the versions of the libraries that draw.

    >>> len(source_key())
    20
    """
    digest = hashlib.sha256()
    # The notebook's page shows the Python that ran it.
    digest.update(f"{platform.python_implementation()} {platform.python_version()}\n".encode())
    for name in ("numpy", "matplotlib", "pillow"):
        digest.update(f"{name}=={version(name)}\n".encode())
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name not in NOT_INPUTS:
            digest.update(f"{path.relative_to(PACKAGE).as_posix()}\0".encode())
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:20]


def shaping_key(key: str | None = None) -> str:
    """A hash of all of gdlesson's modules (the shaping ones too, which
    :func:`source_key` leaves out, given its ``key`` if known) and the versions of
    the libraries that shape.

    >>> len(shaping_key()), shaping_key() != source_key()
    (20, True)
    """
    digest = hashlib.sha256((key or source_key()).encode())
    for name in SHAPING_LIBRARIES:
        digest.update(f"{name}=={version(name)}\n".encode())
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name in NOT_INPUTS:
            digest.update(f"{path.name}\0".encode() + path.read_bytes() + b"\0")
    return digest.hexdigest()[:20]


class LessonBuild:
    """One build's entries, found in the cache or being made: :meth:`manifest`
    starts whatever is missing, :meth:`wait` returns an entry whole, :meth:`finish`
    waits for all and ends the workers."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.folder = self.root / source_key()
        self.made: list[str] = []
        self._workers: Workers | None = None
        self._jobs: dict = {}
        self._manifest: dict | None = None
        self._runtime: Path | None = None
        self._open_folder()
        try:
            self._index = dict(json.loads(read_entry(self.folder / "index.json")))
        except (OSError, ValueError, TypeError):
            self._index = {}  # missing or damaged: every entry is checked as new
        self._recorded = dict(self._index)
        self._shaping_key = shaping_key(self.folder.name)  # the modules read once
        self._kept: set[str] = set()  # this build's remembered entries
        # The claims are checked beside the manifest, not before it: a false one
        # fails the build when it ends, and its entry is not kept.
        self._make("manifest.json", "gdlesson.manifest:manifest_json")
        self._make("claims.txt", "gdlesson.claims:claims_report")

    def _open_folder(self) -> None:
        """The key's folder, made and marked if missing; never a link out of the cache."""
        try:
            if not self.folder.is_symlink() and self.folder.is_dir():
                # In use from now: another build's clean-up keeps folders younger
                # than KEEP_SECONDS, and a warm build writes nothing in it.
                with contextlib.suppress(OSError):  # read-only: no one can remove it
                    os.utime(self.folder)
                return
            if self.folder.is_symlink() or self.folder.exists():
                raise CacheError(f"{self.folder} is not a folder of the cache: remove it")
            self.root.mkdir(parents=True, exist_ok=True)
            made = Path(tempfile.mkdtemp(prefix=".new-", dir=self.root))
            made.chmod(0o755)
            (made / MARK).write_bytes(b"")
            try:
                os.rename(made, self.folder)
            except OSError:  # another build made it first
                shutil.rmtree(made, ignore_errors=True)
        except OSError as error:
            raise CacheError(f"cannot make the cache folder {self.folder}: {_why(error)}") from None

    def _valid(self, name: str) -> bool:
        return self._read_valid(name) is not None

    def _read_valid(self, name: str) -> bytes | None:
        """The entry ``name``'s bytes if they are the ones recorded, else None."""
        try:
            content = read_entry(self.folder / name)
            return content if hashlib.sha256(content).hexdigest() == self._index[name] else None
        except (OSError, KeyError):
            return None

    def _make(self, name: str, target: str, *args) -> None:
        """Unless cached, make the entry ``name`` in a worker: ``target(*args)``."""
        if not self._valid(name):
            self._jobs[name] = self._submit(target, *args)

    def _make_together(self, names: list[str], target: str) -> None:
        """Make those of the entries ``names`` not cached in one job, ``target(missing)``,
        which gives them by name."""
        missing = [name for name in names if not self._valid(name)]
        if missing:
            job = self._submit(target, missing)
            for name in missing:
                self._jobs[name] = job

    def _submit(self, target: str, *args):
        if self._workers is None:
            self._workers = Workers(os.cpu_count() or 1)
        return self._workers.submit(target, *args)

    def wait(self, name: str) -> Path:
        """The entry ``name``, whole and checked; re-raises a worker's error."""
        if name in self._jobs:
            content = self._jobs.pop(name).result()
            content = content[name] if isinstance(content, dict) else content
            content = content.encode() if isinstance(content, str) else content
            self._index[name] = write_whole(self.folder / name, content)
            self.made.append(name)
        elif not self._valid(name):  # found in the cache: checked again as it is read
            raise RuntimeError(f"{name} is not whole in the cache {self.folder}")
        return self.folder / name

    def remembered(self, make, *args) -> str:
        """``make(*args)``, a text such as a page's shaped HTML, from the cache if an
        earlier build kept it, else made here and kept: a warm build in a new process
        shapes no page again. The entry's name hashes ``args`` (strings, tuples of them
        or None), ``make``'s name and all of gdlesson's code with the libraries that
        shape (:func:`shaping_key`); entries no build of this key uses go at its end."""
        made_by = f"{self._shaping_key}\0{make.__module__}.{make.__qualname__}\0"
        digest = hashlib.sha256(made_by.encode() + json.dumps(args).encode())
        name = f"{REMEMBERED}{digest.hexdigest()[:20]}.html"
        self._kept.add(name)
        kept = self._read_valid(name)
        if kept is not None:
            return kept.decode()
        text = make(*args)
        # Kept if the cache can be written; a read-only checkout still builds, warm.
        with contextlib.suppress(CacheError):
            self._index[name] = write_whole(self.folder / name, text.encode())
            self.made.append(name)
        return text

    def manifest(self) -> dict:
        """The manifest (:mod:`gdlesson.manifest`); it starts making what is missing."""
        if self._manifest is None:
            self._manifest = json.loads(self.wait("manifest.json").read_text(encoding="utf-8"))
            notebook = self._manifest["notebook"]
            # The kernel takes longest: started first, it runs while figures are drawn;
            # its connection file goes in the cache, not in /tmp.
            if not self._valid(notebook["name"]):
                self._make(
                    notebook["name"],
                    "gdlesson.notebook:execute",
                    notebook["source"],
                    str(self.folder),
                    str(self._runtime_folder()),
                )
            # One job a figure: it is drawn once, its other palettes recoloured.
            figures = [figure["files"] for figure in self._manifest["figures"].values()]
            for names in sorted(figures, key=lambda names: not names[0].endswith(".webp")):
                self._make_together(names, "gdlesson.figures:render_files")
        return self._manifest

    def _runtime_folder(self) -> Path:
        """This build's own folder for the kernel's connection file, made when needed."""
        if self._runtime is None:
            try:
                made = tempfile.mkdtemp(prefix=f"{RUNTIME}{os.getpid()}-", dir=self.root)
            except OSError as error:
                raise CacheError(f"cannot make a folder in {self.root}: {_why(error)}") from None
            self._runtime = Path(made)
        return self._runtime

    def finish(self) -> None:
        """Wait for every entry, record them, end the workers, drop old folders."""
        try:
            for name in list(self._jobs):
                self.wait(name)
        finally:
            self.stop()
        if self._kept:  # pages this build shaped differently: the old shapes go
            for name in [n for n in self._index if n.startswith(REMEMBERED)]:
                if name in self._kept:
                    continue
                try:
                    os.unlink(self.folder / name)
                except FileNotFoundError:
                    pass
                except OSError:  # a read-only cache: it stays, and stays listed
                    continue
                del self._index[name]
        if self._index != self._recorded:  # a warm build writes nothing
            write_whole(self.folder / "index.json", json.dumps(self._index, indent=1).encode())
            self._recorded = dict(self._index)
        with contextlib.suppress(OSError):  # a read-only cache: not cleaned either
            os.utime(self.folder)  # in use: kept by the other builds
        for old in self.root.iterdir():
            if old == self.folder or time.time() - old.lstat().st_mtime <= KEEP_SECONDS:
                continue
            if _KEY.fullmatch(old.name):
                remove_own(old, own=_listed(old).__contains__)
            elif old.name.startswith(RUNTIME):
                remove_own(old, own=_kernel_file)

    def stop(self) -> None:
        """End the workers at once (done, an error, or Ctrl-C), and drop the runtime folder."""
        if self._workers is not None:
            self._workers.terminate()
            self._workers = None
        if self._runtime is not None:
            shutil.rmtree(self._runtime, ignore_errors=True)  # made by this build: all ours
            self._runtime = None


def _kernel_file(name: str) -> bool:
    """A connection file a kernel writes: ``kernel-*.json`` or, from jupyter_client's
    ``mkstemp``, ``tmp*.json``; left in a runtime folder when a build is killed."""
    return name.endswith(".json") and name.startswith(("kernel-", "tmp"))


def _listed(folder: Path) -> set[str]:
    """The names an old key folder's index records as written by the cache."""
    try:
        return {*json.loads(read_entry(folder / "index.json")), "index.json"}
    except (OSError, ValueError, TypeError):
        return set()


def remove_own(folder: Path, own) -> None:
    """Remove the files of ``folder`` that the cache wrote (``own(name)``, or a partial
    write of its naming), then the folder if that empties it; only if ``folder`` is a
    real folder carrying :data:`MARK` (or a runtime folder of the cache's naming). Links
    are never followed; anything else is left where it is."""
    try:
        if not os.path.isdir(folder) or os.path.islink(folder):
            return
        marked = folder.name.startswith(RUNTIME) or (folder / MARK).is_file()
        if not marked:
            return
        for entry in os.scandir(folder):
            mine = own(entry.name) or _PARTIAL.fullmatch(entry.name) or entry.name == MARK
            if mine and entry.is_file(follow_symlinks=False):
                os.unlink(entry.path)
        os.rmdir(folder)
    except OSError:
        pass  # in use, read-only, or holding what is not ours: left alone


# --- run in the workers -----------------------------------------------------------


def read_entry(path: Path) -> bytes:
    """The bytes of the file ``path``, never through a symbolic link."""
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    with os.fdopen(fd, "rb") as file:
        return file.read()


def write_whole(path: Path, content: bytes) -> str:
    """Write ``content`` at ``path`` whole or not at all; return its SHA-256.
    A failure removes the partial file and raises :class:`CacheError`."""
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    try:
        flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW
        with os.fdopen(os.open(partial, flags, 0o644), "wb") as file:
            file.write(content)
        os.replace(partial, path)  # a link at path is replaced, never followed
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(partial)
        raise CacheError(f"cannot write {path}: {_why(error)}") from None
    return hashlib.sha256(content).hexdigest()
