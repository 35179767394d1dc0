"""What the build needs from gdlesson, made in fresh processes and cached on disk.

The site needs two things from the package: the lesson's *manifest* (every
number the prose quotes, and each figure's name, alt text and format) and the
figure files themselves. Each is cached under a key made from what makes it,
with the versions of NumPy, Matplotlib and Pillow: the manifest from all of
gdlesson's modules; a figure from its palette, its own function in the
``figures`` package and what that function uses there (:func:`used_source`), and
the other modules.
Editing one figure function renders that figure again, and no other; a build
where nothing changed renders nothing and starts no process.

Whatever is missing is made in one worker process started fresh (``spawn``),
so it imports gdlesson from disk as it is now: under ``mkdocs serve``, which
never re-imports its hooks, an edited figure function still shows on the next
rebuild. The worker renders the figures in parallel, one renderer per core,
forked from it once gdlesson is imported (spawned where fork is unsafe).

Every cache entry is stored with the SHA-256 of its bytes; an entry that does
not match (a truncated or corrupt file) is made again, never served.
"""

from __future__ import annotations

import ast
import hashlib
import json
import multiprocessing
import os
import sys
from concurrent.futures import Future, ProcessPoolExecutor
from functools import cache
from importlib.metadata import version
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
#: Modules that only adapt pages to the site: they make no number or figure.
#: (This module is an input: it writes the manifest and the figure files.)
NOT_INPUTS = {"mkdocs_hooks.py", "pages.py", "__main__.py"}


def source_key(skip: tuple[str, ...] = ()) -> str:
    """A hash of what makes the lesson's numbers and figures: the versions of
    the libraries that draw, and the source of gdlesson's modules but ``skip``.

    >>> len(source_key())
    64
    """
    digest = hashlib.sha256()
    for name in ("numpy", "matplotlib", "pillow"):
        digest.update(f"{name}=={version(name)}\n".encode())
    for path in sorted(PACKAGE.rglob("*.py")):
        name = path.relative_to(PACKAGE).as_posix()
        if name not in NOT_INPUTS and not name.startswith(skip):
            digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


@cache
def _statements(source: str) -> list[tuple[set[str], set[str], str]]:
    """Each top-level statement of a module: (names it defines, names it uses, code)."""
    tree = ast.parse(source)
    if ast.get_docstring(tree, clean=False) is not None:
        tree.body = tree.body[1:]
    statements = []
    for node in tree.body:
        defines = set()
        if isinstance(node, ast.FunctionDef | ast.ClassDef):
            defines = {node.name}
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            defines = {n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)}
        uses = {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}
        statements.append((defines, uses, ast.unparse(node)))
    return statements


def used_source(sources: str | tuple[str, ...], names) -> str:
    r"""The code of a module (or of modules, read as one) that ``names`` depend on:
    their definitions, the definitions those use in turn, and every statement that
    defines nothing (imports), as normalised source, so a comment changes nothing.

    >>> code = "import math\nA = 2\ndef f():\n    return A\ndef g():\n    return 3"
    >>> print(used_source(code, ["f"]))
    import math
    A = 2
    def f():
        return A
    """
    sources = (sources,) if isinstance(sources, str) else sources
    statements = [s for source in sources for s in _statements(source)]
    used, todo = set(), list(names)
    while todo:
        name = todo.pop()
        if name not in used:
            used.add(name)
            todo.extend(u for defines, uses, _ in statements if name in defines for u in uses)
    return "\n".join(code for defines, _, code in statements if not defines or defines & used)


def figure_keys(functions: dict[str, str]) -> dict[str, str]:
    """Figure name → a hash of what draws it: its function in the figures package
    (with what that uses there, and :func:`render`) and every other module of gdlesson.

    Editing one figure's function changes that figure's key only.
    """
    rest = source_key(skip=("figures/",))
    modules = sorted((PACKAGE / "figures").glob("*.py"))
    sources = tuple(path.read_text(encoding="utf-8") for path in modules)
    return {
        name: _entry_key(rest, used_source(sources, [function, "render"]))
        for name, function in functions.items()
    }


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
    from gdlesson.figures import FIGURES, description

    keys = figure_keys({s.name: s.draw.__name__ for s in FIGURES})
    manifest = {
        "facts": facts(),
        "figures": {s.name: {**description(s), "key": keys[s.name]} for s in FIGURES},
    }
    _write_checked(Path(path), json.dumps(manifest, sort_keys=True, indent=1).encode())


def figure_path(cache_dir: Path, key: str, name: str, palette: str, format: str) -> Path:
    """Where the cache keeps one figure in one palette, drawn by the code of ``key``."""
    return cache_dir / f"{name}-{palette}-{_entry_key(key, name, palette)}.{format}"


def _render_into_cache(cache_dir: str, name: str, palette: str, key: str) -> str:
    """Render one figure in one palette into the cache; return the file's name."""
    from gdlesson.figures import FIGURES, render

    spec = next(s for s in FIGURES if s.name == name)
    path = figure_path(Path(cache_dir), key, spec.name, palette, spec.format)
    _write_checked(path, render(spec, palette))
    return path.name


def make_figures(cache_dir: str, wanted, workers: int) -> list[str]:
    """Render each (name, palette, key) of ``wanted`` into the cache.

    gdlesson is imported once, here; the renderers are forked from this process
    (on Linux), so they start with it imported and its numbers computed.
    """
    from gdlesson.figures import FIGURES

    # Raster figures take longest: started first, they do not finish last alone.
    formats = {spec.name: spec.format for spec in FIGURES}
    jobs = [(cache_dir, *job) for job in sorted(wanted, key=lambda job: formats[job[0]] != "png")]
    workers = min(workers, len(jobs))
    if workers < 2:
        return [_render_into_cache(*job) for job in jobs]
    method = "fork" if sys.platform == "linux" else "spawn"
    with multiprocessing.get_context(method).Pool(workers) as pool:
        return pool.starmap(_render_into_cache, jobs, chunksize=1)


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
        self._pending_manifest = None
        if _read_checked(self._manifest_path) is None:
            # New code: make its manifest now, while MkDocs reads the pages.
            self._pending_manifest = self._submit(make_manifest, str(self._manifest_path))
            self.made.append(self._manifest_path.name)

    def manifest(self) -> dict:
        """``{"facts": {name: text}, "figures": {name: {"alt", "format", "key", ...}}}``
        (each figure's entry: :func:`gdlesson.figures.description` and its key).

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
        missing = []
        for name, spec in self._manifest["figures"].items():
            for palette in self.PALETTES:
                path = figure_path(self.cache_dir, spec["key"], name, palette, spec["format"])
                self._figures[f"{name}-{palette}.{spec['format']}"] = path
                if _read_checked(path) is None:
                    missing.append((name, palette, spec["key"]))
        if missing:
            args = (str(self.cache_dir), missing, self._workers)
            self._futures.append(self._submit(make_figures, *args))

    def _submit(self, function, *args) -> Future:
        # One fresh process imports gdlesson as it is on disk now and does every
        # job in turn (the manifest, then the figures); it forks the renderers.
        if self._pool is None:
            context = multiprocessing.get_context("spawn")
            self._pool = ProcessPoolExecutor(1, mp_context=context)
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
