import functools
import json
import re
from math import isfinite

import pytest

from gdlesson.facts import facts
from gdlesson.figures import figure_markdown
from gdlesson.placeholders import fill_placeholders, formatted
from gdlesson.shaping import (
    add_copy_text,
    add_scroll_boxes,
    check_typesetting,
    clean_notebook,
    copy_text,
    full_size_html,
    render_math,
    typesetting_errors,
)
from tests.conftest import DOCS


def test_placeholders_are_filled_from_facts_and_figures():
    text = "{{ weights }} weights, {{figure network}} and {{  candidates:,  }} ({{ candidates }})"
    out = fill_placeholders(text, facts(), {"network": "<network>"})
    assert out == "25 weights, <network> and 1,000 (1000)"


def test_unknown_placeholder_fails():
    with pytest.raises(ValueError, match="unknown placeholder"):
        fill_placeholders("{{ weigths }}", facts())
    with pytest.raises(ValueError, match="unknown placeholder {{ figure nope }}"):
        fill_placeholders("{{ figure nope }}", facts(), {"network": "<network>"})


def test_every_fact_is_text_or_numbers_that_travel_as_json_unchanged():
    """The manifest carries the facts to the build as JSON: a tuple would come back a
    list, a NumPy float fail; so a fact is text, a number or a list of numbers."""
    values = facts()
    assert values and json.loads(json.dumps(values)) == values
    for name, value in values.items():
        numbers = value if isinstance(value, list) else [value]
        if isinstance(value, str):
            assert value, name
        else:
            assert all(type(v) in (int, float) and isfinite(v) for v in numbers), name


def test_arithmatex_output_becomes_mathml():
    html = (
        '<p>Cost <span class="arithmatex">\\(C = \\tfrac{1}{2}(\\hat y - y)^2\\)</span></p>'
        '<div class="arithmatex">\\[w \\leftarrow w - \\eta \\frac{dC}{dw}\\]</div>'
    )
    out = render_math(html)
    assert "arithmatex" not in out and "\\(" not in out and "\\[" not in out
    assert out.count('display="inline"') == 1 and out.count('display="block"') == 1
    assert "<mfrac>" in out


def test_escaped_tex_is_unescaped_before_conversion():
    out = render_math('<span class="arithmatex">\\(a &lt; b\\)</span>')
    assert "<mo>&lt;</mo>" in out and "&amp;" not in out


def test_dollar_math_leaves_prices_alone():
    out = render_math("rate $\\eta$ and $$\\frac{1}{L}$$", dollars=True)
    assert out.count("<math") == 2 and "$" not in out
    assert render_math("costs 5 dollars", dollars=True) == "costs 5 dollars"


def math(tex: str) -> str:
    """The MathML of inline ``tex``, as a page gets it, without the <math> element."""
    out = render_math(f'<span class="arithmatex">\\({tex}\\)</span>')
    return out.split('display="inline">', 1)[1].removesuffix("</math>")


@pytest.mark.parametrize(
    ("tex", "mathml"),
    [
        ("1{,}000", "<mn>1,000</mn>"),
        ("31{,}536{,}000", "<mn>31,536,000</mn>"),
        ("31,536,000", "<mn>31,536,000</mn>"),  # a fact written for the prose, put in math
        ("1{,}000^{25}", "<msup><mn>1,000</mn>"),
        ("1{,}000.5", "<mn>1,000.5</mn>"),
        ("3.41 \\times 10^{79}", "<mn>3.41</mn><mo>×</mo><msup><mn>10</mn>"),
    ],
)
def test_a_number_is_one_number(tex, mathml):
    assert mathml in math(tex)
    assert typesetting_errors(math(tex)) == []


def test_a_comma_that_is_no_thousands_separator_stays_a_comma():
    assert math("(x, y)").count("<mo>,</mo>") == 1
    assert "<mn>0</mn><mo>,</mo><mn>5</mn>" in math("(0,5)")
    assert "<mn>0</mn><mo>,</mo><mn>100</mn>" in math("(0,100)")  # no number starts 0,


@pytest.mark.parametrize(
    ("tex", "mathml"),
    [
        ("w_1'", "<msub><mrow><mi>w</mi><mi>′</mi></mrow><mn>1</mn></msub>"),
        ("w'_2", "<msub><mrow><mi>w</mi><mi>′</mi></mrow><mn>2</mn></msub>"),
        ("f'(x)", '<mrow><mi>f</mi><mi>′</mi></mrow><mo stretchy="false">(</mo>'),
        ("f''", "<mrow><mi>f</mi><mi>″</mi></mrow>"),
    ],
)
def test_a_prime_is_set_once_beside_its_letter(tex, mathml):
    assert mathml in math(tex)
    assert "msup" not in math(tex)


