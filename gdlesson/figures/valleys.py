"""Many valleys: descents from several starts on a cost with two valleys, a hump
and a flat stretch, ending in different places (the page after "Why it wins")."""

from __future__ import annotations

import functools

import numpy as np
from matplotlib.figure import Figure

from gdlesson import choices
from gdlesson.descent import TOLERANCE
from gdlesson.figures.common import WIDTH, FigureSpec, Texts, dots
from gdlesson.numbers import power_of_ten, rounded_up, signed
from gdlesson.style import styled
from gdlesson.valleys import descents, ending, flat_from, turning_points, valleys_cost

#: What the figure calls each place a descent can end.
PLACES = {
    "valley 0": "the left valley",
    "valley 1": "the right valley",
    "did not move": "no move at all",
    "elsewhere": "still crawling when the steps ran out",
}


def _thinned(run, spacing: float = 0.02):
    """The path's points, skipping those within ``spacing`` of the last one kept
    (a crawl of thousands of tiny steps would otherwise weigh hundreds of KB)."""
    keep = [0]
    for i, w in enumerate(run.path):
        if abs(w - run.path[keep[-1]]) >= spacing:
            keep.append(i)
    keep.append(len(run.path) - 1)
    return run.path[keep], run.costs[keep]


def _mark_turning_points(ax, c, cost):
    """Label each valley's bottom with its cost (the last one to its right), and the hump."""
    points = turning_points(cost)
    for i, (w, kind) in enumerate(points):
        height = cost(w)
        if kind == "hump":
            ax.plot([w], [height], "^", color=c["muted"], markersize=7, zorder=2)
            text, offset, ha, va = "hump: slope 0", (0, 12), "center", "bottom"
        elif i == len(points) - 1:
            text, offset, ha, va = f"C = {height:.3f}", (12, 0), "left", "center"
        else:
            text, offset, ha, va = f"C = {height:.3f}", (0, -14), "center", "top"
        ax.annotate(
            text,
            xy=(w, height),
            xytext=offset,
            textcoords="offset points",
            ha=ha,
            va=va,
            color=c["muted"] if kind == "hump" else c["text"],
            fontsize=9.5,
        )


def _label_start(ax, run, colour, text):
    """The start's w, on the side the descent heads to (above it if it stays)."""
    heading = np.sign(run.path[-1] - run.path[0])
    ax.annotate(
        text,
        xy=(run.path[0], run.costs[0]),
        xytext=(9 * heading, 7 if heading == 0 else 3),
        textcoords="offset points",
        ha={-1.0: "right", 0.0: "center", 1.0: "left"}[float(heading)],
        va="bottom",
        color=colour,
        fontweight="bold",
        fontsize=10,
    )


def many_valleys_figure(palette: str = "light") -> Figure:
    """Descents from several starts: some end in the left valley, some in the
    right one, and one, on the flat stretch, does not move at all."""
    cost = valleys_cost()
    runs = descents()
    flat = flat_from(cost)
    ws = np.linspace(*choices.WINDOW_VALLEYS, 401)
    with styled(palette) as c:
        colours = {"valley 0": c["accent"], "valley 1": c["highlight"]}
        fig = Figure(figsize=(WIDTH, 3.9), layout="constrained")
        ax = fig.add_subplot()
        if flat is not None:
            ax.axvspan(flat, choices.WINDOW_VALLEYS[1], color=c["faint"], zorder=0, linewidth=0)
            ax.text(
                (flat + choices.WINDOW_VALLEYS[1]) / 2,
                0.5,
                f"flat: slope\nbelow {power_of_ten(round(np.log10(TOLERANCE)))}",
                ha="center",
                va="center",
                color=c["muted"],
                fontsize=9.5,
            )
        ax.plot(ws, cost.on_grid(ws), color=c["curve"], linewidth=2, zorder=1)
        _mark_turning_points(ax, c, cost)
        for run in runs:
            colour = colours.get(ending(run), c["muted"])
            dots(ax, *_thinned(run), colour, size=4.5, zorder=3)
            ax.plot([run.path[0]], [run.costs[0]], "o", color=colour, markersize=8, zorder=4)
            ax.plot(
                [run.path[-1]],
                [run.costs[-1]],
                "o",
                color=colour,
                markersize=6,
                markerfacecolor=c["background"],
                markeredgewidth=1.6,
                zorder=5,
            )
            _label_start(ax, run, colour, signed(run.path[0], "g"))
        ax.set_xlim(*choices.WINDOW_VALLEYS)
        ax.set_ylim(0, 1.2)
        ax.set_xlabel("weight w")
        ax.set_ylabel("cost C(w)")
        ax.set_title(
            f"filled dot: a start, with its w; ring: where it ends; learning rate η = "
            f"{choices.RATE_VALLEYS:g}",
            color=c["muted"],
            fontsize=9.5,
        )
    return fig


def many_valleys_alt() -> str:
    """The figure's alt text, every number computed."""
    cost = valleys_cost()
    runs = descents()
    points = ", ".join(
        f"{'a valley' if kind == 'valley' else 'a hump'} at w = {w:.3f}"
        + (f" (cost {cost(w):.3f})" if kind == "valley" else "")
        for w, kind in turning_points(cost)
    )
    by_place: dict[str, list[str]] = {}
    for run in runs:
        place = PLACES[ending(run)]
        by_place.setdefault(place, []).append(f"{run.path[0]:g}")
    outcomes = "; ".join(f"from w = {', '.join(s)}: {p}" for p, s in by_place.items())
    return (
        f"A cost curve of one weight with {points}, flattening out to the right. "
        f"Gradient descent with learning rate {choices.RATE_VALLEYS:g}, {outcomes}."
    )


@functools.cache
def _texts() -> dict[str, Texts]:
    """The texts of this part's figures, by name; every number in them computed."""
    cost = valleys_cost()
    hump = next(w for w, kind in turning_points(cost) if kind == "hump")
    flat = flat_from(cost)
    below = power_of_ten(round(np.log10(TOLERANCE)))
    return {
        "many-valleys": Texts(
            alt=many_valleys_alt(),
            caption=f"Where each descent ends, learning rate {choices.RATE_VALLEYS:g}. Look at "
            f"the hump at w = {signed(hump, '.3f')}: starts left of it end in the left valley, "
            f"starts right of it in the right one, unless the ground there is nearly flat; "
            f"from w = {rounded_up(flat, 2)} on, the slope is below {below} and descent "
            f"stops at once, without a step.",
        ),
    }


#: This part's figures, in lesson order; their texts made when first read.
SPECS = (FigureSpec("many-valleys", many_valleys_figure, "svg", _texts),)
