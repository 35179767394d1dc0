"""The figures: all render, in both palettes, small, reproducible, sized, described.

Every test runs over gdlesson's own :data:`~gdlesson.figures.FIGURES`: a figure
added as the README says ("Add a page, a number, a figure...") is tested without
a change here. The texts' claims about particular figures are checked against the
computation.
"""

from __future__ import annotations

import io
import re
import subprocess
import sys

import matplotlib
import numpy as np
import pytest
from PIL import Image

from gdlesson import choices, lesson
from gdlesson.brute_force import grid_spacing
from gdlesson.choices import CANDIDATES
from gdlesson.compute_budget import AGE_OF_UNIVERSE_YEARS, MACHINES, years_needed
from gdlesson.costs import one_weight_cost, two_weight_cost
from gdlesson.drawing import RASTER_DPI, combinations, outcome
from gdlesson.figures import (
    FIGURES,
    PALETTES,
    description,
    drawn,
    output_name,
    render,
    render_all,
    size,
)
from gdlesson.network import trained_by_descent, weight_count
from gdlesson.numbers import count, scientific_text
from gdlesson.pages.two_weights import (
    ARROW_LENGTH,
    DROP,
    arrow_points,
    steps_to_drop,
)
from gdlesson.style import PALETTES as COLOURS
from gdlesson.style import READABLE, contrast_ratio, palette_colours, styled
from tests.conftest import ROOT, lesson_cache, nav_sources, page_source

MAX_BYTES = 80 * 1024
SPECS = {spec.name: spec for spec in FIGURES}
NAMES = list(SPECS)


@pytest.fixture(scope="module")
def rendered() -> dict[str, bytes]:
    """Every figure in both palettes, as the build's workers drew them: the session's
    cache (tests/conftest.py), drawn once for every test that needs the figures."""
    folder = lesson_cache()
    names = [output_name(spec, palette) for spec in FIGURES for palette in PALETTES]
    return {name: (folder / name).read_bytes() for name in names}


def test_names_are_unique_and_fit_for_file_names():
    assert len(NAMES) == len(FIGURES) > 0
    for name in NAMES:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", name), name


def test_figures_are_in_the_order_the_lesson_shows_them():
    placeholder = re.compile(r"\{\{\s*figure\s+([\w-]+)\s*\}\}")
    shown = [name for source in nav_sources() for name in placeholder.findall(page_source(source))]
    assert shown == NAMES, "every figure shown once, on its page, in the order of FIGURES"


def test_every_spec_has_a_known_format_and_a_drawing_function():
    for spec in FIGURES:
        assert spec.format in ("svg", "webp"), spec
        assert callable(spec.draw), spec


IMPORT_ONLY = """
import sys
import gdlesson.figures
for name, module in list(sys.modules.items()):
    if name.startswith("gdlesson"):
        for attr, value in vars(module).items():
            info = getattr(value, "cache_info", None)
            if callable(info) and info().currsize:
                print(f"{name}.{attr}")
"""


