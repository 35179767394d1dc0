"""The answers of the exercises at the end of each page, and of the workbook's.

The exercises' choices are in :mod:`gdlesson.exercises`; the premises of their
questions ("this rate is above 2/L") are claims, checked at build
(:mod:`gdlesson.claims.exercises`).
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np

from gdlesson import choices, lesson, rates, valleys
from gdlesson import compute_budget as budget
from gdlesson import exercises as ex
from gdlesson.brute_force import brute_force, grid_spacing
from gdlesson.choices import AREA, CANDIDATES, PRICE, SEARCH_RANGE
from gdlesson.costs import one_weight_cost, two_weight_cost
from gdlesson.descent import gradient_descent
from gdlesson.facts.common import digit_facts, tex_power
from gdlesson.network import bias_count, combinations, forward_operations, weight_count
from gdlesson.numbers import count, signed


def facts() -> dict[str, str]:
    """The exercises' answers, by name."""
    parts = (_recap, _brute_force, _dimensions, _supercomputer, _large_nudge, _descent)
    parts += (_first_step, _two_weights)
    values = {}
    for part in (*parts, _valleys, _summary, _workbook):
        values |= part()
    return values


def _w_star() -> float:
    return float(one_weight_cost().minimum()[0])


def _recap() -> dict[str, str]:
    """Recap: the cost at w = 0, and where the plain errors cancel: their sum is
    the line Σ area · w − Σ price."""
    one = one_weight_cost()
    w_cancel = sum(PRICE) / sum(AREA)
    return {
        "ex_area_sum": f"{sum(AREA):g}",
        "ex_price_sum": f"{sum(PRICE):g}",
        "ex_zero_w_py": repr(choices.ZERO_WEIGHT),
        "ex_cost_zero": f"{one(choices.ZERO_WEIGHT):.4f}",
        "ex_w_cancel": f"{w_cancel:.4f}",
        "ex_cost_cancel": f"{one(w_cancel):.4f}",
        "ex_cost_min": f"{one(_w_star()):.4f}",
    }


def _brute_force() -> dict[str, str]:
    """Brute force: how far the grid misses the minimum, with 1,000 and with fewer candidates."""
    few = brute_force(one_weight_cost(), *SEARCH_RANGE, choices.FEW_CANDIDATES)
    return {
        "ex_gaps": str(CANDIDATES - 1),
        "ex_half_spacing": f"{grid_spacing() / 2:.4f}",
        "ex_grid_spacing_exact": f"{grid_spacing():.6f}",
        "ex_grid_miss": f"{abs(lesson.search().best_w - _w_star()):.4f}",
        "ex_candidates_few": str(choices.FEW_CANDIDATES),
        "ex_few_ratio": f"{CANDIDATES / choices.FEW_CANDIDATES:g}",
        "ex_grid_spacing_few": f"{grid_spacing(choices.FEW_CANDIDATES):.4f}",
        "ex_best_w_few": f"{few.best_w:.3f}",
        "ex_best_cost_few": f"{few.best_cost:.4f}",
        "ex_grid_miss_few": f"{abs(few.best_w - _w_star()):.4f}",
    }


def _dimensions() -> dict[str, str]:
    """The curse of dimensionality and why it wins: wider networks, and biases."""
    wider, wide = weight_count(choices.WIDER_LAYERS), weight_count(choices.WIDE_LAYERS)
    return digit_facts("ex_wider", CANDIDATES**wider) | {
        "ex_wider_layers_list": repr(list(choices.WIDER_LAYERS)),
        "ex_wider_hidden": str(choices.WIDER_LAYERS[1]),
        "ex_wider_weights": str(wider),
        "ex_wider_factor": tex_power(CANDIDATES ** (wider - weight_count())),
        "ex_combinations_with_biases": tex_power(CANDIDATES ** (weight_count() + bias_count())),
        "ex_wide_layers_list": repr(list(choices.WIDE_LAYERS)),
        "ex_wide_weights": str(wide),
        "ex_wide_exponent": str(len(str(CANDIDATES**wide)) - 1),
        "ex_wide_combinations": tex_power(budget.combinations(CANDIDATES, wide)),
    }


