"""Gradient descent on two weights: the contour map and the surface of the
valley, with the zig-zag path (Two weights, Two curvatures)."""

from __future__ import annotations

import functools

import matplotlib
import numpy as np
from matplotlib.colors import LinearSegmentedColormap, PowerNorm
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from gdlesson import choices, lesson
from gdlesson.costs import two_weight_cost
from gdlesson.figures.common import RASTER_DPI, WIDTH, FigureSpec, Texts, label, outcome
from gdlesson.numbers import count, signed
from gdlesson.style import styled

#: The share of the cost above the minimum whose fall the surface's caption counts steps for.
DROP = 0.99


def steps_to_drop(run, lowest: float, share: float) -> int:
    """How many steps ``run`` takes until ``share`` of its cost above ``lowest`` is gone.

    >>> from gdlesson.costs import two_weight_cost
    >>> cost = two_weight_cost()
    >>> steps_to_drop(lesson.two_weight_descent(), cost(cost.minimum()), 0.5)
    2
    """
    above = np.asarray(run.costs) - lowest
    return int(np.argmax(above <= (1 - share) * above[0]))


def _grid_2d():
    """The (w₁, w₂) window the contour map shows, 161 points a side."""
    (w1_low, w1_high), (w2_low, w2_high) = choices.WINDOW_2D
    return np.linspace(w1_low, w1_high, 161), np.linspace(w2_low, w2_high, 161)


def _minimum_star(ax, c, coords, edge_width: float):
    """The minimum, a star in the highlight colour, at ``coords`` (2-D or 3-D)."""
    ax.plot(
        *coords,
        "*",
        color=c["highlight"],
        markersize=15,
        zorder=4,
        markeredgecolor=c["background"],
        markeredgewidth=edge_width,
    )


def _path(ax, c, run):
    """The descent's path over the contours: a line, a dot per step, the start marked."""
    w1, w2 = run.path[:, 0], run.path[:, 1]
    ax.plot(w1, w2, color=c["accent"], linewidth=1.4, zorder=2)
    ax.plot(w1, w2, "o", color=c["accent"], markersize=3.2, zorder=3)
    ax.plot(*run.path[0], "o", color=c["accent"], markersize=8, zorder=4)


def _contour_notes(ax, c, run, w_min):
    """The legend in words, to the right of the map."""
    start = f"start ({signed(choices.START_2D[0], 'g')}, {signed(choices.START_2D[1], 'g')})"
    notes = [
        (f"learning rate η = {lesson.RATE_2D:g}", c["accent"]),
        (outcome(run), c["accent"]),
        ("", None),
        (start, c["accent"]),
        (f"minimum ({signed(w_min[0], '.3f')}, {signed(w_min[1], '.3f')})", c["highlight"]),
        ("", None),
        ("thin lines: equal cost C", c["muted"]),
    ]
    for row, (text, colour) in enumerate(notes):
        label(
            ax,
            text,
            (1.0, 1.0),
            (18, -4 - 19 * row),
            ha="left",
            va="top",
            xycoords="axes fraction",
            color=colour,
        )


def contour_2d_figure(palette: str = "light") -> Figure:
    """Contours of the two-weight cost and the zig-zag path of gradient descent."""
    cost = two_weight_cost()
    run = lesson.two_weight_descent()
    w_min = cost.minimum()
    w1s, w2s = _grid_2d()
    levels = [level for level in choices.LEVELS_2D if level > cost(w_min)]
    with styled(palette) as c:
        box = dict(boxstyle="round,pad=0.15", facecolor=c["background"], edgecolor="none")
        fig = Figure(figsize=(WIDTH, 4.9), layout="constrained")
        ax = fig.add_subplot()
        grid = cost.on_grid(w1s, w2s).T
        lines = ax.contour(w1s, w2s, grid, levels=levels, colors=c["muted"], linewidths=0.9)
        ax.clabel(lines, [v for v in levels if v >= 0.5], fmt="%g", fontsize=8.5, inline_spacing=3)
        _path(ax, c, run)
        label(
            ax,
            "start",
            run.path[0],
            (-8, 0),
            ha="right",
            va="center",
            color=c["accent"],
            fontweight="bold",
            bbox=box,
        )
        _minimum_star(ax, c, w_min, edge_width=0.8)
        label(
            ax,
            "minimum",
            w_min,
            (10, -6),
            ha="left",
            va="top",
            color=c["highlight"],
            fontweight="bold",
            bbox=box,
        )
        _contour_notes(ax, c, run, w_min)
        ax.set_anchor("W")
        ax.set_aspect("equal")
        ax.set_xlim(w1s[0], w1s[-1])
        ax.set_ylim(w2s[0], w2s[-1])
        ax.set_xlabel("w₁ (area)")
        ax.set_ylabel("w₂ (age)")
    return fig


