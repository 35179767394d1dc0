"""Every number the lesson's prose quotes, computed, formatted for the page.

Pages write ``{{ name }}`` and the site fills in ``facts()[name]``; so the
text cannot drift from the code. Values that sit inside math are TeX.
"""

from __future__ import annotations

from fractions import Fraction
from functools import cache
from itertools import combinations

import numpy as np

from gdlesson import compute_budget as budget
from gdlesson import exercises as ex
from gdlesson import lesson, playground, rates, sgd, valleys
from gdlesson.brute_force import CANDIDATES, SEARCH_RANGE, brute_force
from gdlesson.costs import AGE, AREA, PRICE, one_weight_cost, two_weight_cost
from gdlesson.descent import BLOWUP, gradient_descent
from gdlesson.network import (
    LAYERS,
    bias_count,
    forward_operations,
    network_cost,
    symmetric_copies,
    trained_by_descent,
    trained_from_starts,
    weight_count,
)
from gdlesson.numbers import count as _count
from gdlesson.numbers import rounded_down, rounded_up
from gdlesson.relabelling import distance_up_to_relabelling


def _power(n: int) -> str:
    """A power of ten in TeX: 10^{75}."""
    return budget.scientific(n, 1).replace("1 \\times ", "")


def machines_table() -> str:
    """A Markdown table: each #1 machine and the years brute force would need on it."""
    combos = budget.combinations(CANDIDATES, weight_count())
    rows = [
        "| Machine | #1 on the TOP500 list of | Speed (Rmax) | Years to try 10⁷⁵ combinations |",
        "|---|---|---|---|",
    ]
    for m in budget.MACHINES:
        years = budget.scientific(budget.years_needed(combos, m.rmax_flops), 3)
        speed = budget.speed(m.rmax_flops)
        rows.append(f"| {m.name} | [{m.first_top}]({m.source}) | {speed} | \\({years}\\) |")
    return "\n".join(rows)


