"""How big a step?: the page's numbers, figures, claims and exercises."""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal
from functools import partial

import numpy as np
from matplotlib.figure import Figure

from gdlesson import choices, lesson, playground, rates
from gdlesson import compute_budget as budget
from gdlesson.choices import CANDIDATES, SEARCH_RANGE
from gdlesson.claim import (
    Claim,
    crossings_1d,
    curvature_1d,
    register,
    require,
    w_star_1d,
    walks,
    zigzags,
)
from gdlesson.costs import one_weight_cost, two_weight_cost
from gdlesson.derived import significant
from gdlesson.descent import BLOWUP, TOLERANCE
from gdlesson.drawing import (
    WIDTH,
    FigureSpec,
    dots,
    outcome,
)
from gdlesson.numbers import count, markdown_table, scientific_text, signed, tex_power
from gdlesson.pages import gradient_descent as gradient_descent_page
from gdlesson.placeholders import Fact
from gdlesson.playground import config_1d
from gdlesson.style import palette_colours

# --- what the exercises derive from the data -----------------------------------------


#: The data's curvatures, which the exercises' rates follow (as the lesson's do).
_L_1D = one_weight_cost().curvature()


#: How big a step: a rate below 1/L, one between 1/L and 2/L, one above 2/L (at about
#: 0.73/L, 1.37/L and 2.7/L).
REGIME_RATES = (
    significant(0.73 / _L_1D, 2, "down"),
    significant(1.37 / _L_1D),
    significant(2.7 / _L_1D, 2, "up"),
)


# --- numbers ----------------------------------------------------------------------------


def _playgrounds() -> dict[str, str]:
    """The playgrounds of one weight and of two, as HTML."""
    return {
        "playground_1d": playground.playground_1d_html(),
        "playground_2d": playground.playground_2d_html(),
    }


def _outcome(run) -> str:
    """ "converged after 28 steps", as the tables say it."""
    return f"{run.status} after {count(run.steps)} steps"


def _named_rates() -> dict[str, Fact]:
    """The rates just right and too large, and how their descents ended (what the
    pages quote of the three)."""
    runs = lesson.rate_descents()
    right, large = runs["just right"], runs["too large"]
    return {
        "rate_just_right": f"{right.learning_rate:g}",
        "steps_just_right": count(right.steps),
        "rate_too_large": f"{large.learning_rate:g}",
        "steps_too_large": large.steps,
        "status_too_large": large.status,
    }