@pytest.mark.parametrize(
    ("tex", "prefix", "binary"),
    [
        ("\\tanh(-x) = -\\tanh(x)", 2, 0),
        ("w = -0.170", 1, 0),
        ("-x + 1", 1, 1),
        ("a - b", 0, 1),
        ("(a) - b", 0, 1),
        ("10^{-3}", 1, 0),
        ("e^{-(w + 1.5)^2} - 0.9", 1, 2),
        ("x = -1, -2", 2, 0),
    ],
)
def test_a_sign_with_nothing_before_it_is_a_prefix(tex, prefix, binary):
    out = math(tex)
    assert out.count('<mo form="prefix">−</mo>') == prefix
    assert out.count("<mo>−</mo>") + out.count("<mo>+</mo>") == binary


def test_a_displayed_formula_scrolls_in_a_box_the_keyboard_reaches():
    out = render_math('<div class="arithmatex">\\[x = 1\\]</div>')
    assert out.startswith('<span class="gd-scroll gd-math" tabindex="0"><math ')
    assert 'display="block"' in out and out.endswith("</math></span>")
    notebook = render_math("<p>$$x = 1$$</p>", dollars=True)
    assert notebook.startswith('<p><span class="gd-scroll gd-math" tabindex="0"><math ')


def test_tables_and_code_scroll_in_boxes_the_keyboard_reaches():
    page = (
        "<table>\n<tr><td>a</td></tr>\n</table><p>x</p><table><tr><td>b</td></tr></table>"
        '<div class="language-python highlight"><pre><span></span><code>x = 1</code></pre></div>'
        "<pre><code>y = 2</code></pre>"
    )
    out = add_scroll_boxes(page)
    assert out.count('<div class="gd-scroll gd-table" tabindex="0"><table>') == 2
    assert out.count("</table></div>") == 2
    assert out.count('<code tabindex="0">') == 2


def test_the_notebook_outputs_are_reached_by_the_keyboard_each_line_a_span():
    """Each printed line a span of its own, which the CSS wraps with a hanging indent."""
    output = '<div class="jp-RenderedText" tabindex="0"><pre>a long line\nb &lt;\n</pre></div>'
    assert clean_notebook(output) == (
        '<div class="jp-RenderedText"><pre tabindex="0">'
        "<span>a long line</span><span>b &lt;</span></pre></div>"
    )


@pytest.mark.parametrize(
    ("page", "found"),
    [
        ("<math><mn>1</mn><mo>,</mo><mn>000</mn></math>", "a number split as a list"),
        ("<mn>3</mn><mo>&#x0002C;</mo><mn>840</mn>", "3{,}840"),
        ("<mn>1</mn><mrow><mo>,</mo></mrow><msup><mn>000</mn>", "a number split"),
        ("<mn>31</mn><mo>,</mo><mn>536</mn><mo>,</mo><mn>000</mn>", "31{,}536{,}000"),
        ('<img alt="the rate 1/\\(\\lambda\\)" src="x.svg">', "TeX in an alt text"),
        ('<img src="x.svg" alt="w_{1} and w_{2}">', "TeX in an alt text"),
        ("<figcaption><b>Figure 7.</b> above 1/λ_max = 0.0952</figcaption>", "TeX in a caption"),
        ("<figcaption>Figure 1. costs $x^2$</figcaption>", "TeX in a caption"),
        ("<figcaption>Figure 1. x^{2}</figcaption>", "TeX in a caption"),
    ],
)
def test_a_split_number_or_tex_in_a_caption_or_alt_text_is_found(page, found):
    with pytest.raises(ValueError, match="^recap.md: ") as error:
        check_typesetting(page, "recap.md")
    assert found in str(error.value)


def test_plain_unicode_captions_and_whole_numbers_pass():
    page = (
        '<figure><img alt="above 1/λₘₐₓ = 0.0952, w₁ and w₂, 10⁷⁵" src="a.svg">'
        "<figcaption>Figure 7. η = 0.17 costs 1,000 × 3.41×10⁵⁰</figcaption></figure>"
        "<math><mn>1,000</mn><mo>,</mo><mn>2</mn><mo>,</mo><mn>12</mn></math>"
    )
    check_typesetting(page, "recap.md")


def test_copy_text_drops_prompts_and_output():
    session = ">>> import numpy as np\n>>> def f(x):\n...     return x\n...\n>>> print(f(2))\n2\n"
    assert copy_text(session) == "import numpy as np\ndef f(x):\n    return x\n\nprint(f(2))"


