"""What a fixed learning rate does on a quadratic cost (gdlesson.rates): the step factor
1 − ηλ predicts every step of a descent, checked against the descents themselves; and the
playgrounds' settings built from it (gdlesson.playground)."""

from __future__ import annotations

import functools
import json
import re

import numpy as np
import pytest

from gdlesson import choices, lesson, rates
from gdlesson.costs import QuadraticCost, one_weight_cost, two_weight_cost
from gdlesson.descent import gradient_descent
from gdlesson.network import house_data
from gdlesson.pages.two_curvatures import scaling_2d
from gdlesson.playground import config_1d, config_2d, fastest_slider_rate, widget_html
from tests.conftest import DOCS


@pytest.fixture
def bowl():
    """C(w) = 2 (w − 3)²: minimum at 3, curvature L = 4."""
    return QuadraticCost.from_rows([[2.0]], [6.0])


@pytest.mark.parametrize(
    ("fraction_of_1_over_l", "expected"),
    [
        (0.1, "walks"),
        (0.99, "walks"),
        (1.0, "walks"),
        (1.01, "zig-zags"),
        (1.99, "zig-zags"),
        (2.0, "bounces"),
        (2.01, "diverges"),
        (50.0, "diverges"),
    ],
)
def test_regime_follows_the_sign_and_size_of_the_factor(fraction_of_1_over_l, expected):
    assert rates.regime(fraction_of_1_over_l / 4.0, 4.0) == expected


@pytest.mark.parametrize("rate", [0.01, 0.1, 0.2, 0.3, 0.45, 0.55, 0.7])
def test_every_step_multiplies_the_distance_by_the_factor(bowl, rate):
    run = gradient_descent(bowl, -5.0, rate, max_steps=30)
    distance = run.path - 3.0
    far = np.abs(distance[:-1]) > 1e-9  # near 0 the ratio is rounding noise
    ratios = distance[1:][far] / distance[:-1][far]
    np.testing.assert_allclose(ratios, rates.step_factor(rate, 4.0), rtol=1e-6)


def test_two_weights_each_axis_has_its_own_factor():
    cost = two_weight_cost()
    values = cost.curvatures()
    axes = np.linalg.eigh(cost.inputs.T @ cost.inputs)[1]
    run = gradient_descent(cost, choices.START_2D, lesson.RATE_2D, max_steps=20)
    offsets = (run.path - cost.minimum()) @ axes  # one column per axis
    for k, value in enumerate(values):
        ratios = offsets[1:, k] / offsets[:-1, k]
        np.testing.assert_allclose(ratios, rates.step_factor(lesson.RATE_2D, value), rtol=1e-6)


def test_curvatures_of_one_weight_are_the_sum_of_squared_inputs():
    cost = one_weight_cost()
    assert cost.curvatures() == pytest.approx([np.sum(cost.inputs**2)])
    assert cost.curvatures()[-1] == pytest.approx(cost.curvature())


def test_fastest_rate_makes_the_slowest_factor_smallest():
    cost = two_weight_cost()
    best = rates.fastest_rate(cost)
    low, high = cost.curvatures()
    assert abs(rates.step_factor(best, low)) == pytest.approx(abs(rates.step_factor(best, high)))
    grid = np.linspace(0.001, 2 / high, 500)
    assert all(
        rates.slowest_factor(r, cost) >= rates.slowest_factor(best, cost) - 1e-12 for r in grid
    )
    kappa = high / low
    assert rates.slowest_factor(best, cost) == pytest.approx((kappa - 1) / (kappa + 1))


def test_crossings_counts_sign_changes_across_the_valley():
    cost = two_weight_cost()
    high = cost.curvatures()[-1]
    assert rates.crossings(gradient_descent(cost, choices.START_2D, 0.5 / high), cost) == 0
    # Between 1/λmax and 2/λmax, for the first steps (later, across is rounding noise).
    zigzag = gradient_descent(cost, choices.START_2D, 1.5 / high, max_steps=20)
    assert rates.crossings(zigzag, cost) == zigzag.steps


