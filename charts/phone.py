"""Charts as a phone shows them: everything inside a 390 px screen, nothing cut off.

Charts that need a different form on a phone are drawn for it where they are built (the
heatmap becomes one cancer's rows, the network wraps its labels). Every other chart is
fitted here: long titles on several lines, legends stacked under the chart, and a figure of
fixed size (the body map) scaled down with its proportions kept.
"""

from __future__ import annotations

import copy
import textwrap

from charts.body_map import fit_names
from charts.export import each_legend
from charts.lesson import wrap_titles

PHONE_CHART_WIDTH = 340  # px: a 390 px screen less the page's margins
TITLE_CHARACTERS = 34  # a chart title's line at 18 px on that width
AXIS_CHARACTERS = 30


def _lines(text: object, width: int) -> object:
    """``text`` as lines of at most ``width`` characters (a list stays a list)."""
    if isinstance(text, list):
        return [line for part in text for line in _lines(part, width)]
    if isinstance(text, str) and len(text) > width:
        return textwrap.wrap(text, width)
    return [text] if isinstance(text, str) else text


def phone_spec(spec: dict) -> dict:
    """A copy of a Vega-Lite ``spec`` that fits a phone (see the module's docstring).

    Examples
    --------
    >>> fitted = phone_spec({"width": 560, "height": 720, "title": {"text": "Short"}})
    >>> fitted["width"], fitted["height"], fitted["title"]["text"]
    (340, 437, ['Short'])
    """
    out = copy.deepcopy(spec)
    title = out.get("title")
    if isinstance(title, dict):
        title["text"] = _lines(title.get("text", ""), TITLE_CHARACTERS)
        if "subtitle" in title:
            title["subtitle"] = _lines(title["subtitle"], TITLE_CHARACTERS + 10)
    width, height = out.get("width"), out.get("height")
    if isinstance(width, int) and width > PHONE_CHART_WIDTH:
        out["width"] = PHONE_CHART_WIDTH
        if isinstance(height, int):
            out["height"] = round(height * PHONE_CHART_WIDTH / width)
            fit_names(out, (out["width"], out["height"]))  # the figure's own size (pad)
    if not isinstance(width, dict):  # a grid sized by its cells keeps its own legends
        wrap_titles(out, AXIS_CHARACTERS)
    each_legend(out, lambda legend: legend.pop("columns", None))  # one entry a line
    return out
