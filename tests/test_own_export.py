"""Real exports, invented: a 20,000-row sample-level file (clinical names, blank sites for
primary-tumour samples, repeated patient-site rows, upper-case headers) reaches every view;
the same file as .xlsx, .ods and a semicolon CSV with decimal commas gives the same table;
typos get a suggestion; unknown headers get a neutral prompt, not a red error."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from tests.apptest_helpers import chart_rows
from tests.conftest import ROOT
from tests.own_export import CANCERS, SITES, UNKNOWN, ods, sample_export, semicolon_csv, xlsx
from upload import guess_shape, match_all, read_table, tidy_report, vocabulary
from upload.names import load_synonyms
from upload.view import Filters, drawn

SHOW = "Show this data in the heatmap, network and body map"


def _page(data: bytes, name: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.run()
    at.switch_page("pages/own_data.py").run()
    at.file_uploader(key="own_file").set_value((name, data, "text/csv")).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _text(elements) -> str:
    return " ".join(e.value for e in elements).replace("\\", "")


@pytest.fixture(scope="module")
def export() -> pd.DataFrame:
    return sample_export(20_000)


def _expected(frame: pd.DataFrame) -> dict:
    """Counted by hand from the invented frame: repeats, blank sites, n per cancer."""
    mets = frame[frame["METASTATIC_SITE"] != ""]
    return {"repeats": int(mets.duplicated(["PATIENT_ID", "METASTATIC_SITE"]).sum()),
            "no_site": int((frame["METASTATIC_SITE"] == "").sum()),
            "n": frame.groupby("CANCER_TYPE")["PATIENT_ID"].nunique()}


def test_a_sample_level_export_reaches_every_view_with_its_rows_reported(export):
    """A teacher uploads a 20,000-row export: no red error, the merged and no-site rows are
    counted in words, most clinical names match, and each view draws it."""
    expected = _expected(export)
    at = _page(export.to_csv(index=False).encode(), "msk_like_export.csv")
    assert not at.error, _text(at.error)
    notes = _text(at.info)
    assert f"{expected['repeats']:,} rows repeat a patient, cancer and site" in notes
    assert f"{expected['no_site']:,} rows have no site: these count as patients" in notes
    matched = re.search(r"\*\*(\d+) of (\d+)\*\* names in your file matched", _text(at.markdown))
    assert int(matched[2]) == len(CANCERS) + len(SITES)
    assert int(matched[1]) / int(matched[2]) >= 0.8
    n = at.dataframe[1].value.set_index("Primary cancer")["Patients (n)"]
    # Two lung-cancer names grouped into one: their patients add up (each has one cancer).
    assert n["Lung cancer"] == (expected["n"]["Non-Small Cell Lung Cancer"]
                                + expected["n"]["Small Cell Lung Cancer"])
    assert n["Hepatobiliary Cancer"] == expected["n"]["Hepatobiliary Cancer"]
    next(b for b in at.button if b.label == SHOW).click().run()
    for page in ("pages/spread.py", "pages/network.py", "pages/body_map.py"):
        at.switch_page(page).run()
        assert not at.exception and not at.error, (page, _text(at.error))
        assert "msk_like_export.csv" in _text(at.info)
        assert at.get("vega_lite_chart"), page
    at.switch_page("pages/spread.py").run()
    cells = chart_rows(at, 0, "text")
    lung_bone = next(c for c in cells if c["cancer"] == "Lung cancer" and c["site_label"] == "Bone")
    assert lung_bone["row"] == f"Lung cancer (n = {n['Lung cancer']:,})"
    assert all(float(c["value"]) <= 1 for c in cells)


def test_clinical_names_match_by_synonym_or_group_and_unknown_ones_stay():
    tables = {"cancers": pd.read_csv(ROOT / "data" / "tables" / "cancers.csv"),
              "sites": pd.read_csv(ROOT / "data" / "tables" / "sites.csv")}
    synonyms = load_synonyms()
    cancers = match_all(CANCERS, vocabulary(tables["cancers"], "cancer_id"), synonyms["cancers"])
    sites = match_all(SITES, vocabulary(tables["sites"], "site_id", aliases="aliases"),
                      synonyms["sites"])
    found = cancers | sites
    assert {n for n, m in found.items() if not m.automatic} == UNKNOWN
    assert (cancers["Non-Small Cell Lung Cancer"].id, cancers["Renal Cell Carcinoma"].id,
            cancers["Endometrial Cancer"].id) == ("lung", "kidney", "uterus")
    assert (sites["Distant LN"].how, sites["Distant LN"].id) == ("group", "lymph_nodes")
    assert (sites["CNS/Brain"].id, sites["Lymph"].id, sites["Pleura"].id) == (
        "central_nervous_system", "lymph_nodes", "lung")


def test_every_synonym_names_a_real_id_and_no_name_means_two_things():
    ids = {"cancers": set(pd.read_csv(ROOT / "data" / "tables" / "cancers.csv")["cancer_id"]),
           "sites": set(pd.read_csv(ROOT / "data" / "tables" / "sites.csv")["site_id"])}
    from upload.names import name_key
    for kind, entries in load_synonyms().items():
        assert set(entries) <= ids[kind]
        seen: dict[str, str] = {}
        for ident, entry in entries.items():
            assert "within" not in entry or entry.get("why"), ident
            for name in [*entry.get("same", []), *entry.get("within", [])]:
                assert seen.setdefault(name_key(name), ident) == ident, name


@pytest.mark.parametrize("kind", ["xlsx", "ods", "semicolon"])
def test_the_same_export_as_a_workbook_or_semicolon_csv_gives_the_same_table(kind):
    frame = sample_export(3_000)
    raw, name = {"xlsx": (lambda: xlsx(frame), "e.xlsx"), "ods": (lambda: ods(frame), "e.ods"),
                 "semicolon": (lambda: semicolon_csv(frame), "e.csv")}[kind]
    plain = read_table(frame.to_csv(index=False).encode(), "e.csv")
    other = read_table(raw(), name)
    assert list(other.columns) == list(plain.columns)
    if kind == "semicolon":
        assert other.attrs["delimiter"] == ";" and other.attrs["decimal"] == ","
    shape, mapping = guess_shape(list(other.columns))
    assert shape == "patients"
    pd.testing.assert_frame_equal(tidy_report(other, shape, mapping).pairs,
                                  tidy_report(plain, shape, mapping).pairs)


def test_counts_with_decimal_commas_in_a_semicolon_file_equal_the_workbook():
    table = pd.DataFrame({"Cancer Type": ["Breast", "Breast"], "Spreads to": ["Bone", "Lung"],
                          "Patients": [12.0, 3.0], "Total patients": [40.0, 40.0]})
    from_csv = read_table(semicolon_csv(table), "c.csv")
    from_book = read_table(xlsx(table), "c.xlsx")
    assert from_csv["Patients"].tolist() == ["12,0", "3,0"]
    shape, mapping = guess_shape(list(from_csv.columns))
    assert shape == "aggregated"
    a = tidy_report(from_csv, shape, mapping).pairs
    pd.testing.assert_frame_equal(a, tidy_report(from_book, shape, mapping).pairs)
    assert a["share"].round(3).tolist() == [0.3, 0.075]


def test_typos_get_a_preselected_suggestion_confirmed_in_one_click():
    at = _page(b"Cancer Type,Metastatic Site,Patients\nBrest cancer,Brian,4\nBrest cancer,Bone,6\n"
               b"Zorblax,Bone,2\n", "typos.csv")
    assert not at.error
    assert "Did you mean" in _text(at.markdown)
    boxes = {b.label.replace("\\", ""): b for b in at.selectbox}
    assert boxes["“Brest cancer”: did you mean …?"].value == "breast"
    assert boxes["“Brian”: did you mean …?"].value == "brain"
    assert boxes["“Zorblax” is"].value == ""  # no suggestion: kept as a new name
    table = at.dataframe[0].value
    assert "Brest cancer" in set(table["Primary cancer"])  # not used before the click
    for button in [b for b in at.button if b.label.startswith("Yes, use this")]:
        button.click().run()
    table = at.dataframe[0].value
    assert set(table["Primary cancer"]) == {"Breast cancer", "Zorblax"}
    assert set(table["Spreads to"]) == {"Brain", "Bone"}


def test_unknown_headers_get_a_neutral_prompt_not_an_error():
    at = _page(b"Tumour group,Went to,How many\nBreast,Lung,4\n", "odd.csv")
    assert not at.error
    assert "Which kind of table is this?" in _text(at.info)
    at.radio(key=next(r.key for r in at.radio if r.key.startswith("shape_"))).set_value(
        "aggregated").run()
    assert not at.error
    assert "Choose the column that holds" in _text(at.info)


def test_a_forced_comma_on_a_semicolon_file_hints_at_the_separator():
    at = _page(b"primary;site;count\nBreast;Lung;4\n", "semi.csv")
    assert "Columns separated by semicolon (;)" in _text(at.caption)
    at.selectbox(key=next(s.key for s in at.selectbox if s.key.startswith("delimiter_"))
                 ).set_value(",").run()
    assert "Only one column was read" in _text(at.caption)


def test_views_hide_cancers_with_few_patients_and_say_so():
    pairs = pd.DataFrame({"cancer": ["A", "A", "B"], "site_label": ["x", "y", "x"],
                          "count": [3, 1, 1], "total": [9, 9, 1]})
    view = drawn(pairs, (50, 60), Filters(50, 60, 5, ""))
    assert view.pairs["cancer"].tolist() == ["A", "A"]
    assert view.note.startswith("Hidden: 1 cancer with fewer than 5 patients in your file (B; "
                                "n = 1)")
    assert drawn(pairs, (50, 60), Filters(50, 60, 1, "y")).pairs["site_label"].tolist() == ["y"]