def ring_points(level: float, n: int, turn: float = 0.0) -> np.ndarray:
    """``n`` points spread evenly around the contour ring of the two-weight cost at
    ``level``, as rows (w₁, w₂): the ring is an ellipse around the minimum, with
    half-axes √(2ΔC/λ) along the valley's two axes (ΔC = level − the lowest cost).

    >>> cost = two_weight_cost()
    >>> points = ring_points(2.0, 6)
    >>> [round(cost(w), 12) for w in points] == [2.0] * 6
    True
    """
    cost = two_weight_cost()
    values, axes = cost.axes()
    rise = level - cost(cost.minimum())
    if not rise > 0:
        raise ValueError(f"level must be above the lowest cost, got {level!r}")
    t = turn + 2 * np.pi * np.arange(n) / n
    half = np.sqrt(2 * rise / values)
    return (
        cost.minimum()
        + (half[0] * np.cos(t))[:, None] * axes[:, 0]
        + (half[1] * np.sin(t))[:, None] * axes[:, 1]
    )


def arrow_points() -> np.ndarray:
    """Where the gradient figure draws its arrows: :data:`~choices.ARROWS_PER_RING_2D`
    on each ring of :data:`~choices.ARROW_LEVELS_2D`, each ring's turned by half a
    gap from the last, so that arrows of neighbouring rings do not line up."""
    n = choices.ARROWS_PER_RING_2D
    return np.vstack(
        [
            ring_points(level, n, turn=np.pi * k / n)
            for k, level in enumerate(choices.ARROW_LEVELS_2D)
        ]
    )


#: The length of every arrow of the gradient figure, in weight units (one length for
#: all: the figure shows the gradient's direction, not its size).
ARROW_LENGTH = 0.5


def gradient_arrows_figure(palette: str = "light") -> Figure:
    """−∇C as arrows of one length, each through a point of a contour ring: each
    crosses its ring at a right angle, pointing downhill (equal scales on both axes)."""
    cost = two_weight_cost()
    w_min = cost.minimum()
    points = arrow_points()
    levels = list(choices.ARROW_LEVELS_2D)
    outer = ring_points(levels[-1], 360)
    margin = 0.3
    (x0, y0), (x1, y1) = outer.min(axis=0) - margin, outer.max(axis=0) + margin
    w1s, w2s = np.linspace(x0, x1, 161), np.linspace(y0, y1, 241)
    with styled(palette) as c:
        fig = Figure(figsize=(4.2, 4.9), layout="constrained")
        ax = fig.add_subplot()
        grid = cost.on_grid(w1s, w2s).T
        lines = ax.contour(w1s, w2s, grid, levels=levels, colors=c["muted"], linewidths=0.9)
        n = choices.ARROWS_PER_RING_2D
        spots = [ring_points(v, 1, turn=np.pi * (k + 2.5) / n)[0] for k, v in enumerate(levels)]
        ax.clabel(lines, levels, fmt="%g", fontsize=10, inline_spacing=3, manual=spots)
        for w in points:
            down = -cost.gradient(w)
            half = 0.5 * ARROW_LENGTH * down / np.linalg.norm(down)
            ax.annotate(
                "",
                xy=w + half,
                xytext=w - half,
                arrowprops=dict(
                    arrowstyle="-|>",
                    color=c["accent"],
                    linewidth=1.5,
                    mutation_scale=9,
                    shrinkA=0,
                    shrinkB=0,
                ),
                zorder=3,
            )
        ax.plot(points[:, 0], points[:, 1], "o", color=c["accent"], markersize=3, zorder=4)
        _minimum_star(ax, c, w_min, edge_width=0.8)
        notes = [
            ("arrows: −∇C, downhill,", c["accent"]),
            ("all one length", c["accent"]),
            ("rings: equal cost C", c["muted"]),
        ]
        for row, (text, colour) in enumerate(notes):
            label(
                ax,
                text,
                (1.0, 1.0),
                (0, -17 * row),
                ha="right",
                va="top",
                xycoords="axes fraction",
                color=colour,
                fontsize=10,
            )
        ax.set_aspect("equal")
        ax.set_xlim(x0, x1)
        ax.set_ylim(y0, y1)
        ax.set_xlabel("w₁ (area)")
        ax.set_ylabel("w₂ (age)")
    return fig


