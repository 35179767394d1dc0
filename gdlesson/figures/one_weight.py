"""Gradient descent on one weight: the rolling ball, the zig-zag, and three
learning rates (Gradient descent, How big a step?)."""

from __future__ import annotations

import functools

import numpy as np
from matplotlib.figure import Figure

from gdlesson import choices, lesson
from gdlesson.choices import SEARCH_RANGE
from gdlesson.costs import one_weight_cost
from gdlesson.figures.common import (
    WIDTH,
    FigureSpec,
    Texts,
    balls,
    cost_curve,
    dots,
    label,
    note,
    outcome,
)
from gdlesson.numbers import scientific_text
from gdlesson.style import styled


def _curve_figure(c, run):
    """A figure of the cost curve, tall enough for the start of ``run``; and its axes."""
    fig = Figure(figsize=(WIDTH, 3.6), layout="constrained")
    ax = fig.add_subplot()
    cost_curve(ax, c, one_weight_cost())
    ax.set_ylim(0, run.costs[0] * 1.3)
    return fig, ax


def descent_1d_figure(palette: str = "light") -> Figure:
    """The rolling ball: gradient descent on one weight, every position drawn."""
    run = lesson.rolling_descent()
    with styled(palette) as c:
        fig, ax = _curve_figure(c, run)
        balls(ax, c, fig, run, label_first=4)
        note(ax, c, f"learning rate η = {choices.RATE_1D:g}\n{outcome(run)}, at w = {run.w:.3f}")
    return fig


def _hops(ax, c, run, hops: int):
    """An arrow for each of the first ``hops`` steps of ``run``."""
    ws, cs = run.path, run.costs
    arrow = dict(
        arrowstyle="-|>", color=c["accent"], linewidth=1.5, shrinkA=4, shrinkB=4, mutation_scale=12
    )
    for k in range(min(hops, run.steps)):
        ax.annotate(
            "", xy=(ws[k + 1], cs[k + 1]), xytext=(ws[k], cs[k]), arrowprops=arrow, zorder=2
        )


def zigzag_1d_figure(palette: str = "light") -> Figure:
    """A larger learning rate: each step jumps past the minimum, to the other side."""
    run = lesson.zigzag_descent()
    w_star = float(one_weight_cost().minimum()[0])
    ws, cs = run.path, run.costs
    with styled(palette) as c:
        fig, ax = _curve_figure(c, run)
        ax.axvline(w_star, color=c["muted"], linewidth=1, linestyle=(0, (4, 3)), zorder=0)
        label(
            ax,
            "minimum",
            (w_star, 1),
            (-4, -2),
            ha="right",
            va="top",
            xycoords=("data", "axes fraction"),
            color=c["muted"],
            fontsize=9.5,
        )
        _hops(ax, c, run, hops=6)
        ax.plot(
            ws,
            cs,
            "o",
            color=c["accent"],
            markersize=5.5,
            zorder=3,
            markeredgecolor=c["background"],
            markeredgewidth=0.8,
        )
        for k in range(4):
            side = 1 if ws[k] > w_star else -1
            label(
                ax,
                "start" if k == 0 else str(k),
                (ws[k], cs[k]),
                (7 * side, 5),
                ha="left" if side > 0 else "right",
                va="bottom",
                color=c["text"],
                fontsize=10,
            )
        note(ax, c, f"learning rate η = {lesson.RATE_ZIGZAG_1D:g}\n{outcome(run)}", x=0.7)
    return fig


