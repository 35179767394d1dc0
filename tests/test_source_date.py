"""The build's date (SOURCE_DATE_EPOCH) is the project's own last commit's: from git in
a checkout, from scripts/commit-date in a git archive, never from a repository the
project was unpacked into, and never 1970.

Each case is a small repository made here with a known commit date, holding the
project's scripts/source-date-epoch, scripts/commit-date and .gitattributes, so
the tests need no history of the project itself (a shallow clone will do).
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import tarfile
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.build  # tests/kinds.py

OURS = 1_600_000_000
PARENTS = 1_700_000_000
FILES = ("scripts/source-date-epoch", "scripts/commit-date", ".gitattributes")


def git(cwd: Path, *args: str, date: int | None = None) -> bytes:
    """Run git in ``cwd`` without the user's configuration, commits dated ``date``."""
    env = os.environ | {
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "test",
        "GIT_AUTHOR_EMAIL": "test@example.com",
        "GIT_COMMITTER_NAME": "test",
        "GIT_COMMITTER_EMAIL": "test@example.com",
    }
    if date is not None:
        env |= {"GIT_AUTHOR_DATE": f"@{date} +0000", "GIT_COMMITTER_DATE": f"@{date} +0000"}
    return subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, check=True).stdout


def repository(path: Path, date: int, files=FILES) -> Path:
    """A new repository at ``path`` holding ``files`` of the project, committed at ``date``."""
    path.mkdir(parents=True, exist_ok=True)
    git(path, "init", "-q")
    for name in files:
        (path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, path / name)
    (path / "README").write_text(str(date))
    git(path, "add", "-A")
    git(path, "commit", "-q", "-m", "a commit", date=date)
    return path


def unpack_archive(repo: Path, dest: Path) -> Path:
    """``git archive HEAD`` of ``repo``, unpacked into ``dest``: what a tarball user has."""
    archive = git(repo, "archive", "--format=tar", "HEAD")
    dest.mkdir(parents=True, exist_ok=True)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(dest, filter="data")
    return dest


def epoch(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(project / "scripts" / "source-date-epoch")],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )


def test_a_checkout_gives_its_last_commit(tmp_path):
    result = epoch(repository(tmp_path / "ours", OURS))
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"{OURS}\n"


def test_a_git_archive_gives_its_commit_from_commit_date(tmp_path):
    unpacked = unpack_archive(repository(tmp_path / "ours", OURS), tmp_path / "unpacked")
    assert not (unpacked / ".git").exists()
    assert (unpacked / "scripts" / "commit-date").read_text().strip() == str(OURS)
    result = epoch(unpacked)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"{OURS}\n"


def test_an_archive_unpacked_inside_another_repository_keeps_its_own_date(tmp_path):
    ours = repository(tmp_path / "ours", OURS)
    parent = repository(tmp_path / "parent", PARENTS, files=())
    unpacked = unpack_archive(ours, parent / "vendor" / "gdlesson")
    for committed in (False, True):  # untracked, then committed into the parent
        if committed:
            git(parent, "add", "-A")
            git(parent, "commit", "-q", "-m", "vendor it", date=PARENTS)
        result = epoch(unpacked)
        assert result.returncode == 0, result.stderr
        assert result.stdout == f"{OURS}\n"


def test_without_git_or_archive_it_says_so_and_gives_no_date(tmp_path):
    copy = tmp_path / "copy"
    for name in FILES:
        (copy / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, copy / name)
    result = epoch(copy)
    assert result.returncode == 1
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1 and "no commit date" in result.stderr


def test_this_project_has_a_date():
    result = epoch(ROOT)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) > 1_500_000_000  # 2017: after this project began


BAD_DATES = ["abc", "-1", "99999999999999999", "", "1.5", " 1700000000", "253402300800"]


def test_a_date_set_by_hand_is_checked_by_the_build(tmp_path):
    """Plain MkDocs with the hooks: one line naming the variable, no sitemap of 1969."""
    import sys

    from tests.conftest import project_copy, project_env

    project = project_copy(tmp_path)
    for value in ["-1", "abc"]:
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict"],
            cwd=project,
            env=project_env(project) | {"SOURCE_DATE_EPOCH": value},
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode != 0 and "Traceback" not in result.stderr, result.stderr
        errors = [line for line in result.stderr.splitlines() if line.startswith("ERROR")]
        assert len(errors) == 1 and "SOURCE_DATE_EPOCH" in errors[0], result.stderr
        assert not (project / "site" / "sitemap.xml").exists()


def test_the_scripts_refuse_a_bad_date_in_one_line():
    for value in BAD_DATES:
        result = subprocess.run(
            [str(ROOT / "scripts" / "build"), "--help"],
            env=os.environ | {"SOURCE_DATE_EPOCH": value},
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 2, (value, result.stderr)
        assert result.stderr.count("\n") == 1 and "SOURCE_DATE_EPOCH" in result.stderr
    for value in ["0", "1700000000", "253402300799"]:
        env = os.environ | {"SOURCE_DATE_EPOCH": value}
        result = subprocess.run(
            [str(ROOT / "scripts" / "build"), "--help"], env=env, capture_output=True, check=False
        )
        assert result.returncode == 0, value