def _supercomputer() -> dict[str, str]:
    """The supercomputer: the speed that would finish in a year, and a grid that finishes."""
    combos, latest = combinations(), budget.LATEST.rmax_flops
    coarse = budget.combinations(choices.COARSE_CANDIDATES, weight_count())
    # the box's count: every operation of a forward pass, for each of the six houses
    operations = coarse * sum(forward_operations()) * len(PRICE)
    counted = budget.years_needed(operations, budget.LECTURE_FLOPS)
    return {
        "ex_latest_pflops_plain": str(latest // budget.PETA),
        "ex_speed_one_year": budget.scientific(Fraction(combos, budget.SECONDS_PER_YEAR), 3),
        "ex_speed_one_year_e": f"{combos / budget.SECONDS_PER_YEAR:.3e}",
        "ex_latest_years_e": f"{float(budget.years_needed(combos, latest)):.3e}",
        "ex_coarse_candidates": str(choices.COARSE_CANDIDATES),
        "ex_coarse_combinations": tex_power(coarse),
        "ex_coarse_years": budget.scientific(budget.years_needed(coarse, budget.LECTURE_FLOPS), 3),
        "ex_coarse_years_counted": count(int(round(float(counted), -2))),
        "ex_coarse_spacing": f"{grid_spacing(choices.COARSE_CANDIDATES):.2f}",
    }


def _descent() -> dict[str, str]:
    """Gradient descent: a rate that walks, one that zig-zags, one that diverges; η = 1/L."""
    regimes = [lesson.descent_1d(rate) for rate in ex.REGIME_RATES]
    one_step = lesson.descent_1d(1 / one_weight_cost().curvature())
    return {
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
    }


def _large_nudge() -> dict[str, str]:
    return {"ex_large_nudge": f"{choices.LARGE_NUDGE:g}"}


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


def _two_weights() -> dict[str, str]:
    """Two curvatures: a smaller rate that still zig-zags but is slower, and one above 2/λ_max."""
    two = two_weight_cost()
    low, high = (float(v) for v in two.curvatures())
    slow = lesson.descent_2d(ex.RATE_2D_SLOW_ZIGZAG)
    over = gradient_descent(two, choices.START_2D, ex.RATE_2D_OVER, max_steps=choices.STEPS_2D_OVER)
    slopes = [float(np.linalg.norm(two.gradient(w))) for w in over.path[:: choices.EVERY_2D_OVER]]
    across_over = abs(rates.step_factor(ex.RATE_2D_OVER, high))
    return {
        "ex_rate_2d_slow_zigzag": f"{ex.RATE_2D_SLOW_ZIGZAG:g}",
        "ex_steps_2d_slow_zigzag": str(slow.steps),
        "ex_end_w_2d_slow_zigzag": str(np.round(slow.w, 3)),
        # in math: TeX's minus
        "ex_factor_across_slow_zigzag": f"{rates.step_factor(ex.RATE_2D_SLOW_ZIGZAG, high):.3f}",
        "ex_factor_along_slow_zigzag": f"{rates.step_factor(ex.RATE_2D_SLOW_ZIGZAG, low):.3f}",
        "ex_rate_2d_over": f"{ex.RATE_2D_OVER:g}",
        "ex_steps_2d_over": str(choices.STEPS_2D_OVER),
        "ex_every_2d_over": str(choices.EVERY_2D_OVER),
        "ex_slopes_2d_over": repr([f"{s:.1f}" for s in slopes]),
        "ex_growth_2d_over": f"{(slopes[-1] / slopes[0]) ** (1 / (len(slopes) - 1)):.1f}",
        "ex_factor_across_over": f"{across_over:.3f}",
        "ex_factor_across_over_power": f"{across_over**choices.EVERY_2D_OVER:.2f}",
        "ex_cost_over_start": f"{over.costs[0]:.3f}",
        "ex_cost_over_first": f"{over.costs[1]:.3f}",
    }


def _valleys() -> dict[str, str]:
    """Many valleys: a larger rate on the flat stretch, one too large for the narrow valley."""
    cost = valleys.valleys_cost()
    left, right = (w for w, kind in valleys.turning_points(cost) if kind == "valley")
    flat = valleys.descents(choices.STARTS_VALLEYS_FLAT, choices.RATE_VALLEYS_FLAT)
    large = valleys.descent(choices.START_VALLEYS_LARGE, choices.RATE_VALLEYS_LARGE)
    curvature = {
        side: ex.curvature_at(cost.slope, w) for side, w in (("left", left), ("right", right))
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
        "ex_large_start": f"{choices.START_VALLEYS_LARGE:g}",
        "ex_large_start_py": repr(float(choices.START_VALLEYS_LARGE)),
        "ex_rate_valleys_large": f"{choices.RATE_VALLEYS_LARGE:g}",
        "ex_large_points_count": str(choices.POINTS_VALLEYS_LARGE),
        "ex_large_points": str(np.round(large.path[: choices.POINTS_VALLEYS_LARGE], 2)),
        "ex_large_end": f"w = {large.w:.3f}, cost {large.costs[-1]:.3f}, {large.steps} steps",
        "ex_large_steps": count(large.steps),
        "ex_rate_valleys_bounce": f"{choices.RATE_VALLEYS_BOUNCE:g}",
        **{f"ex_{side}_curvature": f"{c:.2f}" for side, c in curvature.items()},
        **{f"ex_{side}_limit": f"{2 / c:.3f}" for side, c in curvature.items()},
    }


def _and(values) -> str:
    """``values`` as prose: "1, 2 and 3"."""
    *first, last = map(str, values)
    return f"{', '.join(first)} and {last}" if first else last


def tolerance_steps(cost, start, rate: float) -> list[int]:
    """The steps from ``start`` at ``rate`` to each tolerance of
    :data:`~choices.TOLERANCES`, each ten times tighter than the last."""
    return [gradient_descent(cost, start, rate, tolerance=t).steps for t in choices.TOLERANCES]


def steps_per_digit(cost, start, rate: float) -> float:
    """The mean number of extra steps that each tenfold tighter tolerance costs."""
    steps = tolerance_steps(cost, start, rate)
    return (steps[-1] - steps[0]) / (len(steps) - 1)


def _summary() -> dict[str, str]:
    """Summary: a tighter tolerance, ten times the candidates, one rate for two bowls."""
    one, two = one_weight_cost(), two_weight_cost()
    rate = lesson.RATES_1D["just right"]
    steps = tolerance_steps(one, choices.START_1D, rate)
    both = [lesson.descent_1d(ex.RATE_BOTH), lesson.descent_2d(ex.RATE_BOTH)]
    factors = [rates.step_factor(ex.RATE_BOTH, c.curvature()) for c in (one, two)]
    return {
        "ex_tolerances_code": repr(list(choices.TOLERANCES)),
        "ex_tolerance_steps_code": repr(steps),
        "ex_factor_just_right": f"{rates.step_factor(rate, one.curvature()):.3f}",
        "ex_finer_candidates": count(choices.FINER_CANDIDATES),
        "ex_finer_combinations": tex_power(
            budget.combinations(choices.FINER_CANDIDATES, weight_count())
        ),
        "ex_finer_factor": tex_power(
            budget.combinations(choices.FINER_CANDIDATES, weight_count())
            // budget.combinations(CANDIDATES, weight_count())
        ),
        "ex_digit_steps_ball": f"{steps_per_digit(one, choices.START_1D, choices.RATE_1D):.0f}",
        "ex_digit_steps_2d": f"{steps_per_digit(two, choices.START_2D, lesson.RATE_2D):.0f}",
        "ex_rate_both": f"{ex.RATE_BOTH:g}",
        "ex_both_steps_1d": count(both[0].steps),
        "ex_both_status_2d": both[1].status,
        "ex_factor_both_1d": signed(factors[0], ".3f"),
        "ex_factor_both_2d": signed(factors[1], ".3f"),
        **{
            f"ex_both_line_{i}": f"2/L = {2 / c.curvature():.4f}, 1 - rate * L = {f:.3f}"
            for i, (c, f) in enumerate(zip((one, two), factors, strict=True))
        },
    }


def _workbook() -> dict[str, str]:
    """The workbook: the rates around 2/L, starts on either side, the too-large rate."""
    one, two = one_weight_cost(), two_weight_cost()
    too_large = lesson.descent_1d(lesson.RATES_1D["too large"])
    limit = [lesson.descent_1d(r) for r in ex.LIMIT_RATES_1D]
    limit_2d = [lesson.descent_2d(r) for r in ex.LIMIT_RATES_2D]
    largest = ex.largest_converging(limit)
    low, high = SEARCH_RANGE
    off_window = np.sum((too_large.path < low) | (too_large.path > high))
    factor = rates.step_factor(too_large.learning_rate, one.curvature())
    return {
        "ex_end_w_too_large": f"{too_large.w:.4f}",
        "ex_off_window": str(off_window),
        "ex_points_too_large": str(len(too_large.path)),
        "ex_factor_too_large": f"{abs(factor):.2f}",
        "ex_limit_low": f"{ex.LIMIT_RATES_1D[0]:g}",
        "ex_limit_next": f"{min(r for r in ex.LIMIT_RATES_1D if r > largest):g}",
        "ex_distance_sides": f"{abs(choices.START_1D - _w_star()):.1f}",
        "ex_status_2d": lesson.two_weight_descent().status,
        "ex_curvature_2d": f"{two.curvature():.2f}",
        "ex_limit_rates": repr(list(ex.LIMIT_RATES_1D)),
        "ex_limit_table": ex.rate_table(limit),
        "ex_limit_largest": f"{largest:g}",
        "ex_start_other_side": f"{ex.START_OTHER_SIDE:g}",
        "ex_start_other_side_py": repr(float(ex.START_OTHER_SIDE)),
        "ex_sides_table": _sides_table(),
        "ex_limit_rates_2d": repr(list(ex.LIMIT_RATES_2D)),
        "ex_limit_table_2d": ex.rate_table(limit_2d),
        "ex_limit_largest_2d": f"{ex.largest_converging(limit_2d):g}",
    }


def _sides_table() -> str:
    """The workbook's descents from either side of the minimum, one line each."""
    lines = []
    for start in (choices.START_1D, ex.START_OTHER_SIDE):
        for rate in (choices.RATE_1D, lesson.RATE_ZIGZAG_1D):
            run = lesson.descent_1d(rate, start)
            lines.append(
                f"start {start:g}, learning rate {rate:g}: {run.status} after {run.steps} steps"
            )
    return "\n".join(lines)
