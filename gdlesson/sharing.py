"""What the site gives to those who share, print or reuse it: the card image of
its pages' sharing tags, the icon's place, ``robots.txt``, the Colab address of
the notebook and the one page that holds the whole lesson, to print.

>>> colab_url("https://github.com/someone/gdlesson", "try-it/try-it.ipynb")
'https://colab.research.google.com/github/someone/gdlesson/blob/gh-pages/try-it/try-it.ipynb'
>>> colab_url(None, "try-it/try-it.ipynb") is None
True
>>> print(robots_txt("https://someone.github.io/gdlesson/").decode())
User-agent: *
Allow: /
Sitemap: https://someone.github.io/gdlesson/sitemap.xml
<BLANKLINE>
"""

from __future__ import annotations

import re
import sys
from urllib.parse import urlsplit

#: The figure (a name of gdlesson.figures.FIGURES) whose light file is the image
#: shown when a page is shared: the cost's surface over two weights.
CARD_FIGURE = "surface-3d"
#: The icon, drawn by gdlesson.icon, in the site.
ICON = "assets/icon.svg"
#: The page that holds the whole lesson, to print (made by the build, not in the nav).
HANDOUT = "handout.md"
#: Where a page's source is edited on GitHub, from the repository's address
#: (MkDocs would say branch master).
EDIT_URI = "edit/main/docs/"
#: The notebook page is made from the workbook's cells: its edit link goes there.
WORKBOOK_EDIT = "edit/main/gdlesson/reader/try_it.py"
#: The branch where the built site, and so the executed notebook, is published
#: (``mkdocs gh-deploy`` pushes site/ there), which Colab opens from GitHub.
NOTEBOOK_BRANCH = "gh-pages"
#: The notebook page's description (a notebook has no front matter).
NOTEBOOK_DESCRIPTION = (
    "The lesson's workbook: descend the houses' cost yourself in a notebook that needs"
    " only NumPy and Matplotlib, with exercises and folded solutions."
)
_GITHUB = re.compile(r"https://github\.com/([\w.-]+)/([\w.-]+?)(?:\.git)?/?")


def colab_url(repo_url: str | None, path: str) -> str | None:
    """The address that opens the notebook at ``path`` in the published site in
    Google Colab, or None without a GitHub ``repo_url``."""
    match = _GITHUB.fullmatch(repo_url or "")
    if match is None:
        return None
    owner, name = match.groups()
    return f"https://colab.research.google.com/github/{owner}/{name}/blob/{NOTEBOOK_BRANCH}/{path}"


def robots_txt(site_url: str) -> bytes:
    """Every page may be crawled; the sitemap is at ``site_url``."""
    return f"User-agent: *\nAllow: /\nSitemap: {site_url}sitemap.xml\n".encode()


def handout_markdown() -> str:
    """The handout's source: its title and a word on how to print it; the build
    puts every page of the lesson after it (:func:`gdlesson.shaping.handout_html`)."""
    return """---
title: The whole lesson, to print
description: >-
  Every page of the lesson on one page, answers open, to print or save as a PDF.
robots: noindex
search:
  exclude: true
hide:
  - navigation
  - toc
---

# The whole lesson, to print

Every page of the lesson follows, in order, with every answer open and every
figure in the light palette. Print this page, or save it as a PDF, from your
browser's print dialog (`scripts/pdf` in the repository makes the PDF).
"""


def publish_url_error(site_url: str) -> str | None:
    """Why ``site_url`` cannot be the address a site is published at, or None.

    >>> publish_url_error("https://someone.github.io/gdlesson/") is None
    True
    >>> publish_url_error("http://127.0.0.1:8000/")
    'SITE_URL must be the https address the site is published at, got http://127.0.0.1:8000/'
    >>> publish_url_error("")
    'SITE_URL is not set: give the https address the site is published at'
    >>> publish_url_error("https://someone.github.io/gdlesson")
    'SITE_URL must end with "/", got https://someone.github.io/gdlesson'
    """
    if not site_url:
        return "SITE_URL is not set: give the https address the site is published at"
    parts = urlsplit(site_url)
    host = parts.hostname or ""
    local = host in ("localhost", "127.0.0.1", "0.0.0.0", "::1") or host.endswith(".local")
    if parts.scheme != "https" or "." not in host or local or parts.query or parts.fragment:
        return f"SITE_URL must be the https address the site is published at, got {site_url}"
    if not parts.path.endswith("/"):
        return f'SITE_URL must end with "/", got {site_url}'
    return None


if __name__ == "__main__":  # scripts/build --publish
    error = publish_url_error(sys.argv[1] if len(sys.argv) > 1 else "")
    if error:
        print(f"build --publish: {error}", file=sys.stderr)
        sys.exit(1)
