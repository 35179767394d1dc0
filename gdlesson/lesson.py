"""The lesson's choices: start points and learning rates that its figures and prose use.

Kept in one place so the figures, the numbers quoted in the prose and the
interactive widgets all describe the same descents.
"""

from __future__ import annotations

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

#: The (w₁, w₂) window the two-weight contour map shows, in the figures and the playground.
WINDOW_2D = ((-0.4, 3.4), (-1.9, 2.3))
#: The cost levels the two-weight contour map draws (those above the minimum).
LEVELS_2D = (0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 40)
