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


def broken_copy(tmp_path: Path, page: str, append: str) -> Path:
    """A copy of the site's sources with ``append`` added to docs/``page``."""
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    config = (ROOT / "mkdocs.yml").read_text()
    config = config.replace("gdlesson/mkdocs_hooks.py", str(ROOT / "gdlesson/mkdocs_hooks.py"))
    config = config.replace("  - gdlesson\n", f"  - {ROOT / 'gdlesson'}\n")
    if not page.endswith(".ipynb"):
        config = config.replace("execute: true", "execute: false")  # faster; not under test
    (tmp_path / "mkdocs.yml").write_text(config)
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
    run = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "out")],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
        env=os.environ | {"NO_MKDOCS_2_WARNING": "1"},
    )
    assert run.returncode != 0
    assert message in run.stderr
