"""The claims of the recap and of brute force: a good weight costs less, the grid
finds the minimum to within a step, and no machine could try every combination."""

from __future__ import annotations

import numpy as np

from gdlesson import choices, lesson
from gdlesson import compute_budget as budget
from gdlesson.brute_force import grid_spacing
from gdlesson.claims.claim import Claim, register, require
from gdlesson.costs import one_weight_cost, two_weight_cost
from gdlesson.descent import TOLERANCE
from gdlesson.network import combinations

CLAIMS: list[Claim] = []


@register(
    CLAIMS,
    "recap.md",
    "the good trial weight's cost is far smaller (under a quarter) than the poor one's",
)
def _good_weight_costs_less() -> bool:
    poor, good = (one_weight_cost()(w) for w in choices.RECAP_WEIGHTS)
    return 4 * good < poor


@register(
    CLAIMS, "brute-force.md", "the best candidate lies within one grid spacing of the true minimum"
)
def _brute_force_within_one_step() -> bool:
    return abs(lesson.search().best_w - one_weight_cost().minimum()[0]) <= grid_spacing()


@register(
    CLAIMS,
    "curse-of-dimensionality.md",
    "tuning each of two weights once leaves the first off its best and the cost "
    "several times the best; round after round closes in, in several rounds",
)
def _one_at_a_time() -> None:
    cost, rounds = two_weight_cost(), lesson.one_at_a_time()
    once = rounds[0]
    moved = abs(cost.best_along(once, 0)[0] - once[0])
    require(moved > grid_spacing(), f"after one round w₁ is only {moved} off its best")
    best = cost(cost.minimum())
    require(cost(once) > 2 * best, f"one round costs {cost(once)}, the best {best}")
    costs = [cost(w) for w in rounds]
    require(all(a > b for a, b in zip(costs, costs[1:], strict=False)), "a round did not help")
    slope = np.linalg.norm(cost.gradient(rounds[-1]))
    require(len(rounds) >= 5 and slope < TOLERANCE, f"{len(rounds)} rounds, slope {slope}")
    # another start, or the other order, ends elsewhere, and not at the best either
    for start, order in (((0.0, 0.0), (0, 1)), (choices.START_2D, (1, 0))):
        w = start
        for i in order:
            w = cost.best_along(w, i)
        elsewhere, above = abs(cost(w) - cost(once)) > 1e-3, cost(w) - best > 1e-3
        require(elsewhere and above, f"one round from {start} in order {order}: {cost(w)}")


@register(
    CLAIMS, "supercomputer.md", "every #1 machine would need longer than the age of the universe"
)
def _slower_than_the_universe() -> bool:
    machines = (*budget.MACHINES, budget.LATEST)
    years = [budget.years_needed(combinations(), m.rmax_flops) for m in machines]
    return min(years) > budget.AGE_OF_UNIVERSE_YEARS


@register(
    CLAIMS,
    "supercomputer.md",
    "El Capitan first led one list and still led the latest one, faster",
)
def _latest_led_before() -> None:
    first = next(m for m in budget.MACHINES if m.name == budget.LATEST.name)
    require(first is budget.MACHINES[-1], f"{first.name} is not the last machine of the table")
    require(first.first_top != budget.LATEST.first_top, "the latest list is the first it led")
    require(budget.LATEST.rmax_flops > first.rmax_flops, "it is not faster on the latest list")
