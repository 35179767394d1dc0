"""Stochastic gradient descent: the page's numbers, figures, claims and exercises."""

from __future__ import annotations

import functools
from functools import partial
from itertools import combinations

import numpy as np
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from gdlesson import choices, lesson, sgd
from gdlesson.claim import Claim, register, require, w_star_1d
from gdlesson.costs import one_weight_cost
from gdlesson.descent import TOLERANCE, gradient_descent
from gdlesson.drawing import WIDTH, FigureSpec, Texts
from gdlesson.network import initial_weights, network_cost, sgd_runs, trained_by_descent
from gdlesson.numbers import count, listed
from gdlesson.pages import many_valleys as many_valleys_page
from gdlesson.placeholders import Fact
from gdlesson.style import palette_colours

# --- numbers ----------------------------------------------------------------------------


def draws_mean() -> float:
    """The mean slope of :data:`~choices.SGD_DRAWS` houses drawn at random
    (each as likely), with the generator of seed :data:`~choices.SEED_SGD`,
    at :data:`~choices.START_SGD`: what the page's session prints."""
    cost = one_weight_cost()
    slopes = sgd.row_slopes(cost, choices.START_SGD)[:, 0]
    rng = np.random.default_rng(choices.SEED_SGD)
    return float(slopes[rng.integers(len(slopes), size=choices.SGD_DRAWS)].mean())


def _one_house() -> dict[str, Fact]:
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
        "sgd_draws": choices.SGD_DRAWS,
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
        "sgd_batch_sizes": listed(sizes),
        "sgd_seeds": str(choices.SGD_SEEDS),
        "sgd_pass_steps": listed(lesson.sgd_run(b).steps_per_epoch for b in choices.SGD_BATCHES),
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
        "sgd_passes_shown": listed(choices.SGD_PASSES_SHOWN),
        "sgd_pass_spreads_steady": listed(f"{v:.3f}" for v in steady[shown]),
        "sgd_pass_spreads_lowered": listed(f"{v:.3f}" for v in lowered[shown]),
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


def facts() -> dict[str, Fact]:
    """The numbers of "Stochastic gradient descent", by name."""
    return _exercises() | _network() | _schedule() | _batches() | _one_house() | _single_steps()


# --- figures ----------------------------------------------------------------------------


#: How each network run is drawn: its palette colour and line style.
NETWORK_LINES = {
    "full batch": ("curve", "-"),
    "mini-batches": ("highlight", "--"),
    "single rows": ("accent", "-"),
}


#: The top panel shows w within this of the minimum.
ZOOM = 0.15


def _passes(run) -> np.ndarray:
    """Each point of ``run``'s path as a number of passes over the rows."""
    return np.arange(len(run.path)) / run.steps_per_epoch


def sgd_jitter_figure(fig: Figure, palette: str) -> None:
    """Top: w, one house a step, at a constant rate and at a lowered one, around
    the minimum. Bottom: the last pass's spread, averaged over shuffles, for each
    batch size, at both."""
    w_star = float(one_weight_cost().minimum()[0])
    steady, lowered = lesson.sgd_run(1), lesson.sgd_scheduled_run()
    batches = choices.SGD_BATCHES
    c = palette_colours(palette)
    path_ax, spread_ax = fig.subplots(2, 1, height_ratios=(3, 2))
    path_ax.axhline(w_star, color=c["muted"], linestyle="--", linewidth=1)
    path_ax.text(
        0.2,
        w_star + ZOOM / 30,
        f" minimum w = {w_star:.3f}",
        color=c["muted"],
        va="bottom",
        fontsize=10,
    )
    path_ax.plot(
        _passes(steady),
        steady.path[:, 0],
        color=c["accent"],
        linewidth=1.4,
        label="constant rate",
    )
    path_ax.plot(
        _passes(lowered),
        lowered.path[:, 0],
        color=c["curve"],
        linewidth=1.6,
        label="rate lowered",
    )
    path_ax.set_xlim(0, choices.EPOCHS_SGD)
    path_ax.set_xlabel(f"passes over the {len(one_weight_cost().targets)} houses")
    path_ax.set_ylabel("weight w")
    # zoomed on the minimum: the climb from the start is below, the jitter is the point
    path_ax.set_ylim(w_star - ZOOM, w_star + ZOOM)
    path_ax.legend(loc="upper right", ncols=2)
    path_ax.set_title("One house a step, near the minimum")

    x = np.arange(len(batches))
    for shift, decay, colour, name in (
        (-0.2, 0.0, "accent", "constant rate"),
        (0.2, choices.DECAY_SGD, "curve", "rate lowered"),
    ):
        values = [lesson.sgd_spread(b, decay) for b in batches]
        bars = spread_ax.bar(x + shift, values, width=0.38, color=c[colour], label=name)
        spread_ax.bar_label(bars, fmt="%.3f", padding=2, fontsize=10, color=c["text"])
    spread_ax.set_xticks(x, [f"{b}" for b in batches])
    spread_ax.set_xlabel("houses per batch")
    spread_ax.set_ylabel("spread of w")
    spread_ax.set_ylim(0, lesson.sgd_spread(batches[0]) * 1.25)
    spread_ax.legend(loc="upper right")
    spread_ax.set_title(f"The last pass, averaged over {choices.SGD_SEEDS} shuffles")


