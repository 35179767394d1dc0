"""The Chromium that the browser tests and scripts/pdf launch, headless.

The first of: ``$GDLESSON_CHROMIUM`` (used as given); Debian's headless shell
(package ``chromium-headless-shell``: the same Blink as the browser, built to run
without a window, as Playwright runs headless tests; here the browser tests take
about two thirds of the time they take in the full browser); Debian's
``chromium``; else Playwright's own, if ``python -m playwright install chromium``
installed it. scripts/ensure-chromium makes sure there is one, installing the
headless shell where it can.
"""

from __future__ import annotations

import os
from pathlib import Path

HEADLESS_SHELL = "/usr/bin/chromium-headless-shell"
CHROMIUM = "/usr/bin/chromium"
#: Nothing a test or a PDF needs: no background traffic (every request to another
#: host is a failure), no GPU, no first-run pages.
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def executable() -> str | None:
    """The Chromium binary to launch, or None for Playwright's own."""
    if "GDLESSON_CHROMIUM" in os.environ:
        return os.environ["GDLESSON_CHROMIUM"]
    return next((path for path in (HEADLESS_SHELL, CHROMIUM) if Path(path).is_file()), None)


def launch(playwright):
    """Chromium launched headless by ``playwright``; a RuntimeError that says what to
    install when there is none."""
    from playwright.sync_api import Error as PlaywrightError  # only when a browser is wanted

    path = executable()
    if path is not None and not Path(path).is_file():
        raise RuntimeError(f"GDLESSON_CHROMIUM={path} is not a file")
    try:
        return playwright.chromium.launch(executable_path=path, args=ARGS)
    except PlaywrightError as error:
        if path is not None:
            raise
        raise RuntimeError(
            f"no Chromium at {HEADLESS_SHELL} or {CHROMIUM}, and Playwright's own did not "
            f"start ({str(error).splitlines()[0]}): run scripts/ensure-chromium "
            "(or set GDLESSON_CHROMIUM)"
        ) from error
