"""What the site does to its built pages, in plain functions (no MkDocs): math
as MathML typeset as a mathematician would, boxes that scroll sideways on a
phone (and are reached with the keyboard), sessions that copy as code that runs
alone, the notebook page shaped, and the checks a built page must pass.
"""

from __future__ import annotations

import base64
import html
import posixpath
import re
import xml.etree.ElementTree as ET
from collections import Counter
from itertools import groupby
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Comment
from latex2mathml.converter import convert as tex_to_mathml

from gdlesson.style import FONTS, PALETTES, READABLE
from gdlesson.svg import implicit_lines, rounded, without_bare_groups
from gdlesson.workbook import SOLUTION_TAG

# pymdownx.arithmatex (generic mode) wraps TeX as \( \) in a span, \[ \] in a div;
# notebook Markdown cells keep $ $ and $$ $$ as written.
_ARITHMATEX = re.compile(
    r'<div class="arithmatex">\s*\\\[(?P<block>.+?)\\\]\s*</div>'
    r'|<span class="arithmatex">\s*\\\((?P<inline>.+?)\\\)\s*</span>',
    re.S,
)
_DOLLARS = re.compile(r"(?<![\\$])\$\$(?P<block>.+?)\$\$|(?<![\\$])\$(?P<inline>[^$\n]+?)\$", re.S)
_CODE_BLOCK = re.compile(
    r'<div class="language-(python|pycon) highlight">(<pre>.*?</pre>)</div>', re.S
)
_TAG = re.compile(r"<[^>]+>")
COPY_NOTE = (
    '<p class="gd-copy-note">On this page, the copy button of a session gives it '
    "together with the code blocks above it, so that it runs on its own.</p>"
)


MATHML = "http://www.w3.org/1998/Math/MathML"
ET.register_namespace("", MATHML)  # MathML written back as <math xmlns=...>, no ns0: prefix
_MN, _MO, _MI, _MROW, _MSUB, _MSUP, _MSUBSUP = (
    f"{{{MATHML}}}{tag}" for tag in ("mn", "mo", "mi", "mrow", "msub", "msup", "msubsup")
)
#: Signs that are a prefix (−x, +1, ±1) where no operand stands before them.
_SIGNS = {"\u2212", "-", "+", "\u00b1", "\u2213"}
#: Operators that end an operand: a sign after them is binary (a) − b, |a| − b, n! − 1.
_OPERAND_ENDS = {")", "]", "}", "|", "\u2016", "\u27e9", "!", "%", "\u2032", "\u2033", "\u2034"}
_SCRIPTED = {_MSUB, _MSUP, _MSUBSUP}
_PRIMES = re.compile("[\u2032\u2033\u2034\u2057]+")
_INTEGER_GROUPS = re.compile(r"[1-9]\d{0,2}(,\d{3})*")
_GROUP = re.compile(r"\d{3}(\.\d+)?")
#: A number the build must not find split as a list, "1, 000": an ``<mn>``, then a comma
#: ``<mo>`` (perhaps in an ``<mrow>``) and three digits, once or more, whatever wrote it.
SPLIT_NUMBER = re.compile(
    r"<mn>\d{1,3}</mn>(?:\s*(?:<mrow>\s*)?<mo>(?:,|&#x0*2[cC];|&#0*44;)</mo>\s*(?:</mrow>\s*)?"
    r"(?:<(?:msub|msup|msubsup)>\s*)?<mn>\d{3}(?:\.\d+)?</mn>)+"
)


def _is_comma(element: ET.Element) -> bool:
    if element.tag == _MROW and len(element) == 1:  # TeX's {,}, an ordinary comma
        element = element[0]
    return element.tag == _MO and element.text == "," and not len(element)


def _join_numbers(row: ET.Element) -> None:
    # 1{,}000 (as TeX authors write a thousands separator) and 1,000 (a number of the
    # lesson's facts, written for the prose) are one number: one <mn>1,000</mn>, not
    # 1, a list comma and 000, which browsers space as a list. (A list of a number and
    # a three-digit one needs a space: (5,\ 100).)
    children = list(row)
    i = 0
    while i + 2 < len(children):
        first, comma, group = children[i : i + 3]
        # 1{,}000^{25}: the last group is the base of the power, which takes the number.
        digits = group[0] if group.tag in _SCRIPTED and len(group) else group
        if (
            first.tag == _MN
            and _INTEGER_GROUPS.fullmatch(first.text or "")
            and _is_comma(comma)
            and digits.tag == _MN
            and _GROUP.fullmatch(digits.text or "")
        ):
            digits.text = f"{first.text},{digits.text}"
            group.tail = first.tail
            row.remove(first)
            row.remove(comma)
            children = list(row)
        else:
            i += 1


def _prefix_signs(row: ET.Element) -> None:
    # A sign with no operand before it (first in its row, or after an operator that
    # does not end an operand: "(", "=", ",") is a prefix: −x, not the binary " − ".
    before = None
    for child in row:
        if (
            child.tag == _MO
            and child.text in _SIGNS
            and "form" not in child.attrib
            and (before is None or (before.tag == _MO and before.text not in _OPERAND_ENDS))
        ):
            child.set("form", "prefix")
        before = child


def _primes_once(row: ET.Element) -> None:
    # latex2mathml sets w'_1 as w with a superscript ′; but ′ is already a raised mark,
    # so it is raised twice and shrunk. The prime goes beside the base, once: w′₁.
    for index, child in enumerate(list(row)):
        if child.tag not in (_MSUP, _MSUBSUP) or not _PRIMES.fullmatch(child[-1].text or ""):
            continue
        if len(child[-1]):
            continue
        marked = ET.Element(_MROW)
        marked.append(child[0])
        ET.SubElement(marked, _MI).text = child[-1].text
        if child.tag == _MSUBSUP:
            subscripted = ET.Element(_MSUB)
            subscripted.extend([marked, child[1]])
            marked = subscripted
        marked.tail = child.tail
        row[index] = marked


