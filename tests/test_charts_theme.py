"""Chart colours in light and dark, and charts fitted to a phone (charts/theme.py, phone.py).

The contrast floors are WCAG's: 3:1 for a mark that carries meaning against the page it is
drawn on, 4.5:1 for text (charts.theme.FLOOR). Every chart the app draws is built here, in
its page, lesson, slide and phone forms, and every colour of its dark spec is checked.
"""

from __future__ import annotations

import colorsys
import json
from dataclasses import fields

import pandas as pd
import pytest

from charts.body_map import FIGURE_SIZE
from charts.export import slide_spec
from charts.lesson import lesson_spec
from charts.own_data import own_arrows, own_heatmap, own_network
from charts.phone import PHONE_CHART_WIDTH, phone_spec
from charts.style import KIND_COLOURS, RANK_RANGE, TEXT_COLOUR, plain_spec
from charts.theme import (
    BACKGROUND,
    DARK,
    FLOOR,
    LIGHT,
    RANK_KEY,
    ROLES,
    colours_in,
    contrast,
    for_theme,
    role_of,
)
from views.body_map import body_map_view
from views.lesson import PICTURES, lesson_picture
from views.network import network_picture_for
from views.reference import filter_options
from views.site_profile import site_picture
from views.spread import cancer_picture, spread_view
from views.survival import survival_view

RANKS = ("rank_1st", "rank_2nd", "rank_3rd")


def _own_charts() -> dict[str, dict]:
    """A person's own table drawn as the app draws it: heatmaps of ranks and of shares, the
    network and the body map."""
    from charts.body_map import body_map, places
    from upload.resolve import RANK, SHARE, resolve

    shares = resolve(pd.DataFrame({
        "primary": ["Breast", "Breast", "Lung"], "site": ["Bones", "Liver", "Liver"],
        "count": pd.array([30, 10, 5], dtype="Int64"),
        "total": pd.array([100, 100, 50], dtype="Int64"),
        "share": pd.array([0.3, 0.1, 0.1], dtype="Float64")}),
        {"Breast": "breast", "Lung": "lung"}, {"Bones": "bone", "Liver": "liver"},
        {"breast": "Breast cancer", "lung": "Lung cancer"}, {"bone": "Bone", "liver": "Liver"})
    ranks = pd.DataFrame({"primary_key": ["breast"] * 3, "site_key": ["bone", "lung", "liver"],
                          "cancer": ["Breast cancer"] * 3, "site_label": ["Bone", "Lung", "Liver"],
                          "rank": pd.array([2, 1, 3], dtype="Int64"), "names": ["a", "b", "c"]})
    nodes = pd.DataFrame({"node": ["b", "l", "s1", "s2"],
                          "kind": ["cancer", "cancer", "site", "site"],
                          "label": ["B", "L", "Bone", "Liver"], "degree": [2, 1, 1, 2],
                          "x": [0, 0, 1, 1], "y": [0, 1, 0, 1]})
    edges = shares.assign(edge_id=["e1", "e2", "e3"], x=[0, 0, 0], y=[0, 0, 1],
                          text=["30%", "10%", "10%"], value=[0.3, 0.1, 0.1])
    arrows, _ = own_arrows(shares, {"breast": "breast", "lung": "lung"}, SHARE)
    return {
        "own heatmap, ranks": plain_spec(own_heatmap(ranks, RANK, "x.csv")),
        "own heatmap, shares": plain_spec(own_heatmap(shares, SHARE, "x.csv")),
        "own network": plain_spec(own_network(nodes, edges, SHARE)),
        "own body map": plain_spec(body_map(arrows, places(arrows), "Yours", "x",
                                            evidence=False)),
    }


@pytest.fixture(scope="module")
def every_chart(tables) -> dict[str, dict]:
    """Every chart the app draws, by name: as the page draws it, and projected, on a slide
    and on a phone (the forms that add or keep colours of their own)."""
    t = tables
    every = {key: tuple(ids) for key, ids in filter_options(t).items()}
    view = spread_view(t, every["cancer"], every["site"], every["evidence"], every["source"])
    pages = {
        "heatmap": view.heatmap, "top sites": view.bars,
        "heatmap, NCI table only": spread_view(t, every["cancer"], every["site"],
                                               ("ranked_table",), every["source"]).heatmap,
        "one cancer's strip": cancer_picture(view, "lung", "lung.bone"),
        "site profile": site_picture(t, "bone"),
        "network": network_picture_for(t, every["evidence"], every["source"], "two_columns",
                                       7, None)[0],
        "network, focused": network_picture_for(t, every["evidence"], every["source"],
                                                "spring", 7, "site:bone")[0],
        "body map, cancer": body_map_view(t, "cancer", "breast", True).spec,
        "body map, site": body_map_view(t, "site", "bone", True).spec,
        "survival": survival_view(t).spec,
        **_own_charts(),
        **{f"lesson {view}": lesson_picture(t, view).spec for view in PICTURES},
    }
    charts = dict(pages)
    for name, spec in pages.items():
        charts[f"{name} (lesson)"] = lesson_spec(spec, 450)
        charts[f"{name} (slide)"] = slide_spec(spec, keep_aspect=False)
        charts[f"{name} (phone)"] = phone_spec(spec)
    return charts


def _rgb_saturation(colour: str) -> float:
    """HSV saturation of a ``#rrggbb`` colour (0 grey to 1 pure)."""
    return colorsys.rgb_to_hsv(*(int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)))[1]


