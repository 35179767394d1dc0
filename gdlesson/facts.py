"""Every number the lesson's prose quotes, computed, formatted for the page.

Pages write ``{{ name }}`` and the site fills in ``facts()[name]``; so the
text cannot drift from the code. Values that sit inside math are TeX.
"""

from __future__ import annotations

from fractions import Fraction
from functools import cache

import numpy as np

from gdlesson import compute_budget as budget
from gdlesson import exercises as ex
from gdlesson import lesson, playground
from gdlesson.brute_force import CANDIDATES, SEARCH_RANGE, brute_force
from gdlesson.costs import AGE, AREA, PRICE, one_weight_cost, two_weight_cost
from gdlesson.descent import gradient_descent
from gdlesson.network import LAYERS, bias_count, trained_by_descent, weight_count


def _count(n: int) -> str:
    """An integer with thousands separators: 1,000."""
    return f"{n:,}"


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


@cache
def facts() -> dict[str, str]:
    """The lesson's numbers by name, as the pages print them.

    >>> facts()["weights"], facts()["combinations"]
    ('25', '10^{75}')
    """
    one = one_weight_cost()
    search = brute_force(one, *SEARCH_RANGE, CANDIDATES)
    rolling = gradient_descent(one, lesson.START_1D, lesson.RATE_1D)
    zigzag = gradient_descent(one, lesson.START_1D, lesson.RATE_ZIGZAG_1D)
    rates = {k: gradient_descent(one, lesson.START_1D, v) for k, v in lesson.RATES_1D.items()}
    two = gradient_descent(two_weight_cost(), lesson.START_2D, lesson.RATE_2D)
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
        "flops_per_forward_pass": str(2 * weight_count()),
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
        "network_ratio": budget.scientific(budget.Fraction(combos, net.steps), 2),
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
    # the interactive playgrounds: HTML, their settings as JSON (gdlesson.playground)
    values["playground_1d"] = playground.playground_1d_html()
    values["playground_2d"] = playground.playground_2d_html()
    return values
