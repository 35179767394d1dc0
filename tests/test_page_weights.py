"""The page-weight table (tests/page_weights.py) lists each row a test recorded, once."""

from __future__ import annotations

from tests.page_weights import NAME

pytest_plugins = ["pytester"]

INNER = f"""
def test_loads_a_page(record_property):
    weight = {{"html": (1024, 2048), "css": (0, 1024)}}
    record_property({NAME!r}, ("recap/", "dark", weight))
"""


def test_each_recorded_row_is_printed_once_in_kib(pytester):
    pytester.makepyfile(test_inner=INNER)
    result = pytester.runpytest_inprocess("-p", "tests.page_weights")
    result.assert_outcomes(passed=1)
    rows = [line.split() for line in result.outlines if line.startswith("recap/")]
    assert rows == [["recap/", "dark", "2.0", "1.0", "3.0", "1.0"]]
