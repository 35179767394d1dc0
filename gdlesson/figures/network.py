"""The network's run continued past its stop (page "Many valleys"): its cost,
the length of its gradient and its largest curvature, step by step."""

from __future__ import annotations

import functools

import numpy as np
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter

from gdlesson import choices
from gdlesson.figures.common import WIDTH, FigureSpec, Texts
from gdlesson.network import run_on, trained_by_descent
from gdlesson.numbers import count, power_of_ten
from gdlesson.style import styled

#: Steps per band: each band spans the lowest to the highest value of its steps.
BIN = 250


def _bands(values: np.ndarray):
    """Step numbers, lowest and highest value of each :data:`BIN` steps."""
    n = (len(values) - 1) // BIN * BIN
    chunks = values[1 : n + 1].reshape(-1, BIN)
    steps = np.arange(BIN, n + 1, BIN)
    return (
        np.concatenate([[0], steps]),
        np.concatenate([values[:1], chunks.min(axis=1)]),
        np.concatenate([values[:1], chunks.max(axis=1)]),
    )


def running_on_figure(palette: str = "light") -> Figure:
    """The lesson's run continued at the same rate: the cost goes lower, the largest
    curvature climbs to 2/η and stays, and from there the gradient is long."""
    more = run_on()
    tolerance = choices.TOLERANCE_NETWORK
    with styled(palette) as c:
        fig = Figure(figsize=(WIDTH, 5.6), layout="constrained")
        cost_ax, slope_ax, top_ax = fig.subplots(3, 1, sharex=True)
        for ax, values in ((cost_ax, more.costs), (slope_ax, more.slopes)):
            steps, low, high = _bands(values)
            ax.fill_between(
                steps, low, high, color=c["accent"], edgecolor=c["accent"], linewidth=1.2
            )
        top_ax.plot(more.measured, more.top_curvatures, color=c["accent"], linewidth=1.6)
        slope_ax.set_yscale("log")
        # 10ⁿ in Unicode, at the labels' size (mathtext would set n at 70 %: 7 px)
        slope_ax.yaxis.set_major_locator(LogLocator(base=10))
        slope_ax.yaxis.set_major_formatter(
            FuncFormatter(lambda v, _: power_of_ten(round(np.log10(v))))
        )
        slope_ax.yaxis.set_minor_formatter(NullFormatter())
        slope_ax.axhline(tolerance, color=c["muted"], linestyle="--", linewidth=1)
        exponent = round(np.log10(tolerance))
        slope_ax.text(
            more.steps,
            tolerance * 1.4,
            f"the stop: {power_of_ten(exponent)}",
            ha="right",
            va="bottom",
            color=c["muted"],
            fontsize=9.5,
        )
        top_ax.axhline(more.limit, color=c["muted"], linestyle="--", linewidth=1)
        top_ax.text(
            0,
            more.limit * 1.01,
            f"2/η = {more.limit:g}",
            ha="left",
            va="bottom",
            color=c["muted"],
            fontsize=9.5,
        )
        if more.reached is not None:
            for ax in (cost_ax, slope_ax, top_ax):
                ax.axvline(more.reached, color=c["curve"], linewidth=1, zorder=0)
            cost_ax.text(
                more.reached,
                1.0,
                " curvature reaches 2/η",
                transform=cost_ax.get_xaxis_transform(),
                ha="left",
                va="top",
                color=c["curve"],
                fontsize=9.5,
            )
        top_ax.set_ylim(top=more.limit * 1.08)
        cost_ax.set_ylabel("cost C")
        slope_ax.set_ylabel("gradient length")
        top_ax.set_ylabel("largest curvature")
        top_ax.set_xlabel(
            f"steps after the stop at step {count(trained_by_descent().steps)}, "
            f"learning rate η = {more.learning_rate:g}"
        )
        top_ax.set_xlim(0, more.steps)
        top_ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: count(round(v))))
    return fig


@functools.cache
def _texts() -> dict[str, Texts]:
    """The texts of this part's figures, by name; every number in them computed."""
    more = run_on()
    run = trained_by_descent()
    reached = more.reached if more.reached is not None else more.steps
    tail = more.slopes[-choices.RUN_ON_TAIL :]
    before = more.slopes[1:reached].min()
    return {
        "running-on": Texts(
            alt=(
                f"Three panels over {count(more.steps)} steps after the network's run "
                f"stopped at step {count(run.steps)}, at learning rate "
                f"{more.learning_rate:g}. Top: the cost, from {more.costs[0]:.3f} to "
                f"{more.costs[-1]:.3f}, with short jumps up. Middle, on a log scale: the "
                f"gradient's length, from {more.slopes[0]:.3f} down to {before:.4f}, then "
                f"up to about {np.median(tail):.1f}. Bottom: the largest curvature, "
                f"from {more.top_curvatures[0]:.0f} up to the dashed line 2/η = "
                f"{more.limit:g}, reached after about {count(round(reached, -3))} steps, "
                f"and along it from then on."
            ),
            caption=(
                f"The run of start {choices.NETWORK_SEEDS[0]}, continued for {count(more.steps)} "
                "more steps at the same "
                f"rate; each band spans the lowest to the highest value of every {BIN} "
                f"steps. Look at the largest curvature (bottom) reaching 2/η = "
                f"{more.limit:g} after about {count(round(reached, -3))} steps: from "
                f"there the gradient (middle) grows from {before:.4f} to about "
                f"{np.median(tail):.1f}, as the steps zig-zag, while the cost (top) "
                f"still falls overall."
            ),
        ),
    }


#: This part's figures, in lesson order; their texts made when first read.
SPECS = (FigureSpec("running-on", running_on_figure, "svg", _texts),)
