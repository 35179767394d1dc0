"""scripts/bootstrap: the Python floor checked first, a .venv made anew when another
Python made it or its set-up never finished, and paths read from the caller's folder.

The set-up cases run bootstrap in a small copy of the project whose lock pins
nothing, so a venv is made (a few seconds) but nothing is downloaded.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, project_copy

pytestmark = pytest.mark.build  # tests/kinds.py

FLOOR = re.search(
    r'^requires-python = ">=([0-9.]+)"$', (ROOT / "pyproject.toml").read_text(), re.M
).group(1)
EMPTY_LOCK = "# nothing pinned: a test's project\n"


def run(script: str, *args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess:
    """Run ``script`` with bash in ``cwd``; ``env`` adds to the environment (PYTHON unset)."""
    environ = {k: v for k, v in os.environ.items() if k != "PYTHON"} | env
    return subprocess.run(
        ["bash", "-c", script, "bash", *args],
        cwd=cwd,
        env=environ,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def small_project(tmp_path: Path, lock: str = EMPTY_LOCK) -> Path:
    """The project's bootstrap and pyproject.toml, with ``lock`` as requirements.lock."""
    project = tmp_path / "project"
    (project / "scripts").mkdir(parents=True)
    shutil.copy(ROOT / "scripts" / "bootstrap", project / "scripts")
    shutil.copy(ROOT / "pyproject.toml", project)
    (project / "requirements.lock").write_text(lock)
    return project


def bootstrap(project: Path, **env: str) -> subprocess.CompletedProcess:
    """Source ``project``'s bootstrap as the scripts do (``|| exit 1``, where bash
    ignores its ``set -e``) and print the venv's Python."""
    env = {"SOURCE_DATE_EPOCH": "1"} | env  # the date is tested in test_source_date.py
    script = 'source "$1/scripts/bootstrap" || exit 1\necho "$PY"'
    return run(script, str(project), cwd=project, **env)


def identity(python: str | Path) -> str:
    """What bootstrap compares: implementation, version and base installation."""
    code = (
        "import os, platform, sys; print(platform.python_implementation(), "
        "platform.python_version(), os.path.realpath(sys.base_prefix))"
    )
    return subprocess.run(
        [str(python), "-c", code], capture_output=True, text=True, check=True
    ).stdout


