"""Stochastic gradient descent (page "Stochastic gradient descent"): the jitter of
one house a step, with a constant rate and a lowered one, and its spread against
the batch size; and the network's cost against the slopes computed."""

from __future__ import annotations

import functools

import numpy as np
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from gdlesson import choices, lesson, sgd
from gdlesson.costs import one_weight_cost
from gdlesson.figures.common import WIDTH, FigureSpec, Texts
from gdlesson.network import sgd_runs
from gdlesson.numbers import count
from gdlesson.style import styled

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


def sgd_jitter_figure(palette: str = "light") -> Figure:
    """Top: w, one house a step, at a constant rate and at a lowered one, around
    the minimum. Bottom: the last pass's spread, averaged over shuffles, for each
    batch size, at both."""
    w_star = float(one_weight_cost().minimum()[0])
    steady, lowered = lesson.sgd_run(1), lesson.sgd_scheduled_run()
    batches = choices.SGD_BATCHES
    with styled(palette) as c:
        fig = Figure(figsize=(WIDTH, 5.8), layout="constrained")
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
    return fig


def sgd_network_figure(palette: str = "light") -> Figure:
    """The network's cost against the rows' slopes computed, by full batch,
    mini-batches and single rows; the level each must reach, and where it does."""
    runs = sgd_runs()
    level = choices.COST_LEVEL_NETWORK
    with styled(palette) as c:
        fig = Figure(figsize=(WIDTH, 4.2), layout="constrained")
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
    return fig


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


#: This part's figures, in lesson order; their texts made when first read.
SPECS = (
    FigureSpec("sgd-jitter", sgd_jitter_figure, "svg", _texts),
    FigureSpec("sgd-network", sgd_network_figure, "svg", _texts),
)
