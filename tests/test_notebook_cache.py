"""The notebook is made from gdlesson, run once per version of gdlesson, and its
output checked: merged streams, cells that print what gdlesson computed."""

from __future__ import annotations

import json

import nbformat
import pytest

from gdlesson.facts import facts
from gdlesson.notebook import execute, notebook_json
from gdlesson.placeholders import formatted
from gdlesson.workbook import Cell, cells
from tests.conftest import build_site, project_copy

pytestmark = pytest.mark.build  # tests/kinds.py: it runs kernels

PRINTS_IN_CHUNKS = Cell(
    "code",
    "import sys, time\nfor i in range(3):\n    print(i, flush=True)\n    time.sleep(0.3)",
    expect="0 1 2",
)


@pytest.fixture(scope="module")
def executed(tmp_path_factory) -> dict:
    """The lesson's notebook and a cell printing in chunks, run once."""
    source = notebook_json(facts(), (*cells(), PRINTS_IN_CHUNKS))
    folder = tmp_path_factory.mktemp("run")
    return nbformat.reads(execute(source, cwd=folder), as_version=4)


def test_every_code_cell_runs_and_prints_what_gdlesson_computed(executed):
    cells = [c for c in executed["cells"] if c["cell_type"] == "code"]
    assert all(c["execution_count"] for c in cells)
    checked = [c for c in cells if "gdlesson" in c["metadata"]]
    assert len(checked) >= 3
    for cell in checked:
        printed = "".join(o["text"] for o in cell["outputs"] if o["output_type"] == "stream")
        assert printed.split() == cell["metadata"]["gdlesson"]["expect"].split()


def test_text_printed_in_chunks_is_one_output(executed):
    last = executed["cells"][-1]
    streams = [o for o in last["outputs"] if o["output_type"] == "stream"]
    assert len(streams) == 1, "stream chunks are merged: the page does not depend on timing"
    assert streams[0]["text"] == "0\n1\n2\n"


def test_a_cell_that_prints_otherwise_than_gdlesson_computed_fails(tmp_path):
    wrong = Cell("code", "print(6 * 7)", expect="41")
    with pytest.raises(RuntimeError, match="cell-0 printed '42\\\\n'.*'41'"):
        execute(notebook_json({}, (wrong,)), cwd=tmp_path)


def test_the_notebook_takes_the_lessons_data_and_rates():
    notebook = json.loads(notebook_json(facts()))
    source = "\n".join(c["source"] for c in notebook["cells"])
    for name in ("area_list", "price_list", "rate_notebook", "start_1d"):
        assert formatted(facts()[name]) in source, name
    assert "{{" not in source


def test_the_page_and_the_download_show_the_executed_notebook(tmp_path):
    project = project_copy(tmp_path)
    run = build_site(project / "site", project)
    assert run.returncode == 0, run.stderr
    download = nbformat.read(project / "site" / "try-it" / "try-it.ipynb", as_version=4)
    first = next(c for c in download["cells"] if "gdlesson" in c["metadata"])
    shown = first["metadata"]["gdlesson"]["expect"]
    assert first["outputs"][0]["text"].split() == shown.split()
    page = (project / "site" / "try-it" / "index.html").read_text()
    assert " ".join(shown.split()) in " ".join(page.split())
    assert 'href="try-it.ipynb"' in page and "download" in page
