"""Gradient descent: the page's numbers, figures, claims and exercises."""

from __future__ import annotations

import functools
import math
from functools import partial

import numpy as np
from matplotlib.figure import Figure

from gdlesson import choices, lesson, valleys
from gdlesson.claim import (
    Claim,
    crossings_1d,
    register,
    require,
    w_star_1d,
    walks,
    zigzags,
)
from gdlesson.costs import one_weight_cost
from gdlesson.drawing import (
    WIDTH,
    FigureSpec,
    Texts,
    balls,
    cost_curve,
    label,
    note,
    outcome,
)
from gdlesson.placeholders import Fact
from gdlesson.style import palette_colours

# --- numbers ----------------------------------------------------------------------------


def _one_weight() -> dict[str, Fact]:
    """The rolling ball and the zig-zag, and the limits 1/L and 2/L they stay under."""
    rolling, zigzag = lesson.rolling_descent(), lesson.zigzag_descent()
    curvature = one_weight_cost().curvature()
    return {
        "start_1d": float(choices.START_1D),
        "rate_1d": f"{choices.RATE_1D:g}",
        "steps_1d": rolling.steps,
        "end_w_1d": f"{rolling.w:.4f}",
        "rate_zigzag_1d": f"{lesson.RATE_ZIGZAG_1D:g}",
        "steps_zigzag_1d": zigzag.steps,
        "curvature_1d": f"{curvature:.2f}",
        "max_rate_1d": f"{2 / curvature:.4f}",
        "half_max_rate_1d": f"{1 / curvature:.4f}",
    }


def _descents() -> dict[str, str]:
    """What the pages' descents print."""
    zigzag, two = lesson.zigzag_descent(), lesson.two_weight_descent()
    return {
        "zigzag_first_5": repr([f"{w:.3f}" for w in zigzag.path[:5]]),
        "end_w_2d_rounded": str(np.round(two.w, 3)),
    }


def _large_nudge() -> dict[str, str]:
    return {"ex_large_nudge": f"{choices.LARGE_NUDGE:g}"}


def facts() -> dict[str, Fact]:
    """The numbers of "Gradient descent", by name."""
    return _one_weight() | _descents() | _large_nudge()


# --- figures ----------------------------------------------------------------------------


def _curve_axes(fig, c, run):
    """Axes in ``fig`` with the cost curve, tall enough for the start of ``run``."""
    ax = fig.add_subplot()
    cost_curve(ax, c, one_weight_cost())
    ax.set_ylim(0, run.costs[0] * 1.3)
    return ax


def descent_1d_figure(fig: Figure, palette: str) -> None:
    """The rolling ball: gradient descent on one weight, every position drawn."""
    run = lesson.rolling_descent()
    c = palette_colours(palette)
    ax = _curve_axes(fig, c, run)
    balls(ax, c, fig, run, label_first=4)
    note(ax, c, f"learning rate η = {choices.RATE_1D:g}\n{outcome(run)}, at w = {run.w:.3f}")


def _hops(ax, c, run, hops: int):
    """An arrow for each of the first ``hops`` steps of ``run``."""
    ws, cs = run.path, run.costs
    arrow = dict(
        arrowstyle="-|>", color=c["accent"], linewidth=1.5, shrinkA=4, shrinkB=4, mutation_scale=12
    )
    for k in range(min(hops, run.steps)):
        ax.annotate(
            "", xy=(ws[k + 1], cs[k + 1]), xytext=(ws[k], cs[k]), arrowprops=arrow, zorder=2
        )


def zigzag_1d_figure(fig: Figure, palette: str) -> None:
    """A larger learning rate: each step jumps past the minimum, to the other side."""
    run = lesson.zigzag_descent()
    w_star = float(one_weight_cost().minimum()[0])
    ws, cs = run.path, run.costs
    c = palette_colours(palette)
    ax = _curve_axes(fig, c, run)
    ax.axvline(w_star, color=c["muted"], linewidth=1, linestyle=(0, (4, 3)), zorder=0)
    label(
        ax,
        "minimum",
        (w_star, 1),
        (-4, -2),
        ha="right",
        va="top",
        xycoords=("data", "axes fraction"),
        color=c["muted"],
        fontsize=9.5,
    )
    _hops(ax, c, run, hops=6)
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
    for k in range(4):
        side = 1 if ws[k] > w_star else -1
        label(
            ax,
            "start" if k == 0 else str(k),
            (ws[k], cs[k]),
            (7 * side, 5),
            ha="left" if side > 0 else "right",
            va="bottom",
            color=c["text"],
            fontsize=10,
        )
    note(ax, c, f"learning rate η = {lesson.RATE_ZIGZAG_1D:g}\n{outcome(run)}", x=0.7)


