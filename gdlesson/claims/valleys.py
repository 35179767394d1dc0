"""The claims of "Many valleys": where descents on the two-valley cost end,
every row in each step's slope, and stochastic gradient descent (the network's
runs from several starts: :mod:`gdlesson.claims.network`)."""

from __future__ import annotations

from functools import partial

import numpy as np

from gdlesson import choices, valleys
from gdlesson.claims.claim import Claim, register, require
from gdlesson.claims.common import bottoms_and_hump
from gdlesson.claims.sgd import every_row_in_each_step
from gdlesson.descent import TOLERANCE
from gdlesson.facts import valleys as valleys_facts

CLAIMS: list[Claim] = []
claim = partial(register, CLAIMS, "many-valleys.md")


def _run(start: float):
    """A descent on the two-valley cost at the lesson's rate."""
    return valleys.descent(start, choices.RATE_VALLEYS)


@claim("two valleys with a hump between them; the right one is lower")
def _two_valleys() -> None:
    cost = valleys.valleys_cost()
    bottoms, hump = bottoms_and_hump()
    require(len(bottoms) == 2 and bottoms[0] < hump < bottoms[1], f"{bottoms}, hump at {hump}")
    require(cost(bottoms[0]) > cost(bottoms[1]), "the left valley is not higher")
    grid = np.linspace(*choices.WINDOW_VALLEYS, 4001)
    require(cost(bottoms[1]) <= cost.on_grid(grid).min() + 1e-12, "the right one is not lowest")


@claim("every start left of the hump, as far as the figure shows, ends in the left valley")
def _left_of_the_hump() -> None:
    _, hump = bottoms_and_hump()
    for start in np.arange(choices.WINDOW_VALLEYS[0], hump, 0.05):
        ending = valleys.ending(_run(start))
        require(ending == "valley 0", f"from {start}: {ending}")


@claim("far to the left, beyond the figure, the ground is flat too")
def _flat_far_left() -> None:
    far_left = choices.WINDOW_VALLEYS[0] - 3
    slope = float(valleys.valleys_cost().gradient(far_left)[0])
    require(abs(slope) < TOLERANCE, f"the slope at {far_left} is {slope}")


@claim("starts right of the hump end in the right valley, slower farther out")
def _right_of_the_hump() -> None:
    bottoms, hump = bottoms_and_hump()
    far = max(run.path[0] for run in valleys.descents() if valleys.ending(run) == "valley 1")
    for start in np.arange(hump + 0.02, far + 1e-9, 0.1):
        ending = valleys.ending(_run(start))
        require(ending == "valley 1", f"from {start}: {ending}")
    outward = np.arange(bottoms[1] + 1, far + 1e-9, 0.05)
    steps = [_run(s).steps for s in outward]
    require(steps == sorted(steps), f"from {outward}: {steps} steps")


@claim("the lesson's starts end in both valleys, crawl, or do not move")
def _every_ending() -> bool:
    endings = {valleys.ending(run) for run in valleys.descents()}
    return endings == {"valley 0", "valley 1", "elsewhere", "did not move"}


@claim("a descent started at the top of the hump does not move")
def _hump_still() -> None:
    run = _run(bottoms_and_hump()[1])
    require(run.converged and run.steps == 0, f"{run.status} after {run.steps} steps")


@claim("the crawling start runs out of steps short of the valley")
def _crawl() -> None:
    cost = valleys.valleys_cost()
    for run in valleys.descents():
        if valleys.ending(run) == "elsewhere":
            require(run.status == "stopped" and run.w < run.path[0], f"{run.status} at {run.w}")
            require(valleys.flat_from(cost) > run.path[0], f"{run.path[0]} is on flat ground")


@claim("from the flat stretch on, descent stops where it started, highest")
def _flat_stretch() -> None:
    cost = valleys.valleys_cost()
    flat = valleys.flat_from(cost)
    require(
        abs(cost.slope(flat)) < TOLERANCE <= abs(cost.slope(flat - 1e-9)),
        f"the slope flattens below the tolerance elsewhere than {flat}",
    )
    shown = float(
        valleys_facts.facts()["flat_from"]
    )  # "from 3.85 on": at or right of the threshold
    require(shown >= flat and _run(shown).steps == 0, f"a descent from {shown} moves")
    for start in np.linspace(flat, choices.WINDOW_VALLEYS[1], 20):
        require(_run(start).steps == 0, f"a descent from {start} moves")
    runs = valleys.descents()
    still = [run for run in runs if valleys.ending(run) == "did not move"]
    require(still and all(run.path[0] >= flat for run in still), "a start left of it stays")
    highest = max(run.costs[-1] for run in runs)
    require(max(run.costs[-1] for run in still) == highest, "another run ends higher")


claim("each step on data so far took the slope over all of it")(every_row_in_each_step)
