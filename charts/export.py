"""Slide-ready images of any chart, at 16:9: a 1920x1080 PNG or an SVG of the same
proportions, rendered offline by vl-convert.

The chart fills the slide (Vega-Lite's ``fit`` autosize), every text on it is at least
``MIN_TEXT`` px at 1920x1080, its title and caption sit above it and the source line is
wrapped under it. A caption describes the image, never the screen: sentences that tell a
person to click or hover are left out, and a caller that filtered the view passes a
``caption`` naming the filters.
"""

from __future__ import annotations

import copy
import re
import textwrap
from xml.sax.saxutils import escape

import altair as alt
import vl_convert as vlc

from charts.body_map import NAME_LAYERS, fit_names
from charts.theme import LIGHT

SLIDE_WIDTH, SLIDE_HEIGHT = 1920, 1080
MIN_TEXT = 20  # px at 1920x1080: readable from the back of a classroom
TITLE_TEXT = 40
CAPTION_TEXT = 26
SOURCE_TEXT = 22
SOURCE_LINE_HEIGHT = 30
SOURCE_WRAP = 160  # characters per source line at SOURCE_TEXT px (about 1,750 px wide)
MARGIN = 40
PNG_SCALE = 1  # the slide is laid out at 1920x1080 already

ChartOrSpec = alt.TopLevelMixin | dict

# vl-convert aborts the whole Python process (not an exception) on text holding a C0 control
# character other than tab, line feed and carriage return, or a non-character such as U+FFFE
# (checked with vl-convert-python 1.9.0). Lone surrogates cannot be encoded at all.
_UNRENDERABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
# A sentence that only makes sense on screen ("Click a node to ...", "Hover for ...").
_ON_SCREEN = re.compile(r"\s*\b(?:Click|Tap|Hover|Select|Drag|Scroll|Zoom)\b[^.]*\.")
_FRAME = re.compile(r'<path class="background"[^>]*d="M0,0h([0-9.]+)v([0-9.]+)h')
_FONT_SIZE = re.compile(r'font-size="([0-9.]+)px"')

# Every default text size Vega-Lite would otherwise pick (10-13 px), raised for the room.
_SLIDE_CONFIG = {
    "axis": {"labelFontSize": MIN_TEXT + 2, "titleFontSize": MIN_TEXT + 4, "labelLimit": 520,
             "titleLimit": 1400, "labelColor": LIGHT.text, "titleColor": LIGHT.text},
    "legend": {"labelFontSize": MIN_TEXT + 2, "titleFontSize": MIN_TEXT + 2, "labelLimit": 700,
               "titleLimit": 1400, "labelColor": LIGHT.text, "titleColor": LIGHT.text,
               "symbolSize": 320, "offset": 28},  # clear of an axis title as wide as the chart
    "header": {"labelFontSize": MIN_TEXT + 2, "titleFontSize": MIN_TEXT + 4},
    "title": {"fontSize": TITLE_TEXT, "subtitleFontSize": CAPTION_TEXT, "anchor": "start",
              "color": LIGHT.text, "subtitleColor": LIGHT.text, "limit": SLIDE_WIDTH - 2 * MARGIN,
              "subtitlePadding": 8, "offset": 24},
    "text": {"fontSize": MIN_TEXT},
    "mark": {"fontSize": MIN_TEXT},
}


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


def off_screen(line: str) -> str:
    """A caption line without the sentences that only make sense on screen.

    >>> off_screen("Dashed = a sentence. Click a node to light up its links.")
    'Dashed = a sentence.'
    """
    return _ON_SCREEN.sub("", line).strip()


def filters_caption(named: dict[str, list[str]], every: dict[str, int]) -> str:
    """One caption line naming the filters that leave something out, or "" when none does.

    ``named`` maps a filter's name to the labels chosen; ``every`` maps it to how many there
    are in all. A filter that keeps everything is not a filter and is not named.

    >>> filters_caption({"Cancers": ["Lung", "Breast"], "Sources": ["NCI"]},
    ...                 {"Cancers": 2, "Sources": 5})
    'Filtered to sources: NCI. Blank = left out by the filter or named by no source shown.'
    """
    parts = [f"{name.lower()}: {', '.join(chosen)}" for name, chosen in named.items()
             if len(chosen) < every.get(name, len(chosen) + 1)]
    if not parts:
        return ""
    return (f"Filtered to {'; '.join(parts)}. "
            "Blank = left out by the filter or named by no source shown.")


def _lines(value: object) -> list[str]:
    """A title's subtitle, given as nothing, one string or a list, as a list of lines."""
    if not value:
        return []
    return [value] if isinstance(value, str) else [str(v) for v in value]


_LIMITS = {"titlelimit": 1400, "labellimit": 700}
TITLE_EM, CAPTION_EM = 0.56, 0.52  # a bold title's and a caption's mean character width, in
# ems: a little over Source Sans and the export's sans-serif, so a wrapped line fits its width


