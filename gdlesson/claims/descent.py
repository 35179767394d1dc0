"""The claims of "Gradient descent": the slope, and what the factor 1 − ηL makes
each learning rate do, one step after another."""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal
from functools import partial

import numpy as np

from gdlesson import choices, lesson, rates
from gdlesson.choices import CANDIDATES
from gdlesson.claims.claim import Claim, register, require
from gdlesson.claims.common import crossings_1d, curvature_1d, w_star_1d, walks, zigzags
from gdlesson.costs import one_weight_cost
from gdlesson.descent import BLOWUP
from gdlesson.facts.descent import rates_table_1d
from gdlesson.playground import config_1d

CLAIMS: list[Claim] = []
claim = partial(register, CLAIMS, "gradient-descent.md")
step_claim = partial(register, CLAIMS, "step-size.md")
#: One weight, from the lesson's start, at a rate (each rate computed once).
one = lesson.descent_1d


def _best_of_rates() -> bool:
    """Of the rates too small, just right and too large, "just right" arrives first."""
    runs = {label: one(rate) for label, rate in lesson.RATES_1D.items()}
    fastest = min((r for r in runs.values() if r.converged), key=lambda r: r.steps)
    return fastest is runs["just right"]


@step_claim("the ball's rate walks to the minimum without overshooting (below 1/L) and converges")
def _ball_below_1_over_l() -> bool:
    run = one(choices.RATE_1D)
    return 1 / curvature_1d() > choices.RATE_1D and run.converged and walks(run)


@step_claim("the zig-zag rate lies between 1/L and 2/L, overshoots at every step and converges")
def _zigzag_between_the_limits() -> bool:
    run = one(lesson.RATE_ZIGZAG_1D)
    L = curvature_1d()
    return 1 / L < lesson.RATE_ZIGZAG_1D < 2 / L and zigzags(run) and run.converged


@step_claim("the 'too large' rate lies above 2/L and diverges")
def _too_large_diverges() -> bool:
    rate = lesson.RATES_1D["too large"]
    return rate > 2 / curvature_1d() and one(rate).diverged


@step_claim("the 'too small' rate lies below 1/L and is slower than the 'just right' one")
def _too_small_is_slower() -> bool:
    return lesson.RATES_1D["too small"] < 1 / curvature_1d() and _best_of_rates()


@step_claim("the 'just right' rate converges fastest of the three, in fewer steps than brute force")
def _just_right_is_fastest() -> bool:
    return _best_of_rates() and one(lesson.RATES_1D["just right"]).steps < CANDIDATES


@claim("on our bowl the slope is zero only at the bottom")
def _slope_zero_only_at_the_bottom() -> None:
    cost, w_star = one_weight_cost(), w_star_1d()
    ws = np.linspace(-5, 10, 3001)
    slopes = np.array([cost.gradient(w)[0] for w in ws])
    require(np.all(slopes[ws < w_star - 1e-9] < 0), "a slope left of the minimum is not negative")
    require(np.all(slopes[ws > w_star] > 0), "a slope right of the minimum is not positive")


@claim("the measured slope agrees with the formula to four decimals")
def _measured_slope() -> None:
    cost, start, h = one_weight_cost(), choices.START_1D, 1e-6
    measured = (cost(start + h) - cost(start - h)) / (2 * h)
    formula = cost.gradient(start)[0]
    require(f"{measured:.4f}" == f"{formula:.4f}", f"measured {measured}, formula {formula}")


@claim("the rolling ball walks: it never jumps past the minimum")
def _ball_walks() -> None:
    run = one(choices.RATE_1D)
    require(run.converged and walks(run), f"{run.status}, {crossings_1d(run)} crossings")
    require(math.isclose(run.w, w_star_1d(), rel_tol=0, abs_tol=1e-6), f"it ends at {run.w}")


@claim("the zig-zag rate jumps past the minimum every step, yet arrives")
def _zigzag_arrives() -> None:
    run = one(lesson.RATE_ZIGZAG_1D)
    require(run.converged and zigzags(run), f"{run.status}, {crossings_1d(run)} crossings")


@claim("the zig-zag rate needs more steps than the steady walk")
def _zigzag_is_slower() -> bool:
    return one(lesson.RATE_ZIGZAG_1D).steps > one(choices.RATE_1D).steps


@claim("the faster zig-zag rate zig-zags and arrives sooner than the walk")
def _fast_zigzag() -> None:
    run, walk = one(lesson.RATE_FAST_ZIGZAG_1D), one(choices.RATE_1D)
    require(run.converged and zigzags(run), f"{run.status}, {crossings_1d(run)} crossings")
    require(run.steps < walk.steps, f"{run.steps} steps, the walk {walk.steps}")


@step_claim("every step multiplies the distance to the minimum by 1 − ηL")
def _steps_multiply_by_the_factor() -> None:
    for rate in lesson.RATES_TABLE_1D:
        distance = one(rate).path - w_star_1d()
        far = np.abs(distance[:-1]) > 1e-6
        ratios = distance[1:][far] / distance[:-1][far]
        factor = rates.step_factor(rate, curvature_1d())
        np.testing.assert_allclose(ratios, factor, rtol=1e-6, err_msg=f"rate {rate}")


