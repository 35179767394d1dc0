"""The manifest, figures and notebook are cached by what makes them, checked
before they are served, and made afresh by workers that end with the build."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from gdlesson import buildcache
from gdlesson.buildcache import LessonBuild, source_key
from gdlesson.figures import FIGURES, PALETTES, output_name, render
from gdlesson.notebook import NOTEBOOK_NAME
from tests.conftest import ROOT, lesson_cache, source_of

pytestmark = pytest.mark.build  # tests/kinds.py

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


# Each kind of entry (a figure, the manifest, the notebook) with one kind of damage:
# every entry is checked against the digest recorded when it was made, whatever the damage.
@pytest.mark.parametrize(
    ("name", "damage"),
    [
        ("zigzag-1d-light.svg", lambda b: b.replace(b"e", b"E", 1)),  # edited, still valid text
        ("manifest.json", lambda b: b[: len(b) // 2]),  # truncated
        (NOTEBOOK_NAME, lambda b: b""),  # emptied
    ],
    ids=["figure-edited", "manifest-truncated", "notebook-emptied"],
)
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


def _age(path: Path) -> None:
    an_hour_ago = time.time() - 3600
    os.utime(path, (an_hour_ago, an_hour_ago), follow_symlinks=False)


def test_other_builds_folders_are_removed_once_no_build_can_be_using_them(cache):
    mine = LessonBuild(cache).folder
    old, recent = cache / ("0" * 20), cache / ("1" * 20)
    for folder in (old, recent):
        shutil.copytree(mine, folder)
    _age(old)
    build = LessonBuild(cache)
    build.manifest()
    build.finish()
    assert not old.exists()
    assert recent.is_dir(), "a folder a build may still use"


def test_the_cache_deletes_only_what_it_wrote(cache, tmp_path_factory):
    mine = LessonBuild(cache).folder
    # A user's folder named like a key; a cache folder the user put a file into.
    users = cache / ("2" * 20)
    users.mkdir()
    (users / "manifest.json").write_text("the user's")
    shared = cache / ("3" * 20)
    shutil.copytree(mine, shared)
    (shared / "notes.txt").write_text("the user's")
    # Links out of the cache, named as the cache names its folders.
    outside = tmp_path_factory.mktemp("outside")
    (outside / "tmpabc.json").write_text("{}")
    shutil.copytree(mine, outside / "entries")
    _age(outside / "tmpabc.json")
    outside.chmod(0o755)
    for link, target in [
        ("runtime", outside),
        ("runtime-1-abc", outside),
        ("4" * 20, outside / "entries"),
    ]:
        (cache / link).symlink_to(target)
        _age(cache / link)
    for folder in (users, shared, outside / "entries"):
        _age(folder)
    before = sorted(p.name for p in (outside / "entries").iterdir())

    build = LessonBuild(cache)
    build.manifest()
    build.finish()

    assert (users / "manifest.json").read_text() == "the user's"
    assert [p.name for p in shared.iterdir()] == ["notes.txt"], "the cache's own files go"
    assert (outside / "tmpabc.json").read_text() == "{}"
    assert sorted(p.name for p in (outside / "entries").iterdir()) == before
    assert (outside.stat().st_mode & 0o777) == 0o755
    assert all((cache / link).is_symlink() for link in ("runtime", "runtime-1-abc", "4" * 20))


def test_a_killed_builds_runtime_folder_goes_with_its_kernel_file(cache):
    killed = cache / "runtime-1-abcdef"
    killed.mkdir()
    for name in ("tmpx1y2z3.json", "kernel-7.json"):
        (killed / name).write_text("{}")
    _age(killed)
    build = LessonBuild(cache)
    build.manifest()
    build.finish()
    assert not killed.exists()


def test_an_entry_behind_a_link_is_not_read_but_made_again(cache, tmp_path):
    folder = LessonBuild(cache).folder
    entry = folder / "zigzag-1d-light.svg"
    elsewhere = tmp_path / "elsewhere.svg"
    elsewhere.write_bytes(entry.read_bytes())
    entry.unlink()
    entry.symlink_to(elsewhere)
    build = LessonBuild(cache)
    build.manifest()
    build.finish()
    assert build.made == ["zigzag-1d-light.svg"]
    assert not entry.is_symlink() and elsewhere.is_file()


def test_a_folder_in_an_entrys_place_stops_the_build_in_one_line(cache):
    folder = LessonBuild(cache).folder
    entry = folder / "zigzag-1d-light.svg"
    entry.unlink()
    entry.mkdir()
    build = LessonBuild(cache)
    build.manifest()
    with pytest.raises(buildcache.CacheError) as raised:
        build.finish()
    assert str(raised.value) == f"cannot write {entry}: Is a directory"
    assert not [p for p in folder.iterdir() if p.name.endswith(".partial")]


def test_a_warm_build_writes_nothing(cache):
    def state():
        return {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in cache.rglob("*")}

    before = state()
    build = LessonBuild(cache)
    build.manifest()
    build.finish()
    assert build.made == [] and state().keys() == before.keys()
    assert all(state()[p] == before[p] for p in before if p.is_file())


def test_a_shaped_page_is_made_once_then_read_unless_damaged(cache):
    calls = []

    def shape(html: str, source: str) -> str:
        calls.append(source)
        return html.upper()

    first = LessonBuild(cache)
    assert first.remembered(shape, "<p>é</p>", "a.md") == "<P>É</P>"
    first.finish()
    (name,) = first.made
    again = LessonBuild(cache)
    assert again.remembered(shape, "<p>é</p>", "a.md") == "<P>É</P>" and calls == ["a.md"]
    again.finish()
    (again.folder / name).write_text("<P>E</P>")
    damaged = LessonBuild(cache)
    assert damaged.remembered(shape, "<p>é</p>", "a.md") == "<P>É</P>"
    assert damaged.made == [name] and calls == ["a.md", "a.md"]


def test_a_shaped_page_no_build_uses_goes_when_the_build_ends(cache):
    def shape(html: str) -> str:
        return html

    first = LessonBuild(cache)
    first.remembered(shape, "before the edit")
    first.finish()
    (old,) = first.made
    edited = LessonBuild(cache)
    edited.remembered(shape, "after the edit")
    edited.finish()
    index = json.loads((edited.folder / "index.json").read_text())
    assert old not in index and not (edited.folder / old).exists()
    assert edited.made[0] in index


def test_the_key_follows_the_python_version(monkeypatch):
    before = buildcache.source_key()
    monkeypatch.setattr(buildcache.platform, "python_version", lambda: "3.99.0")
    assert buildcache.source_key() != before


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

    assert not changes_key("shaping.py"), "the HTML shaping makes no entry of the key"
    assert not changes_key("mkdocs_hooks.py")
    before = buildcache.shaping_key()
    with (package / "shaping.py").open("a") as f:
        f.write("\n# an edit\n")
    assert buildcache.shaping_key() != before, "a shaped page follows the shaping code"
    for module in ("style.py", "notebook.py", "buildcache.py", "choices.py"):
        assert changes_key(module), module
    figure_module = source_of(package, "def network_figure(").relative_to(package)
    assert changes_key(str(figure_module))


def test_git_sees_nothing_a_build_made(site):
    """The build (the ``site`` fixture, in this checkout) wrote its cache in
    ``.cache/``, and neither it nor ``site/`` shows as a change to commit."""
    assert (ROOT / ".cache" / "gdlesson" / source_key()).is_dir()
    status = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all", ".cache", "site"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert status.stdout == ""
