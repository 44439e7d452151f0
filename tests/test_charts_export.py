"""Slide-ready images: 16:9 PNG and SVG files with the title, caption and source inside."""

from __future__ import annotations

import io
import json
import re
import struct
import xml.etree.ElementTree as ET

import pandas as pd
import pytest
from PIL import Image

import charts.export as export
from charts.export import (
    MIN_TEXT,
    SLIDE_HEIGHT,
    SLIDE_WIDTH,
    filters_caption,
    font_sizes,
    plot_area,
    png_bytes,
    slide_spec,
    source_lines,
    svg_text,
)
from charts.survival import survival_bars

SOURCE = "Source: Cleveland Clinic (reviewed 2024-04-24)."
FIVE = ("Sources: National Cancer Institute (reviewed 2011-05-23); Cleveland Clinic (reviewed "
        "2024-04-24); US government health article quoting NIH researchers (no date given); "
        "Memorial Sloan Kettering Cancer Center (no date given); Unknown (no publisher named) "
        "(no date given).")


def _chart():
    view = pd.DataFrame({"group": ["Lung cancer, all people"], "value_pct": [9.0],
                         "source": ["C"], "reviewed": ["2024-04-24"], "quote": ["q"]})
    return survival_bars(view)


def _size(png: bytes) -> tuple[int, int]:
    return struct.unpack(">II", png[16:24])


@pytest.fixture(scope="module")
def app_charts() -> dict[str, dict]:
    """The five charts the app offers as slide images, as the pages draw them (unfiltered)."""
    from data.load import load_published
    from views.body_map import body_map_view
    from views.network import network_picture_for
    from views.reference import filter_options
    from views.spread import spread_view
    from views.survival import survival_view

    t = load_published()
    every = tuple(tuple(filter_options(t)[key]) for key in ("cancer", "site", "evidence", "source"))
    spread = spread_view(t, *every)
    return {"heatmap": spread.heatmap, "top_sites": spread.bars,
            "network": network_picture_for(t, every[2], every[3], "two_columns", 7, None)[0],
            "survival": survival_view(t).spec,
            "body_map": body_map_view(t, "cancer", "breast", False).spec}


def _chart_share(spec: dict, monkeypatch) -> float:
    """The share of the slide the chart itself covers: the bounding box of its data rectangle
    and of everything drawn (marks, axes, legends) once the title, caption and source line
    are drawn in white."""
    monkeypatch.setitem(export._SLIDE_CONFIG, "title", {
        **export._SLIDE_CONFIG["title"], "color": "white", "subtitleColor": "white"})
    svg = svg_text(spec, FIVE).replace('fill="#1b1f24">Sources', 'fill="white">Sources')
    svg = svg.replace('fill="#1b1f24">', 'fill="white">')
    image = Image.open(io.BytesIO(export.vlc.svg_to_png(svg, scale=1))).convert("L")
    drawn = image.point(lambda v: 255 if v < 250 else 0).getbbox()
    assert drawn is not None
    left, top = map(float, re.search(r'transform="translate\(([0-9.]+),([0-9.]+)\)"',
                                     svg).groups())
    width, height = plot_area(svg)
    box = (min(drawn[0], left), min(drawn[1], top), max(drawn[2], left + width),
           max(drawn[3], top + height))
    return (box[2] - box[0]) * (box[3] - box[1]) / (SLIDE_WIDTH * SLIDE_HEIGHT)


@pytest.mark.parametrize("name", ["heatmap", "top_sites", "network", "survival", "body_map"])
def test_every_app_slide_is_1920_by_1080_with_the_chart_filling_it(name, app_charts,
                                                                   monkeypatch):
    """Each slide image is 1920x1080 with a five-source line, its smallest text is at least
    MIN_TEXT px and the chart covers at least 60% of it."""
    png = png_bytes(app_charts[name], FIVE)
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and _size(png) == (SLIDE_WIDTH, SLIDE_HEIGHT)
    svg = svg_text(app_charts[name], FIVE)
    root = ET.fromstring(svg)
    assert (root.get("width"), root.get("height")) == ("1920", "1080")
    assert min(font_sizes(svg)) >= MIN_TEXT >= 18
    spec_sizes = [v for k, v in _walk(slide_spec(app_charts[name])) if k.endswith("ontSize")]
    assert min(spec_sizes) >= MIN_TEXT
    assert _chart_share(app_charts[name], monkeypatch) >= 0.6, name


