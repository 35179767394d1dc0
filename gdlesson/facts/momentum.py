"""Momentum (page "Momentum"): the heavy ball on the two-weight valley against plain
descent, the recurrence of each axis and its best η and β, what happens above them,
Nesterov's variant, the playground and the page's exercises."""

from __future__ import annotations

import math

import numpy as np

from gdlesson import choices, lesson, momentum, playground, valleys
from gdlesson import exercises as ex
from gdlesson.costs import two_weight_cost
from gdlesson.descent import DEFAULT_MAX_STEPS
from gdlesson.facts.common import markdown_table
from gdlesson.figures.momentum import heavy_ball_run, plain_run
from gdlesson.numbers import count

#: The momenta of the page's table "above the best", besides the lesson's β and the
#: exercises' large one, each at the lesson's η.
TABLE_BETAS = (0.0, 0.5, 0.7)


def facts() -> dict[str, str]:
    """The numbers of "Momentum", by name."""
    return _run() | _best() | _above() | _nesterov() | _exercises() | _workbook() | _widget()


def _lambdas() -> tuple[float, float]:
    low, high = two_weight_cost().curvatures()
    return float(low), float(high)


def _outcome(run) -> str:
    """A run as the page's session prints it."""
    return f"{run.status} after {run.steps} steps"


def _digit_steps(factor: float) -> str:
    """Steps per digit: how many steps shrink the distance ten times, at ``factor`` a step."""
    return f"{math.log(0.1) / math.log(factor):.1f}"


def _run() -> dict[str, str]:
    """The heavy ball and plain descent from the lesson's start."""
    ball, plain = heavy_ball_run(), plain_run()
    beta = lesson.BETA_MOMENTUM
    return {
        "rate_momentum": f"{lesson.RATE_MOMENTUM:g}",
        "beta_momentum": f"{beta:g}",
        "steps_momentum": count(ball.steps),
        "steps_momentum_plain": str(ball.steps),
        "end_w_momentum": str(np.round(ball.w, 3)),
        "rate_plain_best": f"{plain.learning_rate:g}",
        "steps_plain_best": count(plain.steps),
        "steps_plain_best_plain": str(plain.steps),
        "steady_gain_momentum": f"{1 / (1 - beta):.2f}",
        "steady_gain_large": f"{1 / (1 - choices.BETA_MOMENTUM_LARGE):g}",
        "beta_large": f"{choices.BETA_MOMENTUM_LARGE:g}",
    }


def _best() -> dict[str, str]:
    """The best η and β from λ_min and λ_max, and each axis's factor at the lesson's."""
    cost = two_weight_cost()
    low, high = _lambdas()
    rate, beta = momentum.best_rate_and_beta(cost)
    root_kappa = math.sqrt(high / low)
    best_factor = math.sqrt(beta)
    plain = (high / low - 1) / (high / low + 1)
    lines = [
        f"{lam:.3f}: {momentum.step_factor(lesson.RATE_MOMENTUM, lesson.BETA_MOMENTUM, lam):.3f}"
        for lam in (low, high)
    ]
    return {
        "best_rate_momentum": f"{rate:.4f}",
        "best_beta_momentum": f"{beta:.4f}",
        "best_factor_momentum": f"{best_factor:.3f}",
        "root_kappa_2d": f"{root_kappa:.2f}",
        "plain_factor_kappa_2d": f"{plain:.3f}",
        "digit_steps_momentum": _digit_steps(best_factor),
        "digit_steps_plain": _digit_steps(plain),
        "axis_factors_momentum": "\n".join(lines),
        "factor_momentum": f"{momentum.slowest_factor(lesson.RATE_MOMENTUM, lesson.BETA_MOMENTUM, cost):.3f}",  # noqa: E501
        "limit_momentum": f"{momentum.rate_limit(lesson.BETA_MOMENTUM, high):.4f}",
        "limit_any_beta": f"{4 / high:.4f}",
    }


def table_settings() -> tuple[list[float], list[float]]:
    """The page's table "above the best": the βs it tries at the lesson's η
    (:data:`TABLE_BETAS`, the lesson's β and the exercises' large one), and the rates
    it tries at the lesson's β, either side of its limit 2(1 + β)/λ_max, to two decimals."""
    limit = momentum.rate_limit(lesson.BETA_MOMENTUM, _lambdas()[1])
    below, above = math.floor(limit * 100) / 100, math.ceil(limit * 100) / 100
    return sorted({*TABLE_BETAS, lesson.BETA_MOMENTUM, choices.BETA_MOMENTUM_LARGE}), [below, above]


def table_rows() -> list[tuple[float, float]]:
    """Each (η, β) of the table, in its order."""
    betas, rates = table_settings()
    return [(lesson.RATE_MOMENTUM, b) for b in betas] + [(r, lesson.BETA_MOMENTUM) for r in rates]


def _above() -> dict[str, str]:
    """What each setting of the table does: its slowest factor, whether it swings, its end."""
    cost = two_weight_cost()
    rows = []
    for rate, beta in table_rows():
        run = lesson.momentum_2d(rate, beta)
        factor = momentum.slowest_factor(rate, beta, cost)
        swing = [momentum.swings(rate, beta, float(lam)) for lam in cost.curvatures()]
        where = ("no", "along", "across", "both ways")[swing[0] + 2 * swing[1]]
        rows.append(
            [
                f"{rate:g}",
                f"{beta:g}",
                f"{factor:.3f}",
                where,
                f"{run.status}, {count(run.steps)} steps",
            ]
        )
    header = ["η", "β", "factor", "swings", "outcome"]
    return {"table_momentum": markdown_table(header, rows)}


