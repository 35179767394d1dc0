"""Choosing the rate: the page's numbers, figures, claims and exercises."""

from __future__ import annotations

import functools
from functools import partial

import numpy as np
from matplotlib.figure import Figure
from matplotlib.ticker import FixedLocator, FuncFormatter, NullLocator

from gdlesson import choices, lesson, rates
from gdlesson.claim import (
    Claim,
    crossings_2d,
    lambdas,
    register,
    require,
)
from gdlesson.costs import two_weight_cost
from gdlesson.descent import BLOWUP
from gdlesson.drawing import WIDTH, FigureSpec, Texts
from gdlesson.numbers import count
from gdlesson.placeholders import Fact
from gdlesson.style import palette_colours

# --- numbers ----------------------------------------------------------------------------


def min_cost_2d() -> float:
    """C*, the two-weight cost at its minimum: the lowest any rate can reach."""
    cost = two_weight_cost()
    return cost(cost.minimum())


def trial_line(rate: float, run, rate_format: str = "") -> str:
    """One trial as the page's search prints it: rate, how it ended, the cost at its end.

    >>> from gdlesson.descent import gradient_descent
    >>> trial_line(0.1, gradient_descent(two_weight_cost(), (0.2, 1.6), 0.1, max_steps=20))
    '0.1 stopped cost 0.1276'
    """
    shown = format(rate, rate_format) if rate_format else str(rate)
    return f"{shown} {run.status} cost {run.costs[-1]:.4g}"


def _watch() -> dict[str, str]:
    """The figure's three rates: where each has got to after the figure's steps."""
    runs = {label: lesson.descent_2d(rate) for label, rate in lesson.RATES_CHOOSING.items()}
    small, good, large = runs.values()
    shown = choices.STEPS_CHOOSING
    low = min_cost_2d()
    return {
        "choose_rate_small": f"{small.learning_rate:g}",
        "choose_rate_good": f"{good.learning_rate:g}",
        "choose_rate_large": f"{large.learning_rate:g}",
        "choose_steps": str(shown),
        "choose_cost_start": f"{small.costs[0]:.3f}",
        "choose_min_cost": f"{low:.3f}",
        "choose_small_end": f"{small.costs[shown]:.3f}",
        "choose_small_times": f"{small.costs[shown] / low:.0f}",
        "choose_small_steps": count(small.steps),
        "choose_good_steps": count(good.steps),
        "choose_large_steps": count(large.steps),
        **_near_the_limit(),
    }


def _near_the_limit() -> dict[str, str]:
    """Just under 2/λ_max the cost falls slowly; just over, it falls before it climbs."""
    shown = choices.STEPS_CHOOSING
    under = lesson.trial_2d(lesson.RATE_UNDER_LIMIT_2D, shown)
    over = lesson.trial_2d(lesson.RATE_OVER_LIMIT_2D, shown)
    return {
        "choose_rate_under": f"{lesson.RATE_UNDER_LIMIT_2D:g}",
        "choose_under_end": f"{under.costs[-1]:.1f}",
        "choose_rate_over": f"{lesson.RATE_OVER_LIMIT_2D:g}",
        "choose_over_falls": str(falling_steps(over)),
    }


def falling_steps(run) -> int:
    """How many steps the cost falls at, from the start, before it first rises."""
    rises = np.diff(run.costs) > 0
    return int(np.argmax(rises)) if rises.any() else run.steps


def _after_search(rate: float) -> float:
    """The cost after the search's steps at ``rate``."""
    return float(lesson.trial_2d(rate, lesson.SEARCH_STEPS).costs[-1])