@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda: rates.step_factor(0.0, 4.0), "learning_rate"),
        (lambda: rates.step_factor(float("nan"), 4.0), "learning_rate"),
        (lambda: rates.regime(0.1, -1.0), "curvature"),
    ],
)
def test_bad_input_names_the_parameter(call, name):
    with pytest.raises(ValueError, match=name):
        call()


def widgets() -> dict:
    """Each playground mode's cost, start (in the mode's weights), config and mode, by name."""
    scaled, scale = rates.rms_scaled(two_weight_cost())
    start_2d = np.array(choices.START_2D)
    return {
        "1d": (one_weight_cost(), choices.START_1D, config_1d(), 0),
        "2d": (two_weight_cost(), start_2d, config_2d(), 0),
        "2d scaled": (scaled, start_2d * scale, config_2d(), 1),
    }


@functools.cache  # both tests below read them: the descents run once
def labelled_runs(name: str):
    """The mode ``name``'s cost, and each slider rate's band (from the config) and its
    descent from the lesson's start."""
    cost, start, config, m = widgets()[name]
    mode = config["modes"][m]
    return cost, [
        (rate, mode["bands"][mode["band"][i]], gradient_descent(cost, start, rate))
        for i, rate in enumerate(config["rates"])
    ]


def crosses_the_minimum(cost, run) -> bool:
    """Whether the path jumps to the other side of the minimum along the steepest axis
    (while it is still away from it: rounding flips the side of a point at the bottom)."""
    steep = np.linalg.eigh(cost.inputs.T @ cost.inputs)[1][:, -1]
    across = (np.atleast_2d(run.path.T).T - cost.minimum()) @ steep
    away = across[np.abs(across) > 1e-9 * np.abs(across).max()]
    return bool(np.any(away[1:] * away[:-1] < 0))


@pytest.mark.parametrize("name", widgets())
def test_just_right_means_near_the_fewest_steps(name):
    _, runs = labelled_runs(name)
    fewest = min(run.steps for _, _, run in runs if run.converged)
    for rate, band, run in runs:
        right = band["kind"] == "right"
        assert ("the fewest steps" in band["label"]) == right, (name, rate, band)
        if right:
            assert run.converged and run.steps <= rates.NEAR_BEST * fewest, (name, rate, run)
        if run.converged and run.steps <= 1.5 * fewest:
            assert right, (name, rate, run.steps, fewest, band)
        # "too small" is more than TOO_SLOW times the fewest steps (the count of steps
        # follows the factor up to a few steps at the start and the end)
        if "too small" in band["label"]:
            assert run.steps > 0.8 * rates.TOO_SLOW * fewest, (name, rate, run.steps, fewest)
        elif "never overshoots" in band["label"]:
            assert run.steps < 1.25 * rates.TOO_SLOW * fewest, (name, rate, run.steps, fewest)
    assert any(band["kind"] == "right" for _, band, _ in runs)


@pytest.mark.parametrize("name", widgets())
def test_each_label_says_what_the_descent_does(name):
    cost, runs = labelled_runs(name)
    for rate, band, run in runs:
        label = band["label"]
        assert ("diverges" in label) == run.diverged, (name, rate, label, run)
        if not run.diverged:
            assert ("zig-zags" in label) == crosses_the_minimum(cost, run), (name, rate, label)
            crosses = crosses_the_minimum(cost, run)
            assert ("never overshoots" in label) == (not crosses), (name, rate, label)
            assert ("slowly" in label or "slower" in label) == (band["kind"] != "right")


def test_the_two_weight_rate_of_a_thousand_steps_is_not_just_right():
    cost, runs = labelled_runs("2d")
    below_best = [(r, band, run) for r, band, run in runs if r < rates.fastest_rate(cost)]
    slow = [(r, band) for r, band, run in below_best if run.steps > 1000]
    assert slow, "no rate of the slider takes a thousand steps"
    _, band = max(slow, key=lambda rate_band: rate_band[0])
    assert band["kind"] == "small" and "too small" in band["label"]


def test_the_lessons_named_rates_fall_in_their_bands():
    config = config_1d()
    mode = config["modes"][0]
    kinds = {"too small": "small", "just right": "right", "too large": "large"}
    for name, rate in lesson.RATES_1D.items():
        assert mode["bands"][mode["band"][config["rates"].index(rate)]]["kind"] == kinds[name]