def _wrapped(value: object, chars: int) -> list[str]:
    """A title's lines (given as nothing, one string or a list) wrapped at ``chars``."""
    return [part for line in _lines(value) for part in textwrap.wrap(line, max(12, chars))
            or [""]] or [""]


def fitted_title(title: dict, limit: int) -> dict:
    """``title`` (a Vega-Lite title) with its text and subtitle wrapped to lines of about
    ``limit`` px at the slide's sizes, so no line is cut short with an ellipsis.

    >>> fitted_title({"text": "Five-year survival after cancer has spread, as quoted",
    ...               "subtitle": "Short."}, 820)["text"]
    ['Five-year survival after cancer has', 'spread, as quoted']
    """
    text = title.get("text") or ""
    lines = _wrapped(text, int(limit / (TITLE_TEXT * TITLE_EM)))
    return {**title, "text": lines if len(lines) > 1 else text,
            "subtitle": _wrapped(title.get("subtitle"), int(limit / (CAPTION_TEXT * CAPTION_EM)))}


def _bump_fonts(node: object) -> None:
    """Raise every font size written into the spec (marks, layers, legends) to MIN_TEXT, and
    every title or label length limit, so the larger text is not cut off with an ellipsis."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key.lower().endswith("fontsize") and isinstance(value, int | float):
                node[key] = max(value, MIN_TEXT)
            elif key.lower() in _LIMITS and isinstance(value, int | float):
                node[key] = max(value, _LIMITS[key.lower()])
            else:
                _bump_fonts(value)
    elif isinstance(node, list):
        for item in node:
            _bump_fonts(item)


def _line_heights(node: object) -> None:
    """Give text drawn on several lines a line height to suit its raised size (a height set
    for 12 px text would lay 20 px lines over each other)."""
    if isinstance(node, dict):
        if isinstance(node.get("lineHeight"), int | float):
            node["lineHeight"] = max(node["lineHeight"],
                                     round(1.25 * node.get("fontSize", MIN_TEXT)))
        for value in node.values():
            _line_heights(value)
    elif isinstance(node, list):
        for item in node:
            _line_heights(item)


NARROW_SLIDE = 1400  # px: under this (a printed figure) a legend under the chart takes rows


def each_legend(node: object, change) -> None:
    """Call ``change`` on every legend written into a spec (a dict under a "legend" key, in
    any layer or encoding), which it may edit in place."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "legend" and isinstance(value, dict):
                change(value)
            else:
                each_legend(value, change)
    elif isinstance(node, list):
        for item in node:
            each_legend(item, change)


def _two_a_row(legend: dict) -> None:
    """A legend under the chart, two entries a row: a narrow figure has no room for four
    long names side by side."""
    if legend.get("orient") == "bottom":
        legend.setdefault("columns", 2)


def _size(spec: dict, width: int, height: int) -> None:
    """Give the view and each layer a fixed size (no "container", no steps) to fit."""
    for node in [spec, *spec.get("layer", [])]:
        if "width" in node or node is spec:
            node["width"] = width
        if "height" in node or node is spec:
            node["height"] = height


