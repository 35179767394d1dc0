"""Every number the lesson's prose quotes, computed, formatted for the page.

Pages write ``{{ name }}`` and the site fills in ``facts()[name]``; so the
text cannot drift from the code. Values that sit inside math are TeX.
"""

from __future__ import annotations

from functools import cache

import numpy as np

from gdlesson import compute_budget as budget
from gdlesson import lesson, playground, valley
from gdlesson.brute_force import CANDIDATES, SEARCH_RANGE, brute_force
from gdlesson.costs import one_weight_cost, two_weight_cost
from gdlesson.descent import gradient_descent
from gdlesson.network import LAYERS, bias_count, trained_by_descent, weight_count


def _count(n: int) -> str:
    """An integer with thousands separators: 1,000."""
    return f"{n:,}"


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


def scaling_2d() -> dict[str, str]:
    """The two-weight valley before and after dividing each input by its root-mean-square.

    Steps from the lesson's start (the same model's weights) at each valley's
    fastest fixed rate, 2/(λ_min + λ_max), as the playground's slider offers it,
    and at the lesson's rate.
    """
    cost = two_weight_cost()
    scaled, scale = valley.rms_scaled(cost)
    best, best_scaled = (playground.fastest_slider_rate(c) for c in (cost, scaled))
    start = np.array(lesson.START_2D)
    return {
        "condition_2d": f"{valley.condition(cost):.1f}",
        "condition_2d_scaled": f"{valley.condition(scaled):.1f}",
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
        "combinations_digits": _count(len(str(combos))),
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
    for label, run in rates.items():
        key = label.replace(" ", "_")
        values[f"rate_{key}"] = f"{lesson.RATES_1D[label]:g}"
        values[f"steps_{key}"] = _count(run.steps)
        values[f"status_{key}"] = run.status
    # the interactive playgrounds: HTML, their settings as JSON (gdlesson.playground)
    values["playground_1d"] = playground.playground_1d_html()
    values["playground_2d"] = playground.playground_2d_html()
    values |= scaling_2d()  # the two-weight playground's switch
    return values
