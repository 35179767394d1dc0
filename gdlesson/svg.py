"""Matplotlib's SVG in fewer bytes, drawn the same: what a phone downloads and
parses is the page's weight (issue 17: every page under 400 KiB uncompressed).

Matplotlib writes each coordinate to six decimals, a line break after each
point of a path, an ``L`` before each point of a line, a metadata block, a
DTD and a ``rotate(-0 …)`` on each level label. :func:`tight` drops what
draws nothing and rounds what no screen can show.
"""

from __future__ import annotations

import re

_NUMBERED = re.compile(r'(\s(?:d|x|y|width|height|viewBox|transform)=")([^"]*)"')
_NUMBER = re.compile(r"-?\d+\.\d+")


def rounded(svg: str, decimals: int) -> str:
    """Every coordinate of ``svg`` to ``decimals`` places, without trailing zeros.

    >>> rounded('<path d="M 1.234567 -0.0001 L 2.5 3"/>', 2)
    '<path d="M 1.23 0 L 2.5 3"/>'
    """

    def number(match: re.Match) -> str:
        value = f"{float(match[0]):.{decimals}f}".rstrip("0").rstrip(".")
        return "0" if value == "-0" else value

    return _NUMBERED.sub(lambda m: m[1] + _NUMBER.sub(number, m[2]).strip() + '"', svg)


def _implicit(match: re.Match) -> str:
    tokens, last = [], None
    for token in match[2].split():
        if token == "L" and last in ("M", "L"):
            continue
        if token.isalpha():
            last = token
        tokens.append(token)
    return f'{match[1]}{" ".join(tokens)}"'


def implicit_lines(svg: str) -> str:
    """Paths on one line each, without the ``L`` that SVG implies: a pair of
    numbers after a move or a line is a line to it.

    >>> implicit_lines('<path d="M 0 0 \\nL 1 1 \\nL 2 0 \\nz\\n"/>')
    '<path d="M 0 0 1 1 2 0 z"/>'
    """
    return re.sub(r'( d=")([^"]*)"', _implicit, svg)


def _short(units: int, decimals: int) -> str:
    """``units`` hundredths (for two ``decimals``) written as SVG's shortest number."""
    text = f"{units / 10**decimals:.{decimals}f}".rstrip("0").rstrip(".")
    text = text.replace("0.", ".", 1) if text.lstrip("-").startswith("0.") else text
    return "0" if text == "-0" else text


def _numbers(values: list[str]) -> str:
    """SVG numbers run together where the grammar allows: a sign or a second
    point starts a new number."""
    out = ""
    for value in values:
        last = out.rsplit(" ", 1)[-1].rsplit("-", 1)[-1]
        joined = value.startswith("-") or (value.startswith(".") and "." in last)
        out += value if (joined or not out) else " " + value
    return out


def _relative(match: re.Match, decimals: int) -> str:
    tokens = match[2].split()
    if not tokens or tokens[0] != "M" or any(t.isalpha() and t not in "Mz" for t in tokens):
        return match[0]  # curves (markers, arrow heads) stay as they are
    scale = 10**decimals
    units = [t if t.isalpha() else round(float(t) * scale) for t in tokens]
    out, here, start, i = [], None, None, 0
    while i < len(units):
        if units[i] == "z":
            out.append("z")
            here, i = start, i + 1
            continue
        point = (units[i + 1], units[i + 2])
        move = point if here is None else (point[0] - here[0], point[1] - here[1])
        out.append(("M" if here is None else "m") + _numbers([_short(u, decimals) for u in move]))
        here = start = point
        i += 3
        steps = []
        while i < len(units) and units[i] != "M" and units[i] != "z":
            point = (units[i], units[i + 1])
            steps += [_short(point[0] - here[0], decimals), _short(point[1] - here[1], decimals)]
            here, i = point, i + 2
        if steps:
            out.append("l" + _numbers(steps))
    return f'{match[1]}{"".join(out)}"'


def relative_paths(svg: str, decimals: int) -> str:
    """Each path of straight lines written as moves from the point before,
    exactly (the coordinates are already rounded to ``decimals`` places): the
    steps of a curve drawn point by point are small numbers, shorter than
    where they land. A path with curves is left as it is.

    >>> relative_paths('<path d="M 10.5 20 10.75 19.5 10 20 z M 12 0 13 1"/>', 2)
    '<path d="M10.5 20l.25-.5-.75.5zm1.5-20l1 1"/>'
    >>> relative_paths('<path d="M 0 0 C 1 1 2 2 3 3"/>', 2)
    '<path d="M 0 0 C 1 1 2 2 3 3"/>'
    """
    return re.sub(r'( d=")([^"]*)"', lambda m: _relative(m, decimals), svg)


def without_bare_groups(svg: str) -> str:
    """``svg`` without the ``<g>`` tags that carry no attribute (they do nothing);
    what they hold stays.

    >>> without_bare_groups('<g id="a"><g><path/></g></g>')
    '<g id="a"><path/></g>'
    """
    kept, out = [], []
    for token in re.split(r"(<g>|<g\s[^>]*>|</g>)", svg):
        if token == "<g>":
            kept.append(False)
        elif token.startswith("<g"):
            kept.append(True)
            out.append(token)
        elif token == "</g>":
            if kept.pop():
                out.append(token)
        else:
            out.append(token)
    return "".join(out)


def tight(svg: str, decimals: int = 2) -> str:
    """Matplotlib's ``svg`` file without its metadata, DTD, upright rotations or
    whitespace between tags, coordinates to ``decimals`` places (a hundredth of
    a point is finer than any screen's pixel at the sizes the site shows), and
    paths written short. Text keeps its spaces; ids stay (clip paths use them).
    """
    svg = re.sub(r"<!DOCTYPE[^>]*>", "", svg)
    svg = re.sub(r"<metadata>.*?</metadata>", "", svg, flags=re.S)
    svg = re.sub(r' transform="rotate\(-?0 [^)]*\)"', "", svg)
    svg = re.sub(r">\s+<", "><", svg)
    return relative_paths(implicit_lines(rounded(svg, decimals)), decimals).strip() + "\n"


#: A colour as matplotlib writes it in an SVG (in a style, an attribute, anywhere).
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}\b")


def recoloured(svg: str, source: dict[str, str], target: dict[str, str]) -> str | None:
    """``svg`` drawn in the palette ``source`` as it is in ``target``: each colour of
    ``source`` swapped for the one of the same role in ``target``. ``None`` when the
    drawing holds a colour of no role in ``source`` (a blend, a default), which only
    drawing it again can give.

    >>> light = {"text": "#000000", "line": "#0000ff"}
    >>> dark = {"text": "#ffffff", "line": "#8888ff"}
    >>> recoloured('<path style="stroke: #0000ff"/><text fill="#000000">#1</text>', light, dark)
    '<path style="stroke: #8888ff"/><text fill="#ffffff">#1</text>'
    >>> print(recoloured('<path style="fill: #123456"/>', light, dark))
    None
    """
    swaps = {source[role].lower(): target[role] for role in source}
    found = {colour.lower() for colour in _COLOUR.findall(svg)}
    if len(swaps) != len(source) or not found <= swaps.keys():
        return None
    return _COLOUR.sub(lambda match: swaps[match[0].lower()], svg)
