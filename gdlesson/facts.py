"""Every number the lesson's prose quotes, computed, formatted for the page.

Pages write ``{{ name }}`` and the site fills in ``facts()[name]``; so the
text cannot drift from the code. Values that sit inside math are TeX.
"""

from __future__ import annotations

from functools import cache

import numpy as np

from gdlesson import compute_budget as budget
from gdlesson import lesson, playground
from gdlesson.brute_force import CANDIDATES, SEARCH_RANGE
from gdlesson.costs import AGE, AREA, PRICE, one_weight_cost, two_weight_cost
from gdlesson.descent import gradient_descent
from gdlesson.network import LAYERS, bias_count, trained_by_descent, weight_count
from gdlesson.numbers import count as _count


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
    # the interactive playgrounds: HTML, their settings as JSON (gdlesson.playground)
    values["playground_1d"] = playground.playground_1d_html()
    values["playground_2d"] = playground.playground_2d_html()
    return values