def _rate_panel(ax, c, label_text, run):
    """One learning rate's descent on the cost curve, titled with how it ended."""
    cost = one_weight_cost()
    low, high = SEARCH_RANGE
    colour = c["diverge"] if run.diverged else c["accent"]
    ws = np.linspace(low, high, 161)
    ax.plot(ws, cost.on_grid(ws), color=c["curve"], linewidth=1.8, zorder=1)
    ax.plot(run.path, run.costs, color=colour, linewidth=1.2, zorder=2)
    dots(ax, run.path, run.costs, colour, size=5.5, zorder=3)
    ax.plot([run.path[0]], [run.costs[0]], "o", color=colour, markersize=7, zorder=4)
    ax.set_xlim(low, high)
    ax.set_ylim(0, cost.on_grid(np.array(SEARCH_RANGE)).max() * 1.1)
    title = f"{label_text}: η = {run.learning_rate:g}\n{outcome(run)}"
    ax.set_title(
        title, color=c["diverge"] if run.diverged else c["text"], fontsize=10.5, linespacing=1.4
    )
    ax.set_xlabel("weight w")
    ax.set_xticks(np.arange(low, high + 1e-9, 1.0))
    if run.diverged:
        ax.text(
            0.1,
            0.98,
            f"leaves the chart;\nC reaches {scientific_text(run.costs[-1], 2)}",
            transform=ax.transAxes,
            ha="left",
            va="top",
            color=c["diverge"],
            fontsize=9,
            linespacing=1.3,
        )


def learning_rates_figure(palette: str = "light") -> Figure:
    """Too small, just right, too large: the same descent at three learning rates."""
    runs = lesson.rate_descents()
    with styled(palette) as c:
        fig = Figure(figsize=(WIDTH, 3.1), layout="constrained")
        axes = fig.subplots(1, len(runs), sharey=True)
        for ax, (label_text, run) in zip(axes, runs.items(), strict=True):
            _rate_panel(ax, c, label_text, run)
        axes[0].set_ylabel("cost C(w)")
    return fig


@functools.cache
def _texts() -> dict[str, Texts]:
    """The texts of this part's figures, by name; every number in them computed."""
    rolling, zigzag, runs = (
        lesson.rolling_descent(),
        lesson.zigzag_descent(),
        lesson.rate_descents(),
    )
    start = f"w = {choices.START_1D:g}"
    rate_list = "; ".join(
        f"{name}, {run.learning_rate:g}, {outcome(run)}" for name, run in runs.items()
    )
    verdicts = ", ".join(f"η = {run.learning_rate:g} {outcome(run)}" for run in runs.values())
    return {
        "descent-1d": Texts(
            alt=f"A ball rolling down the cost curve: starting at {start} with learning rate "
            f"{choices.RATE_1D:g}, its steps shrink as the slope flattens, and it "
            f"{outcome(rolling)} at w = {rolling.w:.3f}, the bottom of the curve.",
            caption=f"Gradient descent from {start} with learning rate η = {choices.RATE_1D:g}, "
            f"one ball per step. Look at the gaps between the balls: long where the curve is "
            f"steep, short where it flattens; it {outcome(rolling)}, at w = {rolling.w:.3f}.",
        ),
        "zigzag-1d": Texts(
            alt=f"With learning rate {lesson.RATE_ZIGZAG_1D:g} each step jumps from one side "
            f"of the minimum to the other, the jumps shrinking; the descent from {start} "
            f"{outcome(zigzag)} at w = {zigzag.w:.3f}.",
            caption=f"The same start with a larger learning rate, "
            f"η = {lesson.RATE_ZIGZAG_1D:g}. Look at the arrows: every step jumps over the "
            f"minimum to the other side, a little less far each time; the descent "
            f"{outcome(zigzag)}, against {rolling.steps} at η = {choices.RATE_1D:g}.",
        ),
        "learning-rates": Texts(
            alt=f"Three descents from {start} side by side: {rate_list}; the last one jumps "
            f"ever higher up the walls and leaves the plot.",
            caption=f"Three learning rates from the same start: {verdicts}. Look at the steps "
            f"of the last: above 2/L = {2 / one_weight_cost().curvature():.4f}, each one "
            f"lands higher up the other wall than the one before.",
        ),
    }


#: This part's figures, in lesson order; their texts made when first read.
SPECS = (
    FigureSpec("descent-1d", descent_1d_figure, "svg", _texts),
    FigureSpec("zigzag-1d", zigzag_1d_figure, "svg", _texts),
    FigureSpec("learning-rates", learning_rates_figure, "svg", _texts),
)
