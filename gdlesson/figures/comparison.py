"""The closing comparison: the work of brute force against that of gradient
descent, in passes over the data, for 1 weight and for 25 ("Why it wins")."""

from __future__ import annotations

import functools

from matplotlib.figure import Figure

from gdlesson import lesson
from gdlesson.choices import CANDIDATES
from gdlesson.figures.common import WIDTH, FigureSpec, Texts, combinations_text, label, log_axis
from gdlesson.network import combinations, trained_by_descent, weight_count
from gdlesson.numbers import count, power_of_ten, scientific_text
from gdlesson.style import styled

#: The log axis has a tick every this many powers of ten.
DECADES_PER_TICK = 10


def _work() -> dict[str, tuple[int, int]]:
    """Passes over the data, (brute force, gradient descent), by problem: a
    combination is one pass, a slope :data:`~gdlesson.lesson.PASSES_PER_SLOPE`."""
    one = lesson.passes(lesson.rate_descents()["just right"])
    return {
        "1 weight": (CANDIDATES, one),
        f"{weight_count()} weights": (combinations(), lesson.passes(trained_by_descent())),
    }


def why_it_wins_figure(palette: str = "light") -> Figure:
    """Brute force against gradient descent in passes over the data: 1 weight on
    a plain scale, where the two bars can be compared by eye, 25 on a log scale."""
    (one, one_work), (many, many_work) = _work().items()
    top = len(str(combinations())) + 5
    with styled(palette) as c:
        fig = Figure(figsize=(WIDTH, 3.0), layout="constrained")
        plain, log = fig.subplots(1, 2, width_ratios=(1, 1.5))
        colours = [c["curve"], c["accent"]]
        for ax, problem, work in ((plain, one, one_work), (log, many, many_work)):
            ax.bar([0, 1], [float(w) for w in work], color=colours, width=0.6)
            ax.set_xticks([0, 1], ["brute\nforce", "gradient\ndescent"])
            ax.set_title(problem, color=c["text"], fontweight="bold")
            ax.tick_params(axis="x", length=0)
            for x, w, colour in zip((0, 1), work, colours, strict=True):
                text = combinations_text() if w == combinations() else count(w)
                label(
                    ax,
                    text,
                    (x, float(w)),
                    (0, 3),
                    ha="center",
                    va="bottom",
                    color=colour,
                    fontweight="bold",
                )
        plain.set_ylim(0, 1.2 * one_work[0])
        plain.set_ylabel("passes over the data")
        log.set_yscale("log")
        log.set_ylim(1, 10.0**top)
        log_axis(log.yaxis, top, DECADES_PER_TICK)
        log.set_ylabel("passes (log scale)")
    return fig


@functools.cache
def _texts() -> dict[str, Texts]:
    """The texts of this part's figures, by name; every number in them computed."""
    (one, (brute_one, descent_one)), (many, (brute_many, descent_many)) = _work().items()
    return {
        "why-it-wins": Texts(
            alt=f"Bars of work in passes over the data. For {one}, {count(brute_one)} passes "
            f"of brute force against {count(descent_one)} of gradient descent, on a plain "
            f"scale. For {many}, {combinations_text()} passes of brute force against "
            f"{count(descent_many)} of descent, on a log scale.",
            caption=f"The work of brute force and of gradient descent, in passes over the "
            f"data: a combination is one pass, a slope {lesson.PASSES_PER_SLOPE}. Left, "
            f"{one}, on a plain scale: brute force makes "
            f"{brute_one / descent_one:.3g} times as many passes. Right, {many}, on a log "
            f"scale where each tick is {power_of_ten(DECADES_PER_TICK)} times the one "
            f"below: {scientific_text(brute_many / descent_many, 2)} times as many. Look at "
            f"how the gap grows with the weights.",
        ),
    }


#: This part's figures, in lesson order; their texts made when first read.
SPECS = (FigureSpec("why-it-wins", why_it_wins_figure, "svg", _texts),)