def _search() -> dict[str, Fact]:
    """The powers-of-ten search: what it prints, what it keeps, and the next power up."""
    trials = lesson.search_trials()
    pick = lesson.search_pick(trials)
    return {
        "search_rates_code": repr(list(lesson.SEARCH_RATES)),
        "search_steps": str(lesson.SEARCH_STEPS),
        "search_printout": "\n".join(trial_line(rate, run) for rate, run in trials.items()),
        "search_pick": float(pick),
        "search_pick_cost": f"{trials[pick].costs[-1]:.4g}",
        "search_next_up": f"{min(r for r in trials if r > pick):g}",
        "search_pick_steps": count(lesson.descent_2d(pick).steps),
        "search_rate_2d_cost": f"{_after_search(lesson.RATE_2D):.4g}",
    }


def _exercises() -> dict[str, str]:
    """The exercises: the pick refined up and down, and the too-large rate in the search."""
    pick = lesson.search_pick(lesson.search_trials())
    up, down = pick * choices.REFINE_FACTOR, pick / choices.REFINE_FACTOR
    finer = pick * choices.REFINE_FINER
    over = lesson.RATES_CHOOSING["too large"]
    trial = lesson.trial_2d(over, lesson.SEARCH_STEPS)
    return {
        "ex_refine_finer": f"{choices.REFINE_FINER:g}",
        "ex_refine_finer_rate": f"{finer:.3g}",
        "ex_refine_finer_cost": f"{_after_search(finer):.4g}",
        "ex_refine_factor": str(choices.REFINE_FACTOR),
        "ex_refine_up": f"{up:.3g}",
        "ex_refine_down": f"{down:.3g}",
        "ex_refine_down_cost": f"{lesson.trial_2d(down, lesson.SEARCH_STEPS).costs[-1]:.4g}",
        # one fact a line: the answers' sessions are indented, and a fact is not
        **{
            f"ex_refine_line_{i}": trial_line(
                rate, lesson.trial_2d(rate, lesson.SEARCH_STEPS), ".3g"
            )
            for i, rate in enumerate((up, down))
        },
        "ex_over_status": trial.status,
        "ex_over_cost": count(round(trial.costs[-1])),
        "ex_over_line": f"{trial.status} from {trial.costs[0]:.4g} to {trial.costs[-1]:.4g}",
        "ex_over_times_start": count(round(trial.costs[-1] / trial.costs[0])),
    }


def facts() -> dict[str, Fact]:
    """The numbers of "Choosing the rate", by name."""
    return _exercises() | _watch() | _search()


# --- figures ----------------------------------------------------------------------------


#: The cost axis: from half the lowest cost up to the power of ten at or above this
#: many times the start.
TOP_OVER_START = 100


def _runs():
    """The three descents, by label: too small, good, too large."""
    return {label: lesson.descent_2d(rate) for label, rate in lesson.RATES_CHOOSING.items()}


def _min_cost() -> float:
    cost = two_weight_cost()
    return cost(cost.minimum())


def _decades(low: float, high: float) -> list[float]:
    """The powers of ten from ``low`` to ``high``."""
    return [10.0**e for e in range(int(np.ceil(np.log10(low))), int(np.floor(np.log10(high))) + 1)]


