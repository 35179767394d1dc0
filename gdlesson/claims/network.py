"""The network's claims. On "Why it wins": its training run, the work it took,
its made-up houses. On "Many valleys": the copies of every weight setting, the
runs from several starts and what their stops are, and the lesson's run
continued past its stop. On "Summary": its lines on the network."""

from __future__ import annotations

import itertools
from functools import partial

import numpy as np

from gdlesson import choices, lesson
from gdlesson import compute_budget as budget
from gdlesson.choices import CANDIDATES
from gdlesson.claims.claim import Claim, register, require
from gdlesson.descent import TOLERANCE, gradient_descent
from gdlesson.facts import network as network_facts
from gdlesson.network import (
    NetworkCost,
    curvatures,
    house_data,
    lined_up,
    network_cost,
    run_on,
    stop_report,
    symmetric_copies,
    trained_by_descent,
    trained_from,
    trained_from_starts,
)
from gdlesson.relabelling import distance_up_to_relabelling, every_copy

CLAIMS: list[Claim] = []
claim = partial(register, CLAIMS, "why-it-wins.md")
on_valleys = partial(register, CLAIMS, "many-valleys.md")
on_summary = partial(register, CLAIMS, "summary.md")


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
    low = float(network_facts.facts()["run_on_slope_low"])
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
    shown = network_facts.facts()
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


# --- Many valleys --------------------------------------------------------------------


@on_valleys("swaps and sign flips give every weight setting distinct same-cost copies")
def _distinct_copies() -> None:
    cost, w = network_cost(), trained_by_descent().w
    copies = every_copy(w)
    distinct = len(np.unique(np.round(copies, 12), axis=0))
    require(distinct == symmetric_copies(), f"{distinct} distinct copies")
    costs = [cost(c) for c in copies[::61]]
    np.testing.assert_allclose(costs, cost(w), rtol=1e-9)


@on_valleys("the starts stop at different places, not copies, with close costs far below")
def _network_starts() -> None:
    runs = trained_from_starts()
    require(all(run.converged for run in runs), "a run did not converge")
    pairs = list(itertools.combinations([run.w for run in runs], 2))
    closest = min(distance_up_to_relabelling(a, b) for a, b in pairs)
    # "no two are closer than" the number shown, over every relabelling of each pair
    shown = float(network_facts.facts()["network_closest_ends"])
    require(closest >= shown and closest > 0.1, f"two ends are {closest} apart")
    lined = min(np.linalg.norm(lined_up(a) - lined_up(b)) for a, b in pairs)
    require(closest <= lined, f"{closest} is farther than the lined-up {lined}")
    end_costs = [run.costs[-1] for run in runs]
    start_costs = [run.costs[0] for run in runs]
    require(max(end_costs) < 2 * min(end_costs), f"the end costs {end_costs} are not close")
    require(max(end_costs) < min(start_costs) / 100, "an end cost is not far below the starts'")


@on_valleys("all stops but one curve down somewhere; that one curves up, its slope not zero")
def _what_the_stops_are() -> None:
    shown = network_facts.facts()
    reports = {seed: stop_report(seed) for seed in choices.NETWORK_SEEDS}
    down = {seed: r[2] for seed, r in reports.items()}
    upward = [seed for seed, n in down.items() if n == 0]
    require(len(upward) == 1, f"{len(upward)} stops curve up every way, not one: {down}")
    require(shown["network_upward_starts"] == str(upward[0]), "another start curves up")
    counts = [n for n in down.values() if n]
    require(shown["network_stops_downward"] == str(len(counts)), f"{counts} curve down")
    low, high = shown["network_downward_low"], shown["network_downward_high"]
    require((low, high) == (str(min(counts)), str(max(counts))), f"counts {counts}")
    # The cut-off is no choice that matters: any from 10⁻⁶ to 10⁻³ counts alike.
    for seed in choices.NETWORK_SEEDS:
        bends = curvatures(trained_from(seed).w)
        alike = {int(np.sum(bends < -cut)) for cut in (1e-6, choices.DOWNWARD_CURVATURE, 1e-3)}
        require(alike == {down[seed]}, f"start {seed}: {alike} by the cut-off")
        slope = np.linalg.norm(network_cost().gradient(trained_from(seed).w))
        require(TOLERANCE < slope < choices.TOLERANCE_NETWORK, f"start {seed}: slope {slope}")


