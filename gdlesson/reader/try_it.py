# %% [markdown]
# # Try it: a workbook
#
# This notebook was run when the site was built, and every number it printed
# was checked against the lesson's. Download it, open it in Jupyter, change the
# **learning rate** $\eta$ and the **start**, then work through the
# exercises at the end, in cells of your own: each builds on the one before.
# Decide on your answer before you open a solution: in JupyterLab or Notebook 7,
# click the … of a folded cell to unfold it; on this page, open "Solution". It
# needs only NumPy and Matplotlib.

# %%
{{ code one_weight }}


# %% [markdown]
# ## A picture of a descent
#
# `show` draws a descent twice: its steps on the cost curve, and the size of the
# slope at each step on a log scale. The descent stops once the slope is below
# the dashed line. A slope that shrinks by the same factor at every step is a
# straight line going down; one that grows, a line going up.

# %%
import matplotlib.pyplot as plt


def show(path, learning_rate, status):
    """Draw a descent: its steps on the cost curve, and the size of
    the slope at each step."""
    path = np.array(path)
    fig, (curve, slopes) = plt.subplots(
        1, 2, figsize=(8, 3.2), layout="constrained"
    )
    ws = np.linspace({{ search_low }}, {{ search_high }}, 200)
    curve.plot(ws, [cost(w) for w in ws], color="{{ colour_curve }}")
    inside = path[({{ search_low }} <= path) & (path <= {{ search_high }})]
    curve.plot(inside, [cost(w) for w in inside], "o-",
               color="{{ colour_accent }}", markersize=4)
    off = len(path) - len(inside)
    note = f": {off} of {len(path)} lie off this window" if off else ""
    curve.set(xlabel="weight w", ylabel="cost C(w)",
              title=f"the steps on the cost curve{note}")
    slopes.semilogy([abs(slope(w)) for w in path], "o-",
                    color="{{ colour_accent }}", markersize=3)
    # The tolerance: a slope below this line is flat enough to stop.
    slopes.axhline(1e-6, color="{{ colour_muted }}", linestyle="--")
    slopes.set(xlabel="step", ylabel="|slope|, log scale",
               title="size of the slope")
    steps = len(path) - 1
    fig.suptitle(f"learning rate {learning_rate}: {status} "
                 f"after {steps} steps")
    plt.show()


# %% [markdown]
# ## Change these two numbers
#
# Each step is $w \leftarrow w - \eta \, \frac{dC}{dw}$. Try other learning rates
# and start points, then run the cell again.

# %% expect="{{ status_notebook }} after {{ steps_notebook }} steps, at w = {{ end_w_notebook }}"
learning_rate = {{ rate_notebook }}
start = {{ start_1d }}

path, status = descend(start, learning_rate)
print(f"{status} after {len(path) - 1} steps, at w = {path[-1]:.4f}")
show(path, learning_rate, status)

# %% [markdown]
# ## Two limits
#
# Small rates crawl, rates near $1/L$ arrive fastest, and past $2/L$ every
# step overshoots further than the last. Here $L = \sum \text{area}^2$ is the
# curvature of the cost: how fast its slope changes as $w$ moves. The slope is
# $L\,(w - w^*)$, zero at the minimum $w^*$, so each step multiplies the distance
# to $w^*$ by $1 - \eta L$ (the lesson's page "Gradient descent" shows why).

# %% expect="L = {{ curvature_1d }}, 1/L = {{ half_max_rate_1d }}, 2/L = {{ max_rate_1d }}"
L = np.sum(area ** 2)
print(f"L = {L:.2f}, 1/L = {1 / L:.4f}, 2/L = {2 / L:.4f}")

# %% [markdown]
# ## Many learning rates at once
#
# How many steps does each learning rate need from the same start?

# %% expect="{{ rates_notebook_table }}"
for rate in {{ rates_notebook }}:
    path, status = descend({{ start_1d }}, rate)
    steps = len(path) - 1
    print(f"learning rate {rate:<5}  {status:>9} after {steps:>4} steps")

# %% [markdown]
# ## Exercise 1: past the limit
#
# What will a learning rate of {{ rate_too_large }} do from $w = {{ start_1d:g }}$?
# Compare it with $2/L$ and decide; then run `descend` and `show` with it.

# %% tags=["solution"] expect="{{ status_too_large }} after {{ steps_too_large }} steps, at w = {{ ex_end_w_too_large }}"
path, status = descend({{ start_1d }}, {{ rate_too_large }})
print(f"{status} after {len(path) - 1} steps, at w = {path[-1]:.4f}")
show(path, {{ rate_too_large }}, status)


# %% [markdown] tags=["solution"]
# {{ rate_too_large }} is above $2/L$, so it {{ status_too_large }}.
# {{ ex_off_window }} of its {{ ex_points_too_large }} points lie off the cost
# curve's window; the right panel shows them all. Since the slope is
# $L\,(w - w^*)$, each step multiplies it by $|1 - \eta L| = {{ ex_factor_too_large }}$:
# a straight line going up. Below $2/L$ that factor is less than 1.