def test_both_palettes_name_the_same_roles_and_no_light_colour_means_two_things():
    """One dark colour per light colour: a light colour shared by two roles has one partner."""
    assert [f.name for f in fields(LIGHT)] == list(ROLES)
    partners: dict[str, set] = {}
    for role in ROLES:
        partners.setdefault(json.dumps(getattr(LIGHT, role)).lower(), set()).add(
            json.dumps(getattr(DARK, role)))
    assert all(len(dark) == 1 for dark in partners.values()), partners


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("role", sorted(FLOOR))
def test_each_colour_that_carries_meaning_stands_out_from_its_page(theme, role):
    """Marks 3:1 and text 4.5:1 against the page, in light and in dark."""
    palette = LIGHT if theme == "light" else DARK
    assert contrast(getattr(palette, role), BACKGROUND[theme]) >= FLOOR[role]


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_stronger_the_mark_the_higher_the_rank_in_both_themes(theme):
    """1st stands out most from the page, then 2nd, then 3rd, and is the most saturated:
    in dark, 1st is a bold blue, never a near-white that reads as an empty cell."""
    palette = LIGHT if theme == "light" else DARK
    ranked = [getattr(palette, role) for role in RANKS]
    salience = [contrast(colour, BACKGROUND[theme]) for colour in ranked]
    assert salience == sorted(salience, reverse=True), salience
    saturation = [_rgb_saturation(colour) for colour in ranked]
    assert saturation == sorted(saturation, reverse=True), saturation
    assert contrast(palette.rank_1st, "#ffffff") >= 2.5, "1st must not read as white paper"
    assert salience[0] / salience[2] >= 1.8, "ranks tell apart"


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_a_marker_stands_out_on_every_cell_it_can_sit_on(theme):
    """A sentence's marker sits on a ranked or an unranked cell: its fill or its outline
    stands out from each (2.5:1: on light's 2nd-rank blue both are 2.9:1, a shape that also
    differs from the square cell; under WCAG's 3:1, known and left as it was)."""
    palette = LIGHT if theme == "light" else DARK
    for role in (*RANKS, "unranked"):
        cell = getattr(palette, role)
        assert max(contrast(palette.marker, cell), contrast(palette.marker_outline, cell)) >= 2.5


def test_every_colour_of_every_dark_chart_is_a_dark_colour_that_stands_out(every_chart):
    """Walk each chart's dark spec: every colour is a role of the dark palette, and meets that
    role's floor against the dark page (so no light colour is left behind)."""
    assert len(every_chart) >= 50
    problems = []
    for name, spec in every_chart.items():
        light_colours = colours_in(spec)
        assert light_colours, f"{name}: no colour found (the walk is broken)"
        assert all(role_of(c, LIGHT) for c in light_colours), (name, light_colours)
        for colour in colours_in(for_theme(spec, "dark")):
            role = role_of(colour, DARK)
            if role is None:
                problems.append(f"{name}: {colour} is not a dark palette colour")
            elif role in FLOOR and contrast(colour, DARK.page) < FLOOR[role]:
                problems.append(f"{name}: {colour} ({role}) under {FLOOR[role]}:1 on the page")
    assert problems == []


def test_dark_specs_say_which_blue_is_first(every_chart):
    """The heatmap's key names the dark theme's 1st colour, never "darkest"."""
    dark = json.dumps(for_theme(every_chart["heatmap"], "dark"))
    assert RANK_KEY["dark"] in dark and "Darkest" not in dark
    assert DARK.rank_1st in dark and LIGHT.rank_1st not in dark


def test_a_new_colour_cannot_silently_stay_light():
    """A colour no palette names is refused, with the file to name it in."""
    with pytest.raises(ValueError, match="charts/theme.py"):
        for_theme({"mark": {"type": "bar", "color": "#123456"}}, "dark")
    with pytest.raises(ValueError, match="'white'|'black'"):
        for_theme({"config": {"view": {"fill": "black"}}}, "dark")
    data = {"data": {"values": [{"label": "#123456"}]}, "mark": "text"}
    assert for_theme(data, "dark") == data, "the data a chart draws is never recoloured"


def test_the_chart_constants_are_palette_roles():
    """The builders' colours come from the light palette, by name."""
    assert [LIGHT.rank_1st, LIGHT.rank_2nd, LIGHT.rank_3rd, LIGHT.unranked] == RANK_RANGE
    assert [LIGHT.chosen, LIGHT.site] == KIND_COLOURS and LIGHT.text == TEXT_COLOUR


def test_a_phone_gets_the_body_map_whole_and_in_proportion(tables):
    """The body figure is drawn 340 px wide on a phone, its shape kept."""
    spec = body_map_view(tables, "cancer", "prostate", True).spec
    fitted = phone_spec(spec)
    assert fitted["width"] == PHONE_CHART_WIDTH
    assert fitted["height"] == round(spec["height"] * PHONE_CHART_WIDTH / spec["width"])
    assert spec["width"] == FIGURE_SIZE[0], "the original spec was changed"


def test_axis_and_legend_text_is_the_full_contrast_text_colour(tables):
    """Axis and legend text use the chart text colour (Streamlit's grey is under 4.5:1),
    and the dark theme's version in dark."""
    spec = body_map_view(tables, "cancer", "prostate", True).spec
    for part in ("axis", "legend"):
        assert spec["config"][part]["labelColor"] == TEXT_COLOUR
        assert for_theme(spec, "dark")["config"][part]["titleColor"] == DARK.text
