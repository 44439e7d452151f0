"""Uploads: a teacher's CSV/TSV becomes tidy pairs, and every broken file gets a clear message."""

from __future__ import annotations

import pandas as pd
import pytest

from data.load import load_tables
from tests.upload_helpers import EXAMPLES, HEADER_COUNTS, parse, rows
from upload import (
    REQUIRED_ROLES,
    ROLES,
    SHAPE_LABELS,
    SHAPES,
    automatic_ids,
    guess_shape,
    match_all,
    name_key,
    read_table,
    tidy,
    tidy_report,
    vocabulary,
)

# --- Each shape, from bytes to the exact tidy rows ------------------------------------------


def test_ranked_csv_to_tidy_rows():
    table = parse(b"Primary cancer,Metastasis site,Rank\n"
                  b"Lung, Brain ,1\nBreast,Bones,1\nBreast,Lung,2\nLung,Bone,2\n")
    assert list(table.columns) == ["primary", "site", "rank"]
    assert str(table["rank"].dtype) == "Int64"
    assert pd.api.types.is_string_dtype(table["primary"].dtype)
    assert rows(table) == [["Breast", "Bones", 1], ["Breast", "Lung", 2],
                           ["Lung", "Brain", 1], ["Lung", "Bones", 2]]


def test_ranked_tsv_by_file_name_keeps_commas_inside_cells():
    table = parse(b"primary\tsite\trank\nBreast\tSkin, muscle\t1\n", "ranks.TSV")
    assert rows(table) == [["Breast", "Skin, muscle", 1]]


def test_aggregated_csv_with_totals_gives_shares():
    raw = ("\ufeffcancer,organ,patients,total patients\r\n"  # a BOM and Windows line ends
           "Colon,Liver,30,120\r\nColon,lungs,12,120\r\nBreast,Bone,0,80\r\n").encode()
    table = parse(raw)
    assert list(table.columns) == ["primary", "site", "count", "total", "share"]
    assert [str(table[c].dtype) for c in ("count", "total", "share")] == [
        "Int64", "Int64", "Float64"]
    assert rows(table) == [["Breast", "Bone", 0, 80, 0.0], ["Colon", "Liver", 30, 120, 0.25],
                           ["Colon", "lungs", 12, 120, 0.1]]


def test_aggregated_tsv_sniffed_from_the_first_line_without_totals():
    table = parse(b"primary\tsite\tcount\nProstate\tBone\t9\nProstate\tLiver\t3.0\n", "x.txt")
    assert rows(table) == [["Prostate", "Bone", 9, None, None],
                           ["Prostate", "Liver", 3, None, None]]
    assert table["total"].isna().all() and str(table["total"].dtype) == "Int64"


def test_patients_csv_counts_distinct_patients_and_merges_spellings():
    table = parse(b"patient_id,primary,site\n"
                  b"p1,Breast,Lung\np1,Breast,Bone\np2,breast cancer,lungs\n"
                  b"p3,Breast,Liver\np4,Lung,Brain\n")
    # "breast cancer" and "lungs" fold into the first spellings seen: Breast and Lung.
    assert rows(table) == [["Breast", "Bone", 1, 3, 0.3333], ["Breast", "Liver", 1, 3, 0.3333],
                           ["Breast", "Lung", 2, 3, 0.6667], ["Lung", "Brain", 1, 1, 1.0]]


def test_patients_tsv_with_blank_rows_dropped_and_row_numbers_kept():
    frame = read_table(b"patient\tprimary\tsite\n1\tColon\tLiver\n\n\t\t\n2\tColon\tLiver\n",
                       "p.tab")
    assert list(frame.index) == [0, 3]  # index + 2 is still the spreadsheet row
    assert rows(tidy(frame, "patients", guess_shape(list(frame.columns))[1])) == [
        ["Colon", "Liver", 2, 2, 1.0]]
    done = tidy_report(read_table(b"patient,primary,site\n1,Colon,Liver\n\n2,Colon,\n",
                                  "x.csv"), "patients",
                       {"patient": "patient", "primary": "primary", "site": "site"})
    # Patient 2 has no site: no spread recorded, but counted in n (2 patients with colon).
    assert rows(done.pairs) == [["Colon", "Liver", 1, 2, 0.5]]
    assert done.notes[0].startswith("1 row has no site: these count as patients with no spread")


