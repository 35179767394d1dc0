"""What the site does to its built pages, in plain functions (no MkDocs): math
as MathML, sessions that copy as code that runs alone, the notebook page shaped.
"""

from __future__ import annotations

import html
import re
from itertools import groupby

from bs4 import BeautifulSoup, Comment
from latex2mathml.converter import convert as tex_to_mathml

from gdlesson.notebook import SOLUTION_TAG

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


def _mathml(match: re.Match) -> str:
    display = "inline" if match["block"] is None else "block"
    return tex_to_mathml(html.unescape(match[display]).strip(), display=display)


def render_math(page_html: str, dollars: bool = False) -> str:
    r"""Turn the math that Markdown left as TeX into MathML: arithmatex's, or
    with ``dollars`` the ``$...$`` and ``$$...$$`` that notebooks write.

    >>> print(render_math('<span class="arithmatex">\\(x^2\\)</span>'))
    <math ... display="inline"><mrow><msup><mi>x</mi><mn>2</mn></msup></mrow></math>
    >>> render_math("so $\\eta$ is small", dollars=True).count("<math")
    1
    """
    return (_DOLLARS if dollars else _ARITHMATEX).sub(_mathml, page_html)


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


def clean_notebook(page_html: str, download: str | None = None) -> str:
    """Make mkdocs-jupyter's page self-contained and light: drop nbconvert's
    scripts (MathJax and mermaid from a CDN), JupyterLab's stylesheet (570 KB)
    and copy button; make code cells ``pre > code`` blocks, which Material gives
    its copy button; math as MathML; fold the solutions; offer the ``download``.

    >>> cell = '<div class="highlight-ipynb hl-python"><pre>x = 1</pre></div>'
    >>> clean_notebook('<style>big</style><script>cdn()</script>' + cell)
    '<div class="highlight-ipynb hl-python highlight"><pre><code>x = 1</code></pre></div>'
    """
    page = BeautifulSoup(page_html, "html.parser")
    # The cells' tags go too: the solutions' summaries say what they are.
    junk = "style, script, div.zeroclipboard-container, div.clipboard-copy-txt, div.celltoolbar"
    for element in [*page.select(junk), *page.find_all(string=lambda s: type(s) is Comment)]:
        element.extract()
    for block in page.select("div.highlight-ipynb"):
        block["class"] = [*block["class"], "highlight"]
        code = page.new_tag("code")
        code.extend(list(block.pre.contents))
        block.pre.append(code)
    for cell in page.select('[id^="cell-id="]'):  # Material's copy button needs CSS-safe ids
        cell["id"] = cell["id"].replace("cell-id=", "cell-", 1)
    fold_solutions(page)
    for image in page.find_all("img", alt="No description has been provided for this image"):
        image["alt"] = "A plot drawn by the code cell above"
    for cell in page.select("div.jp-RenderedMarkdown"):
        cell.replace_with(BeautifulSoup(render_math(str(cell), dollars=True), "html.parser"))
    if download and page.h1 is not None:
        button = f'<p><a class="md-button" href="{html.escape(download)}" download>'
        page.h1.insert_after(
            BeautifulSoup(f"{button}Download this notebook</a></p>", "html.parser")
        )
    return str(page).strip()


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
