"""Every choice the lesson makes, in one place, each with its reason.

Change a value here and every page, figure, code block, widget and the notebook
follow it at the next build. This module imports nothing: the data, the starts,
the rates set by hand, the ranges, the seeds. What is computed from them (the
rates derived from the data's curvatures, the descents they make) is in
:mod:`gdlesson.lesson` and in the pages' modules (:mod:`gdlesson.pages`), which
check the choices below that must lie in a range (``python -m gdlesson explain`` prints
the limits the data allow).
"""

# --- The houses: area, age and price ------------------------------------------------

#: Area of each house, in hundreds of square metres.
AREA = (0.5, 0.8, 1.1, 1.4, 1.9, 1.2)
#: Age of each house, in decades.
AGE = (0.9, 0.2, 0.6, 0.1, 0.4, 1.0)
#: Price of each house, in hundreds of thousands of euros.
PRICE = (0.9, 1.7, 2.0, 3.1, 4.0, 1.9)


# --- Brute force ----------------------------------------------------------------------

#: The lecture's number of candidate values for each weight.
CANDIDATES = 1_000
#: The range of weights the lesson searches for the one-weight cost.
SEARCH_RANGE = (0.0, 4.0)


# --- One weight: starts and rates -----------------------------------------------------

#: The recap's two trial weights: a poor one, then a good one.
RECAP_WEIGHTS = (1.0, 2.0)
#: Where the one-weight descents start.
START_1D = 0.5
#: A learning rate that walks steadily down to the minimum (the rolling ball): refused
#: unless below 1/L, where a step never passes the minimum.
RATE_1D = 0.05
#: The notebook's first descent, and the rates its table compares.
RATE_NOTEBOOK = 0.17
RATES_NOTEBOOK = (0.005, 0.02, 0.05, 0.1, 0.15, 0.2, 0.21, 0.25)


# --- Two weights ----------------------------------------------------------------------

#: Where the two-weight descent starts, (w₁, w₂).
START_2D = (0.2, 1.6)
#: The (w₁, w₂) window of the two-weight contour map (figure and playground).
WINDOW_2D = ((-0.4, 3.4), (-1.9, 2.3))
#: The cost levels the contour map draws, where above the minimum.
LEVELS_2D = (0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 40)
#: Two weights: small steps from START_2D: their length, and the angles θ, in degrees,
#: between a step and the gradient that its session tries (180 is against it).
PROBE_STEP_2D = 0.001
PROBE_ANGLES_2D = (0, 45, 90, 135, 180)
#: The cost levels of the rings on which the gradient figure draws its arrows,
#: and how many arrows each ring gets, spread evenly around it.
ARROW_LEVELS_2D = (1, 3, 6)
ARROWS_PER_RING_2D = 6
#: Two weights: the example of ``@`` and ``.T`` worked by hand: a 2×2 table of small
#: integers, two weights, and one error per row.
TOY_TABLE = ((1, 2), (3, 1))
TOY_WEIGHTS = (2, 1)
TOY_ERRORS = (1, -1)
#: How many steps the figure of "Choosing the rate" follows each of its rates for.
STEPS_CHOOSING = 60


# --- Many valleys: the two-valley cost ------------------------------------------------

#: Each valley as (depth d, centre c, sharpness k).
VALLEYS = ((0.6, -1.5, 1.0), (0.9, 1.0, 2.0))
#: The stretch of weights the lesson shows.
WINDOW_VALLEYS = (-3.5, 4.5)


# --- Many valleys: descents on the two-valley cost ---------------------------------------

#: The cost with two valleys (page "Many valleys"): where descents start, and their rate.
STARTS_VALLEYS = (-3.0, -0.5, 0.0, 1.8, 3.0, 3.5, 4.0)
RATE_VALLEYS = 0.2


# --- Many valleys: the network and its made-up houses ---------------------------------

#: Neurons per layer, input to output.
LAYERS = (4, 5, 1)
#: The made-up houses' recipe (page "Many valleys" prints it): how many, and the
#: seed of the generator that draws their inputs, then their noise.
HOUSE_ROWS = 50
HOUSE_SEED = 0
#: price = tanh(AREA·area + BEDROOMS·bedrooms) − DISTANCE·tanh(distance) − AGE·age
#: + NOISE·noise, every input and the noise drawn standard normal.
PRICE_AREA = 0.9
PRICE_BEDROOMS = 0.4
PRICE_DISTANCE = 0.5
PRICE_AGE = 0.3
PRICE_NOISE = 0.05
#: A start's weights: this many times a standard normal, one per weight.
START_SCALE = 0.5


# --- Many valleys: training the network -----------------------------------------------

