"""Adding a page with a number, a figure, a claim and an exercise touches three files:
the nav in mkdocs.yml, docs/<page>.md and gdlesson/pages/<page>.py, as the README
says. Done in a scratch copy, and built."""

from __future__ import annotations

import subprocess
import sys

import pytest

from gdlesson.choices import PRICE
from gdlesson.figures import FIGURES
from tests.conftest import build_site, project_copy, project_env

pytestmark = pytest.mark.build  # tests/kinds.py

PAGE = """# Half the price

Half the dearest house's price is {{ half_price }}.

{{ figure half-price }}

The half is below the whole.

## Exercises

1. What is a third of it?

    ??? success "Answer to exercise 1"

        {{ third_price }}, less than the half.
"""

MODULE = '''"""Half the price: the page's numbers, figure, claim and exercise."""

from functools import partial

from matplotlib.figure import Figure

from gdlesson.choices import PRICE
from gdlesson.claim import Claim, register
from gdlesson.drawing import WIDTH, FigureSpec, Texts
from gdlesson.style import palette_colours


def facts() -> dict[str, str]:
    return {"half_price": f"{max(PRICE) / 2:g}", "third_price": f"{max(PRICE) / 3:.2f}"}


def half_price_figure(fig: Figure, palette: str) -> None:
    ax = fig.subplots()
    accent = palette_colours(palette)["accent"]
    ax.bar(["whole", "half"], [max(PRICE), max(PRICE) / 2], color=accent)
    ax.set_ylabel("price")


def _texts() -> dict[str, Texts]:
    return {"half-price": Texts("Two bars: the whole price and its half.", "Look at the half.")}


FIGURES = (FigureSpec("half-price", half_price_figure, "svg", _texts, size=(WIDTH, 2)),)

CLAIMS: list[Claim] = []
claim = partial(register, CLAIMS, "half-price.md")
EXERCISE_CLAIMS: list[Claim] = []
exercise = partial(register, EXERCISE_CLAIMS, "half-price.md")


@claim("the half is below the whole")
def _half_below() -> bool:
    return max(PRICE) / 2 < max(PRICE)


@exercise("answer: a third is less than the half")
def _third_below_half() -> bool:
    return max(PRICE) / 3 < max(PRICE) / 2
'''


def test_a_new_page_takes_the_nav_its_markdown_and_its_module(tmp_path):
    project = project_copy(tmp_path / "project", package=True, warm=False)
    config = project / "mkdocs.yml"
    nav_end = "  - 15. Try it: try-it.ipynb\n"
    assert config.read_text().count(nav_end) == 1, "the nav no longer ends with the notebook"
    config.write_text(
        config.read_text().replace(nav_end, nav_end + "  - 16. Half: half-price.md\n")
    )
    (project / "docs" / "half-price.md").write_text(PAGE)
    (project / "gdlesson" / "pages" / "half_price.py").write_text(MODULE)

    run = build_site(project / "out", project)
    assert run.returncode == 0, run.stderr[-3000:]
    page = (project / "out" / "half-price" / "index.html").read_text()
    assert f"price is {max(PRICE) / 2:g}." in page
    assert f"Figure {len(FIGURES) + 1}." in page and "half-price-light.svg" in page
    assert (project / "out" / "figures" / "half-price-dark.svg").is_file()
    assert f"{max(PRICE) / 3:.2f}, less than the half" in page

    listed = subprocess.run(
        [
            sys.executable,
            "-c",
            "from gdlesson.claims import ALL_CLAIMS\n"
            "print([c.says for c in ALL_CLAIMS if c.page == 'half-price.md'])",
        ],
        cwd=project,
        env=project_env(project),
        capture_output=True,
        text=True,
        check=True,
    )
    assert listed.stdout.strip() == (
        "['the half is below the whole', 'answer: a third is less than the half']"
    )