def nesterov_setting() -> tuple[float, float]:
    """Nesterov's usual setting, η = 1/λ_max and β = (√κ − 1)/(√κ + 1), to two digits."""
    low, high = _lambdas()
    root_kappa = math.sqrt(high / low)
    return float(f"{1 / high:.2g}"), float(f"{(root_kappa - 1) / (root_kappa + 1):.2g}")


def nesterov_best_factor() -> float:
    """Nesterov's smallest slowest-direction factor over a grid of η (up to 2/λ_max)
    and β: the best it can do on the two-weight bowl."""
    cost, high = two_weight_cost(), _lambdas()[1]
    rates = np.linspace(0.02, 2, 100) / high
    return min(
        momentum.slowest_factor(float(rate), float(beta), cost, True)
        for rate in rates
        for beta in np.linspace(0, 0.99, 100)
    )


def _nesterov() -> dict[str, str]:
    high = _lambdas()[1]
    rate, beta = nesterov_setting()
    best = lesson.momentum_2d(lesson.RATE_MOMENTUM, lesson.BETA_MOMENTUM, nesterov=True)
    own = lesson.momentum_2d(rate, beta, nesterov=True)
    return {
        "nesterov_limit_momentum": f"{momentum.rate_limit(lesson.BETA_MOMENTUM, high, True):.4f}",
        "nesterov_best_out": _outcome(best),
        "nesterov_rate": f"{rate:g}",
        "nesterov_beta": f"{beta:g}",
        "nesterov_out": _outcome(own),
        "nesterov_factor": f"{momentum.slowest_factor(rate, beta, two_weight_cost(), True):.3f}",
        "nesterov_best_factor": f"{nesterov_best_factor():.3f}",
    }


def _exercises() -> dict[str, str]:
    cost = two_weight_cost()
    low, high = _lambdas()
    large = choices.BETA_MOMENTUM_LARGE
    slow = lesson.momentum_2d(lesson.RATE_2D, large)
    rescue_rate, rescue_beta = lesson.RATE_OVER_LIMIT_2D, choices.BETA_MOMENTUM_RESCUE
    plain_over = lesson.descent_2d(rescue_rate)
    ball_over = lesson.momentum_2d(rescue_rate, rescue_beta)
    nesterov_over = lesson.momentum_2d(rescue_rate, rescue_beta, nesterov=True)
    flat_cost = valleys.valleys_cost()
    right = [w for w, kind in valleys.turning_points(flat_cost) if kind == "valley"][-1]
    curvature = ex.curvature_at(flat_cost.slope, right)
    runs = {
        (start, beta): momentum.momentum_descent(flat_cost, start, choices.RATE_VALLEYS, beta)
        for start in choices.STARTS_VALLEYS_MOMENTUM
        for beta in (0.0, large)
    }
    values = {
        "ex_mom_rate": f"{lesson.RATE_2D:g}",
        "ex_mom_large_out": _outcome(slow),
        "ex_mom_large_steps": count(slow.steps),
        "ex_mom_large_factor": f"{momentum.slowest_factor(lesson.RATE_2D, large, cost):.3f}",
        "ex_mom_large_root": f"{math.sqrt(large):.3f}",
        "ex_mom_plain_factor": f"{momentum.slowest_factor(lesson.RATE_2D, 0.0, cost):.3f}",
        "ex_mom_digit_large": _digit_steps(math.sqrt(large)),
        "ex_mom_over_rate": f"{rescue_rate:g}",
        "ex_mom_rescue_beta": f"{rescue_beta:g}",
        "ex_mom_over_plain": _outcome(plain_over),
        "ex_mom_over_ball": _outcome(ball_over),
        "ex_mom_over_nesterov": _outcome(nesterov_over),
        "ex_mom_over_ball_limit": f"{momentum.rate_limit(rescue_beta, high):.4f}",
        "ex_mom_over_nesterov_limit": f"{momentum.rate_limit(rescue_beta, high, True):.4f}",
        "ex_mom_valleys_starts_code": repr(list(choices.STARTS_VALLEYS_MOMENTUM)),
        "ex_mom_max_steps": str(DEFAULT_MAX_STEPS),
        "ex_mom_crawl_start": f"{choices.STARTS_VALLEYS_MOMENTUM[0]:g}",
        "ex_mom_inside_start": f"{choices.STARTS_VALLEYS_MOMENTUM[1]:g}",
        "ex_mom_right_curvature": f"{curvature:.2f}",
        "ex_mom_right_plain_factor": f"{abs(1 - choices.RATE_VALLEYS * curvature):.2f}",
        "ex_mom_right_valley": f"{right:.3f}",
    }
    for i, ((start, beta), run) in enumerate(runs.items()):
        values[f"ex_mom_valleys_line_{i}"] = f"{start} {beta} w = {run.w:.3f}, {run.steps} steps"
        values[f"ex_mom_valleys_steps_{i}"] = count(run.steps)
    return values


def _workbook() -> dict[str, str]:
    """The workbook's momentum exercise: the lesson's η with its β, and with none."""
    lines = []
    for beta in (lesson.BETA_MOMENTUM, 0):
        run = lesson.momentum_2d(lesson.RATE_MOMENTUM, beta)
        lines.append(f"beta {beta}: {_outcome(run)}")
    return {"wb_momentum_out": "\n".join(lines)}


def _widget() -> dict[str, str]:
    return {"playground_momentum": playground.playground_momentum_html()}
