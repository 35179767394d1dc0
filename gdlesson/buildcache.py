"""What the build needs from gdlesson, made in fresh processes and cached on disk.

The site needs two things from the package: the lesson's *manifest* (every
number the prose quotes, and each figure's name, alt text and format) and the
figure files themselves. Both are cached under a key made from everything that
makes them: the source of gdlesson's modules, the versions of NumPy and
Matplotlib, and for a figure its name and palette. A build where nothing
changed renders nothing and starts no process.

Whatever is missing is made in worker processes started fresh (``spawn``), so
they import gdlesson from disk as it is now: under ``mkdocs serve``, which
never re-imports its hooks, an edited figure function still shows on the next
rebuild. A cold build renders the figures in parallel, one worker per core.

Every cache entry is stored with the SHA-256 of its bytes; an entry that does
not match (a truncated or corrupt file) is made again, never served.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor
from importlib.metadata import version
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
#: Modules that only adapt pages to the site: they make no number or figure.
NOT_INPUTS = {"mkdocs_hooks.py", "pages.py", "__main__.py", "buildcache.py"}


def source_key() -> str:
    """A hash of what makes the lesson's numbers and figures.

    >>> len(source_key())
    64
    """
    digest = hashlib.sha256()
    for name in ("numpy", "matplotlib", "pillow"):
        digest.update(f"{name}=={version(name)}\n".encode())
    for path in sorted(PACKAGE.glob("*.py")):
        if path.name not in NOT_INPUTS:
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _entry_key(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:20]


def _read_checked(path: Path) -> bytes | None:
    """The bytes of a cache entry, or None if it is missing or does not match its checksum."""
    try:
        content = path.read_bytes()
        expected = path.with_name(path.name + ".sha256").read_text().strip()
    except OSError:
        return None
    return content if hashlib.sha256(content).hexdigest() == expected else None


def _write_checked(path: Path, content: bytes) -> None:
    """Write an entry and its checksum; each appears whole or not at all."""
    for target, data in (
        (path, content),
        (path.with_name(path.name + ".sha256"), hashlib.sha256(content).hexdigest().encode()),
    ):
        partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
        partial.write_bytes(data)
        os.replace(partial, target)


# --- run in the worker processes: they import gdlesson afresh --------------------


def make_manifest(path: str) -> None:
    """Compute the facts and the figures' specs, and cache them at ``path``."""
    from gdlesson.facts import facts
    from gdlesson.figures import FIGURES

    manifest = {
        "facts": facts(),
        "figures": {s.name: {"alt": s.alt, "format": s.format} for s in FIGURES},
    }
    _write_checked(Path(path), json.dumps(manifest, sort_keys=True, indent=1).encode())


def figure_path(cache_dir: Path, key: str, name: str, palette: str, format: str) -> Path:
    """Where the cache keeps one figure in one palette, made by the code of ``key``."""
    return cache_dir / f"{name}-{palette}-{_entry_key(key, name, palette)}.{format}"


def _render_into_cache(cache_dir: str, key: str, jobs) -> list[str]:
    """Render each (spec, palette) of ``jobs`` into the cache; return the files' names."""
    from gdlesson.figures import render

    made = []
    for spec, palette in jobs:
        path = figure_path(Path(cache_dir), key, spec.name, palette, spec.format)
        _write_checked(path, render(spec, palette))
        made.append(path.name)
    return made


def make_figure(cache_dir: str, key: str, name: str, palette: str) -> list[str]:
    """Render one figure in one palette into the cache."""
    from gdlesson.figures import FIGURES

    spec = next(s for s in FIGURES if s.name == name)
    return _render_into_cache(cache_dir, key, [(spec, palette)])