def typeset(mathml: str) -> str:
    """latex2mathml's MathML as a mathematician would set it: a number written
    ``1{,}000`` or ``1,000`` is one number, a prime is set once beside its letter, and a sign
    with nothing before it is a prefix (``form="prefix"``, no space after it).

    >>> print(typeset(tex_to_mathml("y = -1{,}000")))
    <math ...><mrow><mi>y</mi><mo>=</mo><mo form="prefix">−</mo><mn>1,000</mn></mrow></math>
    >>> print(typeset(tex_to_mathml("1{,}000^{25}")))
    <math ...><mrow><msup><mn>1,000</mn><mrow><mn>25</mn></mrow></msup></mrow></math>
    >>> print(typeset(tex_to_mathml("w'_1")))
    <math ...><mrow><msub><mrow><mi>w</mi><mi>′</mi></mrow><mn>1</mn></msub></mrow></math>
    """
    root = ET.fromstring(mathml)
    for element in list(root.iter()):
        _primes_once(element)
        _join_numbers(element)
        _prefix_signs(element)
    return ET.tostring(root, encoding="unicode", short_empty_elements=False)


def _mathml(match: re.Match) -> str:
    display = "inline" if match["block"] is None else "block"
    mathml = typeset(tex_to_mathml(html.unescape(match[display]).strip(), display=display))
    # An HTML parser puts <math> in MathML's namespace by itself: 43 bytes a formula saved.
    mathml = mathml.replace(f' xmlns="{MATHML}"', "", 1)
    if display == "inline":
        return mathml
    # A formula wider than the column scrolls in its own box, reached by the keyboard.
    return f'<span class="gd-scroll gd-math" tabindex="0">{mathml}</span>'


def render_math(page_html: str, dollars: bool = False) -> str:
    r"""Turn the math that Markdown left as TeX into MathML (:func:`typeset`):
    arithmatex's, or with ``dollars`` the ``$...$`` and ``$$...$$`` that notebooks
    write. A displayed formula comes in a box that scrolls sideways if it must.

    >>> print(render_math('<span class="arithmatex">\\(x^2\\)</span>'))
    <math display="inline"><mrow><msup><mi>x</mi><mn>2</mn></msup></mrow></math>
    >>> render_math("so $\\eta$ is small", dollars=True).count("<math")
    1
    >>> print(render_math('<div class="arithmatex">\\[x\\]</div>'))
    <span class="gd-scroll gd-math" tabindex="0"><math display="block">...</math></span>
    """
    return (_DOLLARS if dollars else _ARITHMATEX).sub(_mathml, page_html)


_TABLE = re.compile(r"<table>.*?</table>", re.S)
_CODE = re.compile(r"(<pre>(?:<span></span>)?<code)>")


def add_scroll_boxes(page_html: str) -> str:
    """Make what may be wider than a phone's column scroll in its own box that the
    keyboard reaches (``tabindex="0"``): each table, in a box of its own (Material's
    wrapper, made in the browser, cannot be reached), and each code block's code
    (Material takes the attribute away where the block does not scroll).

    >>> print(add_scroll_boxes("<table><tr><td>1</td></tr></table>"))
    <div class="gd-scroll gd-table" tabindex="0"><table><tr><td>1</td></tr></table></div>
    >>> add_scroll_boxes("<pre><span></span><code>x = 1</code></pre>")
    '<pre><span></span><code tabindex="0">x = 1</code></pre>'
    """
    page_html = _TABLE.sub(
        lambda m: f'<div class="gd-scroll gd-table" tabindex="0">{m[0]}</div>', page_html
    )
    return _CODE.sub(r'\1 tabindex="0">', page_html)


_ALT = re.compile(r'<img\b[^>]*?\balt="([^"]*)"')
_CAPTION = re.compile(r"<figcaption\b[^>]*>(.*?)</figcaption>", re.S)
#: TeX in text that is no math: a command, a sub- or superscript, a dollar.
_TEX_IN_TEXT = re.compile(r"\\[A-Za-z(\[]|[_^]\{|\$|\w_\w")


def typesetting_errors(page_html: str) -> list[str]:
    """What a reader would see set wrong on the built page: a number split as a list
    (1, 000) in its math, TeX in a caption or an alt text (which are plain Unicode:
    λₘₐₓ, not λ_max or ``\\lambda_{\\max}``).

    >>> typesetting_errors('<figure><img alt="Cost at \\\\(w_1\\\\)"></figure>')
    ['TeX in an alt text: Cost at \\\\(w_1\\\\)']
    >>> typesetting_errors("<math><mn>3</mn><mo>,</mo><mn>840</mn></math>")
    ['a number split as a list (3{,}840; a list needs a space after its comma): <mn>3</mn>...']
    >>> typesetting_errors('<img alt="λₘₐₓ = 2.5"><math><mn>3,840</mn></math>')
    []
    """
    errors = [
        f"a number split as a list ({_number(m[0])}; a list needs a space after its comma): {m[0]}"
        for m in SPLIT_NUMBER.finditer(page_html)
    ]
    texts = [("an alt text", html.unescape(alt)) for alt in _ALT.findall(page_html)]
    texts += [
        ("a caption", html.unescape(_TAG.sub("", caption)))
        for caption in _CAPTION.findall(page_html)
    ]
    errors += [f"TeX in {what}: {text}" for what, text in texts if _TEX_IN_TEXT.search(text)]
    return errors


def _number(split: str) -> str:
    return "{,}".join(re.findall(r"<mn>(\d+)", split))


def check_typesetting(page_html: str, page: str) -> None:
    """Raise ``ValueError`` naming ``page`` and each of its :func:`typesetting_errors`."""
    errors = typesetting_errors(page_html)
    if errors:
        raise ValueError(f"{page}: " + "; ".join(errors))


