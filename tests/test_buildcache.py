"""The manifest, figures and notebook are cached by what makes them, checked
before they are served, and made afresh by workers that end with the build."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from gdlesson import buildcache
from gdlesson.buildcache import LessonBuild
from gdlesson.figures import FIGURES, PALETTES, output_name, render
from gdlesson.notebook import NOTEBOOK_NAME
from tests.conftest import ROOT, lesson_cache, project_copy, project_env, source_of

ENTRIES = 1 + 1 + 1 + len(PALETTES) * len(FIGURES)  # manifest, claims, notebook, figures


@pytest.fixture
def cache(tmp_path) -> Path:
    """A cache root holding a whole copy of this gdlesson's entries."""
    folder = lesson_cache()
    shutil.copytree(folder, tmp_path / folder.name)
    return tmp_path


def test_a_cold_build_makes_every_entry_and_records_it(tmp_path):
    build = LessonBuild(tmp_path)
    build.manifest()
    build.finish()
    assert sorted(build.made) == sorted(
        ["manifest.json", "claims.txt", NOTEBOOK_NAME, *(n for s in FIGURES for n in _files(s))]
    )
    index = json.loads((build.folder / "index.json").read_text())
    assert len(index) == ENTRIES == len(build.made)


def _files(spec) -> list[str]:
    return [output_name(spec, palette) for palette in PALETTES]


def test_a_warm_build_makes_nothing(cache):
    warm = LessonBuild(cache)
    assert warm.manifest()["facts"]["weights"] == "25"
    warm.finish()
    assert warm.made == []


def test_cached_figures_are_the_rendered_bytes(cache):
    spec = next(s for s in FIGURES if s.name == "network")
    path = LessonBuild(cache).folder / output_name(spec, "dark")
    assert path.read_bytes() == render(spec, "dark")


@pytest.mark.parametrize(
    "damage",
    [
        lambda b: b[: len(b) // 2],  # truncated
        lambda b: b.replace(b"e", b"E", 1),  # edited, still valid text
        lambda b: b"",  # emptied
    ],
    ids=["truncated", "edited", "empty"],
)
@pytest.mark.parametrize("name", ["zigzag-1d-light.svg", "manifest.json", NOTEBOOK_NAME])
def test_a_damaged_entry_is_made_again_not_served(cache, name, damage):
    path = LessonBuild(cache).folder / name
    good = path.read_bytes()
    path.write_bytes(damage(good))
    again = LessonBuild(cache)
    again.manifest()
    again.finish()
    assert again.made == [name]
    assert path.read_bytes() == good


def test_strangers_in_the_cache_are_left_alone(cache):
    (cache / "x").mkdir()
    (cache / "notes.txt").write_text("mine")
    folder = LessonBuild(cache).folder
    (folder / "stranger").mkdir()
    build = LessonBuild(cache)
    build.manifest()
    build.finish()
    assert build.made == []
    assert (cache / "x").is_dir() and (cache / "notes.txt").is_file()


def test_other_builds_folders_are_removed_once_no_build_can_be_using_them(cache):
    old, recent = cache / ("0" * 20), cache / ("1" * 20)
    for folder in (old, recent):
        folder.mkdir()
    an_hour_ago = time.time() - 3600
    os.utime(old, (an_hour_ago, an_hour_ago))
    build = LessonBuild(cache)
    build.manifest()
    build.finish()
    assert not old.exists()
    assert recent.is_dir(), "a folder a build may still use"


@pytest.fixture
def package(tmp_path, monkeypatch) -> Path:
    """A copy of gdlesson's source, which the cache key is made from."""
    package = tmp_path / "gdlesson"
    shutil.copytree(ROOT / "gdlesson", package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(buildcache, "PACKAGE", package)
    return package


def test_the_key_follows_the_code_that_makes_the_entries(package):
    def changes_key(module: str) -> bool:
        before = buildcache.source_key()
        with (package / module).open("a") as f:
            f.write("\n# an edit\n")
        return buildcache.source_key() != before

    assert not changes_key("pages.py"), "pages make no entry"
    assert not changes_key("mkdocs_hooks.py")
    for module in ("style.py", "notebook.py", "buildcache.py", "lesson.py"):
        assert changes_key(module), module
    figure_module = source_of(package, "def network_figure(").relative_to(package)
    assert changes_key(str(figure_module))


def test_the_cache_lives_outside_docs_and_site_and_git():
    ignored = (ROOT / ".gitignore").read_text().split()
    assert "/.cache/" in ignored and "/site/" in ignored


# As `mkdocs serve` does: two builds in one process, the package edited between them.
SERVE_LIKE = """
import sys
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config
root, site, module = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
build(load_config(str(root / "mkdocs.yml"), site_dir=site))
module.write_text(module.read_text().replace('"Price",', '"Selling price",'))
build(load_config(str(root / "mkdocs.yml"), site_dir=site))
"""


def test_an_edited_figure_shows_on_the_next_rebuild_without_restart(tmp_path):
    project_copy(tmp_path, package=True)
    module = source_of(tmp_path / "gdlesson", '"Price",')
    site = tmp_path / "site"
    run = subprocess.run(
        [sys.executable, "-c", SERVE_LIKE, str(tmp_path), str(site), str(module)],
        cwd=tmp_path,
        env=project_env(tmp_path),
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert "Selling price" in (site / "figures" / "network-light.svg").read_text()
