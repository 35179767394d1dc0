"""The MkDocs adapter (``hooks:`` in mkdocs.yml), the one module of gdlesson that
imports MkDocs: entries from :mod:`gdlesson.buildcache`, transforms from :mod:`gdlesson.shaping`.
"""

from __future__ import annotations

import functools
import logging
import os
import shutil
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File

from gdlesson.buildcache import CacheError, LessonBuild
from gdlesson.builddate import source_date_epoch
from gdlesson.derived import DataError
from gdlesson.icon import icon_svg
from gdlesson.notebook import COLAB_NAME, colab_notebook
from gdlesson.placeholders import fill_placeholders
from gdlesson.shaping import (
    add_widget_assets,
    full_size_html,
    handout_frame,
    handout_html,
    handout_section,
    search_html,
    shaped_page,
)
from gdlesson.sharing import (
    CARD_FIGURE,
    EDIT_URI,
    HANDOUT,
    ICON,
    NOTEBOOK_DESCRIPTION,
    WORKBOOK_EDIT,
    colab_url,
    handout_markdown,
    publish_url_error,
    robots_txt,
)

_build: LessonBuild | None = None
#: The pages' slugs and the handout's folder (:func:`gdlesson.shaping.handout_frame`).
_handout: tuple | None = None
#: Set by scripts/serve: the status that asks it to start MkDocs again.
RESTART = os.environ.get("GDLESSON_SERVE_RESTART")
log = logging.getLogger("mkdocs.hooks.gdlesson")
DIRTY_REFUSED = "--dirty is not supported: pages that depend on an edit would not be rebuilt"
_command: str | None = None
_dirty = False


def on_startup(command, dirty):
    global _command, _dirty
    _command, _dirty = command, dirty


def _signature(path: str) -> tuple[int, int] | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size


def _loaded() -> dict[str, tuple[int, int] | None]:
    """gdlesson's modules imported by this process (this one too, which MkDocs
    imports by its path), each with its file's state."""
    paths = {__file__} | {
        module.__file__
        for name, module in list(sys.modules.items())
        if (name == "gdlesson" or name.startswith("gdlesson.")) and getattr(module, "__file__", "")
    }
    return {path: _signature(path) for path in paths}


_imported = _loaded()


def _check_not_stale() -> None:
    """``mkdocs serve`` builds again in this process, which cannot import its own
    modules afresh (the workers can, and do): if one changed, the pages would be
    shaped by the old code. Under scripts/serve, the process ends with the status
    that restarts it; otherwise the build fails saying so."""
    changed = [path for path, state in _loaded().items() if _imported.get(path, state) != state]
    if not changed:
        return
    names = ", ".join(str(Path(path).relative_to(Path(__file__).parent.parent)) for path in changed)
    if RESTART:
        log.warning(f"{names} changed: restarting, this process cannot reload it")
        logging.shutdown()
        os._exit(int(RESTART))
    raise PluginError(f"{names} changed: restart mkdocs serve, which cannot reload it")


def _one_line(hook):
    """A cache that cannot read or write, or data that make a choice or a claim wrong
    (a false claim, a rate out of its range: what the instructor changes), fail the
    build with their message alone, no traceback."""

    @functools.wraps(hook)
    def wrapped(*args, **kwargs):
        try:
            return hook(*args, **kwargs)
        except (CacheError, DataError) as error:
            raise PluginError(str(error)) from None

    return wrapped


@_one_line
def on_config(config):
    global _build
    # A deploy by hand publishes what it builds: not with the local server's address.
    error = publish_url_error(config.site_url) if _command == "gh-deploy" else None
    if error:
        raise PluginError(f"gh-deploy: {error}")
    if _dirty:  # it rebuilds only edited pages; an edit of gdlesson reaches them all
        raise PluginError(DIRTY_REFUSED)
    if _build is not None:
        _build.stop()
        _build = None
    _check_not_stale()
    try:  # MkDocs reads it later, for the sitemap, with int()
        source_date_epoch(os.environ.get("SOURCE_DATE_EPOCH"))
    except ValueError as error:
        raise PluginError(str(error)) from None
    _build = LessonBuild(Path(config.config_file_path).resolve().parent / ".cache" / "gdlesson")
    if config.repo_url and config.repo_name == "GitHub":
        config.edit_uri = EDIT_URI


@_one_line
def on_pre_build(config):
    # MkDocs empties site/ next: data that make a claim false or a fact uncomputable
    # stop the build here, site/ as it was. The manifest starts the figures and the
    # notebook; the claims, checked beside it, take about as long.
    _build.manifest()
    _build.wait("claims.txt")  # the claims entry of gdlesson/buildcache.py


def _notebook() -> str:
    return _build.manifest()["notebook"]["name"]


def _figures() -> dict[str, str]:
    return _build.manifest()["figure_files"]


