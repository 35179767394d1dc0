"""The closing comparison: the work of brute force against the steps of
gradient descent, for 1 weight and for 25 (page 8 of the lesson)."""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from gdlesson import lesson
from gdlesson.brute_force import CANDIDATES
from gdlesson.figures.common import WIDTH, FigureSpec, combinations_text, log_axis
from gdlesson.network import combinations, trained_by_descent, weight_count
from gdlesson.numbers import count, power_of_ten, scientific_text
from gdlesson.style import styled

#: The log axis has a tick every this many powers of ten.
DECADES_PER_TICK = 10


def _rows() -> list[tuple[str, str, int, str]]:
    """(group, method, work, what the bar says), brute force first in each group."""
    one_step = lesson.rate_descents()["just right"].steps
    net = trained_by_descent().steps
    weights = f"{weight_count()} weights"
    return [
        ("1 weight", "brute force", CANDIDATES, f"{count(CANDIDATES)} evaluations"),
        ("1 weight", "gradient descent", one_step, f"{count(one_step)} steps"),
        (weights, "brute force", combinations(), f"{combinations_text()} combinations"),
        (weights, "gradient descent", net, f"{count(net)} steps"),
    ]


def why_it_wins_figure(palette: str = "light") -> Figure:
    """Brute force against gradient descent, for 1 weight and for 25 (log scale)."""
    rows = _rows()
    top = len(str(combinations())) + 15
    with styled(palette) as c:
        fig = Figure(figsize=(WIDTH, 3.5), layout="constrained")
        ax = fig.add_subplot()
        ys = np.array([0, 1, 2.8, 3.8])
        colours = [c["curve"] if kind == "brute force" else c["accent"] for _, kind, _, _ in rows]
        ax.barh(ys, [float(v) for _, _, v, _ in rows], left=1, height=0.7, color=colours)
        for y, (_, _, value, text), colour in zip(ys, rows, colours, strict=True):
            ax.text(
                float(value) * 10**1.0,
                y,
                text,
                va="center",
                ha="left",
                color=colour,
                fontweight="bold",
            )
        ax.set_yticks(ys, [kind for _, kind, _, _ in rows])
        for y, group in ((ys[0] - 0.75, rows[0][0]), (ys[2] - 0.75, rows[2][0])):
            ax.text(
                0,
                y,
                group,
                transform=ax.get_yaxis_transform(),
                ha="right",
                va="center",
                fontweight="bold",
                color=c["text"],
            )
        ax.tick_params(axis="y", length=0)
        ax.set_ylim(ys[-1] + 0.6, -1.2)
        ax.set_xscale("log")
        ax.set_xlim(1, 10.0**top)
        log_axis(ax.xaxis, top, DECADES_PER_TICK)
        ax.set_xlabel("cost evaluations or descent steps (log scale)")
        ax.spines["left"].set_visible(False)
    return fig


def _specs() -> tuple[FigureSpec, ...]:
    """This part's figure, with texts whose every number is computed."""
    one_step = lesson.rate_descents()["just right"].steps
    net = trained_by_descent().steps
    return (
        FigureSpec(
            "why-it-wins",
            why_it_wins_figure,
            "svg",
            alt=f"Bars on a log scale: for 1 weight, {count(CANDIDATES)} brute-force "
            f"evaluations against {count(one_step)} descent steps; for {weight_count()} "
            f"weights, {combinations_text()} combinations against {count(net)} descent steps.",
            caption=f"Cost evaluations of brute force against steps of descent, on a log "
            f"scale: each tick is {power_of_ten(DECADES_PER_TICK)} times the one before. Look "
            f"at how the gap grows with the weights: brute force makes about "
            f"{CANDIDATES / one_step:.0f} times as many evaluations as descent takes steps for "
            f"1 weight, and {scientific_text(combinations() / net, 2)} times as many for "
            f"{weight_count()}.",
        ),
    )


#: This part's figures, in lesson order.
SPECS = _specs()
