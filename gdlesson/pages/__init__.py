"""The lesson's pages: one module each, beside its page of docs/.

``gdlesson/pages/many_valleys.py`` holds what ``docs/many-valleys.md`` shows and
says: the numbers it introduces (``facts()``), its figures (``FIGURES``), the
sentences it claims (``CLAIMS``) and the premises of its exercises
(``EXERCISE_CLAIMS``), each only if the page has some. A page that quotes
another's numbers imports that page's module; a page imports only pages before
it. The nav of ``mkdocs.yml`` is the one list of pages: :func:`modules` imports
the module of each page of the nav that has one, in the nav's order, which
numbers the figures.

>>> [source for source in nav_sources()][:3]
['index.md', 'recap.md', 'brute-force.md']
>>> module_name("many-valleys.md")
'many_valleys'
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path
from types import ModuleType

#: The site's configuration, whose nav lists the pages.
CONFIG = Path(__file__).resolve().parents[2] / "mkdocs.yml"
_ENTRY = re.compile(r"^\s+-\s+(?:.*:\s+)?([\w./-]+\.(?:md|ipynb))\s*$")


def nav_sources(config: Path = CONFIG) -> tuple[str, ...]:
    """The source file of each page of the nav of ``config``, in its order."""
    lines = config.read_text(encoding="utf-8").splitlines()
    sources = []
    for line in lines[lines.index("nav:") + 1 :]:
        if line.strip() and not line[0].isspace():
            break
        entry = _ENTRY.match(line)
        if entry:
            sources.append(entry[1])
    return tuple(sources)


def module_name(source: str) -> str:
    """The name of the module of the page made from ``source``."""
    return source.rsplit(".", 1)[0].replace("-", "_").replace("/", ".")


def modules() -> tuple[ModuleType, ...]:
    """The module of each page of the nav that has one, in the nav's order (each
    imported once, as any module; the nav read again, so an edit of it counts)."""
    here = Path(__file__).parent
    return tuple(
        importlib.import_module(f"{__name__}.{module_name(source)}")
        for source in nav_sources()
        if (here / f"{module_name(source).replace('.', '/')}.py").is_file()
    )
