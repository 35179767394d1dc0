"""Lighthouse on every page of the built site, as a phone on a slow network
sees it (Lighthouse's mobile defaults: a Moto G Power, 4G throttling
simulated), served gzip-compressed as a static host serves it.

Run through ``scripts/lighthouse``. Builds the site into .cache/lighthouse/site,
installs the pinned Lighthouse (scripts/lighthouse-pins/package-lock.json, checked
by npm against its hashes) into .cache/lighthouse, runs it once per page (or
on the pages named) and prints a table, keeping each report in
.cache/lighthouse/reports/; exits 1 if a page misses a target. Scores move by a few
points with the machine's load: a target missed on a busy machine is worth
a second run before it is worth a change.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scripts.static_host import served  # noqa: E402 - after the path it needs

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / ".cache" / "lighthouse"
PINNED = ROOT / "scripts" / "lighthouse-pins"
#: The lowest score each category may have, out of 100.
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
CHROMIUM = os.environ.get("GDLESSON_CHROMIUM", "/usr/bin/chromium")


def install() -> Path:
    """The pinned Lighthouse in WORK, installed again when its lock changed."""
    lighthouse = WORK / "node_modules" / ".bin" / "lighthouse"
    installed = WORK / "package-lock.json"
    lock = (PINNED / "package-lock.json").read_bytes()
    if lighthouse.exists() and installed.is_file() and installed.read_bytes() == lock:
        return lighthouse
    WORK.mkdir(parents=True, exist_ok=True)
    for name in ("package.json", "package-lock.json"):
        shutil.copyfile(PINNED / name, WORK / name)
    npm = ["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"]
    subprocess.run(npm, cwd=WORK, check=True)
    return lighthouse


def pages(site: Path) -> list[str]:
    """Each lesson page's path, from the built site (not the figures' own pages, nor
    the handout, the whole lesson on one page to print, which asks not to be indexed)."""
    found = [p.parent.relative_to(site).as_posix() for p in site.rglob("index.html")]
    skip = ("figures", "handout")
    return sorted(("" if p == "." else p + "/") for p in found if not p.startswith(skip))


def scores(lighthouse: Path, url: str, report: Path) -> dict[str, int]:
    """Lighthouse's four category scores for ``url``, out of 100, and the
    metrics that make its performance: largest contentful paint and total
    blocking time (ms), layout shift; its whole report is kept at ``report``."""
    flags = "--headless=new --no-sandbox --disable-gpu"
    command = [
        str(lighthouse), url, "--quiet", "--output=json", f"--output-path={report}",
        f"--only-categories={','.join(TARGETS)}", f"--chrome-flags={flags}",
    ]  # fmt: skip
    subprocess.run(command, check=True, env=os.environ | {"CHROME_PATH": CHROMIUM})
    result = json.loads(report.read_text(encoding="utf-8"))
    got = {name: round(result["categories"][name]["score"] * 100) for name in TARGETS}
    audits = result["audits"]
    for metric in ("largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift"):
        got[metric] = audits[metric]["numericValue"]
    return got


def main() -> int:
    summary = __doc__.split("\n\n")[0]
    parser = argparse.ArgumentParser(prog="scripts/lighthouse", description=summary)
    parser.add_argument("pages", nargs="*", help="paths of pages (default: every page)")
    only = parser.parse_args().pages
    if shutil.which("npm") is None or not Path(CHROMIUM).is_file():
        print(f"scripts/lighthouse: needs npm and Chromium at {CHROMIUM}", file=sys.stderr)
        return 2
    lighthouse = install()
    site = WORK / "site"
    build = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(site)]
    subprocess.run(build, cwd=ROOT, check=True)
    missed = []
    print(f"{'page':<26}" + "".join(f"{name:>15}" for name in TARGETS) + "  LCP s  TBT ms    CLS")
    reports = WORK / "reports"
    reports.mkdir(exist_ok=True)
    with served(site) as base:
        for path in only or pages(site):
            got = scores(lighthouse, base + path, reports / f"{path.strip('/') or 'home'}.json")
            print(
                f"{path or '/':<26}"
                + "".join(f"{got[name]:>15}" for name in TARGETS)
                + f"{got['largest-contentful-paint'] / 1000:>7.1f}"
                + f"{got['total-blocking-time']:>8.0f}{got['cumulative-layout-shift']:>7.3f}"
            )
            page = path or "/"
            missed += [f"{page} {n} {got[n]} < {t}" for n, t in TARGETS.items() if got[n] < t]
    for line in missed:
        print(f"missed: {line}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
