"""Every figure of the lesson, one function each, in both palettes.

Each ``*_figure(palette)`` function draws one figure from the numbers of
gdlesson and returns a :class:`matplotlib.figure.Figure`; no pyplot, so no
global figure state. :data:`FIGURES` lists them in lesson order with their
alt text, and :func:`render` turns one into bytes, the same bytes every time:

>>> [spec.name for spec in FIGURES][:3]
['brute-force', 'network', 'compute-budget']
>>> output_name(FIGURES[0], "dark")
'brute-force-dark.svg'
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

import matplotlib
import numpy as np
from matplotlib.colors import LinearSegmentedColormap, PowerNorm
from matplotlib.figure import Figure
from matplotlib.patches import PathPatch
from matplotlib.path import Path
from matplotlib.ticker import FixedLocator, FuncFormatter, MultipleLocator, NullLocator
from matplotlib.transforms import offset_copy
from PIL import Image

from gdlesson import compute_budget as budget
from gdlesson import lesson
from gdlesson.brute_force import CANDIDATES, SEARCH_RANGE, brute_force
from gdlesson.costs import one_weight_cost, two_weight_cost
from gdlesson.descent import gradient_descent
from gdlesson.network import INPUTS, LAYERS, trained_by_descent, weight_count
from gdlesson.style import palette_colours, styled
from gdlesson.valleys_figures import valleys_specs

#: Width of a full-column figure, in inches (about 670 CSS pixels).
WIDTH = 7.0

_SUPERSCRIPTS = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


# --- numbers the figures share -------------------------------------------------


def power_of_ten(exponent: int) -> str:
    """10 to an integer power, written with superscripts.

    >>> power_of_ten(75), power_of_ten(-3)
    ('10⁷⁵', '10⁻³')
    """
    return "10" + str(int(exponent)).translate(_SUPERSCRIPTS)


def scientific(x, digits: int = 3) -> str:
    """``x`` to ``digits`` significant digits, as plain text: 3.41×10⁵⁰.

    Numbers from 1 to 9,999 are written out in full.

    >>> scientific(3.4095e50), scientific(1.38e10), scientific(1331, 4)
    ('3.41×10⁵⁰', '1.38×10¹⁰', '1,331')
    """
    x = float(x)
    if 1 <= x < 10_000 and digits >= len(str(int(x))):
        return f"{round(x):,}"
    mantissa, exponent = f"{x:.{digits - 1}e}".split("e")
    return f"{mantissa}×{power_of_ten(int(exponent))}"


def _count(n: int) -> str:
    """An integer with thousands separators: 1,331."""
    return f"{n:,}"


def _signed(x: float, spec: str) -> str:
    """``x`` formatted with ``spec``, with a true minus sign as on the axes.

    >>> _signed(-0.515, ".3f")
    '−0.515'
    """
    return format(float(x), spec).replace("-", "−")


@cache
def _search():
    """Brute force over the one-weight cost, as the lesson runs it."""
    return brute_force(one_weight_cost(), *SEARCH_RANGE, CANDIDATES)


@cache
def _descent_1d(rate: float):
    """The one-weight descent from the lesson's start at ``rate``."""
    return gradient_descent(one_weight_cost(), lesson.START_1D, rate)


@cache
def _descent_2d():
    """The two-weight descent from the lesson's start."""
    return gradient_descent(two_weight_cost(), lesson.START_2D, lesson.RATE_2D)


def _weight_sum() -> str:
    """How the weights add up, layer by layer: "4×5 + 5×1"."""
    return " + ".join(f"{a}×{b}" for a, b in pairwise(LAYERS))


def _combinations() -> int:
    """How many settings of the network's weights brute force would try."""
    return budget.combinations(CANDIDATES, weight_count())


def _combinations_text() -> str:
    """The number of combinations brute force would try: 10⁷⁵."""
    combos = _combinations()
    exponent = len(str(combos)) - 1
    return power_of_ten(exponent) if combos == 10**exponent else scientific(combos)


