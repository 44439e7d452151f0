"""AppTest for every page: each opens from app.py, and the figures a person sees are right.

Expected values are computed from the published tables (``data.load.load_tables``), not
copied from the pages, so a page that filters, counts or labels wrongly fails here.
Chart data is read from the Vega-Lite spec Streamlit sends to the browser (Streamlit moves
named datasets out of the spec into Arrow ``datasets``; both places are read).
"""

from __future__ import annotations

import ast

import pandas as pd
import pytest

from data.load import read_descriptor
from tests.apptest_helpers import ROOT, chart, encodings, layer_data, ok, open_page
from ui.navigation import PAGES

FIRST = "1st (most common)"


# ----------------------------------------------------------------------------- helpers

def page_file_title(page_file: str) -> str | None:
    """The literal text of the page's first ``st.title(...)``, or None if it is computed."""
    tree = ast.parse((ROOT / page_file).read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr == "title" and node.args):
            first = node.args[0]
            return first.value if isinstance(first, ast.Constant) else None
    return None


@pytest.fixture
def t(tables) -> dict[str, pd.DataFrame]:
    """Every published table (the session fixture from conftest.py), under a short name."""
    return tables


def pairs(frame: pd.DataFrame) -> set[tuple[str, str]]:
    """The (primary, site) pairs in a frame."""
    return set(zip(frame["primary"], frame["site"], strict=True))


# ----------------------------------------------------------------------------- every page

@pytest.mark.parametrize("spec", PAGES, ids=[p.url_path for p in PAGES])
def test_page_opens_with_its_title(spec):
    """As a visitor, I can open every page from the navigation and see its title, no error."""
    at = open_page(spec.file)
    titles = [title.value for title in at.title]
    assert titles and titles[0].strip(), f"{spec.file} shows no title"
    expected = page_file_title(spec.file)
    if expected is not None:
        assert titles[0] == expected


# ----------------------------------------------------------------------------- spread

SPREAD = "pages/spread.py"


def test_heatmap_shows_every_pair_in_the_data(t):
    """As a learner, the default heatmap has a cell for every cancer-site pair a source names."""
    spec, data = chart(open_page(SPREAD))
    cells = layer_data(spec, data)
    assert len(cells) == len(pairs(t["spread"])) == 63
    assert pairs(cells) == pairs(t["spread"])


def test_heatmap_marks_the_nci_first_sites(t):
    """As a learner, the darkest cells are the sites the NCI table ranks first for a cancer."""
    spec, data = chart(open_page(SPREAD))
    cells = layer_data(spec, data).set_index(["primary", "site"])
    assert cells.at[("prostate", "bone"), "rank_label"] == FIRST
    spread = t["spread"]
    firsts = pairs(spread[(spread["evidence"] == "ranked_table") & (spread["rank"] == 1)])
    assert set(cells.index[cells["rank_label"] == FIRST]) == firsts


def test_cancer_filter_keeps_only_that_cancer(t):
    """As a learner, choosing Prostate cancer leaves only prostate rows in the heatmap."""
    at = open_page(SPREAD)
    ok(at.multiselect(key="cancer").select("prostate").run())
    spec, data = chart(at)
    cells = layer_data(spec, data)
    assert set(cells["primary"]) == {"prostate"}
    assert pairs(cells) == pairs(t["spread"][t["spread"]["primary"] == "prostate"])


def test_evidence_filter_ranked_table_leaves_the_36_ranked_cells(t):
    """As a learner, filtering to the NCI table shows only its 36 ranked cells, no markers."""
    at = open_page(SPREAD)
    ok(at.multiselect(key="evidence").set_value(["ranked_table"]).run())
    spec, data = chart(at)
    cells = layer_data(spec, data)
    ranked = t["spread"][t["spread"]["evidence"] == "ranked_table"]
    assert len(cells) == 36
    assert pairs(cells) == pairs(ranked)
    assert "Not ranked" not in set(cells["rank_label"])
    assert set(cells["marker"]) == {""}


def test_filters_that_match_nothing_say_so_instead_of_a_chart(t):
    """As a learner, a filter combination with no claims gets a message, not an empty chart."""
    spread = t["spread"]
    cancer, evidence = next(
        (c, e) for c in sorted(spread["primary"].unique()) for e in ("statement", "example")
        if spread[(spread["primary"] == c) & (spread["evidence"] == e)].empty)
    at = open_page(SPREAD)
    ok(at.multiselect(key="cancer").set_value([cancer]).run())
    ok(at.multiselect(key="evidence").set_value([evidence]).run())
    assert any("No claims match" in info.value for info in at.info)
    assert len(at.get("vega_lite_chart")) == 0


