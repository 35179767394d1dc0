"""The pages' code fits their column: no code line runs off to the right.

The lesson's column shows about 70 characters of code before it scrolls
sideways, so every line a reader types (a ``python`` block, or a ``pycon``
session's ``>>>`` and ``...`` lines) is at most that long once the page's
placeholders are filled in. Printed output is what it is, and is left alone.
The notebook's code cells fit 79 characters, as PEP 8 asks.
"""

from __future__ import annotations

import json
import re

import pytest

from gdlesson.facts import facts
from gdlesson.notebook import notebook_json
from tests.conftest import DOCS, filled_markdown

WIDTH = 70
FENCE = re.compile(r"^( *)```(python|pycon)\n(.*?)^\1```", re.DOTALL | re.MULTILINE)


def code_lines(markdown: str):
    """Each line of code of the page, without the indent of its block."""
    for match in FENCE.finditer(markdown):
        indent, language, body = len(match[1]), match[2], match[3]
        for line in body.splitlines():
            line = line[indent:]
            if language == "python" or line.startswith((">>>", "...")):
                yield line


def test_code_lines_are_found_in_python_blocks_and_sessions_only():
    markdown = "```python\nx = 1\n```\n\n    ```pycon\n    >>> x\n    1\n    ```\n"
    assert list(code_lines(markdown)) == ["x = 1", ">>> x"]


@pytest.mark.parametrize("page", sorted(p.name for p in DOCS.glob("*.md")))
def test_every_code_line_fits_the_column(page):
    long = [line for line in code_lines(filled_markdown(DOCS / page)) if len(line) > WIDTH]
    assert not long, f"{page}: code lines over {WIDTH} characters:\n" + "\n".join(long)


#: A notebook's code cell: PEP 8's 79 characters, what Jupyter shows without
#: scrolling and what the notebook page's column holds at 1280 px.
NOTEBOOK_WIDTH = 79


def test_every_notebook_code_line_fits_79_characters():
    cells = json.loads(notebook_json(facts()))["cells"]
    code = [cell["source"] for cell in cells if cell["cell_type"] == "code"]
    assert code
    long = [line for source in code for line in source.splitlines() if len(line) > NOTEBOOK_WIDTH]
    assert not long, f"notebook code lines over {NOTEBOOK_WIDTH} characters:\n" + "\n".join(long)
