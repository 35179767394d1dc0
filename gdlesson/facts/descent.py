"""Gradient descent on one weight and on two: the descents, the step factor 1 − ηL
and its tables, the slope, the blow-up cut-off, the valley's two curvatures, and
the playgrounds (pages "How big a step?" and "Two curvatures")."""

from __future__ import annotations

import numpy as np

from gdlesson import choices, lesson, playground, rates
from gdlesson import compute_budget as budget
from gdlesson.choices import CANDIDATES
from gdlesson.costs import one_weight_cost, two_weight_cost
from gdlesson.descent import BLOWUP, TOLERANCE, gradient_descent
from gdlesson.facts.common import markdown_table, tex_power
from gdlesson.numbers import count, signed


def facts() -> dict[str, str]:
    """The numbers of the descent pages, by name."""
    values = _one_weight() | _named_rates() | _slope() | _two_weights() | _valley()
    values["playground_1d"] = playground.playground_1d_html()
    values["playground_2d"] = playground.playground_2d_html()
    return values | scaling_2d()


def _pair(w) -> str:
    """A point of two weights as the pages write it: (0.2, 1.6)."""
    return f"({w[0]:g}, {w[1]:g})"


def _outcome(run) -> str:
    """ "converged after 28 steps", as the tables say it."""
    return f"{run.status} after {count(run.steps)} steps"


def _one_weight() -> dict[str, str]:
    """The rolling ball and the zig-zag, and the limits 1/L and 2/L they stay under."""
    rolling, zigzag = lesson.rolling_descent(), lesson.zigzag_descent()
    curvature = one_weight_cost().curvature()
    return {
        "start_1d": f"{choices.START_1D:g}",
        "rate_1d": f"{choices.RATE_1D:g}",
        "steps_1d": count(rolling.steps),
        "end_w_1d": f"{rolling.w:.4f}",
        "rate_zigzag_1d": f"{lesson.RATE_ZIGZAG_1D:g}",
        "steps_zigzag_1d": count(zigzag.steps),
        "curvature_1d": f"{curvature:.2f}",
        "max_rate_1d": f"{2 / curvature:.4f}",
        "half_max_rate_1d": f"{1 / curvature:.4f}",
    }


def _named_rates() -> dict[str, str]:
    """The rates just right and too large, and how their descents ended (what the
    pages quote of the three)."""
    runs = lesson.rate_descents()
    right, large = runs["just right"], runs["too large"]
    return {
        "rate_just_right": f"{right.learning_rate:g}",
        "steps_just_right": count(right.steps),
        "rate_too_large": f"{large.learning_rate:g}",
        "steps_too_large": count(large.steps),
        "status_too_large": large.status,
        "steps_too_large_plain": str(large.steps),
    }


def _slope() -> dict[str, str]:
    """The slope derived and checked, the factor 1 − ηL, the blow-up cut-off."""
    cost = one_weight_cost()
    start, curvature = choices.START_1D, cost.curvature()
    w_star = float(cost.minimum()[0])
    h = 1e-6  # the page's step for the finite difference
    fast = lesson.descent_1d(lesson.RATE_FAST_ZIGZAG_1D)
    large = lesson.descent_1d(lesson.RATES_1D["too large"])
    cutoff = BLOWUP * max(large.costs[0], 1.0)
    return {
        "tolerance": tex_power(TOLERANCE),
        "slope_start_1d": f"{float(cost.gradient(start)[0]):.4f}",
        "fd_slope_start_1d": f"{(cost(start + h) - cost(start - h)) / (2 * h):.4f}",
        "fd_step": f"{h:g}",
        "rate_fast_zigzag_1d": f"{lesson.RATE_FAST_ZIGZAG_1D:g}",
        "steps_fast_zigzag_1d": count(fast.steps),
        "factor_fast_zigzag_1d": f"{rates.step_factor(fast.learning_rate, curvature):.4f}",
        "measured_factor_fast_zigzag_1d": f"{(fast.path[1] - w_star) / (start - w_star):.4f}",
        "rates_table_1d": rates_table_1d(),
        "blowup": tex_power(BLOWUP),
        "cost_start_1d": f"{large.costs[0]:.2f}",
        "cutoff_1d": budget.scientific(budget.Fraction(cutoff), 3),
        "cost_growth_too_large": f"{rates.step_factor(large.learning_rate, curvature) ** 2:.2f}",
    }


def _step_words(regime: str) -> str:
    """What one step does in a regime of the factor 1 − ηL, as the table says it."""
    if regime == "walks":
        return "walks: stays on its side"
    lands = {"zig-zags": "closer", "bounces": "as far", "diverges": "farther"}[regime]
    return f"{regime}: jumps across, lands {lands}"


