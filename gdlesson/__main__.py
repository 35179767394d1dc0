"""The command line: ``python -m gdlesson figures OUTDIR [--only NAME ...]``.

Renders every figure of the lesson, in both palettes, into OUTDIR (created if
missing), and prints one line per file written: its name and size in bytes.
Bad usage prints a message on stderr and exits with status 2.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _parsers() -> tuple[argparse.ArgumentParser, argparse.ArgumentParser]:
    """The main parser and its ``figures`` subcommand's parser."""
    parser = argparse.ArgumentParser(
        prog="python -m gdlesson",
        description="Build the figures of the gradient-descent lesson.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    figures = commands.add_parser(
        "figures",
        help="render every figure, light and dark, into OUTDIR",
        description="Render every figure of the lesson, in both palettes, into OUTDIR.",
    )
    figures.add_argument(
        "outdir", metavar="OUTDIR", type=Path, help="directory to write into (created if missing)"
    )
    figures.add_argument(
        "--only",
        metavar="NAME",
        action="append",
        default=None,
        help="render only this figure; repeat for several",
    )
    return parser, figures


def main(argv=None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    parser, figures_parser = _parsers()
    args = parser.parse_args(argv)

    outdir: Path = args.outdir
    if outdir.exists() and not outdir.is_dir():
        figures_parser.error(f"OUTDIR {str(outdir)!r} exists and is not a directory")

    # Imported here, so that --help and usage errors answer at once.
    from gdlesson.figures import FIGURES, render_all

    known = [spec.name for spec in FIGURES]
    if args.only:
        unknown = [name for name in args.only if name not in known]
        if unknown:
            figures_parser.error(
                f"unknown figure {', '.join(map(repr, unknown))} for --only; "
                f"known: {', '.join(known)}"
            )
    try:
        outdir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        figures_parser.error(f"cannot create OUTDIR {str(outdir)!r}: {error.strerror or error}")

    for name, content in render_all(args.only).items():
        (outdir / name).write_bytes(content)
        print(f"{name} {len(content)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
