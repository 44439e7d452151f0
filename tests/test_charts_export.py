"""Slide-ready images: real PNG and SVG files with the title and source line inside."""

from __future__ import annotations

import struct
import xml.etree.ElementTree as ET

import pandas as pd

from charts.export import PNG_SCALE, SLIDE_WIDTH, png_bytes, slide_spec, svg_text
from charts.survival import survival_bars

SOURCE = "Source: Cleveland Clinic (reviewed 2024-04-24)."


def _chart():
    view = pd.DataFrame({"group": ["Lung cancer, all people"], "value_pct": [9.0],
                         "source": ["C"], "reviewed": ["2024-04-24"], "quote": ["q"]})
    return survival_bars(view)


def test_png_is_a_real_image_at_presentation_width():
    """The PNG has the PNG signature and is at least twice the slide width in pixels."""
    data = png_bytes(_chart(), SOURCE)
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert width >= SLIDE_WIDTH * PNG_SCALE and height > 200


def test_svg_parses_and_holds_title_and_source_line():
    """The SVG is well-formed XML whose text includes the chart title and the source line."""
    root = ET.fromstring(svg_text(_chart(), SOURCE))
    text = " ".join(root.itertext())
    assert "Five-year survival after cancer has spread, as quoted" in text
    assert SOURCE in text


def test_slide_spec_adds_source_without_changing_the_chart():
    """The source line is appended to the subtitle; a cached spec is left untouched."""
    spec = _chart().to_dict()
    slide = slide_spec(spec, SOURCE)
    assert slide["title"]["subtitle"][-1] == SOURCE
    assert slide["width"] == SLIDE_WIDTH and spec["width"] == "container"


def test_control_characters_in_chart_text_do_not_crash_the_renderer():
    """Text with U+000B, NUL or U+FFFE (which abort vl-convert) renders, without them."""
    view = pd.DataFrame({"group": ["Lung\x0bcancer\x00 \ufffe"], "value_pct": [9.0],
                         "source": ["C\x1f"], "reviewed": ["2024-04-24"], "quote": ["q\x0c"]})
    text = " ".join(ET.fromstring(svg_text(survival_bars(view), "Source\x0b: x")).itertext())
    assert "Source: x" in text and "Lungcancer" in text
    assert png_bytes(survival_bars(view), "Source\x0b")[:4] == b"\x89PNG"