# %% [markdown]
# ## Exercise 2: the largest rate that still converges
#
# Somewhere between {{ ex_limit_low }}, which converges, and {{ rate_too_large }},
# which diverges, lies the largest rate that still converges. Narrow it down by
# trying rates in between, and compare it with $2/L$. (Write a function for it:
# exercise 5 uses it again.)

# %% tags=["solution"] expect="{{ ex_limit_table }}\nlargest that converges: {{ ex_limit_largest }}, 2/L = {{ max_rate_1d }}"
def largest_converging(descent, start, rates):
    """Print how descent(start, rate) ends for each rate, smallest first;
    return the largest rate that converged."""
    largest = None
    for rate in rates:
        path, status = descent(start, rate)
        steps = len(path) - 1
        print(f"learning rate {rate:<6} {status:>9} after {steps:>5} steps")
        if status == "converged":
            largest = rate
    return largest


largest = largest_converging(
    descend, {{ start_1d }}, {{ ex_limit_rates }}
)
print(f"largest that converges: {largest}, 2/L = {2 / L:.4f}")

# %% [markdown] tags=["solution"]
# The limit lies between {{ ex_limit_largest }} and {{ ex_limit_next }},
# where $2/L$ is. Near it the descent crawls on both sides, because
# $|1 - \eta L|$ is close to 1: just below $2/L$ it needs thousands of steps to
# converge, just above, thousands to blow up.

# %% [markdown]
# ## Exercise 3: two starts
#
# Start once at $w = {{ start_1d:g }}$, left of the minimum, and once at
# $w = {{ ex_start_other_side:g }}$, right of it, each with the learning rates
# {{ rate_1d }} and {{ rate_zigzag_1d }}. Which start needs more steps?

# %% tags=["solution"] expect="{{ ex_sides_table }}"
for start in [{{ start_1d }}, {{ ex_start_other_side }}]:
    for rate in [{{ rate_1d }}, {{ rate_zigzag_1d }}]:
        path, status = descend(start, rate)
        steps = len(path) - 1
        print(f"start {start:g}, learning rate {rate:g}: "
              f"{status} after {steps} steps")

# %% [markdown] tags=["solution"]
# Neither. Both starts lie about {{ ex_distance_sides }} from the minimum
# $w^* = {{ w_star }}$, and the slope $L\,(w - w^*)$ has the same size on both
# sides, pointing back to the middle. Each step multiplies the distance by the
# same $1 - \eta L$, from either side: on a bowl, only the distance matters.

# %% [markdown]
# ## Exercise 4: two weights
#
# Add the houses' age, in decades, as a second input:
# $\hat y = w_1 \cdot \text{area} + w_2 \cdot \text{age}$. Write `cost_2d`,
# `gradient_2d` and a `descend_2d` that does what `descend` does, with a vector
# of two weights (the size of a vector is `np.linalg.norm`). Run it from
# ${{ start_2d:g }}$ with a learning rate of {{ rate_2d }}, and draw its path on a
# contour map of the cost.

# %% tags=["solution"] expect="{{ ex_status_2d }} after {{ steps_2d }} steps, at w = {{ end_w_2d_rounded }}"
age = np.array({{ age_list }})
houses = np.column_stack([area, age])


def cost_2d(w):
    return 0.5 * np.sum((houses @ w - price) ** 2)


def gradient_2d(w):
    return houses.T @ (houses @ w - price)


def descend_2d(w, learning_rate, max_steps=10_000, tolerance=1e-6):
    """descend with two weights: the same update, on a vector."""
    path = [np.array(w, dtype=float)]
    too_high = 1e6 * max(cost_2d(path[0]), 1.0)
    for _ in range(max_steps):
        if np.linalg.norm(gradient_2d(path[-1])) < tolerance:
            return np.array(path), "converged"
        path.append(path[-1] - learning_rate * gradient_2d(path[-1]))
        if cost_2d(path[-1]) > too_high:
            return np.array(path), "diverged"
    return np.array(path), "stopped"


path, status = descend_2d({{ start_2d }}, {{ rate_2d }})
print(f"{status} after {len(path) - 1} steps, at w = {np.round(path[-1], 3)}")

# A contour map around the path; rings at costs spaced evenly on a log scale.
low, high = path.min(axis=0) - 0.5, path.max(axis=0) + 0.5
w1s, w2s = np.meshgrid(np.linspace(low[0], high[0], 80),
                       np.linspace(low[1], high[1], 80))
costs = 0.5 * sum((w1s * a + w2s * g - p) ** 2
                  for a, g, p in zip(area, age, price))
levels = np.geomspace(1.05 * costs.min(), costs.max(), 10)
fig, ax = plt.subplots(figsize=(5, 3.6), layout="constrained")
ax.contour(w1s, w2s, costs, levels=levels, colors="{{ colour_muted }}",
           linewidths=0.8)
ax.plot(path[:, 0], path[:, 1], "o-", color="{{ colour_accent }}",
        markersize=3)