@event_priority(50)  # before mkdocs-jupyter's (0), which takes the notebook
@_one_line
def on_files(files, config):
    for uri, name in _figures().items():
        files.append(File.generated(config, uri, abs_src_path=str(_build.folder / name)))
    # Each figure's page that shows it full size, where a tap on the figure goes.
    for figure in _build.manifest()["figures"].values():
        for view in figure["full_size"]:
            page = full_size_html(figure, view, config.site_name)
            files.append(File.generated(config, view["page"], content=page.encode("utf-8")))
    # A file of another folder, the cache, since mkdocs-jupyter takes no generated
    # file; the last page, so that the others are read while the notebook runs.
    files.append(File(_notebook(), str(_build.folder), config.site_dir, config.use_directory_urls))
    # The lesson's icon, robots.txt and the one page that holds it all, to print.
    files.append(File.generated(config, ICON, content=icon_svg().encode("utf-8")))
    files.append(File.generated(config, "robots.txt", content=robots_txt(config.site_url)))
    files.append(File.generated(config, HANDOUT, content=handout_markdown().encode("utf-8")))
    return files


@event_priority(50)  # before mkdocs-jupyter's, which reads the notebook
@_one_line
def on_pre_page(page, config, files):
    if page.file.src_uri == _notebook():
        _build.wait(_notebook())
    return page


@_one_line
def on_page_markdown(markdown, page, config, files):
    manifest = _build.manifest()
    figures = {name: spec["markdown"] for name, spec in manifest["figures"].items()}
    try:
        return fill_placeholders(markdown, manifest["facts"], figures)
    except ValueError as error:  # a typo in a page: its name and the placeholder
        raise PluginError(f"{page.file.src_uri}: {error}") from None


def on_nav(nav, config, files):
    global _handout
    _handout = handout_frame([p.url for p in nav.pages], files.get_file_from_path(HANDOUT).url)
    return nav


def _shaped_content(html, page, config, files):
    notebook = None
    if page.file.src_uri == _notebook():  # include_source puts the notebook beside its page
        notebook = (_notebook(), colab_url(config.repo_url, page.url + COLAB_NAME))
        page.meta.setdefault("description", NOTEBOOK_DESCRIPTION)
    try:
        return _build.remembered(shaped_page, html, page.file.src_uri, notebook)
    except ValueError as error:
        raise PluginError(str(error)) from None


@event_priority(-100)  # after every plugin's: the content as the page shows it
def _handout_section(html, page, config, files):
    # Each page's section of the handout is made as soon as its content is, while
    # the notebook still runs, not all at the end; the handout then reads them.
    if page.url in dict(_handout[0]) and page.file.src_uri != HANDOUT:
        _build.remembered(handout_section, page.title, page.url, html, *_handout)
    return html


on_page_content = CombinedEvent(_shaped_content, _handout_section)


@event_priority(100)  # before Material's search, which indexes page.content
def _search_view(context, page, config, nav):
    page.shown_content = page.content
    page.content = _build.remembered(search_html, page.content)
    return context


@event_priority(-100)  # after it: the page is written as it is shown
def _shown_view(context, page, config, nav):
    page.content = page.shown_content
    figure = _build.manifest()["figures"][CARD_FIGURE]
    light = figure["files"][0]
    context["gd_card"] = {"url": f"{config.site_url}figures/{light}"}
    if page.file.src_uri == _notebook() and page.edit_url:
        page.edit_url = f"{config.repo_url.rstrip('/')}/{WORKBOOK_EDIT}"
    if page.file.src_uri == HANDOUT:  # every other page's content is made by now
        lesson = [(p.title, p.url, getattr(p, "shown_content", p.content)) for p in nav.pages]
        kept = functools.partial(_build.remembered, handout_section)  # each page's, kept
        page.content += handout_html(lesson, page.url, shape=kept)
        page.edit_url = None  # made by the build: there is no file to edit
    return context


on_page_context = CombinedEvent(_search_view, _shown_view)


def on_post_page(output, page, config):
    return add_widget_assets(output, root="../" * page.url.count("/"))


def on_env(env, config, files):
    # Links to figures are checked by now; figures are copied when the build
    # ends, so that pages are written while they are drawn.
    for uri in _figures():
        files.remove(files.get_file_from_path(uri))
    return env


@_one_line
def on_post_build(config):
    _build.finish()
    # Colab's copy of the notebook, beside it, made from the one that ran.
    executed = (_build.folder / _notebook()).read_text(encoding="utf-8")
    colab = Path(config.site_dir) / _notebook().removesuffix(".ipynb") / COLAB_NAME
    colab.parent.mkdir(parents=True, exist_ok=True)
    colab.write_text(colab_notebook(executed), encoding="utf-8")
    for uri, name in _figures().items():
        target = Path(config.site_dir) / uri
        for attempt in range(3):  # another build in this checkout may be emptying site/
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(_build.folder / name, target)
                break
            except FileNotFoundError:
                if attempt == 2:
                    raise


def on_build_error(error=None):
    if _build is not None:  # None when the build failed before it began
        _build.stop()


on_shutdown = on_build_error
