"""The supercomputer: the page's numbers, figures, claims and exercises."""

from __future__ import annotations

import functools
from fractions import Fraction
from functools import partial

import numpy as np
from matplotlib.figure import Figure

from gdlesson import choices
from gdlesson import compute_budget as budget
from gdlesson.brute_force import grid_spacing
from gdlesson.choices import PRICE
from gdlesson.claim import (
    Claim,
    register,
    require,
)
from gdlesson.costs import one_weight_cost
from gdlesson.drawing import (
    WIDTH,
    FigureSpec,
    Texts,
    combinations_text,
    label,
    log_axis,
)
from gdlesson.network import combinations, forward_operations, weight_count
from gdlesson.numbers import (
    count,
    digit_facts,
    markdown_table,
    scientific_text,
    tex_power,
)
from gdlesson.placeholders import Fact
from gdlesson.style import palette_colours

# --- numbers ----------------------------------------------------------------------------


def _budget() -> dict[str, Fact]:
    """How long the lecture's supercomputer would take to try every combination."""
    combos = combinations()
    seconds = budget.seconds_needed(combos, budget.LECTURE_FLOPS)
    years = budget.years_needed(combos, budget.LECTURE_FLOPS)
    julian = budget.years_needed(combos, budget.LECTURE_FLOPS, budget.SECONDS_PER_JULIAN_YEAR)
    return {
        "lecture_pflops": budget.LECTURE_FLOPS // budget.PETA,
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


def _budget_as_printed() -> dict[str, str]:
    """The combinations and the years, as Python prints them."""
    combos = combinations()
    seconds = budget.seconds_needed(combos, budget.LECTURE_FLOPS)
    years = budget.years_needed(combos, budget.LECTURE_FLOPS)
    lecture_years = budget.lecture_years(combos)
    return digit_facts("combinations", combos) | {
        "seconds_e": f"{float(seconds):.4e}",
        "years_e": f"{float(years):.3e}",
        "seconds_lecture_e": f"{float(seconds):.2e}".replace("e+", "e"),
        "years_lecture_e": f"{float(lecture_years):.3e}",
        "years_exact_short": budget.scientific(years, 3).split(" ")[0],
        "years_lecture_short": budget.scientific(lecture_years, 3).split(" ")[0],
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


def facts() -> dict[str, Fact]:
    """The numbers of "The supercomputer", by name."""
    return _machines() | _budget() | _budget_as_printed() | _supercomputer()


# --- figures ----------------------------------------------------------------------------


def _years(machine) -> float:
    """Years brute force would take on ``machine``, at one setting per operation."""
    return float(budget.years_needed(combinations(), machine.rmax_flops))


def compute_budget_figure(fig: Figure, palette: str) -> None:
    """Years brute force would need on each #1 supercomputer, against the universe's age."""
    machines = budget.MACHINES
    years = [_years(m) for m in machines]
    age = budget.AGE_OF_UNIVERSE_YEARS
    top = int(np.ceil(np.log10(max(years)))) + 2
    c = palette_colours(palette)
    ax = fig.add_subplot()
    rows = np.arange(len(machines))
    ax.barh(rows, years, left=1, height=0.62, color=c["curve"])
    for row, value in zip(rows, years, strict=True):
        text = f"{scientific_text(value)} years"
        ax.text(
            value / 10**0.6,
            row,
            text,
            ha="right",
            va="center",
            color=c["background"],
            fontweight="bold",
        )
    ax.set_yticks(rows, [f"{m.name} ({m.first_top.split()[-1]})" for m in machines])
    ax.tick_params(axis="y", length=0)
    ax.invert_yaxis()
    ax.set_xscale("log")
    ax.set_xlim(1, 10.0**top)
    log_axis(ax.xaxis, top, 10)
    ax.axvline(age, color=c["highlight"], linewidth=2, zorder=3)
    label(
        ax,
        f"age of the universe: {scientific_text(age)} years",
        (age, -0.5),
        (6, 2),
        va="bottom",
        color=c["highlight"],
        fontweight="bold",
        annotation_clip=False,
    )
    ax.set_ylim(len(machines) - 0.5, -0.75)
    ax.set_xlabel(f"years to try all {combinations_text()} combinations (log scale)")
    ax.spines["left"].set_visible(False)


@functools.cache
def _texts() -> dict[str, Texts]:
    """The texts of this part's figures, by name; every number in them computed."""
    years = [_years(m) for m in budget.MACHINES]
    fastest = budget.MACHINES[int(np.argmin(years))]
    slowest = budget.MACHINES[int(np.argmax(years))]
    age = budget.AGE_OF_UNIVERSE_YEARS
    return {
        "compute-budget": Texts(
            alt=f"Bars on a log scale: trying {combinations_text()} combinations would take "
            f"from {scientific_text(min(years))} years on {fastest.name} to "
            f"{scientific_text(max(years))} years on {slowest.name}, against an age of the "
            f"universe of {scientific_text(age)} years.",
            caption=f"Years to try all {combinations_text()} combinations, one per operation, "
            f"on each supercomputer that led the TOP500 list (log scale). Look at the "
            f"vertical line, the age of the universe: even the fastest machine, "
            f"{fastest.name}, would need {scientific_text(min(years) / age, 2)} times that.",
        ),
    }


#: The page's figures, in its order.
FIGURES = (FigureSpec("compute-budget", compute_budget_figure, "svg", _texts, size=(WIDTH, 3.5)),)


# --- claims -----------------------------------------------------------------------------

#: What the page says, each sentence with its check.
CLAIMS: list[Claim] = []
claim = partial(register, CLAIMS, "supercomputer.md")
#: The premises of the page's exercises.
EXERCISE_CLAIMS: list[Claim] = []
exercise = partial(register, EXERCISE_CLAIMS, "supercomputer.md")


@claim("every #1 machine would need longer than the age of the universe")
def _slower_than_the_universe() -> bool:
    machines = (*budget.MACHINES, budget.LATEST)
    years = [budget.years_needed(combinations(), m.rmax_flops) for m in machines]
    return min(years) > budget.AGE_OF_UNIVERSE_YEARS


@claim("El Capitan first led one list and still led the latest one, faster")
def _latest_led_before() -> None:
    first = next(m for m in budget.MACHINES if m.name == budget.LATEST.name)
    require(first is budget.MACHINES[-1], f"{first.name} is not the last machine of the table")
    require(first.first_top != budget.LATEST.first_top, "the latest list is the first it led")
    require(budget.LATEST.rmax_flops > first.rmax_flops, "it is not faster on the latest list")


@exercise("exercise: ten candidates per weight would take TaihuLight under ten years")
def _coarse_grid_finishes() -> bool:
    coarse = budget.combinations(choices.COARSE_CANDIDATES, weight_count())
    return budget.years_needed(coarse, budget.LECTURE_FLOPS) < 10


@exercise("answer: counted per operation of a pass, on six houses, it takes centuries")
def _coarse_grid_counted_takes_centuries() -> bool:
    coarse = budget.combinations(choices.COARSE_CANDIDATES, weight_count())
    operations = coarse * sum(forward_operations()) * len(one_weight_cost().targets)
    return budget.years_needed(operations, budget.LECTURE_FLOPS) >= 200
