"""Figures and facts are cached by what makes them, checked on read, and made afresh."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from gdlesson import buildcache
from gdlesson.buildcache import LessonBuild
from gdlesson.figures import FIGURES, render
from tests.conftest import project_copy, project_env

ROOT = Path(__file__).resolve().parents[1]
ALL_FIGURES = 2 * len(FIGURES)


@pytest.fixture(scope="module")
def warm_cache(tmp_path_factory) -> Path:
    cache = tmp_path_factory.mktemp("cache")
    cold = LessonBuild(cache)
    cold.wait()
    assert len(cold.made) == 1 + ALL_FIGURES  # the manifest and every figure
    return cache


def test_a_warm_build_makes_nothing(warm_cache):
    warm = LessonBuild(warm_cache)
    assert warm.manifest()["facts"]["weights"] == "25"
    warm.wait()
    assert warm.made == []
    assert warm._pool is None, "no process is started when nothing changed"


def test_cached_figures_are_the_rendered_bytes(warm_cache):
    files = LessonBuild(warm_cache).figure_files()
    spec = next(s for s in FIGURES if s.name == "network")
    assert files["network-dark.svg"].read_bytes() == render(spec, "dark")


def test_a_corrupt_entry_is_made_again_not_served(warm_cache):
    path = LessonBuild(warm_cache).figure_files()["zigzag-1d-light.svg"]
    good = path.read_bytes()
    path.write_bytes(good[: len(good) // 2])  # a truncated file
    again = LessonBuild(warm_cache)
    again.wait()
    assert again.made == [path.name]
    assert path.read_bytes() == good


def test_a_missing_checksum_counts_as_corrupt(warm_cache):
    path = LessonBuild(warm_cache).figure_files()["network-light.svg"]
    path.with_name(path.name + ".sha256").unlink()
    again = LessonBuild(warm_cache)
    again.wait()
    assert again.made == [path.name]


def test_unused_entries_are_evicted(warm_cache):
    (warm_cache / "brute-force-light-0123456789abcdef0123.svg").write_text("old")
    build = LessonBuild(warm_cache)
    build.wait()
    assert build.evict_unused() == 1
    assert len(list(warm_cache.iterdir())) == 2 * (1 + ALL_FIGURES)


@pytest.mark.parametrize("workers", [1, 2])
def test_make_figures_renders_what_is_asked_in_one_or_many_processes(tmp_path, workers):
    wanted = [("network", "dark", "k1"), ("compute-budget", "light", "k2")]
    made = buildcache.make_figures(str(tmp_path), wanted, workers)
    assert sorted(made) == sorted(p.name for p in tmp_path.glob("*.svg"))
    network = next(s for s in FIGURES if s.name == "network")
    path = buildcache.figure_path(tmp_path, "k1", "network", "dark", "svg")
    assert path.read_bytes() == render(network, "dark")


@pytest.fixture
def package(tmp_path, monkeypatch) -> Path:
    """A copy of gdlesson's source, which the cache keys are made from."""
    package = tmp_path / "gdlesson"
    shutil.copytree(ROOT / "gdlesson", package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(buildcache, "PACKAGE", package)
    return package


def test_the_key_follows_the_code_that_makes_figures(package):
    before = buildcache.source_key()
    with (package / "pages.py").open("a") as f:
        f.write("\n# pages make no figure\n")
    assert buildcache.source_key() == before
    with (package / "style.py").open("a") as f:
        f.write("\n# a change to the style\n")
    assert buildcache.source_key() != before
    # The cache's own code writes the manifest: a new manifest layout is a new key.
    before = buildcache.source_key()
    with (package / "buildcache.py").open("a") as f:
        f.write("\n# a change to the manifest\n")
    assert buildcache.source_key() != before


def test_a_figure_key_follows_only_the_code_that_draws_it(package):
    functions = {spec.name: spec.draw.__name__ for spec in FIGURES}

    def changed_after(old: str, new: str) -> set[str]:
        before = buildcache.figure_keys(functions)
        [module] = [p for p in (package / "figures").glob("*.py") if old in p.read_text()]
        source = module.read_text()
        assert source.count(old) == 1, old
        module.write_text(source.replace(old, new))
        after = buildcache.figure_keys(functions)
        return {name for name in functions if before[name] != after[name]}

    assert changed_after('"Price",', '"Selling price",') == {"network"}
    # A helper changes the figures that use it.
    curve = changed_after("np.linspace(low, high, 201)", "np.linspace(low, high, 301)")
    assert curve == {"descent-1d", "zigzag-1d"}
    # What every figure goes through changes them all.
    assert changed_after('metadata={"Date": None', 'metadata={"Date": ""') == set(functions)
    # A comment or a docstring of the module changes nothing.
    assert changed_after("#: Width of a full-column figure", "#: The width of a figure") == set()
    # Another module of gdlesson changes them all.
    before = buildcache.figure_keys(functions)
    with (package / "style.py").open("a") as f:
        f.write("\nEXTRA = 1\n")
    after = buildcache.figure_keys(functions)
    assert all(before[name] != after[name] for name in functions)


def test_the_cache_lives_outside_docs_and_site_and_git():
    ignored = (ROOT / ".gitignore").read_text().split()
    assert "/.cache/" in ignored and "/site/" in ignored


# As `mkdocs serve` does: two builds in one process, the package edited between them.
SERVE_LIKE = """
import sys
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config
root, site = Path(sys.argv[1]), sys.argv[2]
build(load_config(str(root / "mkdocs.yml"), site_dir=site))
cache = root / ".cache" / "gdlesson"
before = {p.name: p.stat().st_mtime_ns for p in cache.glob("*.svg")}
figures = root / "gdlesson" / "figures" / "search.py"
figures.write_text(figures.read_text().replace('"Price",', '"Selling price",'))
build(load_config(str(root / "mkdocs.yml"), site_dir=site))
after = {p.name: p.stat().st_mtime_ns for p in cache.glob("*.svg")}
print(" ".join(sorted(name for name in after if before.get(name) != after[name])))
"""


def test_an_edited_figure_shows_on_the_next_rebuild_without_restart(tmp_path):
    project_copy(tmp_path, execute=False, package=True)
    site = tmp_path / "site"
    run = subprocess.run(
        [sys.executable, "-c", SERVE_LIKE, str(tmp_path), str(site)],
        cwd=tmp_path,
        env=project_env(tmp_path),
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert "Selling price" in (site / "figures" / "network-light.svg").read_text()
    redrawn = run.stdout.split()
    assert sorted(name.split("-")[1] for name in redrawn) == ["dark", "light"]
    assert all(name.startswith("network-") for name in redrawn), redrawn
