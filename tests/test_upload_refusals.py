"""Uploads that must be refused, or survive anything: broken files name their row and column,
hostile shapes are refused before parsing, and any bytes give a table or a clear message."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import upload
from tests.upload_helpers import HEADER_COUNTS, HEADER_RANKED, parse, problems_of
from upload import (
    SHAPES,
    UploadError,
    guess_shape,
    name_key,
    problems,
    read_table,
    tidy,
)
from upload import read as upload_read

# --- Broken files: the message names the row and column ---------------------------------------



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
    assert upload.MAX_BYTES == 25 * 1024 * 1024 and upload.MAX_ROWS == 2_000_000


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