ax.set(xlabel="w1 (area)", ylabel="w2 (age)")
ax.set_title(f"learning rate {{ rate_2d }}: {status} after {len(path) - 1} steps")
plt.show()

# %% [markdown] tags=["solution"]
# The same update as with one weight, on a vector: {{ steps_2d:, }} steps,
# as on the Two weights page. The path zig-zags across the narrow valley as it
# slides along it.

# %% [markdown]
# ## Exercise 5: the valley's speed limit
#
# Use `largest_converging` from exercise 2 with `descend_2d`: what is the
# largest learning rate that still converges in the valley, from the same start?
# Is it above or below the one-weight limit, and why?

# %% tags=["solution"] expect="{{ ex_limit_table_2d }}\nlargest that converges: {{ ex_limit_largest_2d }}, 2/L = {{ max_rate_2d }} here, {{ max_rate_1d }} with one weight"
largest = largest_converging(
    descend_2d, {{ start_2d }}, {{ ex_limit_rates_2d }}
)
steepest = np.linalg.eigvalsh(houses.T @ houses).max()
print(f"largest that converges: {largest}, 2/L = {2 / steepest:.4f} here,")
print(f"{2 / L:.4f} with one weight")

# %% [markdown] tags=["solution"]
# Below it. The rate must suit the steepest direction of the cost, and
# with two weights $L$ is the largest curvature of the valley: the largest
# eigenvalue of $X^\top X$ (`np.linalg.eigvalsh`), {{ ex_curvature_2d }} against
# {{ curvature_1d }} with one weight. The second input added a direction in
# which the valley curves more steeply.

# %% [markdown]
# ## Exercise 6: one house at a time
#
# Stochastic gradient descent steps on one house at a time, in a shuffled
# order, on that house's slope alone. Write it: {{ epochs_sgd }} passes over the
# houses from $w = {{ start_sgd }}$, each pass in the order of
# `rng.permutation(len(area))` with `rng = np.random.default_rng({{ seed_sgd }})`,
# at the rate {{ rate_sgd }}; then again with the rate lowered in pass $e$
# (from 0) to ${{ rate_sgd }} / (1 + {{ decay_sgd }}\,e)$. Where does $w$ move
# during the last pass, each time?

# %% tags=["solution"] expect="{{ wb_sgd_lines }}"
for decay in [0.0, {{ decay_sgd }}]:
    rng = np.random.default_rng({{ seed_sgd }})
    w = {{ start_sgd }}
    for epoch in range({{ epochs_sgd }}):
        rate = {{ rate_sgd }} / (1 + decay * epoch)
        last_pass = []
        for i in rng.permutation(len(area)):
            w = w - rate * ((w * area[i] - price[i]) * area[i])
            last_pass.append(w)
    low, high = min(last_pass), max(last_pass)
    print(f"decay {decay:g}: w from {low:.3f} to {high:.3f}")


# %% [markdown] tags=["solution"]
# At a constant rate $w$ keeps jumping around the minimum
# $w^* = {{ w_star }}$: each step pulls it towards one house's own best
# weight, its price over its area. Lowered, the steps shrink pass after pass
# and the last pass spans less. The Stochastic gradient descent page measures
# this over {{ sgd_seeds }} shuffles, and for batches of houses.

# %% [markdown]
# ## Exercise 7: momentum
#
# Give `descend_2d` a memory: write `roll_2d(w, learning_rate, beta)`, which
# keeps a velocity $v$, starting at zero, and at each step does
# $v \leftarrow \beta v - \eta \nabla C$, then $w \leftarrow w + v$. Run it from
# ${{ start_2d:g }}$ at $\eta = {{ rate_momentum }}$, with $\beta = {{ beta_momentum }}$
# and with $\beta = 0$. What does the momentum change?

# %% tags=["solution"] expect="{{ wb_momentum_out }}"
def roll_2d(w, learning_rate, beta, max_steps=10_000, tolerance=1e-6):
    """descend_2d with a velocity that keeps a share beta of the last step."""
    path, v = [np.array(w, dtype=float)], np.zeros(2)
    too_high = 1e6 * max(cost_2d(path[0]), 1.0)
    for _ in range(max_steps):
        g = gradient_2d(path[-1])
        if np.linalg.norm(g) < tolerance:
            return np.array(path), "converged"
        v = beta * v - learning_rate * g
        path.append(path[-1] + v)
        if cost_2d(path[-1]) > too_high:
            return np.array(path), "diverged"
    return np.array(path), "stopped"


for beta in [{{ beta_momentum }}, 0]:
    path, status = roll_2d({{ start_2d }}, {{ rate_momentum }}, beta)
    print(f"beta {beta}: {status} after {len(path) - 1} steps")

# %% [markdown] tags=["solution"]
# Without momentum, $\eta = {{ rate_momentum }}$ is above
# $2/\lambda_{\max} = {{ max_rate_2d }}$ and the descent diverges. With it, the
# velocity held over from the last step damps the overshoot across the valley and
# builds up speed along it: {{ steps_momentum:, }} steps, against {{ steps_2d:, }} for
# plain descent at {{ rate_2d }}. The Momentum page says why.
