"""The interactive playgrounds' settings, made here so the widgets compute what gdlesson computes.

``docs/javascripts/playground.js`` draws each playground and runs its descents
in the reader's browser. Everything it needs comes from this module, written
into the page at build time as JSON: the cost's rows ``X`` and targets ``y``,
the lesson's start and learning rate (:mod:`gdlesson.lesson`), the learning
rates the slider offers, what each rate does (:func:`gdlesson.rates.rate_bands`),
the rules of :func:`gdlesson.descent.gradient_descent` (tolerance, max_steps,
``BLOWUP``) and the plot's window. The JavaScript repeats the descent's
arithmetic in the same order; tests/browser checks each path it draws against
:func:`~gdlesson.descent.gradient_descent`.

A playground has one *mode* per way of looking at its cost: the two-weight one
also shows the same model with scaled inputs (:func:`gdlesson.rates.rms_scaled`),
behind a switch. A mode's weights are the model's weights times its ``scale``.

>>> from gdlesson import lesson, momentum
>>> config = config_1d()
>>> config["start"] == [choices.START_1D], config["rate"] == choices.RATE_1D
(True, True)
>>> config["rate"] in config["rates"]
True
>>> config["blowup"], config["max_steps"], config["tolerance"], config["candidates"]
(1000000.0, 10000, 1e-06, 1000)
>>> mode, just_right = config["modes"][0], lesson.RATES_1D["just right"]
>>> mode["bands"][mode["band"][config["rates"].index(just_right)]]["label"][:10]
'just right'
>>> print(widget_html("gd-playground-1d", config)[:79])
<div class="gd-playground gd-playground--1d" id="gd-playground-1d" data-config=
"""

from __future__ import annotations

import html
import json
import math

import numpy as np

from gdlesson import choices, lesson, momentum
from gdlesson.choices import CANDIDATES, SEARCH_RANGE
from gdlesson.costs import QuadraticCost, one_weight_cost, two_weight_cost
from gdlesson.descent import BLOWUP, DEFAULT_MAX_STEPS, TOLERANCE
from gdlesson.rates import (
    band_index,
    condition,
    fastest_rate,
    rate_bands,
    rms_scaled,
    slowest_factor,
)

#: Learning rates on the slider: these mantissas in every decade (a log scale
#: with round numbers), so the lesson's own rates are exact slider positions.
MANTISSAS = (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8)
#: The learning rates each playground's slider spans.
RATE_RANGE_1D = (0.001, 0.5)
RATE_RANGE_2D = (0.001, 0.3)
#: Start points move in steps of this size (sliders, arrow keys, dragging).
START_STEP = 0.01


def rate_choices(low: float, high: float, edges, lesson_rates=()) -> list[float]:
    """The slider's learning rates from ``low`` to ``high``, smallest first.

    Round numbers on a log scale, the lesson's own rates, and for each of
    ``edges`` (2/λ_max, where descent turns from converging to diverging) the
    two rates of two significant digits either side of it.

    >>> rate_choices(0.1, 0.3, [2 / 9.11], lesson_rates=[0.17])
    [0.1, 0.12, 0.15, 0.17, 0.2, 0.21, 0.22, 0.25, 0.3]
    """
    values = {float(f"{m}e{e}") for e in range(-6, 3) for m in MANTISSAS}
    values |= {float(v) for v in lesson_rates}
    for edge in edges:
        digits = 1 - math.floor(math.log10(edge))
        scale = 10**digits
        around = (math.floor(edge * scale) / scale, math.ceil(edge * scale) / scale)
        values |= {float(f"{v:.{digits}f}") for v in around}
    return sorted(v for v in values if low <= v <= high)


def fastest_slider_rate(cost: QuadraticCost) -> float:
    """2/(λ_min + λ_max) to four decimals: the fastest fixed rate, as a slider position.

    >>> fastest_slider_rate(two_weight_cost())
    0.1741
    """
    return round(fastest_rate(cost), 4)


