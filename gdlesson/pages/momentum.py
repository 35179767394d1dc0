"""Momentum: the page's numbers, figures and claims."""

from __future__ import annotations

import functools
import math
from functools import partial

import numpy as np
from matplotlib.figure import Figure

from gdlesson import choices, lesson, momentum, playground, valleys
from gdlesson.claim import Claim, lambdas, register, require
from gdlesson.costs import two_weight_cost
from gdlesson.descent import DEFAULT_MAX_STEPS
from gdlesson.drawing import WIDTH, FigureSpec, Texts, dots, outcome, side_notes, valley_map_axes
from gdlesson.numbers import count, markdown_table, signed
from gdlesson.pages import many_valleys as many_valleys_page
from gdlesson.pages import two_weights as two_weights_page
from gdlesson.placeholders import Fact
from gdlesson.style import palette_colours

# --- numbers ----------------------------------------------------------------------------


#: The momenta of the page's table "above the best", besides the lesson's β and the
#: exercises' large one, each at the lesson's η.
TABLE_BETAS = (0.0, 0.5, 0.7)


def _lambdas() -> tuple[float, float]:
    low, high = two_weight_cost().curvatures()
    return float(low), float(high)


def _outcome(run) -> str:
    """A run as the page's session prints it."""
    return f"{run.status} after {run.steps} steps"


def _digit_steps(factor: float) -> str:
    """Steps per digit: how many steps shrink the distance ten times, at ``factor`` a step."""
    return f"{math.log(0.1) / math.log(factor):.1f}"


