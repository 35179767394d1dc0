"""Many valleys: the cost with two valleys, a hump and a flat stretch, the descents
that end in each (page "Many valleys")."""

from __future__ import annotations

from gdlesson import choices, valleys
from gdlesson.descent import DEFAULT_MAX_STEPS
from gdlesson.numbers import count, rounded_up


def facts() -> dict[str, str]:
    """The numbers of "Many valleys", by name."""
    return _valleys() | _descents()


def valley_formula(cost: valleys.ValleysCost) -> str:
    """The two-valley cost in TeX.

    >>> valley_formula(valleys.valleys_cost())
    'C(w) = 1 - 0.6\\\\,e^{-(w + 1.5)^2} - 0.9\\\\,e^{-2(w - 1)^2}'
    """
    terms = []
    for depth, centre, sharpness in cost.valleys:
        shift = f"w - {centre:g}" if centre > 0 else f"w + {-centre:g}"
        k = "" if sharpness == 1 else f"{sharpness:g}"
        terms.append(f" - {depth:g}\\,e^{{-{k}({shift})^2}}")
    return "C(w) = 1" + "".join(terms)


def _valleys() -> dict[str, str]:
    """The two-valley cost, its turning points, and where its slope is flat."""
    cost = valleys.valleys_cost()
    points = valleys.turning_points(cost)
    bottoms = [w for w, kind in points if kind == "valley"]
    hump = next(w for w, kind in points if kind == "hump")
    return {
        "valleys_code": repr([tuple(v) for v in cost.valleys]),
        "valleys_formula": valley_formula(cost),
        "left_valley_w": f"{bottoms[0]:.3f}",
        "left_valley_cost": f"{cost(bottoms[0]):.3f}",
        "right_valley_w": f"{bottoms[-1]:.3f}",
        "right_valley_cost": f"{cost(bottoms[-1]):.3f}",
        "hump_w": f"{hump:.3f}",
        # rounded up: "from 3.85 on the slope is below 10⁻⁶"
        "flat_from": rounded_up(valleys.flat_from(cost), 2),
    }


def _descents() -> dict[str, str]:
    """The lesson's descents on the two-valley cost: where each ended, and how slowly."""
    runs = valleys.descents()
    lines = [
        f"from {run.path[0]:4}: w = {run.path[-1]:6.3f}, cost {run.costs[-1]:.3f}, "
        f"{run.steps} steps"
        for run in runs
    ]
    crawling = [run for run in runs if valleys.ending(run) == "elsewhere"]
    slowest = max(
        (run for run in runs if valleys.ending(run).startswith("valley")), key=lambda r: r.steps
    )
    return {
        "valley_starts_code": repr(list(choices.STARTS_VALLEYS)),
        "valley_starts_count": str(len(choices.STARTS_VALLEYS)),
        "rate_valleys": f"{choices.RATE_VALLEYS:g}",
        "valleys_printout": "\n".join(lines),
        "slowest_valley_start": f"{slowest.path[0]:g}",
        "slowest_valley_steps": count(slowest.steps),
        "crawl_start": f"{crawling[0].path[0]:g}",
        "crawl_end": f"{crawling[0].w:.3f}",
        "max_steps": count(DEFAULT_MAX_STEPS),
    }