def make_share_of_figures(cache_dir: str, key: str, share: int, shares: int) -> list[str]:
    """Render every ``shares``-th (figure, palette) from the ``share``-th on: one
    worker's part of a cold build, which starts before the manifest is known."""
    from gdlesson.figures import FIGURES

    jobs = [(spec, palette) for spec in FIGURES for palette in LessonBuild.PALETTES]
    return _render_into_cache(cache_dir, key, jobs[share::shares])


# --- run in the build process ----------------------------------------------------


class LessonBuild:
    """One build's manifest and figures: cached ones found, missing ones being made.

    Call :meth:`manifest` for the numbers and figure specs (waits for them if
    they are being made), :meth:`figure_files` for where each figure will be,
    and :meth:`wait` before the figure files are read.
    """

    PALETTES = ("light", "dark")

    def __init__(self, cache_dir: Path, workers: int | None = None) -> None:
        self.cache_dir = Path(cache_dir)
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        self.key = source_key()
        self.made: list[str] = []
        self._workers = workers or os.cpu_count() or 1
        self._pool: ProcessPoolExecutor | None = None
        self._futures: list[Future] = []
        self._manifest: dict | None = None
        self._figures: dict[str, Path] = {}
        self._manifest_path = self.cache_dir / f"manifest-{self.key[:20]}.json"
        # A missing manifest means new code: every figure is to be made too. Start
        # on all of it now, one share per worker; the build goes on meanwhile.
        self._pending_manifest = None
        self._cold = _read_checked(self._manifest_path) is None
        if self._cold:
            self._pending_manifest = self._submit(make_manifest, str(self._manifest_path))
            self.made.append(self._manifest_path.name)
            for share in range(self._workers):
                args = (str(self.cache_dir), self.key, share, self._workers)
                self._futures.append(self._submit(make_share_of_figures, *args))

    def manifest(self) -> dict:
        """``{"facts": {name: text}, "figures": {name: {"alt", "format"}}}``.

        The first call waits for the manifest if it is being made, then starts
        rendering the figures missing from the cache.
        """
        if self._manifest is None:
            if self._pending_manifest is not None:
                self._pending_manifest.result()
            cached = _read_checked(self._manifest_path)
            if cached is None:
                raise RuntimeError(f"the manifest could not be cached at {self._manifest_path}")
            self._manifest = json.loads(cached)
            self._start_figures()
        return self._manifest

    def _start_figures(self) -> None:
        for name, spec in self._manifest["figures"].items():
            for palette in self.PALETTES:
                path = figure_path(self.cache_dir, self.key, name, palette, spec["format"])
                self._figures[f"{name}-{palette}.{spec['format']}"] = path
                if not self._cold and _read_checked(path) is None:
                    args = (str(self.cache_dir), self.key, name, palette)
                    self._futures.append(self._submit(make_figure, *args))

    def _submit(self, function, *args) -> Future:
        if self._pool is None:
            context = multiprocessing.get_context("spawn")
            self._pool = ProcessPoolExecutor(self._workers, mp_context=context)
        return self._pool.submit(function, *args)

    def figure_files(self) -> dict[str, Path]:
        """Output name (``brute-force-light.svg``) → the cache file that holds it."""
        self.manifest()
        return dict(self._figures)

    def wait(self) -> None:
        """Block until every figure is on disk; re-raise a worker's error."""
        self.manifest()
        try:
            for future in self._futures:
                self.made.extend(future.result())
            self._futures = []
        finally:
            if self._pool is not None:
                self._pool.shutdown()
                self._pool = None
        for name, path in self._figures.items():
            if _read_checked(path) is None:
                raise RuntimeError(f"figure {name} is missing from the cache after rendering")

    def evict_unused(self) -> int:
        """Delete the entries this build did not use; return how many were removed."""
        used = {p.name for p in self._figures.values()} | {f"manifest-{self.key[:20]}.json"}
        used |= {f"{name}.sha256" for name in used}
        stale = [p for p in self.cache_dir.iterdir() if p.name not in used]
        for path in stale:
            path.unlink()
        return len(stale)
