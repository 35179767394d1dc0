"""The "Try it" notebook: the workbook's cells filled with the lesson's facts, and run.

The notebook is made at build time from the workbook's cells (:mod:`gdlesson.workbook`):
their ``{{ name }}`` placeholders are filled from :func:`gdlesson.facts.facts`
like the pages (:func:`notebook_json`). The build runs it (:func:`execute`)
and fails if a code cell printed other than its ``expect``.

>>> nb = json.loads(notebook_json({"area_list": "[1.0]", "price_list": "[2.0]"}, cells()[:2]))
>>> nb["cells"][1]["source"].splitlines()[2]
'area = np.array([1.0])'
"""

from __future__ import annotations

import json
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from gdlesson.placeholders import fill_placeholders
from gdlesson.style import PALETTES
from gdlesson.workbook import SOLUTION_TAG, Cell, cells
from gdlesson.workers import die_with_parent

#: The notebook's file name: its page is /try-it/, its download try-it.ipynb.
NOTEBOOK_NAME = "try-it.ipynb"
#: How the build's kernel draws the cells' plots: SVG (text as text, so it is
#: small and follows the page's font), on a transparent background (the page
#: recolours it for its dark scheme; Jupyter shows it on white), the same bytes
#: on every run (no date, ids from a fixed salt). The cells need not say so: a
#: reader's Jupyter draws them as it always does.
#: The plots' colours, ``{{ colour_accent }}`` and so on in the cells: the
#: site's light palette, which the page turns into its dark one in the dark scheme.
COLOURS = {f"colour_{role}": colour for role, colour in PALETTES["light"].items()}
PLOTS = {
    "svg.fonttype": "none",
    "svg.hashsalt": "gdlesson",
    "figure.facecolor": "none",
    "axes.facecolor": "none",
}


