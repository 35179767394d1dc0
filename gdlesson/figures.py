"""Every figure of the lesson, in both palettes.

Each page's module (:mod:`gdlesson.pages`) draws its figures, one function each
(``*_figure(fig, palette)``, drawing into a :class:`matplotlib.figure.Figure`; no
pyplot, so no global figure state), on the helpers of :mod:`gdlesson.drawing`, and
lists them in its ``FIGURES``, each a :class:`~gdlesson.drawing.FigureSpec`: name,
format, alt text, caption and size.

:data:`FIGURES` holds them all, page by page in the nav's order, which numbers
them; :func:`render` turns one into bytes, the same bytes every time:

>>> [spec.name for spec in FIGURES][:3]
['brute-force', 'network', 'compute-budget']
>>> output_name(FIGURES[0], "dark")
'brute-force-dark.svg'
>>> size(FIGURES[0])
(672, 346)
"""

from __future__ import annotations

import html
import io
from collections.abc import Mapping

from PIL import Image

from gdlesson import style
from gdlesson.drawing import FigureSpec
from gdlesson.pages import modules
from gdlesson.style import palette_colours, styled
from gdlesson.svg import recoloured, tight

__all__ = [
    "FIGURES",
    "PALETTES",
    "FigureSpec",
    "description",
    "drawn",
    "figure_markdown",
    "full_size_name",
    "output_name",
    "render",
    "render_all",
    "render_figure",
    "render_file",
    "render_files",
    "size",
]

#: The figures in lesson order: figure n of the lesson is ``FIGURES[n - 1]``.
FIGURES: tuple[FigureSpec, ...] = tuple(
    spec for page in modules() for spec in getattr(page, "FIGURES", ())
)

#: The palettes each figure is rendered in.
PALETTES = tuple(style.PALETTES)

#: Where the site keeps the figure files, relative to the docs' root.
FOLDER = "figures"

#: CSS pixels per inch: an SVG's size in points (72 an inch) is shown at 96 px an inch.
CSS_PX_PER_INCH = 96


def output_name(spec: FigureSpec, palette: str) -> str:
    """The file name of ``spec`` in ``palette``.

    >>> [output_name(spec, "light") for spec in FIGURES if spec.format == "webp"]
    ['surface-3d-light.webp']
    """
    palette_colours(palette)
    return f"{spec.name}-{palette}.{spec.format}"


def size(spec: FigureSpec) -> tuple[int, int]:
    """The figure's width and height in CSS pixels: its size in inches times 96, for
    SVG and WebP alike (rounded). A WebP drawn at 192 dpi has two pixels to each
    CSS pixel, so it stays sharp on high-density screens.

    Given to the ``<img>`` on the page, it lets the browser keep the figure's
    room before the file arrives, so nothing below it moves.
    """
    width, height = spec.size
    return round(width * CSS_PX_PER_INCH), round(height * CSS_PX_PER_INCH)


def description(spec: FigureSpec) -> dict:
    """What a page needs to show ``spec``: its number in the lesson (its place in
    :data:`FIGURES`, from 1), alt text, caption, format, :func:`size`, its files
    (light, dark), the Markdown that shows them from a page of docs/, and for each
    file the page that shows it full size (``full_size``: its path, and the file,
    scheme and colours it is shown in).

    >>> entry = description(FIGURES[1])
    >>> entry["number"], entry["format"], entry["width"], entry["height"]
    (2, 'svg', 672, 355)
    >>> entry["files"]
    ['network-light.svg', 'network-dark.svg']
    >>> entry["full_size"][1]["page"], entry["full_size"][1]["background"]
    ('figures/network-dark.html', '#1e2129')
    """
    width, height = size(spec)
    entry = {
        "number": FIGURES.index(spec) + 1,
        "alt": spec.alt,
        "caption": spec.caption,
        "format": spec.format,
        "width": width,
        "height": height,
        "files": [output_name(spec, palette) for palette in PALETTES],
    }
    light, dark = (f"{FOLDER}/{name}" for name in entry["files"])
    full_size = [
        {
            "page": full_size_name(f"{FOLDER}/{name}"),
            "file": name,
            "scheme": palette,
            "background": palette_colours(palette)["background"],
            "text": palette_colours(palette)["text"],
        }
        for palette, name in zip(PALETTES, entry["files"], strict=True)
    ]
    return entry | {"markdown": figure_markdown(entry, light, dark), "full_size": full_size}