def _walk(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if isinstance(value, int | float):
                yield key, value
            yield from _walk(value)
    elif isinstance(node, list):
        for item in node:
            yield from _walk(item)


def test_captions_leave_out_screen_instructions(app_charts):
    """The network slide does not tell a reader of a printed slide to click a node."""
    text = " ".join(ET.fromstring(svg_text(app_charts["network"], FIVE)).itertext())
    assert "Click" not in text and "Thicker line = higher in the NCI top three." in text


def test_a_filtered_heatmap_slide_names_its_filters(app_charts):
    """With a caption naming the filters, the slide says so and drops "no source names it"."""
    caption = filters_caption({"Cancers": ["Lung cancer"], "Sources": ["NCI", "MSK"]},
                              {"Cancers": 19, "Sources": 5})
    text = " ".join(ET.fromstring(svg_text(app_charts["heatmap"], FIVE, caption)).itertext())
    assert "Filtered to cancers: Lung cancer; sources: NCI, MSK." in text
    assert "Blank = no source names it" not in text
    assert filters_caption({"Cancers": ["a"]}, {"Cancers": 1}) == ""


def test_the_source_line_is_wrapped_under_the_chart():
    """A five-source line becomes several lines at the bottom of the slide, all kept."""
    lines = source_lines(FIVE)
    assert len(lines) >= 2 and " ".join(lines) == FIVE
    root = ET.fromstring(svg_text(_chart(), FIVE))
    footer = [el for el in root if el.tag.endswith("text")]
    assert [el.text for el in footer] == lines
    assert all(float(el.get("y")) > SLIDE_HEIGHT * 0.85 for el in footer)


def test_svg_parses_and_holds_title_and_source_line():
    """The SVG is well-formed XML whose text includes the chart title and the source line."""
    root = ET.fromstring(svg_text(_chart(), SOURCE))
    text = " ".join(root.itertext())
    assert "Five-year survival after cancer has spread, as quoted" in text
    assert SOURCE in text


def test_slide_spec_leaves_the_cached_spec_unchanged():
    """The slide spec is a copy: a cached page spec keeps its "container" width."""
    spec = _chart().to_dict()
    before = json.dumps(spec, sort_keys=True)
    slide = slide_spec(spec)
    assert slide["width"] == SLIDE_WIDTH and json.dumps(spec, sort_keys=True) == before


def test_control_characters_in_chart_text_do_not_crash_the_renderer():
    """Text with U+000B, NUL or U+FFFE (which abort vl-convert) renders, without them."""
    view = pd.DataFrame({"group": ["Lung\x0bcancer\x00 \ufffe"], "value_pct": [9.0],
                         "source": ["C\x1f"], "reviewed": ["2024-04-24"], "quote": ["q\x0c"]})
    text = " ".join(ET.fromstring(svg_text(survival_bars(view), "Source\x0b: x")).itertext())
    assert "Source: x" in text and "Lungcancer" in text
    assert png_bytes(survival_bars(view), "Source\x0b")[:4] == b"\x89PNG"


def test_a_filtered_heatmap_slide_names_its_filters_not_the_sources_silence():
    """A heatmap slide of two cancers says which filter hides the rest, and no longer says a
    blank cell means no source names the pair (the filter hides it)."""
    from data.load import load_published
    from views.reference import filter_options
    from views.spread import slide_caption, spread_view

    t = load_published()
    options = filter_options(t)
    chosen = {"cancer": ["lung", "breast"], "site": list(options["site"]),
              "evidence": list(options["evidence"]), "source": list(options["source"])}
    view = spread_view(t, *(tuple(chosen[k]) for k in ("cancer", "site", "evidence", "source")))
    caption = slide_caption(options, chosen)
    assert caption.startswith("Filtered to cancers: Lung cancer, Breast cancer.")
    svg = svg_text(view.heatmap, FIVE, caption)
    assert "Filtered to cancers: Lung cancer, Breast cancer." in svg
    assert "no source names it" not in svg
    assert slide_caption(options, {k: list(options[k]) for k in chosen}) == ""
