"""Choosing the rate: the cost step by step at three rates, the powers-of-ten search
and its exercises (page "Choosing the rate"); and the summary's "true or false?"
checks of four beliefs (page "Summary")."""

from __future__ import annotations

import numpy as np

from gdlesson import choices, lesson, valleys
from gdlesson.costs import one_weight_cost, two_weight_cost
from gdlesson.numbers import count


def facts() -> dict[str, str]:
    """The numbers of "Choosing the rate" and of the summary's checks, by name."""
    return _watch() | _search() | _exercises() | _true_or_false()


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


def _search() -> dict[str, str]:
    """The powers-of-ten search: what it prints, what it keeps, and the next power up."""
    trials = lesson.search_trials()
    pick = lesson.search_pick(trials)
    return {
        "search_rates_code": repr(list(lesson.SEARCH_RATES)),
        "search_steps": str(lesson.SEARCH_STEPS),
        "search_printout": "\n".join(trial_line(rate, run) for rate, run in trials.items()),
        "search_pick": f"{pick:g}",
        "search_pick_py": repr(pick),
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


def _true_or_false() -> dict[str, str]:
    """The summary's checks: the hump's cost, the rate tables' step counts, the lowest
    costs, and a start that ends in the higher valley."""
    cost = valleys.valleys_cost()
    hump = next(w for w, kind in valleys.turning_points(cost) if kind == "hump")
    one = one_weight_cost()
    w_star = float(one.minimum()[0])
    higher = next(run for run in valleys.descents() if valleys.ending(run) == "valley 0")
    values = {
        "tf_hump_cost": f"{cost(hump):.3f}",
        "tf_w_star_1d": f"{w_star:.4f}",
        "tf_min_cost_1d": f"{one(w_star):.4f}",
        "tf_min_cost_2d": f"{min_cost_2d():.4f}",
        "tf_valley_start": f"{higher.path[0]:g}",
    }
    tables = {"1d": (lesson.RATES_TABLE_1D, lesson.descent_1d)}
    tables["2d"] = (lesson.RATES_TABLE_2D, lesson.descent_2d)
    for name, (rates, descend) in tables.items():
        fast, slow, diverging = faster_slower_diverging(rates, descend)
        values |= {
            f"tf_fast_rate_{name}": f"{fast.learning_rate:g}",
            f"tf_fast_steps_{name}": count(fast.steps),
            f"tf_slow_rate_{name}": f"{slow.learning_rate:g}",
            f"tf_slow_steps_{name}": count(slow.steps),
            f"tf_diverge_rate_{name}": f"{diverging.learning_rate:g}",
        }
    return values


def faster_slower_diverging(rates, descend):
    """Of a rate table's descents: the one that converges in the fewest steps, the
    largest rate that still converges (above it), and the first that diverges.

    >>> [run.learning_rate for run in faster_slower_diverging((0.05, 0.1, 0.2, 0.25),
    ...                                                       lesson.descent_1d)]
    [0.1, 0.2, 0.25]
    """
    runs = [descend(rate) for rate in rates]
    converged = [run for run in runs if run.converged]
    fast = min(converged, key=lambda run: run.steps)
    slow = max(converged, key=lambda run: run.learning_rate)
    diverging = next(run for run in runs if run.diverged)
    return fast, slow, diverging