def test_bands_follow_the_curvatures():
    cost = two_weight_cost()
    lam = cost.curvatures()
    bands = rates.rate_bands(cost, config_2d()["rates"])
    assert [b.kind for b in bands] == ["small", "small", "right", "right", "zigzag", "large"]
    assert bands[3].low == pytest.approx(1 / lam[-1]) and bands[-1].low == pytest.approx(
        2 / lam[-1]
    )
    assert all(a.low < b.low for a, b in zip(bands, bands[1:], strict=False))
    # The fastest fixed rate is just right, and so contracts most.
    best = rates.fastest_rate(cost)
    assert bands[rates.band_index(bands, best)].kind == "right"
    assert rates.slowest_factor(best, cost) == pytest.approx(
        (lam[-1] - lam[0]) / (lam[-1] + lam[0])
    )
    for rate in np.linspace(0.01, 0.3, 59):
        assert rates.slowest_factor(rate, cost) >= rates.slowest_factor(best, cost) - 1e-12


def test_a_round_bowl_has_no_walk_band():
    bowl = QuadraticCost.from_rows([[1.0, 0.0], [0.0, 1.0]], [1.0, 2.0])
    assert [b.kind for b in rates.rate_bands(bowl, [1.0, 1.5])] == [
        "small",
        "right",
        "zigzag",
        "large",
    ]


def test_bad_rates_name_the_parameter():
    with pytest.raises(ValueError, match="rates"):
        rates.rate_bands(one_weight_cost(), [0.3, 0.5])
    with pytest.raises(ValueError, match="learning_rate"):
        rates.slowest_factor(-0.1, one_weight_cost())
    with pytest.raises(ValueError, match="cost"):
        rates.rms_scaled(QuadraticCost.from_rows([[1.0, 0.0], [2.0, 0.0]], [1.0, 2.0]))


def test_scaling_keeps_the_model_and_rounds_the_valley():
    cost = two_weight_cost()
    scaled, scale = rates.rms_scaled(cost)
    rng = np.random.default_rng(0)
    for w in rng.normal(size=(20, 2)):
        assert scaled(w * scale) == pytest.approx(cost(w), rel=1e-12)
    np.testing.assert_allclose(scaled.minimum(), cost.minimum() * scale, rtol=1e-12)
    np.testing.assert_allclose(np.mean(scaled.inputs**2, axis=0), 1.0)
    assert rates.condition(scaled) < rates.condition(cost)
    # What the page says of it: area is the larger input and its weight the steeper one;
    # both inputs are positive and the scaled valley is still not round.
    assert scale[0] > scale[1] and np.all(cost.inputs > 0)
    gram = cost.inputs.T @ cost.inputs
    assert gram[0, 0] > gram[1, 1] and rates.condition(scaled) > 2
    # No other scaling of the two inputs rounds this valley more.
    for ratio in np.geomspace(0.05, 20, 400):
        other = QuadraticCost.from_rows(cost.inputs * [1.0, ratio], cost.targets)
        assert rates.condition(other) >= rates.condition(scaled) - 1e-9


def steps_by_factors(cost, start, rate, tolerance=1e-6) -> int:
    """The steps a converging descent takes, from the step factors alone: along each
    axis of the valley the offset from the minimum shrinks by 1 − ηλ a step, and the
    descent stops at the first step where the slope (λ · offset on each axis) is
    shorter than ``tolerance``."""
    lam, axes = np.linalg.eigh(cost.inputs.T @ cost.inputs)
    offset = (np.asarray(start) - cost.minimum()) @ axes
    steps = 0
    while np.linalg.norm(lam * offset * (1 - rate * lam) ** steps) >= tolerance:
        steps += 1
        assert steps < 10_000, "the descent does not converge"
    return steps


