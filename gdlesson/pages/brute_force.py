"""Brute force: the page's numbers, figures, claims and exercises."""

from __future__ import annotations

import functools
from functools import partial
from itertools import pairwise

import numpy as np
from matplotlib.figure import Figure
from matplotlib.ticker import MultipleLocator

from gdlesson import choices, lesson
from gdlesson.brute_force import brute_force, grid_spacing
from gdlesson.choices import CANDIDATES, LAYERS, SEARCH_RANGE
from gdlesson.claim import (
    Claim,
    register,
    w_star_1d,
)
from gdlesson.costs import one_weight_cost
from gdlesson.drawing import WIDTH, FigureSpec, Texts, dots, label
from gdlesson.network import INPUTS, weight_count
from gdlesson.numbers import count
from gdlesson.pages import recap as recap_page
from gdlesson.placeholders import Fact
from gdlesson.style import palette_colours

# --- what the exercises derive from the data -----------------------------------------


def nearest_candidate(low: float, high: float, count: int, w: float) -> float:
    """The candidate of ``np.linspace(low, high, count)`` nearest to ``w``.

    >>> nearest_candidate(0.0, 4.0, 5, 2.3)
    2.0
    """
    candidates = np.linspace(low, high, count)
    return float(candidates[np.argmin(np.abs(candidates - w))])


# --- numbers ----------------------------------------------------------------------------


def _search() -> dict[str, Fact]:
    """Brute force over one weight, and the minimum it looks for."""
    search = lesson.search()
    low, high = SEARCH_RANGE
    return {
        "candidates": CANDIDATES,
        "search_low": f"{low:g}",
        "search_high": f"{high:g}",
        "best_w": f"{search.best_w:.3f}",
        "best_cost": f"{search.best_cost:.4f}",
        "w_star": f"{one_weight_cost().minimum()[0]:.4f}",
        "grid_spacing": f"{grid_spacing():.4f}",
    }


def _brute_force() -> dict[str, str]:
    """Brute force: how far the grid misses the minimum, with 1,000 and with fewer candidates."""
    few = brute_force(one_weight_cost(), *SEARCH_RANGE, choices.FEW_CANDIDATES)
    return {
        "ex_gaps": str(CANDIDATES - 1),
        "ex_half_spacing": f"{grid_spacing() / 2:.4f}",
        "ex_grid_spacing_exact": f"{grid_spacing():.6f}",
        "ex_grid_miss": f"{abs(lesson.search().best_w - recap_page._w_star()):.4f}",
        "ex_candidates_few": str(choices.FEW_CANDIDATES),
        "ex_few_ratio": f"{CANDIDATES / choices.FEW_CANDIDATES:g}",
        "ex_grid_spacing_few": f"{grid_spacing(choices.FEW_CANDIDATES):.4f}",
        "ex_best_w_few": f"{few.best_w:.3f}",
        "ex_best_cost_few": f"{few.best_cost:.4f}",
        "ex_grid_miss_few": f"{abs(few.best_w - recap_page._w_star()):.4f}",
    }


def facts() -> dict[str, Fact]:
    """The numbers of "Brute force", by name."""
    return _search() | _brute_force()


# --- figures ----------------------------------------------------------------------------


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


def brute_force_figure(fig: Figure, palette: str) -> None:
    """The cost of one weight at each of the 1,000 candidates brute force tries.

    The samples merge into a curve where it is flat; a zoom on the bottom shows
    them one by one, and the cheapest of them.
    """
    search = lesson.search()
    c = palette_colours(palette)
    ax = fig.add_subplot()
    dots(ax, search.weights, search.costs, c["curve"], size=2.2)
    ax.set_xlim(*SEARCH_RANGE)
    ax.set_ylim(0, search.costs.max() * 1.04)
    ax.set_xlabel("weight w")
    ax.set_ylabel("cost C(w)")
    ax.yaxis.set_major_locator(MultipleLocator(5))
    ax.plot([search.best_w], [search.best_cost], "o", color=c["highlight"], markersize=7, zorder=3)
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


#: The page's figures, in its order.
FIGURES = (FigureSpec("brute-force", brute_force_figure, "svg", _texts, size=(WIDTH, 3.6)),)


# --- claims -----------------------------------------------------------------------------

#: What the page says, each sentence with its check.
CLAIMS: list[Claim] = []
claim = partial(register, CLAIMS, "brute-force.md")
#: The premises of the page's exercises.
EXERCISE_CLAIMS: list[Claim] = []
exercise = partial(register, EXERCISE_CLAIMS, "brute-force.md")


@claim("the best candidate lies within one grid spacing of the true minimum")
def _brute_force_within_one_step() -> bool:
    return abs(lesson.search().best_w - one_weight_cost().minimum()[0]) <= grid_spacing()


def _nearest_is_best(count: int) -> bool:
    """Brute force with ``count`` candidates keeps the one nearest the minimum,
    within half a grid spacing of it."""
    w_star = w_star_1d()
    search = brute_force(one_weight_cost(), *SEARCH_RANGE, count)
    nearest = nearest_candidate(*SEARCH_RANGE, count, w_star)
    return search.best_w == nearest and abs(nearest - w_star) <= grid_spacing(count) / 2


@exercise("exercise: with 1,000 or 100 candidates, the best is the nearest, within half a spacing")
def _nearest_of_both_grids() -> bool:
    return _nearest_is_best(CANDIDATES) and _nearest_is_best(choices.FEW_CANDIDATES)
