"""The scripts run from wherever they are called, through a link, from any path."""

from __future__ import annotations

import re
import subprocess

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.build  # tests/kinds.py

SCRIPTS = ("bench", "build", "check", "lighthouse", "serve", "test")


def test_a_link_to_a_script_runs_it(tmp_path):
    link = tmp_path / "build"
    link.symlink_to(ROOT / "scripts" / "build")
    result = subprocess.run(
        [str(link), "--help"], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "Usage:" in result.stdout


def test_no_script_runs_a_launcher_whose_shebang_holds_the_checkout_path():
    """pip's launchers start with ``#!/path/to/.venv/bin/python``: a checkout whose path
    holds ``$`` or ``'`` breaks them. Python modules run with ``$PY -m`` instead."""
    for name in SCRIPTS:
        for program in re.findall(r'"\$VENV/bin/([\w.-]+)"', (ROOT / "scripts" / name).read_text()):
            head = (ROOT / ".venv" / "bin" / program).read_bytes()[:2]
            assert head != b"#!", f"scripts/{name} runs the launcher {program}"


def test_an_argument_pytest_does_not_know_ends_the_quick_check_with_exit_2():
    result = subprocess.run(
        [str(ROOT / "scripts" / "check"), "--no-such-option"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2, result.stderr
    assert "unrecognized arguments: --no-such-option" in result.stderr


def test_a_script_whose_bootstrap_cannot_be_read_stops_there(tmp_path):
    """A copy of a script, away from scripts/bootstrap: the failed ``source`` ends it,
    before it runs anything with the variables bootstrap would have set."""
    (tmp_path / "scripts").mkdir()
    for name in SCRIPTS:
        copy = tmp_path / "scripts" / name
        copy.write_bytes((ROOT / "scripts" / name).read_bytes())
        copy.chmod(0o755)
        result = subprocess.run(
            [str(copy), "--help"], cwd=tmp_path, capture_output=True, text=True, check=False
        )
        assert result.returncode == 1, (name, result.stdout, result.stderr)
        assert result.stderr.count("\n") == 1 and "bootstrap" in result.stderr, result.stderr
        assert result.stdout == "", (name, result.stdout)
