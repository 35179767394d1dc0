"""What every figure shares: the spec of a figure, its width, the lesson's
numbers that several figures quote, and the drawing helpers. The figures
themselves are drawn by the pages' modules (:mod:`gdlesson.pages`).

Every helper draws onto a matplotlib ``Axes`` in the colours ``c`` of a palette
(:func:`gdlesson.style.styled`); none of them uses pyplot.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np
from matplotlib.figure import Figure
from matplotlib.patches import PathPatch
from matplotlib.path import Path
from matplotlib.ticker import FixedLocator, FuncFormatter, NullLocator
from matplotlib.transforms import offset_copy

from gdlesson.choices import SEARCH_RANGE
from gdlesson.network import combinations
from gdlesson.numbers import count, power_of_ten, scientific_text

#: Width of a full-column figure, in inches (about 670 CSS pixels).
WIDTH = 7.0
#: Dots per inch of a raster figure: twice the 96 CSS pixels of an inch, so that it
#: stays sharp on high-density screens.
RASTER_DPI = 192


class Texts(NamedTuple):
    """A figure's alt text (what it shows, for who cannot see it) and its caption
    (what to look at in it). Every number in them is computed."""

    alt: str
    caption: str


@dataclass(frozen=True)
class FigureSpec:
    """One figure of the site: its name, how to draw it, its format ("svg", or
    "webp" for a raster), its texts, made only when first read (``texts()``
    gives those of its page, by figure name: what they quote may take seconds
    to compute, so importing the figures computes nothing), and its size in
    inches, known without drawing it.

    ``draw(fig, palette)`` draws into an empty figure of that size, made by
    :meth:`figure` inside :func:`gdlesson.style.styled` for ``palette``.
    """

    name: str
    draw: Callable[[Figure, str], None]
    format: str
    texts: Callable[[], Mapping[str, Texts]] = field(repr=False, compare=False)
    size: tuple[float, float] = field(kw_only=True)

    def figure(self, palette: str) -> Figure:
        """The figure drawn in ``palette``; call it within ``styled(palette)``, which
        saving it needs too."""
        dpi = RASTER_DPI if self.format == "webp" else None
        fig = Figure(figsize=self.size, dpi=dpi, layout="constrained")
        self.draw(fig, palette)
        return fig

    @property
    def alt(self) -> str:
        return self.texts()[self.name].alt

    @property
    def caption(self) -> str:
        return self.texts()[self.name].caption


# --- numbers that several figures quote -------------------------------------------


def outcome(run) -> str:
    """How a descent ended, in words.

    >>> from gdlesson.costs import QuadraticCost
    >>> from gdlesson.descent import gradient_descent
    >>> cost = QuadraticCost.from_rows([[1.0]], [2.0])
    >>> outcome(gradient_descent(cost, 0.0, 1.0)), outcome(gradient_descent(cost, 0.0, 2.5))
    ('converged in 1 steps', 'diverged after 18 steps')
    """
    if run.converged:
        return f"converged in {count(run.steps)} steps"
    return f"{run.status} after {count(run.steps)} steps"


def combinations_text() -> str:
    """The number of combinations brute force would try, as the figures write it.

    >>> combinations_text()
    '10⁷⁵'
    """
    combos = combinations()
    exponent = len(str(combos)) - 1
    return power_of_ten(exponent) if combos == 10**exponent else scientific_text(combos)


# --- drawing helpers -----------------------------------------------------------------


def label(ax, text, xy, offset, **style):
    """``text`` placed ``offset`` points away from the point ``xy``, in ``style``
    (alignment ``ha`` and ``va``, colour, font, ``xycoords`` ...)."""
    return ax.annotate(text, xy=xy, xytext=offset, textcoords="offset points", **style)


def valley_map_axes(ax, w1s, w2s) -> None:
    """A map of the two-weight valley: square, at the left, over the grid ``w1s``
    by ``w2s``, its axes the two weights."""
    ax.set_anchor("W")
    ax.set_aspect("equal")
    ax.set_xlim(w1s[0], w1s[-1])
    ax.set_ylim(w2s[0], w2s[-1])
    ax.set_xlabel("w₁ (area)")
    ax.set_ylabel("w₂ (age)")


def side_notes(ax, notes) -> None:
    """Each of ``notes``, (text, colour), a line to the right of the axes' top corner."""
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


def dots(ax, x, y, color, size=2.2, **kwargs):
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


def mix(colour: str, background: str, t: float) -> tuple[float, float, float]:
    """``colour`` faded toward ``background``: t = 1 is the colour, t = 0 the background.

    >>> mix("#ff0000", "#ffffff", 0.5)
    (1.0, 0.5, 0.5)
    """
    a = np.array([int(colour[i : i + 2], 16) for i in (1, 3, 5)]) / 255
    b = np.array([int(background[i : i + 2], 16) for i in (1, 3, 5)]) / 255
    return tuple(float(v) for v in np.round(t * a + (1 - t) * b, 4))


def cost_curve(ax, c, cost, low=SEARCH_RANGE[0], high=SEARCH_RANGE[1]):
    """The curve C(w) of the one-weight cost, with labelled axes."""
    ws = np.linspace(low, high, 201)
    ax.plot(ws, cost.on_grid(ws), color=c["curve"], linewidth=2, zorder=1)
    ax.set_xlim(low, high)
    ax.set_ylim(bottom=0)
    ax.set_xlabel("weight w")
    ax.set_ylabel("cost C(w)")


def log_axis(axis, top_exponent: int, every: int):
    """A log axis from 10⁰ with a tick every ``every`` decades, labelled 10ⁿ."""
    exponents = range(0, top_exponent + 1, every)
    axis.set_major_locator(FixedLocator([10.0**e for e in exponents]))
    axis.set_minor_locator(NullLocator())
    axis.set_major_formatter(
        FuncFormatter(lambda v, _: power_of_ten(round(np.log10(v))) if v > 0 else "")
    )


def balls(ax, c, fig, run, label_first: int, size: float = 100):
    """The descent's successive positions as balls sitting on the curve.

    Earlier positions are paler, the last one solid; the first ``label_first``
    carry their step number.
    """
    ws, cs = run.path, run.costs
    radius = np.sqrt(size) / 2
    on_curve = offset_copy(ax.transData, fig=fig, y=radius, units="points")
    colours = [mix(c["accent"], c["background"], t) for t in np.linspace(0.5, 1.0, len(ws))]
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
        step = "start" if k == 0 else str(k)
        label(
            ax,
            step,
            (ws[k], cs[k]),
            (0, radius + 3),
            ha="center",
            va="bottom",
            xycoords=on_curve,
            fontsize=10,
            color=c["text"],
        )


def note(ax, c, text, x=0.5):
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
