"""Run every ``python`` and ``pycon`` block of docs/ under pytest, page by page.

Each page is read as the site shows it: its ``{{ name }}`` placeholders filled
with gdlesson's computed facts, so a block's expected output is what gdlesson
computed and its code recomputes it with NumPy alone.

Loaded with ``-p tests.sybil_docs`` (pyproject.toml), so that pytest collects
the Markdown files of docs/ without a conftest.py inside the site's sources.
The blocks of one page share a namespace and run in order, as a reader who
copies them one after another would run them.
"""

from __future__ import annotations

from doctest import ELLIPSIS, NORMALIZE_WHITESPACE
from pathlib import Path

from sybil import Document, Sybil
from sybil.evaluators.doctest import DocTestEvaluator
from sybil.evaluators.python import PythonEvaluator
from sybil.parsers.abstract import DocTestStringParser
from sybil.parsers.markdown import CodeBlockParser, PythonCodeBlockParser, SkipParser

FLAGS = ELLIPSIS | NORMALIZE_WHITESPACE


class PyconBlockParser:
    """``pycon`` fences: an interactive session, checked as a doctest.

    Sybil's own parser only looks at ``python`` fences.
    """

    def __init__(self) -> None:
        self.blocks = CodeBlockParser("pycon", PythonEvaluator())
        self.doctest = DocTestStringParser(DocTestEvaluator(FLAGS))

    def __call__(self, document):
        for region in self.blocks(document):
            source = region.parsed
            if not source.startswith(">>>"):
                raise ValueError(f"{document.path}: a pycon block must start with '>>>'")
            for example in self.doctest(source, document.path):
                example.adjust(region, source)
                yield example


class FilledPage(Document):
    """A page of docs/ with its placeholders filled, as the built site shows it."""

    @classmethod
    def parse(cls, path: str, *parsers, encoding: str = "utf-8") -> Document:
        from tests.conftest import filled_markdown

        document = cls(filled_markdown(Path(path)), path)
        for parser in parsers:
            for region in parser(document):
                document.add(region)
        return document


READER = Path(__file__).resolve().parents[1] / "gdlesson" / "reader"


def pytest_ignore_collect(collection_path: Path) -> bool | None:
    """gdlesson/reader's code, its placeholders not filled, is not imported: the
    pages and the notebook that include it run it, filled."""
    return True if collection_path.is_relative_to(READER) else None


pytest_collect_file = Sybil(
    parsers=[PythonCodeBlockParser(doctest_optionflags=FLAGS), PyconBlockParser(), SkipParser()],
    patterns=["*.md"],
    document_types={".md": FilledPage},
    path=str(Path(__file__).resolve().parents[1] / "docs"),
).pytest()