#: Training the 25-weight network: learning rate and gradient tolerance.
RATE_NETWORK = 0.02
TOLERANCE_NETWORK = 1e-2
#: The most steps a training run of the network may take.
MAX_STEPS_NETWORK = 100_000
#: Steps the lesson's training run goes on past its stop, at the same rate and
#: with no stop (page "Many valleys"): long enough for its largest curvature to
#: reach 2/η and for the zig-zag that follows to settle in, for every start.
RUN_ON_STEPS = 70_000
#: Measure the run's largest curvature every this many of those steps.
RUN_ON_CURVATURE_EVERY = 200
#: The last steps of the run on that the page describes as its end (its gradient's
#: typical length, how often its steps turn back).
RUN_ON_TAIL = 10_000
#: A curvature below minus this counts as curving downwards (page "Many valleys").
DOWNWARD_CURVATURE = 1e-4
#: The network's random starts (seeds of initial_weights): the lesson trains it
#: from the first, and again from each of the others to compare where they stop.
NETWORK_SEEDS = (1, 2, 3, 4, 5)


# --- Stochastic gradient descent ------------------------------------------------------

#: Stochastic gradient descent on the six houses (page "Stochastic gradient descent"):
#: one house per step, from START_SGD at RATE_SGD, EPOCHS_SGD passes shuffled by SEED_SGD.
START_SGD = 0.5
RATE_SGD = 0.1
EPOCHS_SGD = 20
SEED_SGD = 0
#: The batch sizes the page compares, besides one batch of every house (sgd_batches),
#: and how many shuffles (seeds 0, 1, ...) each spread is averaged over.
SGD_BATCHES = (1, 2, 3)
SGD_SEEDS = 50
#: How many houses the page draws at random to average their slopes.
SGD_DRAWS = 10_000
#: The passes (from 1) whose spread the page quotes, to show the jitter dying down.
SGD_PASSES_SHOWN = (5, 10, 20)
#: The schedule: in pass e (from 0) the rate is RATE_SGD / (1 + DECAY_SGD * e).
DECAY_SGD = 0.2
#: The network by SGD: the rate on a batch's mean slope for mini-batches of
#: BATCH_NETWORK rows and for single rows, and the passes over the rows each makes.
#: The full batch steps at the lesson's RATE_NETWORK on the summed slope, which is
#: RATE_NETWORK × rows on the mean slope. COST_LEVEL_NETWORK: the cost each must reach.
RATE_SGD_NETWORK = 0.3
BATCH_NETWORK = 10
EPOCHS_NETWORK = 200
COST_LEVEL_NETWORK = 0.2
#: The last passes of the single rows' run whose costs the page quotes.
SGD_TAIL_PASSES = 20


# --- The exercises (each named by its page) -------------------------------------------

#: recap: the weight of a network that predicts a price of 0 for every house.
ZERO_WEIGHT = 0.0
#: brute force with ten times fewer candidates.
FEW_CANDIDATES = 100
#: the curse of dimensionality: a wider hidden layer.
WIDER_LAYERS = (4, 8, 1)
#: the supercomputer: a grid so coarse that brute force would finish.
COARSE_CANDIDATES = 10
#: gradient descent: a nudge far from tiny, which still measures a parabola's slope exactly.
LARGE_NUDGE = 1.0
#: How many steps the rate above 2/L takes, and every how many the slope is printed.
STEPS_2D_OVER = 50
EVERY_2D_OVER = 10
#: choosing the rate: the factor by which the search's pick is refined, up and down
#: (the too-large rate the second exercise adds to the search is the page's own).
REFINE_FACTOR = 3
#: ... and the finer factor up that the answer then tries, still below 2/λ_max.
REFINE_FINER = 1.5
#: why it wins: a hidden layer twice as wide as the lesson's.
WIDE_LAYERS = (4, 10, 1)
#: many valleys: a larger rate, still below the right valley's 2/L, from a start
#: that crawled on the flat stretch and one beyond it, where the slope is flat;
RATE_VALLEYS_FLAT = 0.4
STARTS_VALLEYS_FLAT = (3.5, 4.0)
#: a rate above the narrow right valley's 2/L but below the wide left one's, from
#: a start that reaches the right valley at the lesson's rate;
RATE_VALLEYS_LARGE = 1.5
START_VALLEYS_LARGE = 0.0
#: how many of its first points that descent prints; a rate between the two limits
#: that, from the same start, keeps bouncing inside the right valley instead;
POINTS_VALLEYS_LARGE = 8
RATE_VALLEYS_BOUNCE = 1.0
#: momentum: a large β at the lesson's plain rate on two weights; a small β with a rate
#: just above 2/λ_max (heavy ball and Nesterov); on the two-valley cost, a large β from
#: the start that crawled on the flat stretch and from one inside the narrow right valley.
BETA_MOMENTUM_LARGE = 0.9
BETA_MOMENTUM_RESCUE = 0.3
STARTS_VALLEYS_MOMENTUM = (3.5, 1.8)
#: stochastic gradient descent: a schedule that lowers the rate faster than the
#: lesson's; a batch size whose slopes are added instead of averaged;
DECAY_SGD_FAST = 1.0
SGD_ADDED_BATCH = 3
#: summary: one more digit, for brute force (ten times the candidates) and for
#: gradient descent (tolerances ten times tighter each); and one rate for both bowls.
FINER_CANDIDATES = 10_000
TOLERANCES = (1e-6, 1e-7, 1e-8, 1e-9)
