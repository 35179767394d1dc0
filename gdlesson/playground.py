"""The interactive playgrounds' settings, made here so the widgets compute what gdlesson computes.

``docs/javascripts/playground.js`` draws each playground and runs its descents
in the reader's browser. Everything it needs comes from this module, written
into the page at build time as JSON: the cost's rows ``X`` and targets ``y``,
the lesson's start and learning rate (:mod:`gdlesson.lesson`), the learning
rates the slider offers, the rules of :func:`gdlesson.descent.gradient_descent`
(tolerance, max_steps, ``BLOWUP``) and the plot's window. The JavaScript
repeats the descent's arithmetic in the same order; tests/browser checks each
path it draws against :func:`~gdlesson.descent.gradient_descent`.

>>> config = config_1d()
>>> config["start"], config["rate"], config["rate"] in config["rates"]
([0.5], 0.05, True)
>>> config["blowup"], config["max_steps"], config["tolerance"], config["candidates"]
(1000000.0, 10000, 1e-06, 1000)
>>> print(widget_html("gd-playground-1d", config)[:61])
<div class="gd-playground" id="gd-playground-1d" data-config=
"""

from __future__ import annotations

import html
import inspect
import json
import math

import numpy as np

from gdlesson import lesson
from gdlesson.brute_force import CANDIDATES, SEARCH_RANGE
from gdlesson.costs import QuadraticCost, one_weight_cost, two_weight_cost
from gdlesson.descent import BLOWUP, gradient_descent

#: Learning rates on the slider: these mantissas in every decade (a log scale
#: with round numbers), so the lesson's own rates are exact slider positions.
MANTISSAS = (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8)
#: The learning rates each playground's slider spans.
RATE_RANGE_1D = (0.001, 0.5)
RATE_RANGE_2D = (0.001, 0.3)
#: The (w₁, w₂) window of the contour map, as in the contour figure.
WINDOW_2D = ((-0.4, 3.4), (-1.9, 2.3))
#: The cost levels the contour map draws, where above the minimum.
LEVELS_2D = (0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 40)
#: Start points move in steps of this size (sliders, arrow keys, dragging).
START_STEP = 0.01

_DEFAULTS = inspect.signature(gradient_descent).parameters


def rate_choices(low: float, high: float, curvature: float, lesson_rates=()) -> list[float]:
    """The slider's learning rates from ``low`` to ``high``, smallest first.

    Round numbers on a log scale, the lesson's own rates, and the two rates of
    two significant digits either side of 2/L, where descent turns from
    converging to diverging.

    >>> rate_choices(0.1, 0.3, 9.11, lesson_rates=[0.17])
    [0.1, 0.12, 0.15, 0.17, 0.2, 0.21, 0.22, 0.25, 0.3]
    """
    edge = 2 / curvature
    digits = 1 - math.floor(math.log10(edge))
    scale = 10**digits
    around = (math.floor(edge * scale) / scale, math.ceil(edge * scale) / scale)
    values = {float(f"{m}e{e}") for e in range(-6, 3) for m in MANTISSAS}
    values |= {float(f"{v:.{digits}f}") for v in around} | {float(v) for v in lesson_rates}
    return sorted(v for v in values if low <= v <= high)


def _common(cost: QuadraticCost, start, rate: float, rate_range, lesson_rates) -> dict:
    curvature = cost.curvature()
    return {
        "X": cost.inputs.tolist(),
        "y": cost.targets.tolist(),
        "start": [float(v) for v in start],
        "rate": float(rate),
        "rates": rate_choices(*rate_range, curvature, [rate, *lesson_rates]),
        "curvature": curvature,
        "max_rate": 2 / curvature,
        "tolerance": _DEFAULTS["tolerance"].default,
        "max_steps": _DEFAULTS["max_steps"].default,
        "blowup": BLOWUP,
        # gdlesson.descent: after a step, a non-finite cost ends the descent
        # (that point dropped); a cost above blowup × max(C(start), 1) ends it
        # (that point kept).
        "divergence": "cost non-finite, or cost > blowup * max(cost(start), 1)",
        "start_step": START_STEP,
        "candidates": CANDIDATES,
        "minimum": [float(v) for v in cost.minimum()],
    }


def config_1d() -> dict:
    """The one-weight playground: the cost curve over the brute-force range."""
    cost = one_weight_cost()
    rates = [lesson.RATE_ZIGZAG_1D, *lesson.RATES_1D.values()]
    config = _common(cost, [lesson.START_1D], lesson.RATE_1D, RATE_RANGE_1D, rates)
    ceiling = float(cost.on_grid(np.array(SEARCH_RANGE)).max()) * 1.1
    config |= {"kind": "1d", "window": [list(SEARCH_RANGE), [0.0, ceiling]]}
    return config


def config_2d() -> dict:
    """The two-weight playground: the contour map of the figures."""
    cost = two_weight_cost()
    config = _common(cost, lesson.START_2D, lesson.RATE_2D, RATE_RANGE_2D, [])
    lowest = cost(cost.minimum())
    config |= {
        "kind": "2d",
        "window": [list(w) for w in WINDOW_2D],
        "levels": [float(v) for v in LEVELS_2D if v > lowest],
    }
    return config


def widget_html(element_id: str, config: dict) -> str:
    """The element a playground is drawn into, its settings in ``data-config``.

    Without JavaScript it shows a note; the static figures still teach.
    """
    data = html.escape(json.dumps(config, separators=(",", ":")), quote=True)
    return (
        f'<div class="gd-playground" id="{element_id}" data-config="{data}">\n'
        '<noscript><p class="gd-playground__note">The interactive playground needs '
        "JavaScript; the figures on this page show the same descents.</p></noscript>\n"
        "</div>"
    )


def playground_1d_html() -> str:
    return widget_html("gd-playground-1d", config_1d())


def playground_2d_html() -> str:
    return widget_html("gd-playground-2d", config_2d())
