"""The MkDocs adapter: the one module of gdlesson that knows about MkDocs.

Listed under ``hooks:`` in mkdocs.yml. It only connects MkDocs events to
gdlesson: the lesson's numbers and figures come from :mod:`gdlesson.buildcache`
(made in fresh processes, cached under .cache/, never written into docs/), and
pages get their computed numbers, MathML and copyable code.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from mkdocs.structure.files import File

from gdlesson.buildcache import LessonBuild
from gdlesson.pages import (
    add_copy_text,
    clean_notebook,
    figure_markdown,
    fill_placeholders,
    label_search_dialog,
    render_math,
)

FIGURE_DIR = "figures"
_build: LessonBuild | None = None
_notebooks: dict[str, Future] = {}


def on_config(config):
    global _build, _notebooks
    cache_dir = Path(config.config_file_path).resolve().parent / ".cache" / "gdlesson"
    _build = LessonBuild(cache_dir)
    _notebooks = _prefetch_notebooks(config, gdlesson_changed=bool(_build.made))


def _prefetch_notebooks(config, gdlesson_changed: bool) -> dict[str, Future]:
    """Start executing each notebook now, into mkdocs-jupyter's own cache.

    The plugin would execute a notebook only when its page comes up, after
    every other page; its kernel start alone is longer than a bare build.
    Started here, it runs while the figures are made and the pages rendered,
    and the plugin then finds the result in its cache (same key, same entry,
    the same page as its own execution would give).

    The plugin's cache key covers the notebook and the plugin's options, not
    the code the notebook imports: a notebook that uses gdlesson is executed
    again whenever gdlesson changed. An entry that is not whole is made again.
    """
    plugin = config.plugins.get("mkdocs-jupyter")
    if plugin is None or not plugin.config["cache"] or plugin.config["execute_ignore"]:
        return {}
    from mkdocs_jupyter import convert
    from mkdocs_jupyter import plugin as jupyter

    options = plugin.config
    pool = ThreadPoolExecutor(max_workers=1)
    futures = {}
    for pattern in options["include"]:
        for path in sorted(Path(config.docs_dir).glob(pattern)):
            key = jupyter._compute_cache_key(str(path), options, options["execute"])
            cache_path = jupyter._get_cache_path(options["cache_dir"], key)
            stale = gdlesson_changed and "gdlesson" in path.read_text(encoding="utf-8")
            if stale or not _whole_entry(cache_path):
                cache_path.unlink(missing_ok=True)
            if cache_path.exists():
                continue

            def execute(path=path, cache_path=cache_path):
                with tempfile.TemporaryDirectory(prefix="gdlesson-notebook-") as tmp:
                    source = _run(path, options, Path(tmp)) if options["execute"] else path
                    body = convert.nb2html(
                        str(source),
                        execute=False,
                        kernel_name=options["kernel_name"],
                        theme=options["theme"],
                        allow_errors=options["allow_errors"],
                        show_input=options["show_input"],
                        no_input=options["no_input"],
                        no_prompt=options["no_prompt"],
                        remove_tag_config=options["remove_tag_config"],
                        highlight_extra_classes=options["highlight_extra_classes"],
                        include_requirejs=options["include_requirejs"],
                        custom_mathjax_url=options["custom_mathjax_url"],
                    )
                toc_tokens, title = jupyter._get_nb_toc_tokens(str(path), options["toc_depth"])
                entry = {"content": body, "toc_tokens": toc_tokens, "title": title}
                cache_path.parent.mkdir(parents=True, exist_ok=True)
                partial = cache_path.with_name(f".{cache_path.name}.{os.getpid()}.partial")
                partial.write_text(json.dumps(entry), encoding="utf-8")
                os.replace(partial, cache_path)

            futures[path.relative_to(config.docs_dir).as_posix()] = pool.submit(execute)
    pool.shutdown(wait=False)
    return futures


def _whole_entry(cache_path: Path) -> bool:
    """Whether a cache entry of mkdocs-jupyter is whole (the plugin would serve a
    truncated one, or fail on it): JSON holding a page."""
    try:
        entry = json.loads(cache_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(entry, dict) and {"content", "toc_tokens", "title"} <= entry.keys()


def _run(path: Path, options, out_dir: Path) -> Path:
    """Execute the notebook at ``path`` as the plugin would; return the executed copy.

    Run here rather than by the plugin so that the kernel is stopped at once
    when the last cell is done (the plugin waits for it to shut down) and
    keeps no input history: the page is the same, the build shorter.
    """
    import nbformat
    from nbclient import NotebookClient

    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        kernel_name=options["kernel_name"],
        allow_errors=options["allow_errors"],
        resources={"metadata": {"path": str(path.parent)}},
        shutdown_kernel="immediate",
        extra_arguments=["--HistoryManager.enabled=False"],
    )
    client.execute()
    executed = out_dir / path.name
    nbformat.write(notebook, executed)
    return executed


def on_pre_page(page, config, files):
    # A notebook being executed: wait for it, and fail here if a cell failed.
    if page.file.src_uri in _notebooks:
        _notebooks[page.file.src_uri].result()
    return page


def on_files(files, config):
    """List every figure, both palettes, so that pages may link to them."""
    for name, path in _build.figure_files().items():
        files.append(File.generated(config, f"{FIGURE_DIR}/{name}", abs_src_path=str(path)))
    # Pages are read in this order: notebook pages go last, so that the other
    # pages are read while a notebook runs (always last: the same order, the
    # same search index, whether it runs or comes from the cache).
    notebooks = [f for f in files if f.is_documentation_page() and f.src_uri.endswith(".ipynb")]
    for notebook in notebooks:
        files.remove(notebook)
        files.append(notebook)
    return files


def _figure(name: str) -> str:
    specs = _build.manifest()["figures"]
    if name not in specs:
        raise ValueError(f"unknown figure {name!r}; known: {', '.join(specs)}")
    light, dark = (f"{FIGURE_DIR}/{name}-{p}.{specs[name]['format']}" for p in LessonBuild.PALETTES)
    return figure_markdown(specs[name], light, dark)


def on_page_markdown(markdown, page, config, files):
    return fill_placeholders(markdown, _build.manifest()["facts"], _figure)


def on_page_content(html, page, config, files):
    if page.file.src_uri.endswith(".ipynb"):
        # mkdocs-jupyter (include_source) copies the notebook beside its page.
        html = clean_notebook(html, download=page.file.src_uri.rsplit("/", 1)[-1])
    return add_copy_text(render_math(html))


def on_post_page(output, page, config):
    return label_search_dialog(output)


def on_env(env, config, files):
    # The pages are checked (their links to figures resolved); figures still
    # being drawn are copied at the end, so the pages are written meanwhile.
    for name in _build.figure_files():
        files.remove(files.get_file_from_path(f"{FIGURE_DIR}/{name}"))
    return env


def on_post_build(config):
    out = Path(config.site_dir) / FIGURE_DIR
    out.mkdir(parents=True, exist_ok=True)
    _build.wait()
    for name, path in _build.figure_files().items():
        shutil.copyfile(path, out / name)
    _build.evict_unused()
