"""Many valleys: the page's numbers, figures, claims and exercises."""

from __future__ import annotations

import functools
import itertools
from functools import partial
from itertools import combinations as pairs

import numpy as np
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter

from gdlesson import choices, lesson, valleys
from gdlesson import network as net
from gdlesson.choices import LAYERS
from gdlesson.claim import Claim, bottoms_and_hump, register, require
from gdlesson.costs import one_weight_cost, two_weight_cost
from gdlesson.descent import DEFAULT_MAX_STEPS, TOLERANCE
from gdlesson.drawing import WIDTH, FigureSpec, Texts, dots
from gdlesson.network import (
    curvatures,
    lined_up,
    network_cost,
    run_on,
    stop_report,
    symmetric_copies,
    trained_by_descent,
    trained_from,
    trained_from_starts,
)
from gdlesson.numbers import (
    count,
    power_of_ten,
    rounded_down,
    rounded_up,
    signed,
    tex_count,
)
from gdlesson.pages import why_it_wins as why_it_wins_page
from gdlesson.placeholders import Fact
from gdlesson.relabelling import distance_up_to_relabelling, every_copy
from gdlesson.style import palette_colours
from gdlesson.valleys import descents, ending, flat_from, turning_points, valleys_cost

# --- what the exercises derive from the data -----------------------------------------


def curvature_at(slope, w: float, h: float = 1e-5) -> float:
    """How fast ``slope`` changes at ``w`` (the curvature L there): a central difference.

    Near the bottom of a valley the cost is close to a bowl of that curvature,
    so a learning rate above 2/L overshoots it further at every step.

    >>> round(curvature_at(lambda w: 3 * (w - 1) ** 2, 1.0), 6)  # slope of (w - 1)³
    0.0
    >>> round(curvature_at(lambda w: 9.11 * (w - 2), 2.0), 6)
    9.11
    """
    return float((slope(w + h) - slope(w - h)) / (2 * h))


# --- numbers ----------------------------------------------------------------------------


def _copies() -> dict[str, str]:
    """The hidden neurons' swaps and sign flips: the same cost at every copy."""
    n_hidden = LAYERS[1]
    return {
        "hidden_orders": str(np.prod(range(1, n_hidden + 1))),
        "hidden_flips": str(2**n_hidden),
        "symmetric_copies": tex_count(symmetric_copies()),
        "symmetric_copies_text": count(symmetric_copies()),
    }


def _starts() -> dict[str, str]:
    """The network trained again from random starts: where each run stopped."""
    runs = trained_from_starts()
    start_costs = [run.costs[0] for run in runs]
    end_costs = [run.costs[-1] for run in runs]
    steps = [run.steps for run in runs]
    closest = min(distance_up_to_relabelling(a, b) for a, b in pairs([r.w for r in runs], 2))
    return {
        "network_starts": str(len(runs)),
        "network_start_cost_low": f"{min(start_costs):.0f}",
        "network_start_cost_high": f"{max(start_costs):.0f}",
        "network_stop_cost_low": f"{min(end_costs):.3f}",
        "network_stop_cost_high": f"{max(end_costs):.3f}",
        "network_steps_low": count(min(steps)),
        "network_steps_high": count(max(steps)),
        # rounded down: "no two are closer than" it
        "network_closest_ends": rounded_down(closest, 2),
    }


def _recipe() -> dict[str, Fact]:
    """How the made-up houses and the starts are made, and how the stops are measured."""
    return {
        "house_seed": str(choices.HOUSE_SEED),
        "price_area": f"{choices.PRICE_AREA:g}",
        "price_bedrooms": f"{choices.PRICE_BEDROOMS:g}",
        "price_distance": f"{choices.PRICE_DISTANCE:g}",
        "price_age": f"{choices.PRICE_AGE:g}",
        "price_noise": f"{choices.PRICE_NOISE:g}",
        "start_scale": f"{choices.START_SCALE:g}",
        "network_seeds_code": repr(list(choices.NETWORK_SEEDS)),
        "network_seed_first": str(choices.NETWORK_SEEDS[0]),
        "network_seed_last": str(choices.NETWORK_SEEDS[-1]),
        "network_max_steps": choices.MAX_STEPS_NETWORK,
        "curvature_step": net.CURVATURE_STEP,
        "downward_curvature": choices.DOWNWARD_CURVATURE,
    }


