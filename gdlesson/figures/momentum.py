"""Momentum on the two-weight valley: the heavy ball's path against plain descent's
(page "Momentum")."""

from __future__ import annotations

import functools

from matplotlib.figure import Figure

from gdlesson import choices, lesson, momentum
from gdlesson.costs import two_weight_cost
from gdlesson.figures.common import WIDTH, FigureSpec, Texts, dots, label, outcome
from gdlesson.figures.two_weights import _grid_2d, _minimum_star
from gdlesson.numbers import count, signed
from gdlesson.style import styled


def plain_run():
    """Plain descent at its best fixed rate, 2/(λ_min + λ_max) to two digits."""
    return lesson.descent_2d(lesson.RATES_CHOOSING["good"])


def heavy_ball_run():
    """The heavy ball at the lesson's η and β (η*, β* to two digits)."""
    return lesson.momentum_2d(lesson.RATE_MOMENTUM, lesson.BETA_MOMENTUM)


def momentum_paths_figure(palette: str = "light") -> Figure:
    """The contour map of two weights with both paths from the lesson's start."""
    cost = two_weight_cost()
    plain, ball = plain_run(), heavy_ball_run()
    w_min = cost.minimum()
    # A coarser grid than the figure of Two weights: the page carries a playground too.
    w1s, w2s = (axis[::2] for axis in _grid_2d())
    levels = [level for level in choices.LEVELS_2D if level > cost(w_min)]
    with styled(palette) as c:
        fig = Figure(figsize=(WIDTH, 4.9), layout="constrained")
        ax = fig.add_subplot()
        grid = cost.on_grid(w1s, w2s).T
        lines = ax.contour(w1s, w2s, grid, levels=levels, colors=c["muted"], linewidths=0.9)
        ax.clabel(lines, [v for v in levels if v >= 0.5], fmt="%g", fontsize=8.5, inline_spacing=3)
        for run, colour, style in ((plain, c["curve"], "--"), (ball, c["accent"], "-")):
            ax.plot(run.path[:, 0], run.path[:, 1], style, color=colour, linewidth=1.4, zorder=2)
            dots(ax, run.path[:, 0], run.path[:, 1], colour, size=5, zorder=3)
        ax.plot(*ball.path[0], "o", color=c["text"], markersize=8, zorder=4)
        _minimum_star(ax, c, w_min, edge_width=0.8)
        notes = [
            (f"plain, η = {plain.learning_rate:g}", c["curve"]),
            (f"dashed: {count(plain.steps)} steps", c["curve"]),
            ("", None),
            ("heavy ball,", c["accent"]),
            (f"η = {ball.learning_rate:g}, β = {ball.beta:g}", c["accent"]),
            (f"solid: {count(ball.steps)} steps", c["accent"]),
            ("", None),
            (
                f"start ({signed(choices.START_2D[0], 'g')}, {signed(choices.START_2D[1], 'g')})",
                c["text"],
            ),
            (f"minimum ({signed(w_min[0], '.3f')}, {signed(w_min[1], '.3f')})", c["highlight"]),
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
        ax.set_anchor("W")
        ax.set_aspect("equal")
        ax.set_xlim(w1s[0], w1s[-1])
        ax.set_ylim(w2s[0], w2s[-1])
        ax.set_xlabel("w₁ (area)")
        ax.set_ylabel("w₂ (age)")
    return fig


@functools.cache
def _texts() -> dict[str, Texts]:
    """The texts of this part's figure, by name; every number in them computed."""
    plain, ball = plain_run(), heavy_ball_run()
    start = f"({choices.START_2D[0]:g}, {choices.START_2D[1]:g})"
    low, high = (float(v) for v in two_weight_cost().curvatures())
    swinging = [
        where
        for where, lam in (("across", high), ("along", low))
        if momentum.swings(ball.learning_rate, ball.beta, lam)
    ]
    return {
        "momentum-paths": Texts(
            alt=f"The contour map of the two-weight valley with two paths from {start}: plain "
            f"descent at η = {plain.learning_rate:g} zig-zags across the valley and "
            f"{outcome(plain)}; the heavy ball at η = {ball.learning_rate:g}, "
            f"β = {ball.beta:g} swings {' and '.join(swinging)} the valley and {outcome(ball)}.",
            caption=f"Two descents from {start}. Look at where the dots bunch up: the dashed "
            f"path of plain descent, at its best rate, {outcome(plain)}; the solid path of "
            f"the heavy ball {outcome(ball)}.",
        ),
    }


#: This part's figures, in lesson order; their texts made when first read.
SPECS = (FigureSpec("momentum-paths", momentum_paths_figure, "svg", _texts),)