def cost_per_step_figure(fig: Figure, palette: str) -> None:
    """The cost after each step at three rates: one creeps down, one drops to the
    lowest cost and stays there, one climbs off the chart."""
    runs, shown, low = _runs(), choices.STEPS_CHOOSING, _min_cost()
    start = next(iter(runs.values())).costs[0]
    bottom, top = low / 2, 10.0 ** np.ceil(np.log10(start * TOP_OVER_START))
    c = palette_colours(palette)
    colours = {"too small": c["curve"], "good": c["highlight"], "too large": c["diverge"]}
    ax = fig.add_subplot()
    ax.set_yscale("log")
    ax.axhline(low, color=c["muted"], linewidth=1, linestyle=(0, (4, 3)), zorder=0)
    ax.annotate(
        f"the lowest cost, {low:.3f}",
        xy=(shown, low),
        xytext=(0, -4),
        textcoords="offset points",
        ha="right",
        va="top",
        color=c["muted"],
        fontsize=9.5,
    )
    for label, run in runs.items():
        steps = np.arange(min(run.steps, shown) + 1)
        costs = run.costs[: len(steps)]
        ax.plot(steps, costs, color=colours[label], linewidth=2, zorder=2, clip_on=True)
        text = f"{label}, η = {run.learning_rate:g}"
        if label == "too large":
            # beside the line, where it passes a tenth of the chart's top
            k = int(np.argmax(costs > top / 10)) if np.any(costs > top / 10) else len(costs) - 1
            xy, offset, ha, va = (k, costs[k]), (8, 0), "left", "center"
        elif label == "good":
            xy, offset, ha, va = (8, run.costs[8]), (6, 4), "left", "bottom"
        else:
            xy, offset, ha, va = (shown, costs[-1]), (0, 9), "right", "bottom"
        ax.annotate(
            text,
            xy=xy,
            xytext=offset,
            textcoords="offset points",
            ha=ha,
            va=va,
            color=colours[label],
            fontsize=10,
            fontweight="bold",
        )
    ax.set_xlim(0, shown)
    ax.set_ylim(bottom, top)
    ax.yaxis.set_major_locator(FixedLocator(_decades(bottom, top)))
    ax.yaxis.set_minor_locator(NullLocator())
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,g}"))
    ax.set_xlabel("step")
    ax.set_ylabel("cost C (log scale)")


@functools.cache
def _texts() -> dict[str, Texts]:
    """The texts of this part's figures, by name; every number in them computed."""
    runs, shown, low = _runs(), choices.STEPS_CHOOSING, _min_cost()
    small, good, large = runs.values()
    start = f"({choices.START_2D[0]:g}, {choices.START_2D[1]:g})"
    return {
        "cost-per-step": Texts(
            alt=f"The two-weight cost after each of {shown} steps from {start}, on a log "
            f"scale, at three learning rates. At {small.learning_rate:g} it creeps down, "
            f"to {small.costs[shown]:.3f} at step {shown}. At {good.learning_rate:g} it "
            f"drops to the lowest cost, {low:.3f}, and stays there. At "
            f"{large.learning_rate:g} it climbs at every step and leaves the chart; the "
            f"descent diverged after {count(large.steps)} steps.",
            caption=f"The cost after each step, from {start}, at three learning rates. Look "
            f"at the shape of each curve: too small creeps down, still falling at step "
            f"{shown}; good drops, then lies flat on the lowest cost, {low:.3f}; too large "
            f"climbs from the first step on.",
        ),
    }


#: The page's figures, in its order.
FIGURES = (FigureSpec("cost-per-step", cost_per_step_figure, "svg", _texts, size=(WIDTH, 3.4)),)


# --- claims -----------------------------------------------------------------------------

#: What the page says, each sentence with its check.
CLAIMS: list[Claim] = []
claim = partial(register, CLAIMS, "choosing-the-rate.md")
#: The premises of the page's exercises.
EXERCISE_CLAIMS: list[Claim] = []
exercise = partial(register, EXERCISE_CLAIMS, "choosing-the-rate.md")


def _claim_runs():
    """The figure's three descents: too small, good, too large."""
    return [lesson.descent_2d(rate) for rate in lesson.RATES_CHOOSING.values()]


def _claim_search():
    """The search's trials, by rate, and its pick."""
    trials = lesson.search_trials()
    return trials, lesson.search_pick(trials)


def _limit() -> float:
    """2/λ_max of the two-weight valley."""
    return 2 / lambdas()[1]


@claim("just under 2/λ_max the cost falls at every step, slower than the too-small rate's")
def _under_the_limit_falls_slowly() -> None:
    shown, rate = choices.STEPS_CHOOSING, lesson.RATE_UNDER_LIMIT_2D
    under = lesson.trial_2d(rate, shown)
    small = lesson.descent_2d(lesson.RATES_CHOOSING["too small"])
    require(rate < _limit() and lesson.descent_2d(rate).converged, f"{rate} is not under")
    require(np.all(np.diff(under.costs) < 0), "the cost does not fall at every step")
    require(under.costs[-1] > small.costs[shown], "it is not slower than the too-small rate")
    require(crossings_2d(under) == under.steps, "it does not bounce across at every step")