def _years(machine) -> float:
    """Years brute force would take on ``machine``, at one setting per operation."""
    return float(budget.years_needed(_combinations(), machine.rmax_flops))


def _outcome(run) -> str:
    """ "converged in 7 steps", "diverged after 29 steps"."""
    if run.converged:
        return f"converged in {_count(run.steps)} steps"
    return f"{run.status} after {_count(run.steps)} steps"


# --- drawing helpers ------------------------------------------------------------


def _dots(ax, x, y, color, size=2.2, **kwargs):
    """Many small dots as one SVG path of zero-length round-capped strokes.

    A marker per point would cost about 100 bytes each in SVG; ``M x y L x y``
    costs less than half of that, and looks the same.
    """
    points = np.repeat(np.column_stack([x, y]), 2, axis=0)
    codes = np.tile([Path.MOVETO, Path.LINETO], len(x))
    path = Path(points, codes)
    path.should_simplify = False  # simplifying would drop the zero-length strokes
    patch = PathPatch(path, fill=False, edgecolor=color, linewidth=size, capstyle="round", **kwargs)
    ax.add_patch(patch)
    return patch


def _mix(colour: str, background: str, t: float) -> tuple[float, float, float]:
    """``colour`` faded toward ``background``: t = 1 is the colour, t = 0 the background."""
    a = np.array([int(colour[i : i + 2], 16) for i in (1, 3, 5)]) / 255
    b = np.array([int(background[i : i + 2], 16) for i in (1, 3, 5)]) / 255
    return tuple(float(v) for v in np.round(t * a + (1 - t) * b, 4))


def _cost_curve(ax, c, cost, low=SEARCH_RANGE[0], high=SEARCH_RANGE[1]):
    """The curve C(w) of the one-weight cost, with labelled axes."""
    ws = np.linspace(low, high, 201)
    ax.plot(ws, cost.on_grid(ws), color=c["curve"], linewidth=2, zorder=1)
    ax.set_xlim(low, high)
    ax.set_ylim(bottom=0)
    ax.set_xlabel("weight w")
    ax.set_ylabel("cost C(w)")


def _log_axis(axis, top_exponent: int, every: int):
    """A log axis from 10⁰ with a tick every ``every`` decades, labelled 10ⁿ."""
    exponents = range(0, top_exponent + 1, every)
    axis.set_major_locator(FixedLocator([10.0**e for e in exponents]))
    axis.set_minor_locator(NullLocator())
    axis.set_major_formatter(
        FuncFormatter(lambda v, _: power_of_ten(round(np.log10(v))) if v > 0 else "")
    )


# --- the figures, in lesson order -------------------------------------------------


