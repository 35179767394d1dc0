"""The notebook page is executed again only when the notebook, or the gdlesson it
imports, changed; a broken cache entry is made again, never served.

Each test works on a copy of a project (docs/, gdlesson/, mkdocs.yml, .cache/)
built once for the module, so it starts warm.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import build_site, project_copy


def build(project: Path) -> None:
    run = build_site(project / "site", project)
    assert run.returncode == 0, run.stderr


def entries(project: Path) -> dict[str, int]:
    """The notebook cache's entries: name → modification time (ns)."""
    cache = project / ".cache" / "mkdocs-jupyter"
    return {p.name: p.stat().st_mtime_ns for p in cache.glob("*.json")}


def edit_notebook(project: Path, old: str, new: str) -> None:
    path = project / "docs" / "try-it.ipynb"
    notebook = json.loads(path.read_text())
    cell = next(c for c in notebook["cells"] if old in "".join(c["source"]))
    cell["source"] = "".join(cell["source"]).replace(old, new)
    path.write_text(json.dumps(notebook, indent=1))


def edit_gdlesson(project: Path) -> None:
    with (project / "gdlesson" / "lesson.py").open("a") as f:
        f.write("\n# an edit: gdlesson changed\n")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    project = project_copy(tmp_path_factory.mktemp("built"), package=True)
    build(project)
    assert len(entries(project)) == 1
    return project


@pytest.fixture
def project(built, tmp_path) -> Path:
    shutil.copytree(built, tmp_path / "project", symlinks=True)
    return tmp_path / "project"


def test_a_warm_build_or_a_gdlesson_edit_does_not_run_a_notebook_that_does_not_use_it(project):
    before = entries(project)
    build(project)
    edit_gdlesson(project)
    build(project)
    assert entries(project) == before


def first_result(project: Path) -> str:
    """What the notebook page shows its first descent ended with."""
    page = (project / "site" / "try-it" / "index.html").read_text()
    return re.search(r"converged after \d+ steps, at w = [\d.]+", page).group()


def test_an_edited_notebook_is_run_again(project):
    (before,) = entries(project)
    shown = first_result(project)
    edit_notebook(project, "learning_rate = 0.17", "learning_rate = 0.1")
    build(project)
    (after,) = entries(project)
    assert after != before  # a new key; the old entry is evicted
    assert first_result(project) != shown


def test_a_notebook_that_imports_gdlesson_is_run_again_when_gdlesson_changed(project):
    edit_notebook(project, "import numpy as np", "import gdlesson\nimport numpy as np")
    build(project)
    before = entries(project)
    edit_gdlesson(project)
    build(project)
    after = entries(project)
    assert after.keys() == before.keys()  # the same key: the plugin alone would serve it
    assert after != before, "not run again"


def test_a_truncated_entry_is_made_again_not_served(project):
    good = (project / "site" / "try-it" / "index.html").read_text()
    (name,) = entries(project)
    entry = project / ".cache" / "mkdocs-jupyter" / name
    entry.write_text(entry.read_text()[:1000])
    build(project)
    json.loads(entry.read_text())
    assert (project / "site" / "try-it" / "index.html").read_text() == good
