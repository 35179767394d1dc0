"""The "Try it" workbook: ``gdlesson/reader/try_it.py``, read as its :class:`Cell` s.

The workbook is a notebook written as text, in jupytext's percent format: a
``# %%`` line starts a code cell, ``# %% [markdown]`` a Markdown cell (each of
its lines behind ``# ``). Its text may hold ``{{ name }}`` placeholders, filled
from :func:`gdlesson.facts.facts` like the pages, so the data and the rates are
the lesson's, and ``{{ code name }}`` for the reader's code it shares with the
pages. A cell's line may add, as ``key="value"``:

- ``expect="..."``: what the cell must print (filled the same way). The build
  runs the notebook (:mod:`gdlesson.notebook`) and fails if the cell printed
  anything else, so the notebook's own NumPy code checks what gdlesson computed.
- ``tags=["solution"]``: the cell belongs to an exercise's worked solution, folded
  (JupyterLab and Notebook 7 show it collapsed until clicked; the site folds it
  into a "Solution" it shows when opened).

The cells need only NumPy and Matplotlib.

>>> [cell.kind for cell in cells()[:3]]
['markdown', 'code', 'markdown']
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

#: The workbook's text.
WORKBOOK = Path(__file__).parent / "reader" / "try_it.py"
#: The tag of the cells that solve an exercise: folded in Jupyter and on the page.
SOLUTION_TAG = "solution"


@dataclass(frozen=True)
class Cell:
    """One cell: ``kind`` "markdown" or "code", its text, what it must print, and
    whether it belongs to a solution."""

    kind: str
    source: str
    expect: str | None = None
    solution: bool = False


def cells(text: str | None = None) -> tuple[Cell, ...]:
    """The workbook's cells, from ``text`` in the percent format (default: :data:`WORKBOOK`)."""
    import jupytext

    if text is None:
        text = WORKBOOK.read_text(encoding="utf-8")
    notebook = jupytext.reads(text, fmt="py:percent")
    return tuple(
        Cell(
            cell.cell_type,
            cell.source,
            cell.metadata.get("expect"),
            SOLUTION_TAG in cell.metadata.get("tags", []),
        )
        for cell in notebook.cells
    )