def test_scaling_facts_are_the_computed_ones():
    cost = two_weight_cost()
    scaled, scale = rates.rms_scaled(cost)
    start = np.array(choices.START_2D)
    best, best_scaled = fastest_slider_rate(cost), fastest_slider_rate(scaled)
    before = gradient_descent(cost, start, best)
    after = gradient_descent(scaled, start * scale, best_scaled)
    assert before.converged and after.converged and after.steps < before.steps
    # Rounding the rate for the slider costs no step.
    assert gradient_descent(cost, start, rates.fastest_rate(cost)).steps == before.steps
    assert gradient_descent(scaled, start * scale, rates.fastest_rate(scaled)).steps == after.steps
    same_rate = gradient_descent(scaled, start * scale, lesson.RATE_2D)
    assert same_rate.steps < gradient_descent(cost, start, lesson.RATE_2D).steps
    # The page's numbers, each from a computation of its own rather than scaling_2d's:
    # the steps from the step factors, the rates and elongations from XᵀX's eigenvalues.
    f = scaling_2d()
    for key, c, w, rate in [
        ("steps_2d_best", cost, start, best),
        ("steps_2d_scaled", scaled, start * scale, best_scaled),
        ("steps_2d_scaled_same_rate", scaled, start * scale, lesson.RATE_2D),
    ]:
        assert f[key] == f"{steps_by_factors(c, w, rate):,}", key
    for suffix, c in (("", cost), ("_scaled", scaled)):
        lam = np.linalg.eigvalsh(c.inputs.T @ c.inputs)
        assert float(f[f"condition_2d{suffix}"]) == pytest.approx(lam[-1] / lam[0], abs=0.05)
    rates_shown = (float(f["rate_2d_best"]), float(f["rate_2d_scaled"]))
    for shown, c in zip(rates_shown, (cost, scaled), strict=True):
        lam = np.linalg.eigvalsh(c.inputs.T @ c.inputs)
        assert shown == pytest.approx(2 / (lam[0] + lam[-1]), abs=1e-3)
    config = config_2d()
    assert best in config["rates"] and best_scaled in config["rates"]
    assert f"area ÷ {scale[0]:.2f}, age ÷ {scale[1]:.2f}" in config["switch_note"]


def test_the_scaled_map_keeps_the_plots_shape_and_shows_the_same_descent():
    config = config_2d()
    raw, scaled = config["modes"]
    shape = np.ptp(raw["window"][1]) / np.ptp(raw["window"][0])
    assert np.ptp(scaled["window"][1]) / np.ptp(scaled["window"][0]) == pytest.approx(shape)
    scale = np.array(scaled["scale"])
    corners = np.array(raw["window"]) * scale[:, None]
    lo, hi = np.array(scaled["window"]).T
    assert np.all(corners[:, 0] >= lo - 1e-12) and np.all(corners[:, 1] <= hi + 1e-12)
    assert raw["window"] == [list(w) for w in choices.WINDOW_2D]
    cost = two_weight_cost()
    assert config["levels"] == [v for v in choices.LEVELS_2D if v > cost(cost.minimum())]
    for mode in config["modes"]:  # the start and the minimum are on the map
        lo, hi = np.array(mode["window"]).T
        for w in (np.array(config["start"]) * mode["scale"], mode["minimum"]):
            assert np.all(lo < w) and np.all(w < hi)
    html = widget_html("x", config)
    assert f"--gd-frame: {np.ptp(raw['window'][0]):.6g} / {np.ptp(raw['window'][1]):.6g}" in html


def test_every_config_field_is_read_by_the_script():
    js = (DOCS / "javascripts" / "playground.js").read_text(encoding="utf-8")
    for config in (config_1d(), config_2d()):
        keys = set(config) | {k for mode in config["modes"] for k in mode}
        keys |= {k for mode in config["modes"] for band in mode["bands"] for k in band}
        for key in keys:
            assert re.search(rf"\.{key}\b", js), f"{key} is never read by playground.js"
        json.dumps(config, allow_nan=False)  # plain JSON: no NaN or Infinity


def test_the_networks_houses_have_standard_normal_inputs():
    """two-weights.md: the network's made-up houses have every input drawn with mean 0 and
    standard deviation 1 (many draws, to see the distribution rather than one sample)."""
    inputs, _ = house_data(rows=40_000)
    np.testing.assert_allclose(inputs.mean(axis=0), 0, atol=0.03)
    np.testing.assert_allclose(inputs.std(axis=0), 1, atol=0.03)