def test_tidy_accepts_a_hand_built_frame_and_explicit_mapping():
    frame = pd.DataFrame({"Cancer": ["Breast", "Breast"], "Where": ["Lung", "Bone"],
                          "N": [5, 7], "Of": [20, 20]})
    table = tidy(frame, "aggregated", {"primary": "Cancer", "site": "Where", "count": "N",
                                       "total": "Of", "rank": "ignored"})
    assert rows(table) == [["Breast", "Bone", 7, 20, 0.35], ["Breast", "Lung", 5, 20, 0.25]]


def test_read_table_strips_headers_and_cells_and_keeps_text():
    frame = read_table(b" primary ,  site,rank \n  Breast ,Lung , 007\n", "x.csv")
    assert list(frame.columns) == ["primary", "site", "rank"]
    assert frame.values.tolist() == [["Breast", "Lung", "007"]]


def test_repeated_count_rows_are_added_and_said():
    done = tidy_report(read_table(HEADER_COUNTS + b"Breast,Lung,5,100\nBreast,Bone,6,100\n"
                                  b"Breast,LUNG,7,100\nBreast,lungs,1,100\n", "x.csv"),
                       "aggregated", {"primary": "primary", "site": "site", "count": "count",
                                      "total": "total"})
    assert rows(done.pairs) == [["Breast", "Bone", 6, 100, 0.06], ["Breast", "Lung", 13, 100, 0.13]]
    assert done.notes == ("2 rows repeat a cancer and site given on an earlier row (rows 4 and "
                          "5): their counts were added together, so each pair is one cell.",)


def test_patient_rows_repeated_blank_site_and_blank_id_are_each_said():
    """A sample-level file: repeats counted once, no site = in n only, no id = left out."""
    raw = (b"patient_id,primary,site\n1,Breast,Lung\n,Breast,Bone\n1,Breast,lungs\n"
           b"2,Lung,Bone\n2,Lung,Bone\n3,Lung,\n3,Lung,\n4,Breast,\n")
    done = tidy_report(read_table(raw, "x.csv"), "patients",
                       {"patient": "patient_id", "primary": "primary", "site": "site"})
    # Breast: patients 1 and 4 (n = 2); Lung: patients 2 and 3 (n = 2).
    assert rows(done.pairs) == [["Breast", "Lung", 1, 2, 0.5], ["Lung", "Bone", 1, 2, 0.5]]
    assert done.notes[0].startswith("2 rows repeat a patient, cancer and site already given on "
                                    "an earlier row (for example two samples from the same "
                                    "place: rows 4 and 6). Each patient is counted once per site.")
    assert done.notes[1].startswith("3 rows have no site: these count as patients with no "
                                    "spread recorded in this file")
    assert done.notes[1].endswith("2 patients have no spread recorded at all.")
    assert done.notes[2] == "Row 3 has no patient id or no primary cancer, so it was left out " \
                            "(1 row in all)."


# --- Guessing the shape ---------------------------------------------------------------------


@pytest.mark.parametrize(("columns", "shape", "mapping"), [
    (["primary", "site", "rank"], "ranked",
     {"primary": "primary", "site": "site", "rank": "rank"}),
    (["Cancer Type", "Spread-to", "Order"], "ranked",
     {"primary": "Cancer Type", "site": "Spread-to", "rank": "Order"}),
    (["primary", "site", "count", "total"], "aggregated",
     {"primary": "primary", "site": "site", "count": "count", "total": "total"}),
    (["Tumour", "Organ", "Patients", "Patients with primary"], "aggregated",
     {"primary": "Tumour", "site": "Organ", "count": "Patients",
      "total": "Patients with primary"}),
    (["primary_site", "met_site", "N"], "aggregated",
     {"primary": "primary_site", "site": "met_site", "count": "N"}),
    (["Patient_ID", "Primary", "Metastatic site"], "patients",
     {"patient": "Patient_ID", "primary": "Primary", "site": "Metastatic site"}),
    (["subject", "cancer", "destination", "notes"], "patients",
     {"patient": "subject", "primary": "cancer", "site": "destination"}),
    # "primary" beats "cancer" whichever comes first
    (["cancer", "primary", "site", "rank"], "ranked",
     {"primary": "primary", "site": "site", "rank": "rank"}),
])
def test_guess_shape(columns, shape, mapping):
    assert guess_shape(columns) == (shape, mapping)


def test_guess_shape_unknown_header_gives_none_and_what_it_recognised():
    assert guess_shape(["name", "value"]) == (None, {})
    assert guess_shape(["primary", "value"]) == (None, {"primary": "primary"})
    assert guess_shape([]) == (None, {})


def test_shape_constants_agree():
    assert set(SHAPES) == set(SHAPE_LABELS) == set(ROLES) == set(REQUIRED_ROLES)
    for shape in SHAPES:
        assert set(REQUIRED_ROLES[shape]) <= set(ROLES[shape])


