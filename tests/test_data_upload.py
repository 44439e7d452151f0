"""Uploads: a teacher's CSV/TSV becomes tidy pairs, and every broken file gets a clear message."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import upload
from data.load import load_tables
from upload import (
    REQUIRED_ROLES,
    ROLES,
    SHAPE_LABELS,
    SHAPES,
    UploadError,
    guess_shape,
    match_names,
    name_key,
    problems,
    read_table,
    tidy,
    tidy_report,
    vocabulary,
)
from upload import read as upload_read

EXAMPLES = Path(__file__).resolve().parent.parent / "data" / "examples"


def parse(raw: bytes, file_name: str = "mine.csv") -> pd.DataFrame:
    """read_table, guess_shape and tidy in a row, as the upload page does."""
    frame = read_table(raw, file_name)
    shape, mapping = guess_shape(list(frame.columns))
    assert shape is not None, f"no shape guessed for {list(frame.columns)}"
    return tidy(frame, shape, mapping)


def rows(table: pd.DataFrame) -> list[list]:
    """A table's values as plain Python (<NA> as None, shares rounded) for exact comparison."""
    return [[None if pd.isna(v) else round(v, 4) if isinstance(v, float) else v for v in row]
            for row in table.astype(object).values.tolist()]


def problems_of(raw: bytes, file_name: str = "mine.csv", shape: str | None = None,
                mapping: dict | None = None) -> str:
    """The message of the UploadError the file raises (fails the test if it raises none)."""
    with pytest.raises(UploadError) as caught:
        frame = read_table(raw, file_name)
        guessed, guessed_mapping = guess_shape(list(frame.columns))
        tidy(frame, shape or guessed, guessed_mapping if mapping is None else mapping)
    assert caught.value.problems and str(caught.value) == " ".join(caught.value.problems)
    return str(caught.value)


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


# --- Broken files: the message names the row and column ---------------------------------------

HEADER_RANKED = b"primary,site,rank\n"
HEADER_COUNTS = b"primary,site,count,total\n"