def figure_markdown(figure: Mapping, light: str, dark: str) -> str:
    """Markdown for one figure of the lesson: a numbered ``<figure>`` holding its
    light and dark images, of which Material shows the one that matches the
    reader's scheme (``#only-light`` / ``#only-dark``), and its caption.

    ``figure`` holds ``number``, ``alt``, ``caption``, ``width`` and ``height``
    (:func:`gdlesson.figures.description`); ``light`` and ``dark`` are the
    images' paths. The images stay Markdown (``md_in_html``), so MkDocs checks
    and rewrites their links; their ``width`` and ``height`` keep the figure's
    room before the file arrives, so nothing below it moves as it loads. Each
    image is a link, named by its alt text, that one tap opens full size: on a
    phone the figure is drawn a third smaller than its file, its text too small
    to read. The link goes to a page of its own (:func:`full_size_name`), not to
    the file: a phone shows a lone SVG file as a desktop page, 980 px wide, so
    smaller still.

    >>> figure = {"number": 3, "alt": "A curve", "caption": "Look at the dip.",
    ...           "width": 672, "height": 346}
    >>> print(figure_markdown(figure, "c-light.svg", "c-dark.svg"))
    <figure class="gd-figure" markdown="span">
    [![A curve](c-light.svg#only-light){ width="672" height="346" loading=lazy }](c-light.html){ .gd-figure__open title="Open the figure full size" }
    [![A curve](c-dark.svg#only-dark){ width="672" height="346" loading=lazy }](c-dark.html){ .gd-figure__open title="Open the figure full size" }
    <figcaption><span class="gd-figure__number">Figure 3.</span> Look at the dip.</figcaption>
    </figure>
    """  # noqa: E501 - the Markdown's lines, as they are
    alt, caption = figure["alt"], figure["caption"]
    if not isinstance(alt, str) or not alt.strip() or any(c in alt for c in "[]\n"):
        raise ValueError(f"alt must be one line of text without brackets, got {alt!r}")
    if not isinstance(caption, str) or not caption.strip() or "\n" in caption:
        raise ValueError(f"caption must be one line of text, got {caption!r}")
    number, width, height = (figure[key] for key in ("number", "width", "height"))
    for key, value in (("number", number), ("width", width), ("height", height)):
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise ValueError(f"{key} must be a positive integer, got {value!r}")
    size = f'width="{width}" height="{height}" loading=lazy'
    link = '.gd-figure__open title="Open the figure full size"'
    light_page, dark_page = (full_size_name(path) for path in (light, dark))
    return (
        '<figure class="gd-figure" markdown="span">\n'
        f"[![{alt}]({light}#only-light){{ {size} }}]({light_page}){{ {link} }}\n"
        f"[![{alt}]({dark}#only-dark){{ {size} }}]({dark_page}){{ {link} }}\n"
        f'<figcaption><span class="gd-figure__number">Figure {number}.</span> '
        f"{html.escape(caption, quote=False)}</figcaption>\n"
        "</figure>"
    )


def full_size_name(path: str) -> str:
    """The page that shows the figure file ``path`` full size, beside it
    (:func:`gdlesson.shaping.full_size_html` makes it).

    >>> full_size_name("figures/network-dark.svg")
    'figures/network-dark.html'
    """
    stem, dot, _ = path.rpartition(".")
    if not dot or not stem:
        raise ValueError(f"path must be a figure file, got {path!r}")
    return f"{stem}.html"


#: WebP quality of raster figures: at two pixels to each CSS pixel, 80 keeps
#: text and lines clean (looked at, light and dark) in a third of a PNG's bytes.
WEBP_QUALITY = 80


def drawn(spec: FigureSpec, palette: str) -> bytes:
    """``spec`` drawn in ``palette``, as SVG or WebP bytes; the same bytes on every call."""
    palette_colours(palette)
    with styled(palette):
        fig = spec.figure(palette)
        buffer = io.BytesIO()
        if spec.format == "svg":
            fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
            buffer = io.BytesIO(tight(buffer.getvalue().decode("utf-8")).encode("utf-8"))
        elif spec.format == "webp":
            fig.savefig(buffer, format="png", dpi="figure", metadata={"Software": None})
            image = Image.open(buffer).convert("RGB")
            buffer = io.BytesIO()
            image.save(buffer, format="WEBP", quality=WEBP_QUALITY, method=6)
        else:
            raise ValueError(f"format must be 'svg' or 'webp', got {spec.format!r}")
    fig.clear()
    return buffer.getvalue()


def render_figure(spec: FigureSpec) -> dict[str, bytes]:
    """``spec``'s file in every palette, by name. An SVG is drawn once, in the first
    palette, and the others are that drawing recoloured (:func:`gdlesson.svg.recoloured`:
    the palettes differ in colour only), unless it holds a colour of no role, when
    each is drawn; a WebP (pixels) is drawn in each.
    """
    first = drawn(spec, PALETTES[0])
    return {
        output_name(spec, palette): first if palette == PALETTES[0] else _from(spec, palette, first)
        for palette in PALETTES
    }


def _from(spec: FigureSpec, palette: str, first: bytes) -> bytes:
    """``spec`` in ``palette``, given its drawing in the first palette."""
    if spec.format == "svg":
        source = palette_colours(PALETTES[0])
        svg = recoloured(first.decode("utf-8"), source, palette_colours(palette))
        if svg is not None:
            return svg.encode("utf-8")
    return drawn(spec, palette)


def render(spec: FigureSpec, palette: str) -> bytes:
    """``spec``'s file in ``palette``, as :func:`render_figure` makes it."""
    palette_colours(palette)
    if spec.format != "svg" or palette == PALETTES[0]:
        return drawn(spec, palette)
    return _from(spec, palette, drawn(spec, PALETTES[0]))


def render_file(name: str) -> bytes:
    """The figure file ``name`` (``brute-force-dark.svg``), drawn.

    >>> render_file("network-dark.svg")[:5]
    b'<?xml'
    """
    return render(*_file(name))


def render_files(names) -> dict[str, bytes]:
    """The figure files ``names``, by name, each figure drawn once (:func:`render_figure`)."""
    specs = {spec.name: spec for spec, _ in map(_file, names)}
    made = {n: b for spec in specs.values() for n, b in render_figure(spec).items()}
    return {name: made[name] for name in names}


def _file(name: str) -> tuple[FigureSpec, str]:
    """The figure and palette of the file ``name``."""
    files = {
        output_name(spec, palette): (spec, palette) for spec in FIGURES for palette in PALETTES
    }
    if name not in files:
        raise ValueError(f"name must be a figure file of the lesson, got {name!r}")
    return files[name]


def render_all(names=None) -> dict[str, bytes]:
    """Every figure (or those ``names``) in both palettes, keyed by file name."""
    specs = FIGURES if names is None else [spec for spec in FIGURES if spec.name in set(names)]
    return {name: content for spec in specs for name, content in render_figure(spec).items()}
