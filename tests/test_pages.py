import pytest

from gdlesson.facts import facts
from gdlesson.figures import figure_markdown
from gdlesson.pages import (
    add_copy_text,
    clean_notebook,
    copy_text,
    render_math,
)
from gdlesson.placeholders import fill_placeholders


def test_placeholders_are_filled_from_facts_and_figures():
    text = "{{ weights }} weights, {{figure network}} and {{  candidates  }}"
    out = fill_placeholders(text, facts(), {"network": "<network>"})
    assert out == "25 weights, <network> and 1,000"


def test_unknown_placeholder_fails():
    with pytest.raises(ValueError, match="unknown placeholder"):
        fill_placeholders("{{ weigths }}", facts())
    with pytest.raises(ValueError, match="unknown placeholder {{ figure nope }}"):
        fill_placeholders("{{ figure nope }}", facts(), {"network": "<network>"})


def test_every_fact_is_a_nonempty_string():
    assert facts() and all(isinstance(v, str) and v for v in facts().values())


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
    assert "<mo>&#x0003C;</mo>" in out and "&amp;" not in out


def test_dollar_math_leaves_prices_alone():
    out = render_math("rate $\\eta$ and $$\\frac{1}{L}$$", dollars=True)
    assert out.count("<math") == 2 and "$" not in out
    assert render_math("costs 5 dollars", dollars=True) == "costs 5 dollars"


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
        '<h1>T</h1><p><a class="md-button" download="" href="n.ipynb">'
    )


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
    assert '<div class="highlight-ipynb hl-python highlight"><pre><code><span class="n">x' in out
    assert "</code></pre>" in out
    assert 'id="cell-c1"' in out  # a valid CSS id selector, as Material's copy button needs
    assert 'alt="A plot drawn by the code cell above"' in out