def _stops() -> dict[str, str]:
    """Where each start stopped, and how many ways the cost still curves down there."""
    reports = {seed: stop_report(seed) for seed in choices.NETWORK_SEEDS}
    lines = [
        f"start {seed}: {steps:4} steps, cost {cost:.3f}, curving down: {down}"
        for seed, (steps, cost, down, _) in reports.items()
    ]
    downward = [down for _, _, down, _ in reports.values() if down]
    upward = [seed for seed, (_, _, down, _) in reports.items() if not down]
    return {
        "network_stops_printout": "\n".join(lines),
        "network_stops_downward": str(len(downward)),
        "network_downward_low": str(min(downward, default=0)),
        "network_downward_high": str(max(downward, default=0)),
        "network_upward_starts": ", ".join(map(str, upward)),
    }


def valley_formula(cost: valleys.ValleysCost) -> str:
    """The two-valley cost in TeX.

    >>> valley_formula(valleys.valleys_cost())
    'C(w) = 1 - 0.6\\\\,e^{-(w + 1.5)^2} - 0.9\\\\,e^{-2(w - 1)^2}'
    """
    terms = []
    for depth, centre, sharpness in cost.valleys:
        shift = f"w - {centre:g}" if centre > 0 else f"w + {-centre:g}"
        k = "" if sharpness == 1 else f"{sharpness:g}"
        terms.append(f" - {depth:g}\\,e^{{-{k}({shift})^2}}")
    return "C(w) = 1" + "".join(terms)


def _valleys() -> dict[str, str]:
    """The two-valley cost, its turning points, and where its slope is flat."""
    cost = valleys.valleys_cost()
    points = valleys.turning_points(cost)
    bottoms = [w for w, kind in points if kind == "valley"]
    hump = next(w for w, kind in points if kind == "hump")
    return {
        "valleys_code": repr([tuple(v) for v in cost.valleys]),
        "valleys_formula": valley_formula(cost),
        "left_valley_w": f"{bottoms[0]:.3f}",
        "left_valley_cost": f"{cost(bottoms[0]):.3f}",
        "right_valley_w": f"{bottoms[-1]:.3f}",
        "right_valley_cost": f"{cost(bottoms[-1]):.3f}",
        "hump_w": f"{hump:.3f}",
        # rounded up: "from 3.85 on the slope is below 10⁻⁶"
        "flat_from": rounded_up(valleys.flat_from(cost), 2),
    }


def _descents() -> dict[str, str]:
    """The lesson's descents on the two-valley cost: where each ended, and how slowly."""
    runs = valleys.descents()
    lines = [
        f"from {run.path[0]:4}: w = {run.path[-1]:6.3f}, cost {run.costs[-1]:.3f}, "
        f"{run.steps} steps"
        for run in runs
    ]
    crawling = [run for run in runs if valleys.ending(run) == "elsewhere"]
    slowest = max(
        (run for run in runs if valleys.ending(run).startswith("valley")), key=lambda r: r.steps
    )
    return {
        "valley_starts_code": repr(list(choices.STARTS_VALLEYS)),
        "valley_starts_count": str(len(choices.STARTS_VALLEYS)),
        "rate_valleys": f"{choices.RATE_VALLEYS:g}",
        "valleys_printout": "\n".join(lines),
        "slowest_valley_start": f"{slowest.path[0]:g}",
        "slowest_valley_steps": count(slowest.steps),
        "crawl_start": f"{crawling[0].path[0]:g}",
        "crawl_end": f"{crawling[0].w:.3f}",
        "max_steps": count(DEFAULT_MAX_STEPS),
    }


