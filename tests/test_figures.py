"""The figures: all render, in both palettes, small, reproducible, described."""

from __future__ import annotations

import re
import subprocess
import sys

import matplotlib
import pytest

from gdlesson import figures
from gdlesson.figures import FIGURES, PALETTES, output_name, render, render_all
from gdlesson.network import trained_by_descent
from gdlesson.style import PALETTES as COLOURS
from gdlesson.style import READABLE, contrast_ratio, palette_colours, styled

NAMES = [
    "brute-force",
    "network",
    "compute-budget",
    "descent-1d",
    "zigzag-1d",
    "learning-rates",
    "contour-2d",
    "surface-3d",
    "why-it-wins",
    "many-valleys",
]
MAX_BYTES = 80 * 1024


@pytest.fixture(scope="module")
def rendered() -> dict[str, bytes]:
    """Every figure in both palettes, rendered once for the whole module."""
    return render_all()


def test_names_are_the_lessons_in_order():
    assert [spec.name for spec in FIGURES] == NAMES


def test_every_spec_has_a_known_format_and_a_drawing_function():
    for spec in FIGURES:
        assert spec.format in ("svg", "png"), spec
        assert callable(spec.draw), spec
    assert [spec.name for spec in FIGURES if spec.format == "png"] == ["surface-3d"]


def test_render_all_gives_every_figure_in_both_palettes(rendered):
    expected = [
        f"{name}-{p}.{spec.format}"
        for name, spec in zip(NAMES, FIGURES, strict=True)
        for p in ("light", "dark")
    ]
    assert list(rendered) == expected
    assert len(rendered) == 2 * len(NAMES) == 20


def test_files_are_what_their_names_say(rendered):
    for name, content in rendered.items():
        if name.endswith(".svg"):
            assert content.startswith(b"<?xml"), name
            assert b"<svg" in content[:500], name
        else:
            assert content.startswith(b"\x89PNG\r\n\x1a\n"), name


@pytest.mark.parametrize("name", NAMES)
def test_rendering_twice_gives_the_same_bytes(rendered, name):
    spec = FIGURES[NAMES.index(name)]
    assert render(spec, "dark") == rendered[output_name(spec, "dark")]


def test_light_and_dark_differ(rendered):
    for spec in FIGURES:
        assert rendered[output_name(spec, "light")] != rendered[output_name(spec, "dark")], spec


def test_svg_has_no_date_no_version_and_keeps_text_as_text(rendered):
    version = matplotlib.__version__.encode()
    for name, content in rendered.items():
        if not name.endswith(".svg"):
            continue
        assert version not in content, name
        assert b"<dc:date>" not in content, name
        assert not re.search(rb"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}", content), name
        assert b"Matplotlib v" not in content, name
        assert b"<text" in content, f"{name}: text was drawn as paths"


def test_png_has_no_software_stamp(rendered):
    for name, content in rendered.items():
        if name.endswith(".png"):
            assert b"Software" not in content, name
            assert matplotlib.__version__.encode() not in content, name


def test_every_figure_is_small(rendered):
    too_big = {name: len(c) for name, c in rendered.items() if len(c) >= MAX_BYTES}
    assert not too_big


def test_svg_uses_the_palette_colours(rendered):
    for spec in FIGURES:
        if spec.format != "svg":
            continue
        for palette in PALETTES:
            content = rendered[output_name(spec, palette)].decode()
            other = "dark" if palette == "light" else "light"
            assert COLOURS[palette]["text"] in content or COLOURS[palette]["muted"] in content
            assert COLOURS[other]["muted"] not in content, (spec.name, palette)


@pytest.mark.parametrize("spec", FIGURES, ids=NAMES)
def test_alt_text_is_a_useful_line(spec):
    assert len(spec.alt.strip()) >= 20
    assert spec.alt == spec.alt.strip()
    # It becomes ![alt](...) in Markdown: one line, no brackets.
    assert not any(c in spec.alt for c in "[]\n"), spec.alt


def test_alt_text_quotes_computed_numbers():
    alts = {spec.name: spec.alt for spec in FIGURES}
    run = figures._descent_1d(figures.lesson.RATE_1D)
    assert f"{run.steps} steps" in alts["descent-1d"]
    assert f"{figures._search().best_w:.3f}" in alts["brute-force"]
    assert "25 weights" in alts["network"]
    assert f"{trained_by_descent().steps:,} descent steps" in alts["why-it-wins"]


@pytest.mark.parametrize("palette", ["sepia", "", "Light", None, 1])
def test_bad_palette_is_refused_naming_palette(palette):
    with pytest.raises(ValueError, match="palette"):
        render(FIGURES[0], palette)
    with pytest.raises(ValueError, match="palette"):
        output_name(FIGURES[0], palette)
    with pytest.raises(ValueError, match="palette"), styled(palette):
        pass
    with pytest.raises(ValueError, match="palette"):
        figures.network_figure(palette)


def test_output_name():
    assert output_name(FIGURES[0], "light") == "brute-force-light.svg"
    assert output_name(FIGURES[NAMES.index("surface-3d")], "dark") == "surface-3d-dark.png"


@pytest.mark.parametrize("palette", PALETTES)
def test_palette_colours_are_readable_on_their_background(palette):
    c = palette_colours(palette)
    for key in READABLE:
        assert contrast_ratio(c[key], c["background"]) >= 4.5, (palette, key)


def test_styled_restores_matplotlib_settings():
    before = dict(matplotlib.rcParams)
    with styled("dark"):
        assert matplotlib.rcParams["svg.fonttype"] == "none"
    assert dict(matplotlib.rcParams) == before


def _cli(*args, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "gdlesson", *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
    )


def test_cli_writes_every_figure(tmp_path, rendered):
    outdir = tmp_path / "new" / "figures"
    result = _cli("figures", str(outdir))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 20
    written = sorted(p.name for p in outdir.iterdir())
    assert written == sorted(rendered)
    for line in lines:
        name, size = line.split()
        assert (outdir / name).stat().st_size == int(size)
        # Another process, the same bytes.
        assert (outdir / name).read_bytes() == rendered[name]


def test_cli_only_renders_the_named_figures(tmp_path):
    result = _cli("figures", str(tmp_path), "--only", "network", "--only", "why-it-wins")
    assert result.returncode == 0, result.stderr
    assert [line.split()[0] for line in result.stdout.splitlines()] == [
        "network-light.svg",
        "network-dark.svg",
        "why-it-wins-light.svg",
        "why-it-wins-dark.svg",
    ]


@pytest.mark.parametrize(
    "args, message",
    [
        ((), "required"),
        (("draw",), "invalid choice"),
        (("figures",), "OUTDIR"),
        (("figures", "{tmp}", "--only", "no-such-figure"), "no-such-figure"),
        (("figures", "{file}"), "not a directory"),
    ],
)
def test_cli_bad_usage_exits_2_with_a_message(tmp_path, args, message):
    a_file = tmp_path / "a-file"
    a_file.write_text("")
    args = [a.format(tmp=tmp_path / "out", file=a_file) for a in args]
    result = _cli(*args)
    assert result.returncode == 2
    assert message in result.stderr
    assert result.stdout == ""
    assert not (tmp_path / "out").exists()
