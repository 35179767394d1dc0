"""Two weights: the page's numbers, figures, claims and exercises."""

from __future__ import annotations

import functools
import math
from functools import partial

import matplotlib
import numpy as np
from matplotlib.colors import LinearSegmentedColormap, PowerNorm
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from gdlesson import choices, lesson, rates
from gdlesson import compute_budget as budget
from gdlesson.choices import CANDIDATES
from gdlesson.claim import (
    Claim,
    crossings_2d,
    lambdas,
    register,
    require,
)
from gdlesson.costs import one_weight_cost, two_weight_cost
from gdlesson.descent import TOLERANCE
from gdlesson.drawing import (
    WIDTH,
    FigureSpec,
    Texts,
    label,
    outcome,
    side_notes,
    valley_map_axes,
)
from gdlesson.numbers import count, signed, tex_power
from gdlesson.placeholders import Fact
from gdlesson.style import palette_colours

# --- numbers ----------------------------------------------------------------------------


def _pair(w) -> str:
    """A point of two weights as the pages write it: (0.2, 1.6)."""
    return f"({w[0]:g}, {w[1]:g})"


def _two_weights() -> dict[str, Fact]:
    """The two-weight descent of the figure, and its minimum."""
    cost = two_weight_cost()
    return {
        "start_2d": [float(v) for v in choices.START_2D],
        "rate_2d": f"{lesson.RATE_2D:g}",
        "steps_2d": lesson.two_weight_descent().steps,
        "w_star_2d": "({:.3f}, {:.3f})".format(*cost.minimum()),
        "max_rate_2d": f"{2 / cost.curvature():.4f}",
        "grid_2d": tex_power(budget.combinations(CANDIDATES, 2)),
    }


def _evidence() -> dict[str, str]:
    one, two = one_weight_cost(), two_weight_cost()
    w = two.minimum()
    return {
        "lowest_cost_area_2d": f"{one(one.minimum()):.3f}",
        "lowest_cost_both_2d": f"{two(w):.3f}",
        "age_weight_2d": signed(w[1], ".3f"),
        "age_weight_size_2d": f"{abs(w[1]):.3f}",
    }


def toy() -> dict[str, np.ndarray]:
    """The small example: the table, the weights, the errors, and what ``@`` gives."""
    table = np.array(choices.TOY_TABLE)
    weights, errors = np.array(choices.TOY_WEIGHTS), np.array(choices.TOY_ERRORS)
    return {
        "table": table,
        "weights": weights,
        "errors": errors,
        "forward": table @ weights,
        "back": table.T @ errors,
    }


def _tex(x: int) -> str:
    """An integer in TeX, negative ones in brackets as a factor: (-1)."""
    return f"({x})" if x < 0 else str(x)


def _sum_of_products(row, vector, result) -> str:
    r"""One entry of a product worked by hand, in TeX: 1 \cdot 2 + 2 \cdot 1 = 4."""
    terms = " + ".join(f"{_tex(a)} \\cdot {_tex(b)}" for a, b in zip(row, vector, strict=True))
    return f"{terms} = {str(int(result))}"


def _signed_point(values) -> str:
    """A few numbers as the prose writes them: (1, −1)."""
    return "(" + ", ".join(signed(v, "g") for v in values) + ")"


def _toy() -> dict[str, str]:
    t = toy()
    rows, turned = t["table"], t["table"].T
    values = {
        "toy_table_code": repr(t["table"].tolist()),
        "toy_weights_code": repr(t["weights"].tolist()),
        "toy_errors_code": repr(t["errors"].tolist()),
        "toy_forward_out": str(t["forward"]),
        "toy_turned_out": str(turned),
        "toy_back_out": str(t["back"]),
        "toy_weights": _signed_point(t["weights"]),
        "toy_errors": _signed_point(t["errors"]),
        "toy_forward": _signed_point(t["forward"]),
        "toy_back": _signed_point(t["back"]),
    }
    for i, row in enumerate(rows):
        values[f"toy_row_{i + 1}"] = _signed_point(row)
        values[f"toy_forward_{i + 1}_tex"] = _sum_of_products(row, t["weights"], t["forward"][i])
    for i, row in enumerate(turned):
        values[f"toy_turned_row_{i + 1}"] = _signed_point(row)
        values[f"toy_back_{i + 1}_tex"] = _sum_of_products(row, t["errors"], t["back"][i])
    return values