def _exercise_answers() -> dict[str, Fact]:
    """Many valleys: a larger rate on the flat stretch, one too large for the narrow valley."""
    cost = valleys.valleys_cost()
    left, right = (w for w, kind in valleys.turning_points(cost) if kind == "valley")
    flat = valleys.descents(choices.STARTS_VALLEYS_FLAT, choices.RATE_VALLEYS_FLAT)
    large = valleys.descent(choices.START_VALLEYS_LARGE, choices.RATE_VALLEYS_LARGE)
    curvature = {
        side: curvature_at(cost.slope, w) for side, w in (("left", left), ("right", right))
    }
    return {
        "ex_rate_valleys_flat": f"{choices.RATE_VALLEYS_FLAT:g}",
        "ex_flat_starts_code": repr(list(choices.STARTS_VALLEYS_FLAT)),
        "ex_crawl_start": f"{choices.STARTS_VALLEYS_FLAT[0]:g}",
        "ex_flat_start": f"{choices.STARTS_VALLEYS_FLAT[-1]:g}",
        "ex_flat_steps": count(flat[0].steps),
        # one fact a line: the answers' sessions are indented, and a fact is not
        **{
            f"ex_flat_line_{i}": f"from {run.path[0]}: w = {run.w:.3f}, {run.steps} steps"
            for i, run in enumerate(flat)
        },
        "ex_large_start": float(choices.START_VALLEYS_LARGE),
        "ex_rate_valleys_large": f"{choices.RATE_VALLEYS_LARGE:g}",
        "ex_large_points_count": str(choices.POINTS_VALLEYS_LARGE),
        "ex_large_points": str(np.round(large.path[: choices.POINTS_VALLEYS_LARGE], 2)),
        "ex_large_end": f"w = {large.w:.3f}, cost {large.costs[-1]:.3f}, {large.steps} steps",
        "ex_large_steps": count(large.steps),
        "ex_rate_valleys_bounce": f"{choices.RATE_VALLEYS_BOUNCE:g}",
        **{f"ex_{side}_curvature": f"{c:.2f}" for side, c in curvature.items()},
        **{f"ex_{side}_limit": f"{2 / c:.3f}" for side, c in curvature.items()},
    }


def facts() -> dict[str, Fact]:
    """The numbers of "Many valleys", by name."""
    network = _stops() | _starts() | _recipe() | _copies()
    return network | _valleys() | _descents() | _exercise_answers()


# --- figures ----------------------------------------------------------------------------


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


def many_valleys_figure(fig: Figure, palette: str) -> None:
    """Descents from several starts: some end in the left valley, some in the
    right one, and one, on the flat stretch, does not move at all."""
    cost = valleys_cost()
    runs = descents()
    flat = flat_from(cost)
    ws = np.linspace(*choices.WINDOW_VALLEYS, 401)
    c = palette_colours(palette)
    colours = {"valley 0": c["accent"], "valley 1": c["highlight"]}
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


#: Steps per band: each band spans the lowest to the highest value of its steps.
BIN = 250


def _bands(values: np.ndarray):
    """Step numbers, lowest and highest value of each :data:`BIN` steps."""
    n = (len(values) - 1) // BIN * BIN
    chunks = values[1 : n + 1].reshape(-1, BIN)
    steps = np.arange(BIN, n + 1, BIN)
    return (
        np.concatenate([[0], steps]),
        np.concatenate([values[:1], chunks.min(axis=1)]),
        np.concatenate([values[:1], chunks.max(axis=1)]),
    )