def sgd_network_figure(fig: Figure, palette: str) -> None:
    """The network's cost against the rows' slopes computed, by full batch,
    mini-batches and single rows; the level each must reach, and where it does."""
    runs = sgd_runs()
    level = choices.COST_LEVEL_NETWORK
    c = palette_colours(palette)
    ax = fig.subplots()
    for name, run in runs.items():
        colour, style = NETWORK_LINES[name]
        done = sgd.slopes_computed(run)
        # the cost at the end of each pass: a line of a point per step would weigh
        # hundreds of KiB for single rows
        ends = np.arange(0, len(run.path), run.steps_per_epoch)
        ax.plot(done[ends], run.costs[ends], color=c[colour], linestyle=style, label=name)
        reached = first_below(run, level)
        ax.plot(done[reached], run.costs[reached], "o", color=c[colour], markersize=6)
    ax.axhline(level, color=c["muted"], linestyle=":", linewidth=1)
    ax.text(
        sgd.slopes_computed(runs["full batch"])[-1],
        level,
        f"cost {level:g}",
        color=c["muted"],
        ha="right",
        va="bottom",
        fontsize=10,
    )
    ax.set_yscale("log")
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:g}"))
    ax.yaxis.set_minor_formatter(FuncFormatter(lambda v, _: ""))
    ax.set_xlim(0, sgd.slopes_computed(runs["full batch"])[-1])
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: count(round(v))))
    ax.set_xlabel("slopes computed (one row's slope each)")
    ax.set_ylabel("cost C, at the end of each pass")
    ax.legend(loc="upper right")


def first_below(run, level: float) -> int:
    """The first step of ``run`` that ends a pass with its cost at most ``level``:
    the figure draws the cost at the end of each pass, and its dots sit on the line.

    >>> first_below(sgd_runs()["single rows"], choices.COST_LEVEL_NETWORK) > 0
    True
    """
    ends = np.arange(0, len(run.path), run.steps_per_epoch)
    below = ends[run.costs[ends] <= level]
    if not len(below):
        raise ValueError(f"level={level} is never reached")
    return int(below[0])