@claim("just over 2/λ_max the cost falls for a few steps, then climbs, and it diverges")
def _over_the_limit_falls_first() -> None:
    rate = lesson.RATE_OVER_LIMIT_2D
    over = lesson.trial_2d(rate, choices.STEPS_CHOOSING)
    falls = falling_steps(over)
    require(rate > _limit() and lesson.descent_2d(rate).diverged, f"{rate} is not over")
    require(2 <= falls < over.steps, f"the cost falls for {falls} steps")
    require(over.costs[-1] > over.costs[0], "the cost did not climb above its start")


@claim("the three rates: too small walks below 1/λ_max, good converges fastest, too large diverges")
def _three_regimes() -> None:
    small, good, large = _claim_runs()
    high = lambdas()[1]
    require(small.learning_rate < 1 / high and crossings_2d(small) == 0, "too small crosses")
    require(small.converged and good.converged, "too small or good does not converge")
    require(good.steps < small.steps, f"good takes {good.steps} steps, too small {small.steps}")
    require(good.learning_rate < _limit() < large.learning_rate, "the rates straddle no limit")
    require(large.diverged, f"too large {large.status}")


@claim("too small: after the figure's steps the cost still falls, several times the lowest")
def _too_small_still_falling() -> None:
    small = _claim_runs()[0]
    shown = choices.STEPS_CHOOSING
    costs = small.costs[: shown + 1]
    require(small.steps > shown, "too small converged within the figure")
    require(bool(np.all(np.diff(costs) < 0)), "its cost does not fall at every step")
    times = costs[-1] / min_cost_2d()
    require(times > 3, f"it is only {times:.1f} times the lowest cost")


@claim("good: the cost falls fast, then flattens out on the lowest cost and stays there")
def _good_flattens() -> None:
    good = _claim_runs()[1]
    shown = choices.STEPS_CHOOSING
    low = min_cost_2d()
    costs = good.costs[: shown + 1]
    require(good.steps >= shown, "good stops before the end of the figure")
    require(bool(np.all(np.diff(costs) <= 0)), "its cost rises at a step")
    flat_from = int(np.argmax(costs < low * 1.01))
    require(0 < flat_from < shown / 2, f"within 1% of the lowest only from step {flat_from}")
    # "stays there": below 1% above the lowest from then on, to the figure's end
    require(bool(np.all(costs[flat_from:] < low * 1.01)), "it leaves the lowest cost")


@claim("too large: the cost rises at every step, each jump across the valley longer")
def _too_large_rises() -> None:
    cost, large = two_weight_cost(), _claim_runs()[2]
    across = (large.path - cost.minimum()) @ rates.steepest_direction(cost)
    require(bool(np.all(np.diff(large.costs) > 0)), "its cost falls at a step")
    require(crossings_2d(large) == large.steps, "a step does not cross the valley")
    require(bool(np.all(np.diff(np.abs(across)) > 0)), "a jump across lands nearer")


@claim("the search tries powers of ten, largest first; the largest diverges")
def _largest_diverges() -> None:
    trials, _ = _claim_search()
    rates = list(trials)
    require(rates == sorted(rates, reverse=True), "the rates are not largest first")
    ratios = np.array(rates[:-1]) / np.array(rates[1:])
    powers = np.log10(rates)
    require(np.allclose(ratios, 10) and np.allclose(powers, np.round(powers)), "not powers of ten")
    require(trials[rates[0]].diverged, f"{rates[0]} does not diverge")
    require(sum(run.diverged for run in trials.values()) == 1, "another rate diverges")