def running_on_figure(fig: Figure, palette: str) -> None:
    """The lesson's run continued at the same rate: the cost goes lower, the largest
    curvature climbs to 2/η and stays, and from there the gradient is long."""
    more = run_on()
    tolerance = choices.TOLERANCE_NETWORK
    c = palette_colours(palette)
    cost_ax, slope_ax, top_ax = fig.subplots(3, 1, sharex=True)
    for ax, values in ((cost_ax, more.costs), (slope_ax, more.slopes)):
        steps, low, high = _bands(values)
        ax.fill_between(steps, low, high, color=c["accent"], edgecolor=c["accent"], linewidth=1.2)
    top_ax.plot(more.measured, more.top_curvatures, color=c["accent"], linewidth=1.6)
    slope_ax.set_yscale("log")
    # 10ⁿ in Unicode, at the labels' size (mathtext would set n at 70 %: 7 px)
    slope_ax.yaxis.set_major_locator(LogLocator(base=10))
    slope_ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: power_of_ten(round(np.log10(v)))))
    slope_ax.yaxis.set_minor_formatter(NullFormatter())
    slope_ax.axhline(tolerance, color=c["muted"], linestyle="--", linewidth=1)
    exponent = round(np.log10(tolerance))
    slope_ax.text(
        more.steps,
        tolerance * 1.4,
        f"the stop: {power_of_ten(exponent)}",
        ha="right",
        va="bottom",
        color=c["muted"],
        fontsize=9.5,
    )
    top_ax.axhline(more.limit, color=c["muted"], linestyle="--", linewidth=1)
    top_ax.text(
        0,
        more.limit * 1.01,
        f"2/η = {more.limit:g}",
        ha="left",
        va="bottom",
        color=c["muted"],
        fontsize=9.5,
    )
    if more.reached is not None:
        for ax in (cost_ax, slope_ax, top_ax):
            ax.axvline(more.reached, color=c["curve"], linewidth=1, zorder=0)
        cost_ax.text(
            more.reached,
            1.0,
            " curvature reaches 2/η",
            transform=cost_ax.get_xaxis_transform(),
            ha="left",
            va="top",
            color=c["curve"],
            fontsize=9.5,
        )
    top_ax.set_ylim(top=more.limit * 1.08)
    cost_ax.set_ylabel("cost C")
    slope_ax.set_ylabel("gradient length")
    top_ax.set_ylabel("largest curvature")
    top_ax.set_xlabel(
        f"steps after the stop at step {count(trained_by_descent().steps)}, "
        f"learning rate η = {more.learning_rate:g}"
    )
    top_ax.set_xlim(0, more.steps)
    top_ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: count(round(v))))


@functools.cache
def _running_on_texts() -> dict[str, Texts]:
    """The texts of this part's figures, by name; every number in them computed."""
    more = run_on()
    run = trained_by_descent()
    reached = more.reached if more.reached is not None else more.steps
    tail = more.slopes[-choices.RUN_ON_TAIL :]
    before = more.slopes[1:reached].min()
    return {
        "running-on": Texts(
            alt=(
                f"Three panels over {count(more.steps)} steps after the network's run "
                f"stopped at step {count(run.steps)}, at learning rate "
                f"{more.learning_rate:g}. Top: the cost, from {more.costs[0]:.3f} to "
                f"{more.costs[-1]:.3f}, with short jumps up. Middle, on a log scale: the "
                f"gradient's length, from {more.slopes[0]:.3f} down to {before:.4f}, then "
                f"up to about {np.median(tail):.1f}. Bottom: the largest curvature, "
                f"from {more.top_curvatures[0]:.0f} up to the dashed line 2/η = "
                f"{more.limit:g}, reached after about {count(round(reached, -3))} steps, "
                f"and along it from then on."
            ),
            caption=(
                f"The run of start {choices.NETWORK_SEEDS[0]}, continued for {count(more.steps)} "
                "more steps at the same "
                f"rate; each band spans the lowest to the highest value of every {BIN} "
                f"steps. Look at the largest curvature (bottom) reaching 2/η = "
                f"{more.limit:g} after about {count(round(reached, -3))} steps: from "
                f"there the gradient (middle) grows from {before:.4f} to about "
                f"{np.median(tail):.1f}, as the steps zig-zag, while the cost (top) "
                f"still falls overall."
            ),
        ),
    }