def probe_steps() -> list[tuple[int, np.ndarray]]:
    """The page's small steps from the start: (θ in degrees, Δw), θ measured from the
    gradient, each Δw of length :data:`~choices.PROBE_STEP_2D`, as the page's
    session builds them (turned from the gradient toward its left)."""
    g = two_weight_cost().gradient(choices.START_2D)
    uphill = g / np.linalg.norm(g)
    sideways = np.array([-uphill[1], uphill[0]])
    steps = []
    for degrees in choices.PROBE_ANGLES_2D:
        theta = np.radians(degrees)
        dw = choices.PROBE_STEP_2D * (np.cos(theta) * uphill + np.sin(theta) * sideways)
        steps.append((degrees, dw))
    return steps


def _probe() -> dict[str, str]:
    cost = two_weight_cost()
    start = np.array(choices.START_2D, dtype=float)
    g = cost.gradient(start)
    norm, step = np.linalg.norm(g), choices.PROBE_STEP_2D
    lines = [
        f"{degrees} {cost(start + dw) - cost(start):+.5f} "
        f"{norm * step * np.cos(np.radians(degrees)):+.5f}"
        for degrees, dw in probe_steps()
    ]
    return {
        "probe_step_2d": f"{choices.PROBE_STEP_2D:g}",
        "probe_angles_2d_code": repr(list(choices.PROBE_ANGLES_2D)),
        "probe_lines_2d": "\n".join(lines),
        "gradient_start_2d_out": str(np.round(g, 3)),
        "gradient_start_2d": "({}, {})".format(*(signed(v, ".3f") for v in g)),
        "gradient_norm_start_2d": f"{np.linalg.norm(g):.2f}",
        "probe_best_drop_2d": f"{choices.PROBE_STEP_2D * np.linalg.norm(g):.5f}",
    }


def gradient_parts(w) -> tuple[float, float]:
    """The sizes of the gradient's parts at ``w``: across the valley and along it."""
    cost = two_weight_cost()
    along, across = cost.axes()[1].T
    g = cost.gradient(w)
    return abs(float(g @ across)), abs(float(g @ along))


def grid_spacings() -> tuple[float, float]:
    """The spacing of a grid of CANDIDATES per weight over the contour map's window."""
    return tuple((high - low) / (CANDIDATES - 1) for low, high in choices.WINDOW_2D)


@functools.cache
def grid_best() -> np.ndarray:
    """The best point of that grid: the weights whose cost is lowest (read-only)."""
    cost = two_weight_cost()
    w1, w2 = (np.linspace(low, high, CANDIDATES) for low, high in choices.WINDOW_2D)
    x, y = cost.inputs, cost.targets
    # the cost at every (w₁, w₂) of the grid, one row of w₂ per w₁
    errors = w1[:, None, None] * x[:, 0] + w2[None, :, None] * x[:, 1] - y
    costs = 0.5 * np.sum(errors**2, axis=-1)
    i, j = np.unravel_index(np.argmin(costs), costs.shape)
    best = np.array([w1[i], w2[j]])
    best.setflags(write=False)
    return best


def steps_within(distance: float) -> int:
    """The first step at which the lesson's path is within ``distance`` of the minimum."""
    run = lesson.two_weight_descent()
    gaps = np.linalg.norm(run.path - two_weight_cost().minimum(), axis=1)
    return int(np.argmax(gaps < distance))


def _grid() -> dict[str, str]:
    spacings = grid_spacings()
    steps = steps_within(min(spacings))
    return {
        "grid_spacing_w1_2d": f"{spacings[0]:.4f}",
        "grid_spacing_w2_2d": f"{spacings[1]:.4f}",
        "grid_spacing_2d": f"{min(spacings):.3f}",
        "grid_miss_2d": f"{np.linalg.norm(grid_best() - two_weight_cost().minimum()):.4f}",
        "steps_to_grid_2d": str(steps),
        "passes_to_grid_2d": str(lesson.PASSES_PER_SLOPE * steps),
        "passes_2d": count(lesson.passes(lesson.two_weight_descent())),
    }


def first_step_2d() -> tuple[np.ndarray, float]:
    """Two weights: the first step from the lesson's start, −η∇C, and its angle in
    degrees from the straight way to where the descent ends."""
    two = two_weight_cost()
    start = np.array(choices.START_2D, dtype=float)
    step = -lesson.RATE_2D * two.gradient(start)
    to_end = lesson.two_weight_descent().path[-1] - start
    cosine = step @ to_end / (np.linalg.norm(step) * np.linalg.norm(to_end))
    return step, float(np.degrees(np.arccos(cosine)))


