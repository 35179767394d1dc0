"""What the site gives to those who share, print, search or reuse it, on a build
with ``repo_url`` and ``site_url`` set (as the workflow publishes it): each page's
own description and sharing tags with an image of the site, canonical URLs under
``site_url``, edit links, Colab, the licences, ``robots.txt``, the 404 page, the
search index without "¶" or answers, the handout and ``scripts/build --publish``."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from gdlesson.figures import FIGURES
from gdlesson.notebook import COLAB_NAME, NOTEBOOK_NAME, SOLUTION_TAG
from gdlesson.sharing import CARD_FIGURE
from tests.conftest import (
    ROOT,
    build_site,
    load_config,
    nav_sources,
    page_url,
    project_copy,
    project_env,
)

pytestmark = pytest.mark.build  # tests/kinds.py

SITE_URL = "https://someone.github.io/gdlesson/"
REPO_URL = "https://github.com/someone/gdlesson"
SOURCES = nav_sources()


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    """The site built as the workflow publishes it: ``SITE_URL`` and ``REPO_URL`` set."""
    dest = tmp_path_factory.mktemp("published")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("SITE_URL", SITE_URL)
        env.setenv("REPO_URL", REPO_URL)
        result = build_site(dest)
    assert result.returncode == 0, result.stderr
    assert "WARNING -" not in result.stderr, result.stderr
    return dest


def page(site: Path, source: str) -> BeautifulSoup:
    path = site / page_url(source) / "index.html"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def meta(page: BeautifulSoup, key: str) -> str | None:
    tag = page.find("meta", attrs={"property": key}) or page.find("meta", attrs={"name": key})
    return None if tag is None else tag["content"]


def test_every_page_has_its_own_description_tags_canonical_and_edit_link(published):
    site_description = load_config()["site_description"]
    descriptions = set()
    for source in SOURCES:
        built = page(published, source)
        description = meta(built, "description")
        assert description and description != site_description, source
        descriptions.add(description)
        url = SITE_URL + page_url(source)
        assert built.find("link", rel="canonical")["href"] == url
        assert meta(built, "og:description") == description
        # X's card reads the Open Graph tags: it needs only to be told the card's kind.
        assert meta(built, "twitter:card") == "summary_large_image"
        image = meta(built, "og:image")
        assert image.startswith(SITE_URL), source
        assert (published / image.removeprefix(SITE_URL)).is_file(), image
        assert f"/{CARD_FIGURE}-light." in image
        edit = built.find("a", rel="edit")["href"]
        if source == NOTEBOOK_NAME:  # the notebook is made from gdlesson/reader/try_it.py
            assert edit == f"{REPO_URL}/edit/main/gdlesson/reader/try_it.py"
        else:
            assert edit == f"{REPO_URL}/edit/main/docs/{source}"
        source_link = built.select_one("a.md-source")
        # Without data-md-component="source" Material's script fetches no star count.
        assert source_link["href"] == REPO_URL and not source_link.has_attr("data-md-component")
        assert built.find("link", rel="icon")["href"].endswith("assets/icon.svg")
    assert len(descriptions) == len(SOURCES)
    icon = (published / "assets" / "icon.svg").read_text(encoding="utf-8")
    assert icon.startswith("<svg") and icon.count("<circle") >= 3


def test_the_notebook_opens_in_colab_with_its_solutions_out_of_sight(published):
    built = page(published, NOTEBOOK_NAME)
    actions = built.select_one("p.gd-notebook-actions")
    links = {a.get_text(): a["href"] for a in actions.find_all("a")}
    folder = page_url(NOTEBOOK_NAME)
    assert links["Download this notebook"] == NOTEBOOK_NAME
    assert links["Open in Colab"] == (
        f"https://colab.research.google.com/github/someone/gdlesson/blob/gh-pages/{folder}{COLAB_NAME}"
    )
    colab = json.loads((published / folder / COLAB_NAME).read_text(encoding="utf-8"))
    first = colab["cells"][0] if colab["cells"][0]["cell_type"] == "code" else None
    first = first or next(c for c in colab["cells"] if c["cell_type"] == "code")
    imports = re.findall(r"^(?:import|from) (\w+)", "".join(first["source"]), re.M)
    assert set(imports) <= {"numpy", "matplotlib"}, imports
    headings = {c["metadata"].get("id") for c in colab["cells"] if c["cell_type"] == "markdown"}
    collapsed = colab["metadata"]["colab"]["collapsed_sections"]
    assert collapsed and set(collapsed) <= headings
    solutions = [c for c in colab["cells"] if SOLUTION_TAG in c["metadata"].get("tags", [])]
    code = [c for c in solutions if c["cell_type"] == "code"]
    assert code and all(c["metadata"]["cellView"] == "form" for c in code)
    assert all(c["outputs"] == [] and c["source"].startswith("#@title ") for c in code)
    others = [c for c in colab["cells"] if c["cell_type"] == "code" and c not in solutions]
    assert all(c["outputs"] for c in others if "print(" in "".join(c["source"]))


def test_licences_stand_at_the_top_and_in_the_footer(published):
    assert "MIT License" in (ROOT / "LICENSE").read_text(encoding="utf-8")
    content = (ROOT / "LICENSE-CONTENT").read_text(encoding="utf-8")
    assert "Attribution 4.0 International" in content and "Deep Learning A-Z" in content
    for source in SOURCES:
        footer = page(published, source).select_one(".md-copyright").get_text(" ")
        assert "CC BY 4.0" in footer and "MIT" in footer and "Deep Learning A-Z" in footer


def test_robots_txt_and_a_404_page_that_leads_back_under_a_sub_path(published):
    robots = (published / "robots.txt").read_text(encoding="utf-8")
    assert "User-agent: *" in robots and f"Sitemap: {SITE_URL}sitemap.xml" in robots
    missing = BeautifulSoup((published / "404.html").read_text(encoding="utf-8"), "html.parser")
    links = {a["href"] for a in missing.select("article a")}
    for source in SOURCES:
        assert f"/gdlesson/{page_url(source)}" in links, source
    # Its stylesheets too: a static host serves it at any depth of the sub-path.
    for sheet in missing.find_all("link", rel="stylesheet"):
        assert sheet["href"].startswith("/gdlesson/"), sheet["href"]


def test_search_finds_titles_without_pilcrows_formulas_as_text_and_no_answers(site):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    docs = index["docs"]
    assert not [d["title"] for d in docs if "¶" in d["title"] or "¶" in d["text"]]
    assert not [d["location"] for d in docs if d["location"].startswith("handout/")]
    text = " ".join(re.sub(r"<[^>]+>", " ", d["text"]) for d in docs)
    text = " ".join(text.split())
    assert "10⁷⁵" in text  # a formula, as a reader types it
    for source in SOURCES:
        for details in page(site, source).select("details.success"):
            for paragraph in details.find_all("p"):
                words = " ".join(paragraph.get_text(" ").split())
                if len(words) > 40 and not paragraph.find("math"):
                    assert words[:60] not in text, f"{source}: an answer in the index: {words}"


def test_the_handout_holds_every_page_with_answers_open_and_light_figures(site):
    handout = page(site, "handout.md")
    sections = handout.select("section.gd-handout-page")
    assert [s.h1.get_text(strip=True) for s in sections[1:]] == [
        next(iter(e)) for e in load_config()["nav"][1:]
    ]
    toc = [a["href"] for a in handout.select("nav.gd-handout-toc a")]
    assert toc == [f"#{s['id']}" for s in sections]
    ids = [e["id"] for e in handout.select("article [id]") if e.find_parent("svg") is None]
    assert len(ids) == len(set(ids)), "an id repeated"
    for a in handout.select("article a[href^='#']"):
        assert handout.find(id=a["href"][1:]) is not None, a["href"]
    images = [img["src"] for img in handout.select("article img")]
    for spec in FIGURES:
        light, dark = (f"../figures/{spec.name}-{p}." for p in ("light", "dark"))
        assert any(src.startswith(light) for src in images), spec.name
        assert not any(dark in src for src in images), spec.name
    assert all((site / "handout" / src).resolve().is_file() for src in images)
    assert not handout.select(".gd-playground, img[loading]")
    assert all(d.has_attr("open") for d in handout.select("article details"))
    assert meta(handout, "robots") == "noindex"


def test_a_publish_build_needs_the_real_site_url(tmp_path):
    for site_url in ("", "http://127.0.0.1:8000/", "https://localhost/x/"):
        result = subprocess.run(
            [str(ROOT / "scripts" / "build"), "--publish", "-d", str(tmp_path / "out")],
            env={"PATH": "/usr/bin:/bin", "SITE_URL": site_url, "PYTHON": sys.executable},
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 2, result.stderr
        assert "SITE_URL" in result.stderr and not (tmp_path / "out").exists()


def test_a_deploy_by_hand_needs_the_real_site_url_too(tmp_path):
    project = project_copy(tmp_path / "project")
    env = project_env(project)
    env.pop("SITE_URL", None)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "gh-deploy", "--strict"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "gh-deploy: SITE_URL must be the https address" in result.stderr, result.stderr[-2000:]
    assert not (project / "site").exists()