#: The stylesheet and script of each widget, by the class that marks it: a page
#: loads them only if it holds one, so the others weigh 34 KiB less.
WIDGET_ASSETS = {
    "gd-playground": ("stylesheets/playground.css", "javascripts/playground.js"),
}


def add_widget_assets(page_html: str, root: str) -> str:
    """The built page with the stylesheet (in its head) and the script (at the
    end, after the theme's) of each widget it holds; ``root`` leads from the
    page to the site's top (``"../"``).

    >>> page = '<head></head><body><div class="gd-playground"></div></body>'
    >>> print(add_widget_assets(page, "../").replace("><", ">\\n<"))
    <head>
    <link rel="stylesheet" href="../stylesheets/playground.css">
    </head>
    <body>
    <div class="gd-playground">
    </div>
    <script src="../javascripts/playground.js">
    </script>
    </body>
    >>> add_widget_assets("<head></head><body></body>", "")
    '<head></head><body></body>'
    """
    for widget, (stylesheet, script) in WIDGET_ASSETS.items():
        if f'class="{widget} ' not in page_html and f'class="{widget}"' not in page_html:
            continue
        head, body = page_html.rsplit("</head>", 1)
        body, end = body.rsplit("</body>", 1)
        page_html = (
            f'{head}<link rel="stylesheet" href="{root}{stylesheet}">\n</head>'
            f'{body}<script src="{root}{script}"></script>\n</body>{end}'
        )
    return page_html


def copy_text(session: str) -> str:
    """The code of an interactive session, without prompts and output.

    >>> copy_text(">>> x = 2\\n>>> print(x)\\n2\\n>>> for i in []:\\n...     pass\\n")
    'x = 2\\nprint(x)\\nfor i in []:\\n    pass'
    """
    lines = [line[4:] for line in session.splitlines() if f"{line} "[:4] in (">>> ", "... ")]
    return "\n".join(lines).strip("\n")


def add_copy_text(page_html: str) -> str:
    """Give each ``pycon`` session a ``data-copy`` attribute, which Material's copy
    button uses instead of the visible text: the code of every ``python`` block
    above it on the page (the definitions it uses), then its own code without
    prompts and output; a note under the first such session says so.

    >>> page = ('<div class="language-python highlight"><pre>def f(): return 2</pre></div>'
    ...         '<div class="language-pycon highlight"><pre>&gt;&gt;&gt; f()</pre></div>')
    >>> print(add_copy_text(page).split("data-copy=")[1].split(">")[0])
    "def f(): return 2
    <BLANKLINE>
    f()"
    """
    definitions, notes = [], iter([COPY_NOTE])

    def replace(match: re.Match) -> str:
        language, pre = match.groups()
        text = html.unescape(_TAG.sub("", pre))
        if language == "python":
            definitions.append(text.strip("\n"))
            return match[0]
        code = html.escape("\n\n".join([*definitions, copy_text(text)]))
        note = next(notes, "") if definitions else ""
        return f'<div class="language-pycon highlight" data-copy="{code}">{pre}</div>{note}'

    return _CODE_BLOCK.sub(replace, page_html)


#: What each colour of the notebook's plots becomes on the page: matplotlib's
#: black (text, axes) is the palette's text, each colour of the light palette
#: (the cells draw in it) its own, each ``light-dark()`` of its light and dark
#: values, which follows Material's scheme (its ``color-scheme``).
PLOT_COLOURS = {
    "#000000": ("text", PALETTES["light"]["text"]),
    **{PALETTES["light"][role]: (role, PALETTES["light"][role]) for role in READABLE},
}
#: What a screen reader says of a plot of the notebook.
PLOT_LABEL = "A plot drawn by the code cell above"
#: The smallest text of a plot, in CSS px: narrower than that, the plot
#: scrolls sideways in its box (on a phone) rather than shrink its text.
PLOT_TEXT_PX = 9.5


def _painted(match: re.Match) -> str:
    # A declaration "fill: #c2410c" as the page paints it: the light colour first,
    # which a browser without light-dark() keeps, then light-dark().
    prop, colour = match[1], match[2].lower()
    if colour not in PLOT_COLOURS:
        return match[0]
    return f"{prop}: {PLOT_COLOURS[colour][1]}; {prop}: {_light_dark(colour)}"


def _light_dark(colour: str) -> str:
    """A colour of the plots as the page paints it; others as they are."""
    if colour.lower() not in PLOT_COLOURS:
        return colour
    role, light = PLOT_COLOURS[colour.lower()]
    return f"light-dark({light}, {PALETTES['dark'][role]})"


def _style_classes(svg: str, prefix: str) -> str:
    # Each style written on two or more elements becomes a class of this plot,
    # defined once in its <style>, whose rules apply to this plot alone.
    styles = Counter(re.findall(r' style="([^"]*)"', svg))
    names = {style: f"{prefix}s{i}" for i, (style, n) in enumerate(styles.most_common()) if n > 1}
    svg = re.sub(
        r' style="([^"]*)"',
        lambda m: f' class="{names[m[1]]}"' if m[1] in names else m[0],
        svg,
    )
    rules = "".join(f".{name}{{{style}}}" for style, name in names.items())
    svg = re.sub(
        r'<style type="text/css">(.*?)</style>',
        lambda m: "<style>" + re.sub(r"\*\s*{", f".{prefix}svg *{{", m[1]) + rules + "</style>",
        svg,
        count=1,
        flags=re.S,
    )
    return svg


def _without_repeated_marks(svg: str) -> str:
    # A run of marks (<use>) draws the same mark where the path it marks stays put
    # (a descent that has arrived): once is enough, where it was first drawn.
    out, seen = [], set()
    for token in re.split(r"(<use [^>]*/>)", svg):
        if token.startswith("<use "):
            if token in seen:
                continue
            seen.add(token)
        elif token:
            seen = set()
        out.append(token)
    return "".join(out)