def plain_run():
    """Plain descent at its best fixed rate, 2/(λ_min + λ_max) to two digits."""
    return lesson.descent_2d(lesson.RATES_CHOOSING["good"])


def heavy_ball_run():
    """The heavy ball at the lesson's η and β (η*, β* to two digits)."""
    return lesson.momentum_2d(lesson.RATE_MOMENTUM, lesson.BETA_MOMENTUM)


#: The page's figures, in its order.
FIGURES = (
    FigureSpec("many-valleys", many_valleys_figure, "svg", _texts, size=(WIDTH, 3.9)),
    FigureSpec("running-on", running_on_figure, "svg", _running_on_texts, size=(WIDTH, 5.6)),
)


# --- claims -----------------------------------------------------------------------------

#: What the page says, each sentence with its check.
CLAIMS: list[Claim] = []
claim = partial(register, CLAIMS, "many-valleys.md")
#: The premises of the page's exercises.
EXERCISE_CLAIMS: list[Claim] = []
exercise = partial(register, EXERCISE_CLAIMS, "many-valleys.md")


@claim("swaps and sign flips give every weight setting distinct same-cost copies")
def _distinct_copies() -> None:
    cost, w = network_cost(), trained_by_descent().w
    copies = every_copy(w)
    distinct = len(np.unique(np.round(copies, 12), axis=0))
    require(distinct == symmetric_copies(), f"{distinct} distinct copies")
    costs = [cost(c) for c in copies[::61]]
    np.testing.assert_allclose(costs, cost(w), rtol=1e-9)


@claim("the starts stop at different places, not copies, with close costs far below")
def _network_starts() -> None:
    runs = trained_from_starts()
    require(all(run.converged for run in runs), "a run did not converge")
    pairs = list(itertools.combinations([run.w for run in runs], 2))
    closest = min(distance_up_to_relabelling(a, b) for a, b in pairs)
    # "no two are closer than" the number shown, over every relabelling of each pair
    shown = float(facts()["network_closest_ends"])
    require(closest >= shown and closest > 0.1, f"two ends are {closest} apart")
    lined = min(np.linalg.norm(lined_up(a) - lined_up(b)) for a, b in pairs)
    require(closest <= lined, f"{closest} is farther than the lined-up {lined}")
    end_costs = [run.costs[-1] for run in runs]
    start_costs = [run.costs[0] for run in runs]
    require(max(end_costs) < 2 * min(end_costs), f"the end costs {end_costs} are not close")
    require(max(end_costs) < min(start_costs) / 100, "an end cost is not far below the starts'")


@claim("all stops but one curve down somewhere; that one curves up, its slope not zero")
def _what_the_stops_are() -> None:
    shown = facts()
    reports = {seed: stop_report(seed) for seed in choices.NETWORK_SEEDS}
    down = {seed: r[2] for seed, r in reports.items()}
    upward = [seed for seed, n in down.items() if n == 0]
    require(len(upward) == 1, f"{len(upward)} stops curve up every way, not one: {down}")
    require(shown["network_upward_starts"] == str(upward[0]), "another start curves up")
    counts = [n for n in down.values() if n]
    require(shown["network_stops_downward"] == str(len(counts)), f"{counts} curve down")
    low, high = shown["network_downward_low"], shown["network_downward_high"]
    require((low, high) == (str(min(counts)), str(max(counts))), f"counts {counts}")
    # The cut-off is no choice that matters: any from 10⁻⁶ to 10⁻³ counts alike.
    for seed in choices.NETWORK_SEEDS:
        bends = curvatures(trained_from(seed).w)
        alike = {int(np.sum(bends < -cut)) for cut in (1e-6, choices.DOWNWARD_CURVATURE, 1e-3)}
        require(alike == {down[seed]}, f"start {seed}: {alike} by the cut-off")
        slope = np.linalg.norm(network_cost().gradient(trained_from(seed).w))
        require(TOLERANCE < slope < choices.TOLERANCE_NETWORK, f"start {seed}: slope {slope}")


