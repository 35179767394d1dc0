"""The search: brute force on one weight, and the network whose 25 weights it
would have to search (pages 2 and 3 of the lesson)."""

from __future__ import annotations

import functools
from itertools import pairwise

import numpy as np
from matplotlib.figure import Figure
from matplotlib.ticker import MultipleLocator

from gdlesson import lesson
from gdlesson.brute_force import grid_spacing
from gdlesson.choices import CANDIDATES, LAYERS, SEARCH_RANGE
from gdlesson.figures.common import WIDTH, FigureSpec, Texts, dots, label
from gdlesson.network import INPUTS, weight_count
from gdlesson.numbers import count
from gdlesson.style import styled

#: What the network's layers are, input to output.
_LAYER_KINDS = ("inputs", "hidden neurons", "output")


def _weight_count() -> str:
    """How the weights add up, layer by layer: "4×5 + 5×1 = 25"."""
    return " + ".join(f"{a}×{b}" for a, b in pairwise(LAYERS)) + f" = {weight_count()}"


def _close_up(ax, c, search):
    """An inset on the bottom of the curve: one dot per candidate, the best marked."""
    best_w, best_cost, spacing = search.best_w, search.best_cost, grid_spacing()
    zoom = ax.inset_axes([0.34, 0.36, 0.32, 0.56])
    near = np.abs(search.weights - best_w) <= 9.5 * spacing
    costs_near = search.costs[near]
    zoom.plot(search.weights[near], costs_near, "o", color=c["curve"], markersize=4)
    zoom.plot([best_w], [best_cost], "o", color=c["highlight"], markersize=8)
    label(
        zoom,
        f"best: w = {best_w:.3f}",
        (best_w, best_cost),
        (0, -9),
        ha="center",
        va="top",
        color=c["highlight"],
        fontweight="bold",
    )
    rise = costs_near.max() - costs_near.min()
    zoom.set_ylim(costs_near.min() - 0.55 * rise, costs_near.max() + 0.12 * rise)
    zoom.set_xlim(best_w - 10.5 * spacing, best_w + 10.5 * spacing)
    zoom.set_xticks([])
    zoom.set_yticks([])
    zoom.set_title(
        f"close up: a candidate every {spacing:.4f}",
        fontsize=9.5,
        color=c["muted"],
        loc="center",
        pad=5,
    )
    for spine in zoom.spines.values():
        spine.set_visible(True)
        spine.set_color(c["muted"])
        spine.set_linewidth(0.8)
    zoom.set_facecolor(c["background"])
    ax.indicate_inset_zoom(zoom, edgecolor=c["muted"], alpha=1, linewidth=0.8)


def brute_force_figure(palette: str = "light") -> Figure:
    """The cost of one weight at each of the 1,000 candidates brute force tries.

    The samples merge into a curve where it is flat; a zoom on the bottom shows
    them one by one, and the cheapest of them.
    """
    search = lesson.search()
    with styled(palette) as c:
        fig = Figure(figsize=(WIDTH, 3.6), layout="constrained")
        ax = fig.add_subplot()
        dots(ax, search.weights, search.costs, c["curve"], size=2.2)
        ax.set_xlim(*SEARCH_RANGE)
        ax.set_ylim(0, search.costs.max() * 1.04)
        ax.set_xlabel("weight w")
        ax.set_ylabel("cost C(w)")
        ax.yaxis.set_major_locator(MultipleLocator(5))
        ax.plot(
            [search.best_w], [search.best_cost], "o", color=c["highlight"], markersize=7, zorder=3
        )
        sample = (search.weights[70], search.costs[70])
        label(
            ax,
            f"{count(search.evaluations)} samples",
            sample,
            (10, 0),
            va="center",
            color=c["curve"],
        )
        _close_up(ax, c, search)
    return fig


def network_figure(palette: str = "light") -> Figure:
    """The 4-5-1 house-price network with every one of its weights drawn."""
    xs = [0.0, 1.6, 3.2]
    # Every layer centred, its neurons 0.8 apart.
    layers = [0.8 * (np.arange(n)[::-1] - (n - 1) / 2) for n in LAYERS]
    with styled(palette) as c:
        fig = Figure(figsize=(WIDTH, 3.7), layout="constrained")
        ax = fig.add_subplot()
        ax.set_axis_off()
        for (x0, ys0), (x1, ys1) in pairwise(zip(xs, layers, strict=True)):
            for y0 in ys0:
                for y1 in ys1:
                    ax.plot([x0, x1], [y0, y1], color=c["muted"], linewidth=1.0, zorder=1)
        edge = [c["curve"], c["accent"], c["highlight"]]
        for x, ys, colour in zip(xs, layers, edge, strict=True):
            ax.scatter(
                np.full(len(ys), x),
                ys,
                s=520,
                facecolor=c["background"],
                edgecolor=colour,
                linewidth=2.2,
                zorder=2,
            )
        for y, name in zip(layers[0], INPUTS, strict=True):
            label(ax, name, (xs[0], y), (-18, 0), ha="right", va="center")
        label(ax, "Price", (xs[2], layers[2][0]), (18, 0), ha="left", va="center")
        _network_titles(ax, c, xs, layers, edge)
    return fig


def _network_titles(ax, c, xs, layers, edge):
    """Each layer named above it, the count of weights below, and the view's limits."""
    top = max(ys.max() for ys in layers) + 0.55
    titles = [f"{n} {kind}" for n, kind in zip(LAYERS, _LAYER_KINDS, strict=True)]
    for x, title, colour in zip(xs, titles, edge, strict=True):
        ax.text(x, top, title, ha="center", va="bottom", color=colour, fontweight="bold")
    bottom = min(ys.min() for ys in layers)
    weights = f"{_weight_count()} weights"
    ax.text(xs[1], bottom - 0.5, weights, ha="center", va="top", fontsize=13, color=c["text"])
    ax.set_xlim(-1.55, 3.85)
    ax.set_ylim(bottom - 1.05, top + 0.35)


@functools.cache
def _texts() -> dict[str, Texts]:
    """The texts of this part's figures, by name; every number in them computed."""
    search = lesson.search()
    low, high = SEARCH_RANGE
    n_in, n_hidden, n_out = LAYERS
    return {
        "brute-force": Texts(
            alt=f"The cost C(w) of the one-weight model at {count(search.evaluations)} evenly "
            f"spaced weights from {low:g} to {high:g}: the dots trace a U-shaped curve whose "
            f"lowest sample, marked, is at w = {search.best_w:.3f} with cost "
            f"{search.best_cost:.4f}.",
            caption=f"Brute force on one weight: the cost at each of the {count(CANDIDATES)} "
            f"candidates from {low:g} to {high:g}. Look at the close-up: one dot per "
            f"candidate, {grid_spacing():.4f} apart; the lowest, w = {search.best_w:.3f}, is brute "
            f"force's answer, and it cannot be more precise than that spacing.",
        ),
        "network": Texts(
            alt=f"A network diagram: {n_in} input neurons ({', '.join(INPUTS)}), each "
            f"connected to all {n_hidden} hidden neurons, which all connect to {n_out} output "
            f"neuron, the price; {_weight_count()} weights.",
            caption=f"The house-price network: {n_in} inputs, {n_hidden} hidden neurons, "
            f"{n_out} output. Look at the lines: each is one weight, {_weight_count()} in "
            f"all, and brute force would have to try every setting of all of them.",
        ),
    }


#: This part's figures, in lesson order; their texts made when first read.
SPECS = (
    FigureSpec("brute-force", brute_force_figure, "svg", _texts),
    FigureSpec("network", network_figure, "svg", _texts),
)
