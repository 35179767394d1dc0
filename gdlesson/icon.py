"""The lesson's icon (favicon and logo): a bowl-shaped cost and a descent zig-zagging
down it, computed by :func:`gdlesson.descent.gradient_descent` like the lesson's figures.

One SVG, drawn for a small square (it reads at 16 px): the curve in the light
palette's ``curve`` colour, the path and its points in ``accent``, on a white
rounded tile, so it shows on the indigo header and on a browser's dark or light
tab strip alike.

>>> svg = icon_svg()
>>> svg.startswith('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"')
True
>>> svg.count("<circle")  # the start and each step until the path is too short to see
4
"""

from __future__ import annotations

import numpy as np

from gdlesson.costs import QuadraticCost
from gdlesson.descent import gradient_descent
from gdlesson.style import PALETTES

#: The bowl C(w) = ½ w², minimum at 0, curvature L = 1.
BOWL = QuadraticCost.from_rows([[1.0]], [0.0])
#: A rate between 1/L and 2/L: each step crosses the minimum, a zig-zag that shrinks.
RATE = 1.55
START = -1.0
#: Points closer to the last one than this (in the icon's units) are not drawn.
SEPARATION = 6.0


def icon_svg(size: int = 64) -> str:
    """The icon as SVG text, ``size`` units square (the same bytes on every call)."""
    colours = PALETTES["light"]
    descent = gradient_descent(BOWL, START, RATE)
    margin, inner = size * 0.14, size * 0.72

    def point(w: float) -> tuple[float, float]:
        # w in [-1.1, 1.1] across; the cost ½w² from 0 (bottom) to ½·1.1² (top).
        x = margin + (w + 1.1) / 2.2 * inner
        y = margin + inner - BOWL(w) / BOWL(1.1) * inner
        return x, y

    curve = " ".join(f"{x:.1f},{y:.1f}" for x, y in map(point, np.linspace(-1.1, 1.1, 23)))
    shown: list[tuple[float, float]] = []
    for w in descent.path:
        x, y = point(float(w))
        if shown and np.hypot(x - shown[-1][0], y - shown[-1][1]) < SEPARATION:
            break
        shown.append((x, y))
    path = " ".join(f"{x:.1f},{y:.1f}" for x, y in shown)
    dots = "".join(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{size * 0.05:.1f}"/>' for x, y in shown)
    stroke = size * 0.06
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}">'
        f"<title>A descent zig-zagging down a bowl</title>"
        f'<rect width="{size}" height="{size}" rx="{size * 0.18:.1f}" fill="#ffffff"/>'
        f'<polyline points="{curve}" fill="none" stroke="{colours["curve"]}" '
        f'stroke-width="{stroke:.1f}" stroke-linecap="round"/>'
        f'<polyline points="{path}" fill="none" stroke="{colours["accent"]}" '
        f'stroke-width="{stroke * 0.6:.1f}" stroke-linejoin="round"/>'
        f'<g fill="{colours["accent"]}">{dots}</g>'
        "</svg>\n"
    )