def scaled_window(window, scale) -> list[list[float]]:
    """``window`` in weights times ``scale``, widened on one axis to keep its shape.

    The plot keeps its size when the reader flips the switch.

    >>> scaled_window([[0, 1], [0, 2]], [2, 1])
    [[0.0, 2.0], [-1.0, 3.0]]
    """
    box = np.array(window, dtype=float) * np.array(scale, dtype=float)[:, None]
    aspect = (window[1][1] - window[1][0]) / (window[0][1] - window[0][0])
    width, height = np.diff(box, axis=1)[:, 0]
    half = np.array([max(width, height / aspect), max(height, width * aspect)]) / 2
    middle = box.mean(axis=1)
    return [[float(m - h), float(m + h)] for m, h in zip(middle, half, strict=True)]


def _mode(cost: QuadraticCost, rates, window, scale, names, axes, edge_name) -> dict:
    """What a widget draws for one cost: its rows, window, minimum, and what each rate does."""
    bands = rate_bands(cost, rates, edge_name)
    return {
        "X": cost.inputs.tolist(),
        "scale": [float(v) for v in scale],
        "window": [[float(v) for v in w] for w in window],
        "minimum": [float(v) for v in cost.minimum()],
        "condition": condition(cost),
        "bands": [{"kind": b.kind, "low": b.low, "label": b.label} for b in bands],
        "band": [band_index(bands, r) for r in rates],
        "factor": [float(f"{slowest_factor(r, cost):.4g}") for r in rates],
        "names": names,
        "axes": axes,
        "edge": edge_name,
    }


def _common(kind: str, cost: QuadraticCost, start, rate: float, rates) -> dict:
    return {
        "kind": kind,
        "y": cost.targets.tolist(),
        "start": [float(v) for v in start],
        "rate": float(rate),
        "rates": rates,
        "tolerance": TOLERANCE,
        "max_steps": DEFAULT_MAX_STEPS,
        "blowup": BLOWUP,
        "start_step": START_STEP,
        "candidates": CANDIDATES,
    }


def config_1d() -> dict:
    """The one-weight playground: the cost curve over the brute-force range."""
    cost = one_weight_cost()
    lesson_rates = [choices.RATE_1D, lesson.RATE_ZIGZAG_1D, *lesson.RATES_1D.values()]
    rates = rate_choices(*RATE_RANGE_1D, [2 / cost.curvature()], lesson_rates)
    ceiling = float(cost.on_grid(np.array(SEARCH_RANGE)).max()) * 1.1
    window = [list(SEARCH_RANGE), [0.0, ceiling]]
    mode = _mode(cost, rates, window, [1.0], ["w"], ["weight w", "C"], "2/L")
    return _common("1d", cost, [choices.START_1D], choices.RATE_1D, rates) | {"modes": [mode]}


def config_2d() -> dict:
    """The two-weight playground: the figures' contour map, and the same with scaled inputs."""
    cost = two_weight_cost()
    scaled, scale = rms_scaled(cost)
    edges = [2 / c.curvature() for c in (cost, scaled)]
    # The page's slow rate (the table's first, which never crosses) is one to try too.
    slow = lesson.RATES_TABLE_2D[0]
    lesson_rates = [lesson.RATE_2D, slow, *(fastest_slider_rate(c) for c in (cost, scaled))]
    rates = rate_choices(*RATE_RANGE_2D, edges, lesson_rates)
    window = choices.WINDOW_2D
    modes = [
        _mode(cost, rates, window, [1.0, 1.0], ["w₁", "w₂"], ["w₁ (area)", "w₂"], "2/λmax"),
        _mode(
            scaled,
            rates,
            scaled_window(window, scale),
            scale,
            ["w₁′", "w₂′"],
            ["w₁′ (area)", "w₂′"],
            "2/λmax",
        ),
    ]
    lowest = cost(cost.minimum())
    return _common("2d", cost, choices.START_2D, lesson.RATE_2D, rates) | {
        "levels": [float(v) for v in choices.LEVELS_2D if v > lowest],
        "switch": "Scale the inputs",
        "switch_note": f"area ÷ {scale[0]:.2f}, age ÷ {scale[1]:.2f}",
        "modes": modes,
    }


