"""Text transforms the site applies to its pages; plain functions, no MkDocs.

- :func:`render_math`: TeX → MathML at build time, so no script renders math;
- :func:`add_copy_text`: a ``pycon`` block copies as code without prompts or output.
"""

from __future__ import annotations

import html
import re

from bs4 import BeautifulSoup, Comment
from latex2mathml.converter import convert as tex_to_mathml

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


_NOTEBOOK_DEFAULT_ALT = "No description has been provided for this image"


def clean_notebook(page_html: str, download: str | None = None) -> str:
    """Make mkdocs-jupyter's page self-contained and light.

    nbconvert's template brings scripts that load MathJax and mermaid from a
    CDN, JupyterLab's whole stylesheet (about 570 KB) and its own copy button;
    the site renders math as MathML, styles the cells itself
    (docs/stylesheets/extra.css) and lets Material give each code cell the copy
    button of every other page. So: drop the template's scripts, styles and
    copy button; make code cells ordinary highlighted ``pre > code`` blocks;
    fold the exercises' solutions (:func:`fold_solutions`); render the
    Markdown cells' math; offer the ``download`` file under the title.

    >>> cell = '<div class="highlight-ipynb hl-python"><pre>x = 1</pre></div>'
    >>> clean_notebook('<style>big</style><script>cdn()</script>' + cell)
    '<div class="highlight-ipynb hl-python highlight"><pre><code>x = 1</code></pre></div>'
    """
    page = BeautifulSoup(page_html, "html.parser")
    for element in page.find_all(["style", "script"]):
        element.decompose()
    for comment in page.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for element in page.select("div.zeroclipboard-container, div.clipboard-copy-txt"):
        element.decompose()
    for block in page.select("div.highlight-ipynb"):
        block["class"] = [*block["class"], "highlight"]
        pre = block.find("pre")
        code = page.new_tag("code")
        code.extend(list(pre.contents))
        pre.append(code)
    for cell in page.select('[id^="cell-id="]'):
        # nbconvert's ids ("cell-id=ID") are no CSS selector; Material's copy
        # button finds its code by a selector made from the enclosing id.
        cell["id"] = cell["id"].replace("cell-id=", "cell-", 1)
    fold_solutions(page)
    for image in page.find_all("img", alt=_NOTEBOOK_DEFAULT_ALT):
        image["alt"] = "A plot drawn by the code cell above"
    for cell in page.select("div.jp-RenderedMarkdown"):
        rendered = BeautifulSoup(render_dollar_math(cell.decode_contents()), "html.parser")
        cell.clear()
        cell.extend(list(rendered.contents))
    title = page.find("h1")
    if download and title is not None:
        button = page.new_tag("a", attrs={"class": "md-button", "href": download})
        button["download"] = ""
        button.string = "Download this notebook"
        paragraph = page.new_tag("p")
        paragraph.append(button)
        title.insert_after(paragraph)
    return str(page).strip()


SOLUTION_TAG = "solution"


def fold_solutions(page: BeautifulSoup) -> None:
    """Fold each run of cells tagged "solution" into a ``<details>`` that the
    reader opens ("Solution to exercise N"), as JupyterLab folds them; the
    cells stay as they ran, with their outputs.

    >>> page = BeautifulSoup('<div class="jp-Notebook"><div class="jp-Cell">Q</div>'
    ...     '<div class="jp-Cell celltag_solution">A</div></div>', "html.parser")
    >>> fold_solutions(page)
    >>> print(page.select_one("details").decode_contents())
    <summary>Solution to exercise 1</summary><div class="jp-Cell celltag_solution">A</div>
    """
    tag = f"celltag_{SOLUTION_TAG}"
    groups: list[list] = []
    after_solution = False
    for cell in page.select(".jp-Notebook > .jp-Cell"):
        # Code cells carry the tag's class themselves, Markdown cells inside.
        is_solution = tag in cell.get("class", []) or cell.select_one(f".{tag}") is not None
        if is_solution and after_solution:
            groups[-1].append(cell)
        elif is_solution:
            groups.append([cell])
        after_solution = is_solution
    for number, group in enumerate(groups, start=1):
        details = page.new_tag("details", attrs={"class": "success"})
        summary = page.new_tag("summary")
        summary.string = f"Solution to exercise {number}"
        details.append(summary)
        group[0].insert_before(details)
        for cell in group:
            for toolbar in cell.select(".celltoolbar"):  # the tag's name, said by the summary
                toolbar.decompose()
            details.append(cell.extract())


def render_dollar_math(fragment: str) -> str:
    r"""Turn ``$...$`` and ``$$...$$`` math (as notebooks write it) into MathML.

    >>> render_dollar_math("so $\\eta$ is small").count("<math")
    1
    """

    def replace(match: re.Match) -> str:
        block, inline = match.groups()
        return _mathml(block, "block") if block is not None else _mathml(inline, "inline")

    return _NOTEBOOK_MATH.sub(replace, fragment)


_CODE_BLOCK = re.compile(
    r'<div class="language-(python|pycon) highlight">(<pre>.*?</pre>)</div>', re.DOTALL
)
_TAG = re.compile(r"<[^>]+>")
COPY_NOTE = (
    '<p class="gd-copy-note">The copy button gives this session together with the '
    "code block above it, so that it runs on its own.</p>"
)


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
    """Make each ``pycon`` session copy as code that runs alone.

    Its ``data-copy`` attribute, which Material's copy button uses instead of
    the visible text, holds the session's code without prompts and output,
    after the code of every ``python`` block above it on the page (the
    definitions the session uses); a note under the session says so.

    >>> page = ('<div class="language-python highlight"><pre>def f(): return 2</pre></div>'
    ...         '<div class="language-pycon highlight"><pre>&gt;&gt;&gt; f()</pre></div>')
    >>> print(add_copy_text(page).split("data-copy=")[1].split(">")[0])
    "def f(): return 2
    <BLANKLINE>
    f()"
    """
    definitions = []

    def replace(match: re.Match) -> str:
        language, pre = match.groups()
        text = html.unescape(_TAG.sub("", pre))
        if language == "python":
            definitions.append(text.strip("\n"))
            return match.group(0)
        code = "\n\n".join([*definitions, copy_text(text)])
        note = COPY_NOTE if definitions else ""
        copy = html.escape(code)
        return f'<div class="language-pycon highlight" data-copy="{copy}">{pre}</div>{note}'

    return _CODE_BLOCK.sub(replace, page_html)
