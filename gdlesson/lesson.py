"""The lesson's choices: start points and learning rates that its figures and prose use.

Kept in one place so the figures, the numbers quoted in the prose and the
interactive widgets all describe the same descents.
"""

from __future__ import annotations

#: The recap's two trial weights: a poor one, then a good one.
RECAP_WEIGHTS = (1.0, 2.0)

#: Where the one-weight descents start.
START_1D = 0.5
#: A learning rate that walks steadily down to the minimum (the rolling ball).
RATE_1D = 0.05
#: A learning rate that overshoots the minimum at every step, yet converges, slowly.
RATE_ZIGZAG_1D = 0.2
#: The learning-rate lesson: too small, just right, too large.
RATES_1D = {"too small": 0.005, "just right": 0.1, "too large": 0.25}

#: Where the two-weight descent starts, (w₁, w₂).
START_2D = (0.2, 1.6)
#: A learning rate that zig-zags across the two-weight valley.
RATE_2D = 0.17

#: Training the 25-weight network: learning rate and gradient tolerance.
RATE_NETWORK = 0.02
TOLERANCE_NETWORK = 1e-2

#: A learning rate that zig-zags and still arrives sooner than RATE_1D (page 5).
RATE_FAST_ZIGZAG_1D = 0.15
#: The rates of page 5's table of the step factor 1 − ηL, smallest first.
RATES_TABLE_1D = (0.005, 0.05, 0.1, 0.15, 0.2, 0.25)
#: The rates of page 6's table: two that never cross the valley, three that do.
RATES_TABLE_2D = (0.05, 0.09, 0.17, 0.19, 0.2)

#: The cost with two valleys (page "Many valleys"): where descents start, and their rate.
STARTS_VALLEYS = (-3.0, -0.5, 0.0, 1.8, 3.0, 3.5, 4.0)
RATE_VALLEYS = 0.2

#: The network trained again from these random starts (seeds of initial_weights).
NETWORK_SEEDS = (1, 2, 3, 4, 5)

#: Stochastic gradient descent on the six houses: one house per step.
START_SGD = 0.5
RATE_SGD = 0.1
EPOCHS_SGD = 20
SEED_SGD = 0
