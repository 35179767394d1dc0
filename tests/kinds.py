"""Each test's kind, for ``pytest -m``: ``unit``, ``build`` or ``browser``.

- ``browser``: the tests of tests/browser/, which load the built site in Chromium;
- ``build``: marked so by hand (a module's ``pytestmark`` or a decorator), or using
  the session's built ``site``: it runs MkDocs, a script, a worker or another
  Python, seconds each;
- ``unit``: every other test, the package's doctests and the pages' code blocks:
  the quick loop of ``scripts/check``. A unit test that starts a process fails,
  asking to be marked ``build``, so the quick loop stays quick.

The files run in that order: those with a browser test first, then those with a
build test, then the rest.

Loaded with ``-p tests.kinds`` (pyproject.toml), so that every test collected,
wherever it lives, gets its kind.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

BROWSER = Path(__file__).resolve().parent / "browser"


def pytest_configure(config) -> None:
    # jupytext asks pandoc for its version when first imported (a process, once a
    # session): done here, so that a unit test reading the workbook passes alone too,
    # not only after a build test imported jupytext.
    import jupytext  # noqa: F401


#: The kinds, slowest first.
KINDS = ("browser", "build", "unit")


def pytest_collection_modifyitems(items) -> None:
    for item in items:
        if BROWSER in Path(item.path).parents:
            item.add_marker(pytest.mark.browser)
        elif "site" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.build)
        elif item.get_closest_marker("build") is None:
            item.add_marker(pytest.mark.unit)
    # Files whose slowest test is the slowest kind first, each file's tests in their
    # order: run in parallel (scripts/test), the quick files fill the end, and no
    # worker is left waiting for another's long file.
    rank = {}
    for item in items:
        kind = next(k for k in KINDS if item.get_closest_marker(k) is not None)
        rank[item.path] = min(rank.get(item.path, len(KINDS)), KINDS.index(kind))
    items.sort(key=lambda item: rank[item.path])


@pytest.fixture(autouse=True)
def _a_unit_test_starts_no_process(request, monkeypatch):
    if request.node.get_closest_marker("unit") is not None:

        def refused(*args, **kwargs):
            raise AssertionError(f"{request.node.nodeid} starts a process: mark it build")

        monkeypatch.setattr(subprocess.Popen, "__init__", refused)
