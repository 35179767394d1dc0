"""The kinds of tests (tests/kinds.py) keep the quick loop quick."""

from __future__ import annotations

pytest_plugins = ["pytester"]

INNER = """
import subprocess
import pytest

def test_quick():
    assert True

def test_starts_a_process():
    subprocess.run(["true"], check=True)

@pytest.mark.build
def test_marked_build():
    subprocess.run(["true"], check=True)
"""


def test_a_unit_test_that_starts_a_process_fails_asking_for_the_build_mark(pytester):
    pytester.makepyfile(test_inner=INNER)
    result = pytester.runpytest_inprocess("-p", "tests.kinds", "-m", "unit", "-q")
    result.assert_outcomes(passed=1, failed=1, deselected=1)
    result.stdout.fnmatch_lines(["*test_starts_a_process starts a process: mark it build*"])
