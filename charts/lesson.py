"""Charts as the lesson projects them: one column of a 720 px screen, text at least 18 px.

Built on the slide export (same fonts and limits): the chart takes its column's width and a
fixed height, loses its title (the step's title is above it) and any sentence that tells the
room to click, and a grid or a long title is fitted to the column.
"""

from __future__ import annotations

import textwrap

from charts.body_map import fit_names
from charts.export import (
    CAPTION_TEXT,
    SLIDE_WIDTH,
    TITLE_TEXT,
    ChartOrSpec,
    resize_fonts,
    slide_spec,
)
from charts.style import RANK_LEGEND_TITLE

LESSON_TEXT = 18  # px: the smallest chart text on the projector in lesson mode
FIGURE_LEGENDS = 100  # px of a figure's height its legends take (two entries a line each)


def lesson_spec(chart: ChartOrSpec, height: int) -> dict:
    """The chart as the lesson shows it on a projector: as wide as its column, exactly
    ``height`` px tall, no title (the step's title is above it), text at least LESSON_TEXT px
    in full-contrast black, and no sentence that tells the room to click."""
    source = chart if isinstance(chart, dict) else chart.to_dict()
    figure = isinstance(source.get("width"), int) and isinstance(source.get("height"), int)
    spec = slide_spec(source, caption=[], width=SLIDE_WIDTH, height=height, keep_aspect=False)
    spec.pop("title", None)
    # A figure (the body map) keeps its proportions; any other chart takes its column's width.
    spec["width"] = round(height * source["width"] / source["height"]) if figure else "container"
    if isinstance(source.get("width"), dict):  # a grid sized by steps (the heatmap) cannot
        spec["width"], spec["height"] = {"step": 38}, {"step": 25}  # be fitted: sized by cell
        spec["autosize"] = {"type": "pad"}
        _untitled_grid(spec)
    else:
        for node in spec.get("layer", []):
            node.pop("width", None)
        spec["autosize"] = {"type": "fit", "contains": "padding"}
        _projected_axes(spec)
        wrap_titles(spec, 22)
    if figure:  # the figure itself at a known size, its legends under it (the browser's
        # legends are taller than the renderer's, so fitting would leave the names' spacing
        # measured for another size), and as wide as tall, so the body is not stretched
        spec["height"] = height - FIGURE_LEGENDS
        spec["width"] = round(spec["height"] * source["width"] / source["height"])
        spec["autosize"] = {"type": "pad"}
    spec["padding"] = {"left": 4, "right": 4, "top": 4, "bottom": 4}
    shrink = {CAPTION_TEXT: LESSON_TEXT + 2, TITLE_TEXT: LESSON_TEXT + 6}
    resize_fonts(spec.get("config", {}), lambda size: shrink.get(size, max(LESSON_TEXT, size - 2)))
    if figure:
        fit_names(spec, (spec["width"], spec["height"]))
    return spec


GRID_KEY = ("{strongest} blue: the site the NCI table lists 1st for that cancer, then 2nd, then "
            "3rd (an order, not a percentage). Blank: not in its three.")
"""What a projected grid's colour means, said under it in place of its legend."""


def _untitled_grid(spec: dict) -> None:
    """Fit a grid on one projected screen: no axis titles (the step's title says what the
    rows and columns are), column labels upright and short, no colour legend (the page says what
    the colour means in one line: see ``GRID_KEY``), no legend for marks it does not draw."""
    for layer in spec.get("layer", [spec]):
        encoding = layer.get("encoding", {})
        for channel in ("x", "y"):
            if channel in encoding:
                encoding[channel]["title"] = None
        if "x" in encoding:  # upright labels a step apart never touch; a gloss in brackets
            axis = encoding["x"].setdefault("axis", {})  # is left to the page's own table
            axis.update(labelAngle=-90, labelExpr="split(datum.label, ' (')[0]",
                        labelAlign="left", labelBaseline="middle")
        if "y" in encoding:  # "Breast", not "Breast cancer": the step's title says cancers
            encoding["y"].setdefault("axis", {}).update(
                labelFlush=False, labelExpr="replace(datum.label, / cancer$/, '')")
        if "color" in encoding:  # the lesson says what the colour means in a line under it
            encoding["color"]["legend"] = None
        if "shape" in encoding and not any(row.get("marker") for row in (
                layer.get("data", {}).get("values") or [])):
            encoding["shape"]["legend"] = None


def _projected_axes(spec: dict) -> None:
    """Fit a chart's axes to a projected column: names without a bracketed gloss, the x
    title ending at the plot's right edge (centred, a long one runs out of the picture), and
    no rank colour legend (the page says what the colour means: see ``RANK_KEY_LINE``)."""
    for layer in spec.get("layer", [spec]):
        encoding = layer.get("encoding", {})
        y, x = encoding.get("y") or {}, encoding.get("x") or {}
        if y.get("type") == "nominal" and y.get("axis", {}) is not None:
            y.setdefault("axis", {})["labelExpr"] = "split(datum.label, ' (')[0]"
        if x.get("axis", {}) is not None and x.get("title"):
            x.setdefault("axis", {}).update(titleAnchor="end", titleAlign="right")
        colour = encoding.get("color") or {}
        if colour.get("title") == RANK_LEGEND_TITLE:
            colour["legend"] = None


RANK_KEY_LINE = ("{strongest} blue: ranked 1st by the NCI table, then 2nd, then 3rd (an "
                 "order, not a percentage).")
"""What a projected chart's rank colour means, said under it in place of its legend."""


def _wrapped(text: object, width: int = 28) -> object:
    """A long title as lines of at most ``width`` characters (Vega draws a list as lines)."""
    return textwrap.wrap(text, width) if isinstance(text, str) and len(text) > width else text


LEGEND_CHANNELS = frozenset({"color", "shape", "strokeDash", "strokeWidth", "size"})


def wrap_titles(spec: dict, width: int = 28) -> None:
    """Fit axis and legend titles into a narrow column (a lesson's, a phone's): long ones on
    lines of at most ``width`` characters, legends stacked under the chart rather than in one
    long row that would be cut off."""
    for node in [spec, *spec.get("layer", [])]:
        values = (node.get("data") or {}).get("values") or []
        for name, channel in node.get("encoding", {}).items():
            if not isinstance(channel, dict):
                continue
            if "title" in channel:
                channel["title"] = _wrapped(channel["title"], width)
            if name not in LEGEND_CHANNELS or channel.get("legend", {}) is None:
                continue
            field = channel.get("field")
            if values and field and len({row.get(field) for row in values}) < 2:
                channel["legend"] = None  # one kind drawn: a legend would list the absent ones
                continue
            channel["legend"] = {**(channel.get("legend") or {}), "orient": "bottom",
                                 "direction": "vertical"}
