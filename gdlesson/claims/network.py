"""The claims of "Why it wins": the network's training run, the work it took,
its made-up houses, and the copies of every weight setting."""

from __future__ import annotations

from functools import partial

import numpy as np

from gdlesson import compute_budget as budget
from gdlesson import lesson
from gdlesson.brute_force import CANDIDATES
from gdlesson.claims.claim import Claim, register, require
from gdlesson.descent import TOLERANCE, gradient_descent
from gdlesson.facts import network as network_facts
from gdlesson.network import (
    house_data,
    network_cost,
    symmetric_copies,
    trained_by_descent,
)
from gdlesson.relabelling import every_copy

CLAIMS: list[Claim] = []
claim = partial(register, CLAIMS, "why-it-wins.md")


class CountingCost:
    """A cost that counts how often its slopes are asked for."""

    def __init__(self, cost):
        self.cost, self.dimension, self.slopes = cost, cost.dimension, 0

    def __call__(self, w):
        return self.cost(w)

    def gradient(self, w):
        self.slopes += 1
        return self.cost.gradient(w)


@claim("the network run stops once its gradient is below a looser tolerance")
def _stops_at_the_looser_tolerance() -> None:
    run = trained_by_descent()
    slope = np.linalg.norm(network_cost().gradient(run.w))
    require(run.converged and slope < lesson.TOLERANCE_NETWORK, f"{run.status}, slope {slope}")
    require(TOLERANCE < lesson.TOLERANCE_NETWORK, "the network's tolerance is not looser")
    require(run.costs[-1] < run.costs[0], "the cost did not fall")


@claim("the step counts depend on the rate: the rolling ball takes more steps than 7")
def _counts_depend_on_the_rate() -> bool:
    ball, right = lesson.rolling_descent(), lesson.rate_descents()["just right"]
    return ball.converged and ball.steps > right.steps and ball.learning_rate != right.learning_rate


@claim("descent takes a slope before each step and one more; 2 passes each")
def _slopes_counted() -> None:
    # The training run's last steps, replayed with the slopes counted: the same
    # arithmetic from the same point, without training the network again.
    run, last = trained_by_descent(), 10
    counting = CountingCost(network_cost())
    replay = gradient_descent(
        counting, run.path[-last - 1], lesson.RATE_NETWORK, tolerance=lesson.TOLERANCE_NETWORK
    )
    require(replay.converged and replay.steps == last, f"another run: {replay}")
    require(counting.slopes == last + 1, f"{counting.slopes} slopes for {last} steps")
    passes = lesson.PASSES_PER_SLOPE * (run.steps + 1)
    shown = network_facts.facts()
    require(shown["network_passes"] == f"{passes:,}", f"{passes} passes")
    combos = budget.combinations(CANDIDATES, len(run.w))
    ratio = budget.scientific(budget.Fraction(combos, passes), 2)
    require(shown["network_ratio"] == ratio, f"the ratio is {ratio}")


@claim("the made-up houses' inputs are on a standard scale (around 0, spread 1)")
def _standard_scale() -> bool:
    x, _ = house_data()
    return bool(np.all(np.abs(x.mean(axis=0)) < 0.3) and np.all(np.abs(x.std(axis=0) - 1) < 0.3))


@claim("swaps and sign flips give every weight setting distinct same-cost copies")
def _distinct_copies() -> None:
    cost, w = network_cost(), trained_by_descent().w
    copies = every_copy(w)
    distinct = len(np.unique(np.round(copies, 12), axis=0))
    require(distinct == symmetric_copies(), f"{distinct} distinct copies")
    costs = [cost(c) for c in copies[::61]]
    np.testing.assert_allclose(costs, cost(w), rtol=1e-9)