def rates_table_1d() -> str:
    """A Markdown table: for each rate of the lesson, 1 − ηL, its regime and its descent."""
    curvature = one_weight_cost().curvature()
    header = ["learning rate η", r"factor \(1 - \eta L\)", "each step"]
    rows = [
        [
            f"{rate:g}",
            # 4 decimals: with 3, exact halves such as 0.5445 round the way their floats fall
            signed(rates.step_factor(rate, curvature), ".4f"),
            _step_words(rates.regime(rate, curvature)),
            _outcome(lesson.descent_1d(rate)),
        ]
        for rate in lesson.RATES_TABLE_1D
    ]
    return markdown_table([*header, f"from w = {choices.START_1D:g}"], rows)


def _path_words(run, cost) -> str:
    n = rates.crossings(run, cost)
    return "never crosses the valley" if n == 0 else f"crosses it {count(n)} times"


def rates_table_2d() -> str:
    """A Markdown table: for each rate, the factors across and along the valley, and the path."""
    cost = two_weight_cost()
    low, high = cost.curvatures()
    header = [
        "learning rate η",
        r"across: \(1 - \eta\lambda_{\max}\)",
        r"along: \(1 - \eta\lambda_{\min}\)",
        "the path",
        f"from {_pair(choices.START_2D)}",
    ]
    rows = []
    for rate in lesson.RATES_TABLE_2D:
        run = lesson.descent_2d(rate)
        across = signed(rates.step_factor(rate, high), ".3f")
        along = signed(rates.step_factor(rate, low), ".3f")
        rows.append([f"{rate:g}", across, along, _path_words(run, cost), _outcome(run)])
    return markdown_table(header, rows)


def _two_weights() -> dict[str, str]:
    """The two-weight descent of the figure, and its minimum."""
    cost = two_weight_cost()
    return {
        "start_2d": _pair(choices.START_2D),
        "rate_2d": f"{lesson.RATE_2D:g}",
        "steps_2d": count(lesson.two_weight_descent().steps),
        "w_star_2d": "({:.3f}, {:.3f})".format(*cost.minimum()),
        "max_rate_2d": f"{2 / cost.curvature():.4f}",
        "grid_2d": tex_power(budget.combinations(CANDIDATES, 2)),
    }


def _valley() -> dict[str, str]:
    """The valley's two curvatures, what they allow, and the table's descents."""
    cost = two_weight_cost()
    low, high = (float(v) for v in cost.curvatures())
    fastest = rates.fastest_rate(cost)
    table = [lesson.descent_2d(r) for r in lesson.RATES_TABLE_2D]
    diverging = next(run for run in table if run.diverged)
    return {
        "curvature_min_2d": f"{low:.3f}",
        "curvature_max_2d": f"{high:.3f}",
        "elongation_2d": f"{high / low:.1f}",
        "half_max_rate_2d": f"{1 / high:.4f}",
        "rate_no_cross_2d": f"{lesson.RATES_TABLE_2D[0]:g}",
        "balanced_rate_2d": f"{fastest:.3f}",
        "along_floor_2d": f"{1 - 2 * low / high:.3f}",
        "balanced_factor_2d": f"{rates.slowest_factor(fastest, cost):.3f}",
        "rates_table_2d": rates_table_2d(),
        "rates_table_2d_code": repr(list(lesson.RATES_TABLE_2D)),
        "outcomes_2d_code": "\n".join(
            f"{run.learning_rate} {run.status} after {run.steps} steps" for run in table
        ),
        "cost_start_2d": f"{table[0].costs[0]:.3f}",
        "rate_diverges_2d": f"{diverging.learning_rate:g}",
        "steps_diverges_2d": count(diverging.steps),
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
    start = np.array(choices.START_2D)
    return {
        "condition_2d": f"{rates.condition(cost):.1f}",
        "condition_2d_scaled": f"{rates.condition(scaled):.1f}",
        "scale_area_2d": f"{scale[0]:.2f}",
        "scale_age_2d": f"{scale[1]:.2f}",
        "rate_2d_best": f"{best:g}",
        "steps_2d_best": count(gradient_descent(cost, start, best).steps),
        "rate_2d_scaled": f"{best_scaled:g}",
        "steps_2d_scaled": count(gradient_descent(scaled, start * scale, best_scaled).steps),
        "steps_2d_scaled_same_rate": count(
            gradient_descent(scaled, start * scale, lesson.RATE_2D).steps
        ),
    }
