"""Brute force and why it cannot finish: the one-weight search, the network's
size, and the years the fastest machines would need (pages "Brute force",
"The curse of dimensionality" and "The supercomputer")."""

from __future__ import annotations

from gdlesson import compute_budget as budget
from gdlesson import lesson
from gdlesson.brute_force import grid_spacing
from gdlesson.choices import CANDIDATES, LAYERS, SEARCH_RANGE
from gdlesson.costs import one_weight_cost, two_weight_cost
from gdlesson.facts.common import markdown_table, tex_power
from gdlesson.network import bias_count, combinations, weight_count
from gdlesson.numbers import count


def facts() -> dict[str, str]:
    """The numbers of the brute-force pages, by name."""
    return _search() | _network_size() | _one_at_a_time() | _budget() | _machines()


def _search() -> dict[str, str]:
    """Brute force over one weight, and the minimum it looks for."""
    search = lesson.search()
    low, high = SEARCH_RANGE
    return {
        "candidates": count(CANDIDATES),
        "search_low": f"{low:g}",
        "search_high": f"{high:g}",
        "best_w": f"{search.best_w:.3f}",
        "best_cost": f"{search.best_cost:.4f}",
        "w_star": f"{one_weight_cost().minimum()[0]:.4f}",
        "grid_spacing": f"{grid_spacing():.4f}",
    }


def _network_size() -> dict[str, str]:
    """The network's layers and weights, and the combinations brute force would try."""
    n_in, n_hidden, n_out = LAYERS
    return {
        "inputs": str(n_in),
        "hidden": str(n_hidden),
        "outputs": str(n_out),
        "weights": str(weight_count()),
        "biases": str(bias_count()),
        "weights_and_biases": str(weight_count() + bias_count()),
        "combinations": tex_power(combinations()),
    }


def _one_at_a_time() -> dict[str, str]:
    """The two weights of "Two weights" tuned one at a time: once, and round after round."""
    cost = two_weight_cost()
    best, once = cost(cost.minimum()), cost(lesson.one_at_a_time()[0])
    return {
        "tuned_once_cost": f"{once:.2f}",
        "tuned_once_ratio": f"{once / best:.0f}",
        "best_cost_2d": f"{best:.2f}",
        "tuning_rounds": str(len(lesson.one_at_a_time())),
    }


def _budget() -> dict[str, str]:
    """How long the lecture's supercomputer would take to try every combination."""
    combos = combinations()
    seconds = budget.seconds_needed(combos, budget.LECTURE_FLOPS)
    years = budget.years_needed(combos, budget.LECTURE_FLOPS)
    julian = budget.years_needed(combos, budget.LECTURE_FLOPS, budget.SECONDS_PER_JULIAN_YEAR)
    return {
        "lecture_pflops": str(budget.LECTURE_FLOPS // budget.PETA),
        "lecture_flops": f"{budget.LECTURE_FLOPS // budget.PETA} \\times {tex_power(budget.PETA)}",
        "seconds_exact": budget.scientific(seconds, 5),
        "seconds_lecture": budget.scientific(seconds, 3),
        "seconds_per_year": count(budget.SECONDS_PER_YEAR),
        "years_exact": budget.scientific(years, 3),
        "years_exact_4": budget.scientific(years, 4),
        "years_julian": budget.scientific(julian, 4),
        "years_lecture": budget.scientific(budget.lecture_years(combos), 3),
        "age_of_universe": budget.scientific(budget.AGE_OF_UNIVERSE_YEARS, 3),
        "universe_lifetimes": budget.scientific(years / budget.AGE_OF_UNIVERSE_YEARS, 2),
        "pflops_per_eflops": count(budget.EXA // budget.PETA),
        "exa_power": tex_power(budget.EXA),
    }


def _machines() -> dict[str, str]:
    """Each #1 machine of the TOP500 list, and the latest list's."""
    latest = budget.LATEST
    # The latest #1 led an earlier list too, slower: the machine as it was first.
    first = next(m for m in budget.MACHINES if m.name == latest.name)
    return {
        "latest_name": latest.name,
        "latest_list": f"[{latest.first_top} list]({latest.source})",
        "latest_speed": budget.speed(latest.rmax_flops),
        "latest_years": budget.scientific(
            budget.years_needed(combinations(), latest.rmax_flops), 3
        ),
        "latest_first_list": f"[{first.first_top} list]({first.source})",
        "latest_first_speed": budget.speed(first.rmax_flops),
        "machines_table": machines_table(),
    }


def machines_table() -> str:
    """A Markdown table: each #1 machine and the years brute force would need on it."""
    header = [
        "Machine",
        "#1 on the TOP500 list of",
        "Speed (Rmax)",
        "Years to try 10⁷⁵ combinations",
    ]
    rows = [
        [
            m.name,
            f"[{m.first_top}]({m.source})",
            budget.speed(m.rmax_flops),
            f"\\({budget.scientific(budget.years_needed(combinations(), m.rmax_flops), 3)}\\)",
        ]
        for m in budget.MACHINES
    ]
    return markdown_table(header, rows)
