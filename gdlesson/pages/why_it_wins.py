"""Why it wins: the page's numbers, figures, claims and exercises."""

from __future__ import annotations

import functools
from functools import partial

import numpy as np
from matplotlib.figure import Figure

from gdlesson import choices, lesson
from gdlesson import compute_budget as budget
from gdlesson.choices import CANDIDATES
from gdlesson.claim import (
    Claim,
    register,
    require,
)
from gdlesson.descent import TOLERANCE, gradient_descent
from gdlesson.drawing import WIDTH, FigureSpec, Texts, combinations_text, label, log_axis
from gdlesson.network import (
    NetworkCost,
    combinations,
    curvatures,
    forward_operations,
    house_data,
    network_cost,
    run_on,
    trained_by_descent,
    weight_count,
)
from gdlesson.numbers import (
    count,
    power_of_ten,
    scientific_text,
)
from gdlesson.placeholders import Fact
from gdlesson.style import palette_colours

# --- numbers ----------------------------------------------------------------------------


def _training() -> dict[str, Fact]:
    """The network trained by gradient descent, and its work against brute force's."""
    net = trained_by_descent()
    multiplications, additions = forward_operations()
    # a slope before each step, and one more that finds it flat
    slopes, passes = net.steps + 1, lesson.passes(net)
    return {
        "forward_multiplications": str(multiplications),
        "forward_additions": str(additions),
        "forward_operations": str(multiplications + additions),
        "network_rows": str(len(network_cost().targets)),
        "network_rate": f"{choices.RATE_NETWORK:g}",
        "network_tolerance": choices.TOLERANCE_NETWORK,
        "network_steps": count(net.steps),
        "network_cost_start": f"{net.costs[0]:.1f}",
        "network_cost_end": f"{net.costs[-1]:.3f}",
        "network_slopes": count(slopes),
        "passes_per_slope": str(lesson.PASSES_PER_SLOPE),
        "network_passes": count(passes),
        "network_ratio": budget.scientific(budget.Fraction(combinations(), passes), 2),
    }


def _running_on() -> dict[str, str]:
    """The lesson's run continued past its stop: cost, gradient, largest curvature."""
    more = run_on()
    reached = more.reached if more.reached is not None else more.steps
    tail = more.slopes[-choices.RUN_ON_TAIL :]
    return {
        "run_on_steps": count(more.steps),
        "run_on_cost_end": f"{more.costs[-1]:.3f}",
        "run_on_top_start": f"{more.top_curvatures[0]:.0f}",
        "run_on_top_max": f"{more.top_curvatures.max():.1f}",
        "run_on_cost_peak": f"{more.costs.max():.3f}",
        "run_on_limit": f"{more.limit:g}",
        "run_on_reach": count(round(reached, -3)),
        "run_on_slope_low": f"{more.slopes[:reached].min():.4f}",
        "run_on_slope_end": f"{np.median(tail):.1f}",
        "run_on_tail": count(choices.RUN_ON_TAIL),
    }


def facts() -> dict[str, Fact]:
    """The numbers of "Why it wins", by name."""
    return _running_on() | _training()


# --- figures ----------------------------------------------------------------------------


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


def why_it_wins_figure(fig: Figure, palette: str) -> None:
    """Brute force against gradient descent in passes over the data: 1 weight on
    a plain scale, where the two bars can be compared by eye, 25 on a log scale."""
    (one, one_work), (many, many_work) = _work().items()
    top = len(str(combinations())) + 5
    c = palette_colours(palette)
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


#: The page's figures, in its order.
FIGURES = (FigureSpec("why-it-wins", why_it_wins_figure, "svg", _texts, size=(WIDTH, 3.0)),)


# --- claims -----------------------------------------------------------------------------

#: What the page says, each sentence with its check.
CLAIMS: list[Claim] = []
claim = partial(register, CLAIMS, "why-it-wins.md")
#: The premises of the page's exercises.
EXERCISE_CLAIMS: list[Claim] = []
exercise = partial(register, EXERCISE_CLAIMS, "why-it-wins.md")