def _slope() -> dict[str, Fact]:
    """The slope derived and checked, the factor 1 − ηL, the blow-up cut-off."""
    cost = one_weight_cost()
    start, curvature = choices.START_1D, cost.curvature()
    w_star = float(cost.minimum()[0])
    h = 1e-6  # the page's step for the finite difference
    fast = lesson.descent_1d(lesson.RATE_FAST_ZIGZAG_1D)
    large = lesson.descent_1d(lesson.RATES_1D["too large"])
    cutoff = BLOWUP * max(large.costs[0], 1.0)
    return {
        "tolerance": TOLERANCE,
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


def _descent() -> dict[str, str]:
    """Gradient descent: a rate that walks, one that zig-zags, one that diverges; η = 1/L."""
    regimes = [lesson.descent_1d(rate) for rate in REGIME_RATES]
    one_step = lesson.descent_1d(1 / one_weight_cost().curvature())
    return {
        "ex_regime_rates": repr(list(REGIME_RATES)),
        "ex_rate_walks": f"{REGIME_RATES[0]:g}",
        "ex_rate_zigzags": f"{REGIME_RATES[1]:g}",
        "ex_rate_diverges": f"{REGIME_RATES[2]:g}",
        **{
            f"ex_regime_{name}": f"{run.learning_rate:g} {run.status} after {run.steps} steps, "
            f"first step to {run.path[1]:.2f}"
            for name, run in zip(("walks", "zigzags", "diverges"), regimes, strict=True)
        },
        "ex_steps_one_step": str(one_step.steps),
        "ex_end_w_one_step": f"{one_step.w:.4f}",
    }


def facts() -> dict[str, Fact]:
    """The numbers of "How big a step?", by name."""
    return _playgrounds() | _slope() | _named_rates() | _descent()


# --- figures ----------------------------------------------------------------------------


def _rate_panel(ax, c, label_text, run):
    """One learning rate's descent on the cost curve, titled with how it ended."""
    cost = one_weight_cost()
    low, high = SEARCH_RANGE
    colour = c["diverge"] if run.diverged else c["accent"]
    ws = np.linspace(low, high, 161)
    ax.plot(ws, cost.on_grid(ws), color=c["curve"], linewidth=1.8, zorder=1)
    ax.plot(run.path, run.costs, color=colour, linewidth=1.2, zorder=2)
    dots(ax, run.path, run.costs, colour, size=5.5, zorder=3)
    ax.plot([run.path[0]], [run.costs[0]], "o", color=colour, markersize=7, zorder=4)
    ax.set_xlim(low, high)
    ax.set_ylim(0, cost.on_grid(np.array(SEARCH_RANGE)).max() * 1.1)
    title = f"{label_text}: η = {run.learning_rate:g}\n{outcome(run)}"
    ax.set_title(
        title, color=c["diverge"] if run.diverged else c["text"], fontsize=10.5, linespacing=1.4
    )
    ax.set_xlabel("weight w")
    ax.set_xticks(np.arange(low, high + 1e-9, 1.0))
    if run.diverged:
        ax.text(
            0.1,
            0.98,
            f"leaves the chart;\nC reaches {scientific_text(run.costs[-1], 2)}",
            transform=ax.transAxes,
            ha="left",
            va="top",
            color=c["diverge"],
            fontsize=9,
            linespacing=1.3,
        )


def learning_rates_figure(fig: Figure, palette: str) -> None:
    """Too small, just right, too large: the same descent at three learning rates."""
    runs = lesson.rate_descents()
    c = palette_colours(palette)
    axes = fig.subplots(1, len(runs), sharey=True)
    for ax, (label_text, run) in zip(axes, runs.items(), strict=True):
        _rate_panel(ax, c, label_text, run)
    axes[0].set_ylabel("cost C(w)")


#: The page's figures, in its order.
FIGURES = (
    FigureSpec(
        "learning-rates",
        learning_rates_figure,
        "svg",
        gradient_descent_page._texts,
        size=(WIDTH, 3.1),
    ),
)


# --- claims -----------------------------------------------------------------------------

#: What the page says, each sentence with its check.
CLAIMS: list[Claim] = []
claim = partial(register, CLAIMS, "step-size.md")
#: The premises of the page's exercises.
EXERCISE_CLAIMS: list[Claim] = []
exercise = partial(register, EXERCISE_CLAIMS, "step-size.md")


def _best_of_rates() -> bool:
    """Of the rates too small, just right and too large, "just right" arrives first."""
    runs = {label: gradient_descent_page.one(rate) for label, rate in lesson.RATES_1D.items()}
    fastest = min((r for r in runs.values() if r.converged), key=lambda r: r.steps)
    return fastest is runs["just right"]


@claim("the ball's rate walks to the minimum without overshooting (below 1/L) and converges")
def _ball_below_1_over_l() -> bool:
    run = gradient_descent_page.one(choices.RATE_1D)
    return 1 / curvature_1d() > choices.RATE_1D and run.converged and walks(run)


@claim("the zig-zag rate lies between 1/L and 2/L, overshoots at every step and converges")
def _zigzag_between_the_limits() -> bool:
    run = gradient_descent_page.one(lesson.RATE_ZIGZAG_1D)
    L = curvature_1d()
    return 1 / L < lesson.RATE_ZIGZAG_1D < 2 / L and zigzags(run) and run.converged


@claim("the 'too large' rate lies above 2/L and diverges")
def _too_large_diverges() -> bool:
    rate = lesson.RATES_1D["too large"]
    return rate > 2 / curvature_1d() and gradient_descent_page.one(rate).diverged


@claim("the 'too small' rate lies below 1/L and is slower than the 'just right' one")
def _too_small_is_slower() -> bool:
    return lesson.RATES_1D["too small"] < 1 / curvature_1d() and _best_of_rates()


@claim("the 'just right' rate converges fastest of the three, in fewer steps than brute force")
def _just_right_is_fastest() -> bool:
    return (
        _best_of_rates()
        and gradient_descent_page.one(lesson.RATES_1D["just right"]).steps < CANDIDATES
    )


@claim("every step multiplies the distance to the minimum by 1 − ηL")
def _steps_multiply_by_the_factor() -> None:
    for rate in lesson.RATES_TABLE_1D:
        distance = gradient_descent_page.one(rate).path - w_star_1d()
        far = np.abs(distance[:-1]) > 1e-6
        ratios = distance[1:][far] / distance[:-1][far]
        factor = rates.step_factor(rate, curvature_1d())
        np.testing.assert_allclose(ratios, factor, rtol=1e-6, err_msg=f"rate {rate}")


# slow: 66 descents, checked by the tests rather than by every build
@claim("below 1/L it walks, up to 2/L it zig-zags, above 2/L it diverges", slow=True)
def _regimes() -> None:
    L = curvature_1d()
    for rate in [*lesson.RATES_TABLE_1D, *np.linspace(0.02, 2.5, 60) / L]:
        run, crossings = (
            gradient_descent_page.one(rate),
            crossings_1d(gradient_descent_page.one(rate)),
        )
        said = f"rate {rate}: {run.status}, {crossings} crossings in {run.steps} steps"
        if rate < 1 / L:
            require(run.converged and crossings == 0, said)
        elif rate < 2 / L:
            require(run.converged and crossings == run.steps, said)
        else:
            require(run.diverged and crossings == run.steps, said)


@claim("the table's step counts follow the size of the factor, not its sign")
def _steps_follow_the_size_of_the_factor() -> None:
    converged = [r for r in lesson.RATES_TABLE_1D if gradient_descent_page.one(r).converged]
    signs = {np.sign(rates.step_factor(r, curvature_1d())) for r in converged}
    require(signs == {1.0, -1.0}, "the table shows both signs")
    by_size = sorted(converged, key=lambda r: abs(rates.step_factor(r, curvature_1d())))
    steps = [gradient_descent_page.one(r).steps for r in by_size]
    require(steps == sorted(steps), f"rates {by_size} take {steps} steps")


@claim("the table's factors are 1 − ηL, rounded right from exact decimals")
def _factors_rounded_right() -> None:
    area = [Decimal(repr(float(a))) for a in one_weight_cost().inputs[:, 0]]
    exact_l = sum(a * a for a in area)
    rows = rates_table_1d().splitlines()[2:]
    require(len(rows) == len(lesson.RATES_TABLE_1D), "a row for each rate")
    for rate, row in zip(lesson.RATES_TABLE_1D, rows, strict=True):
        shown = row.split("|")[2].strip().replace("−", "-")
        exact = 1 - Decimal(repr(rate)) * exact_l
        places = Decimal(1).scaleb(-len(shown.split(".")[1]))
        rounded = exact.quantize(places, ROUND_HALF_UP)
        require(Decimal(shown) == rounded, f"rate {rate}: shown {shown}, exact {exact}")


@claim("at η = 1/L one step lands on the minimum")
def _one_step_at_1_over_l() -> bool:
    return gradient_descent_page.one(1 / curvature_1d()).steps == 1


@claim("w* = Σ area·price / Σ area² is where the descent ends")
def _formula_is_the_end() -> None:
    cost = one_weight_cost()
    formula = float(cost.inputs[:, 0] @ cost.targets / np.sum(cost.inputs**2))
    require(
        math.isclose(formula, w_star_1d(), rel_tol=1e-12, abs_tol=1e-12),
        f"the formula gives {formula}, the minimum is {w_star_1d()}",
    )
    end = gradient_descent_page.one(choices.RATE_1D).w
    require(f"{end:.4f}" == f"{formula:.4f}", f"the descent ends at {end}")


@claim("the too-large rate diverges when its cost passes the cut-off")
def _diverges_at_the_cutoff() -> None:
    run = gradient_descent_page.one(lesson.RATES_1D["too large"])
    cutoff = BLOWUP * max(run.costs[0], 1.0)
    require(run.diverged, f"it {run.status}")
    require(run.costs[-1] > cutoff and np.all(run.costs[:-1] <= cutoff), "not at the cut-off")


@claim("diverging, the extra cost grows by (1 − ηL)² each step")
def _extra_cost_grows() -> None:
    rate = lesson.RATES_1D["too large"]
    extra = gradient_descent_page.one(rate).costs - one_weight_cost()(w_star_1d())
    factor = rates.step_factor(rate, curvature_1d())
    require(factor < -1, f"the factor is {factor}")
    np.testing.assert_allclose(extra[1:] / extra[:-1], factor**2, rtol=1e-6)


@claim("a good rate needs far fewer steps than brute force's evaluations, and less work")
def _fewer_steps_than_brute_force() -> None:
    run = gradient_descent_page.one(lesson.RATES_1D["just right"])
    require(run.steps < CANDIDATES, f"{run.steps} steps")
    # counted in passes over the houses, the last slope (the flat one) too: far less
    require(lesson.passes(run) < CANDIDATES / 10, f"{lesson.passes(run)} passes")


@claim("at η = 2/L exactly, every step lands just as far on the other side")
def _bounces_at_the_limit() -> None:
    cost, L = one_weight_cost(), curvature_1d()
    w_star, w = w_star_1d(), choices.START_1D
    for _ in range(10):
        w_next = w - 2 / L * float(cost.gradient([w])[0])
        require(np.isclose(w_next - w_star, w_star - w, rtol=1e-9), f"{w} → {w_next}")
        w = w_next


@claim("the playground names Figure 6's rates as the figure does; the ball's not 'too small'")
def _playground_agrees_with_the_page() -> None:
    config = config_1d()
    mode = config["modes"][0]

    def label(rate: float) -> str:
        return mode["bands"][mode["band"][config["rates"].index(rate)]]["label"]

    for name, rate in lesson.RATES_1D.items():
        require(label(rate).startswith(name), f"{rate} ({name}) is labelled {label(rate)!r}")
    ball = label(choices.RATE_1D)
    require(not ball.startswith("too"), f"the ball's rate {choices.RATE_1D} is labelled {ball!r}")


@exercise(
    "answer: with two weights no rate lands in one step from every start, "
    "but 1/λ does from a start along λ's direction"
)
def _one_step_needs_the_right_start() -> None:
    cost = two_weight_cost()
    w_star = cost.minimum()
    values, directions = cost.axes()
    # From START_2D one step of rate η leaves e − η·Ae, e = start − w*, A = XᵀX:
    # closest to w* for η = e·Ae / ‖Ae‖², and still away from it.
    e = np.asarray(choices.START_2D) - w_star
    ae = cost.inputs.T @ cost.inputs @ e
    closest = np.linalg.norm(e - (e @ ae) / (ae @ ae) * ae)
    require(closest > 1e-3, f"some rate lands within {closest} from {choices.START_2D}")
    for value, direction in zip(values, directions.T, strict=True):
        start = w_star + direction
        w = start - cost.gradient(start) / value
        require(np.linalg.norm(w - w_star) < 1e-9, f"1/{value} misses from {start}")


@exercise("exercise: the three rates walk (below 1/L), zig-zag (1/L to 2/L), diverge (above 2/L)")
def _claim_regimes() -> bool:
    walking, zigzagging, diverging = (lesson.descent_1d(rate) for rate in REGIME_RATES)
    walk_rate, zigzag_rate, diverge_rate = REGIME_RATES
    return (
        walk_rate < 1 / curvature_1d() < zigzag_rate < 2 / curvature_1d() < diverge_rate
        and walking.converged
        and walks(walking)
        and zigzagging.converged
        and zigzags(zigzagging)
        and diverging.diverged
    )


@exercise("exercise: at η = 1/L one step lands on the minimum; two weights have two curvatures")
def _one_step_and_two_curvatures() -> bool:
    low, high = two_weight_cost().curvatures()
    return lesson.descent_1d(1 / curvature_1d()).steps == 1 and high > 1.01 * low