def _first_step() -> dict[str, str]:
    step, degrees = first_step_2d()
    return {"ex_first_step_2d": str(np.round(step, 3)), "ex_first_step_miss_2d": f"{degrees:.0f}"}


def facts() -> dict[str, Fact]:
    """The numbers of "Two weights", by name."""
    return _two_weights() | _grid() | _probe() | _evidence() | _toy() | _first_step()


# --- figures ----------------------------------------------------------------------------


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
    side_notes(ax, notes)


def contour_2d_figure(fig: Figure, palette: str) -> None:
    """Contours of the two-weight cost and the zig-zag path of gradient descent."""
    cost = two_weight_cost()
    run = lesson.two_weight_descent()
    w_min = cost.minimum()
    w1s, w2s = _grid_2d()
    levels = [level for level in choices.LEVELS_2D if level > cost(w_min)]
    c = palette_colours(palette)
    box = dict(boxstyle="round,pad=0.15", facecolor=c["background"], edgecolor="none")
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
    valley_map_axes(ax, w1s, w2s)


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


def gradient_arrows_figure(fig: Figure, palette: str) -> None:
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
    c = palette_colours(palette)
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


def surface_3d_figure(fig: Figure, palette: str) -> None:
    """The two-weight cost as a surface, with the descent's path drawn on it (a raster)."""
    cost = two_weight_cost()
    run = lesson.two_weight_descent()
    w_min = cost.minimum()
    lift = 0.1  # the path floats just above the surface, so it is never hidden in it
    c = palette_colours(palette)
    # Grid lines in the background colour, across faint panes.
    with matplotlib.rc_context({"grid.color": c["background"]}):
        ax = fig.add_subplot(projection="3d", computed_zorder=False)
    _surface(ax, palette, c)
    w1, w2, height = run.path[:, 0], run.path[:, 1], run.costs + lift
    ax.plot(w1, w2, height, color=c["accent"], linewidth=1.8, marker="o", markersize=3, zorder=3)
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


#: The page's figures, in its order.
FIGURES = (
    FigureSpec("contour-2d", contour_2d_figure, "svg", _texts, size=(WIDTH, 4.9)),
    # Saved as WebP at twice the CSS pixels it is shown at (sharp on high-density
    # screens): about 23 KB. Three quarters of the column wide: the 3-D box leaves
    # the rest empty, and on a phone the bowl is larger.
    FigureSpec("surface-3d", surface_3d_figure, "webp", _texts, size=(0.75 * WIDTH, 4.4)),
    FigureSpec("gradient-arrows", gradient_arrows_figure, "svg", _texts, size=(4.2, 4.9)),
)


# --- claims -----------------------------------------------------------------------------

#: What the page says, each sentence with its check.
CLAIMS: list[Claim] = []
claim = partial(register, CLAIMS, "two-weights.md")
#: The premises of the page's exercises.
EXERCISE_CLAIMS: list[Claim] = []
exercise = partial(register, EXERCISE_CLAIMS, "two-weights.md")


#: Two weights, from the lesson's start, at a rate (each rate computed once).
two = lesson.descent_2d


@claim("with age the lowest cost falls; at equal area each decade lowers the price")
def _age_helps() -> None:
    one, two = one_weight_cost(), two_weight_cost()
    lowest = one(one.minimum()), two(two.minimum())
    require(lowest[1] < lowest[0], f"the lowest costs are {lowest}")
    w = two.minimum()
    require(w[1] < 0, f"the best weight for age is {w[1]}")
    # at equal area, one decade older: the prediction falls by |w₂|
    house = two.inputs[0]
    older = house + np.array([0.0, 1.0])
    require(math.isclose(w @ house - w @ older, abs(w[1])), "the drop is not |w₂|")


@claim("the two-weight rate is below 2/L, zig-zags across the valley and converges")
def _lesson_rate_zigzags() -> bool:
    run = two(lesson.RATE_2D)
    limit = 2 / two_weight_cost().curvature()
    return limit > lesson.RATE_2D and run.converged and crossings_2d(run) > 0


