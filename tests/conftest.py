"""Shared fixtures: one strict build of the whole site per test session."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from mkdocs.utils.yaml import get_yaml_loader

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"


def load_config() -> dict:
    """mkdocs.yml as MkDocs reads it (``!ENV`` tags resolved)."""
    return yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=get_yaml_loader())


def nav_sources() -> list[str]:
    """The source file of each page, in the order of the nav."""
    return [next(iter(entry.values())) for entry in load_config()["nav"]]


def page_url(source: str) -> str:
    """Where a page's source is served, relative to the site's root: "" or "stem/"."""
    stem = source.rsplit(".", 1)[0]
    return "" if stem == "index" else f"{stem}/"


def page_source(source: str) -> str:
    """The text a page of the nav is made from: a Markdown file of docs/, or the
    notebook's JSON, which gdlesson makes."""
    from gdlesson.facts import facts
    from gdlesson.notebook import NOTEBOOK_NAME, notebook_json

    if source == NOTEBOOK_NAME:
        return notebook_json(facts())
    return (DOCS / source).read_text(encoding="utf-8")


def filled_markdown(page: Path) -> str:
    """A page's Markdown with its ``{{ name }}`` placeholders filled from gdlesson's
    facts, as the site shows it (figures left out)."""
    from gdlesson.facts import facts
    from gdlesson.figures import FIGURES
    from gdlesson.placeholders import fill_placeholders

    no_figures = {spec.name: "" for spec in FIGURES}
    return fill_placeholders(page.read_text(encoding="utf-8"), facts(), no_figures)


def project_env(project: Path) -> dict[str, str]:
    """The environment of MkDocs run in ``project``: it imports the project's gdlesson,
    and dates the site as the ``site`` fixture is dated (:func:`the_sites_date`), so
    that a test's build of this commit can be compared with it."""
    return os.environ | {
        "NO_MKDOCS_2_WARNING": "1",
        "PYTHONPATH": str(project),
        "SOURCE_DATE_EPOCH": the_sites_date(),
    }


def build_site(dest: Path, project: Path = ROOT) -> subprocess.CompletedProcess:
    """``mkdocs build --strict`` of ``project`` into ``dest``; the caller checks the result."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(dest)],
        cwd=project,
        env=project_env(project),
        capture_output=True,
        text=True,
        check=False,
    )


def with_requirements(names) -> set[str]:
    """The distributions ``names`` and all they require, as installed here."""
    from importlib.metadata import distribution

    from packaging.requirements import Requirement

    todo, found = list(names), set()
    while todo:
        name = todo.pop()
        if name in found:
            continue
        found.add(name)
        for line in distribution(name).requires or []:
            requirement = Requirement(line)
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                todo.append(requirement.name)
    return found


def python_with_only(folder: Path, *names: str) -> tuple[list[str], dict[str, str]]:
    """``(command, environment)`` of a fresh Python that can import only the
    distributions ``names`` (and what they require): no gdlesson, nothing else
    installed here. The reader who pastes a snippet has no more."""
    from importlib.metadata import distribution

    folder.mkdir(parents=True, exist_ok=True)
    for name in with_requirements(names):
        dist = distribution(name)
        tops = {f.parts[0] for f in dist.files or [] if ".dist-info" not in f.parts[0]}
        for top in tops - {"..", "__pycache__"}:
            link = folder / top
            if not link.exists():
                link.symlink_to(dist.locate_file(top))
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    return [sys.executable, "-S"], env | {"PYTHONPATH": str(folder), "MPLBACKEND": "Agg"}


def source_of(package: Path, text: str) -> Path:
    """The one module of ``package`` whose source holds ``text`` once."""
    (module,) = [p for p in package.rglob("*.py") if p.read_text().count(text) == 1]
    return module


@functools.cache
def lesson_cache() -> Path:
    """The repository's cache folder for gdlesson as it is, made whole once per session."""
    from gdlesson.buildcache import LessonBuild

    build = LessonBuild(ROOT / ".cache" / "gdlesson")
    build.manifest()
    build.finish()
    return build.folder


def project_copy(
    dest: Path, extra_config: str = "", package: bool = False, warm: bool = True
) -> Path:
    """A copy of the site's sources (docs/, overrides/, mkdocs.yml) in ``dest``, building with this
    repo's gdlesson, or with a copy of it in ``dest`` if ``package``. If ``warm``, its
    cache starts with what this gdlesson makes (figures, notebook), as a developer's
    would; else empty. Run MkDocs there with :func:`project_env`."""
    shutil.copytree(DOCS, dest / "docs")
    shutil.copytree(ROOT / "overrides", dest / "overrides")
    config = (ROOT / "mkdocs.yml").read_text()
    if package:
        ignore = shutil.ignore_patterns("__pycache__")
        shutil.copytree(ROOT / "gdlesson", dest / "gdlesson", ignore=ignore)
    else:
        config = config.replace("gdlesson/mkdocs_hooks.py", str(ROOT / "gdlesson/mkdocs_hooks.py"))
        config = config.replace("  - gdlesson\n", f"  - {ROOT / 'gdlesson'}\n")
    if warm:
        folder = lesson_cache()
        shutil.copytree(folder, dest / ".cache" / "gdlesson" / folder.name)
    (dest / "mkdocs.yml").write_text(config + extra_config)
    return dest


@functools.cache
def the_sites_date() -> str:
    """The date of the ``site`` fixture's build: the one set (scripts/test sets the
    last commit's), else the last commit's, as scripts/bootstrap would set it."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        return os.environ["SOURCE_DATE_EPOCH"]
    run = subprocess.run(
        [str(ROOT / "scripts" / "source-date-epoch")], capture_output=True, text=True, check=True
    )
    return run.stdout.strip()


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The built site, after checking that the strict build passed cleanly; dated as
    :func:`the_sites_date` says, so a test's own build of the same commit, so dated,
    gives the same bytes (on any day, under scripts/test or pytest alone)."""
    dest = tmp_path_factory.mktemp("site")
    docs_before = sorted(p.relative_to(DOCS) for p in DOCS.rglob("*"))
    result = build_site(dest)
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stderr}"
    assert "WARNING -" not in result.stderr, result.stderr
    docs_after = sorted(p.relative_to(DOCS) for p in DOCS.rglob("*"))
    assert docs_after == docs_before, "the build wrote into docs/"
    return dest
