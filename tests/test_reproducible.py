"""The build is reproducible: the same commit gives the same site, byte for byte.

One build runs in the repository with whatever cache it has (.cache/gdlesson: the
facts, figures and executed notebook); the other runs in a fresh copy of the
sources, its cache empty: the figures are rendered and the notebook executed anew.
Both must give identical trees, sitemap, notebook page and figures included.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import build_site, project_copy

pytestmark = pytest.mark.build  # tests/kinds.py


def tree(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def first_difference(a: bytes, b: bytes) -> str:
    i = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    return f"at byte {i}: {a[max(0, i - 60) : i + 60]!r} vs {b[max(0, i - 60) : i + 60]!r}"


def test_a_warm_and_a_cold_build_of_the_same_commit_are_identical(site, tmp_path):
    """``site`` is built in the repository, warm; the copy's build starts cold."""
    project = project_copy(tmp_path / "project", warm=False)
    cold = build_site(tmp_path / "cold", project)
    assert cold.returncode == 0, cold.stderr

    a, b = tree(site), tree(tmp_path / "cold")
    assert sorted(a) == sorted(b)
    assert "sitemap.xml" in a and "try-it/index.html" in a
    assert any(name.startswith("figures/") for name in a)
    differing = {name: first_difference(a[name], b[name]) for name in a if a[name] != b[name]}
    assert differing == {}