@functools.cache
def _texts() -> dict[str, Texts]:
    """The texts of this part's figures, by name; every number in them computed."""
    rolling, zigzag, runs = (
        lesson.rolling_descent(),
        lesson.zigzag_descent(),
        lesson.rate_descents(),
    )
    start = f"w = {choices.START_1D:g}"
    rate_list = "; ".join(
        f"{name}, {run.learning_rate:g}, {outcome(run)}" for name, run in runs.items()
    )
    verdicts = ", ".join(f"η = {run.learning_rate:g} {outcome(run)}" for run in runs.values())
    return {
        "descent-1d": Texts(
            alt=f"A ball rolling down the cost curve: starting at {start} with learning rate "
            f"{choices.RATE_1D:g}, its steps shrink as the slope flattens, and it "
            f"{outcome(rolling)} at w = {rolling.w:.3f}, the bottom of the curve.",
            caption=f"Gradient descent from {start} with learning rate η = {choices.RATE_1D:g}, "
            f"one ball per step. Look at the gaps between the balls: long where the curve is "
            f"steep, short where it flattens; it {outcome(rolling)}, at w = {rolling.w:.3f}.",
        ),
        "zigzag-1d": Texts(
            alt=f"With learning rate {lesson.RATE_ZIGZAG_1D:g} each step jumps from one side "
            f"of the minimum to the other, the jumps shrinking; the descent from {start} "
            f"{outcome(zigzag)} at w = {zigzag.w:.3f}.",
            caption=f"The same start with a larger learning rate, "
            f"η = {lesson.RATE_ZIGZAG_1D:g}. Look at the arrows: every step jumps over the "
            f"minimum to the other side, a little less far each time; the descent "
            f"{outcome(zigzag)}, against {rolling.steps} at η = {choices.RATE_1D:g}.",
        ),
        "learning-rates": Texts(
            alt=f"Three descents from {start} side by side: {rate_list}; the last one jumps "
            f"ever higher up the walls and leaves the plot.",
            caption=f"Three learning rates from the same start: {verdicts}. Look at the steps "
            f"of the last: above 2/L = {2 / one_weight_cost().curvature():.4f}, each one "
            f"lands higher up the other wall than the one before.",
        ),
    }


#: The page's figures, in its order.
FIGURES = (
    FigureSpec("descent-1d", descent_1d_figure, "svg", _texts, size=(WIDTH, 3.6)),
    FigureSpec("zigzag-1d", zigzag_1d_figure, "svg", _texts, size=(WIDTH, 3.6)),
)


# --- claims -----------------------------------------------------------------------------

#: What the page says, each sentence with its check.
CLAIMS: list[Claim] = []
claim = partial(register, CLAIMS, "gradient-descent.md")
#: The premises of the page's exercises.
EXERCISE_CLAIMS: list[Claim] = []
exercise = partial(register, EXERCISE_CLAIMS, "gradient-descent.md")


#: One weight, from the lesson's start, at a rate (each rate computed once).
one = lesson.descent_1d


@claim("on our bowl the slope is zero only at the bottom")
def _slope_zero_only_at_the_bottom() -> None:
    cost, w_star = one_weight_cost(), w_star_1d()
    ws = np.linspace(-5, 10, 3001)
    slopes = np.array([cost.gradient(w)[0] for w in ws])
    require(np.all(slopes[ws < w_star - 1e-9] < 0), "a slope left of the minimum is not negative")
    require(np.all(slopes[ws > w_star] > 0), "a slope right of the minimum is not positive")


@claim("the measured slope agrees with the formula to four decimals")
def _measured_slope() -> None:
    cost, start, h = one_weight_cost(), choices.START_1D, 1e-6
    measured = (cost(start + h) - cost(start - h)) / (2 * h)
    formula = cost.gradient(start)[0]
    require(f"{measured:.4f}" == f"{formula:.4f}", f"measured {measured}, formula {formula}")


@claim("the rolling ball walks: it never jumps past the minimum")
def _ball_walks() -> None:
    run = one(choices.RATE_1D)
    require(run.converged and walks(run), f"{run.status}, {crossings_1d(run)} crossings")
    require(math.isclose(run.w, w_star_1d(), rel_tol=0, abs_tol=1e-6), f"it ends at {run.w}")


@claim("the zig-zag rate jumps past the minimum every step, yet arrives")
def _zigzag_arrives() -> None:
    run = one(lesson.RATE_ZIGZAG_1D)
    require(run.converged and zigzags(run), f"{run.status}, {crossings_1d(run)} crossings")


@claim("the zig-zag rate needs more steps than the steady walk")
def _zigzag_is_slower() -> bool:
    return one(lesson.RATE_ZIGZAG_1D).steps > one(choices.RATE_1D).steps


@claim("the faster zig-zag rate zig-zags and arrives sooner than the walk")
def _fast_zigzag() -> None:
    run, walk = one(lesson.RATE_FAST_ZIGZAG_1D), one(choices.RATE_1D)
    require(run.converged and zigzags(run), f"{run.status}, {crossings_1d(run)} crossings")
    require(run.steps < walk.steps, f"{run.steps} steps, the walk {walk.steps}")


@exercise("answer: a large nudge measures the parabola's slope exactly, and the valleys' wrongly")
def _claim_large_nudge() -> bool:
    h, cost, start = choices.LARGE_NUDGE, one_weight_cost(), choices.START_1D
    measured = (cost([start + h]) - cost([start - h])) / (2 * h)
    slope = float(cost.gradient([start])[0])
    exact = abs(measured - slope) < 1e-9 * abs(slope)
    bumpy = valleys.valleys_cost()
    ws = np.array(choices.STARTS_VALLEYS)
    wrong = np.abs((bumpy.on_grid(ws + h) - bumpy.on_grid(ws - h)) / (2 * h) - bumpy.slope(ws))
    return exact and h >= 0.1 * abs(start) and bool(np.all(wrong > 0.1 * np.abs(bumpy.slope(ws))))