def _before_and_tail(more):
    """The steps before the largest curvature reached 2/η, and the run's last steps."""
    require(more.reached is not None, "the largest curvature never reaches 2/η")
    return slice(1, more.reached), slice(-choices.RUN_ON_TAIL, None)


@claim("run on, the cost goes lower and the largest curvature climbs to 2/η and stays")
def _running_on_climbs() -> None:
    more, shown = run_on(), why_it_wins_page.facts()
    require(more.costs[-1] < more.costs[0], f"the cost rose to {more.costs[-1]}")
    require(more.top_curvatures[0] < more.limit, "the curvature starts at the limit")
    after = more.top_curvatures[more.measured >= more.reached]
    require(np.all(np.abs(after / more.limit - 1) < 0.03), f"after: {after.min()}..{after.max()}")
    require(abs(more.reached - int(shown["run_on_reach"].replace(",", ""))) <= 500, "not about")
    require(more.steps > 2 * more.reached, "the run stops too soon after it")


@claim("at times a little above 2/η, yet no blow-up: the cost jumps, falls back, ends lower")
def _edge_of_stability() -> None:
    more = run_on()
    after = more.top_curvatures[more.measured >= more.reached]
    top = float(why_it_wins_page.facts()["run_on_top_max"])
    require(after.max() > more.limit and abs(after.max() - top) < 0.05, f"tops: {after.max()}")
    peak = float(why_it_wins_page.facts()["run_on_cost_peak"])
    require(abs(more.costs.max() - peak) < 1e-3, f"the cost peaks at {more.costs.max()}")
    require(more.costs.max() < 2 * more.costs[0], f"the cost blew up to {more.costs.max()}")
    require(more.costs[-1] < more.costs[0], "the run does not end lower than it stopped")


@claim("before 2/η each step goes on the same way; after, steps turn back: zig-zag")
def _running_on_zigzags() -> None:
    more = run_on()
    before, tail = _before_and_tail(more)
    require(np.all(more.turns[before] > 0.9), "a step turned back before the limit")
    low = float(why_it_wins_page.facts()["run_on_slope_low"])
    require(more.slopes[before].min() < choices.TOLERANCE_NETWORK / 5, "the slope did not shrink")
    require(abs(more.slopes[before].min() - low) < 1e-4, f"not {low}")
    require(np.mean(more.turns[tail] < -0.9) > 0.95, "the last steps do not turn back")
    first = np.mean(more.turns[more.reached : more.reached + choices.RUN_ON_TAIL] < -0.5)
    require(0.05 < first < 0.9, f"{first:.0%} of the first steps after turn back: no bursts")
    median = np.median(more.slopes[tail])
    require(median > 100 * low, f"the gradient's length is {median}: no jump")
    # "at almost every other step": at most every other one, as a strict
    # alternation of an odd count of steps gives (n + 1) // 2 rises in n
    changes = np.diff(more.costs[tail])
    rises = int(np.sum(changes > 0))
    require(
        0.35 * changes.size < rises <= (changes.size + 1) // 2,
        f"the cost rises at {rises} of the last {changes.size} steps",
    )
    require(more.costs[-1] < more.costs[-choices.RUN_ON_TAIL], "the cost did not fall overall")


