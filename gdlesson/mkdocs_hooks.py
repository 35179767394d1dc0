"""The MkDocs adapter: the one module of gdlesson that knows about MkDocs.

Listed under ``hooks:`` in mkdocs.yml. It only connects MkDocs events to
gdlesson: the lesson's numbers, figures and executed notebook come from
:mod:`gdlesson.buildcache` (made in worker processes, cached under .cache/,
never written into docs/), and pages get their numbers, MathML and copyable code.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from gdlesson.buildcache import LessonBuild
from gdlesson.pages import (
    add_copy_text,
    clean_notebook,
    render_math,
)
from gdlesson.placeholders import fill_placeholders

_build: LessonBuild | None = None


def on_config(config):
    global _build
    if _build is not None:
        _build.stop()
    _build = LessonBuild(Path(config.config_file_path).resolve().parent / ".cache" / "gdlesson")


def _notebook() -> str:
    return _build.manifest()["notebook"]["name"]


# Before mkdocs-jupyter's own on_files (priority 0), which claims the notebook.
@event_priority(50)
def on_files(files, config):
    """Add the figures and the notebook, made from gdlesson, as generated files."""
    for name in _build.figure_files():
        path = str(_build.path(name))
        files.append(File.generated(config, _figure_uri(name), abs_src_path=path))
    # The notebook is an ordinary file of another folder, the cache: mkdocs-jupyter
    # reads it from there (it does not take generated files).
    notebook = _notebook()
    folder = str(_build.path(notebook).parent)
    files.append(File(notebook, folder, config.site_dir, config.use_directory_urls))
    # The notebook page is read last, so the other pages are read while it runs.
    notebooks = [f for f in files if f.src_uri.endswith(".ipynb")]
    for file in notebooks:
        files.remove(file)
        files.append(file)
    return files


# Before mkdocs-jupyter's on_pre_page, which reads the notebook.
@event_priority(50)
def on_pre_page(page, config, files):
    if page.file.src_uri == _notebook():
        _build.wait(_notebook())
    return page


def _figure_uri(name: str) -> str:
    return f"{_build.manifest()['folder']}/{name}"


def _figure(name: str) -> str:
    """The Markdown that shows figure ``name`` (gdlesson.figures.description)."""
    specs = _build.manifest()["figures"]
    if name not in specs:
        raise ValueError(f"unknown figure {name!r}; known: {', '.join(specs)}")
    return specs[name]["markdown"]


def on_page_markdown(markdown, page, config, files):
    return fill_placeholders(markdown, _build.manifest()["facts"], _figure)


def on_page_content(html, page, config, files):
    if page.file.src_uri == _notebook():
        # mkdocs-jupyter (include_source) copies the notebook beside its page.
        html = clean_notebook(html, download=_notebook())
    return add_copy_text(render_math(html))


def on_env(env, config, files):
    # The pages' links to figures are checked by now; figures still being drawn
    # are copied when the build ends, so the pages are written meanwhile.
    for name in _build.figure_files():
        files.remove(files.get_file_from_path(_figure_uri(name)))
    return env


def on_post_build(config):
    _build.finish()
    for name in _build.figure_files():
        _copy(_build.path(name), Path(config.site_dir) / _figure_uri(name))


def _copy(source: Path, target: Path) -> None:
    """Copy into site/, which another build in this checkout may be emptying."""
    for attempt in range(3):
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
            return
        except FileNotFoundError:
            if attempt == 2:
                raise


def on_build_error(error):
    _build.stop()


def on_shutdown():
    _build.stop()