def plot_svg(svg: str, prefix: str, label: str) -> str:
    r"""Matplotlib's SVG of a notebook plot, made ready to sit in the page: its
    colours follow the page's scheme (:data:`PLOT_COLOURS`, on the transparent
    background the build's kernel draws); its text is in the site's figure
    fonts, its body text no smaller than :data:`PLOT_TEXT_PX` (narrower, it
    scrolls) and the plot no larger than drawn; its ids are prefixed with
    ``prefix`` (several plots share a page); and it is small: no metadata, ids
    no one refers to, empty groups, marks drawn twice in one place or
    whitespace, coordinates to a tenth of a point, styles written once.
    ``label`` names it for screen readers.

    >>> svg = ('<?xml version="1.0"?>\n<svg xmlns:xlink="http://www.w3.org/1999/xlink" '
    ...        'width="100.5pt" height="50pt" viewBox="0 0 100.54321 50" '
    ...        'xmlns="http://www.w3.org/2000/svg" version="1.1">\n <metadata>m</metadata>\n'
    ...        ' <defs><style type="text/css">*{stroke-linecap: butt}</style></defs>\n'
    ...        ' <g id="figure_1">\n  <path id="m1" d="M 0 0 \nL 1.26 0 " '
    ...        'style="stroke: #c2410c"/>\n  <use xlink:href="#m1" x="2.04" '
    ...        'style="stroke: #000000"/>\n  <use xlink:href="#m1" x="4" style="stroke: #000000"/>'
    ...        '  <text style="font-size: 10px; font-family: \'DejaVu Sans\', sans-serif; '
    ...        'text-anchor: middle" x="5" y="6" transform="rotate(-0 5 6)">w 0.50</text>\n'
    ...        ' </g>\n</svg>\n')
    >>> print(plot_svg(svg, "p1-", "A plot").replace("><", ">\n<"))
    ... # doctest: +NORMALIZE_WHITESPACE
    <svg width="100.5pt" height="50pt" viewBox="0 0 100.5 50"
    xmlns="http://www.w3.org/2000/svg" class="p1-svg" role="img" aria-label="A plot"
    style="min-width: 95px; max-width: 134px; fill: #1f2328;
    fill: light-dark(#1f2328, #e6e8ee);
    font-family: 'DejaVu Sans', 'Verdana', 'Arial', 'Helvetica', sans-serif">
    <defs>
    <style>.p1-svg *{stroke-linecap: butt}.p1-s0{stroke: #1f2328;
    stroke: light-dark(#1f2328, #e6e8ee)}</style>
    </defs>
    <path id="p1-0" d="M 0 0 1.3 0"
    style="stroke: #c2410c; stroke: light-dark(#c2410c, #ffa657)"/>
    <use href="#p1-0" x="2" class="p1-s0"/>
    <use href="#p1-0" x="4" class="p1-s0"/>
    <text style="font-size: 10px; text-anchor: middle" x="5" y="6">w 0.50</text>
    </svg>
    """
    svg = svg[svg.index("<svg") :]
    svg = re.sub(r"<metadata>.*?</metadata>", "", svg, flags=re.S)
    svg = re.sub(r'\s(?:xmlns:xlink|version)="[^"]*"', "", svg).replace("xlink:href=", "href=")
    # Ids someone refers to get short names of this plot's own; the others go.
    referred = dict.fromkeys(re.findall(r'(?:href="|url\()#([\w.-]+)', svg))
    short = {name: f"{prefix}{i}" for i, name in enumerate(referred)}
    svg = re.sub(r' id="([^"]*)"', lambda m: f' id="{short[m[1]]}"' if m[1] in short else "", svg)
    svg = re.sub(r'(href="#|url\(#)([\w.-]+)', lambda m: f"{m[1]}{short[m[2]]}", svg)
    svg = re.sub(r' transform="rotate\(-?0 [^)]*\)"', "", svg)
    svg = re.sub(r"font-family: [^;\"]*;? ?", "", svg).replace('; "', '"')
    svg = re.sub(r"\s+", " ", svg)  # no text of a plot holds two spaces or a newline
    svg = rounded(svg, 1)
    svg = re.sub(r">\s+<", "><", svg).strip()
    svg = re.sub(r"([\w-]+): (#[0-9a-fA-F]{6})\b", _painted, svg)
    svg = implicit_lines(svg)
    svg = _style_classes(_without_repeated_marks(without_bare_groups(svg)), prefix)
    # Text without a colour of its own takes the root's fill: the palette's text.
    width = float(re.search(r'viewBox="[\d.]+ [\d.]+ ([\d.]+)', svg)[1])
    # Its body text: the size most of its text has (ticks, labels), not exponents.
    sizes = Counter(float(size) for size in re.findall(r"font-size: ?([\d.]+)px", svg))
    body = max(sizes, key=lambda size: (sizes[size], size), default=PLOT_TEXT_PX)
    narrowest = round(width * PLOT_TEXT_PX / body)
    natural = round(width * 96 / 72)  # its size in points, in CSS px
    style = [f"min-width: {narrowest}px", f"max-width: {natural}px"]
    style += [f"fill: {PALETTES['light']['text']}", f"fill: {_light_dark('#000000')}"]
    style += [f"font-family: {', '.join(repr(font) for font in FONTS)}, sans-serif"]
    head = f' class="{prefix}svg" role="img" aria-label="{html.escape(label)}"'
    head += f' style="{"; ".join(style)}">'
    end = svg.index(">")
    return svg[:end] + head + svg[end + 1 :]


#: JupyterLab's classes that no CSS or script of the site uses.
_JUPYTER_ONLY = {
    "jp-Notebook-cell",
    "jp-RenderedHTMLCommon",
    "jp-MarkdownOutput",
    "jp-OutputArea-output",
    "jp-Cell-outputArea",
    "jp-mod-noOutputs",
}


