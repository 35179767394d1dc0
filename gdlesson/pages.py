"""Text transforms the site applies to its pages; plain functions, no MkDocs.

- :func:`fill_placeholders`: ``{{ name }}`` → a computed fact, ``{{ figure name }}``
  → the figure's light and dark images with its alt text;
- :func:`render_math`: TeX → MathML at build time, so no script renders math;
- :func:`add_copy_text`: a ``pycon`` block copies as code without prompts or output.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping

from latex2mathml.converter import convert as tex_to_mathml

_PLACEHOLDER = re.compile(r"\{\{\s*(figure\s+)?([\w-]+)\s*\}\}")


def fill_placeholders(markdown: str, facts: Mapping[str, str], figure: Callable[[str], str]) -> str:
    """Replace each ``{{ name }}`` with ``facts[name]`` and ``{{ figure name }}`` with
    ``figure(name)``; an unknown name raises, so a typo fails the build.

    >>> fill_placeholders("w = {{ w }}", {"w": "2.0"}, str)
    'w = 2.0'
    >>> fill_placeholders("{{ nope }}", {}, str)
    Traceback (most recent call last):
    ...
    ValueError: unknown placeholder {{ nope }}
    """

    def replace(match: re.Match) -> str:
        is_figure, name = match.groups()
        if is_figure:
            return figure(name)
        if name not in facts:
            raise ValueError(f"unknown placeholder {{{{ {name} }}}}")
        return facts[name]

    return _PLACEHOLDER.sub(replace, markdown)


# pymdownx.arithmatex (generic mode) wraps TeX as \( \) in a span, \[ \] in a div;
# notebook Markdown cells keep $ $ and $$ $$ as written.
_ARITHMATEX = re.compile(
    r'<(span|div) class="arithmatex">\s*\\[(\[](.+?)\\[)\]]\s*</\1>', re.DOTALL
)
_NOTEBOOK_MATH = re.compile(r"(?<![\\$])\$\$(.+?)\$\$|(?<![\\$])\$([^$\n]+?)\$", re.DOTALL)


def _mathml(tex: str, display: str) -> str:
    return tex_to_mathml(html.unescape(tex).strip(), display=display)


def render_math(page_html: str) -> str:
    r"""Turn the math that Markdown left as TeX into MathML.

    >>> print(render_math('<span class="arithmatex">\\(x^2\\)</span>'))
    <math ... display="inline"><mrow><msup><mi>x</mi><mn>2</mn></msup></mrow></math>
    """

    def replace(match: re.Match) -> str:
        tag, tex = match.groups()
        return _mathml(tex, "block" if tag == "div" else "inline")

    return _ARITHMATEX.sub(replace, page_html)


_NOTEBOOK_MARKDOWN_CELL = re.compile(
    r'(<div class="[^"]*\bjp-RenderedMarkdown\b[^"]*"[^>]*>)(.*?)(</div>)', re.DOTALL
)
# nbconvert's template loads MathJax and mermaid from a CDN; math is MathML here.
_NOTEBOOK_SCRIPTS = re.compile(
    r"<!-- Load mathjax -->.*?<!-- End of mathjax configuration -->"
    r'|<script type="module">(?:(?!</script>).)*?mermaid.*?</script>',
    re.DOTALL,
)


# The template also inlines JupyterLab's whole stylesheet (about 570 KB) and its own
# copy button (a custom element, its script and a hidden copy of each cell's code).
# The site styles notebook cells itself (docs/stylesheets/extra.css) and lets
# Material add the same copy button as on every other page.
_NOTEBOOK_STYLES = re.compile(r"<style\b[^>]*>.*?</style>\s*", re.DOTALL)
_NOTEBOOK_CLIPBOARD = re.compile(
    r"<script>\s*\(function \(global, factory\).*?ClipboardCopyElement.*?</script>\s*"
    r"|<script>\s*document\.addEventListener\('clipboard-copy'.*?</script>\s*"
    r'|<div class="zeroclipboard-container">.*?</clipboard-copy>\s*</div>\s*'
    r'|<div class="clipboard-copy-txt"[^>]*>.*?</div>',
    re.DOTALL,
)
_NOTEBOOK_CODE = re.compile(r'<div class="highlight-ipynb hl-(\w+)"><pre>(.*?)</pre>', re.DOTALL)
_NOTEBOOK_DEFAULT_ALT = 'alt="No description has been provided for this image"'


def clean_notebook(page_html: str, download: str | None = None) -> str:
    """Make mkdocs-jupyter's page self-contained and light: drop the template's CDN
    scripts, inlined stylesheets and copy button; make code cells ordinary
    highlighted ``pre > code`` blocks (Material gives them its copy button); render
    the Markdown cells' math; and offer the ``download`` file under the title."""
    page_html = _NOTEBOOK_SCRIPTS.sub("", page_html)
    page_html = _NOTEBOOK_STYLES.sub("", page_html)
    page_html = _NOTEBOOK_CLIPBOARD.sub("", page_html)
    page_html = _NOTEBOOK_CODE.sub(
        r'<div class="highlight-ipynb hl-\1 highlight"><pre><code>\2</code></pre>', page_html
    )
    # nbconvert's cell ids ("cell-id=ID") are no CSS selector, and Material's copy
    # button finds its code by a selector made from the enclosing id.
    page_html = page_html.replace('id="cell-id=', 'id="cell-')
    page_html = page_html.replace(
        _NOTEBOOK_DEFAULT_ALT, 'alt="A plot drawn by the code cell above"'
    )
    page_html = _NOTEBOOK_MARKDOWN_CELL.sub(
        lambda m: m.group(1) + render_dollar_math(m.group(2)) + m.group(3), page_html
    )
    if download:
        button = (
            f'<p><a class="md-button" href="{html.escape(download)}" download>'
            "Download this notebook</a></p>"
        )
        page_html = page_html.replace("</h1>", "</h1>\n" + button, 1)
    return page_html