#: The momenta on the momentum playground's slider (β = 0 is plain descent).
BETAS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99)


def config_momentum() -> dict:
    """The momentum playground: the two-weight map, a rate and a momentum β, and for
    each β the rate from which the descent diverges, 2(1 + β)/λ_max
    (:func:`gdlesson.momentum.rate_limit`). What each (η, β) does the widget works out
    from the curvatures as :func:`gdlesson.momentum.slowest_factor` does; the tests
    compare the two."""
    cost = two_weight_cost()
    betas = sorted({*BETAS, lesson.BETA_MOMENTUM})
    edges = [momentum.rate_limit(b, cost.curvature()) for b in (0.0, lesson.BETA_MOMENTUM)]
    rates = rate_choices(0.001, 0.5, edges, [lesson.RATE_2D, lesson.RATE_MOMENTUM])
    names, axes = ["w₁", "w₂"], ["w₁ (area)", "w₂"]
    mode = _mode(cost, rates, choices.WINDOW_2D, [1.0, 1.0], names, axes, "2(1+β)/λmax")
    lowest = cost(cost.minimum())
    return _common("2d", cost, choices.START_2D, lesson.RATE_MOMENTUM, rates) | {
        "variant": "momentum",
        "levels": [float(v) for v in choices.LEVELS_2D if v > lowest],
        "betas": betas,
        "beta": lesson.BETA_MOMENTUM,
        "limits": [momentum.rate_limit(b, cost.curvature()) for b in betas],
        # What plain descent's rates do does not apply with momentum: the widget says its own.
        "modes": [{k: v for k, v in mode.items() if k not in ("bands", "band", "factor")}],
    }


def widget_html(
    element_id: str, config: dict, figures: str = "the figures on this page show"
) -> str:
    """The element a playground is drawn into, its settings in ``data-config``.

    The plot, the panel of controls and the readout are there before the
    script runs, sized by the stylesheet, so building the widget moves nothing. Without
    JavaScript it shows a note instead, naming the ``figures`` (HTML) that still teach.
    """
    data = html.escape(json.dumps(config, separators=(",", ":")), quote=True)
    # The contour map keeps equal scales on both axes: its frame has the window's shape.
    (x_lo, x_hi), (y_lo, y_hi) = config["modes"][0]["window"]
    shape = f"{x_hi - x_lo:.6g} / {y_hi - y_lo:.6g}"
    frame = f' style="--gd-frame: {shape}"' if config["kind"] == "2d" else ""
    kinds = [config["kind"], *([config["variant"]] if "variant" in config else [])]
    classes = " ".join(f"gd-playground--{kind}" for kind in kinds)
    return (
        f'<div class="gd-playground {classes}" id="{element_id}"{frame} '
        f'data-config="{data}">\n'
        '<div class="gd-pg__plot"></div><div class="gd-pg__panel"></div>'
        '<div class="gd-pg__out"></div>\n'
        '<noscript><p class="gd-playground__note">The interactive playground needs '
        f"JavaScript; {figures} descents it makes.</p></noscript>\n"
        "</div>"
    )


def playground_1d_html() -> str:
    return widget_html("gd-playground-1d", config_1d())


def playground_2d_html() -> str:
    # It sits on Two curvatures; the map of its descent is on the page before.
    where = 'the map of <a href="../two-weights/#seen-from-above">Two weights</a> shows'
    return widget_html("gd-playground-2d", config_2d(), figures=where)


def playground_momentum_html() -> str:
    return widget_html("gd-playground-momentum", config_momentum())
