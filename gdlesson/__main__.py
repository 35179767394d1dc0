"""The command line: ``python -m gdlesson figures OUTDIR [--only NAME ...]`` and
``python -m gdlesson explain``.

``explain`` prints the curvatures of the lesson's costs, the limits they set on
a learning rate and each chosen rate's regime (:mod:`gdlesson.explain`).
``figures`` renders every figure of the lesson, in both palettes, into OUTDIR (created if
missing), and prints one line per file written: its name and size in bytes.
Bad usage prints a message on stderr and exits with status 2; so does an
OUTDIR that cannot take the figures (empty, under a file, unwritable, holding a
folder named like a figure), in one line, found before any figure is drawn.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

PROG = "python -m gdlesson"


def _parsers() -> tuple[argparse.ArgumentParser, argparse.ArgumentParser]:
    """The main parser and its ``figures`` subcommand's parser."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Build the figures of the gradient-descent lesson, or explain its rates.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    figures = commands.add_parser(
        "figures",
        help="render every figure, light and dark, into OUTDIR",
        description="Render every figure of the lesson, in both palettes, into OUTDIR.",
    )
    figures.add_argument(
        "outdir", metavar="OUTDIR", help="directory to write into (created if missing)"
    )
    figures.add_argument(
        "--only",
        metavar="NAME",
        action="append",
        default=None,
        help="render only this figure; repeat for several",
    )
    commands.add_parser(
        "explain",
        help="print the costs' curvatures and each learning rate's regime",
        description="Print the curvatures of the lesson's costs, the limits they set on a "
        "learning rate, and what each rate the lesson chooses does.",
    )
    return parser, figures


def _fail(message: str):
    """End the command with ``message`` as one line on stderr, and status 2."""
    sys.stderr.write(f"{PROG} figures: error: {message}\n")
    raise SystemExit(2)


def _ready_outdir(name: str, files: list[str]) -> Path:
    """OUTDIR created and checked writable for ``files``, or :func:`_fail` saying why not."""
    if not name:
        _fail("OUTDIR is empty: name the folder to write into")
    outdir = Path(name)
    try:
        if outdir.exists() and not outdir.is_dir():
            _fail(f"OUTDIR {name!r} exists and is not a directory")
        outdir.mkdir(parents=True, exist_ok=True)
    except (OSError, ValueError) as error:  # ValueError: a NUL byte in the name
        _fail(f"cannot create OUTDIR {name!r}: {getattr(error, 'strerror', None) or error}")
    try:
        with tempfile.NamedTemporaryFile(dir=outdir, prefix=".gdlesson-probe-"):
            pass
    except OSError as error:
        _fail(f"cannot write into OUTDIR {name!r}: {error.strerror or error}")
    taken = [file for file in files if (outdir / file).is_dir()]
    if taken:
        _fail(f"OUTDIR {name!r} holds a folder where a figure goes: {', '.join(taken)}")
    return outdir


def main(argv=None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    parser, figures_parser = _parsers()
    args = parser.parse_args(argv)
    if args.command == "explain":
        from gdlesson.explain import report

        print(report())
        return 0

    # Imported here, so that --help and usage errors answer at once.
    from gdlesson.figures import FIGURES, PALETTES, output_name, render_all

    known = [spec.name for spec in FIGURES]
    if args.only:
        unknown = [name for name in args.only if name not in known]
        if unknown:
            figures_parser.error(
                f"unknown figure {', '.join(map(repr, unknown))} for --only; "
                f"known: {', '.join(known)}"
            )
    wanted = [spec for spec in FIGURES if args.only is None or spec.name in args.only]
    files = [output_name(spec, palette) for spec in wanted for palette in PALETTES]
    outdir = _ready_outdir(args.outdir, files)

    for name, content in render_all(args.only).items():
        _write_whole(outdir / name, content)
        print(f"{name} {len(content)}")
    return 0


def _write_whole(path: Path, content: bytes) -> None:
    """Write ``path`` whole or leave it as it was (a temporary file, then renamed):
    a full disk leaves no half-written figure; or :func:`_fail` saying why."""
    partial = None
    try:
        with tempfile.NamedTemporaryFile(
            dir=path.parent, prefix=f".{path.name}.", suffix=".partial", delete=False
        ) as file:
            partial = Path(file.name)
            file.write(content)
        partial.chmod(0o644)
        os.replace(partial, path)
    except OSError as error:
        if partial is not None:
            partial.unlink(missing_ok=True)
        _fail(f"cannot write {str(path)!r}: {error.strerror or error}")


if __name__ == "__main__":
    sys.exit(main())