def render_dollar_math(fragment: str) -> str:
    r"""Turn ``$...$`` and ``$$...$$`` math (as notebooks write it) into MathML.

    >>> render_dollar_math("so $\\eta$ is small").count("<math")
    1
    """

    def replace(match: re.Match) -> str:
        block, inline = match.groups()
        return _mathml(block, "block") if block is not None else _mathml(inline, "inline")

    return _NOTEBOOK_MATH.sub(replace, fragment)


_PYCON_BLOCK = re.compile(
    r'<div class="language-pycon highlight">(<pre>.*?</pre>)</div>', re.DOTALL
)
_TAG = re.compile(r"<[^>]+>")


def copy_text(session: str) -> str:
    """The code of an interactive session, without prompts and output.

    >>> copy_text(">>> x = 2\\n>>> print(x)\\n2\\n>>> for i in []:\\n...     pass\\n")
    'x = 2\\nprint(x)\\nfor i in []:\\n    pass'
    """
    code = []
    for line in session.splitlines():
        if line.startswith((">>> ", "... ")):
            code.append(line[4:])
        elif line in (">>>", "..."):
            code.append("")
    return "\n".join(code).strip("\n")


def add_copy_text(page_html: str) -> str:
    """Give each rendered ``pycon`` block a ``data-copy`` attribute holding
    :func:`copy_text` of it, which Material's copy button uses instead of the
    visible text."""

    def replace(match: re.Match) -> str:
        pre = match.group(1)
        code = copy_text(html.unescape(_TAG.sub("", pre)))
        return f'<div class="language-pycon highlight" data-copy="{html.escape(code)}">{pre}</div>'

    return _PYCON_BLOCK.sub(replace, page_html)


def figure_markdown(figure: Mapping, light: str, dark: str) -> str:
    """Markdown for one figure of the lesson: a numbered ``<figure>`` holding its
    light and dark images, of which Material shows the one that matches the
    reader's scheme (``#only-light`` / ``#only-dark``), and its caption.

    ``figure`` holds ``number``, ``alt``, ``caption``, ``width`` and ``height``
    (:func:`gdlesson.figures.description`); ``light`` and ``dark`` are the
    images' paths. The images stay Markdown (``md_in_html``), so MkDocs checks
    and rewrites their links; their ``width`` and ``height`` keep the figure's
    room before the file arrives, so nothing below it moves as it loads.

    >>> figure = {"number": 3, "alt": "A curve", "caption": "Look at the dip.",
    ...           "width": 672, "height": 346}
    >>> print(figure_markdown(figure, "c-light.svg", "c-dark.svg"))
    <figure class="gd-figure" markdown="span">
    ![A curve](c-light.svg#only-light){ width="672" height="346" loading=lazy }
    ![A curve](c-dark.svg#only-dark){ width="672" height="346" loading=lazy }
    <figcaption><span class="gd-figure__number">Figure 3.</span> Look at the dip.</figcaption>
    </figure>
    """
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
    return (
        '<figure class="gd-figure" markdown="span">\n'
        f"![{alt}]({light}#only-light){{ {size} }}\n"
        f"![{alt}]({dark}#only-dark){{ {size} }}\n"
        f'<figcaption><span class="gd-figure__number">Figure {number}.</span> '
        f"{html.escape(caption, quote=False)}</figcaption>\n"
        "</figure>"
    )


_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'


def label_search_dialog(page_html: str) -> str:
    """Name Material's search dialog, which has no accessible name (axe:
    ``aria-dialog-name``).

    >>> label_search_dialog('<div class="md-search" data-md-component="search" role="dialog">')
    '<div class="md-search" data-md-component="search" role="dialog" aria-label="Search">'
    """
    return page_html.replace(_SEARCH_DIALOG, _SEARCH_DIALOG[:-1] + ' aria-label="Search">', 1)
