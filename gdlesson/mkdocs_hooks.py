"""The MkDocs adapter: the one module of gdlesson that knows about MkDocs.

Listed under ``hooks:`` in mkdocs.yml. It only connects MkDocs events to
gdlesson: figures are rendered into the build (never into docs/), and pages
get their computed numbers, MathML and copyable code.
"""

from __future__ import annotations

from mkdocs.structure.files import File

from gdlesson.facts import facts
from gdlesson.figures import FIGURES, output_name, render_all
from gdlesson.pages import (
    add_copy_text,
    figure_markdown,
    fill_placeholders,
    clean_notebook,
    render_math,
)

FIGURE_DIR = "figures"
_SPECS = {spec.name: spec for spec in FIGURES}


def on_files(files, config):
    """Add every figure, both palettes, as a file generated in memory."""
    for name, content in render_all().items():
        files.append(File.generated(config, f"{FIGURE_DIR}/{name}", content=content))
    return files


def _figure(name: str) -> str:
    if name not in _SPECS:
        raise ValueError(f"unknown figure {name!r}; known: {', '.join(_SPECS)}")
    spec = _SPECS[name]
    light, dark = (f"{FIGURE_DIR}/{output_name(spec, p)}" for p in ("light", "dark"))
    return figure_markdown(spec.alt, light, dark)


def on_page_markdown(markdown, page, config, files):
    return fill_placeholders(markdown, facts(), _figure)


def on_page_content(html, page, config, files):
    if page.file.src_uri.endswith(".ipynb"):
        # mkdocs-jupyter (include_source) copies the notebook beside its page.
        html = clean_notebook(html, download=page.file.src_uri.rsplit("/", 1)[-1])
    return add_copy_text(render_math(html))
