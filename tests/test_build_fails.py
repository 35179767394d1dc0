"""A broken link, anchor, number, figure or notebook cell fails the strict build, loudly."""

from __future__ import annotations

from pathlib import Path

import pytest

from gdlesson.notebook import NOTEBOOK_NAME
from tests.conftest import build_site, project_copy, source_of

pytestmark = pytest.mark.build  # tests/kinds.py


def broken_copy(tmp_path: Path, page: str, append: str) -> Path:
    """A copy of the site's sources with ``append`` added to docs/``page``, or to the
    notebook's last cell (made by gdlesson) if ``page`` is the notebook."""
    if page == NOTEBOOK_NAME:
        project_copy(tmp_path, package=True)
        workbook = tmp_path / "gdlesson" / "reader" / "try_it.py"
        workbook.write_text(workbook.read_text() + f"\n# %%\n{append}\n")
    else:
        project_copy(tmp_path)
        target = tmp_path / "docs" / page
        target.write_text(target.read_text() + "\n" + append + "\n")
    return tmp_path


def test_every_broken_link_anchor_and_image_of_a_page_is_named_and_fails_the_build(tmp_path):
    broken = {
        "no-such-page.md": "[a broken link](no-such-page.md)",
        "no-such-heading": "[a broken anchor](brute-force.md#no-such-heading)",
        "no-such-figure": "![a missing image](figures/no-such-figure-light.svg)",
    }
    project = broken_copy(tmp_path, "recap.md", "\n\n".join(broken.values()))
    run = build_site(project / "out", project)
    assert run.returncode != 0
    assert [target for target in broken if target not in run.stderr] == [], run.stderr


@pytest.mark.parametrize(
    ("page", "append", "message"),
    [
        ("recap.md", "{{ no_such_number }}", "no_such_number"),
        ("recap.md", "{{ figure no-such-figure }}", "no-such-figure"),
        (NOTEBOOK_NAME, "raise RuntimeError('a broken cell')", "a broken cell"),
    ],
    ids=["number", "figure", "notebook-cell"],
)
def test_a_broken_page_fails_the_strict_build(tmp_path, page, append, message):
    project = broken_copy(tmp_path, page, append)
    run = build_site(project / "out", project)
    assert run.returncode != 0
    assert message in run.stderr
    if append.startswith("{{"):  # a typo of the writer's: named in one line
        assert f"{page}: unknown placeholder" in run.stderr
        assert "Traceback" not in run.stderr, run.stderr


def test_a_figure_that_cannot_be_drawn_fails_the_build(tmp_path):
    project = project_copy(tmp_path, package=True)
    body = '    """The 4-5-1 house-price network with every one of its weights drawn."""\n'
    figures = source_of(project / "gdlesson", body)
    raising = '    raise RuntimeError("a figure that cannot be drawn")\n'
    figures.write_text(figures.read_text().replace(body, body + raising))
    run = build_site(project / "out", project)
    assert run.returncode != 0
    assert "a figure that cannot be drawn" in run.stderr


def test_a_split_number_or_tex_in_an_alt_text_fails_the_build_naming_the_page(tmp_path):
    # Both kinds at once: the error lists every problem of the page.
    split = "<math><mn>1</mn><mo>,</mo><mn>000</mn></math>"
    project = broken_copy(
        tmp_path, "recap.md", f"{split}\n\n![costs $x$ squared](figures/network-light.svg)"
    )
    run = build_site(project / "out", project)
    assert run.returncode != 0
    assert "recap.md: a number split as a list" in run.stderr
    assert "TeX in an alt text: costs " in run.stderr  # arithmatex made $x$ \\(x\\)
