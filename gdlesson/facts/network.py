"""The 25-weight network: its forward pass, its training run and the work it
took, its symmetric copies, and the same training from several random starts
(pages "Why it wins" and "Many valleys")."""

from __future__ import annotations

from itertools import combinations as pairs

import numpy as np

from gdlesson import compute_budget as budget
from gdlesson import lesson
from gdlesson.facts.common import tex_count, tex_power
from gdlesson.network import (
    LAYERS,
    combinations,
    forward_operations,
    network_cost,
    symmetric_copies,
    trained_by_descent,
    trained_from_starts,
)
from gdlesson.numbers import count, rounded_down
from gdlesson.relabelling import distance_up_to_relabelling


def facts() -> dict[str, str]:
    """The numbers of the network's pages, by name."""
    return _training() | _copies() | _starts()


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
        "network_rate": f"{lesson.RATE_NETWORK:g}",
        "network_tolerance": tex_power(lesson.TOLERANCE_NETWORK),
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
