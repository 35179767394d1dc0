"""`python -m gdlesson figures OUTDIR`: every OUTDIR that cannot take the figures ends
with status 2 and one line naming the problem, never a traceback, and nothing drawn.

(tests/test_figures.py covers the figures written and the usage errors.)
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from gdlesson.__main__ import main

PREFIX = "python -m gdlesson figures: error: "


@pytest.fixture
def cli(capsys, monkeypatch, tmp_path):
    """Run the command line in this process, in ``tmp_path``: (status, stdout, stderr)."""
    monkeypatch.chdir(tmp_path)

    def run(*args: str) -> tuple[int, str, str]:
        with pytest.raises(SystemExit) as end:
            main(list(args))
        out, err = capsys.readouterr()
        return end.value.code, out, err

    return run


def assert_one_line_error(status: int, out: str, err: str, *words: str) -> None:
    assert status == 2, err
    assert out == ""
    assert err.count("\n") == 1 and err.startswith(PREFIX), err
    for word in words:
        assert word in err


@pytest.mark.parametrize(
    ("outdir", "words"),
    [
        ("/proc", ["cannot write into OUTDIR '/proc'"]),  # unwritable, even for root
        ("/proc/gdlesson-figures", ["cannot create OUTDIR"]),
        ("/dev/null", ["not a directory"]),
        ("/dev/null/figures", ["cannot create OUTDIR", "Not a directory"]),
        ("{file}/figures", ["cannot create OUTDIR", "Not a directory"]),
        ("{tmp}/" + "x" * 300, ["cannot create OUTDIR", "too long"]),
        ("", ["OUTDIR is empty"]),
    ],
    ids=["proc", "under-proc", "device", "under-device", "under-file", "too-long", "empty"],
)
def test_an_outdir_that_cannot_be_used_is_named_in_one_line(cli, tmp_path, outdir, words):
    (tmp_path / "a-file").write_text("")
    outdir = outdir.format(tmp=tmp_path, file=tmp_path / "a-file")
    assert_one_line_error(*cli("figures", outdir), *words)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]  # nothing written here


def test_a_folder_named_like_a_figure_is_found_before_drawing(cli, tmp_path):
    (tmp_path / "out" / "network-dark.svg").mkdir(parents=True)
    assert_one_line_error(*cli("figures", "out"), "holds a folder", "network-dark.svg")
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["network-dark.svg"]


@pytest.mark.build
def test_a_figure_that_cannot_be_written_is_named_in_one_line_and_left_out(tmp_path):
    """End to end, in a process of its own, under ``ulimit -f``: the status, no
    traceback, and no half-written figure (each file there is whole)."""
    import resource

    limit = 16_000  # the budget's figures fit; the zig-zag's do not

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    result = subprocess.run(
        [sys.executable, "-m", "gdlesson", "figures", "out"]
        + ["--only", "compute-budget", "--only", "zigzag-1d"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
        check=False,
        preexec_fn=small_files,
    )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith(PREFIX), result.stderr
    assert "cannot write 'out/zigzag-1d-" in result.stderr
    assert "File too large" in result.stderr
    written = dict(line.split() for line in result.stdout.splitlines())
    on_disk = {p.name: str(p.stat().st_size) for p in (tmp_path / "out").iterdir()}
    assert on_disk == written and set(written) == {
        "compute-budget-light.svg",
        "compute-budget-dark.svg",
    }


@pytest.mark.build
def test_explain_prints_the_curvatures_limits_and_each_rates_regime():
    """What an instructor reads before choosing a rate, from the lesson's own costs."""
    from gdlesson import explain
    from gdlesson.costs import one_weight_cost, two_weight_cost

    run = subprocess.run(
        [sys.executable, "-m", "gdlesson", "explain"], capture_output=True, text=True, check=True
    )
    L, high = one_weight_cost().curvature(), two_weight_cost().curvatures()[-1]
    for limit in (f"2/L = {2 / L:.4f}", f"1/L = {1 / L:.4f}", f"2/λmax = {2 / high:.4f}"):
        assert limit in run.stdout
    rows = [line for line in run.stdout.splitlines() if ": η = " in line]
    assert len(rows) == len(explain.RATES_1D) + len(explain.RATES_2D)
    assert any("RATE_OVER_LIMIT_2D" in row and "diverges across" in row for row in rows)
    assert any("RATE_1D " in row and "walks, converged" in row for row in rows)