def fake_python(folder: Path, name: str, answer: str) -> Path:
    """An executable ``name`` in ``folder`` that prints ``answer``, whatever it is asked."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(f"#!/bin/sh\necho '{answer}'\n")
    path.chmod(0o755)
    return path


def test_the_floor_is_the_pins_own_floor():
    """No pinned distribution installed here asks for a newer Python than the floor,
    and one asks for exactly it (so the floor is not lower than it must be)."""
    from importlib.metadata import distribution

    from packaging.requirements import Requirement
    from packaging.specifiers import SpecifierSet

    lines = (ROOT / "requirements.lock").read_text().splitlines()
    pins = [
        requirement.name
        for requirement in (Requirement(line.rstrip(" \\")) for line in lines if "==" in line)
        if requirement.marker is None or requirement.marker.evaluate()  # installed here
    ]
    specifiers = {name: distribution(name).metadata["Requires-Python"] or "" for name in pins}
    assert all(FLOOR in SpecifierSet(spec) for spec in specifiers.values()), specifiers
    below = ".".join(FLOOR.split(".")[:2] + [str(int(FLOOR.split(".")[2]) - 1)])
    assert any(below not in SpecifierSet(spec) for spec in specifiers.values())
    assert f"Python {FLOOR} or newer" in (ROOT / "README.md").read_text()


@pytest.mark.parametrize("answer", ["3.10.14", "3.11.2", "2.7.18", "not a version"])
def test_a_python_below_the_floor_stops_at_once_with_one_line(tmp_path, answer):
    project = small_project(tmp_path)
    fake_python(tmp_path / "bin", "python3", answer)
    result = bootstrap(project, PATH=f"{tmp_path / 'bin'}:{os.environ['PATH']}")
    assert result.returncode == 1
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert f"needs Python {FLOOR} or newer" in result.stderr
    assert not (project / ".venv").exists()


def test_python_comes_from_the_python_variable(tmp_path):
    project = small_project(tmp_path)
    old = fake_python(tmp_path / "bin", "old-python", "3.9.0")
    result = bootstrap(project, PYTHON=str(old))
    assert result.returncode == 1
    assert f"'{old}' is 3.9.0" in result.stderr
    missing = bootstrap(project, PYTHON=str(tmp_path / "no-such-python"))
    assert missing.returncode == 1 and "does not run" in missing.stderr


def stamp_of(project: Path) -> str:
    files = (project / "requirements.lock").read_bytes() + (project / "pyproject.toml").read_bytes()
    return hashlib.sha256(files).hexdigest()


def test_a_venv_made_by_another_python_is_made_again(tmp_path):
    project = small_project(tmp_path)
    venv = project / ".venv"
    fake_python(venv / "bin", "python", "CPython 3.12.1 /opt/another-python")
    (venv / "pyvenv.cfg").write_text("home = /opt/another-python/bin\nversion = 3.12.1\n")
    (venv / ".gdlesson-installed").write_text(stamp_of(project) + "\n")

    result = bootstrap(project, PYTHON=sys.executable)
    assert result.returncode == 0, result.stderr
    assert "made by another Python" in result.stderr
    assert identity(venv / "bin" / "python") == identity(sys.executable)
    assert "/opt/another-python" not in (venv / "pyvenv.cfg").read_text()


def test_mkdocs_paths_are_read_from_the_callers_folder(tmp_path):
    script = f'source "{ROOT}/scripts/bootstrap"\nmkdocs_args "$@"\n'
    script += 'printf "%s\\n" "$PWD" "${MKDOCS_ARGS[@]}"'
    args = ["-d", "out", "--site-dir=b", "-dc", "-f", "x.yml", "--config-file", "/abs.yml"]
    args += ["--strict", "-a", "0.0.0.0:8001", "-w", "w", "--watch=/w2", "--dirty"]
    result = run(script, *args, cwd=tmp_path, PYTHON=sys.executable)
    assert result.returncode == 0, result.stderr
    here = str(tmp_path)
    assert result.stdout.splitlines() == [
        str(ROOT),  # the scripts run in the repository
        *["-d", f"{here}/out", f"--site-dir={here}/b", f"-d{here}/c", "-f", f"{here}/x.yml"],
        *["--config-file", "/abs.yml", "--strict", "-a", "0.0.0.0:8001"],
        *["-w", f"{here}/w", "--watch=/w2", "--dirty"],
    ]


def test_build_writes_where_the_caller_says(tmp_path):
    project = project_copy(tmp_path / "project")
    caller = tmp_path / "caller"
    caller.mkdir()
    result = run(
        f'"{ROOT}/scripts/build" -f ../project/mkdocs.yml --site-dir=out',
        cwd=caller,
        PYTHON=sys.executable,
    )
    assert result.returncode == 0, result.stderr
    assert (caller / "out" / "index.html").is_file()
    assert not (project / "out").exists() and not (ROOT / "out").exists()


def test_pytest_arguments_are_read_from_the_callers_folder(tmp_path):
    (tmp_path / "test_here.py").write_text("def test_here():\n    assert True\n")
    result = run(f'"{ROOT}/scripts/test" test_here.py -q', cwd=tmp_path, PYTHON=sys.executable)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 passed" in result.stdout


def tiny_wheel(folder: Path) -> tuple[Path, str]:
    """A wheel of a one-module package made here (no network), and its SHA-256."""
    import base64
    import zipfile

    files = {
        "tiny.py": b"ANSWER = 42\n",
        "tiny-1.0.dist-info/METADATA": b"Metadata-Version: 2.1\nName: tiny\nVersion: 1.0\n",
        "tiny-1.0.dist-info/WHEEL": b"Wheel-Version: 1.0\nGenerator: test\n"
        b"Root-Is-Purelib: true\nTag: py3-none-any\n",
    }
    record = ""
    for name, content in files.items():
        digest = base64.urlsafe_b64encode(hashlib.sha256(content).digest()).rstrip(b"=")
        record += f"{name},sha256={digest.decode()},{len(content)}\n"
    files["tiny-1.0.dist-info/RECORD"] = (record + "tiny-1.0.dist-info/RECORD,,\n").encode()
    wheel = folder / "tiny-1.0-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return wheel, hashlib.sha256(wheel.read_bytes()).hexdigest()


def test_an_install_refused_for_its_hash_is_done_again_from_the_start(tmp_path):
    """A file whose hash does not match, then one without a hash, is refused: each
    set-up stops with no stamp, so the next run makes the venv again; the one with its
    hash installs, and the run after that makes and installs nothing."""
    wheel, digest = tiny_wheel(tmp_path)
    wrong = hashlib.sha256(b"another file").hexdigest()
    offline = {"PYTHON": sys.executable, "PIP_NO_INDEX": "1"}
    project = small_project(tmp_path)
    venv = project / ".venv"
    for i, (lock, refused) in enumerate(
        [
            (f"{wheel} --hash=sha256:{wrong}\n", "DO NOT MATCH THE HASHES"),
            (f"{wheel}\n", "--hash"),  # a requirement without a hash
        ]
    ):
        (project / "requirements.lock").write_text(lock)
        result = bootstrap(project, **offline)
        assert result.returncode != 0
        assert refused in result.stderr, result.stderr
        assert ("set-up never finished" in result.stderr) == (i > 0), result.stderr
        assert (venv / "bin" / "python").exists()
        assert not (venv / ".gdlesson-installed").exists()

    (project / "requirements.lock").write_text(f"{wheel} --hash=sha256:{digest}\n")
    redone = bootstrap(project, **offline)
    assert redone.returncode == 0, redone.stderr
    assert "set-up never finished" in redone.stderr
    assert (venv / ".gdlesson-installed").read_text().strip() == stamp_of(project)
    python = redone.stdout.strip()
    assert python == str(venv / "bin" / "python")
    assert subprocess.run([python, "-c", "import tiny"], check=False).returncode == 0

    again = bootstrap(project, **offline)
    assert again.returncode == 0, again.stderr
    assert again.stderr == ""  # nothing made, nothing installed
    assert again.stdout.strip() == python


def test_every_locked_requirement_has_a_hash():
    entries = (ROOT / "requirements.lock").read_text().split("\n")
    pins = [i for i, line in enumerate(entries) if "==" in line and not line.startswith("#")]
    assert len(pins) > 50
    assert all("--hash=sha256:" in entries[i + 1] for i in pins)