@pytest.mark.parametrize(("raw", "expected"), [
    (b"", r"^The file is empty\.$"),
    (b" \r\n\t\n", r"^The file is empty\.$"),
    (b"primary,site,rank\n", r"header row but no data rows"),
    (b"primary,site,rank\n,,\n\n", r"header row but no data rows"),
    ("primary,site\nCafé,Lung\n".encode("latin-1"),
     r"not UTF-8.*byte 17 \(on line 2\).*CSV UTF-8"),
    (b"PK\x03\x04\x14\x00\x06\x00", r"looks like a spreadsheet, but it could not be opened.*"
                                   r"Save as → CSV UTF-8"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", r"looks like a spreadsheet, but it could not be opened"),
    (b"primary,site\x00,rank\n", r"spreadsheet or other binary file"),
    (b"primary,site,rank\nBreast,Lung,1\nBreast,Bone,2,3\n",
     r"^Line 3 has 4 values but the header has 3 columns\."),
    (b'primary,site,rank\nBreast,"Lung,1\nBreast,Bone,2\n', r"Line 2 opens a quotation mark"),
    (b"primary,,rank\nBreast,Lung,1\n", r"Row 1 \(the header\), column 2: the column has no name"),
    (b"Site,primary,site ,rank\nA,B,C,1\n",
     r"'Site' and 'site' name the same column more than once \(columns 1 and 3\)"),
    (b"\nprimary,site,rank\n", r"Row 1 is blank"),
])
def test_unreadable_files(raw, expected):
    assert re.search(expected, problems_of(raw))


@pytest.mark.parametrize(("raw", "expected"), [
    (HEADER_RANKED + b"Breast,Lung,1\nBreast,,2\nBreast,Liver,3\n,Bone,1\nLung,,4\n",
     ["Row 5: 'primary' is blank.", "Rows 3 and 6: 'site' is blank."]),
    (HEADER_RANKED + b"Breast,Lung,abc\nBreast,Bone,1.5\nBreast,Liver,\n",
     ["Row 2, column 'rank': 'abc' is not a whole number.",
      "Row 3, column 'rank': '1.5' is not a whole number.",
      "Row 4, column 'rank': the cell is blank, but it needs a whole number."]),
    (HEADER_RANKED + b"Breast,Lung,0\nBreast,Bone,-2\n",
     ["Row 2, column 'rank': '0' is not allowed: ranks start at 1",
      "Row 3, column 'rank': '-2' is not allowed"]),
    (HEADER_RANKED + b"Breast,Lung,1\nBreast,Bone,2\nbreast cancer, lungs ,3\n",
     ["Rows 2 and 4 both give primary 'Breast', site 'Lung'."]),
    (HEADER_COUNTS + b"Breast,Lung,many,10\nBreast,Bone,-3,10\n",
     ["Row 2, column 'count': 'many' is not a whole number.",
      "Row 3, column 'count': '-3' is negative"]),
    (HEADER_COUNTS + b"Breast,Lung,5,4\n",
     ["Row 2: the total in column 'total' (4) is smaller than the count in column 'count' (5)"]),
    (HEADER_COUNTS + b"Breast,Lung,5,0\nLung,Bone,1,ten\n",
     ["Row 2, column 'total': '0' is not allowed", "Row 3, column 'total': 'ten' is not a whole"]),
    (HEADER_COUNTS + b"Breast,Lung,5,100\nBreast,Bone,6,100\nBreast,Liver,7,120\n",
     ["Primary 'Breast' has different totals in column 'total': 100 (rows 2 and 3) and 120 "
      "(row 4)."]),
    (HEADER_COUNTS + b"Breast,Lung,50,100\nBreast,Bone,6,100\nBreast,LUNG,70,100\n",
     ["Rows 2 and 4 give primary 'Breast', site 'Lung'; their counts add up to 120, more than "
      "the total of 100 patients in column 'total'."]),
])
def test_broken_cells_name_row_and_column(raw, expected):
    message = problems_of(raw)
    for sentence in expected:
        assert sentence in message


@pytest.mark.parametrize(("shape", "mapping", "expected"), [
    ("ranked", {"primary": "primary", "site": "site"},
     "Choose the column that holds 'rank': the file has the columns 'primary', 'site' and "
     "'count'."),
    ("aggregated", {"primary": "primary", "site": "where", "count": "count"},
     "The column 'where' chosen for 'site' is not in the file. The file has the columns "
     "'primary', 'site' and 'count'."),
    ("aggregated", {"primary": "primary", "site": "site", "count": "count", "total": "count"},
     "'count' and 'total' both use the column 'count': choose a different column for each."),
    ("pie chart", {}, "Unknown kind of table 'pie chart'"),
])
def test_bad_mapping_names_the_role_and_the_columns(shape, mapping, expected):
    assert expected in problems_of(b"primary,site,count\nBreast,Lung,3\n", shape=shape,
                                   mapping=mapping)


def test_blank_cells_list_five_rows_then_count_the_rest():
    raw = HEADER_RANKED + b"".join(b"Breast,,%d\n" % rank for rank in range(1, 9))
    assert "Rows 2, 3, 4, 5, 6 (and 3 more rows): 'site' is blank." in problems_of(raw)


def test_at_most_ten_problems_then_how_many_more():
    raw = HEADER_RANKED + b"".join(b"Breast,Site %d,x\n" % i for i in range(30))
    error = pytest.raises(UploadError, parse, raw).value
    assert len(error.problems) == 11
    assert error.problems[0] == "Row 2, column 'rank': 'x' is not a whole number."
    assert error.problems[-1] == "…and 20 more problems."


def test_too_many_rows(monkeypatch):
    monkeypatch.setattr(upload_read, "MAX_ROWS", 3)
    ok = HEADER_RANKED + b"A,B,1\nA,C,2\nA,D,3\n"
    assert len(read_table(ok, "x.csv")) == 3
    message = problems_of(ok + b"A,E,4\n")
    assert message.startswith("The file has more than 3 data rows")


def test_too_large(monkeypatch):
    monkeypatch.setattr(upload_read, "MAX_BYTES", 1024 * 1024)
    raw = HEADER_RANKED + b"A,B,1\n" * (1024 * 1024 // 6 + 1)
    assert re.search(r"The file is 1 MB, but the largest file this page takes is 1 MB\.",
                     problems_of(raw))
    assert problems._size(100 * 1024 * 1024) == "100 MB"


def test_the_real_limit_is_100_mb_and_two_million_rows():
    assert upload.MAX_BYTES == 100 * 1024 * 1024 and upload.MAX_ROWS == 2_000_000


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
    assert match_names(["Breast", "breast cancer", "BREAST CANCER ", "Zebra"],
                       vocabs["cancers"]) == {"Breast": "breast", "breast cancer": "breast",
                                              "BREAST CANCER ": "breast", "Zebra": None}
    assert match_names(["lungs", "Lung", "bones", "Lymph nodes", "nearby lymph nodes",
                        "Skin/Muscle", "Zebra"], vocabs["sites"]) == {
        "lungs": "lung", "Lung": "lung", "bones": "bone", "Lymph nodes": "lymph_nodes",
        "nearby lymph nodes": "lymph_nodes", "Skin/Muscle": "skin_muscle", "Zebra": None}


def test_match_names_gives_none_when_two_ids_share_a_name():
    vocab = {"colon": ["colon", "bowel"], "rectum": ["rectum", "bowel"]}
    assert match_names(["Bowel", "Colon"], vocab) == {"Bowel": None, "Colon": "colon"}


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
    primaries = match_names(frame["primary"].unique(), vocabs["cancers"])
    sites = match_names(frame["site"].unique(), vocabs["sites"])
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


# --- Property-based: any input gives a table or an UploadError, never anything else ----------

PROPERTY_SETTINGS = settings(max_examples=200, deadline=None, database=None)


def run_everything(raw: bytes, file_name: str) -> None:
    """The whole pipeline; every shape is tried with the guessed mapping."""
    try:
        frame = read_table(raw, file_name)
    except UploadError:
        return
    assert isinstance(frame, pd.DataFrame) and not frame.empty
    shape, mapping = guess_shape(list(frame.columns))
    assert shape in (None, *SHAPES)
    for candidate in dict.fromkeys([shape, *SHAPES]):
        if candidate is None:
            continue
        try:
            result = tidy(frame, candidate, mapping)
        except UploadError as error:
            assert error.problems and all(isinstance(p, str) and p for p in error.problems)
            assert len(error.problems) <= problems.MAX_PROBLEMS + 1
            continue
        assert isinstance(result, pd.DataFrame) and len(result) > 0
        assert result[["primary", "site"]].ne("").all().all()


@PROPERTY_SETTINGS
@given(st.binary(max_size=300), st.sampled_from(["a.csv", "a.tsv", "a.tab", "upload"]))
def test_any_bytes_give_a_table_or_an_upload_error(raw, file_name):
    run_everything(raw, file_name)


HEADER_WORDS = ["primary", "site", "rank", "count", "total", "patient_id", "Patients",
                "cancer type", "spread to", "n", "", "Site", "x"]
CELL = st.one_of(
    st.sampled_from(["Breast", "Lung", "lungs", "Bone", "breast cancer", "", " ", "0", "1",
                     "2", "-1", "1.5", "3.0", "1e3", "inf", "nan", "NA", "99999999999999999999",
                     '"', '""', '"a,b"', "\t", ",", "é", "\u00a0"]),
    st.text(max_size=6),
    st.integers(-5, 300).map(str),
)


@PROPERTY_SETTINGS
@given(st.lists(st.sampled_from(HEADER_WORDS), min_size=1, max_size=5),
       st.lists(st.lists(CELL, max_size=6), max_size=12),
       st.sampled_from([",", "\t", ";"]), st.sampled_from(["\n", "\r\n", "\r"]),
       st.sampled_from(["a.csv", "a.tsv"]))
def test_csv_like_text_gives_a_table_or_an_upload_error(header, body, delimiter, line_end,
                                                         file_name):
    lines = [delimiter.join(header)] + [delimiter.join(cells) for cells in body]
    run_everything(line_end.join(lines).encode("utf-8"), file_name)


@PROPERTY_SETTINGS
@given(st.lists(st.tuples(st.integers(0, 30), st.sampled_from(["Breast", "Lung", "colon"]),
                          st.sampled_from(["Bone", "bones", "Liver", "Brain", "Lung"])),
                min_size=1, max_size=60, unique=True))
def test_patient_counts_match_a_plain_count(records):
    """Repeated rows (two spellings of one site) count once: distinct patients per pair."""
    raw = "patient,primary,site\n" + "".join(f"p{p},{c},{s}\n" for p, c, s in records)
    table = parse(raw.encode())
    for _, row in table.iterrows():
        expected = {p for p, c, s in records if c == row["primary"]
                    and name_key(s) == name_key(row["site"])}
        assert row["count"] == len(expected)
        assert row["total"] == len({p for p, c, _ in records if c == row["primary"]})
        assert row["share"] == pytest.approx(len(expected) / row["total"])


# ----------------------------------------------------------------------------- hostile shapes


def test_a_megabyte_of_commas_is_refused_before_parsing():
    """1 MB of commas on one line (a million columns) is refused at once, naming the limit."""
    message = problems_of(b"," * (1024 * 1024))
    assert message.startswith("Row 1 has 1,048,577 columns, more than the 200 this page reads")


def test_a_line_too_long_is_refused_with_its_line_number():
    """A 300 KB name is refused, naming its line, before pandas reads the file."""
    message = problems_of(HEADER_RANKED + b"A,B,1\n" + b"x" * 300_000 + b",B,2\n")
    assert message.startswith("Line 3 is 300,004 characters long, more than the 20,000")


def test_too_many_different_names_are_refused():
    """A column of 1,001 different site names is refused before any name is matched."""
    raw = HEADER_RANKED + b"".join(b"A,site %d,1\n" % i for i in range(1001))
    assert "'site' has 1,001 different names, more than the 1,000" in problems_of(raw)


def test_a_utf16_file_is_named_as_such():
    """A file saved as "Unicode text" (UTF-16) is called that, not a binary file."""
    message = problems_of("primary,site,rank\nA,B,1\n".encode("utf-16"))
    assert message.startswith("This file is saved as UTF-16")
    assert "CSV UTF-8" in message