def _surface(ax, palette, c):
    """The two-weight cost as a surface, shaded from the curve colour (low) up."""
    cost = two_weight_cost()
    w1s, w2s = np.linspace(-0.2, 3.2, 52), np.linspace(-1.5, 2.2, 52)
    grid = cost.on_grid(w1s, w2s).T
    low, high = (c["curve"], "#e3e7f6") if palette == "light" else ("#283055", c["curve"])
    cmap = LinearSegmentedColormap.from_list("bowl", [low, high])
    norm = PowerNorm(0.5, grid.min(), grid.max())
    ax.plot_surface(
        *np.meshgrid(w1s, w2s),
        grid,
        cmap=cmap,
        norm=norm,
        rstride=1,
        cstride=1,
        linewidth=0,
        antialiased=False,
        zorder=1,
    )


def surface_3d_figure(palette: str = "light") -> Figure:
    """The two-weight cost as a surface, with the descent's path drawn on it (a raster)."""
    cost = two_weight_cost()
    run = lesson.two_weight_descent()
    w_min = cost.minimum()
    lift = 0.1  # the path floats just above the surface, so it is never hidden in it
    with styled(palette) as c:
        # Saved at twice the CSS pixels it is shown at (sharp on high-density
        # screens) as WebP by render(): about 23 KB. Three quarters of the column
        # wide: the 3-D box leaves the rest empty, and on a phone the bowl is larger.
        fig = Figure(figsize=(0.75 * WIDTH, 4.4), dpi=RASTER_DPI, layout="constrained")
        # Grid lines in the background colour, across faint panes.
        with matplotlib.rc_context({"grid.color": c["background"]}):
            ax = fig.add_subplot(projection="3d", computed_zorder=False)
        _surface(ax, palette, c)
        w1, w2, height = run.path[:, 0], run.path[:, 1], run.costs + lift
        ax.plot(
            w1, w2, height, color=c["accent"], linewidth=1.8, marker="o", markersize=3, zorder=3
        )
        ax.plot(w1[:1], w2[:1], height[:1], "o", color=c["accent"], markersize=8, zorder=4)
        _minimum_star(ax, c, ([w_min[0]], [w_min[1]], [cost(w_min) + lift]), edge_width=0.6)
        ax.set_xlabel("w₁ (area)", labelpad=4)
        ax.set_ylabel("w₂ (age)", labelpad=4)
        ax.set_zlabel("cost C", labelpad=2)
        ax.zaxis.set_major_locator(MaxNLocator(4))  # a few ticks: room for each label
        ax.view_init(elev=45, azim=-60)
        ax.set_box_aspect((1, 1.1, 0.75), zoom=1.0)
        for axis in (ax.xaxis, ax.yaxis, ax.zaxis):
            axis.set_pane_color(c["faint"])
            axis.line.set_color(c["muted"])
        ax.tick_params(labelsize=9, colors=c["muted"], pad=1)
    return fig


