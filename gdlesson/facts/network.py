"""The 25-weight network: its forward pass, its training run and the work it
took (page "Why it wins"); its symmetric copies, the recipe of its made-up
houses and starts, the same training from several random starts, what their
stops are, and the lesson's run continued past its stop (page "Many valleys")."""

from __future__ import annotations

from itertools import combinations as pairs

import numpy as np

from gdlesson import choices, lesson
from gdlesson import compute_budget as budget
from gdlesson import network as net
from gdlesson.choices import LAYERS
from gdlesson.facts.common import tex_count, tex_power
from gdlesson.network import (
    combinations,
    forward_operations,
    network_cost,
    run_on,
    stop_report,
    symmetric_copies,
    trained_by_descent,
    trained_from_starts,
)
from gdlesson.numbers import count, rounded_down
from gdlesson.relabelling import distance_up_to_relabelling


def facts() -> dict[str, str]:
    """The numbers of the network's pages, by name."""
    return _training() | _copies() | _recipe() | _starts() | _stops() | _running_on()


def _training() -> dict[str, str]:
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
        "network_tolerance": tex_power(choices.TOLERANCE_NETWORK),
        "network_steps": count(net.steps),
        "network_cost_start": f"{net.costs[0]:.1f}",
        "network_cost_end": f"{net.costs[-1]:.3f}",
        "network_slopes": count(slopes),
        "passes_per_slope": str(lesson.PASSES_PER_SLOPE),
        "network_passes": count(passes),
        "network_ratio": budget.scientific(budget.Fraction(combinations(), passes), 2),
    }


def _copies() -> dict[str, str]:
    """The hidden neurons' swaps and sign flips: the same cost at every copy."""
    n_hidden = LAYERS[1]
    return {
        "hidden_orders": str(np.prod(range(1, n_hidden + 1))),
        "hidden_flips": str(2**n_hidden),
        "symmetric_copies": tex_count(symmetric_copies()),
        "symmetric_copies_text": count(symmetric_copies()),
    }


def _starts() -> dict[str, str]:
    """The network trained again from random starts: where each run stopped."""
    runs = trained_from_starts()
    start_costs = [run.costs[0] for run in runs]
    end_costs = [run.costs[-1] for run in runs]
    steps = [run.steps for run in runs]
    closest = min(distance_up_to_relabelling(a, b) for a, b in pairs([r.w for r in runs], 2))
    return {
        "network_starts": str(len(runs)),
        "network_start_cost_low": f"{min(start_costs):.0f}",
        "network_start_cost_high": f"{max(start_costs):.0f}",
        "network_stop_cost_low": f"{min(end_costs):.3f}",
        "network_stop_cost_high": f"{max(end_costs):.3f}",
        "network_steps_low": count(min(steps)),
        "network_steps_high": count(max(steps)),
        # rounded down: "no two are closer than" it
        "network_closest_ends": rounded_down(closest, 2),
    }


def _recipe() -> dict[str, str]:
    """How the made-up houses and the starts are made, and how the stops are measured."""
    return {
        "house_seed": str(choices.HOUSE_SEED),
        "price_area": f"{choices.PRICE_AREA:g}",
        "price_bedrooms": f"{choices.PRICE_BEDROOMS:g}",
        "price_distance": f"{choices.PRICE_DISTANCE:g}",
        "price_age": f"{choices.PRICE_AGE:g}",
        "price_noise": f"{choices.PRICE_NOISE:g}",
        "start_scale": f"{choices.START_SCALE:g}",
        "network_seeds_code": repr(list(choices.NETWORK_SEEDS)),
        "network_seed_first": str(choices.NETWORK_SEEDS[0]),
        "network_seed_last": str(choices.NETWORK_SEEDS[-1]),
        "network_max_steps": count(choices.MAX_STEPS_NETWORK),
        "network_max_steps_py": f"{choices.MAX_STEPS_NETWORK:_}",
        "network_tolerance_py": repr(choices.TOLERANCE_NETWORK),
        "curvature_step": tex_power(net.CURVATURE_STEP),
        "curvature_step_py": repr(net.CURVATURE_STEP),
        "downward_curvature": tex_power(choices.DOWNWARD_CURVATURE),
        "downward_curvature_py": repr(choices.DOWNWARD_CURVATURE),
    }


def _stops() -> dict[str, str]:
    """Where each start stopped, and how many ways the cost still curves down there."""
    reports = {seed: stop_report(seed) for seed in choices.NETWORK_SEEDS}
    lines = [
        f"start {seed}: {steps:4} steps, cost {cost:.3f}, curving down: {down}"
        for seed, (steps, cost, down, _) in reports.items()
    ]
    downward = [down for _, _, down, _ in reports.values() if down]
    upward = [seed for seed, (_, _, down, _) in reports.items() if not down]
    return {
        "network_stops_printout": "\n".join(lines),
        "network_stops_downward": str(len(downward)),
        "network_downward_low": str(min(downward, default=0)),
        "network_downward_high": str(max(downward, default=0)),
        "network_upward_starts": ", ".join(map(str, upward)),
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
