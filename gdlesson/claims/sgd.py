"""The claims of "Stochastic gradient descent": one house's slope, steps on one
house or a batch, the jitter against the batch size and the schedule, the
network's cost against the slopes computed, and the premises of the exercises."""

from __future__ import annotations

from functools import partial
from itertools import combinations

import numpy as np

from gdlesson import choices, lesson, sgd
from gdlesson.claims.claim import Claim, register, require
from gdlesson.claims.common import w_star_1d
from gdlesson.costs import one_weight_cost, two_weight_cost
from gdlesson.descent import TOLERANCE, gradient_descent
from gdlesson.facts import network as network_facts
from gdlesson.facts import sgd as sgd_facts
from gdlesson.figures.sgd import first_below
from gdlesson.network import initial_weights, network_cost, sgd_runs, trained_by_descent

CLAIMS: list[Claim] = []
EXERCISE_CLAIMS: list[Claim] = []
claim = partial(register, CLAIMS, "sgd.md")
exercise = partial(register, EXERCISE_CLAIMS, "sgd.md")


def _rows() -> int:
    return len(one_weight_cost().targets)


@claim("each step on data so far took the slope over all of it: 6 and 50 houses")
def every_row_in_each_step() -> None:
    """Every row's slope is in the whole slope, for the houses and the network."""
    values = sgd_facts.facts() | network_facts.facts()
    for cost, rows in [
        (one_weight_cost(), values["houses"]),
        (two_weight_cost(), values["houses"]),
        (network_cost(), values["network_rows"]),
    ]:
        require(len(cost.targets) == int(rows), f"{len(cost.targets)} rows, not {rows}")
        w = np.linspace(0.1, 0.9, cost.dimension)
        by_row = [
            type(cost)(cost.inputs[i : i + 1], cost.targets[i : i + 1]).gradient(w)
            for i in range(len(cost.targets))
        ]
        np.testing.assert_allclose(np.sum(by_row, axis=0), cost.gradient(w), rtol=1e-9)


@claim("the whole slope is the sum of the houses' slopes; one house's is far from it and the mean")
def _one_house() -> None:
    cost = one_weight_cost()
    slopes = sgd.row_slopes(cost, choices.START_SGD)[:, 0]
    np.testing.assert_allclose(slopes.sum(), cost.gradient(choices.START_SGD)[0], rtol=1e-12)
    for whole in (slopes.sum(), slopes.mean()):
        off = np.abs(slopes - whole) / abs(whole)
        require(np.all(off > 0.1), f"a house's slope is within 10 % of {whole}: {off}")


