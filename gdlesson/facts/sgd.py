"""Stochastic gradient descent: one house's slope, steps on one house or a batch,
the jitter against the batch size and the schedule, and the network's cost
against the slopes computed (page "Stochastic gradient descent")."""

from __future__ import annotations

import numpy as np

from gdlesson import choices, lesson, sgd
from gdlesson.costs import one_weight_cost
from gdlesson.figures.sgd import first_below
from gdlesson.network import network_cost, sgd_runs
from gdlesson.numbers import count


def facts() -> dict[str, str]:
    """The numbers of "Stochastic gradient descent", by name."""
    return _one_house() | _single_steps() | _batches() | _schedule() | _network() | _exercises()


def _and(items) -> str:
    """ "1, 2 and 3"."""
    items = [str(i) for i in items]
    return ", ".join(items[:-1]) + " and " + items[-1] if len(items) > 1 else items[0]


def draws_mean() -> float:
    """The mean slope of :data:`~choices.SGD_DRAWS` houses drawn at random
    (each as likely), with the generator of seed :data:`~choices.SEED_SGD`,
    at :data:`~choices.START_SGD`: what the page's session prints."""
    cost = one_weight_cost()
    slopes = sgd.row_slopes(cost, choices.START_SGD)[:, 0]
    rng = np.random.default_rng(choices.SEED_SGD)
    return float(slopes[rng.integers(len(slopes), size=choices.SGD_DRAWS)].mean())


def _one_house() -> dict[str, str]:
    """Each house's slope at the start, their sum and mean, and random draws' mean."""
    cost = one_weight_cost()
    slopes = sgd.row_slopes(cost, choices.START_SGD)[:, 0]
    return {
        "houses": str(len(cost.targets)),
        "sgd_row_slopes": str(np.round(slopes, 3)),
        "sgd_slope_low": f"{slopes.min():.3f}",
        "sgd_slope_high": f"{slopes.max():.3f}",
        "sgd_whole_slope": f"{slopes.sum():.3f}",
        "sgd_mean_slope": f"{slopes.mean():.3f}",
        "sgd_draws": count(choices.SGD_DRAWS),
        "sgd_draws_py": f"{choices.SGD_DRAWS:_}",
        "sgd_draws_mean": f"{draws_mean():.3f}",
    }


def _single_steps() -> dict[str, str]:
    """SGD on the six houses, one house a step (moved from "Many valleys")."""
    cost, run = one_weight_cost(), lesson.sgd_run(1)
    last_pass = sgd.last_pass(run)
    own = sgd.row_minima(cost)
    return {
        "row_minima_code": str(np.round(own, 3)),
        "row_minimum_low": f"{own.min():.3f}",
        "row_minimum_high": f"{own.max():.3f}",
        "start_sgd": f"{choices.START_SGD:g}",
        "rate_sgd": f"{choices.RATE_SGD:g}",
        "epochs_sgd": str(choices.EPOCHS_SGD),
        "seed_sgd": str(choices.SEED_SGD),
        "steps_sgd": count(run.steps),
        "sgd_last_low": f"{last_pass.min():.3f}",
        "sgd_last_high": f"{last_pass.max():.3f}",
    }


def _batches() -> dict[str, str]:
    """The last pass's spread by batch size, averaged over shuffles."""
    sizes = lesson.sgd_batches()
    return {
        "sgd_small_batches": ", ".join(map(str, choices.SGD_BATCHES)),
        "sgd_batch_sizes": _and(sizes),
        "sgd_seeds": str(choices.SGD_SEEDS),
        "sgd_pass_steps": _and(lesson.sgd_run(b).steps_per_epoch for b in choices.SGD_BATCHES),
        "sgd_spread_first": f"{lesson.sgd_spread(choices.SGD_BATCHES[0]):.3f}",
        "sgd_spread_last_small": f"{lesson.sgd_spread(choices.SGD_BATCHES[-1]):.3f}",
        "sgd_last_small_batch": str(choices.SGD_BATCHES[-1]),
        "sgd_spread_lines": "\n".join(f"batch of {b}: {lesson.sgd_spread(b):.3f}" for b in sizes),
    }


def mean_pass_spreads(decay: float) -> np.ndarray:
    """Each pass's spread, one house a step, averaged over the shuffles."""
    return np.mean([sgd.pass_spreads(run) for run in lesson.sgd_shuffles(1, decay)], axis=0)


def mean_distance(decay: float) -> float:
    """How far from the minimum a run of one house a step ends, averaged over the shuffles."""
    w_star = one_weight_cost().minimum()[0]
    return float(np.mean([abs(run.path[-1, 0] - w_star) for run in lesson.sgd_shuffles(1, decay)]))


def last_rate(decay: float) -> float:
    """The rate of the last pass, lowered by ``decay``."""
    return choices.RATE_SGD / (1 + decay * (choices.EPOCHS_SGD - 1))