# slow: 66 descents, checked by the tests rather than by every build
@step_claim("below 1/L it walks, up to 2/L it zig-zags, above 2/L it diverges", slow=True)
def _regimes() -> None:
    L = curvature_1d()
    for rate in [*lesson.RATES_TABLE_1D, *np.linspace(0.02, 2.5, 60) / L]:
        run, crossings = one(rate), crossings_1d(one(rate))
        said = f"rate {rate}: {run.status}, {crossings} crossings in {run.steps} steps"
        if rate < 1 / L:
            require(run.converged and crossings == 0, said)
        elif rate < 2 / L:
            require(run.converged and crossings == run.steps, said)
        else:
            require(run.diverged and crossings == run.steps, said)


@step_claim("the table's step counts follow the size of the factor, not its sign")
def _steps_follow_the_size_of_the_factor() -> None:
    converged = [r for r in lesson.RATES_TABLE_1D if one(r).converged]
    signs = {np.sign(rates.step_factor(r, curvature_1d())) for r in converged}
    require(signs == {1.0, -1.0}, "the table shows both signs")
    by_size = sorted(converged, key=lambda r: abs(rates.step_factor(r, curvature_1d())))
    steps = [one(r).steps for r in by_size]
    require(steps == sorted(steps), f"rates {by_size} take {steps} steps")


@step_claim("the table's factors are 1 − ηL, rounded right from exact decimals")
def _factors_rounded_right() -> None:
    area = [Decimal(repr(float(a))) for a in one_weight_cost().inputs[:, 0]]
    exact_l = sum(a * a for a in area)
    rows = rates_table_1d().splitlines()[2:]
    require(len(rows) == len(lesson.RATES_TABLE_1D), "a row for each rate")
    for rate, row in zip(lesson.RATES_TABLE_1D, rows, strict=True):
        shown = row.split("|")[2].strip().replace("−", "-")
        exact = 1 - Decimal(repr(rate)) * exact_l
        places = Decimal(1).scaleb(-len(shown.split(".")[1]))
        rounded = exact.quantize(places, ROUND_HALF_UP)
        require(Decimal(shown) == rounded, f"rate {rate}: shown {shown}, exact {exact}")


@step_claim("at η = 1/L one step lands on the minimum")
def _one_step_at_1_over_l() -> bool:
    return one(1 / curvature_1d()).steps == 1


@step_claim("w* = Σ area·price / Σ area² is where the descent ends")
def _formula_is_the_end() -> None:
    cost = one_weight_cost()
    formula = float(cost.inputs[:, 0] @ cost.targets / np.sum(cost.inputs**2))
    require(
        math.isclose(formula, w_star_1d(), rel_tol=1e-12, abs_tol=1e-12),
        f"the formula gives {formula}, the minimum is {w_star_1d()}",
    )
    end = one(choices.RATE_1D).w
    require(f"{end:.4f}" == f"{formula:.4f}", f"the descent ends at {end}")


@step_claim("the too-large rate diverges when its cost passes the cut-off")
def _diverges_at_the_cutoff() -> None:
    run = one(lesson.RATES_1D["too large"])
    cutoff = BLOWUP * max(run.costs[0], 1.0)
    require(run.diverged, f"it {run.status}")
    require(run.costs[-1] > cutoff and np.all(run.costs[:-1] <= cutoff), "not at the cut-off")


@step_claim("diverging, the extra cost grows by (1 − ηL)² each step")
def _extra_cost_grows() -> None:
    rate = lesson.RATES_1D["too large"]
    extra = one(rate).costs - one_weight_cost()(w_star_1d())
    factor = rates.step_factor(rate, curvature_1d())
    require(factor < -1, f"the factor is {factor}")
    np.testing.assert_allclose(extra[1:] / extra[:-1], factor**2, rtol=1e-6)


@step_claim("a good rate needs far fewer steps than brute force's evaluations, and less work")
def _fewer_steps_than_brute_force() -> None:
    run = one(lesson.RATES_1D["just right"])
    require(run.steps < CANDIDATES, f"{run.steps} steps")
    # counted in passes over the houses, the last slope (the flat one) too: far less
    require(lesson.passes(run) < CANDIDATES / 10, f"{lesson.passes(run)} passes")


@step_claim("at η = 2/L exactly, every step lands just as far on the other side")
def _bounces_at_the_limit() -> None:
    cost, L = one_weight_cost(), curvature_1d()
    w_star, w = w_star_1d(), choices.START_1D
    for _ in range(10):
        w_next = w - 2 / L * float(cost.gradient([w])[0])
        require(np.isclose(w_next - w_star, w_star - w, rtol=1e-9), f"{w} → {w_next}")
        w = w_next


@step_claim("the playground names Figure 6's rates as the figure does; the ball's not 'too small'")
def _playground_agrees_with_the_page() -> None:
    config = config_1d()
    mode = config["modes"][0]

    def label(rate: float) -> str:
        return mode["bands"][mode["band"][config["rates"].index(rate)]]["label"]

    for name, rate in lesson.RATES_1D.items():
        require(label(rate).startswith(name), f"{rate} ({name}) is labelled {label(rate)!r}")
    ball = label(choices.RATE_1D)
    require(not ball.startswith("too"), f"the ball's rate {choices.RATE_1D} is labelled {ball!r}")
