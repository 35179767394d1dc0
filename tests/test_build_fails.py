"""A broken link, anchor, number, figure or notebook cell fails the strict build, loudly."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def project_copy(tmp_path: Path, execute: bool = False, extra_config: str = "") -> Path:
    """A copy of the site's sources in ``tmp_path``, using this repo's gdlesson."""
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    config = (ROOT / "mkdocs.yml").read_text()
    config = config.replace("gdlesson/mkdocs_hooks.py", str(ROOT / "gdlesson/mkdocs_hooks.py"))
    config = config.replace("  - gdlesson\n", f"  - {ROOT / 'gdlesson'}\n")
    if not execute:
        config = config.replace("execute: true", "execute: false")  # faster where not tested
    (tmp_path / "mkdocs.yml").write_text(config + extra_config)
    return tmp_path


def strict_build(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(project / "out")],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
        env=os.environ | {"NO_MKDOCS_2_WARNING": "1"},
    )


def broken_copy(tmp_path: Path, page: str, append: str) -> Path:
    """A copy of the site's sources with ``append`` added to docs/``page``."""
    project_copy(tmp_path, execute=page.endswith(".ipynb"))
    target = tmp_path / "docs" / page
    if page.endswith(".ipynb"):
        notebook = json.loads(target.read_text())
        notebook["cells"].append(
            {
                "cell_type": "code",
                "id": "broken",
                "metadata": {},
                "execution_count": None,
                "outputs": [],
                "source": [append],
            }
        )
        target.write_text(json.dumps(notebook))
    else:
        target.write_text(target.read_text() + "\n" + append + "\n")
    return tmp_path


@pytest.mark.parametrize(
    ("page", "append", "message"),
    [
        ("recap.md", "[a broken link](no-such-page.md)", "no-such-page.md"),
        ("recap.md", "[a broken anchor](brute-force.md#no-such-heading)", "no-such-heading"),
        ("recap.md", "![a missing image](figures/no-such-figure-light.svg)", "no-such-figure"),
        ("recap.md", "{{ no_such_number }}", "no_such_number"),
        ("recap.md", "{{ figure no-such-figure }}", "no-such-figure"),
        ("try-it.ipynb", "raise RuntimeError('a broken cell')", "a broken cell"),
    ],
    ids=["link", "anchor", "image", "number", "figure", "notebook-cell"],
)
def test_a_broken_page_fails_the_strict_build(tmp_path, page, append, message):
    project = broken_copy(tmp_path, page, append)
    run = strict_build(project)
    assert run.returncode != 0
    assert message in run.stderr


def test_pages_get_an_edit_link_when_repo_url_is_set(tmp_path):
    extra = "repo_url: https://github.com/example/gdlesson\nedit_uri: edit/main/docs/\n"
    project = project_copy(tmp_path, extra_config=extra)
    run = strict_build(project)
    assert run.returncode == 0, run.stderr
    page = (project / "out" / "recap" / "index.html").read_text()
    assert 'href="https://github.com/example/gdlesson/edit/main/docs/recap.md"' in page