@claim("the gradient points mostly across the valley at the start, mostly along it near the floor")
def _steepest_way_turns() -> None:
    cost, run = two_weight_cost(), two(lesson.RATE_2D)
    across = rates.steepest_direction(cost)

    def share_across(w) -> float:
        gradient = cost.gradient(w)
        return abs(gradient @ across) / np.linalg.norm(gradient)

    require(share_across(run.path[0]) > math.sqrt(0.5), "the first step is not mostly across")
    require(share_across(run.path[-1]) < math.sqrt(0.5), "the last step is not mostly along")


@claim("Figure 7: each step of the path overshoots across (its rate is above 1/λ_max)")
def _figure_overshoots() -> None:
    run, high = two(lesson.RATE_2D), lambdas()[1]
    require(1 / high < lesson.RATE_2D, f"the rate is below 1/λ_max = {1 / high}")
    require(
        run.converged and crossings_2d(run) == run.steps > 0,
        f"{run.status}, {crossings_2d(run)} crossings in {run.steps} steps",
    )


@claim("houses @ w is each house's prediction; houses.T @ errors the two slopes")
def _products_in_words() -> None:
    cost = two_weight_cost()
    area, age = cost.inputs.T
    w = np.array(choices.START_2D)
    np.testing.assert_allclose(cost.inputs @ w, w[0] * area + w[1] * age, rtol=1e-15)
    np.testing.assert_array_equal(cost.inputs.T[0], area)
    errors = cost.predict(w) - cost.targets
    slopes = [np.sum(area * errors), np.sum(age * errors)]
    np.testing.assert_allclose(cost.inputs.T @ errors, slopes, rtol=1e-12)
    np.testing.assert_allclose(cost.gradient(w), slopes, rtol=1e-12)


@claim("the small table worked by hand: its rows times the weights, turned times the errors")
def _toy_by_hand() -> None:
    t = toy()
    by_hand = [sum(a * b for a, b in zip(row, t["weights"], strict=True)) for row in t["table"]]
    require(list(t["forward"]) == by_hand, f"{t['forward']} is not {by_hand}")
    columns = [[row[j] for row in t["table"]] for j in range(2)]
    require(t["table"].T.tolist() == columns, "the transpose's rows are not the columns")
    back = [sum(a * e for a, e in zip(col, t["errors"], strict=True)) for col in columns]
    require(list(t["back"]) == back, f"{t['back']} is not {back}")
    values = [*t["table"].ravel(), *t["weights"], *t["errors"]]
    require(all(isinstance(v, int | np.integer) and abs(v) < 10 for v in values), "small integers")


@claim("against the gradient the cost falls fastest; at 90° it barely moves")
def _steepest_way_down() -> None:
    cost = two_weight_cost()
    start = np.array(choices.START_2D, dtype=float)
    g, step = cost.gradient(start), choices.PROBE_STEP_2D
    changes = {deg: cost(start + dw) - cost(start) for deg, dw in probe_steps()}
    require(min(changes, key=changes.get) == 180, f"the largest drop is not at 180°: {changes}")
    require(abs(changes[90]) < 0.5e-5, f"at 90° the cost moves by {changes[90]}")
    # among all directions, not only the page's five: the largest drop is against ∇C
    angles = np.radians(np.arange(0, 360, 0.1))
    circle = step * np.column_stack([np.cos(angles), np.sin(angles)])
    drops = [cost(start + dw) - cost(start) for dw in circle]
    best = circle[int(np.argmin(drops))]
    miss = np.degrees(np.arccos(-best @ g / (np.linalg.norm(best) * np.linalg.norm(g))))
    require(miss < 0.2, f"the largest drop is {miss:.2f}° away from −∇C")
    guess = -step * np.linalg.norm(g)
    require(abs(changes[180] - guess) < 1.5e-5, f"the largest drop {changes[180]} is not {guess}")


@claim("ΔC ≈ ‖∇C‖‖Δw‖cos θ: the columns differ at most in the last decimal, ΔC above")
def _linear_guess() -> None:
    cost = two_weight_cost()
    start = np.array(choices.START_2D, dtype=float)
    g, step = cost.gradient(start), choices.PROBE_STEP_2D
    for degrees, dw in probe_steps():
        change = cost(start + dw) - cost(start)
        guess = np.linalg.norm(g) * step * np.cos(np.radians(degrees))
        np.testing.assert_allclose(g @ dw, guess, atol=1e-15)  # the dot product, with θ
        shown = abs(round(change * 1e5) - round(guess * 1e5))
        require(shown <= 1, f"at {degrees}° the columns differ by {shown} in the last decimal")
        require(change >= guess - 1e-15, f"at {degrees}° the cost is below the guess")


