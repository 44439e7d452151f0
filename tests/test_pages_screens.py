"""AppTest: pages drawn for the screen they are on, and choices made by a tap kept in links.

The browser's probe (ui/screen.py) reports the theme and width; here the session is given
what it would report, and the page's charts and boxes are read as a person would see them.
"""

from __future__ import annotations

import json

from charts.theme import DARK, LIGHT
from tests.apptest_helpers import chart_spec, layer_data, ok, open_page
from ui.screen import Screen

SPREAD = "pages/spread.py"
PHONE = Screen(theme="light", narrow=True)


def rows_of(spec: dict) -> list[dict]:
    """Every data row of every layer in a spec (Streamlit keeps layer values inline)."""
    return [row for layer in spec.get("layer", [spec])
            for row in (layer.get("data") or {}).get("values", [])]


def test_a_pair_in_the_link_outlines_its_cell_and_shows_its_quotes(tables):
    """``?pair=lung.bone`` opens with that cell outlined, its heading and only its quotes."""
    at = open_page(SPREAD, pair="lung.bone")
    spec = chart_spec(at)
    outline = spec["layer"][-1]
    assert outline["mark"]["stroke"] == "#d55e00"
    assert outline["data"]["values"] == [{"primary": "lung", "site": "bone",
                                          "cancer": "Lung cancer", "site_label": "Bone"}]
    assert "Lung cancer → Bone" in [h.value for h in at.subheader]
    spread = tables["spread"]
    wanted = spread[(spread["primary"] == "lung") & (spread["site"] == "bone")]["quote"]
    shown = " ".join(m.value for m in at.markdown)
    assert all(f"“{q}”"[:40] in shown.replace("\\", "") for q in wanted)


def test_clearing_the_cell_drops_it_from_the_link():
    """The "Clear this cell" button takes the pair out of the view and the link."""
    at = open_page(SPREAD, pair="lung.bone")
    ok(at.button(key="clear_pair").click().run())
    assert "pair" not in at.query_params
    assert "Lung cancer → Bone" not in [h.value for h in at.subheader]


def test_choosing_another_cancer_replaces_the_clicked_cell():
    """Choosing Breast cancer in the box after a cell drops the cell: the quotes agree."""
    at = open_page(SPREAD, pair="lung.bone")
    ok(at.selectbox(key="focus").set_value("breast").run())
    assert at.session_state["pair"] == ""
    assert "Every quote about Breast cancer" in [h.value for h in at.subheader]


def test_an_unknown_pair_in_the_link_is_named_not_raised():
    """A link with a pair no source names says so and shows the whole heatmap."""
    at = open_page(SPREAD, pair="lung.moon")
    assert any("pair = lung.moon" in w.value.replace("\\", "") for w in at.warning)
    assert len(chart_spec(at)["layer"]) == 2, "an outline was drawn for an unknown pair"


def test_a_phone_shows_one_cancer_at_a_time(tables):
    """On a phone the heatmap is the chosen cancer's sites as rows, 1st-ranked first."""
    at = open_page(SPREAD, screen=PHONE, focus="prostate")
    spec = chart_spec(at)
    cells = layer_data(spec, {}, "rect")
    assert set(cells["primary"]) == {"prostate"}
    spread = tables["spread"]
    assert set(cells["site"]) == set(spread[spread["primary"] == "prostate"]["site"])
    assert cells.iloc[0]["site"] == "bone"  # the NCI table's 1st site for prostate cancer
    assert at.selectbox(key="focus").label == "Cancer to show"


def test_a_phone_without_a_choice_starts_with_the_first_cancer():
    """A phone that opens the page with no cancer chosen is shown the first one, not nothing."""
    at = open_page(SPREAD, screen=PHONE)
    assert at.selectbox(key="focus").value == "breast"
    assert {row["primary"] for row in rows_of(chart_spec(at)) if "primary" in row} == {"breast"}


def test_a_dark_screen_gets_dark_chart_colours():
    """In dark, the heatmap's 1st-ranked colour is the dark theme's, and no light text."""
    at = open_page(SPREAD, screen=Screen(theme="dark"))
    spec = json.dumps(chart_spec(at)).lower()
    assert DARK.rank_1st in spec and f'"{LIGHT.rank_1st}"' not in spec
    assert f'"{LIGHT.text}"' not in spec
    assert "boldest blue = 1st" in spec and "darkest" not in spec, "the key names the colour"
    assert "(boldest = most common)" in " ".join(m.value for m in at.markdown)


def test_site_profile_draws_the_cancers_that_reach_the_site(tables):
    """Site profiles for bone draws one row per cancer that reaches bone, ranked first."""
    at = open_page("pages/site_profiles.py", profile="bone")
    cells = layer_data(chart_spec(at), {}, "rect")
    spread = tables["spread"]
    assert set(cells["primary"]) == set(spread[spread["site"] == "bone"]["primary"])
    assert cells.iloc[0]["rank_label"] == "1st (most common)"


def test_site_profile_link_with_a_cancer_shows_that_pair(tables):
    """``?profile=bone&from_cancer=lung`` shows the quotes for lung cancer reaching bone."""
    at = open_page("pages/site_profiles.py", profile="bone", from_cancer="lung")
    shown = " ".join(m.value for m in at.markdown)
    assert "Lung cancer → Bone" in shown
    assert "carcinomas of the lung" in shown


def test_a_phone_link_with_a_pair_outlines_its_row():
    """On a phone, ``?pair=lung.bone`` shows lung cancer's rows with the bone row outlined."""
    at = open_page(SPREAD, screen=PHONE, pair="lung.bone")
    outline = chart_spec(at)["layer"][-1]
    assert outline["mark"]["stroke"] == "#d55e00"
    assert outline["data"]["values"][0]["site"] == "bone"
    assert set(outline["encoding"]) == {"x", "x2", "y"}
    assert at.selectbox(key="focus").value == "lung"