@claim("houses drawn at random average close to the mean slope, closer the more are drawn")
def _draws() -> None:
    slopes = sgd.row_slopes(one_weight_cost(), choices.START_SGD)[:, 0]
    error = abs(sgd_facts.draws_mean() - slopes.mean()) / abs(slopes.mean())
    require(error < 0.01, f"{choices.SGD_DRAWS} draws are {error:.1%} off")

    def typical_error(draws: int) -> float:
        rngs = (np.random.default_rng(s) for s in range(choices.SGD_SEEDS))
        drawn = [slopes[r.integers(len(slopes), size=draws)].mean() for r in rngs]
        return float(np.mean(np.abs(np.array(drawn) - slopes.mean())))

    require(typical_error(choices.SGD_DRAWS // 100) > typical_error(choices.SGD_DRAWS), "no closer")


@claim(
    "a step on one house goes, on average, where a step on all goes at a rate rows times smaller"
)
def _on_average() -> None:
    cost, w, rate = one_weight_cost(), choices.START_SGD, choices.RATE_SGD
    one = w - rate * sgd.row_slopes(cost, w)[:, 0]
    all_rows = w - rate / _rows() * cost.gradient(w)[0]
    np.testing.assert_allclose(one.mean(), all_rows, rtol=1e-12)
    require(np.ptp(one) > 10 * abs(all_rows - w) / _rows(), "the single steps hardly differ")


@claim("SGD ends up moving around the minimum without settling")
def _sgd_keeps_moving() -> None:
    cost, run = one_weight_cost(), lesson.sgd_run(1)
    require(run.steps == choices.EPOCHS_SGD * len(cost.targets), f"{run.steps} steps")
    last, own = sgd.last_pass(run), sgd.row_minima(cost)
    require(last.min() < w_star_1d() < last.max(), "the last pass stays on one side")
    require(last.max() - last.min() > 100 * TOLERANCE, "the last pass has settled")
    require(own.min() < last.min() and last.max() < own.max(), "it leaves the houses' range")


@claim("each SGD step pulls w towards its house's own best weight")
def _pulls_towards_each_house() -> bool:
    factors = 1 - choices.RATE_SGD * one_weight_cost().inputs[:, 0] ** 2
    return bool(np.all(np.abs(factors) < 1))


@claim("far from the minimum, a batch of three's summed slope is about three times one house's")
def _sums_grow() -> None:
    slopes = sgd.row_slopes(one_weight_cost(), choices.START_SGD)[:, 0]
    require(np.all(slopes < 0) or np.all(slopes > 0), "the houses' slopes differ in sign")
    b = choices.SGD_ADDED_BATCH
    batches = np.array(list(combinations(slopes, b)))
    ratio = np.mean(np.abs(batches.sum(axis=1))) / np.mean(np.abs(slopes))
    require(abs(ratio - b) < 0.1, f"the sum of {b} is {ratio:.2f} times one house's")


@claim("every row in one batch, on the mean slope, is gradient descent at the rate over the rows")
def _full_batch_is_descent() -> None:
    cost, rows = one_weight_cost(), _rows()
    run = lesson.sgd_run(rows)
    descent = gradient_descent(
        cost, choices.START_SGD, choices.RATE_SGD / rows, max_steps=run.steps, tolerance=1e-300
    )
    np.testing.assert_allclose(run.path[:, 0], descent.path, rtol=0, atol=1e-12)
    network = sgd_runs()["full batch"]
    trained = trained_by_descent()
    require(trained.steps > network.steps, "the network's descent stops sooner")
    np.testing.assert_allclose(network.path, trained.path[: network.steps + 1], atol=1e-9)


@claim("the larger the batch the smaller the last pass's spread, averaged; none with every row")
def _spread_falls() -> None:
    spreads = [lesson.sgd_spread(b) for b in lesson.sgd_batches()]
    require(all(a > b for a, b in zip(spreads, spreads[1:], strict=False)), f"spreads {spreads}")
    require(spreads[-1] == 0 and choices.SGD_SEEDS >= 20, f"{spreads[-1]}, {choices.SGD_SEEDS}")


@claim("the steps themselves shorten as the batch grows, once near the minimum")
def _steps_shorten() -> None:
    lengths = []
    for batch in choices.SGD_BATCHES:
        half = [run.path[len(run.path) // 2 :, 0] for run in lesson.sgd_shuffles(batch)]
        lengths.append(np.mean([np.mean(np.abs(np.diff(w))) for w in half]))
    require(
        all(a > b for a, b in zip(lengths, lengths[1:], strict=False)), f"step lengths {lengths}"
    )


@claim("at a constant rate the jitter never dies down; lowered, it does, in the passes shown")
def _schedule() -> None:
    steady = sgd_facts.mean_pass_spreads(0.0)
    lowered = sgd_facts.mean_pass_spreads(choices.DECAY_SGD)
    first = choices.SGD_PASSES_SHOWN[0] - 1
    require(steady[first:].min() > 0.8 * steady[first], f"constant: {steady[first:]}")
    shown = lowered[[p - 1 for p in choices.SGD_PASSES_SHOWN]]
    require(np.all(np.diff(shown) < 0) and shown[-1] < shown[0] / 2, f"lowered: {shown}")
    require(np.all(lowered[first:] < steady[first:]), "lowered spans more in some pass")


@claim("lowered, the last pass spans less at every batch size, and ends closer to the minimum")
def _lowered_everywhere() -> None:
    for b in choices.SGD_BATCHES:
        require(lesson.sgd_spread(b, choices.DECAY_SGD) < lesson.sgd_spread(b), f"batch {b}")
    require(sgd_facts.mean_distance(choices.DECAY_SGD) < sgd_facts.mean_distance(0.0), "farther")


@claim("single rows at the full batch's rate blow up in the first pass")
def _single_rows_blow_up() -> None:
    rate = choices.RATE_NETWORK * len(network_cost().targets)
    try:
        sgd.stochastic_descent(network_cost(), initial_weights(), rate, 1, seed=choices.SEED_SGD)
    except ValueError as error:
        require("diverges" in str(error) and "pass 1" in str(error), str(error))
    else:
        raise AssertionError("single rows at the full batch's rate do not blow up")


@claim("to a cost, single rows compute fewer slopes than mini-batches, those fewer than the full")
def _fewer_slopes() -> None:
    runs, level = sgd_runs(), choices.COST_LEVEL_NETWORK
    needs = [int(sgd.slopes_computed(r)[first_below(r, level)]) for r in runs.values()]
    require(needs[0] > needs[1] > needs[2] and needs[0] >= 2 * needs[2], f"{needs}")


@claim("later the single rows' cost jumps up and down from pass to pass; the full batch's falls")
def _jitter_later() -> None:
    runs = sgd_runs()
    single, full = runs["single rows"], runs["full batch"]
    passes = choices.SGD_TAIL_PASSES
    ends = single.costs[:: single.steps_per_epoch][-passes - 1 :]
    require(np.any(np.diff(ends) > 0) and np.any(np.diff(ends) < 0), f"pass ends {ends}")
    require(np.all(np.diff(full.costs[-passes - 1 :]) < 0), "the full batch's cost rises")
    tail = single.costs[-passes * single.steps_per_epoch :]
    require(tail.max() > 2 * tail.min(), f"the single rows' cost spans {tail.min()}-{tail.max()}")


@exercise("exercise: a faster schedule jitters less but ends farther than even a constant rate")
def _faster() -> bool:
    fast = choices.DECAY_SGD_FAST
    return (
        fast > choices.DECAY_SGD
        and lesson.sgd_spread(1, fast) < lesson.sgd_spread(1, choices.DECAY_SGD)
        and sgd_facts.mean_distance(fast) > sgd_facts.mean_distance(0.0)
    )


@exercise("answer: a batch of every house walks up to the minimum, not there yet")
def _every_house() -> bool:
    run = lesson.sgd_run(_rows())
    w = run.path[:, 0]
    return bool(np.all(np.diff(w) > 0)) and w[-1] < w_star_1d() - 1e-2


@exercise("answer: added slopes step as averaged ones at the batch times the rate, spread more")
def _added() -> bool:
    b = choices.SGD_ADDED_BATCH
    added = sgd.mean_spread(
        one_weight_cost(),
        choices.START_SGD,
        choices.RATE_SGD * b,
        choices.EPOCHS_SGD,
        batch_size=b,
        seeds=choices.SGD_SEEDS,
    )
    return b in choices.SGD_BATCHES and b > 1 and added > b * lesson.sgd_spread(b)
