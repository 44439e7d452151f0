"""Slide-ready images of any chart: PNG at presentation resolution and SVG, rendered offline
by vl-convert, with the chart's title and a source line inside the image."""

from __future__ import annotations

import copy
import re

import altair as alt
import vl_convert as vlc

SLIDE_WIDTH = 900
PNG_SCALE = 2  # 900 px of chart becomes about 1,800 px: sharp on a projector


ChartOrSpec = alt.TopLevelMixin | dict

# vl-convert aborts the whole Python process (not an exception) on text holding a C0 control
# character other than tab, line feed and carriage return, or a non-character such as U+FFFE
# (checked with vl-convert-python 1.9.0). Lone surrogates cannot be encoded at all.
_UNRENDERABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def renderable(value: object) -> object:
    r"""``value`` (a spec, or any part of one) with every unrenderable character removed from
    its strings and keys, so no chart text can crash the renderer.

    >>> renderable({"title": "a\x0bb", "data": [{"x\x00": "\ufffec"}], "n": 1})
    {'title': 'ab', 'data': [{'x': 'c'}], 'n': 1}
    """
    if isinstance(value, str):
        return _UNRENDERABLE.sub("", value)
    if isinstance(value, dict):
        return {renderable(k): renderable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [renderable(v) for v in value]
    return value


def slide_spec(chart: ChartOrSpec, source_line: str, width: int = SLIDE_WIDTH) -> dict:
    """The chart's Vega-Lite spec with ``source_line`` under its subtitle and a fixed width.

    Takes an Altair chart or its spec (a dict, left unchanged). A width of "container" only
    means something inside a web page, so it becomes ``width``.
    """
    spec = copy.deepcopy(chart if isinstance(chart, dict) else chart.to_dict())
    title = spec.get("title") or {"text": ""}
    title = {"text": title} if isinstance(title, str) else title
    subtitle = title.get("subtitle", [])
    title["subtitle"] = ([subtitle] if isinstance(subtitle, str) else list(subtitle)) + [
        source_line]
    spec["title"] = title
    _fix_width(spec, width)
    spec.setdefault("background", "white")
    return renderable(spec)


def _fix_width(spec: dict, width: int) -> None:
    """Replace every "container" width in the spec (top level and layers) with ``width``."""
    if spec.get("width") == "container":
        spec["width"] = width
    for layer in spec.get("layer", []):
        _fix_width(layer, width)


def png_bytes(chart: ChartOrSpec, source_line: str) -> bytes:
    """The chart as a PNG image for slides."""
    return vlc.vegalite_to_png(slide_spec(chart, source_line), scale=PNG_SCALE)


def svg_text(chart: ChartOrSpec, source_line: str) -> str:
    """The chart as an SVG document (scales to any size)."""
    return vlc.vegalite_to_svg(slide_spec(chart, source_line))