#: Pygments' classes that Material's theme paints in one colour (its strings,
#: numbers, operators, keywords): spans side by side in one group read as one.
_SAME_COLOUR = [
    {"s", "s1", "s2", "sb", "sc", "si", "ss", "l", "cpf"},
    {"m", "mb", "mf", "mh", "mi", "mo", "il"},
    {"o", "ow"},
    {"k", "kd", "kn", "kp", "kr", "kt"},
]


def _merge_same_colour(pre) -> None:
    """Merge each span into the span just before it when both have one colour.

    >>> pre = BeautifulSoup('<pre><span class="s2">"</span><span class="si">{'
    ...                     '</span>x<span class="si">}</span><span class="s2">"</span></pre>',
    ...                     "html.parser").pre
    >>> _merge_same_colour(pre)
    >>> print(pre)
    <pre><span class="s2">"{</span>x<span class="si">}"</span></pre>
    """
    group = {name: i for i, names in enumerate(_SAME_COLOUR) for name in names}
    for span in pre.find_all("span", recursive=False):
        before = span.previous_sibling
        if (
            getattr(before, "name", None) == "span"
            and len(span.get("class", [])) == len(before.get("class", [])) == 1
            and group.get(span["class"][0], -1) == group.get(before["class"][0], -2)
            and span.string is not None
            and before.string is not None
        ):
            before.string = before.string + span.string
            span.decompose()


def clean_notebook(page_html: str, download: str | None = None, colab: str | None = None) -> str:
    """Make mkdocs-jupyter's page self-contained and light: drop nbconvert's
    scripts (MathJax and mermaid from a CDN), JupyterLab's stylesheet (570 KB),
    copy button, prompts and the code's spans that change no colour; make code
    cells ``pre > code`` blocks, which Material gives its copy button; math as
    MathML; plots as SVG in the page (:func:`inline_plots`); fold the solutions;
    offer the ``download`` and, beside it, the notebook in ``colab`` (an address).

    >>> cell = '<div class="highlight-ipynb hl-python"><pre>x = 1</pre></div>'
    >>> clean_notebook('<style>big</style><script>cdn()</script>' + cell)
    '<div class="highlight-ipynb hl-python highlight"><pre><code>x = 1</code></pre></div>'
    """
    page = BeautifulSoup(page_html, "html.parser")
    # The cells' tags go too: the solutions' summaries say what they are.
    junk = "style, script, div.zeroclipboard-container, div.clipboard-copy-txt, div.celltoolbar"
    # JupyterLab's prompts and collapsers, which the site's CSS would hide anyway.
    junk += ", div.jp-Collapser, div.jp-InputPrompt, div.jp-OutputPrompt"
    for element in [*page.select(junk), *page.find_all(string=lambda s: type(s) is Comment)]:
        element.extract()
    # JupyterLab's wrappers and classes, whose CSS is not here, are only weight.
    wrappers = (
        "div.jp-Cell-inputWrapper, div.jp-InputArea, div.jp-CodeMirrorEditor, div.CodeMirror,"
        " div.jp-OutputArea, div.jp-OutputArea-child"
    )
    for wrapper in page.select(wrappers):
        wrapper.unwrap()
    for element in page.select(".jupyter-wrapper [class], .jupyter-wrapper [data-mime-type]"):
        del element["data-mime-type"]
        if element.get("class"):
            element["class"] = [c for c in element["class"] if c not in _JUPYTER_ONLY]
    # Names and spaces look as plain code does (Material colours a name as its code):
    # their spans are only weight; so is a span next to one of the same colour.
    for span in page.select("div.highlight-ipynb span.n, div.highlight-ipynb span.w"):
        span.unwrap()
    for code in page.select("div.highlight-ipynb pre"):
        _merge_same_colour(code)
    for block in page.select("div.highlight-ipynb"):
        block["class"] = [*block["class"], "highlight"]
        code = page.new_tag("code")
        code.extend(list(block.pre.contents))
        block.pre.append(code)
    for cell in page.select('[id^="cell-id="]'):  # Material's copy button needs CSS-safe ids
        cell["id"] = cell["id"].replace("cell-id=", "cell-", 1)
    fold_solutions(page)
    for output in page.select("div.jp-RenderedText"):  # the keyboard reaches its <pre>
        del output["tabindex"]
        for pre in output.find_all("pre"):
            pre["tabindex"] = "0"
            _lines_of_their_own(pre)
    for image in page.find_all("img", alt="No description has been provided for this image"):
        image["alt"] = PLOT_LABEL
    plots = inline_plots(page)
    for cell in page.select("div.jp-RenderedMarkdown"):
        cell.replace_with(BeautifulSoup(render_math(str(cell), dollars=True), "html.parser"))
    if download and page.h1 is not None:
        buttons = f'<a class="md-button" href="{html.escape(download)}" download>'
        buttons += "Download this notebook</a>"
        if colab:
            buttons += f' <a class="md-button" href="{html.escape(colab)}">Open in Colab</a>'
        page.h1.insert_after(
            BeautifulSoup(f'<p class="gd-notebook-actions">{buttons}</p>', "html.parser")
        )
    page_html = str(page).strip()
    for marker, svg in plots.items():  # as written: an HTML parser would spell it out
        page_html = page_html.replace(f"<!--{marker}-->", svg, 1)
    return page_html