@claim("the gradient is at right angles to the ring through its point and points downhill")
def _gradient_across_rings() -> None:
    cost = two_weight_cost()
    n = choices.ARROWS_PER_RING_2D
    for k, level in enumerate(choices.ARROW_LEVELS_2D):
        for j in range(n):
            t = np.pi * k / n + 2 * np.pi * j / n
            w, before, after = (ring_points(level, 1, turn=t + d)[0] for d in (0, -1e-6, 1e-6))
            for p in (w, before, after):  # the three points are on the ring
                require(math.isclose(cost(p), level, rel_tol=1e-12), f"{p} is off the ring")
            tangent, g = after - before, cost.gradient(w)
            cosine = tangent @ g / (np.linalg.norm(tangent) * np.linalg.norm(g))
            require(abs(cosine) < 1e-6, f"at {w} the gradient meets the ring at cos {cosine}")
            require(cost(w - 1e-4 * g / np.linalg.norm(g)) < level, f"−∇C at {w} is not downhill")
    drawn = arrow_points()
    require(len(drawn) == n * len(choices.ARROW_LEVELS_2D), "the figure draws other points")


@claim("Figure: only the arrows at the rings' ends and sides point at the minimum")
def _arrows_miss_the_minimum() -> None:
    miss = arrow_miss_degrees()
    n = choices.ARROWS_PER_RING_2D
    turns = [
        np.pi * k / n + 2 * np.pi * j / n
        for k in range(len(choices.ARROW_LEVELS_2D))
        for j in range(n)
    ]
    on_axis = np.isclose(np.mod(turns, np.pi / 2), 0, atol=1e-9) | np.isclose(
        np.mod(turns, np.pi / 2), np.pi / 2, atol=1e-9
    )
    require(on_axis.any() and not on_axis.all(), "the arrows are all on the axes, or none")
    require(np.all(miss[on_axis] < 1e-3), f"an arrow on an axis misses by {miss[on_axis].max()}°")
    require(np.all(miss[~on_axis] > 1), f"an arrow off the axes points at the minimum: {miss}")


@claim("on a ring, −∇C is √(λmax/λmin) times longer on the sides than at the ends")
def _steeper_on_the_sides() -> None:
    cost = two_weight_cost()
    low, high = lambdas()
    level = choices.ARROW_LEVELS_2D[1]
    ratio = steepness_ratio_on_ring(level)
    require(math.isclose(ratio, math.sqrt(high / low), rel_tol=1e-4), f"the ratio is {ratio}")
    end, side = (ring_points(level, 1, turn=t)[0] for t in (0, np.pi / 2))
    sizes = [np.linalg.norm(cost.gradient(w)) for w in (end, side)]
    require(math.isclose(sizes[1] / sizes[0], ratio, rel_tol=1e-4), "not at the sides and ends")


@claim("the grid's best point is within its spacing; descent gets as close in fewer passes")
def _grid_against_descent() -> None:
    cost, run = two_weight_cost(), two(lesson.RATE_2D)
    spacing = min(grid_spacings())
    miss = np.linalg.norm(grid_best() - cost.minimum())
    require(miss < spacing, f"the grid's best is {miss} from the minimum")
    # "about" the spacing: the shown 3-decimal value rounds both spacings
    require(round(max(grid_spacings()), 3) == round(spacing, 3), "spacings differ")
    steps = steps_within(spacing)
    gaps = np.linalg.norm(run.path - cost.minimum(), axis=1)
    require(gaps[steps] < spacing and np.all(gaps[:steps] >= spacing), "not the first step")
    require(0 < steps < run.steps, f"{steps} of {run.steps}")
    require(lesson.PASSES_PER_SLOPE * steps < CANDIDATES**2 / 1000, "not far fewer passes")
    # run on to the stop, far closer than the grid
    require(gaps[-1] < spacing / 1000, f"the end is {gaps[-1]} from the minimum")
    require(np.linalg.norm(cost.gradient(run.w)) < TOLERANCE, "the stop is not the gradient")


@exercise(
    "answer: the first step misses the straight way to the minimum by tens of degrees, "
    "mostly across the valley"
)
def _first_step_misses() -> bool:
    _, degrees = first_step_2d()
    across, along = gradient_parts(choices.START_2D)
    return degrees >= 20 and across > along