def code_facts(one, search, rolling, zigzag, two, combos, seconds, years) -> dict[str, str]:
    """What the pages' code blocks write: Python literals, and outputs exactly as
    ``print`` shows them (the code recomputes them with NumPy alone)."""
    recap = {w: one(w) for w in lesson.RECAP_WEIGHTS}
    (w_bad, c_bad), (w_good, c_good) = recap.items()
    return {
        "area_list": repr(list(AREA)),
        "age_list": repr(list(AGE)),
        "price_list": repr(list(PRICE)),
        "candidates_plain": str(CANDIDATES),
        "candidates_tex": f"{CANDIDATES:,}".replace(",", "{,}"),
        "recap_w_bad": repr(w_bad),
        "recap_w_good": repr(w_good),
        "recap_w_bad_g": f"{w_bad:g}",
        "recap_w_good_g": f"{w_good:g}",
        "recap_cost_bad": f"{c_bad:.4f}",
        "recap_cost_good": f"{c_good:.4f}",
        "layers_list": repr(list(LAYERS)),
        "combinations_exponent": str(len(str(combos)) - 1),
        "combinations_is_power": str(combos == 10 ** (len(str(combos)) - 1)),
        "combinations_digits": str(len(str(combos))),
        "lecture_pflops_plain": str(budget.LECTURE_FLOPS // budget.PETA),
        "seconds_e": f"{float(seconds):.4e}",
        "years_e": f"{float(years):.3e}",
        "seconds_lecture_e": f"{float(seconds):.2e}".replace("e+", "e"),
        "years_lecture_e": f"{float(budget.lecture_years(combos)):.3e}",
        "years_exact_short": budget.scientific(years, 3).split(" ")[0],
        "years_lecture_short": budget.scientific(budget.lecture_years(combos), 3).split(" ")[0],
        "start_1d_py": repr(float(lesson.START_1D)),
        "steps_1d_plain": str(rolling.steps),
        "steps_zigzag_1d_plain": str(zigzag.steps),
        "zigzag_first_5": repr([f"{w:.3f}" for w in zigzag.path[:5]]),
        "start_2d_list": repr([float(v) for v in lesson.START_2D]),
        "steps_2d_plain": str(two.steps),
        "end_w_2d_rounded": str(np.round(two.w, 3)),
    }


def notebook_facts(one) -> dict[str, str]:
    """What the notebook's cells use and print (see gdlesson.notebook)."""
    first = gradient_descent(one, lesson.START_1D, lesson.RATE_NOTEBOOK)
    rows = []
    for rate in lesson.RATES_NOTEBOOK:
        run = gradient_descent(one, lesson.START_1D, rate)
        rows.append(f"learning rate {rate:<5}  {run.status:>9} after {run.steps:>4} steps")
    return {
        "rate_notebook": f"{lesson.RATE_NOTEBOOK:g}",
        "status_notebook": first.status,
        "steps_notebook": str(first.steps),
        "end_w_notebook": f"{first.w:.4f}",
        "rates_notebook": repr(list(lesson.RATES_NOTEBOOK)),
        "rates_notebook_table": "\n".join(rows),
    }


# --- Exercises --------------------------------------------------------------
# The answers of each page's exercises and of the workbook's (the choices are
# in gdlesson.exercises; the premises of the questions are in gdlesson.claims).


def _descents_table(cost, start, rates) -> tuple[list, str]:
    runs = [gradient_descent(cost, start, rate) for rate in rates]
    return runs, ex.rate_table(runs)


def page_exercise_facts(one, two, search) -> dict[str, str]:
    """The answers of the exercises at the end of each lesson page."""
    w_star = float(one.minimum()[0])
    low, high = SEARCH_RANGE
    few = brute_force(one, low, high, ex.FEW_CANDIDATES)
    w_cancel = sum(PRICE) / sum(AREA)
    wider, wide = weight_count(ex.WIDER_LAYERS), weight_count(ex.WIDE_LAYERS)
    latest = budget.LATEST.rmax_flops
    combos = budget.combinations(CANDIDATES, weight_count())
    coarse = budget.combinations(ex.COARSE_CANDIDATES, weight_count())
    regimes = [gradient_descent(one, lesson.START_1D, rate) for rate in ex.REGIME_RATES]
    one_step = gradient_descent(one, lesson.START_1D, 1 / one.curvature())
    small = gradient_descent(two, lesson.START_2D, ex.RATE_2D_SMALL)
    over = gradient_descent(two, lesson.START_2D, ex.RATE_2D_OVER, max_steps=ex.STEPS_2D_OVER)
    slopes = [float(np.linalg.norm(two.gradient(w))) for w in over.path[:: ex.EVERY_2D_OVER]]
    return {
        # recap
        "ex_zero_w_py": repr(ex.ZERO_WEIGHT),
        "ex_cost_zero": f"{one(ex.ZERO_WEIGHT):.4f}",
        "ex_w_cancel": f"{w_cancel:.4f}",
        "ex_cost_cancel": f"{one(w_cancel):.4f}",
        "ex_cost_min": f"{one(w_star):.4f}",
        # brute force
        "ex_gaps": str(CANDIDATES - 1),
        "ex_half_spacing": f"{(high - low) / (CANDIDATES - 1) / 2:.4f}",
        "ex_grid_miss": f"{abs(search.best_w - w_star):.4f}",
        "ex_candidates_few": str(ex.FEW_CANDIDATES),
        "ex_few_ratio": f"{CANDIDATES / ex.FEW_CANDIDATES:g}",
        "ex_grid_spacing_few": f"{(high - low) / (ex.FEW_CANDIDATES - 1):.4f}",
        "ex_best_w_few": f"{few.best_w:.3f}",
        "ex_best_cost_few": f"{few.best_cost:.4f}",
        "ex_grid_miss_few": f"{abs(few.best_w - w_star):.4f}",
        # the curse of dimensionality; why it wins
        "ex_wider_layers_list": repr(list(ex.WIDER_LAYERS)),
        "ex_wider_hidden": str(ex.WIDER_LAYERS[1]),
        "ex_wider_weights": str(wider),
        "ex_wider_exponent": str(len(str(CANDIDATES**wider)) - 1),
        "ex_wider_digits": str(len(str(CANDIDATES**wider))),
        "ex_wider_is_power": str(CANDIDATES**wider == 10 ** (len(str(CANDIDATES**wider)) - 1)),
        "ex_wider_factor": _power(CANDIDATES ** (wider - weight_count())),
        "ex_combinations_with_biases": _power(CANDIDATES ** (weight_count() + bias_count())),
        "ex_wide_layers_list": repr(list(ex.WIDE_LAYERS)),
        "ex_wide_weights": str(wide),
        "ex_wide_exponent": str(len(str(CANDIDATES**wide)) - 1),
        "ex_wide_combinations": _power(budget.combinations(CANDIDATES, wide)),
        # the supercomputer
        "ex_latest_pflops_plain": str(latest // budget.PETA),
        "ex_speed_one_year": budget.scientific(Fraction(combos, budget.SECONDS_PER_YEAR), 3),
        "ex_speed_one_year_e": f"{combos / budget.SECONDS_PER_YEAR:.3e}",
        "ex_latest_years_e": f"{float(budget.years_needed(combos, latest)):.3e}",
        "ex_coarse_candidates": str(ex.COARSE_CANDIDATES),
        "ex_coarse_combinations": _power(coarse),
        "ex_coarse_years": budget.scientific(budget.years_needed(coarse, budget.LECTURE_FLOPS), 3),
        "ex_coarse_spacing": f"{(high - low) / (ex.COARSE_CANDIDATES - 1):.2f}",
        # gradient descent
        "ex_regime_rates": repr(list(ex.REGIME_RATES)),
        "ex_rate_walks": f"{ex.REGIME_RATES[0]:g}",
        "ex_rate_zigzags": f"{ex.REGIME_RATES[1]:g}",
        "ex_rate_diverges": f"{ex.REGIME_RATES[2]:g}",
        **{
            f"ex_regime_{name}": f"{run.learning_rate:g} {run.status} after {run.steps} steps, "
            f"first step to {run.path[1]:.2f}"
            for name, run in zip(("walks", "zigzags", "diverges"), regimes, strict=True)
        },
        "ex_steps_one_step": str(one_step.steps),
        "ex_end_w_one_step": f"{one_step.w:.4f}",
        # two weights
        "ex_rate_2d_small": f"{ex.RATE_2D_SMALL:g}",
        "ex_steps_2d_small": str(small.steps),
        "ex_end_w_2d_small": str(np.round(small.w, 3)),
        "ex_rate_2d_over": f"{ex.RATE_2D_OVER:g}",
        "ex_steps_2d_over": str(ex.STEPS_2D_OVER),
        "ex_every_2d_over": str(ex.EVERY_2D_OVER),
        "ex_slopes_2d_over": repr([f"{s:.1f}" for s in slopes]),
        "ex_growth_2d_over": f"{(slopes[-1] / slopes[0]) ** (1 / (len(slopes) - 1)):.1f}",
    }


def valleys_exercise_facts() -> dict[str, str]:
    """The answers of the exercises of "Many valleys": a larger rate on the flat
    stretch, one too large for the narrow valley, SGD on batches of houses."""
    cost = valleys.valleys_cost()
    left, right = (w for w, kind in valleys.turning_points(cost) if kind == "valley")
    flat = [gradient_descent(cost, s, ex.RATE_VALLEYS_FLAT) for s in ex.STARTS_VALLEYS_FLAT]
    large = gradient_descent(cost, ex.START_VALLEYS_LARGE, ex.RATE_VALLEYS_LARGE)
    curvature = {
        side: ex.curvature_at(cost.slope, w) for side, w in (("left", left), ("right", right))
    }
    one = one_weight_cost()
    batches = [
        sgd.stochastic_descent(
            one,
            lesson.START_SGD,
            lesson.RATE_SGD,
            lesson.EPOCHS_SGD,
            batch_size=b,
            seed=lesson.SEED_SGD,
        )
        for b in ex.SGD_BATCHES
    ]
    passes = [ex.last_pass(run) for run in batches]
    return {
        "ex_rate_valleys_flat": f"{ex.RATE_VALLEYS_FLAT:g}",
        "ex_flat_starts_code": repr(list(ex.STARTS_VALLEYS_FLAT)),
        "ex_crawl_start": f"{ex.STARTS_VALLEYS_FLAT[0]:g}",
        "ex_flat_start": f"{ex.STARTS_VALLEYS_FLAT[-1]:g}",
        "ex_flat_steps": _count(flat[0].steps),
        # one fact a line: the answers' sessions are indented, and a fact is not
        **{
            f"ex_flat_line_{i}": f"from {run.path[0]}: w = {run.w:.3f}, {run.steps} steps"
            for i, run in enumerate(flat)
        },
        "ex_large_start": f"{ex.START_VALLEYS_LARGE:g}",
        "ex_large_start_py": repr(float(ex.START_VALLEYS_LARGE)),
        "ex_rate_valleys_large": f"{ex.RATE_VALLEYS_LARGE:g}",
        "ex_large_points_count": str(ex.POINTS_VALLEYS_LARGE),
        "ex_large_points": str(np.round(large.path[: ex.POINTS_VALLEYS_LARGE], 2)),
        "ex_large_end": f"w = {large.w:.3f}, cost {large.costs[-1]:.3f}, {large.steps} steps",
        "ex_large_steps": _count(large.steps),
        **{f"ex_{side}_curvature": f"{c:.2f}" for side, c in curvature.items()},
        **{f"ex_{side}_limit": f"{2 / c:.3f}" for side, c in curvature.items()},
        "ex_batches_code": repr(list(ex.SGD_BATCHES)),
        "ex_batch_small": str(ex.SGD_BATCHES[0]),
        "ex_batch_all": str(ex.SGD_BATCHES[-1]),
        "ex_batch_small_low": f"{passes[0].min():.3f}",
        "ex_batch_small_high": f"{passes[0].max():.3f}",
        "ex_batch_all_w": f"{passes[-1][-1]:.3f}",
        "ex_batch_all_steps": _count(batches[-1].steps),
        **{
            f"ex_batch_line_{i}": f"batch of {run.batch_size}: w from {p.min():.3f} "
            f"to {p.max():.3f} in the last pass"
            for i, (run, p) in enumerate(zip(batches, passes, strict=True))
        },
    }


def summary_exercise_facts() -> dict[str, str]:
    """The answers of the exercises of "Summary": a tighter tolerance, one rate for two bowls."""
    one, two = one_weight_cost(), two_weight_cost()
    rate = lesson.RATES_1D["just right"]
    steps = [gradient_descent(one, lesson.START_1D, rate, tolerance=t).steps for t in ex.TOLERANCES]
    both = [
        gradient_descent(c, s, ex.RATE_BOTH)
        for c, s in ((one, lesson.START_1D), (two, lesson.START_2D))
    ]
    factors = [rates.step_factor(ex.RATE_BOTH, c.curvature()) for c in (one, two)]
    return {
        "ex_tolerances_code": repr(list(ex.TOLERANCES)),
        "ex_tolerance_steps_code": repr(steps),
        "ex_factor_just_right": f"{rates.step_factor(rate, one.curvature()):.3f}",
        "ex_finer_candidates": _count(ex.FINER_CANDIDATES),
        "ex_finer_combinations": _power(budget.combinations(ex.FINER_CANDIDATES, weight_count())),
        "ex_rate_both": f"{ex.RATE_BOTH:g}",
        "ex_both_steps_1d": _count(both[0].steps),
        "ex_both_status_2d": both[1].status,
        "ex_factor_both_1d": _minus(f"{factors[0]:.3f}"),
        "ex_factor_both_2d": _minus(f"{factors[1]:.3f}"),
        **{
            f"ex_both_line_{i}": f"2/L = {2 / c.curvature():.4f}, 1 - rate * L = {f:.3f}"
            for i, (c, f) in enumerate(zip((one, two), factors, strict=True))
        },
    }


def workbook_facts(one, two) -> dict[str, str]:
    """The answers of the workbook's exercises (see gdlesson.notebook)."""
    too_large = gradient_descent(one, lesson.START_1D, lesson.RATES_1D["too large"])
    limit, limit_table = _descents_table(one, lesson.START_1D, ex.LIMIT_RATES_1D)
    limit_2d, limit_2d_table = _descents_table(two, lesson.START_2D, ex.LIMIT_RATES_2D)
    sides = []
    for start in (lesson.START_1D, ex.START_OTHER_SIDE):
        for rate in (lesson.RATE_1D, lesson.RATE_ZIGZAG_1D):
            run = gradient_descent(one, start, rate)
            sides.append(
                f"start {start:g}, learning rate {rate:g}: {run.status} after {run.steps} steps"
            )
    low, high = SEARCH_RANGE
    off_window = np.sum((too_large.path < low) | (too_large.path > high))
    w_star = float(one.minimum()[0])
    two_weights = gradient_descent(two, lesson.START_2D, lesson.RATE_2D)
    largest = ex.largest_converging(limit)
    return {
        "ex_end_w_too_large": f"{too_large.w:.4f}",
        "ex_off_window": str(off_window),
        "ex_points_too_large": str(len(too_large.path)),
        "ex_factor_too_large": f"{abs(1 - too_large.learning_rate * one.curvature()):.2f}",
        "ex_limit_low": f"{ex.LIMIT_RATES_1D[0]:g}",
        "ex_limit_next": f"{min(r for r in ex.LIMIT_RATES_1D if r > largest):g}",
        "ex_distance_sides": f"{abs(lesson.START_1D - w_star):.1f}",
        "ex_status_2d": two_weights.status,
        "ex_curvature_2d": f"{two.curvature():.2f}",
        "ex_limit_rates": repr(list(ex.LIMIT_RATES_1D)),
        "ex_limit_table": limit_table,
        "ex_limit_largest": f"{largest:g}",
        "ex_start_other_side": f"{ex.START_OTHER_SIDE:g}",
        "ex_start_other_side_py": repr(float(ex.START_OTHER_SIDE)),
        "ex_sides_table": "\n".join(sides),
        "ex_limit_rates_2d": repr(list(ex.LIMIT_RATES_2D)),
        "ex_limit_table_2d": limit_2d_table,
        "ex_limit_largest_2d": f"{ex.largest_converging(limit_2d):g}",
    }


def scaling_2d() -> dict[str, str]:
    """The two-weight valley before and after dividing each input by its root-mean-square.

    Steps from the lesson's start (the same model's weights) at each valley's
    fastest fixed rate, 2/(λ_min + λ_max), as the playground's slider offers it,
    and at the lesson's rate.
    """
    cost = two_weight_cost()
    scaled, scale = rates.rms_scaled(cost)
    best, best_scaled = (playground.fastest_slider_rate(c) for c in (cost, scaled))
    start = np.array(lesson.START_2D)
    return {
        "condition_2d": f"{rates.condition(cost):.1f}",
        "condition_2d_scaled": f"{rates.condition(scaled):.1f}",
        "scale_area_2d": f"{scale[0]:.2f}",
        "scale_age_2d": f"{scale[1]:.2f}",
        "rate_2d_best": f"{best:g}",
        "steps_2d_best": _count(gradient_descent(cost, start, best).steps),
        "rate_2d_scaled": f"{best_scaled:g}",
        "steps_2d_scaled": _count(gradient_descent(scaled, start * scale, best_scaled).steps),
        "steps_2d_scaled_same_rate": _count(
            gradient_descent(scaled, start * scale, lesson.RATE_2D).steps
        ),
    }


@cache
def facts() -> dict[str, str]:
    """The lesson's numbers by name, as the pages print them.

    >>> facts()["weights"], facts()["combinations"]
    ('25', '10^{75}')
    """
    one = one_weight_cost()
    search = lesson.search()
    rolling, zigzag = lesson.rolling_descent(), lesson.zigzag_descent()
    rates = lesson.rate_descents()
    two = lesson.two_weight_descent()
    net = trained_by_descent()

    combos = budget.combinations(CANDIDATES, weight_count())
    seconds = budget.seconds_needed(combos, budget.LECTURE_FLOPS)
    years = budget.years_needed(combos, budget.LECTURE_FLOPS)
    latest = budget.LATEST
    n_in, n_hidden, n_out = LAYERS
    w_star = one.minimum()[0]
    w2_star = two_weight_cost().minimum()

    values = {
        # brute force, one weight
        "candidates": _count(CANDIDATES),
        "search_low": f"{SEARCH_RANGE[0]:g}",
        "search_high": f"{SEARCH_RANGE[1]:g}",
        "best_w": f"{search.best_w:.3f}",
        "best_cost": f"{search.best_cost:.4f}",
        "w_star": f"{w_star:.4f}",
        "grid_spacing": f"{(SEARCH_RANGE[1] - SEARCH_RANGE[0]) / (CANDIDATES - 1):.4f}",
        # the network
        "inputs": str(n_in),
        "hidden": str(n_hidden),
        "outputs": str(n_out),
        "weights": str(weight_count()),
        "biases": str(bias_count()),
        "weights_and_biases": str(weight_count() + bias_count()),
        "combinations": budget.scientific(combos, 1).replace("1 \\times ", ""),
        # the supercomputer
        "lecture_pflops": str(budget.LECTURE_FLOPS // budget.PETA),
        "lecture_flops": f"{budget.LECTURE_FLOPS // budget.PETA} \\times 10^{{15}}",
        "seconds_exact": budget.scientific(seconds, 5),
        "seconds_lecture": budget.scientific(seconds, 3),
        "seconds_per_year": _count(budget.SECONDS_PER_YEAR),
        "years_exact": budget.scientific(years, 3),
        "years_exact_4": budget.scientific(years, 4),
        "years_julian": budget.scientific(
            budget.years_needed(combos, budget.LECTURE_FLOPS, budget.SECONDS_PER_JULIAN_YEAR), 4
        ),
        "years_lecture": budget.scientific(budget.lecture_years(combos), 3),
        "age_of_universe": budget.scientific(budget.AGE_OF_UNIVERSE_YEARS, 3),
        "universe_lifetimes": budget.scientific(years / budget.AGE_OF_UNIVERSE_YEARS, 2),
        "latest_name": latest.name,
        "latest_list": f"[{latest.first_top} list]({latest.source})",
        "latest_speed": budget.speed(latest.rmax_flops),
        "latest_years": budget.scientific(budget.years_needed(combos, latest.rmax_flops), 3),
        "machines_table": machines_table(),
        "pflops_per_eflops": _count(budget.EXA // budget.PETA),
        "exa_power": _power(budget.EXA),
        # one-weight descent
        "start_1d": f"{lesson.START_1D:g}",
        "rate_1d": f"{lesson.RATE_1D:g}",
        "steps_1d": _count(rolling.steps),
        "end_w_1d": f"{rolling.w:.4f}",
        "rate_zigzag_1d": f"{lesson.RATE_ZIGZAG_1D:g}",
        "steps_zigzag_1d": _count(zigzag.steps),
        "curvature_1d": f"{one.curvature():.2f}",
        "max_rate_1d": f"{2 / one.curvature():.4f}",
        "half_max_rate_1d": f"{1 / one.curvature():.4f}",
        # two weights
        "start_2d": f"({lesson.START_2D[0]:g}, {lesson.START_2D[1]:g})",
        "rate_2d": f"{lesson.RATE_2D:g}",
        "steps_2d": _count(two.steps),
        "w_star_2d": f"({w2_star[0]:.3f}, {w2_star[1]:.3f})",
        "max_rate_2d": f"{2 / two_weight_cost().curvature():.4f}",
        # the closing comparison
        "network_rate": f"{lesson.RATE_NETWORK:g}",
        "network_steps": _count(net.steps),
        "network_cost_start": f"{net.costs[0]:.1f}",
        "network_cost_end": f"{net.costs[-1]:.3f}",
        # a slope before each step, and one more that finds it flat
        "network_slopes": _count(net.steps + 1),
        "passes_per_slope": str(lesson.PASSES_PER_SLOPE),
        "network_passes": _count(lesson.PASSES_PER_SLOPE * (net.steps + 1)),
        "network_ratio": budget.scientific(
            budget.Fraction(combos, lesson.PASSES_PER_SLOPE * (net.steps + 1)), 2
        ),
    }
    values |= code_facts(one, search, rolling, zigzag, two, combos, seconds, years)
    for label, run in rates.items():
        key = label.replace(" ", "_")
        values[f"rate_{key}"] = f"{lesson.RATES_1D[label]:g}"
        values[f"steps_{key}"] = _count(run.steps)
        values[f"status_{key}"] = run.status
        values[f"steps_{key}_plain"] = str(run.steps)
    values |= notebook_facts(one)
    values |= page_exercise_facts(one, two_weight_cost(), search)
    values |= workbook_facts(one, two_weight_cost())
    values |= valleys_exercise_facts() | summary_exercise_facts()
    # the interactive playgrounds: HTML, their settings as JSON (gdlesson.playground)
    values["playground_1d"] = playground.playground_1d_html()
    values["playground_2d"] = playground.playground_2d_html()
    values |= _slope_facts() | _two_weight_facts() | _network_facts()
    values |= _valleys_facts() | _sgd_facts()
    values |= scaling_2d()  # the two-weight playground's switch
    return values


# --- why the steps work: the slope, the factor 1 − ηL, many valleys, SGD ----------
# Text values are as the page shows them; TeX where they sit in math; "_code"
# values exactly as the page's code prints them.

_TOLERANCE = gradient_descent.__kwdefaults__["tolerance"]


def _tex_power(x: float) -> str:
    """A power of ten in TeX: 1e-06 → 10^{-6}."""
    exponent = round(np.log10(x))
    if not np.isclose(x, 10.0**exponent):
        raise ValueError(f"x must be a power of ten, got {x!r}")
    return f"10^{{{exponent}}}"


def _minus(text: str) -> str:
    """A true minus sign for prose and tables: −0.367."""
    return text.replace("-", "−")


@cache
def _run_1d(rate: float):
    """The one-weight descent from the lesson's start (each rate computed once)."""
    return gradient_descent(one_weight_cost(), lesson.START_1D, rate)


@cache
def _run_2d(rate: float):
    """The two-weight descent from the lesson's start (each rate computed once)."""
    return gradient_descent(two_weight_cost(), lesson.START_2D, rate)


def _outcome(run) -> str:
    """ "converged after 28 steps", as the tables say it."""
    return f"{run.status} after {_count(run.steps)} steps"


#: What one step does, for each regime of the factor 1 − ηL.
_STEP_WORDS = {
    "walks": "walks: stays on its side",
    "zig-zags": "zig-zags: jumps across, lands closer",
    "bounces": "bounces: jumps across, lands as far",
    "diverges": "diverges: jumps across, lands farther",
}


def rates_table_1d() -> str:
    """A Markdown table: for each rate of the lesson, 1 − ηL, its regime and its descent."""
    cost = one_weight_cost()
    curvature = rates.curvatures(cost)[-1]
    rows = [
        r"| learning rate η | factor \(1 - \eta L\) | each step "
        f"| from w = {lesson.START_1D:g} |",
        "|---|---|---|---|",
    ]
    for rate in lesson.RATES_TABLE_1D:
        run = _run_1d(rate)
        # 4 decimals: with 3, exact halves such as 0.5445 round the way their floats fall
        factor = _minus(f"{rates.step_factor(rate, curvature):.4f}")
        words = _STEP_WORDS[rates.regime(rate, curvature)]
        rows.append(f"| {rate:g} | {factor} | {words} | {_outcome(run)} |")
    return "\n".join(rows)


def _path_words(run, cost) -> str:
    n = rates.crossings(run, cost)
    return "never crosses the valley" if n == 0 else f"crosses it {_count(n)} times"


def rates_table_2d() -> str:
    """A Markdown table: for each rate, the factors across and along the valley, and the path."""
    cost = two_weight_cost()
    low, high = rates.curvatures(cost)
    start = f"({lesson.START_2D[0]:g}, {lesson.START_2D[1]:g})"
    rows = [
        r"| learning rate η | across: \(1 - \eta\lambda_{\max}\) "
        r"| along: \(1 - \eta\lambda_{\min}\) | the path "
        f"| from {start} |",
        "|---|---|---|---|---|",
    ]
    for rate in lesson.RATES_TABLE_2D:
        run = _run_2d(rate)
        across = _minus(f"{rates.step_factor(rate, high):.3f}")
        along = _minus(f"{rates.step_factor(rate, low):.3f}")
        rows.append(
            f"| {rate:g} | {across} | {along} | {_path_words(run, cost)} | {_outcome(run)} |"
        )
    return "\n".join(rows)


def _slope_facts() -> dict[str, str]:
    """Page 5: the slope derived and checked, the factor 1 − ηL, the blow-up cut-off."""
    cost = one_weight_cost()
    start, curvature = lesson.START_1D, rates.curvatures(cost)[-1]
    w_star = float(cost.minimum()[0])
    h = 1e-6  # the page's step for the finite difference
    fast = _run_1d(lesson.RATE_FAST_ZIGZAG_1D)
    large = _run_1d(lesson.RATES_1D["too large"])
    cutoff = BLOWUP * max(large.costs[0], 1.0)
    return {
        "tolerance": _tex_power(_TOLERANCE),
        "slope_start_1d": f"{float(cost.gradient(start)[0]):.4f}",
        "fd_slope_start_1d": f"{(cost(start + h) - cost(start - h)) / (2 * h):.4f}",
        "fd_step": f"{h:g}",
        "rate_fast_zigzag_1d": f"{lesson.RATE_FAST_ZIGZAG_1D:g}",
        "steps_fast_zigzag_1d": _count(fast.steps),
        "factor_fast_zigzag_1d": f"{rates.step_factor(fast.learning_rate, curvature):.4f}",
        "measured_factor_fast_zigzag_1d": f"{(fast.path[1] - w_star) / (start - w_star):.4f}",
        "rates_table_1d": rates_table_1d(),
        "blowup": _tex_power(BLOWUP),
        "cost_start_1d": f"{large.costs[0]:.2f}",
        "cutoff_1d": budget.scientific(budget.Fraction(cutoff), 3),
        "cost_growth_too_large": f"{rates.step_factor(large.learning_rate, curvature) ** 2:.2f}",
    }


def _two_weight_facts() -> dict[str, str]:
    """Page 6: the valley's two curvatures and what they allow."""
    cost = two_weight_cost()
    low, high = (float(v) for v in rates.curvatures(cost))
    balanced = rates.fastest_rate(cost)
    table = [_run_2d(r) for r in lesson.RATES_TABLE_2D]
    diverging = next(run for run in table if run.diverged)
    return {
        "grid_2d": budget.scientific(budget.combinations(CANDIDATES, 2), 1).replace(
            "1 \\times ", ""
        ),
        "curvature_min_2d": f"{low:.3f}",
        "curvature_max_2d": f"{high:.3f}",
        "elongation_2d": f"{high / low:.1f}",
        "half_max_rate_2d": f"{1 / high:.4f}",
        "rate_no_cross_2d": f"{lesson.RATES_TABLE_2D[0]:g}",
        "balanced_rate_2d": f"{balanced:.3f}",
        "along_floor_2d": f"{1 - 2 * low / high:.3f}",
        "balanced_factor_2d": f"{rates.slowest_factor(balanced, cost):.3f}",
        "rates_table_2d": rates_table_2d(),
        "rates_table_2d_code": repr(list(lesson.RATES_TABLE_2D)),
        "outcomes_2d_code": "\n".join(
            f"{run.learning_rate} {run.status} after {run.steps} steps" for run in table
        ),
        "cost_start_2d": f"{table[0].costs[0]:.3f}",
        "rate_diverges_2d": f"{diverging.learning_rate:g}",
        "steps_diverges_2d": _count(diverging.steps),
    }


def _network_facts() -> dict[str, str]:
    """Pages 4 and 7 and "Many valleys": the network's forward pass, its training
    run, its symmetric copies, and the same training from several random starts."""
    multiplications, additions = forward_operations()
    first = next(m for m in budget.MACHINES if m.name == budget.LATEST.name)
    n_hidden = LAYERS[1]
    runs = trained_from_starts()
    start_costs = [run.costs[0] for run in runs]
    end_costs = [run.costs[-1] for run in runs]
    steps = [run.steps for run in runs]
    ends = [run.w for run in runs]
    closest = min(distance_up_to_relabelling(a, b) for a, b in combinations(ends, 2))
    return {
        "forward_multiplications": str(multiplications),
        "forward_additions": str(additions),
        "forward_operations": str(multiplications + additions),
        "latest_first_list": f"[{first.first_top} list]({first.source})",
        "latest_first_speed": budget.speed(first.rmax_flops),
        "network_rows": str(len(network_cost().targets)),
        "network_tolerance": _tex_power(lesson.TOLERANCE_NETWORK),
        "network_start_seed": str(lesson.NETWORK_SEEDS[0]),
        "hidden_orders": str(np.prod(range(1, n_hidden + 1))),
        "hidden_flips": str(2**n_hidden),
        "symmetric_copies": f"{symmetric_copies():,}".replace(",", "{,}"),
        "symmetric_copies_text": _count(symmetric_copies()),
        "network_starts": str(len(runs)),
        "network_start_cost_low": f"{min(start_costs):.0f}",
        "network_start_cost_high": f"{max(start_costs):.0f}",
        "network_stop_cost_low": f"{min(end_costs):.3f}",
        "network_stop_cost_high": f"{max(end_costs):.3f}",
        "network_steps_low": _count(min(steps)),
        "network_steps_high": _count(max(steps)),
        # rounded down: "no two are closer than" it
        "network_closest_ends": rounded_down(closest, 2),
    }


def _valley_formula(cost: valleys.ValleysCost) -> str:
    """The two-valley cost in TeX: C(w) = 1 - 0.6\\,e^{-(w + 1.5)^2} - …"""
    terms = []
    for depth, centre, sharpness in cost.valleys:
        shift = f"w - {centre:g}" if centre > 0 else f"w + {-centre:g}"
        k = "" if sharpness == 1 else f"{sharpness:g}"
        terms.append(f" - {depth:g}\\,e^{{-{k}({shift})^2}}")
    return "C(w) = 1" + "".join(terms)


def _valleys_facts() -> dict[str, str]:
    """Page "Many valleys": the two-valley cost, its turning points, the descents."""
    cost = valleys.valleys_cost()
    points = valleys.turning_points(cost)
    bottoms = [w for w, kind in points if kind == "valley"]
    hump = next(w for w, kind in points if kind == "hump")
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
        "valleys_code": repr([tuple(v) for v in cost.valleys]),
        "valleys_formula": _valley_formula(cost),
        "valley_starts_code": repr(list(lesson.STARTS_VALLEYS)),
        "valley_starts_count": str(len(lesson.STARTS_VALLEYS)),
        "rate_valleys": f"{lesson.RATE_VALLEYS:g}",
        "valleys_printout": "\n".join(lines),
        "left_valley_w": f"{bottoms[0]:.3f}",
        "left_valley_cost": f"{cost(bottoms[0]):.3f}",
        "right_valley_w": f"{bottoms[-1]:.3f}",
        "right_valley_cost": f"{cost(bottoms[-1]):.3f}",
        "hump_w": f"{hump:.3f}",
        "hump_cost": f"{cost(hump):.3f}",
        # rounded up: "from 3.85 on the slope is below 10⁻⁶"
        "flat_from": rounded_up(valleys.flat_from(cost, _TOLERANCE), 2),
        "slowest_valley_start": f"{slowest.path[0]:g}",
        "slowest_valley_steps": _count(slowest.steps),
        "crawl_start": f"{crawling[0].path[0]:g}",
        "crawl_end": f"{crawling[0].w:.3f}",
        "max_steps": _count(gradient_descent.__kwdefaults__["max_steps"]),
    }


def _sgd_facts() -> dict[str, str]:
    """Page "Many valleys": stochastic gradient descent on the six houses."""
    cost = one_weight_cost()
    run = sgd.stochastic_descent(
        cost, lesson.START_SGD, lesson.RATE_SGD, lesson.EPOCHS_SGD, seed=lesson.SEED_SGD
    )
    last_pass = run.path[-run.steps_per_epoch :, 0]
    own = sgd.row_minima(cost)
    return {
        "houses": str(len(cost.targets)),
        "row_minima_code": str(np.round(own, 3)),
        "row_minimum_low": f"{own.min():.3f}",
        "row_minimum_high": f"{own.max():.3f}",
        "start_sgd": f"{lesson.START_SGD:g}",
        "rate_sgd": f"{lesson.RATE_SGD:g}",
        "epochs_sgd": str(lesson.EPOCHS_SGD),
        "seed_sgd": str(lesson.SEED_SGD),
        "steps_sgd": _count(run.steps),
        "sgd_last_low": f"{last_pass.min():.3f}",
        "sgd_last_high": f"{last_pass.max():.3f}",
    }