@claim("the other runs also reach 2/η when run on as long, then zig-zag", slow=True)
def _other_runs_too() -> None:
    for seed in choices.NETWORK_SEEDS[1:]:
        more = run_on(seed)
        _before_and_tail(more)
        # the last to get there (start 2) zig-zags steadily only near the end
        turned = np.mean(more.turns[-choices.RUN_ON_TAIL // 2 :] < -0.9)
        require(turned > 0.95, f"start {seed}: {turned:.0%} of the last steps turn back")


def _run(start: float):
    """A descent on the two-valley cost at the lesson's rate."""
    return valleys.descent(start, choices.RATE_VALLEYS)


@claim("two valleys with a hump between them; the right one is lower")
def _two_valleys() -> None:
    cost = valleys.valleys_cost()
    bottoms, hump = bottoms_and_hump()
    require(len(bottoms) == 2 and bottoms[0] < hump < bottoms[1], f"{bottoms}, hump at {hump}")
    require(cost(bottoms[0]) > cost(bottoms[1]), "the left valley is not higher")
    grid = np.linspace(*choices.WINDOW_VALLEYS, 4001)
    require(cost(bottoms[1]) <= cost.on_grid(grid).min() + 1e-12, "the right one is not lowest")


@claim("every start left of the hump, as far as the figure shows, ends in the left valley")
def _left_of_the_hump() -> None:
    _, hump = bottoms_and_hump()
    for start in np.arange(choices.WINDOW_VALLEYS[0], hump, 0.05):
        ending = valleys.ending(_run(start))
        require(ending == "valley 0", f"from {start}: {ending}")


@claim("far to the left, beyond the figure, the ground is flat too")
def _flat_far_left() -> None:
    far_left = choices.WINDOW_VALLEYS[0] - 3
    slope = float(valleys.valleys_cost().gradient(far_left)[0])
    require(abs(slope) < TOLERANCE, f"the slope at {far_left} is {slope}")


@claim("starts right of the hump end in the right valley, slower farther out")
def _right_of_the_hump() -> None:
    bottoms, hump = bottoms_and_hump()
    far = max(run.path[0] for run in valleys.descents() if valleys.ending(run) == "valley 1")
    for start in np.arange(hump + 0.02, far + 1e-9, 0.1):
        ending = valleys.ending(_run(start))
        require(ending == "valley 1", f"from {start}: {ending}")
    outward = np.arange(bottoms[1] + 1, far + 1e-9, 0.05)
    steps = [_run(s).steps for s in outward]
    require(steps == sorted(steps), f"from {outward}: {steps} steps")


@claim("the lesson's starts end in both valleys, crawl, or do not move")
def _every_ending() -> bool:
    endings = {valleys.ending(run) for run in valleys.descents()}
    return endings == {"valley 0", "valley 1", "elsewhere", "did not move"}


@claim("a descent started at the top of the hump does not move")
def _hump_still() -> None:
    run = _run(bottoms_and_hump()[1])
    require(run.converged and run.steps == 0, f"{run.status} after {run.steps} steps")


@claim("the crawling start runs out of steps short of the valley")
def _crawl() -> None:
    cost = valleys.valleys_cost()
    for run in valleys.descents():
        if valleys.ending(run) == "elsewhere":
            require(run.status == "stopped" and run.w < run.path[0], f"{run.status} at {run.w}")
            require(valleys.flat_from(cost) > run.path[0], f"{run.path[0]} is on flat ground")


@claim("from the flat stretch on, descent stops where it started, highest")
def _flat_stretch() -> None:
    cost = valleys.valleys_cost()
    flat = valleys.flat_from(cost)
    require(
        abs(cost.slope(flat)) < TOLERANCE <= abs(cost.slope(flat - 1e-9)),
        f"the slope flattens below the tolerance elsewhere than {flat}",
    )
    shown = float(facts()["flat_from"])  # "from 3.85 on": at or right of the threshold
    require(shown >= flat and _run(shown).steps == 0, f"a descent from {shown} moves")
    for start in np.linspace(flat, choices.WINDOW_VALLEYS[1], 20):
        require(_run(start).steps == 0, f"a descent from {start} moves")
    runs = valleys.descents()
    still = [run for run in runs if valleys.ending(run) == "did not move"]
    require(still and all(run.path[0] >= flat for run in still), "a start left of it stays")
    highest = max(run.costs[-1] for run in runs)
    require(max(run.costs[-1] for run in still) == highest, "another run ends higher")


def heavy_ball_faster() -> None:
    ball, plain = heavy_ball_run(), plain_run()
    require(ball.converged and 2 * ball.steps < plain.steps, f"{ball.steps} vs {plain.steps}")
    np.testing.assert_allclose(ball.w, two_weight_cost().minimum(), atol=1e-6)


@claim("momentum gets through the narrow valley of Two weights in fewer steps")
def _many_valleys() -> None:
    heavy_ball_faster()


def every_row_in_each_step() -> None:
    """Every row's slope is in the whole slope, for the houses and the network.

    (The counts of rows the pages quote are the costs' own: facts of sgd.md and
    why-it-wins.md, computed from the same costs.)
    """
    for cost in (one_weight_cost(), two_weight_cost(), network_cost()):
        w = np.linspace(0.1, 0.9, cost.dimension)
        by_row = [
            type(cost)(cost.inputs[i : i + 1], cost.targets[i : i + 1]).gradient(w)
            for i in range(len(cost.targets))
        ]
        np.testing.assert_allclose(np.sum(by_row, axis=0), cost.gradient(w), rtol=1e-9)


def _valley_limits() -> tuple[float, float]:
    """2/L at the bottom of the left valley and of the right one."""
    cost, (bottoms, _) = valleys.valleys_cost(), bottoms_and_hump()
    return tuple(2 / curvature_at(cost.slope, w) for w in (bottoms[0], bottoms[-1]))


def _ends(start, rate) -> str:
    """Where a descent on the two-valley cost ends: "left", "right", or how it ended."""
    run = valleys.descent(start, rate)
    return {"valley 0": "left", "valley 1": "right"}.get(valleys.ending(run), valleys.ending(run))


@exercise(
    "exercise: a larger rate, below the right valley's 2/L, takes the crawling start to "
    "the right valley; the start on flat ground does not move at either rate"
)
def _larger_rate_crosses_the_flat() -> bool:
    crawling, flat = choices.STARTS_VALLEYS_FLAT
    cost = valleys.valleys_cost()
    return (
        crawling in choices.STARTS_VALLEYS
        and choices.RATE_VALLEYS < choices.RATE_VALLEYS_FLAT < _valley_limits()[1]
        and valleys.descent(crawling, choices.RATE_VALLEYS).status == "stopped"
        and _ends(crawling, choices.RATE_VALLEYS_FLAT) == "right"
        and flat >= valleys.flat_from(cost)
        and _ends(flat, choices.RATE_VALLEYS)
        == _ends(flat, choices.RATE_VALLEYS_FLAT)
        == "did not move"
    )


@exercise(
    "exercise: the large rate is above the right valley's 2/L, below the left one's, "
    "and takes a start that the lesson's rate brings to the right valley to the left one"
)
def _large_rate_skips_the_narrow_valley() -> bool:
    left_limit, right_limit = _valley_limits()
    start, rate = choices.START_VALLEYS_LARGE, choices.RATE_VALLEYS_LARGE
    return (
        right_limit < rate < left_limit
        and _ends(start, choices.RATE_VALLEYS) == "right"
        and _ends(start, rate) == "left"
    )


@exercise(
    "answer: another rate between the two limits bounces in the right valley and never settles"
)
def _bounce_rate_stays_right() -> bool:
    left_limit, right_limit = _valley_limits()
    (_, hump) = bottoms_and_hump()
    run = valleys.descent(choices.START_VALLEYS_LARGE, choices.RATE_VALLEYS_BOUNCE)
    return (
        right_limit < choices.RATE_VALLEYS_BOUNCE < left_limit
        and choices.RATE_VALLEYS_BOUNCE != choices.RATE_VALLEYS_LARGE
        and run.status == "stopped"
        and bool(np.all(run.path > hump))
    )


claim("each step on data so far took the slope over all of it")(every_row_in_each_step)
