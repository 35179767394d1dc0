"""What the code on the pages and in the notebook writes and prints.

Python literals (the data, the rates, the starts), and outputs exactly as
``print`` shows them: the code recomputes them with NumPy alone, and the tests
check that it prints these.
"""

from __future__ import annotations

import numpy as np

from gdlesson import choices, lesson
from gdlesson import compute_budget as budget
from gdlesson.choices import AGE, AREA, CANDIDATES, LAYERS, PRICE
from gdlesson.costs import one_weight_cost
from gdlesson.facts.common import digit_facts, tex_count
from gdlesson.network import combinations
from gdlesson.numbers import in_words


def facts() -> dict[str, str]:
    """The literals and printed outputs of the pages' code and the notebook's, by name."""
    return _data() | _budget() | _descents() | _notebook()


def _data() -> dict[str, str]:
    """The houses, the recap's two trial weights, the grid, the network's layers."""
    one = one_weight_cost()
    (w_bad, c_bad), (w_good, c_good) = ((w, one(w)) for w in choices.RECAP_WEIGHTS)
    return {
        "houses_in_words": in_words(len(PRICE)),
        "area_list": repr(list(AREA)),
        "age_list": repr(list(AGE)),
        "price_list": repr(list(PRICE)),
        "candidates_plain": str(CANDIDATES),
        "candidates_tex": tex_count(CANDIDATES),
        "recap_w_bad": repr(w_bad),
        "recap_w_good": repr(w_good),
        "recap_w_bad_g": f"{w_bad:g}",
        "recap_w_good_g": f"{w_good:g}",
        "recap_cost_bad": f"{c_bad:.4f}",
        "recap_cost_good": f"{c_good:.4f}",
        "layers_list": repr(list(LAYERS)),
    }


def _budget() -> dict[str, str]:
    """The combinations and the years, as Python prints them."""
    combos = combinations()
    seconds = budget.seconds_needed(combos, budget.LECTURE_FLOPS)
    years = budget.years_needed(combos, budget.LECTURE_FLOPS)
    lecture_years = budget.lecture_years(combos)
    return digit_facts("combinations", combos) | {
        "lecture_pflops_plain": str(budget.LECTURE_FLOPS // budget.PETA),
        "seconds_e": f"{float(seconds):.4e}",
        "years_e": f"{float(years):.3e}",
        "seconds_lecture_e": f"{float(seconds):.2e}".replace("e+", "e"),
        "years_lecture_e": f"{float(lecture_years):.3e}",
        "years_exact_short": budget.scientific(years, 3).split(" ")[0],
        "years_lecture_short": budget.scientific(lecture_years, 3).split(" ")[0],
    }


def _descents() -> dict[str, str]:
    """The starts of the descents, and what the pages' descents print."""
    rolling, zigzag = lesson.rolling_descent(), lesson.zigzag_descent()
    two = lesson.two_weight_descent()
    return {
        "start_1d_py": repr(float(choices.START_1D)),
        "steps_1d_plain": str(rolling.steps),
        "steps_zigzag_1d_plain": str(zigzag.steps),
        "zigzag_first_5": repr([f"{w:.3f}" for w in zigzag.path[:5]]),
        "start_2d_list": repr([float(v) for v in choices.START_2D]),
        "steps_2d_plain": str(two.steps),
        "end_w_2d_rounded": str(np.round(two.w, 3)),
    }


def _notebook() -> dict[str, str]:
    """What the notebook's cells use and print (see gdlesson.workbook)."""
    first = lesson.descent_1d(choices.RATE_NOTEBOOK)
    rows = []
    for rate in choices.RATES_NOTEBOOK:
        run = lesson.descent_1d(rate)
        rows.append(f"learning rate {rate:<5}  {run.status:>9} after {run.steps:>4} steps")
    return {
        "rate_notebook": f"{choices.RATE_NOTEBOOK:g}",
        "status_notebook": first.status,
        "steps_notebook": str(first.steps),
        "end_w_notebook": f"{first.w:.4f}",
        "rates_notebook": repr(list(choices.RATES_NOTEBOOK)),
        "rates_notebook_table": "\n".join(rows),
    }
