"""The claims of "Momentum": the heavy ball against plain descent on the two-weight
valley, the recurrence's best η and β and what happens above them, Nesterov's
variant, and the premises and answers of the page's exercises."""

from __future__ import annotations

import math
from functools import partial

import numpy as np

from gdlesson import choices, lesson, momentum, valleys
from gdlesson import exercises as ex
from gdlesson.claims.claim import Claim, register, require
from gdlesson.claims.common import lambdas
from gdlesson.costs import two_weight_cost
from gdlesson.facts import momentum as momentum_facts
from gdlesson.figures.momentum import heavy_ball_run, plain_run

CLAIMS: list[Claim] = []
claim = partial(register, CLAIMS, "momentum.md")


def _two(rate, beta, nesterov=False):
    return lesson.momentum_2d(rate, beta, nesterov)


@register(
    CLAIMS,
    "momentum.md",
    "plain descent at its best rate needs the fewest steps of any fixed rate from the start",
    slow=True,
)
def _plain_best() -> None:
    plain = plain_run()
    require(plain.converged, plain.status)
    for rate in np.arange(0.001, 2 / lambdas()[1], 0.001):
        run = lesson.descent_2d(round(float(rate), 3))
        require(not run.converged or run.steps >= plain.steps, f"{rate:.3f}: {run.steps} steps")


@claim("the heavy ball reaches the same minimum in far fewer steps")
def _heavy_ball_faster() -> None:
    ball, plain = heavy_ball_run(), plain_run()
    require(ball.converged and 2 * ball.steps < plain.steps, f"{ball.steps} vs {plain.steps}")
    np.testing.assert_allclose(ball.w, two_weight_cost().minimum(), atol=1e-6)


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
    cost, run = two_weight_cost(), heavy_ball_run()
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
def _above() -> None:
    cost = two_weight_cost()
    _, best_beta = momentum.best_rate_and_beta(cost)
    betas, rates = momentum_facts.table_settings()
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
    require(near.converged and near.steps > 5 * heavy_ball_run().steps, f"{near}")
    require(past.diverged, f"{past}")


@claim("raising η, the steep direction's roots turn real, one below −√β: the factor grows")
def _steep_real() -> None:
    high = lambdas()[1]
    rate, beta = momentum_facts.table_settings()[1][0], lesson.BETA_MOMENTUM
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
def _nesterov() -> None:
    high = lambdas()[1]
    for beta in np.linspace(0.01, 0.99, 50):
        require(momentum.rate_limit(float(beta), high, True) < 2 / high, f"{beta}")
    require(_two(lesson.RATE_MOMENTUM, lesson.BETA_MOMENTUM, True).diverged, "converges")
    rate, beta = momentum_facts.nesterov_setting()
    own = _two(rate, beta, True)
    require(own.converged, f"{own}")
    require(heavy_ball_run().steps < own.steps, "the heavy ball at its best is not faster")
    # Tuned on the grid, Nesterov's best is near the known optimum on a quadratic,
    # 1 − 2/√(3κ + 1), and above the heavy ball's best factor, (√κ − 1)/(√κ + 1).
    low = lambdas()[0]
    tuned = momentum_facts.nesterov_best_factor()
    require(abs(tuned - (1 - 2 / math.sqrt(3 * high / low + 1))) < 0.01, f"{tuned}")
    best_ball = math.sqrt(momentum.best_rate_and_beta(two_weight_cost())[1])
    require(tuned > best_ball, f"tuned Nesterov {tuned} ≤ the heavy ball's {best_ball}")


# --- exercises -------------------------------------------------------------------


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
    curvature = ex.curvature_at(cost.slope, right)
    require(abs(1 - choices.RATE_VALLEYS * curvature) < math.sqrt(beta), "")
    require(momentum.swings(choices.RATE_VALLEYS, beta, curvature), "the ball does not swing")


@register(
    CLAIMS,
    "summary.md",
    "momentum: through the narrow valley in fewer steps than plain descent at its best; "
    "at its best η and β each direction shrinks by (√κ − 1)/(√κ + 1) a step",
)
def _summary() -> None:
    _heavy_ball_faster()
    _best_swings()
    _sqrt_kappa()


@register(
    CLAIMS,
    "many-valleys.md",
    "momentum gets through the narrow valley of Two weights in fewer steps",
)
def _many_valleys() -> None:
    _heavy_ball_faster()
