from fractions import Fraction

import numpy as np
import pytest

from gdlesson import compute_budget as budget
from gdlesson.network import bias_count, weight_count


def test_the_network_has_25_weights_and_31_with_biases():
    assert weight_count() == 4 * 5 + 5 * 1 == 25
    assert weight_count() + bias_count() == 31


def test_combinations_are_exactly_ten_to_the_75():
    count = budget.combinations(1000, 25)
    assert count == 10**75
    assert isinstance(count, int) and len(str(count)) == 76


def test_seconds_and_years_on_taihulight():
    seconds = budget.seconds_needed(10**75, 93 * 10**15)
    assert seconds == Fraction(10**60, 93)
    assert float(seconds) == pytest.approx(1.0753e58, rel=1e-4)
    years = budget.years_needed(10**75, 93 * 10**15)
    assert float(years) == pytest.approx(3.4098e50, rel=1e-4)
    julian = budget.years_needed(10**75, 93 * 10**15, budget.SECONDS_PER_JULIAN_YEAR)
    assert budget.scientific(julian, 4) == "3.407 \\times 10^{50}"


def test_the_lecture_rounds_the_seconds_first():
    assert budget.scientific(budget.years_needed(10**75, budget.LECTURE_FLOPS), 3) == (
        "3.41 \\times 10^{50}"
    )
    assert budget.scientific(budget.lecture_years(), 3) == "3.42 \\times 10^{50}"


def test_every_machine_needs_more_than_the_age_of_the_universe():
    for machine in (*budget.MACHINES, budget.LATEST):
        years = budget.years_needed(10**75, machine.rmax_flops)
        assert years > 10**38 * budget.AGE_OF_UNIVERSE_YEARS
        assert machine.source.startswith("https://www.top500.org/lists/top500/")


def test_machines_are_in_order_and_faster_each_time():
    speeds = [m.rmax_flops for m in budget.MACHINES]
    assert speeds == sorted(speeds)
    assert [m.name for m in budget.MACHINES] == [
        "Sunway TaihuLight",
        "Summit",
        "Fugaku",
        "Frontier",
        "El Capitan",
    ]


@pytest.mark.parametrize(
    ("x", "digits", "text"),
    [
        (Fraction(10**75), 1, "1 \\times 10^{75}"),
        (Fraction(5, 1000), 2, "5.0 \\times 10^{-3}"),
        (123, 3, "123"),
        (99.96, 3, "100"),
        (0.5, 1, "5 \\times 10^{-1}"),
    ],
)
def test_scientific(x, digits, text):
    assert budget.scientific(x, digits) == text


@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda: budget.combinations(0, 25), "candidates"),
        (lambda: budget.combinations(1000, -1), "weights"),
        (lambda: budget.combinations(1000, 2.5), "weights"),
        (lambda: budget.seconds_needed(10, 0), "flops"),
        (lambda: budget.seconds_needed(10, float("nan")), "flops"),
        (lambda: budget.seconds_needed(0, 10), "count"),
        (lambda: budget.years_needed(10, 10, 0), "seconds_per_year"),
        (lambda: budget.scientific(-1, 3), "x must be a positive"),
        (lambda: budget.scientific(1, 0), "digits"),
        (lambda: weight_count((4,)), "layers"),
        (lambda: weight_count((4, 0, 1)), "layers"),
        (lambda: weight_count(None), "layers"),
        (lambda: weight_count("451"), "layers"),
        (lambda: budget.combinations(10, 10**6), "weights"),
        (lambda: budget.combinations(10**20_000, 1), "candidates"),
        (lambda: budget.combinations(2, 10**400), "weights"),
        (lambda: budget.seconds_needed(10, "1e15"), "flops"),
        (lambda: budget.seconds_needed(10.0, 10), "count"),
        (lambda: budget.scientific(float("nan"), 3), "x"),
        (lambda: budget.scientific(float("inf"), 3), "x"),
        (lambda: budget.scientific("1", 3), "x"),
        (lambda: budget.scientific(1, budget.MAX_SHOWN_DIGITS + 1), "digits"),
        (lambda: budget.speed(float("nan")), "flops"),
        (lambda: budget.speed(-5), "flops"),
        (lambda: budget.speed(0), "flops"),
        (lambda: budget.speed("93 PFLOPS"), "flops"),
    ],
)
def test_bad_input_names_the_parameter(call, name):
    with pytest.raises(ValueError, match=name):
        call()


def test_speeds_and_counts_of_any_size_or_type_stay_exact():
    flops = np.float32(1e15)  # exactly 999,999,986,991,104: float32 has 24 bits
    assert budget.years_needed(10**75, flops) == budget.years_needed(10**75, int(flops))
    assert budget.seconds_needed(10**75, 10**400) == Fraction(1, 10**325)
    assert budget.seconds_needed(np.int64(10), Fraction(1, 2)) == 20
    assert budget.speed(np.int64(2 * 10**15)) == "2 PFLOPS"
    assert budget.scientific(budget.seconds_needed(10**75, 10**400), 2) == "1.0 \\times 10^{-325}"
