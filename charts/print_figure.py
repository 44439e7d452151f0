"""A chart as a handout prints it: the slide image's SVG at a print size, flattened into the
subset of SVG that fpdf2 draws as vectors (sharp at any zoom, its text real text).

The slide is laid out at ``PRINT_WIDTH`` x ``PRINT_HEIGHT`` units instead of 1920x1080, so
its smallest text (``charts.export.MIN_TEXT``, 20 units) prints at ``MIN_PRINT_PT`` or more
on the page's text width (:func:`printed_pt`). fpdf2 2.8.9 skips a nested ``<svg>``, stops
at a path with an empty ``d`` and at a ``<line>`` without its four ends (Vega writes all
three); they are rewritten here into what it reads: a ``<g>``, nothing, and ends of 0. It
draws SVG text in Helvetica (Latin-1), so arrows, dashes and curly quotes are written plainly
("->", "-", '"').
"""

from __future__ import annotations

import re

from charts.export import MIN_TEXT, ChartOrSpec, svg_text

PRINT_WIDTH, PRINT_HEIGHT = 900, 760  # taller than 16:9: a page has the room
PRINT_GRID_HEIGHT = 1000  # a grid (the heatmap): its rows need 30 units for 20-unit names
MIN_PRINT_PT = 8  # the smallest figure text on paper
PX_PT = 0.75  # fpdf2 draws an SVG's "20px" text as 15 of the drawing's units (1 px = 0.75 pt)
_NESTED = re.compile(r'<svg x="0" y="0" width="[0-9.]+" height="[0-9.]+" viewBox="[^"]*">')
# fpdf2 draws SVG text in its built-in Helvetica, which holds Latin-1 only.
_PLAIN = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "—": "-", "–": "-",
                        "…": "...", "→": "->", "←": "<-", "·": "-", "≥": ">=", "≤": "<="})
_EMPTY_PATH = re.compile(r'<path[^>]* d=""[^>]*?(?:/>|></path>)')


def print_svg(chart: ChartOrSpec, source_line: str) -> str:
    """The chart's slide at print size, as SVG that fpdf2 draws whole."""
    spec = chart if isinstance(chart, dict) else chart.to_dict()
    grid = isinstance(spec.get("width"), dict)  # sized by its cells ("step")
    svg = svg_text(spec, source_line, None, PRINT_WIDTH,
                   PRINT_GRID_HEIGHT if grid else PRINT_HEIGHT)
    head, rest = svg.split(">", 1)
    flat = head + ">" + _NESTED.sub("<g>", rest, count=1)
    inner_end = flat.rfind("</svg>", 0, flat.rfind("</svg>"))
    flat = flat[:inner_end] + "</g>" + flat[inner_end + len("</svg>"):]
    flat = _EMPTY_PATH.sub("", flat)
    for end in ("x1", "y1", "x2", "y2"):
        flat = re.sub(rf"<line(?![^>]*\b{end}=)", f'<line {end}="0"', flat)
    return flat.translate(_PLAIN).encode("latin-1", "replace").decode("latin-1")


def printed_pt(width_mm: float) -> float:
    """The smallest figure text in points when the figure is printed ``width_mm`` wide.

    >>> round(printed_pt(178), 1)
    8.4
    """
    return MIN_TEXT * PX_PT * (width_mm / 25.4 * 72) / PRINT_WIDTH
