"""The pages' and the notebook's self-contained code computes what gdlesson computes.

Readers copy the snippets without gdlesson, so each page defines its own data
and descent; these tests keep those copies equal to the package's.
"""

from __future__ import annotations

import functools
import json
import re

import numpy as np
import pytest

from gdlesson import choices, costs, lesson
from gdlesson.descent import gradient_descent
from gdlesson.facts import facts
from gdlesson.notebook import notebook_json
from tests.conftest import DOCS, filled_markdown

# Paths agree to 1e-9, not to the last bit: NumPy's sum and BLAS's dot add in
# different orders, and near 2/L thousands of steps amplify that last bit.
RATES = [0.005, 0.05, 0.1, 0.17, 0.2, 0.21, 0.22, 0.25, 0.3, 1.0]
STARTS = [-3.0, 0.5, 2.0, 3.7]


def page_namespace(source: str) -> dict:
    """Run the ``python`` blocks of a page (definitions only) and return its names."""
    markdown = filled_markdown(DOCS / source)
    namespace: dict = {}
    for block in re.findall(r"```python\n(.*?)```", markdown, re.DOTALL):
        exec(block, namespace)
    return namespace


def notebook_namespace() -> dict:
    notebook = json.loads(notebook_json(facts()))
    first_code = next(c for c in notebook["cells"] if c["cell_type"] == "code")
    namespace: dict = {}
    exec("".join(first_code["source"]), namespace)
    return namespace


@functools.cache  # each page's descend is held to the same runs
def one_weight_run(start: float, rate: float):
    return gradient_descent(costs.one_weight_cost(), start, rate)


@pytest.mark.parametrize(
    "namespace",
    [page_namespace("gradient-descent.md"), page_namespace("step-size.md"), notebook_namespace()],
    ids=["gradient-descent.md", "step-size.md", "try-it.ipynb"],
)
def test_one_weight_descent_matches_gdlesson(namespace):
    np.testing.assert_array_equal(namespace["area"], choices.AREA)
    np.testing.assert_array_equal(namespace["price"], choices.PRICE)
    for rate in RATES:
        for start in STARTS:
            path, status = namespace["descend"](start, rate)
            run = one_weight_run(start, rate)
            assert status == run.status, (rate, start)
            np.testing.assert_allclose(path, run.path, rtol=1e-9)


@pytest.mark.parametrize("source", ["two-weights.md", "two-curvatures.md", "choosing-the-rate.md"])
def test_two_weight_descent_matches_gdlesson(source):
    namespace = page_namespace(source)
    np.testing.assert_array_equal(namespace["houses"], np.column_stack([choices.AREA, choices.AGE]))
    cost = costs.two_weight_cost()
    statuses = set()
    for rate in (0.05, 0.1, 0.17, 0.2, 0.3):
        for start in ([0.2, 1.6], [3.0, -1.5]):
            path, status = namespace["descend"](start, rate)
            run = gradient_descent(cost, start, rate)
            assert status == run.status, (rate, start)
            np.testing.assert_allclose(path, run.path, rtol=1e-9)
            statuses.add(status)
    assert statuses == {"converged", "diverged"}


def test_the_search_on_choosing_the_rate_runs_what_gdlesson_ran():
    """The page's short runs, a budget of steps each, end as gdlesson's trials do: the
    status it prints and the cost it compares."""
    namespace = page_namespace("choosing-the-rate.md")
    rates = (*lesson.SEARCH_RATES, 0.3, 0.21, 0.0333)
    for rate in rates:
        path, status = namespace["descend"](list(choices.START_2D), rate, lesson.SEARCH_STEPS)
        run = lesson.trial_2d(rate, lesson.SEARCH_STEPS)
        assert status == run.status, rate
        np.testing.assert_allclose(namespace["cost"](path[-1]), run.costs[-1], rtol=1e-9)


def test_every_code_block_of_the_docs_is_run():
    """No fence escapes the doctests: only python and pycon blocks, none skipped."""
    for page in DOCS.glob("*.md"):
        markdown = page.read_text(encoding="utf-8")
        languages = re.findall(r"^\s*```(\S*)", markdown, re.MULTILINE)
        openings = languages[0::2]
        assert set(openings) <= {"python", "pycon"}, (page.name, openings)
        assert "skip:" not in markdown, f"{page.name} skips a block: mark it on the page"
