"""The README's recipe "Change the data or a learning rate" promises that its two
example edits keep every sentence of the lesson true. Each is made in a scratch
copy of gdlesson (with the nav, mkdocs.yml), and every claim (the slow ones too) is
checked there."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.build  # tests/kinds.py

# (the README's words, the module, its line as it is, the line as the edit makes it)
EDITS = {
    "a price": (
        "`4.0` → `3.8`",
        "choices.py",
        "PRICE = (0.9, 1.7, 2.0, 3.1, 4.0, 1.9)",
        "PRICE = (0.9, 1.7, 2.0, 3.1, 3.8, 1.9)",
    ),
    "RATE_1D": (
        "`0.05` → `0.08`",
        "choices.py",
        "RATE_1D = 0.05\n",
        "RATE_1D = 0.08\n",
    ),
}

CHECK = """
import gdlesson
from gdlesson.claims import ALL_CLAIMS, failure
from gdlesson.facts import facts
assert gdlesson.__file__.startswith({root!r}), gdlesson.__file__
facts()
print("\\n".join(f for f in map(failure, ALL_CLAIMS) if f))
"""


@pytest.mark.parametrize("name", EDITS)
def test_the_readmes_example_edit_keeps_every_claim_true(tmp_path, name):
    words, module, before, after = EDITS[name]
    assert words in (ROOT / "README.md").read_text(encoding="utf-8"), "the README says another edit"
    shutil.copytree(ROOT / "gdlesson", tmp_path / "gdlesson")
    shutil.copy(ROOT / "mkdocs.yml", tmp_path)  # its nav: the pages whose claims hold
    source = tmp_path / "gdlesson" / module
    text = source.read_text(encoding="utf-8")
    assert text.count(before) == 1, f"{module} no longer holds {before!r}"
    source.write_text(text.replace(before, after), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-c", CHECK.format(root=str(tmp_path))],
        cwd=tmp_path,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "", f"false after the edit:\n{result.stdout}"