def arrow_miss_degrees() -> np.ndarray:
    """For each arrow of the gradient figure, the angle in degrees between −∇C and
    the straight way to the minimum."""
    cost = two_weight_cost()
    points = arrow_points()
    down = -np.array([cost.gradient(w) for w in points])
    to_minimum = cost.minimum() - points
    cosines = np.sum(down * to_minimum, axis=1) / (
        np.linalg.norm(down, axis=1) * np.linalg.norm(to_minimum, axis=1)
    )
    return np.degrees(np.arccos(np.clip(cosines, -1, 1)))


def steepness_ratio_on_ring(level: float, n: int = 3600) -> float:
    """How many times longer ∇C is where it is longest on the ring at ``level``
    than where it is shortest (sampled at ``n`` points)."""
    cost = two_weight_cost()
    sizes = [np.linalg.norm(cost.gradient(w)) for w in ring_points(level, n)]
    return float(max(sizes) / min(sizes))


def _arrows_texts() -> Texts:
    """The gradient figure's texts: every number computed."""
    w_min = two_weight_cost().minimum()
    levels = choices.ARROW_LEVELS_2D
    rings = ", ".join(f"{v:g}" for v in levels[:-1]) + f" and {levels[-1]:g}"
    arrows = len(arrow_points())
    miss = arrow_miss_degrees()
    ratio = steepness_ratio_on_ring(levels[len(levels) // 2])
    return Texts(
        alt=f"A contour map of the two-weight cost, drawn with equal scales on both axes: "
        f"{len(levels)} rings, of cost {rings}, around the minimum "
        f"({signed(w_min[0], '.3f')}, {signed(w_min[1], '.3f')}), and {arrows} arrows "
        f"of one length, each through a point of a ring, crossing it at a right angle "
        f"and pointing inward, downhill.",
        caption=f"Look at each arrow, −∇C at its dot: it crosses the ring through the dot "
        f"at a right angle, pointing downhill. Both axes have the same scale, so right "
        f"angles look right. Only the arrows at the rings' ends and sides point straight at "
        f"the minimum; the others miss it, the worst of them by {miss.max():.0f}°. Every arrow "
        f"is drawn one length: the true −∇C is {ratio:.1f} times longer on a ring's steep sides "
        f"than at its ends.",
    )


@functools.cache
def _texts() -> dict[str, Texts]:
    """The texts of this part's figures, by name; every number in them computed."""
    run = lesson.two_weight_descent()
    w_min = two_weight_cost().minimum()
    start = f"({choices.START_2D[0]:g}, {choices.START_2D[1]:g})"
    fast = steps_to_drop(run, two_weight_cost()(w_min), DROP)
    return {
        "contour-2d": Texts(
            alt=f"A contour map of the two-weight cost, a long narrow valley; gradient descent "
            f"from {start} zig-zags across the valley and {outcome(run)} at the minimum "
            f"({signed(w_min[0], '.3f')}, {signed(w_min[1], '.3f')}).",
            caption=f"Two weights: each thin line joins the weights of equal cost, and "
            f"together they draw a long, narrow valley. Look at the path from {start}: at "
            f"η = {run.learning_rate:g} each step overshoots across the valley (the page "
            f"Two curvatures says from which rate on), so it zig-zags, and it {outcome(run)}.",
        ),
        "surface-3d": Texts(
            alt=f"The two-weight cost drawn as a 3-D bowl stretched into a valley, with the "
            f"{count(run.steps)}-step zig-zag path of gradient descent running down its "
            f"surface to the minimum.",
            caption=f"The same cost as a surface: the valley of the contour map, seen from "
            f"above at an angle. Look at the {count(run.steps)} steps: the first {fast} take "
            f"away {DROP:.0%} of the cost above the minimum; the other {run.steps - fast} "
            f"crawl along the nearly flat floor of the valley.",
        ),
        "gradient-arrows": _arrows_texts(),
    }


#: This part's figures, in lesson order; their texts made when first read.
SPECS = (
    FigureSpec("contour-2d", contour_2d_figure, "svg", _texts),
    FigureSpec("surface-3d", surface_3d_figure, "webp", _texts),
    FigureSpec("gradient-arrows", gradient_arrows_figure, "svg", _texts),
)