@claim("of the others, the smaller the rate, the higher the cost at the end; the pick is largest")
def _smaller_ends_higher() -> None:
    trials, pick = _claim_search()
    kept = [(rate, run) for rate, run in trials.items() if not run.diverged]
    ends = [run.costs[-1] for _, run in kept]  # largest rate first
    require(bool(np.all(np.diff(ends) > 0)), f"the ends {ends} do not rise as rates shrink")
    require(pick == kept[0][0], f"the pick {pick} is not the largest that did not diverge")
    require(all(run.status == "stopped" for _, run in kept), "a trial converged in the budget")


@claim("the pick is below 2/λ_max and converges; the next power up is above it and diverges")
def _pick_below_the_limit() -> None:
    trials, pick = _claim_search()
    up = min(rate for rate in trials if rate > pick)
    require(pick < _limit() < up, f"{_limit()} is not between {pick} and {up}")
    require(np.isclose(up, 10 * pick), f"the next power up is {up}")
    require(lesson.descent_2d(pick).converged, "the pick does not converge")
    require(lesson.descent_2d(up).diverged, "the next power up does not diverge")


@claim("a rate between the pick and the limit, the two-weight rate, converges in fewer steps")
def _better_between() -> None:
    _, pick = _claim_search()
    require(pick < lesson.RATE_2D < _limit(), f"{lesson.RATE_2D} is not between")
    ours, theirs = lesson.descent_2d(pick), lesson.two_weight_descent()
    require(theirs.converged and theirs.steps < ours.steps, f"{theirs} against {ours}")


@exercise(
    "exercise: the pick times the factor diverges (above 2/λ_max), divided by it ends "
    "higher: the pick stays"
)
def _refine() -> bool:
    _, pick = _claim_search()
    up = lesson.trial_2d(pick * choices.REFINE_FACTOR, lesson.SEARCH_STEPS)
    down = lesson.trial_2d(pick / choices.REFINE_FACTOR, lesson.SEARCH_STEPS)
    own = lesson.trial_2d(pick, lesson.SEARCH_STEPS)
    return (
        choices.REFINE_FACTOR < 10
        and pick < _limit() < pick * choices.REFINE_FACTOR
        and up.diverged
        and not down.diverged
        and down.costs[-1] > own.costs[-1]
    )


@exercise("answer: a finer factor up, still below 2/λ_max, ends lower than the pick")
def _refine_finer() -> bool:
    _, pick = _claim_search()
    finer = pick * choices.REFINE_FINER
    ends = lesson.trial_2d(finer, lesson.SEARCH_STEPS).costs[-1]
    return (
        1 < choices.REFINE_FINER < choices.REFINE_FACTOR
        and finer < _limit()
        and (ends < lesson.trial_2d(pick, lesson.SEARCH_STEPS).costs[-1])
    )


@claim("after the search's steps, the two-weight rate's cost is below the pick's")
def _rate_2d_ends_lower() -> bool:
    _, pick = _claim_search()
    steps = lesson.SEARCH_STEPS
    rate_2d = lesson.trial_2d(lesson.RATE_2D, steps).costs[-1]
    return pick < lesson.RATE_2D < _limit() and rate_2d < lesson.trial_2d(pick, steps).costs[-1]


@exercise(
    "exercise: the too-large rate, in the search's steps, is not called diverged, "
    "but its cost rises above the start and the pick's"
)
def _too_large_not_flagged() -> bool:
    _, pick = _claim_search()
    rate = lesson.RATES_CHOOSING["too large"]
    trial = lesson.trial_2d(rate, lesson.SEARCH_STEPS)
    own = lesson.trial_2d(pick, lesson.SEARCH_STEPS)
    return (
        rate > _limit()
        and trial.status == "stopped"
        and 1 <= trial.costs[0] < trial.costs[-1] < BLOWUP * trial.costs[0]
        and trial.costs[-1] > own.costs[-1]
        and lesson.descent_2d(rate).diverged
    )
