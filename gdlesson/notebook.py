"""The "Try it" notebook: its cells, filled with the lesson's facts, and run.

The notebook is made at build time from :data:`CELLS`: each cell's text may
hold ``{{ name }}`` placeholders, filled from :func:`gdlesson.facts.facts` like
the pages, so the data and the rates are the lesson's. A code cell may say what
it must print (``expect``, filled the same way): the build runs the notebook
and fails if a cell printed anything else, so the notebook's own NumPy code
checks what gdlesson computed. The cells need only NumPy and Matplotlib.

>>> nb = json.loads(notebook_json({"area_list": "[1.0]", "price_list": "[2.0]"}, CELLS[:2]))
>>> nb["cells"][1]["source"].splitlines()[3]
'area = np.array([1.0])'
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from gdlesson.placeholders import fill_placeholders

#: The notebook's file name: its page is /try-it/, its download try-it.ipynb.
NOTEBOOK_NAME = "try-it.ipynb"


@dataclass(frozen=True)
class Cell:
    """One cell: ``kind`` "markdown" or "code", its text, what it must print."""

    kind: str
    source: str
    expect: str | None = None


CELLS = (
    Cell(
        "markdown",
        """# Try it

This page is a Jupyter notebook, run when the site was built. Download it,
open it in Jupyter, and change the **learning rate** $\\eta$ and the **start
point** to see what gradient descent does. It needs only NumPy and Matplotlib.""",
    ),
    Cell(
        "code",
        '''import numpy as np
import matplotlib.pyplot as plt

area = np.array({{ area_list }})
price = np.array({{ price_list }})


def cost(w):
    return 0.5 * np.sum((w * area - price) ** 2)


def slope(w):
    return np.sum((w * area - price) * area)


def descend(w, learning_rate, max_steps=10_000, tolerance=1e-6):
    """Step downhill from w until the slope is flat; return the path and how it ended."""
    path = [w]
    too_high = 1e6 * max(cost(w), 1.0)
    for _ in range(max_steps):
        if abs(slope(w)) < tolerance:
            return path, "converged"
        w = w - learning_rate * slope(w)
        path.append(w)
        if cost(w) > too_high:
            return path, "diverged"
    return path, "stopped"''',
    ),
    Cell(
        "markdown",
        """## Change these two numbers

Each step is $w \\leftarrow w - \\eta \\, \\frac{dC}{dw}$. Try a learning rate
of {{ rate_too_small }}, {{ rate_just_right }}, {{ rate_zigzag_1d }} and
{{ rate_too_large }}, and start points on both sides of the minimum.""",
    ),
    Cell(
        "code",
        """learning_rate = {{ rate_notebook }}
start = {{ start_1d_py }}

path, status = descend(start, learning_rate)
print(f"{status} after {len(path) - 1} steps, at w = {path[-1]:.4f}")

ws = np.linspace({{ search_low }}, {{ search_high }}, 200)
fig, ax = plt.subplots(figsize=(6, 3.5))
ax.plot(ws, [cost(w) for w in ws], color="0.4")
shown = [w for w in path if {{ search_low }} <= w <= {{ search_high }}]
ax.plot(shown, [cost(w) for w in shown], "o-", color="tab:orange", markersize=4)
ax.set_xlabel("weight w")
ax.set_ylabel("cost C(w)")
ax.set_title(f"learning rate {learning_rate}: {status} after {len(path) - 1} steps")
plt.show()""",
        expect="{{ status_notebook }} after {{ steps_notebook }} steps, "
        "at w = {{ end_w_notebook }}",
    ),
    Cell(
        "markdown",
        """## Many learning rates at once

How many steps does each learning rate need from the same start?""",
    ),
    Cell(
        "code",
        """for rate in {{ rates_notebook }}:
    path, status = descend({{ start_1d_py }}, rate)
    print(f"learning rate {rate:<5}  {status:>9} after {len(path) - 1:>4} steps")""",
        expect="{{ rates_notebook_table }}",
    ),
    Cell(
        "markdown",
        """Small rates crawl, rates near $1/L$ arrive fastest, and past $2/L$ every
step overshoots further than the last. Here $L = \\sum \\text{area}^2$ is the
curvature of the cost:""",
    ),
    Cell(
        "code",
        """L = np.sum(area ** 2)
print(f"L = {L:.2f}, 1/L = {1 / L:.4f}, 2/L = {2 / L:.4f}")""",
        expect="L = {{ curvature_1d }}, 1/L = {{ half_max_rate_1d }}, 2/L = {{ max_rate_1d }}",
    ),
)


def notebook_json(facts, cells=CELLS) -> str:
    """The notebook as ``.ipynb`` JSON, its placeholders filled from ``facts``.

    Cell ids are their positions, so the same cells give the same bytes.
    """
    notebook = {
        "cells": [_cell(i, cell, facts) for i, cell in enumerate(cells)],
        "metadata": {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    return json.dumps(notebook, indent=1, ensure_ascii=False) + "\n"


def _cell(position: int, cell: Cell, facts) -> dict:
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
    if cell.kind == "code":
        made |= {"execution_count": None, "outputs": []}
    return made


def execute(source: str, cwd: Path, kernel_name: str = "python3") -> str:
    """Run the notebook ``source`` (JSON) in a fresh kernel; return it with its outputs.

    Text a cell printed in several chunks is merged into one output, so the
    page does not depend on timing. A cell that fails, or prints other than
    its ``expect``, raises ``RuntimeError`` naming the cell.
    """
    import nbformat
    from nbclient import NotebookClient
    from nbconvert.preprocessors import CoalesceStreamsPreprocessor

    notebook = nbformat.reads(source, as_version=4)
    NotebookClient(
        notebook,
        kernel_name=kernel_name,
        allow_errors=False,
        resources={"metadata": {"path": str(cwd)}},
        shutdown_kernel="immediate",
        record_timing=False,  # the same cells give the same bytes
        # No input history on disk; no warning about the kernel's local TCP ports.
        extra_arguments=["--HistoryManager.enabled=False", "--IPKernelApp.log_level=ERROR"],
    ).execute()
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