class CountingCost:
    """A cost that counts how often its slopes are asked for."""

    def __init__(self, cost):
        self.cost, self.dimension, self.slopes = cost, cost.dimension, 0

    def __call__(self, w):
        return self.cost(w)

    def gradient(self, w):
        self.slopes += 1
        return self.cost.gradient(w)


@claim("the network run stops once its gradient is below a looser tolerance")
def _stops_at_the_looser_tolerance() -> None:
    run = trained_by_descent()
    slope = np.linalg.norm(network_cost().gradient(run.w))
    require(run.converged and slope < choices.TOLERANCE_NETWORK, f"{run.status}, slope {slope}")
    require(TOLERANCE < choices.TOLERANCE_NETWORK, "the network's tolerance is not looser")
    require(run.costs[-1] < run.costs[0], "the cost did not fall")


@claim("run on, the slope never falls below the quoted low, far above 10⁻⁶, then bounces")
def _never_that_flat() -> None:
    more = run_on()
    low = float(facts()["run_on_slope_low"])
    require(more.slopes.min() >= low - 5e-5, f"the slope fell to {more.slopes.min()}")
    require(low > 100 * TOLERANCE, f"{low} is not far above {TOLERANCE}")
    require(more.reached is not None, "the largest curvature never reaches 2/η: no bounce")


@claim("exercise 2's answer: twice as many houses like these curve about twice as steeply")
def _more_houses_curve_more() -> None:
    w, rows = trained_by_descent().w, len(network_cost().targets)
    more = NetworkCost(*house_data(2 * rows))
    ratio = curvatures(w, more)[-1] / curvatures(w, network_cost())[-1]
    require(1.5 < ratio < 2.5, f"the largest curvature grows {ratio:.2f} times")


@claim("the step counts depend on the rate: the rolling ball takes more steps than 7")
def _counts_depend_on_the_rate() -> bool:
    ball, right = lesson.rolling_descent(), lesson.rate_descents()["just right"]
    return ball.converged and ball.steps > right.steps and ball.learning_rate != right.learning_rate


@claim("descent takes a slope before each step and one more; 2 passes each")
def _slopes_counted() -> None:
    # The training run's last steps, replayed with the slopes counted: the same
    # arithmetic from the same point, without training the network again.
    run, last = trained_by_descent(), 10
    counting = CountingCost(network_cost())
    replay = gradient_descent(
        counting, run.path[-last - 1], choices.RATE_NETWORK, tolerance=choices.TOLERANCE_NETWORK
    )
    require(replay.converged and replay.steps == last, f"another run: {replay}")
    require(counting.slopes == last + 1, f"{counting.slopes} slopes for {last} steps")
    passes = lesson.PASSES_PER_SLOPE * (run.steps + 1)
    shown = facts()
    require(shown["network_passes"] == f"{passes:,}", f"{passes} passes")
    combos = budget.combinations(CANDIDATES, len(run.w))
    ratio = budget.scientific(budget.Fraction(combos, passes), 2)
    require(shown["network_ratio"] == ratio, f"the ratio is {ratio}")


@claim("the made-up houses' inputs are on a standard scale (around 0, spread 1)")
def _standard_scale() -> bool:
    x, _ = house_data()
    return bool(np.all(np.abs(x.mean(axis=0)) < 0.3) and np.all(np.abs(x.std(axis=0) - 1) < 0.3))


@claim("the network's cost is not a bowl: where its run stops it curves down somewhere")
def _not_a_bowl() -> None:
    bends = curvatures(trained_by_descent().w)
    require(bends[0] < -choices.DOWNWARD_CURVATURE < 0 < bends[-1], f"curvatures {bends}")


@exercise("exercise: a hidden layer twice as wide has twice the weights")
def _twice_the_weights() -> bool:
    return weight_count(choices.WIDE_LAYERS) == 2 * weight_count()