def inline_plots(page: BeautifulSoup) -> dict[str, str]:
    """Put each SVG plot of the notebook (an ``<img>`` of base64) in the page itself,
    through :func:`plot_svg`, in a box that scrolls sideways on a phone and that
    the keyboard reaches; return the SVGs by the markers (comments) left in their
    place.

    >>> svg = '<svg viewBox="0 0 10 5"><text style="font-size: 10px">w</text></svg>'
    >>> src = "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
    >>> page = BeautifulSoup(f'<div class="jp-RenderedSVG"><img src="{src}"></div>',
    ...                      "html.parser")
    >>> plots = inline_plots(page)
    >>> print(page)
    <div class="jp-RenderedSVG gd-scroll gd-plot" tabindex="0"><!--gd-plot-1--></div>
    >>> plots["gd-plot-1"][:60]
    '<svg viewBox="0 0 10 5" class="p1-svg" role="img" aria-label'
    """
    plots = {}
    prefix = "data:image/svg+xml;base64,"
    for number, box in enumerate(page.select("div.jp-RenderedSVG"), start=1):
        image = box.find("img")
        if image is None or not image.get("src", "").startswith(prefix):
            continue
        marker = f"gd-plot-{number}"
        svg = base64.b64decode(image["src"][len(prefix) :]).decode("utf-8")
        plots[marker] = plot_svg(svg, f"p{number}-", PLOT_LABEL)
        image.replace_with(Comment(marker))
        box["class"] = [*box["class"], "gd-scroll", "gd-plot"]
        box["tabindex"] = "0"
    return plots


def _lines_of_their_own(pre) -> None:
    """Put each line a cell printed in a span of its own, which the page's CSS
    wraps with a hanging indent on a phone: a wrapped line does not read as two.

    >>> pre = BeautifulSoup("<pre>a  b\\n\\nc\\n</pre>", "html.parser").pre
    >>> _lines_of_their_own(pre)
    >>> print(pre)
    <pre><span>a  b</span><span></span><span>c</span></pre>
    """
    lines = pre.get_text().split("\n")
    if lines[-1] == "":
        lines.pop()
    pre.clear()
    for line in lines:
        span = BeautifulSoup("", "html.parser").new_tag("span")
        span.string = line
        pre.append(span)


def fold_solutions(page: BeautifulSoup) -> None:
    """Fold each run of cells tagged "solution" into a closed ``<details>``
    ("Solution to exercise N"), as JupyterLab folds them; the cells stay whole.

    >>> page = BeautifulSoup('<div class="jp-Notebook"><div class="jp-Cell">Q</div>'
    ...     '<div class="jp-Cell celltag_solution">A</div></div>', "html.parser")
    >>> fold_solutions(page)
    >>> print(page.select_one("details").decode_contents())
    <summary>Solution to exercise 1</summary><div class="jp-Cell celltag_solution">A</div>
    """
    tag = f"celltag_{SOLUTION_TAG}"

    def is_solution(cell) -> bool:  # code cells carry the tag's class, Markdown cells inside
        return tag in cell.get("class", []) or cell.select_one(f".{tag}") is not None

    cells = page.select(".jp-Notebook > .jp-Cell")
    runs = [list(run) for solution, run in groupby(cells, is_solution) if solution]
    for number, run in enumerate(runs, start=1):
        details = page.new_tag("details", attrs={"class": "success"})
        details.append(page.new_tag("summary", string=f"Solution to exercise {number}"))
        run[0].insert_before(details)
        details.extend([cell.extract() for cell in run])