def slide_spec(chart: ChartOrSpec, caption: str | list[str] | None = None,
               width: int = SLIDE_WIDTH, height: int = SLIDE_HEIGHT, keep_aspect: bool = True
               ) -> dict:
    """The chart's Vega-Lite spec laid out to fill ``width`` x ``height`` px exactly.

    Takes an Altair chart or its spec (a dict, left unchanged). ``caption`` replaces the
    chart's subtitle (say what a filtered view leaves out); without it, the subtitle is kept
    minus the sentences that only make sense on screen. A chart drawn at a fixed width and
    height (a figure whose proportions matter, e.g. the body map) keeps them: its x domain is
    widened to the slide's shape instead of stretching the figure.
    """
    spec = copy.deepcopy(chart if isinstance(chart, dict) else chart.to_dict())
    figure = isinstance(spec.get("width"), int | float) and isinstance(spec.get("height"),
                                                                       int | float)
    aspect = spec["width"] / spec["height"] if figure else None
    title = spec.get("title") or {"text": ""}
    title = {"text": title} if isinstance(title, str) else dict(title)
    lines = _lines(caption) if caption is not None else [
        off_screen(line) for line in _lines(title.get("subtitle"))]
    title["subtitle"] = [line for line in lines if line] or [""]
    for key in ("fontSize", "subtitleFontSize", "anchor", "color", "subtitleColor"):
        title.pop(key, None)
    spec["title"] = fitted_title(title, width - 2 * MARGIN)
    _bump_fonts(spec)
    config = spec.setdefault("config", {})
    for part, values in _SLIDE_CONFIG.items():
        config[part] = {**config.get(part, {}), **values}
    _bump_fonts(config)
    config["title"]["limit"] = width - 2 * MARGIN
    _line_heights(spec)
    if width < NARROW_SLIDE:
        each_legend(spec, _two_a_row)
    _size(spec, width, height)
    spec["autosize"] = {"type": "fit", "contains": "padding"}
    spec["padding"] = {"left": MARGIN, "right": MARGIN, "top": MARGIN // 2, "bottom": 16}
    spec["background"] = LIGHT.slide
    if aspect:
        plot = plot_area(vlc.vegalite_to_svg(spec))
        if keep_aspect:
            _keep_aspect(spec, aspect, plot)
        fit_names(spec, plot)
    return renderable(spec)


def refit_names(spec: dict) -> dict:
    """``spec`` with a body map's names laid out again for the size it now draws the figure
    at (after its size, its fonts or its title changed); any other chart as it was."""
    if any(layer.get("name") in NAME_LAYERS for layer in spec.get("layer", [])):
        fit_names(spec, plot_area(vlc.vegalite_to_svg(renderable(spec))))
    return spec


def _keep_aspect(spec: dict, aspect: float, plot: tuple[float, float]) -> None:
    """Widen a figure's fixed x domain so it keeps its proportions in the slide's ``plot``
    area (width, height px)."""
    plot_w, plot_h = plot
    if not plot_h:
        return
    factor = (plot_w / plot_h) / aspect
    for node in [spec, *spec.get("layer", [])]:
        for channel in ("x",):
            scale = ((node.get("encoding") or {}).get(channel) or {}).get("scale") or {}
            domain = scale.get("domain")
            if isinstance(domain, list) and len(domain) == 2 and factor > 1:
                middle, half = (domain[0] + domain[1]) / 2, (domain[1] - domain[0]) / 2
                scale["domain"] = [middle - half * factor, middle + half * factor]


def plot_area(svg: str) -> tuple[float, float]:
    """Width and height of the chart's data rectangle in a Vega SVG (the first frame)."""
    found = _FRAME.search(svg)
    return (float(found.group(1)), float(found.group(2))) if found else (0.0, 0.0)


def font_sizes(svg: str) -> list[float]:
    """Every font size (px) an SVG made by :func:`svg_text` draws text at."""
    return [float(size) for size in _FONT_SIZE.findall(svg)]


def source_lines(source_line: str, wrap: int = SOURCE_WRAP) -> list[str]:
    """The source line, wrapped to fit under the chart.

    >>> source_lines("Sources: a; b.", wrap=10)
    ['Sources:', 'a; b.']
    """
    return textwrap.wrap(renderable(source_line), wrap) or [""]


def svg_text(chart: ChartOrSpec, source_line: str, caption: str | list[str] | None = None,
             width: int = SLIDE_WIDTH, height: int = SLIDE_HEIGHT) -> str:
    """The slide as an SVG document of ``width`` x ``height`` units (1920x1080 unless
    asked): the chart, and the source line wrapped under it. Text keeps its px sizes, so a
    smaller slide prints them larger on the same paper."""
    lines = source_lines(source_line, SOURCE_WRAP * width // SLIDE_WIDTH)
    footer = len(lines) * SOURCE_LINE_HEIGHT + MARGIN // 2
    chart_svg = vlc.vegalite_to_svg(slide_spec(chart, caption, width, height - footer))
    inner = chart_svg.split(">", 1)[1].rsplit("</svg>", 1)[0]
    text = "".join(
        f'<text x="{MARGIN}" y="{height - footer + (i + 1) * SOURCE_LINE_HEIGHT - 6}" '
        f'font-family="sans-serif" font-size="{SOURCE_TEXT}px" fill="{LIGHT.text}">'
        f"{escape(line)}</text>" for i, line in enumerate(lines))
    return (f'<svg xmlns="http://www.w3.org/2000/svg" '
            f'xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" '
            f'width="{width}" height="{height}" viewBox="0 0 {width} {height}">'
            f'<rect width="{width}" height="{height}" fill="{LIGHT.slide}"/>'
            f'<svg x="0" y="0" width="{width}" height="{height - footer}" '
            f'viewBox="0 0 {width} {height - footer}">{inner}</svg>'
            f"{text}</svg>")


def png_bytes(chart: ChartOrSpec, source_line: str, caption: str | list[str] | None = None
              ) -> bytes:
    """The slide as a 1920x1080 PNG."""
    return vlc.svg_to_png(svg_text(chart, source_line, caption), scale=PNG_SCALE)


def resize_fonts(node: object, rule) -> None:
    """Apply ``rule`` to every font size in a config."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key.lower().endswith("fontsize") and isinstance(value, int | float):
                node[key] = rule(value)
            else:
                resize_fonts(value, rule)
