"""What the site does to its built pages, in plain functions (no MkDocs): math
as MathML typeset as a mathematician would, boxes that scroll sideways on a
phone (and are reached with the keyboard), sessions that copy as code that runs
alone, the notebook page shaped, and the checks a built page must pass.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
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
    if display == "inline":
        return mathml
    # A formula wider than the column scrolls in its own box, reached by the keyboard.
    return f'<span class="gd-scroll gd-math" tabindex="0">{mathml}</span>'


def render_math(page_html: str, dollars: bool = False) -> str:
    r"""Turn the math that Markdown left as TeX into MathML (:func:`typeset`):
    arithmatex's, or with ``dollars`` the ``$...$`` and ``$$...$$`` that notebooks
    write. A displayed formula comes in a box that scrolls sideways if it must.

    >>> print(render_math('<span class="arithmatex">\\(x^2\\)</span>'))
    <math ... display="inline"><mrow><msup><mi>x</mi><mn>2</mn></msup></mrow></math>
    >>> render_math("so $\\eta$ is small", dollars=True).count("<math")
    1
    >>> print(render_math('<div class="arithmatex">\\[x\\]</div>'))
    <span class="gd-scroll gd-math" tabindex="0"><math ... display="block">...</math></span>
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
    for output in page.select("div.jp-RenderedText"):  # its <pre> is what scrolls sideways
        del output["tabindex"]
        for pre in output.find_all("pre"):
            pre["tabindex"] = "0"
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
