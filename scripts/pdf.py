"""Print the lesson's handout page to a PDF with headless Chromium (see scripts/pdf).

:func:`handout_pdf` prints the page that holds the whole lesson (``handout/``,
made by the build: gdlesson/sharing.py) from a served site; the tests use it
too (tests/browser/test_print.py). :func:`main` builds the site into
``.cache/pdf/site``, serves it on 127.0.0.1 and writes the PDF.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scripts.chromium import launch  # noqa: E402 - after the path is set
from scripts.static_host import served  # noqa: E402

HANDOUT = "handout/"
#: Each sheet's foot: "page N of M", small and grey, in the margin Chromium prints it in.
FOOTER = (
    '<div style="width: 100%; font: 9px sans-serif; color: #59636e; text-align: center;">'
    '<span class="pageNumber"></span> / <span class="totalPages"></span></div>'
)


def handout_pdf(browser, site_url: str) -> bytes:
    """The handout of the site served at ``site_url``, printed as an A4 PDF by
    ``browser`` (Playwright's Chromium) in the light scheme; every image loaded first."""
    context = browser.new_context(color_scheme="light")
    try:
        page = context.new_page()
        page.goto(site_url + HANDOUT, wait_until="load")
        page.wait_for_function("Array.from(document.images).every(i => i.complete)")
        return page.pdf(
            format="A4",
            margin={"top": "16mm", "bottom": "18mm", "left": "14mm", "right": "14mm"},
            display_header_footer=True,
            header_template="<span></span>",
            footer_template=FOOTER,
            print_background=True,
            outline=True,  # the PDF's bookmarks: its pages and their headings
            tagged=True,
        )
    finally:
        context.close()


def main() -> int:
    parser = argparse.ArgumentParser(prog="scripts/pdf", description=__doc__.splitlines()[0])
    parser.add_argument("--caller", type=Path, default=Path.cwd(), help=argparse.SUPPRESS)
    parser.add_argument("-o", "--output", type=Path, default=Path("gradient-descent-lesson.pdf"))
    args = parser.parse_args()
    output = args.output if args.output.is_absolute() else args.caller / args.output
    if not output.parent.is_dir():
        print(f"scripts/pdf: no folder {output.parent} for the PDF", file=sys.stderr)
        return 2
    site = ROOT / ".cache" / "pdf" / "site"
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)]
    if subprocess.run(mkdocs, cwd=ROOT, check=False).returncode:
        return 1

    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright, served(site) as url:
        try:
            browser = launch(playwright)
        except RuntimeError as error:
            print(f"scripts/pdf: {error}", file=sys.stderr)
            return 1
        try:
            output.write_bytes(handout_pdf(browser, url))
        finally:
            browser.close()
    print(f"scripts/pdf: {output} ({output.stat().st_size / 1024:.0f} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