@functools.cache
def _texts() -> dict[str, Texts]:
    """The texts of this part's figures, by name; every number in them computed."""
    w_star = float(one_weight_cost().minimum()[0])
    batches = choices.SGD_BATCHES
    steady = [lesson.sgd_spread(b) for b in batches]
    lowered = [lesson.sgd_spread(b, choices.DECAY_SGD) for b in batches]
    pairs = "; ".join(
        f"{b} a batch: {s:.3f} at a constant rate, {low:.3f} lowered"
        for b, s, low in zip(batches, steady, lowered, strict=True)
    )
    runs = sgd_runs()
    level = choices.COST_LEVEL_NETWORK
    needs = {
        name: int(sgd.slopes_computed(run)[first_below(run, level)]) for name, run in runs.items()
    }
    reach = ", ".join(f"{name} after {count(n)}" for name, n in needs.items())
    total = count(int(sgd.slopes_computed(runs["full batch"])[-1]))
    return {
        "sgd-jitter": Texts(
            alt=(
                f"Top: the weight w over {choices.EPOCHS_SGD} passes over the houses, one house "
                f"a step, at a constant learning rate {choices.RATE_SGD:g} and at a rate lowered "
                f"pass by pass; both rise from {choices.START_SGD:g} to the minimum "
                f"{w_star:.3f} (the panel shows w within {ZOOM:g} of it); the constant one "
                "keeps jumping around it, the lowered one calms down. Bottom: bars of how far "
                "w moves in the last pass, averaged over "
                f"{choices.SGD_SEEDS} shuffles, by houses per batch: {pairs}."
            ),
            caption=(
                "Look at the jitter: at a constant rate w keeps jumping around the minimum, "
                "and the last pass's spread shrinks as the batch grows, from "
                f"{steady[0]:.3f} with {batches[0]} house a step to {steady[-1]:.3f} with "
                f"{batches[-1]}; lowering the rate pass after pass shrinks it at every batch "
                "size."
            ),
        ),
        "sgd-network": Texts(
            alt=(
                f"The network's cost on a log scale against the number of rows' slopes "
                f"computed, up to {total}, for full batch, mini-batches of "
                f"{choices.BATCH_NETWORK} rows and single rows. The cost falls to {level:g} "
                f"for {reach} slopes."
            ),
            caption=(
                f"Look at where each curve, drawn at the end of each pass, first reaches "
                f"cost {level:g} (the dots): single "
                f"rows after {count(needs['single rows'])} slopes, full batch after "
                f"{count(needs['full batch'])}. Later the single rows' cost jumps up and "
                "down from pass to pass, while the full batch's goes on falling."
            ),
        ),
    }


#: The page's figures, in its order.
FIGURES = (
    FigureSpec("sgd-jitter", sgd_jitter_figure, "svg", _texts, size=(WIDTH, 5.8)),
    FigureSpec("sgd-network", sgd_network_figure, "svg", _texts, size=(WIDTH, 4.2)),
)


# --- claims -----------------------------------------------------------------------------

#: What the page says, each sentence with its check.
CLAIMS: list[Claim] = []
claim = partial(register, CLAIMS, "sgd.md")
#: The premises of the page's exercises.
EXERCISE_CLAIMS: list[Claim] = []
exercise = partial(register, EXERCISE_CLAIMS, "sgd.md")


def _rows() -> int:
    return len(one_weight_cost().targets)


@claim("the whole slope is the sum of the houses' slopes; one house's is far from it and the mean")
def _claim_one_house() -> None:
    cost = one_weight_cost()
    slopes = sgd.row_slopes(cost, choices.START_SGD)[:, 0]
    np.testing.assert_allclose(slopes.sum(), cost.gradient(choices.START_SGD)[0], rtol=1e-12)
    for whole in (slopes.sum(), slopes.mean()):
        off = np.abs(slopes - whole) / abs(whole)
        require(np.all(off > 0.1), f"a house's slope is within 10 % of {whole}: {off}")


@claim("houses drawn at random average close to the mean slope, closer the more are drawn")
def _draws() -> None:
    slopes = sgd.row_slopes(one_weight_cost(), choices.START_SGD)[:, 0]
    error = abs(draws_mean() - slopes.mean()) / abs(slopes.mean())
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
def _claim_schedule() -> None:
    steady = mean_pass_spreads(0.0)
    lowered = mean_pass_spreads(choices.DECAY_SGD)
    first = choices.SGD_PASSES_SHOWN[0] - 1
    require(steady[first:].min() > 0.8 * steady[first], f"constant: {steady[first:]}")
    shown = lowered[[p - 1 for p in choices.SGD_PASSES_SHOWN]]
    require(np.all(np.diff(shown) < 0) and shown[-1] < shown[0] / 2, f"lowered: {shown}")
    require(np.all(lowered[first:] < steady[first:]), "lowered spans more in some pass")


@claim("lowered, the last pass spans less at every batch size, and ends closer to the minimum")
def _lowered_everywhere() -> None:
    for b in choices.SGD_BATCHES:
        require(lesson.sgd_spread(b, choices.DECAY_SGD) < lesson.sgd_spread(b), f"batch {b}")
    require(mean_distance(choices.DECAY_SGD) < mean_distance(0.0), "farther")


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
        and mean_distance(fast) > mean_distance(0.0)
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


claim("each step on data so far took the slope over all of it: 6 and 50 houses")(
    many_valleys_page.every_row_in_each_step
)