def brute_force_figure(palette: str = "light") -> Figure:
    """The cost of one weight at each of the 1,000 candidates brute force tries.

    The samples merge into a curve where it is flat; a zoom on the bottom shows
    them one by one, and the cheapest of them.
    """
    search = _search()
    best_w, best_cost = search.best_w, search.best_cost
    spacing = (SEARCH_RANGE[1] - SEARCH_RANGE[0]) / (CANDIDATES - 1)
    with styled(palette) as c:
        fig = Figure(figsize=(WIDTH, 3.6), layout="constrained")
        ax = fig.add_subplot()
        _dots(ax, search.weights, search.costs, c["curve"], size=2.2)
        ax.set_xlim(*SEARCH_RANGE)
        ax.set_ylim(0, search.costs.max() * 1.04)
        ax.set_xlabel("weight w")
        ax.set_ylabel("cost C(w)")
        ax.yaxis.set_major_locator(MultipleLocator(5))
        ax.plot([best_w], [best_cost], "o", color=c["highlight"], markersize=7, zorder=3)
        ax.annotate(
            f"{_count(search.evaluations)} samples",
            xy=(search.weights[70], search.costs[70]),
            xytext=(10, 0),
            textcoords="offset points",
            color=c["curve"],
            va="center",
        )

        # The bottom of the curve, close up: one dot per candidate.
        zoom = ax.inset_axes([0.34, 0.36, 0.32, 0.56])
        near = np.abs(search.weights - best_w) <= 9.5 * spacing
        costs_near = search.costs[near]
        zoom.plot(search.weights[near], costs_near, "o", color=c["curve"], markersize=4)
        zoom.plot([best_w], [best_cost], "o", color=c["highlight"], markersize=8)
        zoom.annotate(
            f"best: w = {best_w:.3f}",
            xy=(best_w, best_cost),
            xytext=(0, -9),
            textcoords="offset points",
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
    return fig


def network_figure(palette: str = "light") -> Figure:
    """The 4-5-1 house-price network with every one of its weights drawn."""
    n_in, n_hidden, n_out = LAYERS
    terms = _weight_sum()
    with styled(palette) as c:
        fig = Figure(figsize=(WIDTH, 3.7), layout="constrained")
        ax = fig.add_subplot()
        ax.set_axis_off()
        xs = [0.0, 1.6, 3.2]
        # Every layer centred, its neurons 0.8 apart.
        layers = [0.8 * (np.arange(n)[::-1] - (n - 1) / 2) for n in LAYERS]
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
            ax.annotate(
                name,
                xy=(xs[0], y),
                xytext=(-18, 0),
                textcoords="offset points",
                ha="right",
                va="center",
            )
        ax.annotate(
            "Price",
            xy=(xs[2], layers[2][0]),
            xytext=(18, 0),
            textcoords="offset points",
            ha="left",
            va="center",
        )
        top = max(ys.max() for ys in layers) + 0.55
        titles = [f"{n_in} inputs", f"{n_hidden} hidden neurons", f"{n_out} output"]
        for x, title, colour in zip(xs, titles, edge, strict=True):
            ax.text(x, top, title, ha="center", va="bottom", color=colour, fontweight="bold")
        bottom = min(ys.min() for ys in layers)
        ax.text(
            xs[1],
            bottom - 0.5,
            f"{terms} = {weight_count()} weights",
            ha="center",
            va="top",
            fontsize=13,
            color=c["text"],
        )
        ax.set_xlim(-1.55, 3.85)
        ax.set_ylim(bottom - 1.05, top + 0.35)
    return fig


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
            ax.text(
                value / 10**0.6,
                row,
                f"{scientific(value)} years",
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
        _log_axis(ax.xaxis, top, 10)
        ax.axvline(age, color=c["highlight"], linewidth=2, zorder=3)
        ax.annotate(
            f"age of the universe: {scientific(age)} years",
            xy=(age, -0.5),
            xytext=(6, 2),
            textcoords="offset points",
            color=c["highlight"],
            fontweight="bold",
            va="bottom",
            annotation_clip=False,
        )
        ax.set_ylim(len(machines) - 0.5, -0.75)
        ax.set_xlabel(f"years to try all {_combinations_text()} combinations (log scale)")
        ax.spines["left"].set_visible(False)
    return fig


def _balls(ax, c, fig, run, label_first: int, size: float = 100):
    """The descent's successive positions as balls sitting on the curve.

    Earlier positions are paler, the last one solid; the first ``label_first``
    carry their step number.
    """
    ws, cs = run.path, run.costs
    radius = np.sqrt(size) / 2
    on_curve = offset_copy(ax.transData, fig=fig, y=radius, units="points")
    colours = [_mix(c["accent"], c["background"], t) for t in np.linspace(0.5, 1.0, len(ws))]
    ax.scatter(
        ws,
        cs,
        s=size,
        c=colours,
        edgecolors=c["background"],
        linewidths=1,
        transform=on_curve,
        zorder=3,
    )
    for k in range(min(label_first, len(ws))):
        ax.annotate(
            "start" if k == 0 else str(k),
            xy=(ws[k], cs[k]),
            xycoords=on_curve,
            xytext=(0, radius + 3),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontsize=10,
            color=c["text"],
        )


def _note(ax, c, text, x=0.5):
    """A short note at the top of the axes, centred on ``x``, in the descent's colour."""
    ax.text(
        x,
        0.97,
        text,
        transform=ax.transAxes,
        ha="center",
        va="top",
        color=c["accent"],
        linespacing=1.5,
    )


def descent_1d_figure(palette: str = "light") -> Figure:
    """The rolling ball: gradient descent on one weight, every position drawn."""
    run = _descent_1d(lesson.RATE_1D)
    cost = one_weight_cost()
    with styled(palette) as c:
        fig = Figure(figsize=(WIDTH, 3.6), layout="constrained")
        ax = fig.add_subplot()
        _cost_curve(ax, c, cost)
        ax.set_ylim(0, run.costs[0] * 1.3)
        _balls(ax, c, fig, run, label_first=4)
        _note(ax, c, f"learning rate η = {lesson.RATE_1D:g}\n{_outcome(run)}, at w = {run.w:.3f}")
    return fig


def zigzag_1d_figure(palette: str = "light") -> Figure:
    """A larger learning rate: each step jumps past the minimum, to the other side."""
    run = _descent_1d(lesson.RATE_ZIGZAG_1D)
    cost = one_weight_cost()
    w_star = float(cost.minimum()[0])
    hops, labelled = 6, 4
    with styled(palette) as c:
        fig = Figure(figsize=(WIDTH, 3.6), layout="constrained")
        ax = fig.add_subplot()
        _cost_curve(ax, c, cost)
        ax.set_ylim(0, run.costs[0] * 1.3)
        ax.axvline(w_star, color=c["muted"], linewidth=1, linestyle=(0, (4, 3)), zorder=0)
        ax.annotate(
            "minimum",
            xy=(w_star, 1),
            xycoords=("data", "axes fraction"),
            xytext=(-4, -2),
            textcoords="offset points",
            ha="right",
            va="top",
            color=c["muted"],
            fontsize=9.5,
        )
        ws, cs = run.path, run.costs
        for k in range(min(hops, run.steps)):
            ax.annotate(
                "",
                xy=(ws[k + 1], cs[k + 1]),
                xytext=(ws[k], cs[k]),
                arrowprops=dict(
                    arrowstyle="-|>",
                    color=c["accent"],
                    linewidth=1.5,
                    shrinkA=4,
                    shrinkB=4,
                    mutation_scale=12,
                ),
                zorder=2,
            )
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
        for k in range(labelled):
            side = 1 if ws[k] > w_star else -1
            ax.annotate(
                "start" if k == 0 else str(k),
                xy=(ws[k], cs[k]),
                xytext=(7 * side, 5),
                textcoords="offset points",
                ha="left" if side > 0 else "right",
                va="bottom",
                color=c["text"],
                fontsize=10,
            )
        _note(ax, c, f"learning rate η = {lesson.RATE_ZIGZAG_1D:g}\n{_outcome(run)}", x=0.7)
    return fig


def learning_rates_figure(palette: str = "light") -> Figure:
    """Too small, just right, too large: the same descent at three learning rates."""
    cost = one_weight_cost()
    low, high = SEARCH_RANGE
    ceiling = cost.on_grid(np.array(SEARCH_RANGE)).max() * 1.1
    with styled(palette) as c:
        fig = Figure(figsize=(WIDTH, 3.1), layout="constrained")
        axes = fig.subplots(1, len(lesson.RATES_1D), sharey=True)
        for ax, (label, rate) in zip(axes, lesson.RATES_1D.items(), strict=True):
            run = _descent_1d(rate)
            colour = c["diverge"] if run.diverged else c["accent"]
            ws = np.linspace(low, high, 161)
            ax.plot(ws, cost.on_grid(ws), color=c["curve"], linewidth=1.8, zorder=1)
            ax.plot(run.path, run.costs, color=colour, linewidth=1.2, zorder=2)
            _dots(ax, run.path, run.costs, colour, size=5.5, zorder=3)
            ax.plot([run.path[0]], [run.costs[0]], "o", color=colour, markersize=7, zorder=4)
            ax.set_xlim(low, high)
            ax.set_ylim(0, ceiling)
            ax.set_title(
                f"{label}: η = {rate:g}\n{_outcome(run)}",
                color=c["diverge"] if run.diverged else c["text"],
                fontsize=10.5,
                linespacing=1.4,
            )
            ax.set_xlabel("weight w")
            ax.set_xticks(np.arange(low, high + 1e-9, 1.0))
            if run.diverged:
                ax.text(
                    0.1,
                    0.98,
                    f"leaves the chart;\nC reaches {scientific(run.costs[-1], 2)}",
                    transform=ax.transAxes,
                    ha="left",
                    va="top",
                    color=c["diverge"],
                    fontsize=9,
                    linespacing=1.3,
                )
        axes[0].set_ylabel("cost C(w)")
    return fig


def _grid_2d():
    """The (w₁, w₂) window the two-weight figures show."""
    return np.linspace(-0.4, 3.4, 161), np.linspace(-1.9, 2.3, 161)


def contour_2d_figure(palette: str = "light") -> Figure:
    """Contours of the two-weight cost and the zig-zag path of gradient descent."""
    cost = two_weight_cost()
    run = _descent_2d()
    w_min = cost.minimum()
    c_min = cost(w_min)
    w1s, w2s = _grid_2d()
    grid = cost.on_grid(w1s, w2s)
    levels = [level for level in (0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 40) if level > c_min]
    with styled(palette) as c:
        label_box = dict(boxstyle="round,pad=0.15", facecolor=c["background"], edgecolor="none")
        fig = Figure(figsize=(WIDTH, 4.9), layout="constrained")
        ax = fig.add_subplot()
        lines = ax.contour(w1s, w2s, grid.T, levels=levels, colors=c["muted"], linewidths=0.9)
        ax.clabel(lines, [v for v in levels if v >= 0.5], fmt="%g", fontsize=8.5, inline_spacing=3)
        ax.plot(run.path[:, 0], run.path[:, 1], color=c["accent"], linewidth=1.4, zorder=2)
        ax.plot(run.path[:, 0], run.path[:, 1], "o", color=c["accent"], markersize=3.2, zorder=3)
        ax.plot(*run.path[0], "o", color=c["accent"], markersize=8, zorder=4)
        ax.annotate(
            "start",
            xy=run.path[0],
            xytext=(-8, 0),
            textcoords="offset points",
            ha="right",
            va="center",
            color=c["accent"],
            fontweight="bold",
            bbox=label_box,
        )
        ax.plot(
            *w_min,
            "*",
            color=c["highlight"],
            markersize=15,
            zorder=4,
            markeredgecolor=c["background"],
            markeredgewidth=0.8,
        )
        ax.annotate(
            "minimum",
            xy=w_min,
            xytext=(10, -6),
            textcoords="offset points",
            ha="left",
            va="top",
            color=c["highlight"],
            fontweight="bold",
            bbox=label_box,
        )
        notes = [
            (f"learning rate η = {lesson.RATE_2D:g}", c["accent"]),
            (_outcome(run), c["accent"]),
            ("", None),
            (
                f"start ({_signed(lesson.START_2D[0], 'g')}, {_signed(lesson.START_2D[1], 'g')})",
                c["accent"],
            ),
            (f"minimum ({_signed(w_min[0], '.3f')}, {_signed(w_min[1], '.3f')})", c["highlight"]),
            ("", None),
            ("thin lines: equal cost C", c["muted"]),
        ]
        for row, (text, colour) in enumerate(notes):
            ax.annotate(
                text,
                xy=(1.0, 1.0),
                xycoords="axes fraction",
                xytext=(18, -4 - 19 * row),
                textcoords="offset points",
                ha="left",
                va="top",
                color=colour,
            )
        ax.set_anchor("W")
        ax.set_aspect("equal")
        ax.set_xlim(w1s[0], w1s[-1])
        ax.set_ylim(w2s[0], w2s[-1])
        ax.set_xlabel("w₁ (area)")
        ax.set_ylabel("w₂ (age)")
    return fig


def surface_3d_figure(palette: str = "light") -> Figure:
    """The two-weight cost as a surface, with the descent's path drawn on it (PNG)."""
    cost = two_weight_cost()
    run = _descent_2d()
    w_min = cost.minimum()
    w1s, w2s = np.linspace(-0.2, 3.2, 52), np.linspace(-1.5, 2.2, 52)
    grid = cost.on_grid(w1s, w2s).T
    W1, W2 = np.meshgrid(w1s, w2s)
    with styled(palette) as c:
        low, high = (c["curve"], "#e3e7f6") if palette == "light" else ("#283055", c["curve"])
        cmap = LinearSegmentedColormap.from_list("bowl", [low, high])
        # Saved at this dpi (sharp on high-density screens), then reduced to
        # 256 colours by render(): about 55 KB.
        fig = Figure(figsize=(WIDTH, 4.4), dpi=150, layout="constrained")
        # Grid lines in the background colour, across faint panes.
        with matplotlib.rc_context({"grid.color": c["background"]}):
            ax = fig.add_subplot(projection="3d", computed_zorder=False)
        ax.plot_surface(
            W1,
            W2,
            grid,
            cmap=cmap,
            norm=PowerNorm(0.5, grid.min(), grid.max()),
            rstride=1,
            cstride=1,
            linewidth=0,
            antialiased=False,
            zorder=1,
        )
        lift = 0.1
        ax.plot(
            run.path[:, 0],
            run.path[:, 1],
            run.costs + lift,
            color=c["accent"],
            linewidth=1.8,
            marker="o",
            markersize=3,
            zorder=3,
        )
        ax.plot(
            [run.path[0, 0]],
            [run.path[0, 1]],
            [run.costs[0] + lift],
            "o",
            color=c["accent"],
            markersize=8,
            zorder=4,
        )
        ax.plot(
            [w_min[0]],
            [w_min[1]],
            [cost(w_min) + lift],
            "*",
            color=c["highlight"],
            markersize=15,
            zorder=4,
            markeredgecolor=c["background"],
            markeredgewidth=0.6,
        )
        ax.set_xlabel("w₁ (area)", labelpad=4)
        ax.set_ylabel("w₂ (age)", labelpad=4)
        ax.set_zlabel("cost C", labelpad=2)
        ax.view_init(elev=45, azim=-60)
        ax.set_box_aspect((1, 1.1, 0.75), zoom=1.0)
        for axis in (ax.xaxis, ax.yaxis, ax.zaxis):
            axis.set_pane_color(c["faint"])
            axis.line.set_color(c["muted"])
        ax.tick_params(labelsize=9, colors=c["muted"], pad=1)
    return fig


def why_it_wins_figure(palette: str = "light") -> Figure:
    """Brute force against gradient descent, for 1 weight and for 25 (log scale)."""
    one_step = _descent_1d(lesson.RATES_1D["just right"]).steps
    net = trained_by_descent().steps
    combos = _combinations()
    rows = [
        ("1 weight", "brute force", CANDIDATES, f"{_count(CANDIDATES)} evaluations"),
        ("1 weight", "gradient descent", one_step, f"{_count(one_step)} steps"),
        (
            f"{weight_count()} weights",
            "brute force",
            combos,
            f"{_combinations_text()} combinations",
        ),
        (f"{weight_count()} weights", "gradient descent", net, f"{_count(net)} steps"),
    ]
    top = len(str(combos)) + 15
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
        _log_axis(ax.xaxis, top, 10)
        ax.set_xlabel("cost evaluations or descent steps (log scale)")
        ax.spines["left"].set_visible(False)
    return fig


# --- the registry, and turning figures into files --------------------------------


@dataclass(frozen=True)
class FigureSpec:
    """One figure of the site: its name, how to draw it, its alt text, its format."""

    name: str
    draw: Callable[[str], Figure]
    alt: str
    format: str  # "svg" or "png"


def _specs() -> tuple[FigureSpec, ...]:
    """The registry, with alt texts whose every number is computed."""
    search = _search()
    rolling = _descent_1d(lesson.RATE_1D)
    zigzag = _descent_1d(lesson.RATE_ZIGZAG_1D)
    rates = {label: _descent_1d(rate) for label, rate in lesson.RATES_1D.items()}
    two = _descent_2d()
    w2 = two_weight_cost().minimum()
    net = trained_by_descent()
    n_in, n_hidden, n_out = LAYERS
    years = [_years(m) for m in budget.MACHINES]
    fastest = budget.MACHINES[int(np.argmin(years))]
    slowest = budget.MACHINES[int(np.argmax(years))]
    rate_list = "; ".join(
        f"{label}, {lesson.RATES_1D[label]:g}, {_outcome(run)}" for label, run in rates.items()
    )
    return (
        FigureSpec(
            "brute-force",
            brute_force_figure,
            f"The cost C(w) of the one-weight model at {_count(search.evaluations)} evenly "
            f"spaced weights from {SEARCH_RANGE[0]:g} to {SEARCH_RANGE[1]:g}: the dots trace a "
            f"U-shaped curve whose lowest sample, marked, is at w = {search.best_w:.3f} "
            f"with cost {search.best_cost:.4f}.",
            "svg",
        ),
        FigureSpec(
            "network",
            network_figure,
            f"A network diagram: {n_in} input neurons ({', '.join(INPUTS)}), each connected "
            f"to all {n_hidden} hidden neurons, which all connect to {n_out} output neuron, "
            f"the price; {_weight_sum()} = {weight_count()} weights.",
            "svg",
        ),
        FigureSpec(
            "compute-budget",
            compute_budget_figure,
            f"Bars on a log scale: trying {_combinations_text()} combinations "
            f"would take from {scientific(min(years))} years on {fastest.name} to "
            f"{scientific(max(years))} years on {slowest.name}, against an age of the "
            f"universe of {scientific(budget.AGE_OF_UNIVERSE_YEARS)} years.",
            "svg",
        ),
        FigureSpec(
            "descent-1d",
            descent_1d_figure,
            f"A ball rolling down the cost curve: starting at w = {lesson.START_1D:g} with "
            f"learning rate {lesson.RATE_1D:g}, its steps shrink as the slope flattens, and "
            f"it {_outcome(rolling)} at w = {rolling.w:.3f}, the bottom of the curve.",
            "svg",
        ),
        FigureSpec(
            "zigzag-1d",
            zigzag_1d_figure,
            f"With learning rate {lesson.RATE_ZIGZAG_1D:g} each step jumps from one side of "
            f"the minimum to the other, the jumps shrinking; the descent from "
            f"w = {lesson.START_1D:g} {_outcome(zigzag)} at w = {zigzag.w:.3f}.",
            "svg",
        ),
        FigureSpec(
            "learning-rates",
            learning_rates_figure,
            f"Three descents from w = {lesson.START_1D:g} side by side: {rate_list}; the "
            f"last one jumps ever higher up the walls and leaves the plot.",
            "svg",
        ),
        FigureSpec(
            "contour-2d",
            contour_2d_figure,
            f"A contour map of the two-weight cost, a long narrow valley; gradient descent "
            f"from ({lesson.START_2D[0]:g}, {lesson.START_2D[1]:g}) zig-zags across the valley "
            f"and {_outcome(two)} at the minimum ({w2[0]:.3f}, {w2[1]:.3f}).",
            "svg",
        ),
        FigureSpec(
            "surface-3d",
            surface_3d_figure,
            f"The two-weight cost drawn as a 3-D bowl stretched into a valley, with the "
            f"{_count(two.steps)}-step zig-zag path of gradient descent running down its "
            f"surface to the minimum.",
            "png",
        ),
        FigureSpec(
            "why-it-wins",
            why_it_wins_figure,
            f"Bars on a log scale: for 1 weight, {_count(CANDIDATES)} brute-force evaluations "
            f"against {_count(rates['just right'].steps)} descent steps; for {weight_count()} "
            f"weights, {_combinations_text()} combinations against "
            f"{_count(net.steps)} descent steps.",
            "svg",
        ),
    )


#: The figures in lesson order.
FIGURES: tuple[FigureSpec, ...] = _specs() + valleys_specs()

#: The palettes each figure is rendered in.
PALETTES = ("light", "dark")


def output_name(spec: FigureSpec, palette: str) -> str:
    """The file name of ``spec`` in ``palette``.

    >>> [output_name(spec, "light") for spec in FIGURES if spec.format == "png"]
    ['surface-3d-light.png']
    """
    palette_colours(palette)
    return f"{spec.name}-{palette}.{spec.format}"


def _palette_png(png: bytes, keep) -> bytes:
    """``png`` reduced to 256 colours, keeping the colours ``keep`` exact.

    A smooth 3-D surface saved as true-colour PNG is large; 256 colours look
    the same and take a third of the bytes. The palette's own colours are put in
    the 256 so that small marks (the minimum's star) keep their colour.
    """
    image = Image.open(io.BytesIO(png)).convert("RGB")
    exact = [tuple(int(c[i : i + 2], 16) for i in (1, 3, 5)) for c in keep]
    adaptive = image.quantize(
        256 - len(exact), method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE
    )
    colours = adaptive.getpalette()[: 3 * (256 - len(exact))]
    table = np.array(colours + [v for rgb in exact for v in rgb], dtype=np.int32).reshape(-1, 3)
    # Each distinct colour of the image goes to its nearest palette entry
    # (Pillow's own mapping is approximate, and would miss the exact ones).
    pixels = np.asarray(image, dtype=np.int32)
    packed = (pixels[..., 0] << 16) | (pixels[..., 1] << 8) | pixels[..., 2]
    distinct, where = np.unique(packed.ravel(), return_inverse=True)
    rgb = np.stack([distinct >> 16, (distinct >> 8) & 255, distinct & 255], axis=1)
    nearest = np.argmin(((rgb[:, None, :] - table[None, :, :]) ** 2).sum(axis=-1), axis=1)
    reduced = Image.fromarray(nearest[where].astype(np.uint8).reshape(packed.shape), "P")
    reduced.putpalette(table.astype(np.uint8).ravel().tolist())
    out = io.BytesIO()
    reduced.save(out, format="PNG", optimize=True)
    return out.getvalue()


def render(spec: FigureSpec, palette: str) -> bytes:
    """``spec`` drawn in ``palette``, as SVG or PNG bytes; the same bytes on every call."""
    palette_colours(palette)
    with styled(palette):
        fig = spec.draw(palette)
        buffer = io.BytesIO()
        if spec.format == "svg":
            fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
        elif spec.format == "png":
            fig.savefig(buffer, format="png", dpi="figure", metadata={"Software": None})
            buffer = io.BytesIO(_palette_png(buffer.getvalue(), palette_colours(palette).values()))
        else:
            raise ValueError(f"format must be 'svg' or 'png', got {spec.format!r}")
    fig.clear()
    return buffer.getvalue()


def render_all(names=None) -> dict[str, bytes]:
    """Every figure (or those ``names``) in both palettes, keyed by file name."""
    specs = FIGURES if names is None else [spec for spec in FIGURES if spec.name in set(names)]
    return {
        output_name(spec, palette): render(spec, palette) for spec in specs for palette in PALETTES
    }