def test_focus_on_a_cancer_shows_its_quotes():
    """As a learner, choosing Breast cancer shows the sources' own words about breast cancer."""
    at = open_page(SPREAD)
    shown = [m.value for m in at.markdown]
    assert not any("Breast — Lungs, liver, bones" in text for text in shown)
    ok(at.selectbox(key="focus").set_value("breast").run())
    shown = [m.value for m in at.markdown]
    assert any("Breast — Lungs, liver, bones" in text for text in shown)
    assert [h.value for h in at.subheader if "Every quote" in h.value] == [
        "Every quote about Breast cancer"]


def test_top_three_bars_count_liver_first_for_five_cancers(t):
    """As a learner, the bars show liver listed first by five cancers in the NCI table."""
    spec, data = chart(open_page(SPREAD), 1)
    counts = layer_data(spec, data)
    ranked = t["spread"][t["spread"]["evidence"] == "ranked_table"]
    expected = ranked[(ranked["site"] == "liver") & (ranked["rank"] == 1)]["primary"].nunique()
    liver_first = counts[(counts["site"] == "liver") & (counts["rank"] == 1)]
    assert expected == 5
    assert liver_first["n_cancers"].sum() == expected
    assert list(liver_first["site_label"]) == ["Liver"]
    assert [e["field"] for e in encodings(spec, "x")] == ["n_cancers"]


# ----------------------------------------------------------------------------- survival

SURVIVAL = "pages/survival.py"


def test_survival_chart_shows_the_three_quoted_rates():
    """As a learner, the survival chart shows exactly the three rates the source quotes."""
    spec, data = chart(open_page(SURVIVAL))
    rates = layer_data(spec, data)
    assert dict(zip(rates["group"], rates["value_pct"], strict=True)) == {
        "Lung cancer, all people": 9, "Breast cancer, women": 30, "Breast cancer, men": 19}


def test_survival_axis_runs_from_0_to_100_percent():
    """As a learner, the survival bars sit on a full 0-100% axis, so small rates look small."""
    spec, _ = chart(open_page(SURVIVAL))
    x = encodings(spec, "x")
    assert x and all(e["field"] == "value_pct" for e in x)
    domains = [e["scale"]["domain"] for e in x if "scale" in e]
    assert domains and all(domain == [0, 100] for domain in domains)


# ----------------------------------------------------------------------------- sources

SOURCES = "pages/sources.py"


def test_sources_page_shows_each_of_the_five_sources(t):
    """As a teacher, I can see each of the five sources with its publisher."""
    at = open_page(SOURCES)
    shown = [m.value for m in at.markdown]
    assert len(t["sources"]) == 5
    for publisher in t["sources"]["publisher"]:
        assert sum(text.startswith(f"**{publisher}**") for text in shown) == 1, publisher


def test_sources_page_offers_every_download():
    """As a teacher, I can download every table, the dictionary, the source list and a ZIP."""
    at = open_page(SOURCES)
    labels = [button.proto.label for button in at.get("download_button")]
    resources = read_descriptor()["resources"]
    assert len(labels) == len(resources) + 3
    assert "Download everything on this page (ZIP)" in labels
    assert "Download the data dictionary (CSV)" in labels
    assert "Download the source list (CSV)" in labels


def test_sources_page_download_labels_give_each_table_row_count(t):
    """As a teacher, each table's download button says how many rows it holds."""
    labels = [b.proto.label for b in open_page(SOURCES).get("download_button")]
    for resource in read_descriptor()["resources"]:
        assert f"{resource['title']} ({len(t[resource['name']])} rows)" in labels


# ----------------------------------------------------------------------------- overview

def test_overview_counts_the_cancers_in_the_nci_table(t):
    """As a visitor, the overview says how many cancers the NCI ranked table covers."""
    at = open_page("pages/overview.py")
    metric = next(m for m in at.metric if m.label == "Cancers in the NCI ranked table")
    ranked = t["spread"][t["spread"]["evidence"] == "ranked_table"]
    assert ranked["primary"].nunique() == 12
    assert metric.value == "12"


def test_sources_page_offers_everything_as_one_zip_first():
    """A browser may drop the 11th download on a page: the Sources page's first download is
    one ZIP holding every file the page offers, the source list and dictionary as shown."""
    import io
    import zipfile

    from data.export import safe_csv_bytes
    from data.load import load_published
    from ui.data import dictionary, sources_table
    from ui.files import data_package_zip

    at = open_page("pages/sources.py")
    buttons = at.get("download_button")
    assert buttons[0].proto.label == "Download everything on this page (ZIP)"
    assert len(buttons) > 10
    t = load_published()
    with zipfile.ZipFile(io.BytesIO(data_package_zip(t))) as archive:
        names = set(archive.namelist())
        assert archive.read("source_list.csv") == safe_csv_bytes(sources_table(t))
        assert archive.read("data_dictionary.csv") == safe_csv_bytes(dictionary())
    assert {"datapackage.json", "README.md", "source_list.csv", "data_dictionary.csv"} <= names