def test_pycon_blocks_get_a_data_copy_attribute():
    html = (
        '<div class="language-pycon highlight"><pre><span></span><code>'
        '<span class="gp">&gt;&gt;&gt; </span><span class="nb">print</span>'
        '<span class="p">(</span><span class="s2">&quot;a &lt; b&quot;</span>)\n'
        '<span class="go">a &lt; b</span>\n</code></pre></div>'
    )
    out = add_copy_text(html)
    assert 'data-copy="print(&quot;a &lt; b&quot;)"' in out


FIGURE = {"number": 2, "alt": "A curve", "caption": "Look at the dip.", "width": 672, "height": 346}


def test_figure_markdown_rejects_alt_that_breaks_markdown():
    with pytest.raises(ValueError, match="alt"):
        figure_markdown(FIGURE | {"alt": "a [b]"}, "l.svg", "d.svg")


@pytest.mark.parametrize(
    "bad",
    [{"caption": ""}, {"caption": "two\nlines"}, {"width": 0}, {"height": 34.6}, {"number": True}],
)
def test_figure_markdown_rejects_what_cannot_be_shown(bad):
    [key] = bad
    with pytest.raises(ValueError, match=key):
        figure_markdown(FIGURE | bad, "l.svg", "d.svg")


def test_figure_markdown_makes_each_image_a_link_to_its_full_size_page():
    out = figure_markdown(FIGURE, "figures/l.svg", "figures/d.svg")
    assert "[![A curve](figures/l.svg#only-light){ " in out
    assert "}](figures/l.html){ .gd-figure__open " in out
    assert "[![A curve](figures/d.svg#only-dark){ " in out
    assert "}](figures/d.html){ .gd-figure__open " in out


def test_a_figure_full_size_page_shows_its_file_at_its_size_in_its_palette():
    figure = FIGURE | {"alt": 'A "curve"', "caption": "Look at a < b."}
    view = {"file": "l.svg", "scheme": "light", "background": "#ffffff", "text": "#1f2328"}
    page = full_size_html(figure, view, "Gradient <descent>")
    assert '<img src="l.svg" alt="A &quot;curve&quot;" width="672" height="346">' in page
    assert "<p>Look at a &lt; b.</p>" in page and "<h1>Figure 2</h1>" in page
    assert "<title>Figure 2, full size - Gradient &lt;descent&gt;</title>" in page
    assert "background: #ffffff" in page and "color: #1f2328" in page
    assert 'content="width=device-width, initial-scale=1"' in page  # not a 980 px desktop
    assert "<script" not in page and "http" not in page


def test_figure_markdown_escapes_the_caption():
    out = figure_markdown(FIGURE | {"caption": "Look: a < b & c"}, "l.svg", "d.svg")
    assert "Figure 2.</span> Look: a &lt; b &amp; c</figcaption>" in out


def test_notebook_cleanup_removes_cdn_scripts_and_renders_cell_math():
    page = (
        '<!-- Load mathjax -->\n<script src=""> </script>\n<script type="text/x-mathjax-config">'
        "inlineMath: [ ['$','$'] ]</script>\n<!-- End of mathjax configuration -->"
        '<script type="module">\n const m = await import("https://cdn.example/mermaid.mjs");'
        "\n</script>"
        '<div class="jp-RenderedHTMLCommon jp-RenderedMarkdown" data-mime-type="text/markdown">'
        "<p>rate $\\eta$</p></div>"
        '<div class="jp-OutputArea-output"><pre>costs $5 and $6</pre></div>'
    )
    out = clean_notebook(page)
    assert "mathjax" not in out.lower() and "cdn.example" not in out and "<script" not in out
    assert out.count("<math") == 1
    assert "costs $5 and $6" in out
    assert clean_notebook("<h1>T</h1><p>x</p>", download="n.ipynb").startswith(
        '<h1>T</h1><p class="gd-notebook-actions"><a class="md-button" download="" href="n.ipynb">'
    )
    with_colab = clean_notebook("<h1>T</h1>", download="n.ipynb", colab="https://colab.example/n")
    assert '<a class="md-button" href="https://colab.example/n">Open in Colab</a>' in with_colab
    assert "Colab" not in clean_notebook("<h1>T</h1>", download="n.ipynb")