def _before_and_tail(more):
    """The steps before the largest curvature reached 2/η, and the run's last steps."""
    require(more.reached is not None, "the largest curvature never reaches 2/η")
    return slice(1, more.reached), slice(-choices.RUN_ON_TAIL, None)


@on_valleys("run on, the cost goes lower and the largest curvature climbs to 2/η and stays")
def _running_on_climbs() -> None:
    more, shown = run_on(), network_facts.facts()
    require(more.costs[-1] < more.costs[0], f"the cost rose to {more.costs[-1]}")
    require(more.top_curvatures[0] < more.limit, "the curvature starts at the limit")
    after = more.top_curvatures[more.measured >= more.reached]
    require(np.all(np.abs(after / more.limit - 1) < 0.03), f"after: {after.min()}..{after.max()}")
    require(abs(more.reached - int(shown["run_on_reach"].replace(",", ""))) <= 500, "not about")
    require(more.steps > 2 * more.reached, "the run stops too soon after it")


@on_valleys("at times a little above 2/η, yet no blow-up: the cost jumps, falls back, ends lower")
def _edge_of_stability() -> None:
    more = run_on()
    after = more.top_curvatures[more.measured >= more.reached]
    top = float(network_facts.facts()["run_on_top_max"])
    require(after.max() > more.limit and abs(after.max() - top) < 0.05, f"tops: {after.max()}")
    peak = float(network_facts.facts()["run_on_cost_peak"])
    require(abs(more.costs.max() - peak) < 1e-3, f"the cost peaks at {more.costs.max()}")
    require(more.costs.max() < 2 * more.costs[0], f"the cost blew up to {more.costs.max()}")
    require(more.costs[-1] < more.costs[0], "the run does not end lower than it stopped")


@on_valleys("before 2/η each step goes on the same way; after, steps turn back: zig-zag")
def _running_on_zigzags() -> None:
    more = run_on()
    before, tail = _before_and_tail(more)
    require(np.all(more.turns[before] > 0.9), "a step turned back before the limit")
    low = float(network_facts.facts()["run_on_slope_low"])
    require(more.slopes[before].min() < choices.TOLERANCE_NETWORK / 5, "the slope did not shrink")
    require(abs(more.slopes[before].min() - low) < 1e-4, f"not {low}")
    require(np.mean(more.turns[tail] < -0.9) > 0.95, "the last steps do not turn back")
    first = np.mean(more.turns[more.reached : more.reached + choices.RUN_ON_TAIL] < -0.5)
    require(0.05 < first < 0.9, f"{first:.0%} of the first steps after turn back: no bursts")
    median = np.median(more.slopes[tail])
    require(median > 100 * low, f"the gradient's length is {median}: no jump")
    rises = np.mean(np.diff(more.costs[tail]) > 0)
    require(0.35 < rises <= 0.5, f"the cost rises at {rises:.0%} of the last steps")
    require(more.costs[-1] < more.costs[-choices.RUN_ON_TAIL], "the cost did not fall overall")


@on_valleys("the other runs also reach 2/η when run on as long, then zig-zag", slow=True)
def _other_runs_too() -> None:
    for seed in choices.NETWORK_SEEDS[1:]:
        more = run_on(seed)
        _before_and_tail(more)
        # the last to get there (start 2) zig-zags steadily only near the end
        turned = np.mean(more.turns[-choices.RUN_ON_TAIL // 2 :] < -0.9)
        require(turned > 0.95, f"start {seed}: {turned:.0%} of the last steps turn back")


# --- Summary -------------------------------------------------------------------------


@on_summary("the two step counts stop at different slopes, the network's short of a minimum")
def _two_stops() -> None:
    require(TOLERANCE < choices.TOLERANCE_NETWORK, "the network's stop is not looser")
    require(curvatures(trained_by_descent().w)[0] < -choices.DOWNWARD_CURVATURE, "a minimum?")
    require(run_on().costs.min() < trained_by_descent().costs[-1], "it is already lowest")


on_summary("at most of the network's stops the cost still curves down")(_what_the_stops_are)
on_summary("run on, the network's curvature climbs to 2/η")(_running_on_climbs)
on_summary("run on, the network's steps then zig-zag")(_running_on_zigzags)
