"""The compute budget: what brute force on 25 weights would cost on the fastest
supercomputers (The supercomputer)."""

from __future__ import annotations

import functools

import numpy as np
from matplotlib.figure import Figure

from gdlesson import compute_budget as budget
from gdlesson.figures.common import (
    WIDTH,
    FigureSpec,
    Texts,
    combinations,
    combinations_text,
    label,
    log_axis,
)
from gdlesson.numbers import scientific_text
from gdlesson.style import styled


def _years(machine) -> float:
    """Years brute force would take on ``machine``, at one setting per operation."""
    return float(budget.years_needed(combinations(), machine.rmax_flops))


def compute_budget_figure(palette: str = "light") -> Figure:
    """Years brute force would need on each #1 supercomputer, against the universe's age."""
    machines = budget.MACHINES
    years = [_years(m) for m in machines]
    age = budget.AGE_OF_UNIVERSE_YEARS
    top = int(np.ceil(np.log10(max(years)))) + 2
    with styled(palette) as c:
        fig = Figure(figsize=(WIDTH, 3.5), layout="constrained")
        ax = fig.add_subplot()
        rows = np.arange(len(machines))
        ax.barh(rows, years, left=1, height=0.62, color=c["curve"])
        for row, value in zip(rows, years, strict=True):
            text = f"{scientific_text(value)} years"
            ax.text(
                value / 10**0.6,
                row,
                text,
                ha="right",
                va="center",
                color=c["background"],
                fontweight="bold",
            )
        ax.set_yticks(rows, [f"{m.name} ({m.first_top.split()[-1]})" for m in machines])
        ax.tick_params(axis="y", length=0)
        ax.invert_yaxis()
        ax.set_xscale("log")
        ax.set_xlim(1, 10.0**top)
        log_axis(ax.xaxis, top, 10)
        ax.axvline(age, color=c["highlight"], linewidth=2, zorder=3)
        label(
            ax,
            f"age of the universe: {scientific_text(age)} years",
            (age, -0.5),
            (6, 2),
            va="bottom",
            color=c["highlight"],
            fontweight="bold",
            annotation_clip=False,
        )
        ax.set_ylim(len(machines) - 0.5, -0.75)
        ax.set_xlabel(f"years to try all {combinations_text()} combinations (log scale)")
        ax.spines["left"].set_visible(False)
    return fig


@functools.cache
def _texts() -> dict[str, Texts]:
    """The texts of this part's figures, by name; every number in them computed."""
    years = [_years(m) for m in budget.MACHINES]
    fastest = budget.MACHINES[int(np.argmin(years))]
    slowest = budget.MACHINES[int(np.argmax(years))]
    age = budget.AGE_OF_UNIVERSE_YEARS
    return {
        "compute-budget": Texts(
            alt=f"Bars on a log scale: trying {combinations_text()} combinations would take "
            f"from {scientific_text(min(years))} years on {fastest.name} to "
            f"{scientific_text(max(years))} years on {slowest.name}, against an age of the "
            f"universe of {scientific_text(age)} years.",
            caption=f"Years to try all {combinations_text()} combinations, one per operation, "
            f"on each supercomputer that led the TOP500 list (log scale). Look at the "
            f"vertical line, the age of the universe: even the fastest machine, "
            f"{fastest.name}, would need {scientific_text(min(years) / age, 2)} times that.",
        ),
    }


#: This part's figures, in lesson order; their texts made when first read.
SPECS = (FigureSpec("compute-budget", compute_budget_figure, "svg", _texts),)