def test_notebook_cleanup_drops_inlined_styles_and_gives_code_cells_material_copy():
    cell = (
        '<div class="jp-Cell jp-CodeCell" id="cell-id=c1">'
        '<div class="zeroclipboard-container">\n<clipboard-copy for="cell-1">'
        "<div>icon</div>\n</clipboard-copy>\n</div>\n"
        '<div class="highlight-ipynb hl-python"><pre><span class="n">x</span> = 1\n</pre></div>'
        '<div class="clipboard-copy-txt" id="cell-1">x = 1</div></div>'
        '<div class="jp-RenderedImage"><img alt="No description has been provided for this '
        'image" src="data:image/png;base64,AAAA"/></div>'
    )
    page = (
        '<style type="text/css">\n.jupyter-wrapper{--md-red-50: #ffebee}\n</style>\n'
        "<script>\n(function (global, factory) { /* ClipboardCopyElement */ }));\n</script>\n"
        "<script>\n      document.addEventListener('clipboard-copy', function(event) {})\n"
        "</script>\n<style>\n  .jp-Mermaid { display: none; }\n</style>\n" + cell
    )
    out = clean_notebook(page)
    for gone in ("<style", "<script", "clipboard-copy", "zeroclipboard", "No description"):
        assert gone not in out, gone
    assert '<div class="highlight-ipynb hl-python highlight"><pre><code>x = 1' in out
    assert "</code></pre>" in out
    assert 'id="cell-c1"' in out  # a valid CSS id selector, as Material's copy button needs
    assert 'alt="A plot drawn by the code cell above"' in out


TYPED = {
    # Inserting a page renumbers the ones after it: a page is named by its title.
    "a page named by its number": re.compile(r"\bpages? \d+\b", re.I),
    # The houses come from gdlesson.costs: their count is {{ houses_in_words }}.
    "a typed count of houses": re.compile(
        r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) houses\b", re.I
    ),
}


@pytest.mark.parametrize("source", sorted(p.name for p in DOCS.glob("*.md")))
def test_no_page_types_what_goes_stale_when_the_lesson_changes(source):
    text = (DOCS / source).read_text(encoding="utf-8")
    found = {what: rule.findall(text) for what, rule in TYPED.items()}
    assert {what: hits for what, hits in found.items() if hits} == {}


#: What is not prose: fenced and inline code, math, placeholders, links' addresses
#: and comments; a number may stand there without a placeholder.
NOT_PROSE = re.compile(
    r"^ *```.*?^ *```|\{\{.*?\}\}|\\\(.*?\\\)|\\\[.*?\\\]|`[^`]*`|<!--.*?-->|\]\([^)]*\)",
    re.MULTILINE | re.DOTALL,
)


def computed_numbers() -> dict[str, str]:
    """Each number a fact prints that is worth a placeholder, with a fact that prints
    it: two significant digits or more (``0.05``, ``81``, ``1,000``), not the ``0``,
    ``1`` and ``−1`` that the regimes' definitions type."""
    numbers = {}
    for name, value in facts().items():
        if isinstance(value, list):
            continue
        specs = [""] if isinstance(value, str) else ["", "," if isinstance(value, int) else "g"]
        for spec in specs:
            number = formatted(value, spec).strip().replace("\u2212", "-")
            digits = number.lstrip("-").replace(".", "").replace(",", "").lstrip("0")
            if re.fullmatch(r"-?\d[\d,]*(\.\d+)?", number) and len(digits) >= 2:
                numbers.setdefault(number, f"{name}:{spec}" if spec else name)
    return numbers


def typed_numbers(markdown: str, numbers: dict[str, str]) -> list[str]:
    """The computed numbers that ``markdown`` types in its prose, each with its fact."""
    prose = NOT_PROSE.sub(" ", markdown).replace("\u2212", "-")
    return [
        f"{number} (write {{{{ {name} }}}})"
        for number, name in numbers.items()
        if standing_alone(number).search(prose)
    ]


@functools.cache
def standing_alone(number: str) -> re.Pattern:
    """``number`` where it is not part of a longer number or word; compiled once (the
    pages ask for hundreds, more than ``re`` keeps)."""
    return re.compile(rf"(?<![\w.]){re.escape(number)}(?!\w|\.\d)")


def test_a_number_typed_where_its_placeholder_exists_is_found():
    numbers = {"81": "steps_1d", "0.05": "rate_1d"}
    assert typed_numbers("It took 81 steps at a rate of 0.05.", numbers) == [
        "81 (write {{ steps_1d }})",
        "0.05 (write {{ rate_1d }})",
    ]
    elsewhere = "{{ steps_1d }} steps, `descend(0.05)`, \\(\\eta = 0.05\\), 810 or 0.051\n"
    assert typed_numbers(elsewhere + "```python\nrate = 0.05\n```\n", numbers) == []


@pytest.mark.parametrize("source", sorted(p.name for p in DOCS.glob("*.md")))
def test_no_page_types_a_number_that_gdlesson_computes(source):
    """A number typed in prose goes stale when the data change; its fact does not."""
    markdown = (DOCS / source).read_text(encoding="utf-8")
    assert typed_numbers(markdown, computed_numbers()) == []
