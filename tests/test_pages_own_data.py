"""AppTest: the upload page with each kind of table and each kind of broken file, and the
heatmap, network and body map switching to the upload and back."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from tests.apptest_helpers import chart_rows, chart_spec
from tests.conftest import ROOT

EXAMPLES = ROOT / "data" / "examples"
UPLOAD_PAGE = "pages/own_data.py"
SHOW = "Show this data in the heatmap, network and body map"


def _upload(data: bytes, name: str = "mine.csv", at: AppTest | None = None) -> AppTest:
    """The upload page after uploading ``data`` as ``name``."""
    if at is None:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        at.run()
        at.switch_page(UPLOAD_PAGE).run()
    at.file_uploader(key="own_file").set_value((name, data, "text/csv")).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _show(at: AppTest) -> AppTest:
    next(b for b in at.button if b.label == SHOW).click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _errors(at: AppTest) -> str:
    return " ".join(e.value for e in at.error).replace("\\", "")


def _banner(at: AppTest) -> str:
    return " ".join(i.value for i in at.info if "Showing your data" in i.value).replace("\\", "")


def test_counts_with_totals_are_drawn_as_shares_on_the_heatmap():
    """The practice counts: Breast → Bones is 96 of 240 patients, drawn as 40%."""
    at = _show(_upload((EXAMPLES / "practice_spread_counts.csv").read_bytes(), "counts.csv"))
    at.switch_page("pages/spread.py").run()
    assert "counts.csv" in _banner(at)
    rows = chart_rows(at, 0, "text")
    cell = next(r for r in rows if r["cancer"] == "Breast cancer" and r["site_label"] == "Bone")
    assert cell["text"] == "40%" and cell["row"] == "Breast cancer (n = 240)"
    assert chart_spec(at)["layer"][0]["encoding"]["color"]["type"] == "quantitative"


def test_ranked_table_draws_ranks_as_an_order_on_every_view():
    """A ranked upload: ordinal colours on the heatmap, a line per pair on the network,
    arrows on the body map for the cancer chosen."""
    at = _show(_upload((EXAMPLES / "practice_ranked.csv").read_bytes(), "ranked.csv"))
    at.switch_page("pages/spread.py").run()
    colour = chart_spec(at)["layer"][0]["encoding"]["color"]
    assert colour["type"] == "ordinal" and colour["sort"][0] == "1st"
    at.switch_page("pages/network.py").run()
    assert not at.exception and "ranked.csv" in _banner(at)
    edges = {r["edge_id"] for r in chart_rows(at, 0, "edge_id")}
    assert "cancer:breast--site:bone" in edges and len(edges) == 18
    at.switch_page("pages/body_map.py").run()
    assert at.selectbox(key="own_body_cancer").value == "breast"
    arrows = chart_rows(at, 0, "tip_x")
    assert {r["site_label"] for r in arrows} == {"Bone", "Lung", "Liver", "Brain"}


def test_patient_rows_are_counted_per_cancer_and_site():
    """One row per patient and site: the page counts distinct patients for each pair."""
    at = _upload((EXAMPLES / "practice_patients.csv").read_bytes(), "patients.csv")
    assert at.radio(key=next(k for k in _keys(at) if k.startswith("shape_"))).value == "patients"
    table = at.dataframe[0].value
    assert {"Patients", "Patients with this primary (n)"} <= set(table.columns)
    practice = pd.read_csv(EXAMPLES / "practice_patients.csv").dropna(subset=["site"])
    # every practice name matches a dashboard name, so each distinct (patient, cancer, site)
    # is one patient counted in one cell
    assert table["Patients"].sum() == len(practice.drop_duplicates())


def _keys(at: AppTest) -> list[str]:
    return [w.key for w in at.radio]


@pytest.mark.parametrize(("data", "expected"), [
    (b"", "empty"),
    (b"primary,site,count\n", "no data rows"),
    ("primary,site,count\nPoumon,Foie é,3\n".encode("latin-1"), "UTF-8"),
    (b"PK\x03\x04binarystuff", "spreadsheet"),
    (b"primary,site,count\nBreast,Lung,-3\n", "Row 2"),
    (b"primary,site,count\nBreast,Lung,abc\n", "abc"),
    (b"primary,site,rank\nBreast,Lung,1\nBreast,Lung,2\n", "Rows 2 and 3"),
    (b"primary,site,count\nBreast,Lung,3,4\n", "Line"),
], ids=["empty", "header-only", "latin-1", "xlsx", "negative", "not-a-number", "duplicate",
        "ragged"])
def test_broken_file_gets_a_clear_message_and_the_built_in_data_is_intact(data, expected):
    """Each broken file names what is wrong; the heatmap still shows the five sources."""
    at = _upload(data)
    assert expected.lower() in _errors(at).lower(), _errors(at)
    at.switch_page("pages/spread.py").run()
    assert not at.exception and not _banner(at)
    assert chart_spec(at)["title"]["text"] == "Where each cancer spreads, by source"


def test_a_broken_second_file_keeps_the_first_upload_shown():
    """Uploading a bad file after a good one loses nothing: the views keep the good one."""
    at = _show(_upload((EXAMPLES / "practice_ranked.csv").read_bytes(), "good.csv"))
    _upload(b"primary,site,rank\nBreast,Lung,0\n", "bad.csv", at)
    assert "table you uploaded before" in _errors(at)
    at.switch_page("pages/spread.py").run()
    assert "good.csv" in _banner(at)


def test_back_to_the_five_sources_switches_every_view_back():
    at = _show(_upload((EXAMPLES / "practice_spread_counts.csv").read_bytes()))
    at.switch_page("pages/network.py").run()
    next(b for b in at.button if b.label == "Back to the five sources").click().run()
    assert not _banner(at)
    assert chart_spec(at)["title"]["text"] == "Cancers and the sites they spread to"


def test_unknown_columns_ask_for_a_mapping_then_work():
    """Headers the page cannot guess: it asks which column is which, then draws."""
    at = _upload(b"Tumour group,Went to,How many\nBreast,Lung,4\nBreast,Bone,6\n")
    assert "did not say" in " ".join(c.value for c in at.caption)
    shape_key = next(k for k in _keys(at) if k.startswith("shape_"))
    at.radio(key=shape_key).set_value("aggregated").run()
    boxes = {b.label: b for b in at.selectbox}
    boxes["Primary cancer"].set_value("Tumour group")
    boxes["Site it spread to"].set_value("Went to")
    boxes["Number of patients"].set_value("How many").run()
    assert not at.exception and not at.error
    assert at.dataframe[0].value["Patients"].tolist() == [6, 4]


@settings(max_examples=25, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(text=st.lists(st.lists(st.sampled_from(["primary", "site", "count", "rank", "Breast",
                                               "Lung", "-1", "0", "3", "x", "", "=1+1",
                                               "<b>", "é", '"', ",", "\t"]),
                              min_size=1, max_size=4), min_size=0, max_size=5))
def test_malformed_csv_never_reaches_the_page_as_an_exception(text):
    """Whatever a CSV holds, the page answers with a message or a table, never a traceback."""
    data = "\n".join(",".join(row) for row in text).encode()
    at = _upload(data)
    assert not at.exception


def test_a_big_upload_draws_the_most_common_pairs_and_says_so():
    """7,200 pairs (120 cancers x 60 sites; Altair refuses 5,000 rows): the heatmap and
    network draw a capped part with no error, each saying so; the table keeps every pair."""
    rows = [f"Cancer {c:03d},Site {s:02d},{1 + (c + s) % 5}\n" for c in range(120)
            for s in range(60)]
    at = _show(_upload(("primary,site,count\n" + "".join(rows)).encode(), "big.csv"))
    for page, view, default, most in (("pages/spread.py", "heatmap", (20, 25), (50, 60)),
                                      ("pages/network.py", "network", (15, 20), (30, 40))):
        at.switch_page(page).run()
        assert not at.exception, [e.value for e in at.exception]
        caption = " ".join(c.value for c in at.caption)
        assert f"Your table has 120 cancers and 60 sites: this chart draws the {default[0]} " \
               f"cancers and {default[1]} sites with the most patients" in caption
        at.number_input(key=f"own_{view}_cancers").set_value(most[0])
        at.number_input(key=f"own_{view}_sites").set_value(most[1]).run()
        caption = " ".join(c.value for c in at.caption)
        assert f"this chart draws the {most[0]} cancers and {most[1]} sites" in caption
        assert at.number_input(key=f"own_{view}_cancers").max == most[0]
        assert at.dataframe[0].value.shape[0] == len(rows)


def test_a_very_long_name_is_shortened_on_screen_but_whole_in_the_table():
    """A 5,000-character site name shows as 60 characters in the choices and the chart, and
    in full in the checked table."""
    long_name = "Somewhere " * 500
    at = _upload(f"primary,site,rank\nBreast,{long_name.strip()},1\n".encode())
    labels = [s.label for s in at.selectbox if s.label.startswith("“Somewhere")]
    assert labels and all(len(label.replace("\\", "")) < 80 for label in labels)
    assert long_name.strip() in at.dataframe[0].value["Spreads to"].tolist()
    _show(at).switch_page("pages/spread.py").run()
    sites = {r["site_label"] for r in chart_rows(at, 0, "site_label")}
    assert sites == {"Somewhere " * 5 + "Somewhere…"}
