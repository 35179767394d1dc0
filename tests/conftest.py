"""Shared fixtures: one strict build of the whole site per test session."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"


def build_site(dest: Path) -> subprocess.CompletedProcess:
    """``mkdocs build --strict`` into ``dest``; fails the caller on any warning."""
    env = os.environ | {"NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(dest)],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False,
    )


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The built site, after checking that the strict build passed cleanly."""
    dest = tmp_path_factory.mktemp("site")
    docs_before = sorted(p.relative_to(DOCS) for p in DOCS.rglob("*"))
    result = build_site(dest)
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stderr}"
    assert "WARNING -" not in result.stderr, result.stderr
    docs_after = sorted(p.relative_to(DOCS) for p in DOCS.rglob("*"))
    assert docs_after == docs_before, "the build wrote into docs/"
    return dest