def notebook_json(facts, workbook: tuple[Cell, ...] | None = None) -> str:
    """The notebook of the ``workbook``'s cells (default: the lesson's) as ``.ipynb``
    JSON, its placeholders filled from ``facts`` (and the plots' :data:`COLOURS`).

    Cell ids are their positions, so the same cells give the same bytes.
    """
    values = {**COLOURS, **facts}
    notebook = {
        "cells": [
            _cell(i, cell, values)
            for i, cell in enumerate(cells() if workbook is None else workbook)
        ],
        "metadata": {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    return json.dumps(notebook, indent=1, ensure_ascii=False) + "\n"


def _cell(position: int, cell: Cell, facts) -> dict:
    """One cell as nbformat writes it. A solution is tagged and folded:

    >>> metadata = _cell(0, Cell("code", "print(2)", solution=True), {})["metadata"]
    >>> metadata["jupyter"], metadata["tags"]
    ({'source_hidden': True, 'outputs_hidden': True}, ['solution'])
    """
    if cell.kind not in ("markdown", "code"):
        raise ValueError(f"kind must be 'markdown' or 'code', got {cell.kind!r}")
    made = {
        "cell_type": cell.kind,
        "id": f"cell-{position}",
        "metadata": {},
        "source": fill_placeholders(cell.source, facts),
    }
    if cell.expect is not None:
        made["metadata"]["gdlesson"] = {"expect": fill_placeholders(cell.expect, facts)}
    if cell.solution:
        folded = {"source_hidden": True} | ({"outputs_hidden": True} if cell.kind == "code" else {})
        made["metadata"] |= {"jupyter": folded, "tags": [SOLUTION_TAG]}
    if cell.kind == "code":
        made |= {"execution_count": None, "outputs": []}
    return made


def execute(source: str, cwd: Path, tempdir: Path | None = None) -> str:
    """Run the notebook ``source`` (JSON) in a fresh kernel; return it with its outputs.

    Text a cell printed in several chunks is merged into one output, so the
    page does not depend on timing. A cell that fails, or prints other than
    its ``expect``, raises ``RuntimeError`` naming the cell. The kernel's
    connection file goes to ``tempdir`` (default: the system's).
    """
    import nbformat
    from nbclient import NotebookClient
    from nbconvert.preprocessors import CoalesceStreamsPreprocessor

    notebook = nbformat.reads(source, as_version=4)
    client = NotebookClient(
        notebook,
        kernel_name="python3",
        allow_errors=False,
        resources={"metadata": {"path": str(cwd)}},
        shutdown_kernel="immediate",
        record_timing=False,  # the same cells give the same bytes
        # No input history on disk; no warning about the kernel's local TCP ports.
        extra_arguments=[
            "--HistoryManager.enabled=False",
            "--IPKernelApp.log_level=ERROR",
            "--InlineBackend.figure_formats=svg",
            f"--InlineBackend.rc={PLOTS!r}",
            "--InlineBackend.print_figure_kwargs="
            + repr({"bbox_inches": "tight", "metadata": {"Date": None}}),
        ],
    )
    if tempdir is not None:
        Path(tempdir).mkdir(parents=True, exist_ok=True)
        tempfile.tempdir = str(tempdir)
    # In the main thread nbclient takes SIGINT and SIGTERM over, to shut its
    # kernel down first, so a process told to end would wait for the notebook.
    # In a thread it leaves them alone. The thread lives as long as the kernel,
    # which dies with it: a build stopped as the kernel starts leaves no kernel
    # writing its connection file into a folder the build removed.
    with ThreadPoolExecutor(1) as thread:
        thread.submit(client.execute, preexec_fn=die_with_parent).result()
    notebook, _ = CoalesceStreamsPreprocessor(enabled=True).preprocess(notebook, {})
    for cell in notebook.cells:
        _check_output(cell)
    return nbformat.writes(notebook) + "\n"


def _check_output(cell) -> None:
    expect = cell.metadata.get("gdlesson", {}).get("expect")
    if expect is None:
        return
    printed = "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")
    if printed.split() != expect.split():
        raise RuntimeError(
            f"notebook cell {cell.id} printed {printed!r}, but gdlesson computed {expect!r}"
        )


#: The Colab copy of the notebook, beside the notebook (:func:`colab_notebook`).
COLAB_NAME = "try-it-colab.ipynb"


def colab_notebook(executed: str) -> str:
    """The executed notebook (JSON) as Colab should open it, solutions out of sight.

    Colab ignores Jupyter's ``source_hidden``, so each run of solution cells gets a
    heading cell, "Solution to exercise N", whose section Colab shows collapsed
    (``collapsed_sections``, by the heading's ``metadata.id``); each solution code
    cell is a form (``#@title``, ``cellView: form``), its code hidden until
    double-clicked, and without its output, which would tell the answer: run it
    to see it. Every other cell keeps its outputs.

    >>> cells = [Cell("markdown", "Q"), Cell("code", "print(2)", solution=True),
    ...          Cell("markdown", "Because.", solution=True)]
    >>> nb = json.loads(colab_notebook(notebook_json({}, cells)))
    >>> [c["source"].splitlines()[0] for c in nb["cells"]]
    ['Q', '### Solution to exercise 1', '#@title Solution to exercise 1', 'Because.']
    >>> nb["metadata"]["colab"]["collapsed_sections"], nb["cells"][2]["metadata"]["cellView"]
    (['solution-1'], 'form')
    """
    notebook = json.loads(executed)
    cells, collapsed, number, before = [], [], 0, False
    for cell in notebook["cells"]:
        solution = SOLUTION_TAG in cell.get("metadata", {}).get("tags", [])
        if solution and not before:
            number += 1
            heading = f"solution-{number}"
            collapsed.append(heading)
            cells.append(
                {
                    "cell_type": "markdown",
                    "id": heading,
                    "metadata": {"id": heading, "tags": [SOLUTION_TAG]},
                    "source": f"### Solution to exercise {number}",
                }
            )
        if solution and cell["cell_type"] == "code":
            source = "".join(cell["source"])
            cell = cell | {
                "source": f"#@title Solution to exercise {number}\n{source}",
                "metadata": cell["metadata"] | {"cellView": "form"},
                "outputs": [],
                "execution_count": None,
            }
        cells.append(cell)
        before = solution
    colab = notebook["metadata"].get("colab", {}) | {"collapsed_sections": collapsed}
    notebook = notebook | {"cells": cells, "metadata": notebook["metadata"] | {"colab": colab}}
    return json.dumps(notebook, indent=1, ensure_ascii=False) + "\n"