def _run() -> dict[str, Fact]:
    """The heavy ball and plain descent from the lesson's start."""
    ball, plain = many_valleys_page.heavy_ball_run(), many_valleys_page.plain_run()
    beta = lesson.BETA_MOMENTUM
    return {
        "rate_momentum": f"{lesson.RATE_MOMENTUM:g}",
        "beta_momentum": f"{beta:g}",
        "steps_momentum": ball.steps,
        "end_w_momentum": str(np.round(ball.w, 3)),
        "rate_plain_best": f"{plain.learning_rate:g}",
        "steps_plain_best": plain.steps,
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
    curvature = many_valleys_page.curvature_at(flat_cost.slope, right)
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


def _widget() -> dict[str, str]:
    return {"playground_momentum": playground.playground_momentum_html()}


def facts() -> dict[str, Fact]:
    """The numbers of "Momentum", by name."""
    return _widget() | _exercises() | _nesterov() | _above() | _run() | _best()


# --- figures ----------------------------------------------------------------------------


def momentum_paths_figure(fig: Figure, palette: str) -> None:
    """The contour map of two weights with both paths from the lesson's start."""
    cost = two_weight_cost()
    plain, ball = many_valleys_page.plain_run(), many_valleys_page.heavy_ball_run()
    w_min = cost.minimum()
    # A coarser grid than the figure of Two weights: the page carries a playground too.
    w1s, w2s = (axis[::2] for axis in two_weights_page._grid_2d())
    levels = [level for level in choices.LEVELS_2D if level > cost(w_min)]
    c = palette_colours(palette)
    ax = fig.add_subplot()
    grid = cost.on_grid(w1s, w2s).T
    lines = ax.contour(w1s, w2s, grid, levels=levels, colors=c["muted"], linewidths=0.9)
    ax.clabel(lines, [v for v in levels if v >= 0.5], fmt="%g", fontsize=8.5, inline_spacing=3)
    for run, colour, style in ((plain, c["curve"], "--"), (ball, c["accent"], "-")):
        ax.plot(run.path[:, 0], run.path[:, 1], style, color=colour, linewidth=1.4, zorder=2)
        dots(ax, run.path[:, 0], run.path[:, 1], colour, size=5, zorder=3)
    ax.plot(*ball.path[0], "o", color=c["text"], markersize=8, zorder=4)
    two_weights_page._minimum_star(ax, c, w_min, edge_width=0.8)
    notes = [
        (f"plain, η = {plain.learning_rate:g}", c["curve"]),
        (f"dashed: {count(plain.steps)} steps", c["curve"]),
        ("", None),
        ("heavy ball,", c["accent"]),
        (f"η = {ball.learning_rate:g}, β = {ball.beta:g}", c["accent"]),
        (f"solid: {count(ball.steps)} steps", c["accent"]),
        ("", None),
        (
            f"start ({signed(choices.START_2D[0], 'g')}, {signed(choices.START_2D[1], 'g')})",
            c["text"],
        ),
        (f"minimum ({signed(w_min[0], '.3f')}, {signed(w_min[1], '.3f')})", c["highlight"]),
    ]
    side_notes(ax, notes)
    valley_map_axes(ax, w1s, w2s)


@functools.cache
def _texts() -> dict[str, Texts]:
    """The texts of this part's figure, by name; every number in them computed."""
    plain, ball = many_valleys_page.plain_run(), many_valleys_page.heavy_ball_run()
    start = f"({choices.START_2D[0]:g}, {choices.START_2D[1]:g})"
    low, high = (float(v) for v in two_weight_cost().curvatures())
    swinging = [
        where
        for where, lam in (("across", high), ("along", low))
        if momentum.swings(ball.learning_rate, ball.beta, lam)
    ]
    return {
        "momentum-paths": Texts(
            alt=f"The contour map of the two-weight valley with two paths from {start}: plain "
            f"descent at η = {plain.learning_rate:g} zig-zags across the valley and "
            f"{outcome(plain)}; the heavy ball at η = {ball.learning_rate:g}, "
            f"β = {ball.beta:g} swings {' and '.join(swinging)} the valley and {outcome(ball)}.",
            caption=f"Two descents from {start}. Look at where the dots bunch up: the dashed "
            f"path of plain descent, at its best rate, {outcome(plain)}; the solid path of "
            f"the heavy ball {outcome(ball)}.",
        ),
    }


#: The page's figures, in its order.
FIGURES = (FigureSpec("momentum-paths", momentum_paths_figure, "svg", _texts, size=(WIDTH, 4.9)),)


# --- claims -----------------------------------------------------------------------------

#: What the page says, each sentence with its check.
CLAIMS: list[Claim] = []
claim = partial(register, CLAIMS, "momentum.md")


def _two(rate, beta, nesterov=False):
    return lesson.momentum_2d(rate, beta, nesterov)


@claim(
    "plain descent at its best rate needs the fewest steps of any fixed rate from the start",
    slow=True,
)
def _plain_best() -> None:
    plain = many_valleys_page.plain_run()
    require(plain.converged, plain.status)
    for rate in np.arange(0.001, 2 / lambdas()[1], 0.001):
        run = lesson.descent_2d(round(float(rate), 3))
        require(not run.converged or run.steps >= plain.steps, f"{rate:.3f}: {run.steps} steps")


@claim("β = 0 is plain descent, step for step")
def _beta_zero() -> bool:
    plain = lesson.descent_2d(lesson.RATE_2D)
    return bool(np.array_equal(_two(lesson.RATE_2D, 0.0).path, plain.path))


@claim("on a steady slope the steps grow to 1/(1 − β) times the plain step")
def _steady_gain() -> None:
    beta, rate, g = lesson.BETA_MOMENTUM, 0.1, 1.0
    v = 0.0
    for _ in range(500):
        v = beta * v - rate * g
    require(math.isclose(v / (-rate * g), 1 / (1 - beta), rel_tol=1e-9), f"{v}")


@claim("the recurrence: each direction's part follows x(k+1) = (1 + β − ηλ) x(k) − β x(k−1)")
def _recurrence() -> None:
    cost, run = two_weight_cost(), many_valleys_page.heavy_ball_run()
    values, axes = cost.axes()
    parts = (run.path - cost.minimum()) @ axes
    for j, lam in enumerate(values):
        trace = momentum.axis_trace(run.learning_rate, run.beta, float(lam), parts[0, j], 20)
        np.testing.assert_allclose(parts[:21, j], trace, atol=1e-9)


@claim("at η*, β* both directions' roots are complex or double, of size √β*")
def _best_swings() -> None:
    rate, beta = momentum.best_rate_and_beta(two_weight_cost())
    for lam in lambdas():
        size = momentum.step_factor(rate, beta, lam)
        require(math.isclose(size, math.sqrt(beta), rel_tol=1e-6), f"λ = {lam}: {size}")


@claim("η*, β* give the smallest slowest factor of any η and β (on a fine grid)")
def _best_is_best() -> None:
    cost = two_weight_cost()
    rate, beta = momentum.best_rate_and_beta(cost)
    best = momentum.slowest_factor(rate, beta, cost)
    for r in np.linspace(0.01, 0.38, 75):
        for b in np.linspace(0.0, 0.95, 39):
            f = momentum.slowest_factor(float(r), float(b), cost)
            require(f >= best - 1e-12, f"η = {r:.3f}, β = {b:.3f}: {f} < {best}")


@claim("√β* = (√κ − 1)/(√κ + 1) is below plain descent's best (κ − 1)/(κ + 1)")
def _sqrt_kappa() -> None:
    low, high = lambdas()
    rate, beta = momentum.best_rate_and_beta(two_weight_cost())
    kappa = high / low
    require(math.isclose(math.sqrt(beta), (kappa**0.5 - 1) / (kappa**0.5 + 1)), "√β*")
    require(math.sqrt(beta) < (kappa - 1) / (kappa + 1), "not below")


@claim("η* is above 2/λ_max, where plain descent diverges")
def _best_rate_above_limit() -> None:
    rate, _ = momentum.best_rate_and_beta(two_weight_cost())
    require(rate > 2 / lambdas()[1], f"{rate}")
    require(lesson.descent_2d(lesson.RATE_MOMENTUM).diverged, "plain at the rounded η* converges")


@claim(
    "rounded, η and β are a little below η* and β*: the gentle direction's roots are real, "
    "its factor a "
    "little larger than √β*, far below plain descent's"
)
def _rounded() -> None:
    low, high = lambdas()
    rate, beta = lesson.RATE_MOMENTUM, lesson.BETA_MOMENTUM
    best_rate, best_beta = momentum.best_rate_and_beta(two_weight_cost())
    require(beta < best_beta and rate < best_rate, f"{rate}, {beta}")
    require(not momentum.swings(rate, beta, low), "the gentle direction swings")
    factor = momentum.slowest_factor(rate, beta, two_weight_cost())
    require(math.sqrt(best_beta) < factor < 1.2 * math.sqrt(best_beta), f"{factor}")
    require(factor < (high / low - 1) / (high / low + 1), "not below plain's")


@claim(
    "above β*: every direction swings, with factor √β; past 2(1 + β)/λ_max it diverges; "
    "near it, it crawls"
)
def _claim_above() -> None:
    cost = two_weight_cost()
    _, best_beta = momentum.best_rate_and_beta(cost)
    betas, rates = table_settings()
    for beta in betas:
        run = _two(lesson.RATE_MOMENTUM, beta)
        factor = momentum.slowest_factor(lesson.RATE_MOMENTUM, beta, cost)
        require(run.converged == (factor < 1), f"β = {beta}: {run.status}, factor {factor}")
        if beta > best_beta:
            lams = (float(v) for v in cost.curvatures())
            swing = all(momentum.swings(lesson.RATE_MOMENTUM, beta, lam) for lam in lams)
            require(swing and math.isclose(factor, math.sqrt(beta)), f"β = {beta}")
    steps = [_two(lesson.RATE_MOMENTUM, b).steps for b in betas if b >= lesson.BETA_MOMENTUM]
    require(steps == sorted(steps), f"more momentum, fewer steps: {steps}")
    below, above = rates
    limit = momentum.rate_limit(lesson.BETA_MOMENTUM, lambdas()[1])
    require(below < limit < above, f"{below}, {limit}, {above}")
    near, past = _two(below, lesson.BETA_MOMENTUM), _two(above, lesson.BETA_MOMENTUM)
    require(near.converged and near.steps > 5 * many_valleys_page.heavy_ball_run().steps, f"{near}")
    require(past.diverged, f"{past}")


@claim("raising η, the steep direction's roots turn real, one below −√β: the factor grows")
def _steep_real() -> None:
    high = lambdas()[1]
    rate, beta = table_settings()[1][0], lesson.BETA_MOMENTUM
    z = momentum.roots(rate, beta, high)
    require(all(abs(r.imag) < 1e-15 for r in z), f"{z}")
    require(min(r.real for r in z) < -math.sqrt(beta), f"{z}")
    cost = two_weight_cost()
    slower = momentum.slowest_factor(rate, beta, cost)
    require(slower > momentum.slowest_factor(lesson.RATE_MOMENTUM, beta, cost), "")


@claim("no β < 1 takes the heavy ball's limit to 4/λ_max")
def _ceiling() -> None:
    high = lambdas()[1]
    for beta in np.linspace(0, 0.999, 50):
        require(momentum.rate_limit(float(beta), high) < 4 / high, f"{beta}")


@claim(
    "Nesterov's limit is below 2/λ_max for every β > 0; the heavy ball's setting is "
    "too much for it; at its own setting it converges, slower than the heavy ball; tuned on "
    "a grid, its best factor is still above the heavy ball's best"
)
def _claim_nesterov() -> None:
    high = lambdas()[1]
    for beta in np.linspace(0.01, 0.99, 50):
        require(momentum.rate_limit(float(beta), high, True) < 2 / high, f"{beta}")
    require(_two(lesson.RATE_MOMENTUM, lesson.BETA_MOMENTUM, True).diverged, "converges")
    rate, beta = nesterov_setting()
    own = _two(rate, beta, True)
    require(own.converged, f"{own}")
    require(
        many_valleys_page.heavy_ball_run().steps < own.steps,
        "the heavy ball at its best is not faster",
    )
    # Tuned on the grid, Nesterov's best is near the known optimum on a quadratic,
    # 1 − 2/√(3κ + 1), and above the heavy ball's best factor, (√κ − 1)/(√κ + 1).
    low = lambdas()[0]
    tuned = nesterov_best_factor()
    require(abs(tuned - (1 - 2 / math.sqrt(3 * high / low + 1))) < 0.01, f"{tuned}")
    best_ball = math.sqrt(momentum.best_rate_and_beta(two_weight_cost())[1])
    require(tuned > best_ball, f"tuned Nesterov {tuned} ≤ the heavy ball's {best_ball}")


@claim(
    "exercise 1: β = 0.9 at the lesson's rate: both directions swing, by √β, and it is "
    "slower than plain descent"
)
def _ex_large_beta() -> None:
    cost, beta = two_weight_cost(), choices.BETA_MOMENTUM_LARGE
    for lam in cost.curvatures():
        require(momentum.swings(lesson.RATE_2D, beta, float(lam)), f"λ = {lam}")
    factor = momentum.slowest_factor(lesson.RATE_2D, beta, cost)
    require(math.isclose(factor, math.sqrt(beta)), f"{factor}")
    slow, plain = _two(lesson.RATE_2D, beta), lesson.two_weight_descent()
    require(slow.converged and slow.steps > plain.steps, f"{slow.steps} vs {plain.steps}")


@claim(
    "exercise 2: plain descent diverges just above 2/λ_max; the heavy ball with a little "
    "momentum converges, Nesterov's diverges"
)
def _ex_rescue() -> None:
    rate, beta = lesson.RATE_OVER_LIMIT_2D, choices.BETA_MOMENTUM_RESCUE
    high = lambdas()[1]
    require(rate > 2 / high and lesson.descent_2d(rate).diverged, "plain descent converges")
    require(momentum.rate_limit(beta, high) > rate > momentum.rate_limit(beta, high, True), "")
    require(_two(rate, beta).converged, "the heavy ball diverges")
    require(_two(rate, beta, True).diverged, "Nesterov converges")


@claim(
    "exercise 3: on the two-valley cost, plain descent crawls from the flat start and "
    "arrives from inside the narrow valley; with β = 0.9 the ball reaches the valley from "
    "the flat start, and is slower from inside"
)
def _ex_valleys() -> None:
    cost, beta = valleys.valleys_cost(), choices.BETA_MOMENTUM_LARGE
    flat, inside = choices.STARTS_VALLEYS_MOMENTUM
    require(flat in choices.STARTS_VALLEYS, "the flat start is not Many valleys' crawling one")

    def run(start, b):
        return momentum.momentum_descent(cost, start, choices.RATE_VALLEYS, b)

    plain_flat = valleys.descent(flat, choices.RATE_VALLEYS)
    require(valleys.ending(plain_flat) == "elsewhere" and plain_flat.status == "stopped", "")
    require(valleys.ending(run(flat, beta)) == "valley 1", "the ball does not reach the valley")
    plain_in, ball_in = run(inside, 0.0), run(inside, beta)
    require(valleys.ending(plain_in) == valleys.ending(ball_in) == "valley 1", "")
    require(ball_in.steps > plain_in.steps, f"{ball_in.steps} vs {plain_in.steps}")
    narrow = [k for _, _, k in cost.valleys]
    require(narrow[-1] == max(narrow), "the right valley is not the narrow one")
    right = [w for w, kind in valleys.turning_points(cost) if kind == "valley"][-1]
    curvature = many_valleys_page.curvature_at(cost.slope, right)
    require(abs(1 - choices.RATE_VALLEYS * curvature) < math.sqrt(beta), "")
    require(momentum.swings(choices.RATE_VALLEYS, beta, curvature), "the ball does not swing")


claim("the heavy ball reaches the same minimum in far fewer steps")(
    many_valleys_page.heavy_ball_faster
)
