"""Choosing the rate: the two-weight cost after each step at a rate too small, a good
one and one too large, on a log scale (the page after "Two weights")."""

from __future__ import annotations

import functools

import numpy as np
from matplotlib.figure import Figure
from matplotlib.ticker import FixedLocator, FuncFormatter, NullLocator

from gdlesson import choices, lesson
from gdlesson.costs import two_weight_cost
from gdlesson.figures.common import WIDTH, FigureSpec, Texts
from gdlesson.numbers import count
from gdlesson.style import styled

#: The cost axis: from half the lowest cost up to the power of ten at or above this
#: many times the start.
TOP_OVER_START = 100


def _runs():
    """The three descents, by label: too small, good, too large."""
    return {label: lesson.descent_2d(rate) for label, rate in lesson.RATES_CHOOSING.items()}


def _min_cost() -> float:
    cost = two_weight_cost()
    return cost(cost.minimum())


def _decades(low: float, high: float) -> list[float]:
    """The powers of ten from ``low`` to ``high``."""
    return [10.0**e for e in range(int(np.ceil(np.log10(low))), int(np.floor(np.log10(high))) + 1)]


def cost_per_step_figure(palette: str = "light") -> Figure:
    """The cost after each step at three rates: one creeps down, one drops to the
    lowest cost and stays there, one climbs off the chart."""
    runs, shown, low = _runs(), choices.STEPS_CHOOSING, _min_cost()
    start = next(iter(runs.values())).costs[0]
    bottom, top = low / 2, 10.0 ** np.ceil(np.log10(start * TOP_OVER_START))
    with styled(palette) as c:
        colours = {"too small": c["curve"], "good": c["highlight"], "too large": c["diverge"]}
        fig = Figure(figsize=(WIDTH, 3.4), layout="constrained")
        ax = fig.add_subplot()
        ax.set_yscale("log")
        ax.axhline(low, color=c["muted"], linewidth=1, linestyle=(0, (4, 3)), zorder=0)
        ax.annotate(
            f"the lowest cost, {low:.3f}",
            xy=(shown, low),
            xytext=(0, -4),
            textcoords="offset points",
            ha="right",
            va="top",
            color=c["muted"],
            fontsize=9.5,
        )
        for label, run in runs.items():
            steps = np.arange(min(run.steps, shown) + 1)
            costs = run.costs[: len(steps)]
            ax.plot(steps, costs, color=colours[label], linewidth=2, zorder=2, clip_on=True)
            text = f"{label}, η = {run.learning_rate:g}"
            if label == "too large":
                # beside the line, where it passes a tenth of the chart's top
                k = int(np.argmax(costs > top / 10)) if np.any(costs > top / 10) else len(costs) - 1
                xy, offset, ha, va = (k, costs[k]), (8, 0), "left", "center"
            elif label == "good":
                xy, offset, ha, va = (8, run.costs[8]), (6, 4), "left", "bottom"
            else:
                xy, offset, ha, va = (shown, costs[-1]), (0, 9), "right", "bottom"
            ax.annotate(
                text,
                xy=xy,
                xytext=offset,
                textcoords="offset points",
                ha=ha,
                va=va,
                color=colours[label],
                fontsize=10,
                fontweight="bold",
            )
        ax.set_xlim(0, shown)
        ax.set_ylim(bottom, top)
        ax.yaxis.set_major_locator(FixedLocator(_decades(bottom, top)))
        ax.yaxis.set_minor_locator(NullLocator())
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,g}"))
        ax.set_xlabel("step")
        ax.set_ylabel("cost C (log scale)")
    return fig


@functools.cache
def _texts() -> dict[str, Texts]:
    """The texts of this part's figures, by name; every number in them computed."""
    runs, shown, low = _runs(), choices.STEPS_CHOOSING, _min_cost()
    small, good, large = runs.values()
    start = f"({choices.START_2D[0]:g}, {choices.START_2D[1]:g})"
    return {
        "cost-per-step": Texts(
            alt=f"The two-weight cost after each of {shown} steps from {start}, on a log "
            f"scale, at three learning rates. At {small.learning_rate:g} it creeps down, "
            f"to {small.costs[shown]:.3f} at step {shown}. At {good.learning_rate:g} it "
            f"drops to the lowest cost, {low:.3f}, and stays there. At "
            f"{large.learning_rate:g} it climbs at every step and leaves the chart; the "
            f"descent diverged after {count(large.steps)} steps.",
            caption=f"The cost after each step, from {start}, at three learning rates. Look "
            f"at the shape of each curve: too small creeps down, still falling at step "
            f"{shown}; good drops, then lies flat on the lowest cost, {low:.3f}; too large "
            f"climbs from the first step on.",
        ),
    }


#: This part's figures, in lesson order; their texts made when first read.
SPECS = (FigureSpec("cost-per-step", cost_per_step_figure, "svg", _texts),)
