"""Chart colours in light and dark, and charts fitted to a phone (charts/theme.py, phone.py).

The contrast floors are WCAG's: 3:1 for a mark that carries meaning against the page it is
drawn on, 4.5:1 for text. "Not ranked" cells are meant to sit back like the page (a marker on
them carries their meaning), so they are left out of the floor on purpose.
"""

from __future__ import annotations

import json

import pytest

from charts.phone import PHONE_CHART_WIDTH, phone_spec
from charts.style import KIND_COLOURS, RANK_RANGE, TEXT_COLOUR
from charts.theme import BACKGROUND, LIGHT_TO_DARK, contrast, for_theme
from views.body_map import body_map_view
from views.spread import spread_view

RANKED = RANK_RANGE[:3]  # 1st, 2nd, 3rd; the 4th is "Not ranked"
MEANING = [*RANKED, *KIND_COLOURS, "#5b6670", "#b34700"]


def in_dark(colour: str) -> str:
    """A light colour as the dark theme draws it."""
    return LIGHT_TO_DARK.get(colour, colour)


@pytest.mark.parametrize("colour", MEANING)
def test_marks_stand_out_from_the_page_in_both_themes(colour):
    """Each colour that carries meaning has 3:1 against the white and the dark page."""
    assert contrast(colour, BACKGROUND["light"]) >= 3
    assert contrast(in_dark(colour), BACKGROUND["dark"]) >= 3


def test_chart_text_reads_in_both_themes():
    """Text the charts draw has 4.5:1 on either page."""
    assert contrast(TEXT_COLOUR, BACKGROUND["light"]) >= 4.5
    assert contrast(in_dark(TEXT_COLOUR), BACKGROUND["dark"]) >= 4.5


def test_ranks_stay_in_order_of_salience_in_both_themes():
    """1st stands out most from the page, then 2nd, then 3rd, in light and in dark."""
    light = [contrast(c, BACKGROUND["light"]) for c in RANKED]
    dark = [contrast(in_dark(c), BACKGROUND["dark"]) for c in RANKED]
    assert light == sorted(light, reverse=True)
    assert dark == sorted(dark, reverse=True)


def test_a_dark_heatmap_has_no_light_colour_left(tables):
    """The dark heatmap uses the dark partner of every light colour, and is otherwise equal."""
    light = spread_view(tables, tuple(tables["cancers"]["cancer_id"]),
                        tuple(tables["sites"]["site_id"]),
                        ("ranked_table", "statement", "example", "rare_reported"),
                        tuple(tables["sources"]["source_id"])).heatmap
    dark = json.dumps(for_theme(light, "dark")).lower()
    assert not [colour for colour in LIGHT_TO_DARK if f'"{colour}"' in dark]
    assert LIGHT_TO_DARK["#08306b"] in dark and for_theme(light, "light") is light


def test_a_phone_gets_the_body_map_whole_and_in_proportion(tables):
    """The 560x720 body figure is drawn 340 px wide on a phone, its shape kept."""
    spec = body_map_view(tables, "cancer", "prostate", True).spec
    fitted = phone_spec(spec)
    assert fitted["width"] == PHONE_CHART_WIDTH
    assert fitted["height"] == round(spec["height"] * PHONE_CHART_WIDTH / spec["width"])
    assert spec["width"] == 560, "the original spec was changed"


def test_axis_and_legend_text_is_the_full_contrast_text_colour(tables):
    """Axis and legend text use the chart text colour (Streamlit's grey is under 4.5:1),
    and the dark theme's version in dark."""
    spec = body_map_view(tables, "cancer", "prostate", True).spec
    for part in ("axis", "legend"):
        assert spec["config"][part]["labelColor"] == TEXT_COLOUR
        assert for_theme(spec, "dark")["config"][part]["titleColor"] == in_dark(TEXT_COLOUR)
