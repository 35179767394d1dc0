"""Benchmark the site build against bare Material builds of the same pages.

Run through ``scripts/bench``. Works in a temporary copy of docs/, gdlesson/
and mkdocs.yml, so the repository stays as it is. Prints one table
of medians and each build's ratio to the floors (see :func:`make_workspace`),
then the page weights, and exits 1 if a target is missed.

Two ways of timing, both reported:

- ``mkdocs build`` as a new process, as ``scripts/build`` and CI run it
  (imports included);
- a rebuild inside a running process, as ``mkdocs serve`` does after an edit
  (its modules are already imported): what an instructor waits for.
"""

from __future__ import annotations

import argparse
import os
import re
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
#: Seconds: what every build worker, test process and `python -m gdlesson` pays first.
IMPORT_FIGURES_TARGET = 1.0
EDITED_PAGE = "recap.md"
ENV = os.environ | {"NO_MKDOCS_2_WARNING": "1", "NBCONVERT_DISABLE_CONFIG_EXPORTERS": "1"}

# The edits: a page gets a comment; a figure function a new label (a comment in
# Python would change nothing drawn, so no figure would be drawn again).
EDITS = {
    "page": (r"\Z", "\n<!-- edit {i} -->\n"),
    "figure": (r'"Price[^"]*",', '"Price {i}",'),
}

# A rebuild inside a running process, as `mkdocs serve` does after an edit: the
# first build imports everything, the second is timed.
REBUILD = """
import re, sys, time
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config
config_file, site, edited, pattern, replacement = sys.argv[1:6]
build(load_config(config_file, site_dir=site))
if edited != "-":
    path = Path(edited)
    path.write_text(re.sub(pattern, replacement, path.read_text(), count=1))
start = time.perf_counter()
build(load_config(config_file, site_dir=site))
print(time.perf_counter() - start)
"""


def make_workspace(tmp: Path) -> dict[str, Path]:
    """Copies of the site's sources, and three configurations of them.

    - ``ours``: the site as it is built;
    - ``bare``: the floor the targets are measured against, as the issue sets
      it: the same pages with Material and search only, no hooks, and no
      notebook execution (gdlesson's notebook, in a copy of docs/, converted
      by mkdocs-jupyter, not run);
    - ``markdown``: a lower floor, for comparison: the Markdown pages alone.
    """
    from gdlesson.facts import facts
    from gdlesson.notebook import NOTEBOOK_NAME, notebook_json

    for part in ("docs", "gdlesson", "overrides"):
        shutil.copytree(ROOT / part, tmp / part, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "docs", tmp / "bare-docs")
    (tmp / "bare-docs" / NOTEBOOK_NAME).write_text(notebook_json(facts()), encoding="utf-8")
    configs = {"ours": tmp / "mkdocs.yml"}
    shutil.copy(ROOT / "mkdocs.yml", configs["ours"])

    loaded = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=get_yaml_loader())
    for key in ("hooks", "watch", "extra_css", "extra_javascript", "validation"):
        loaded.pop(key, None)
    bare = loaded | {"docs_dir": "bare-docs"}
    markdown = loaded | {
        "plugins": ["search"],
        "nav": [e for e in loaded["nav"] if not str(next(iter(e.values()))).endswith(".ipynb")],
    }
    for name, config in (("bare", bare), ("markdown", markdown)):
        configs[name] = tmp / f"{name}.yml"
        configs[name].write_text(yaml.safe_dump(config, sort_keys=False))
    return configs


def figure_module(root: Path) -> Path:
    """The module of gdlesson that draws the network figure, which the edit changes."""
    pattern = EDITS["figure"][0]
    (module,) = [p for p in (root / "gdlesson").rglob("*.py") if re.search(pattern, p.read_text())]
    return module


def cli_build(config: Path, site: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)],
        cwd=config.parent,
        env=ENV | {"PYTHONPATH": str(config.parent)},
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - start


