"""The weight of each page the browser tests loaded, printed as a table at the end of
the run. A test records a row with ``record_property(NAME, (path, scheme, weight))``,
``weight`` as :func:`tests.browser.conftest.loaded_weight` gives it. The
row travels on the test's report, so the table is whole whichever process ran the
test (under pytest-xdist, a worker; the table is printed by the process that reports).

Loaded with ``-p tests.page_weights`` (pyproject.toml): the reporting process does
not always collect tests/browser/, so its conftest cannot print the table.
"""

from __future__ import annotations

#: The name a test records its row under (``record_property``).
NAME = "page weight"


class PageWeights:
    def __init__(self) -> None:
        self.rows: list = []

    def pytest_runtest_logreport(self, report) -> None:
        if report.when == "call":  # (the teardown's report carries the row too)
            self.rows += [value for name, value in report.user_properties if name == NAME]

    def pytest_terminal_summary(self, terminalreporter) -> None:
        if not self.rows:
            return
        kinds = list(self.rows[0][2])
        write = terminalreporter.write_line
        terminalreporter.write_sep(
            "-", "page weight: KiB unpacked, and in all as sent (text gzipped)"
        )
        write(
            f"{'page':<26}{'scheme':<7}"
            + "".join(f"{k:>7}" for k in kinds)
            + f"{'total':>8}{'sent':>7}"
        )
        for path, scheme, weight in sorted(self.rows):
            unpacked = sum(w[1] for w in weight.values())
            sent = sum(w[0] for w in weight.values())
            write(
                f"{path:<26}{scheme:<7}"
                + "".join(f"{weight[k][1] / 1024:>7.1f}" for k in kinds)
                + f"{unpacked / 1024:>8.1f}{sent / 1024:>7.1f}"
            )


def pytest_configure(config) -> None:
    config.pluginmanager.register(PageWeights(), "page-weights")
