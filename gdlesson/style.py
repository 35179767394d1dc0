"""One look for every figure, in the site's two palettes.

The site follows Material for MkDocs: a white page ("light") and the dark
"slate" page ("dark", about #1e2129). Each figure is drawn once per palette
and the page shows the one that matches the reader's scheme.

:data:`PALETTES` names the colours a figure may use; :func:`styled` sets
matplotlib up (colours, fonts, spines, deterministic SVG) for one palette::

    with styled("dark") as colours:
        fig = Figure()
        fig.add_subplot().plot(x, y, color=colours["curve"])

Every colour that draws data or text has at least the WCAG AA contrast for
text (4.5:1) against its background (:func:`contrast_ratio`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import matplotlib

#: The colours of each palette. ``background`` is the page; ``faint`` is only
#: for decoration (3-D panes); every other colour is readable as text on the
#: background.
PALETTES: dict[str, dict[str, str]] = {
    "light": {
        "background": "#ffffff",
        "text": "#1f2328",
        "muted": "#59636e",  # axes, ticks, secondary labels, contour lines
        "curve": "#3f51b5",  # the cost curve
        "accent": "#c2410c",  # the descent: path, balls
        "highlight": "#1a7f37",  # the best sample, the minimum
        "diverge": "#cf222e",  # a descent that blows up
        "faint": "#eef0f4",
    },
    "dark": {
        "background": "#1e2129",
        "text": "#e6e8ee",
        "muted": "#a3aab8",
        "curve": "#8c9eff",
        "accent": "#ffa657",
        "highlight": "#56d364",
        "diverge": "#ff7b72",
        "faint": "#2a2e38",
    },
}

#: The colours that carry information; each must read as text on the background.
READABLE = ("text", "muted", "curve", "accent", "highlight", "diverge")

#: The fonts, first to last. DejaVu Sans ships with matplotlib, so text is
#: measured the same on every machine; a browser without it falls back to a
#: narrower sans-serif, so labels never overflow.
FONTS = ["DejaVu Sans", "Verdana", "Arial", "Helvetica"]


def palette_colours(palette: str) -> dict[str, str]:
    """The colours of ``palette``, "light" or "dark".

    >>> palette_colours("dark")["background"]
    '#1e2129'
    >>> palette_colours("sepia")
    Traceback (most recent call last):
    ...
    ValueError: palette must be one of 'light', 'dark', got 'sepia'
    """
    if not isinstance(palette, str) or palette not in PALETTES:
        known = ", ".join(repr(p) for p in PALETTES)
        raise ValueError(f"palette must be one of {known}, got {palette!r}")
    return dict(PALETTES[palette])


def _luminance(colour: str) -> float:
    """Relative luminance of a ``#rrggbb`` colour (WCAG 2)."""
    channels = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: str, b: str) -> float:
    """The WCAG contrast ratio of two ``#rrggbb`` colours, from 1 to 21.

    >>> round(contrast_ratio("#000000", "#ffffff"), 1)
    21.0
    >>> all(contrast_ratio(c[k], c["background"]) >= 4.5
    ...     for c in PALETTES.values() for k in READABLE)
    True
    """
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def rc_params(palette: str) -> dict:
    """The matplotlib settings of ``palette``, as :func:`styled` applies them."""
    c = palette_colours(palette)
    return {
        # Colours: the palette's background, so a figure opened on its own
        # still reads; on its page it is the page's own colour.
        "figure.facecolor": c["background"],
        "axes.facecolor": c["background"],
        "savefig.facecolor": c["background"],
        "savefig.edgecolor": c["background"],
        "text.color": c["text"],
        "axes.labelcolor": c["text"],
        "axes.titlecolor": c["text"],
        "axes.edgecolor": c["muted"],
        "xtick.color": c["muted"],
        "ytick.color": c["muted"],
        "xtick.labelcolor": c["muted"],
        "ytick.labelcolor": c["muted"],
        "grid.color": c["faint"],
        "axes.prop_cycle": matplotlib.cycler(color=[c["curve"], c["accent"], c["highlight"]]),
        "lines.color": c["curve"],
        "patch.edgecolor": c["muted"],
        "legend.frameon": False,
        # Fonts and sizes: the figure is shown about at its size in the page.
        "font.family": "sans-serif",
        "font.sans-serif": FONTS,
        "font.size": 11,
        "axes.titlesize": 11.5,
        "axes.labelsize": 11,
        "xtick.labelsize": 10,
        "ytick.labelsize": 10,
        "axes.titlelocation": "left",
        "axes.titlepad": 8,
        "axes.unicode_minus": True,
        # No chart junk.
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.grid": False,
        "axes.linewidth": 0.8,
        "lines.linewidth": 2.0,
        "xtick.major.size": 4,
        "ytick.major.size": 4,
        # Small, selectable, byte-for-byte reproducible SVG.
        "svg.fonttype": "none",
        "svg.hashsalt": "gdlesson",
        "svg.image_inline": True,
        "savefig.bbox": None,
        "savefig.dpi": 100,
        "figure.dpi": 100,
        "image.interpolation": "antialiased",
    }


@contextmanager
def styled(palette: str) -> Iterator[dict[str, str]]:
    """Draw (and save) in ``palette``: yields its colours, restores matplotlib after.

    >>> import matplotlib
    >>> with styled("dark") as colours:
    ...     matplotlib.rcParams["axes.facecolor"] == colours["background"]
    True
    """
    params = rc_params(palette)
    with matplotlib.rc_context(params):
        yield palette_colours(palette)