# --- Names ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "key"), [
    ("Breast cancer", "breast"), ("BREAST CANCER ", "breast"), ("lungs", "lung"),
    ("Bones", "bone"), ("Lymph nodes", "lymph node"), ("lymph_nodes", "lymph node"),
    ("pancreas", "pancreas"), ("Peritoneum", "peritoneum"), ("skin/muscle", "skin muscle"),
    ("Skin - muscle", "skin muscle"), ("Head & Neck", "head and neck"),
    ("the  liver", "liver"), ("Liver metastases", "liver"), ("Uterus", "uterus"),
    ("Cancer", "cancer"), ("Adrenal glands", "adrenal gland"), ("glass", "glass"),
])
def test_name_key(text, key):
    assert name_key(text) == key


def names_found(values, vocab) -> dict:
    """The ids the upload page starts from for ``values`` (no curated other names)."""
    return automatic_ids(match_all(values, vocab))


@pytest.fixture(scope="module")
def vocabs():
    tables = load_tables()
    return {"cancers": vocabulary(tables["cancers"], "cancer_id"),
            "sites": vocabulary(tables["sites"], "site_id", aliases="aliases")}


def test_vocabulary_from_the_real_tables(vocabs):
    assert vocabs["sites"]["lung"] == ["lung", "Lung", "lungs"]
    assert vocabs["sites"]["skin_muscle"] == ["skin muscle", "Skin or muscle", "skin/muscle"]
    assert vocabs["cancers"]["breast"] == ["breast", "Breast cancer"]


def test_match_names_with_the_real_tables(vocabs):
    assert names_found(["Breast", "breast cancer", "BREAST CANCER ", "Zebra"],
                       vocabs["cancers"]) == {"Breast": "breast", "breast cancer": "breast",
                                              "BREAST CANCER ": "breast", "Zebra": None}
    assert names_found(["lungs", "Lung", "bones", "Lymph nodes", "nearby lymph nodes",
                        "Skin/Muscle", "Zebra"], vocabs["sites"]) == {
        "lungs": "lung", "Lung": "lung", "bones": "bone", "Lymph nodes": "lymph_nodes",
        "nearby lymph nodes": "lymph_nodes", "Skin/Muscle": "skin_muscle", "Zebra": None}


def test_match_names_gives_none_when_two_ids_share_a_name():
    vocab = {"colon": ["colon", "bowel"], "rectum": ["rectum", "bowel"]}
    assert names_found(["Bowel", "Colon"], vocab) == {"Bowel": None, "Colon": "colon"}


# --- The practice files ----------------------------------------------------------------------


@pytest.mark.parametrize(("file_name", "shape", "n_pairs"), [
    ("practice_spread_counts.csv", "aggregated", 20),
    ("practice_patients.csv", "patients", 20),
    ("practice_ranked.csv", "ranked", 18),
])
def test_practice_files_parse_tidy_and_match_all_but_spleen(vocabs, file_name, shape, n_pairs):
    frame = read_table((EXAMPLES / file_name).read_bytes(), file_name)
    guessed, mapping = guess_shape(list(frame.columns))
    assert guessed == shape
    table = tidy(frame, shape, mapping)
    assert len(table) == n_pairs
    assert set(table["primary"]) == {"Breast", "Lung", "Colon", "Prostate", "Melanoma"}
    primaries = names_found(frame["primary"].unique(), vocabs["cancers"])
    sites = names_found(frame["site"].unique(), vocabs["sites"])
    assert None not in primaries.values()
    assert [name for name, ident in sites.items() if ident is None] == ["Spleen"]
    assert {"Bones", "lungs"} <= set(sites)  # spellings that only match through the vocabulary


def test_practice_counts_are_consistent():
    table = parse((EXAMPLES / "practice_spread_counts.csv").read_bytes())
    assert (table["count"] <= table["total"]).all()
    assert table.groupby("primary")["total"].nunique().eq(1).all()
    patients = parse((EXAMPLES / "practice_patients.csv").read_bytes())
    assert patients.groupby("primary")["total"].first().sum() == 33


def test_practice_files_say_they_are_invented():
    readme = (EXAMPLES / "README.md").read_text(encoding="utf-8")
    assert ("Invented practice data: the numbers are made up for trying the upload page; they "
            "are not real\nstatistics and come from no source.") in readme
    for path in EXAMPLES.glob("*.csv"):
        assert path.name.startswith("practice_") and path.name in readme