def _schedule() -> dict[str, str]:
    """The rate lowered pass by pass: the jitter dies down."""
    steady, lowered = mean_pass_spreads(0.0), mean_pass_spreads(choices.DECAY_SGD)
    shown = [p - 1 for p in choices.SGD_PASSES_SHOWN]
    return {
        "decay_sgd": f"{choices.DECAY_SGD:g}",
        "sgd_last_rate": f"{last_rate(choices.DECAY_SGD):.3f}",
        "sgd_last_pass": str(choices.EPOCHS_SGD),
        "sgd_passes_shown": _and(choices.SGD_PASSES_SHOWN),
        "sgd_pass_spreads_steady": _and(f"{v:.3f}" for v in steady[shown]),
        "sgd_pass_spreads_lowered": _and(f"{v:.3f}" for v in lowered[shown]),
        "sgd_schedule_lines": "\n".join(
            f"batch of {b}: {lesson.sgd_spread(b):.3f} constant, "
            f"{lesson.sgd_spread(b, choices.DECAY_SGD):.3f} lowered"
            for b in choices.SGD_BATCHES
        ),
        "sgd_lowered_spread": f"{lesson.sgd_spread(1, choices.DECAY_SGD):.3f}",
        "wb_sgd_lines": "\n".join(
            f"decay {decay:g}: w from {p.min():.3f} to {p.max():.3f}"
            for decay, p in (
                (0.0, sgd.last_pass(lesson.sgd_run(1))),
                (choices.DECAY_SGD, sgd.last_pass(lesson.sgd_scheduled_run())),
            )
        ),
        "sgd_distance_steady": f"{mean_distance(0.0):.3f}",
        "sgd_distance_lowered": f"{mean_distance(choices.DECAY_SGD):.3f}",
    }


def _network() -> dict[str, str]:
    """The network by full batch, mini-batches and single rows: slopes to reach a cost."""
    runs = sgd_runs()
    rows = len(network_cost().targets)
    level = choices.COST_LEVEL_NETWORK
    needs = {
        name: int(sgd.slopes_computed(run)[first_below(run, level)]) for name, run in runs.items()
    }
    single, full = runs["single rows"], runs["full batch"]
    tail = single.costs[-choices.SGD_TAIL_PASSES * single.steps_per_epoch :]
    return {
        "network_full_rate": f"{choices.RATE_NETWORK * rows:g}",
        "rate_sgd_network": f"{choices.RATE_SGD_NETWORK:g}",
        "batch_network": str(choices.BATCH_NETWORK),
        "epochs_network": str(choices.EPOCHS_NETWORK),
        "network_slopes_total": count(int(sgd.slopes_computed(full)[-1])),
        "cost_level_network": f"{level:g}",
        "needs_full": count(needs["full batch"]),
        "needs_mini": count(needs["mini-batches"]),
        "needs_single": count(needs["single rows"]),
        "needs_ratio": str(int(needs["full batch"] // needs["single rows"])),
        "network_start_cost_sgd": f"{full.costs[0]:.1f}",
        "end_full": f"{full.costs[-1]:.3f}",
        "end_mini": f"{runs['mini-batches'].costs[-1]:.3f}",
        "end_single": f"{single.costs[-1]:.3f}",
        "tail_passes": str(choices.SGD_TAIL_PASSES),
        "tail_single_low": f"{tail.min():.3f}",
        "tail_single_high": f"{tail.max():.3f}",
    }


def _exercises() -> dict[str, str]:
    """The page's exercises: a schedule lowered faster; every house in one batch;
    the slopes added instead of averaged."""
    cost, rows = one_weight_cost(), len(one_weight_cost().targets)
    full = lesson.sgd_run(rows)
    fast, b = choices.DECAY_SGD_FAST, choices.SGD_ADDED_BATCH
    # adding b slopes at a rate is averaging them at b times the rate
    added = sgd.mean_spread(
        cost,
        choices.START_SGD,
        choices.RATE_SGD * b,
        choices.EPOCHS_SGD,
        batch_size=b,
        seeds=choices.SGD_SEEDS,
    )
    return {
        "ex_decay_fast": f"{fast:g}",
        "ex_fast_spread": f"{lesson.sgd_spread(1, fast):.3f}",
        "ex_fast_distance": f"{mean_distance(fast):.3f}",
        "ex_fast_last_rate": f"{last_rate(fast):.4f}",
        "ex_batch_all": str(rows),
        "ex_batch_all_rate": f"{choices.RATE_SGD / rows:.4f}",
        "ex_batch_all_w": f"{full.path[-1, 0]:.3f}",
        "ex_batch_all_steps": count(full.steps),
        "ex_added_batch": str(b),
        "ex_added_spread": f"{added:.3f}",
        "ex_averaged_spread": f"{lesson.sgd_spread(b):.3f}",
    }
