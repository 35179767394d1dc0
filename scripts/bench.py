"""Benchmark the site build against a bare Material build of the same Markdown.

Run through ``scripts/bench``. Works in a temporary copy of docs/ and
mkdocs.yml, so the repository's own caches are not touched. Prints one table
of medians and each build's ratio to the bare build, then the page weights,
and exits 1 if a target is missed.

Two ways of timing, both reported:

- ``mkdocs build`` as a new process, as ``scripts/build`` and CI run it
  (imports included);
- a rebuild inside a running process, as ``mkdocs serve`` does after an edit
  (its modules are already imported): what an instructor waits for.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml
from mkdocs.utils.yaml import get_yaml_loader

ROOT = Path(__file__).resolve().parents[1]
TARGETS = {"warm": 1.3, "edit": 1.5, "cold": 5.0}
EDITED_PAGE = "recap.md"
ENV = os.environ | {"NO_MKDOCS_2_WARNING": "1", "NBCONVERT_DISABLE_CONFIG_EXPORTERS": "1"}

# Rebuilds inside one process, as `mkdocs serve` does; prints one duration per line.
REBUILDS = """
import sys, time
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config
config_file, site, runs, edit = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
build(load_config(config_file, site_dir=site))  # the first build imports everything
for i in range(runs):
    if edit != "-":
        page = Path(edit)
        page.write_text(page.read_text() + f"\\n<!-- edit {i} -->\\n")
    start = time.perf_counter()
    build(load_config(config_file, site_dir=site))
    print(time.perf_counter() - start)
"""


def make_workspace(tmp: Path) -> tuple[Path, Path]:
    """Copies of the site's sources: our config and a bare one (Material + search)."""
    shutil.copytree(ROOT / "docs", tmp / "docs")
    text = (ROOT / "mkdocs.yml").read_text()
    text = text.replace("gdlesson/mkdocs_hooks.py", str(ROOT / "gdlesson" / "mkdocs_hooks.py"))
    text = text.replace("  - gdlesson\n", f"  - {ROOT / 'gdlesson'}\n")
    ours = tmp / "mkdocs.yml"
    ours.write_text(text)

    bare = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=get_yaml_loader())
    for key in ("hooks", "watch", "extra_css", "extra_javascript", "validation"):
        bare.pop(key, None)
    bare["plugins"] = ["search"]
    bare["nav"] = [e for e in bare["nav"] if not str(next(iter(e.values()))).endswith(".ipynb")]
    bare["exclude_docs"] = "*.ipynb\n"
    bare_path = tmp / "bare.yml"
    bare_path.write_text(yaml.safe_dump(bare, sort_keys=False))
    return ours, bare_path


def cli_build(config: Path, site: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)],
        cwd=config.parent,
        env=ENV,
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - start


def in_process(config: Path, site: Path, runs: int, edit: Path | None) -> list[float]:
    out = subprocess.run(
        [sys.executable, "-c", REBUILDS, str(config), str(site), str(runs), str(edit or "-")],
        cwd=config.parent,
        env=ENV,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return [float(line) for line in out.split()]


def edit_then_build(config: Path, site: Path, page: Path, i: int) -> float:
    page.write_text(page.read_text() + f"\n<!-- edit {i} -->\n")
    return cli_build(config, site)


def page_weights(site: Path) -> list[tuple[str, int, int, int, int]]:
    """(page, html, css, js, images) bytes, counting what each page loads from the site."""
    from bs4 import BeautifulSoup

    rows = []
    for html in sorted(site.rglob("index.html")):
        if html.parent.name == "search" or "assets" in html.parts:
            continue
        page = BeautifulSoup(html.read_text(), "html.parser")

        def size(urls, folder=html.parent):
            total = 0
            for url in urls:
                target = (folder / url.split("#")[0].split("?")[0]).resolve()
                if url and not url.startswith(("http:", "https:", "data:")) and target.is_file():
                    total += target.stat().st_size
            return total

        css = size(link.get("href", "") for link in page.select('link[rel="stylesheet"]'))
        js = size(script.get("src", "") for script in page.select("script[src]"))
        images = size({img.get("src", "") for img in page.select("img")})
        where = html.parent.relative_to(site).as_posix()
        name = "/" if where == "." else f"{where}/"
        rows.append((name, html.stat().st_size, css, js, images))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(prog="scripts/bench", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs of each build (default 5)")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be at least 1")

    with tempfile.TemporaryDirectory(prefix="gdlesson-bench-") as tmp_name:
        tmp = Path(tmp_name)
        ours, bare = make_workspace(tmp)
        site = tmp / "site"
        page = tmp / "docs" / EDITED_PAGE
        caches = tmp / ".cache"

        cli: dict[str, list[float]] = {"bare": [], "cold": [], "warm": [], "edit": []}
        cli_build(bare, site)  # warm the file system cache once
        for i in range(args.runs):
            cli["bare"].append(cli_build(bare, site))
            shutil.rmtree(caches, ignore_errors=True)
            cli["cold"].append(cli_build(ours, site))
            cli["warm"].append(cli_build(ours, site))
            cli["edit"].append(edit_then_build(ours, site, page, i))
        served = {
            "bare": in_process(bare, site, args.runs, None),
            "warm": in_process(ours, site, args.runs, None),
            "edit": in_process(ours, site, args.runs, page),
        }
        cli_build(ours, site)
        weights = page_weights(site)
        figures = sorted((p.name, p.stat().st_size) for p in (site / "figures").iterdir())

    median = {k: statistics.median(v) for k, v in cli.items()}
    served_median = {k: statistics.median(v) for k, v in served.items()}
    print(f"Build times, median of {args.runs} runs ({os.cpu_count()} cores)\n")
    print("| build | `mkdocs build` process | × bare | rebuild in `mkdocs serve` | × bare |")
    print("|---|---:|---:|---:|---:|")
    labels = {
        "bare": "bare: Material + search, same Markdown",
        "cold": "ours, cold (empty caches)",
        "warm": "ours, warm (nothing changed)",
        "edit": f"ours, after editing {EDITED_PAGE}",
    }
    for key, label in labels.items():
        served_cells = (
            f"{served_median[key]:.2f} s | {served_median[key] / served_median['bare']:.2f}"
            if key in served_median
            else "– | –"
        )
        print(
            f"| {label} | {median[key]:.2f} s | {median[key] / median['bare']:.2f} "
            f"| {served_cells} |"
        )

    print("\nTargets (× bare; `mkdocs serve` rebuilds for warm and edit, a new process for cold):")
    results = {
        "warm": served_median["warm"] / served_median["bare"],
        "edit": served_median["edit"] / served_median["bare"],
        "cold": median["cold"] / median["bare"],
    }
    missed = 0
    for key, limit in TARGETS.items():
        ok = results[key] <= limit
        missed += not ok
        print(f"- {key}: {results[key]:.2f} ≤ {limit}: {'met' if ok else 'MISSED'}")

    print("\nPage weights, bytes (what each page loads from the site, before compression)\n")
    print("| page | HTML | CSS | JS | images (light + dark) | total |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, html, css, js, images in weights:
        print(
            f"| {name} | {html:,} | {css:,} | {js:,} | {images:,} | {html + css + js + images:,} |"
        )
    print(
        f"\nFigures: {len(figures)} files, {sum(s for _, s in figures):,} bytes, "
        f"largest {max(figures, key=lambda f: f[1])[0]} "
        f"({max(s for _, s in figures):,} bytes)"
    )
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
