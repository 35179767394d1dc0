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


def test_files_run_slowest_kind_first_each_files_tests_in_order(pytester):
    pytester.makepyfile(
        test_a_quick="def test_one():\n    pass\n",
        test_b_mixed="import pytest\n\ndef test_first():\n    pass\n\n"
        "@pytest.mark.build\ndef test_second():\n    pass\n",
    )
    result = pytester.runpytest_inprocess("-p", "tests.kinds", "--collect-only", "-q")
    assert [line for line in result.outlines if "::" in line] == [
        "test_b_mixed.py::test_first",
        "test_b_mixed.py::test_second",
        "test_a_quick.py::test_one",
    ]
