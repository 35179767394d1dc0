"""The curse of dimensionality: the page's numbers, figures, claims and exercises."""

from __future__ import annotations

from functools import partial
from itertools import pairwise

import numpy as np
from matplotlib.figure import Figure

from gdlesson import choices, lesson
from gdlesson import compute_budget as budget
from gdlesson.brute_force import grid_spacing
from gdlesson.choices import CANDIDATES, LAYERS
from gdlesson.claim import Claim, register, require
from gdlesson.costs import two_weight_cost
from gdlesson.descent import TOLERANCE
from gdlesson.drawing import WIDTH, FigureSpec, label
from gdlesson.network import INPUTS, bias_count, combinations, weight_count
from gdlesson.numbers import digit_facts, tex_power
from gdlesson.pages import brute_force as brute_force_page
from gdlesson.style import palette_colours

# --- numbers ----------------------------------------------------------------------------


def _network_size() -> dict[str, str]:
    """The network's layers and weights, and the combinations brute force would try."""
    n_in, n_hidden, n_out = LAYERS
    return {
        "inputs": str(n_in),
        "hidden": str(n_hidden),
        "outputs": str(n_out),
        "weights": str(weight_count()),
        "biases": str(bias_count()),
        "weights_and_biases": str(weight_count() + bias_count()),
        "combinations": tex_power(combinations()),
    }


def _one_at_a_time() -> dict[str, str]:
    """The two weights of "Two weights" tuned one at a time: once, and round after round."""
    cost = two_weight_cost()
    best, once = cost(cost.minimum()), cost(lesson.one_at_a_time()[0])
    return {
        "tuned_once_cost": f"{once:.2f}",
        "tuned_once_ratio": f"{once / best:.0f}",
        "best_cost_2d": f"{best:.2f}",
        "tuning_rounds": str(len(lesson.one_at_a_time())),
    }


def _dimensions() -> dict[str, str]:
    """The curse of dimensionality and why it wins: wider networks, and biases."""
    wider, wide = weight_count(choices.WIDER_LAYERS), weight_count(choices.WIDE_LAYERS)
    return digit_facts("ex_wider", CANDIDATES**wider) | {
        "ex_wider_layers_list": repr(list(choices.WIDER_LAYERS)),
        "ex_wider_hidden": str(choices.WIDER_LAYERS[1]),
        "ex_wider_weights": str(wider),
        "ex_wider_factor": tex_power(CANDIDATES ** (wider - weight_count())),
        "ex_combinations_with_biases": tex_power(CANDIDATES ** (weight_count() + bias_count())),
        "ex_wide_layers_list": repr(list(choices.WIDE_LAYERS)),
        "ex_wide_weights": str(wide),
        "ex_wide_exponent": str(len(str(CANDIDATES**wide)) - 1),
        "ex_wide_combinations": tex_power(budget.combinations(CANDIDATES, wide)),
    }


def facts() -> dict[str, str]:
    """The numbers of "The curse of dimensionality", by name."""
    return _one_at_a_time() | _network_size() | _dimensions()


# --- figures ----------------------------------------------------------------------------


#: What the network's layers are, input to output.
_LAYER_KINDS = ("inputs", "hidden neurons", "output")


def network_figure(fig: Figure, palette: str) -> None:
    """The 4-5-1 house-price network with every one of its weights drawn."""
    xs = [0.0, 1.6, 3.2]
    # Every layer centred, its neurons 0.8 apart.
    layers = [0.8 * (np.arange(n)[::-1] - (n - 1) / 2) for n in LAYERS]
    c = palette_colours(palette)
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


def _network_titles(ax, c, xs, layers, edge):
    """Each layer named above it, the count of weights below, and the view's limits."""
    top = max(ys.max() for ys in layers) + 0.55
    titles = [f"{n} {kind}" for n, kind in zip(LAYERS, _LAYER_KINDS, strict=True)]
    for x, title, colour in zip(xs, titles, edge, strict=True):
        ax.text(x, top, title, ha="center", va="bottom", color=colour, fontweight="bold")
    bottom = min(ys.min() for ys in layers)
    weights = f"{brute_force_page._weight_count()} weights"
    ax.text(xs[1], bottom - 0.5, weights, ha="center", va="top", fontsize=13, color=c["text"])
    ax.set_xlim(-1.55, 3.85)
    ax.set_ylim(bottom - 1.05, top + 0.35)


#: The page's figures, in its order.
FIGURES = (
    FigureSpec("network", network_figure, "svg", brute_force_page._texts, size=(WIDTH, 3.7)),
)


# --- claims -----------------------------------------------------------------------------

#: What the page says, each sentence with its check.
CLAIMS: list[Claim] = []
claim = partial(register, CLAIMS, "curse-of-dimensionality.md")


@claim(
    "tuning each of two weights once leaves the first off its best and the cost "
    "several times the best; round after round closes in, in several rounds"
)
def _claim_one_at_a_time() -> None:
    cost, rounds = two_weight_cost(), lesson.one_at_a_time()
    once = rounds[0]
    moved = abs(cost.best_along(once, 0)[0] - once[0])
    require(moved > grid_spacing(), f"after one round w₁ is only {moved} off its best")
    best = cost(cost.minimum())
    require(cost(once) > 2 * best, f"one round costs {cost(once)}, the best {best}")
    costs = [cost(w) for w in rounds]
    require(all(a > b for a, b in zip(costs, costs[1:], strict=False)), "a round did not help")
    slope = np.linalg.norm(cost.gradient(rounds[-1]))
    require(len(rounds) >= 5 and slope < TOLERANCE, f"{len(rounds)} rounds, slope {slope}")
    # another start, or the other order, ends elsewhere, and not at the best either
    for start, order in (((0.0, 0.0), (0, 1)), (choices.START_2D, (1, 0))):
        w = start
        for i in order:
            w = cost.best_along(w, i)
        elsewhere, above = abs(cost(w) - cost(once)) > 1e-3, cost(w) - best > 1e-3
        require(elsewhere and above, f"one round from {start} in order {order}: {cost(w)}")