def rebuild(config: Path, site: Path, edit: str | None = None, run: int = 0) -> float:
    """One rebuild's time in a running process, after the ``edit`` ("page" or "figure")."""
    edited = {
        "page": config.parent / "docs" / EDITED_PAGE,
        "figure": figure_module(config.parent),
    }
    args = ["-", "", ""]
    if edit:
        pattern, replacement = EDITS[edit]
        args = [str(edited[edit]), pattern, replacement.format(i=run)]
    out = subprocess.run(
        [sys.executable, "-c", REBUILD, str(config), str(site), *args],
        cwd=config.parent,
        env=ENV | {"PYTHONPATH": str(config.parent)},
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return float(out)


def edit_then_build(config: Path, site: Path, page: Path, i: int) -> float:
    pattern, replacement = EDITS["page"]
    page.write_text(re.sub(pattern, replacement.format(i=i), page.read_text(), count=1))
    return cli_build(config, site)


def page_weights(site: Path) -> list[tuple[str, int, int, int, int]]:
    """(page, html, css, js, images) bytes, counting what each page loads from the site."""
    from bs4 import BeautifulSoup

    rows = []
    for html in sorted(site.rglob("index.html")):
        if html.parent.name in ("search", "handout") or "assets" in html.parts:
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


def import_figures() -> float:
    """Seconds to import gdlesson.figures in a new Python, the interpreter's start taken off."""

    def run(code: str) -> float:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=ENV, check=True)
        return time.perf_counter() - start

    return run("import gdlesson.figures") - run("pass")


def main() -> int:
    parser = argparse.ArgumentParser(prog="scripts/bench", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs of each build (default 5)")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be at least 1")

    with tempfile.TemporaryDirectory(prefix="gdlesson-bench-") as tmp_name:
        tmp = Path(tmp_name)
        configs = make_workspace(tmp)
        ours = configs["ours"]
        site = tmp / "site"
        page = tmp / "docs" / EDITED_PAGE
        caches = tmp / ".cache"

        cli: dict[str, list[float]] = {k: [] for k in ("markdown", "bare", "cold", "warm", "edit")}
        served: dict[str, list[float]] = {
            k: [] for k in ("markdown", "bare", "warm", "edit", "figure")
        }
        for floor in ("markdown", "bare"):
            cli_build(configs[floor], site)  # warm the file system cache once
        # Run by run, each build in turn, so that a slow spell of the machine
        # weighs on all of them alike.
        for i in range(args.runs):
            for floor in ("markdown", "bare"):
                cli[floor].append(cli_build(configs[floor], site))
            shutil.rmtree(caches, ignore_errors=True)
            cli["cold"].append(cli_build(ours, site))
            cli["warm"].append(cli_build(ours, site))
            cli["edit"].append(edit_then_build(ours, site, page, i))
            for floor in ("markdown", "bare"):
                served[floor].append(rebuild(configs[floor], site))
            served["warm"].append(rebuild(ours, site))
            served["edit"].append(rebuild(ours, site, "page", i))
            served["figure"].append(rebuild(ours, site, "figure", i))
            for edited in (Path("docs") / EDITED_PAGE, figure_module(ROOT).relative_to(ROOT)):
                shutil.copy(ROOT / edited, tmp / edited)  # the page weights are of the sources
        cli_build(ours, site)
        weights = page_weights(site)
        imports = statistics.median(import_figures() for _ in range(args.runs))
        figures = sorted((p.name, p.stat().st_size) for p in (site / "figures").iterdir())

    median = {k: statistics.median(v) for k, v in cli.items()}
    served_median = {k: statistics.median(v) for k, v in served.items()}

    def cells(times: dict[str, float], key: str) -> str:
        if key not in times:
            return "– | – | –"
        t = times[key]
        return f"{t:.2f} s | {t / times['bare']:.2f} | {t / times['markdown']:.2f}"

    print(f"Build times, median of {args.runs} runs ({os.cpu_count()} cores)\n")
    print(
        "| build | `mkdocs build` process | × bare | × Markdown only "
        "| rebuild in `mkdocs serve` | × bare | × Markdown only |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")
    labels = {
        "markdown": "Markdown only: Material + search, the notebook page left out",
        "bare": "bare: the same pages, Material + search, notebook not run",
        "cold": "ours, cold (empty caches)",
        "warm": "ours, warm (nothing changed)",
        "edit": f"ours, after editing {EDITED_PAGE}",
        "figure": "ours, after editing one figure function",
    }
    for key, label in labels.items():
        print(f"| {label} | {cells(median, key)} | {cells(served_median, key)} |")

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
    ok = imports <= IMPORT_FIGURES_TARGET
    missed += not ok
    print(
        f"- import gdlesson.figures: {imports:.2f} s ≤ {IMPORT_FIGURES_TARGET} s: "
        f"{'met' if ok else 'MISSED'}"
    )

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
