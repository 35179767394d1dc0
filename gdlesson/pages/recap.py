"""Recap, the cost: the page's numbers, claims and exercises."""

from __future__ import annotations

from functools import partial

import numpy as np

from gdlesson import choices
from gdlesson.choices import AGE, AREA, LAYERS, PRICE
from gdlesson.claim import (
    Claim,
    register,
)
from gdlesson.costs import one_weight_cost
from gdlesson.numbers import in_words
from gdlesson.placeholders import Fact

# --- numbers ----------------------------------------------------------------------------


def _data() -> dict[str, Fact]:
    """The houses, the recap's two trial weights, the grid, the network's layers."""
    one = one_weight_cost()
    (w_bad, c_bad), (w_good, c_good) = ((w, one(w)) for w in choices.RECAP_WEIGHTS)
    return {
        "houses_in_words": in_words(len(PRICE)),
        "area_list": repr(list(AREA)),
        "age_list": repr(list(AGE)),
        "price_list": repr(list(PRICE)),
        "recap_w_bad": float(w_bad),
        "recap_w_good": float(w_good),
        "recap_cost_bad": f"{c_bad:.4f}",
        "recap_cost_good": f"{c_good:.4f}",
        "layers_list": repr(list(LAYERS)),
    }


def _w_star() -> float:
    return float(one_weight_cost().minimum()[0])


def _recap() -> dict[str, str]:
    """Recap: the cost at w = 0, and where the plain errors cancel: their sum is
    the line Σ area · w − Σ price."""
    one = one_weight_cost()
    w_cancel = sum(PRICE) / sum(AREA)
    return {
        "ex_area_sum": f"{sum(AREA):g}",
        "ex_price_sum": f"{sum(PRICE):g}",
        "ex_zero_w_py": repr(choices.ZERO_WEIGHT),
        "ex_cost_zero": f"{one(choices.ZERO_WEIGHT):.4f}",
        "ex_w_cancel": f"{w_cancel:.4f}",
        "ex_cost_cancel": f"{one(w_cancel):.4f}",
        "ex_cost_min": f"{one(_w_star()):.4f}",
    }


def facts() -> dict[str, Fact]:
    """The numbers of "Recap, the cost", by name."""
    return _data() | _recap()


# --- claims -----------------------------------------------------------------------------

#: What the page says, each sentence with its check.
CLAIMS: list[Claim] = []
claim = partial(register, CLAIMS, "recap.md")
#: The premises of the page's exercises.
EXERCISE_CLAIMS: list[Claim] = []
exercise = partial(register, EXERCISE_CLAIMS, "recap.md")


@claim("the good trial weight's cost is far smaller (under a quarter) than the poor one's")
def _good_weight_costs_less() -> bool:
    poor, good = (one_weight_cost()(w) for w in choices.RECAP_WEIGHTS)
    return 4 * good < poor


@exercise("exercise: w = 0 costs more than the poor trial weight")
def _zero_costs_more() -> bool:
    cost = one_weight_cost()
    return cost(choices.ZERO_WEIGHT) > cost(choices.RECAP_WEIGHTS[0])


@exercise("exercise: the plain errors cancel at Σ price / Σ area, which misses every house")
def _plain_errors_cancel() -> bool:
    cost = one_weight_cost()
    w = float(np.sum(cost.targets) / np.sum(cost.inputs))
    errors = cost.predict(w) - cost.targets
    return abs(errors.sum()) < 1e-12 and bool(np.all(np.abs(errors) > 1e-3))


@exercise(
    "answer: the sum of the plain errors is the line Σ area · w − Σ price, "
    "falling without end as w falls"
)
def _plain_errors_have_no_minimum() -> bool:
    cost = one_weight_cost()
    area, price = float(np.sum(cost.inputs)), float(np.sum(cost.targets))
    ws = np.array([-1e6, -10.0, 0.0, 1.0, 10.0])
    sums = [float(np.sum(cost.predict(w) - cost.targets)) for w in ws]
    on_the_line = np.allclose(sums, area * ws - price, rtol=1e-12, atol=1e-9)
    return on_the_line and area > 0 and sums[0] < sums[2] < 0