def full_size_html(figure: dict, view: dict, site_name: str) -> str:
    """The page that one tap on a figure opens: the image (``view["file"]``, beside
    the page) at its own size, which on a phone is wider than the screen (the reader
    pans, and reads the text as large as it was drawn), with the figure's number and
    caption, in the colours of its palette. No script, no other file but the image.
    ``figure`` is a figure of the manifest (:func:`gdlesson.figures.description`),
    ``view`` one of its ``full_size`` entries.

    >>> figure = {"number": 3, "alt": "A curve", "caption": "Look at the dip & rise.",
    ...           "width": 672, "height": 346}
    >>> view = {"file": "c-dark.svg", "scheme": "dark", "background": "#000", "text": "#fff"}
    >>> page = full_size_html(figure, view, "Lesson")
    >>> print(page.split("<main>")[1].split("</main>")[0].strip())
    <h1>Figure 3</h1>
    <img src="c-dark.svg" alt="A curve" width="672" height="346">
    <p>Look at the dip &amp; rise.</p>
    >>> "<title>Figure 3, full size - Lesson</title>" in page
    True
    """
    esc = html.escape
    size = f'width="{int(figure["width"])}" height="{int(figure["height"])}"'
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Figure {int(figure["number"])}, full size - {esc(site_name)}</title>
<style>
html {{ color-scheme: {esc(view["scheme"])}; background: {esc(view["background"])}; }}
body {{ margin: 0; padding: 12px; color: {esc(view["text"])}; font: 16px/1.5 sans-serif; }}
h1 {{ margin: 0 0 8px; font-size: 18px; }}
img {{ display: block; max-width: none; }}
p {{ max-width: 42em; }}
</style>
</head>
<body>
<main>
<h1>Figure {int(figure["number"])}</h1>
<img src="{esc(view["file"])}" alt="{esc(figure["alt"])}" {size}>
<p>{esc(figure["caption"], quote=False)}</p>
</main>
</body>
</html>
"""


# --- Search, print and sharing ---------------------------------------------------

#: Unicode superscripts and subscripts of the characters a formula's scripts hold.
_SUPERSCRIPT = str.maketrans("0123456789+-−=()n", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ⁿ")
_SUBSCRIPT = str.maketrans("0123456789+-−=()", "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎")
#: Operators read with a space either side.
_SPACED = set("=<>≤≥≈≠+−×·÷→∈")


def _script(text: str, table: dict, mark: str) -> str:
    scripted = text.translate(table)
    if all(c != t for c, t in zip(text, scripted, strict=True)):
        return scripted
    return f"{mark}({text})" if len(text) > 1 else f"{mark}{text}"


def math_text(element: ET.Element) -> str:
    """A formula (MathML) as plain text, as a reader would type it: 10⁻⁶, not "106"
    or "10−6" run together.

    >>> math_text(ET.fromstring(tex_to_mathml("\\\\eta < 10^{-6}")))
    'η < 10⁻⁶'
    >>> math_text(ET.fromstring(tex_to_mathml("\\\\frac{2}{L} = 1{,}000 \\\\cdot w_1")))
    '2/L = 1,000 · w₁'
    >>> math_text(ET.fromstring(tex_to_mathml("10^{15}\\\\ \\\\text{per second}")))
    '10¹⁵ per second'
    >>> math_text(ET.fromstring(tex_to_mathml("x^{a+b}")))
    'x^(a + b)'
    """
    tag = element.tag.rsplit("}", 1)[-1]
    parts = [math_text(child) for child in element]
    for index, child in enumerate(element):  # a binary operator, spaced: not a prefix sign
        operator = (child.text or "").strip()
        if (
            child.tag.endswith("mo")
            and operator in _SPACED
            and index
            and "form" not in child.attrib
        ):
            parts[index] = f" {operator} "
    if tag == "msup" and len(parts) == 2:
        return parts[0] + _script(parts[1], _SUPERSCRIPT, "^")
    if tag == "msub" and len(parts) == 2:
        return parts[0] + _script(parts[1], _SUBSCRIPT, "_")
    if tag == "msubsup" and len(parts) == 3:
        return parts[0] + _script(parts[1], _SUBSCRIPT, "_") + _script(parts[2], _SUPERSCRIPT, "^")
    if tag == "mfrac" and len(parts) == 2:
        top, bottom = (p if len(p) < 2 or p.isalnum() else f"({p})" for p in parts)
        return f"{top}/{bottom}"
    if tag == "msqrt":
        return f"√({''.join(parts)})"
    text = (element.text or "").strip()
    if tag in ("mtext", "mspace"):  # words and spaces, apart from the symbols around them
        text = f" {text} "
    joined = text + "".join(parts)
    return re.sub(r"\s+", " ", joined).strip() if tag == "math" else joined


_MATH = re.compile(r"<math\b[^>]*>.*?</math>", re.S)
_ANSWER = re.compile(r'<details class="success"[ >].*?</details>', re.S)
_ANCHOR = re.compile(r'<a class="anchor-link"[^>]*>.*?</a>', re.S)


def search_html(page_html: str) -> str:
    """The page as the search index should read it, not as it is shown: each
    formula as its :func:`math_text` (10⁷⁵, not "1075"), no exercise answer or
    worked solution (a ``details.success``: results would show it as a snippet),
    and no notebook heading's "¶" anchor. The page sent to readers carries none
    of this: the build gives the index this view only while it reads the page.

    >>> print(search_html('<h2>Go<a class="anchor-link" href="#go">¶</a></h2>'
    ...                   '<p><math><msup><mn>10</mn><mn>6</mn></msup></math> tries</p>'
    ...                   '<details class="success"><summary>Answer</summary>No.</details>'))
    <h2>Go</h2><p>10⁶ tries</p>
    """

    def text(match: re.Match) -> str:
        try:
            return html.escape(math_text(ET.fromstring(match[0])), quote=False)
        except ET.ParseError:  # MathML that is no XML, say an HTML entity: as it is
            return match[0]

    return _ANCHOR.sub("", _ANSWER.sub("", _MATH.sub(text, page_html)))


#: The figure that stands for each playground on paper (a file's stem in figures/):
#: the same descents, drawn by gdlesson.
PRINT_FIGURES = {
    "gd-playground-1d": "learning-rates",
    "gd-playground-2d": "contour-2d",
    "gd-playground-momentum": "momentum-paths",
}


def add_print_figures(page_html: str) -> str:
    """Before each playground, its static figure (:data:`PRINT_FIGURES`, in the
    light palette; on paper, no link; not numbered, so no ``gd-figure``), which
    the page shows only in print (``gd-print-only``), in the place of the
    playground, which cannot run there. The image stays lazy: on screen it is
    never fetched. The rest of the page is left as it is written.

    >>> page = ('<p>Try it.</p><div class="gd-playground" id="gd-playground-2d"></div>'
    ...         '<figure class="gd-figure"><a href="c.html" class="gd-figure__open">'
    ...         '<img src="../figures/contour-2d-light.svg#only-light"></a>'
    ...         '<a href="d.html"><img src="../figures/contour-2d-dark.svg#only-dark"></a>'
    ...         '<figcaption><span class="gd-figure__number">Figure 4.</span> Look.</figcaption>'
    ...         '</figure>')
    >>> print(add_print_figures(page).split("</figure>")[0])
    <p>Try it.</p><figure class="gd-print-only"><img alt="Figure 4, on paper" loading="lazy" src="../figures/contour-2d-light.svg"/>
    """  # noqa: E501 - the page's HTML, as it is
    if "gd-playground" not in page_html:
        return page_html
    page = BeautifulSoup(page_html, "html.parser")
    for playground_id, stem in PRINT_FIGURES.items():
        if f'id="{playground_id}"' not in page_html:
            continue
        start = page_html.rfind("<div ", 0, page_html.find(f'id="{playground_id}"'))
        image = page.select_one(f'figure.gd-figure img[src*="/{stem}-light."]')
        if image is None:  # the figure is on another page (Two weights' map)
            src, alt = f"../figures/{stem}-light.svg", "The same descent, as a figure, on paper"
        else:
            number = image.find_parent("figure").select_one(".gd-figure__number")
            label = number.get_text().rstrip(".") if number else "the figure"
            # Short, as every page's weight counts: its alt text names the figure above.
            src, alt = image["src"].split("#")[0], f"{label}, on paper"
        figure = (
            f'<figure class="gd-print-only"><img alt="{alt}" loading="lazy" src="{src}"/></figure>'
        )
        page_html = page_html[:start] + figure + page_html[start:]
    return page_html


def _slug(url: str) -> str:
    return url.strip("/").replace("/", "-") or "home"


def shaped_page(html: str, source: str, notebook: tuple[str, str | None] | None = None) -> str:
    """The content of the page made from ``source`` as the site shows it: the notebook
    page cleaned (``notebook``: its download name and Colab address), math as MathML,
    sessions that copy as code, boxes that scroll, figures for print; checked
    (:func:`check_typesetting` raises naming ``source``).

    The build keeps it in its cache (``LessonBuild.remembered``): ``mkdocs serve``,
    which renders every page again after an edit, shapes again only the pages the
    edit changed.
    """
    if notebook is not None:
        download, colab = notebook
        html = clean_notebook(html, download=download, colab=colab)
    html = add_scroll_boxes(add_copy_text(render_math(html)))
    check_typesetting(html, source)
    return add_print_figures(html)


def handout_html(pages: list[tuple[str, str, str]], url: str, shape=None) -> str:
    """The whole lesson on one page, to print: a table of contents, then each
    page's content (``pages``: title, URL and HTML, in the nav's order) in a
    ``section`` of its own. Relative links are made from ``url``, the handout's
    place; a link to a page of the lesson goes to its section; ids are prefixed
    with the page's, so none is repeated; each page's first heading is its title
    in the nav; answers are open, figures in the light palette and fetched at
    once; a playground is left out for its static figure. Each page's section is
    made by ``shape`` (:func:`handout_section` unless told: the build keeps them).

    >>> pages = [("Home", "", '<h1 id="top">Lesson</h1><a href="one/#x">go</a>'),
    ...          ("1. One", "one/", '<h1>One</h1><h2 id="x">X</h2><img src="../f.svg" '
    ...           'loading="lazy"><details><summary>A</summary></details>')]
    >>> page = BeautifulSoup(handout_html(pages, "handout/"), "html.parser")
    >>> [a["href"] for a in page.select("nav a")], page.select("section a")[0]["href"]
    (['#page-home', '#page-one'], '#one--x')
    >>> page.img.attrs, page.details.has_attr("open"), page.select("section h1")[1].string
    ({'src': '../f.svg'}, True, '1. One')
    """
    slugs, here = handout_frame([page_url for _, page_url, _ in pages], url)
    slugs = dict(slugs)
    toc = "".join(
        f'<li><a href="#page-{slugs[page_url]}">{html.escape(title)}</a></li>'
        for title, page_url, _ in pages
    )
    out = [
        f'<nav class="gd-handout-toc" aria-label="Contents"><h2>Contents</h2><ul>{toc}</ul></nav>'
    ]
    shape = shape or handout_section
    for title, page_url, content in pages:
        out.append(shape(title, page_url, content, tuple(slugs.items()), here))
    return "\n".join(out)


def handout_frame(urls, url: str) -> tuple[tuple[tuple[str, str], ...], str]:
    """What each section of the handout at ``url`` needs (:func:`handout_section`):
    the slug of each page's URL (``urls``, in the nav's order) and the handout's folder.

    >>> handout_frame(["", "one/"], "handout/")
    ((('', 'home'), ('one/', 'one')), '/handout')
    """
    slugs = tuple((page_url, _slug(page_url)) for page_url in urls)
    return slugs, posixpath.dirname(f"/{url}".rstrip("/") + "/x")


def handout_section(title: str, page_url: str, content: str, slugs, here: str) -> str:
    """One page of the handout (see :func:`handout_html`); the build keeps each in
    its cache, so that ``mkdocs serve`` redoes only the pages an edit changed."""
    slugs = dict(slugs)
    slug = slugs[page_url]
    page = BeautifulSoup(content, "html.parser")
    for element in page.select(
        ".gd-playground, a.headerlink, .gd-copy-note,"
        ' a.gd-figure__open:has(> img[src$="#only-dark"])'
    ):
        element.decompose()
    for element in page.select(".gd-print-only"):
        element["class"] = [c for c in element["class"] if c != "gd-print-only"]
    for details in page.find_all("details"):
        details["open"] = ""
    for image in page.find_all("img"):
        image.attrs.pop("loading", None)
        image["src"] = image["src"].split("#only-light")[0]
    for element in page.find_all(id=True):
        if element.find_parent("svg") is None and element.name != "svg":
            element["id"] = f"{slug}--{element['id']}"
    base = posixpath.dirname(f"/{page_url}".rstrip("/") + "/x")
    for element in page.find_all(["a", "img", "source"]):
        attribute = "href" if element.name == "a" else "src"
        link = element.get(attribute)
        if not link or element.find_parent("svg") is not None:
            continue
        if link.startswith("#"):
            element[attribute] = f"#{slug}--{link[1:]}"
            continue
        parts = urlsplit(link)
        if parts.scheme or parts.netloc or link.startswith("/"):
            continue
        target = posixpath.normpath(posixpath.join(base, parts.path))
        target += "/" if parts.path.endswith("/") or not parts.path else ""
        linked = target.lstrip("/")
        if linked in slugs or (linked == "" and "" in slugs):
            other = slugs[linked]
            element[attribute] = (
                f"#{other}--{parts.fragment}" if parts.fragment else f"#page-{other}"
            )
            continue
        relative = posixpath.relpath(target.rstrip("/") or "/", here)
        relative += "/" if target.endswith("/") and relative != "." else ""
        element[attribute] = relative + (f"#{parts.fragment}" if parts.fragment else "")
    heading = page.find("h1")
    if heading is not None and page_url:
        heading.clear()
        heading.string = title
    # Each page of the lesson starts a sheet (here, not in every page's stylesheet).
    section = f'<section class="gd-handout-page" id="page-{slug}" style="break-before: page">'
    return f"{section}{page}</section>"