@pytest.mark.build
def test_importing_the_figures_computes_nothing():
    """No cached computation of gdlesson (descents, runs, figure texts) has run after
    the import alone: a worker that draws one figure computes what that one needs."""
    ran = subprocess.run(
        [sys.executable, "-c", IMPORT_ONLY], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert ran.stdout == ""


def test_render_all_renders_only_the_named_figures():
    first, last = FIGURES[0], FIGURES[-1]
    files = render_all([last.name, first.name])
    assert list(files) == [output_name(s, p) for s in (first, last) for p in PALETTES]


def test_files_are_what_their_names_say(rendered):
    for name, content in rendered.items():
        if name.endswith(".svg"):
            assert content.startswith(b"<?xml"), name
            assert b"<svg" in content[:500], name
        else:
            assert content[:4] == b"RIFF" and content[8:12] == b"WEBP", name


@pytest.mark.parametrize("spec", FIGURES, ids=NAMES)
def test_rendering_twice_gives_the_same_bytes(rendered, spec):
    assert render(spec, "dark") == rendered[output_name(spec, "dark")]


def numbered_ids(svg: bytes) -> str:
    """``svg`` with matplotlib's ids of markers and clip paths (hashes, of their colours
    too) numbered in the order they appear."""
    ids: dict[str, str] = {}
    return re.sub(
        r"\b[mp][0-9a-f]{10}\b", lambda m: ids.setdefault(m[0], f"id{len(ids)}"), svg.decode()
    )


@pytest.mark.parametrize("spec", [s for s in FIGURES if s.format == "svg"], ids=lambda s: s.name)
def test_a_dark_svg_recoloured_from_the_light_one_is_the_one_drawn_dark(rendered, spec):
    # The build draws an SVG light and recolours it (a figure with colours of its own,
    # blends, is drawn dark too): the file is the picture drawn dark.
    dark = rendered[output_name(spec, "dark")]
    assert numbered_ids(dark) == numbered_ids(drawn(spec, "dark"))


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


def test_a_raster_figure_is_webp_without_software_stamp(rendered):
    rasters = {name: content for name, content in rendered.items() if name.endswith(".webp")}
    assert rasters
    for name, content in rasters.items():
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


def _file_size(content: bytes) -> tuple[float, float]:
    """The size a browser gives an image file, in CSS pixels."""
    if content.startswith(b"RIFF"):  # RASTER_DPI pixels an inch, shown at 96 CSS pixels
        return tuple(v * 96 / RASTER_DPI for v in Image.open(io.BytesIO(content)).size)
    svg = re.search(rb"<svg [^>]*>", content).group()
    width, height = (
        float(re.search(rb'%s="([\d.]+)pt"' % k, svg).group(1)) for k in (b"width", b"height")
    )
    return width * 96 / 72, height * 96 / 72


@pytest.mark.parametrize("spec", FIGURES, ids=NAMES)
def test_size_is_the_size_of_the_file_the_browser_gets(rendered, spec):
    width, height = size(spec)
    for palette in PALETTES:
        file_width, file_height = _file_size(rendered[output_name(spec, palette)])
        # The page reserves this room: within half a pixel, the image fills it exactly.
        assert abs(width - file_width) <= 0.5 and abs(height - file_height) <= 0.5, palette


def test_description_numbers_the_figures_in_lesson_order():
    entries = [description(spec) for spec in FIGURES]
    assert [e["number"] for e in entries] == list(range(1, len(FIGURES) + 1))
    for spec, entry in zip(FIGURES, entries, strict=True):
        assert (entry["alt"], entry["caption"], entry["format"]) == (
            spec.alt,
            spec.caption,
            spec.format,
        )
        assert (entry["width"], entry["height"]) == size(spec)


@pytest.mark.parametrize("spec", FIGURES, ids=NAMES)
def test_alt_text_and_caption_are_useful_lines(spec):
    for text in (spec.alt, spec.caption):
        assert len(text) >= 40 and text == text.strip(), text
        assert "\n" not in text, text
        assert re.search(r"\d", text), f"no computed number in {text!r}"
    # The alt text becomes ![alt](...) in Markdown: no brackets.
    assert not any(c in spec.alt for c in "[]"), spec.alt
    # The caption says what to look at, and does not repeat the alt text.
    assert "Look at" in spec.caption
    assert spec.caption != spec.alt


# --- what the texts claim, checked against the computation --------------------------


def test_brute_force_texts():
    search, spec = lesson.search(), SPECS["brute-force"]
    assert f"w = {search.best_w:.3f}" in spec.alt and f"{search.best_cost:.4f}" in spec.alt
    assert f"{count(CANDIDATES)} candidates" in spec.caption
    # "it cannot be more precise than that spacing": the best candidate is the
    # nearest to the true minimum.
    assert f"{grid_spacing():.4f} apart" in spec.caption
    assert abs(search.best_w - one_weight_cost().minimum()[0]) <= grid_spacing() / 2


def test_network_texts_count_the_lines_drawn():
    spec = SPECS["network"]
    assert f"= {weight_count()} weights" in spec.alt
    assert f"= {weight_count()} in all" in spec.caption
    # "Every line is one weight": the diagram draws exactly that many lines.
    with styled("light"):
        fig = SPECS["network"].figure("light")
    assert len(fig.axes[0].lines) == weight_count()


def test_compute_budget_caption_compares_with_the_age_of_the_universe():
    years = [years_needed(combinations(), m.rmax_flops) for m in MACHINES]
    ratio = float(min(years)) / AGE_OF_UNIVERSE_YEARS
    assert ratio > 1
    assert f"{scientific_text(ratio, 2)} times that" in SPECS["compute-budget"].caption


def test_one_weight_captions_describe_the_descents():
    w_star = one_weight_cost().minimum()[0]
    rolling, zigzag = lesson.rolling_descent(), lesson.zigzag_descent()
    # The rolling ball: its steps shrink, one after the other.
    gaps = np.abs(np.diff(rolling.path))
    assert np.all(np.diff(gaps) < 0)
    assert f"{rolling.steps} steps" in SPECS["descent-1d"].alt
    assert outcome(rolling) in SPECS["descent-1d"].caption
    # The zig-zag: every step lands on the other side, nearer than the last.
    side = zigzag.path - w_star
    assert np.all(np.sign(side[1:]) == -np.sign(side[:-1]))
    assert np.all(np.abs(side[1:]) < np.abs(side[:-1]))
    assert f"{outcome(zigzag)}, against {rolling.steps}" in SPECS["zigzag-1d"].caption


def test_learning_rates_caption_names_each_outcome_and_why_the_last_diverges():
    runs, caption = lesson.rate_descents(), SPECS["learning-rates"].caption
    for run in runs.values():
        assert f"η = {run.learning_rate:g} {outcome(run)}" in caption
    last = list(runs.values())[-1]
    max_rate = 2 / one_weight_cost().curvature()
    assert last.diverged and last.learning_rate > max_rate
    assert f"2/L = {max_rate:.4f}" in caption
    # "each one lands higher up the other wall than the one before"
    side = last.path - one_weight_cost().minimum()[0]
    assert np.all(np.sign(side[1:]) == -np.sign(side[:-1]))
    assert np.all(np.diff(last.costs) > 0)


def test_two_weight_captions_describe_the_zigzag_and_the_slow_floor():
    cost, run = two_weight_cost(), lesson.two_weight_descent()
    w_min = cost.minimum()
    # It zig-zags: across the valley (the steepest direction) every step changes side.
    steepest = np.linalg.eigh(cost.inputs.T @ cost.inputs)[1][:, -1]
    across = (run.path - w_min) @ steepest
    assert np.all(np.sign(across[1:]) == -np.sign(across[:-1]))
    assert outcome(run) in SPECS["contour-2d"].caption
    # The first `fast` steps take DROP of the cost above the minimum, not one fewer.
    fast = steps_to_drop(run, cost(w_min), DROP)
    above = run.costs - cost(w_min)
    assert above[fast] <= (1 - DROP) * above[0] < above[fast - 1]
    caption = SPECS["surface-3d"].caption
    assert f"the first {fast} take away {DROP:.0%}" in caption
    assert f"the other {run.steps - fast} crawl" in caption


def test_cost_per_step_texts_say_what_each_rate_does():
    spec, shown = SPECS["cost-per-step"], choices.STEPS_CHOOSING
    small, good, large = (lesson.descent_2d(r) for r in lesson.RATES_CHOOSING.values())
    two = two_weight_cost()
    low = two(two.minimum())
    # "creeps down, still falling at step 60"
    assert small.costs[shown] < small.costs[shown - 1] and small.costs[shown] > 3 * low
    assert f"to {small.costs[shown]:.3f} at step {shown}" in spec.alt
    # "drops to the lowest cost and stays there"
    assert abs(good.costs[shown] - low) < 0.01 * low
    assert f"lowest cost, {low:.3f}" in spec.alt and f"lowest cost, {low:.3f}" in spec.caption
    # "climbs from the first step on", and the descent diverged
    assert np.all(np.diff(large.costs) > 0) and large.diverged
    assert f"diverged after {count(large.steps)} steps" in spec.alt


@pytest.mark.parametrize("palette", PALETTES)
def test_gradient_arrows_are_minus_the_gradient_on_equal_scales(palette):
    """Each arrow is −∇C at its point, one length, centred on the point, on axes of equal
    scales (so right angles look right); the caption says the length is one for all."""
    cost = two_weight_cost()
    with styled(palette):
        fig = SPECS["gradient-arrows"].figure(palette)
    ax = fig.axes[0]
    assert ax.get_aspect() == 1.0
    arrows = [a for a in ax.texts if getattr(a, "arrow_patch", None) is not None]
    points = arrow_points()
    assert len(arrows) == len(points) > 0
    for arrow, w in zip(arrows, points, strict=True):
        tail, head = np.array(arrow.xyann), np.array(arrow.xy)
        np.testing.assert_allclose((tail + head) / 2, w, atol=1e-12)
        np.testing.assert_allclose(np.linalg.norm(head - tail), ARROW_LENGTH, rtol=1e-12)
        down = -cost.gradient(w)
        np.testing.assert_allclose(
            (head - tail) / ARROW_LENGTH, down / np.linalg.norm(down), atol=1e-12
        )
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    assert np.all((points[:, 0] > x0) & (points[:, 0] < x1))
    assert np.all((points[:, 1] > y0) & (points[:, 1] < y1))
    assert "one length" in SPECS["gradient-arrows"].caption
    fig.clear()


def test_why_it_wins_texts_quote_the_work_of_both_descents():
    net, one = trained_by_descent(), lesson.rate_descents()["just right"]
    net_passes, one_passes = 2 * (net.steps + 1), 2 * (one.steps + 1)
    spec = SPECS["why-it-wins"]
    assert f"against {count(one_passes)} of gradient descent" in spec.alt
    assert f"against {count(net_passes)} of descent" in spec.alt
    assert f"makes {CANDIDATES / one_passes:.3g} times" in spec.caption
    assert f"{scientific_text(combinations() / net_passes, 2)} times" in spec.caption


# --- palettes ----------------------------------------------------------------------


@pytest.mark.parametrize("palette", ["sepia", "", "Light", None, 1])
def test_bad_palette_is_refused_naming_palette(palette):
    with pytest.raises(ValueError, match="palette"):
        render(FIGURES[0], palette)
    with pytest.raises(ValueError, match="palette"):
        output_name(FIGURES[0], palette)
    with pytest.raises(ValueError, match="palette"), styled(palette):
        pass
    with pytest.raises(ValueError, match="palette"):
        FIGURES[0].figure(palette)


def test_output_name():
    for spec in FIGURES:
        assert output_name(spec, "dark") == f"{spec.name}-dark.{spec.format}"


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


# --- the command line ----------------------------------------------------------------


def _cli(*args, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "gdlesson", *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
    )


@pytest.mark.build
def test_cli_writes_every_figure(tmp_path, rendered):
    outdir = tmp_path / "new" / "figures"
    result = _cli("figures", str(outdir))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == len(PALETTES) * len(FIGURES)
    written = sorted(p.name for p in outdir.iterdir())
    assert written == sorted(rendered)
    for line in lines:
        name, size_in_bytes = line.split()
        assert (outdir / name).stat().st_size == int(size_in_bytes)
        # Another process, the same bytes.
        assert (outdir / name).read_bytes() == rendered[name]


@pytest.mark.build
def test_cli_only_renders_the_named_figures(tmp_path):
    first, last = FIGURES[0].name, FIGURES[-1].name
    result = _cli("figures", str(tmp_path), "--only", first, "--only", last)
    assert result.returncode == 0, result.stderr
    assert [line.split()[0] for line in result.stdout.splitlines()] == [
        output_name(spec, palette) for spec in (FIGURES[0], FIGURES[-1]) for palette in PALETTES
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
@pytest.mark.build
def test_cli_bad_usage_exits_2_with_a_message(tmp_path, args, message):
    a_file = tmp_path / "a-file"
    a_file.write_text("")
    args = [a.format(tmp=tmp_path / "out", file=a_file) for a in args]
    result = _cli(*args)
    assert result.returncode == 2
    assert message in result.stderr
    assert result.stdout == ""
    assert not (tmp_path / "out").exists()
