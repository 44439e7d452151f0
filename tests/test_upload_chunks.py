"""Reading an upload a chunk at a time gives exactly what reading it whole gave: the same
cells, the same row numbers, the same refusals with the same line numbers (upload/read.py)."""

from __future__ import annotations

import pandas as pd
import pytest

import upload.read as read

ROWS = 3_000


def table_bytes(rows: int = ROWS) -> bytes:
    """A patient file: an id per row (id-like), repeated cancers and sites, some blanks."""
    lines = ["patient,primary,site"]
    for n in range(rows):
        site = "" if n % 7 == 0 else f" site {n % 11} "
        lines.append(f"P{n:06d},cancer {n % 5},{site}")
    lines += [",,", ",,"]  # blank rows saved at the end by a spreadsheet
    return ("\n".join(lines) + "\n").encode()


@pytest.fixture()
def small_chunks(monkeypatch):
    """Chunks of 1,200 rows, so a small file crosses chunk boundaries (and a chunk is long
    enough for its id column to be judged id-like)."""
    monkeypatch.setattr(read, "chunk_rows", lambda raw, columns: 1_200)


def test_chunked_read_keeps_every_cell_and_row_number(small_chunks):
    frame = read.read_table(table_bytes(), "patients.csv")
    assert len(frame) == ROWS  # the two blank rows dropped
    assert frame.index[0] == 0 and frame.index[-1] == ROWS - 1
    assert frame.loc[1, "site"] == "site 1"  # stripped
    assert frame.loc[7, "site"] == ""
    assert frame["patient"].nunique() == ROWS
    assert sorted(frame["primary"].unique()) == [f"cancer {n}" for n in range(5)]
    assert isinstance(frame["primary"].dtype, pd.CategoricalDtype)
    assert not isinstance(frame["patient"].dtype, pd.CategoricalDtype)  # ids kept as text


def test_chunked_read_equals_whole_read(monkeypatch):
    raw = table_bytes()
    whole = read.read_table(raw, "patients.csv")
    monkeypatch.setattr(read, "chunk_rows", lambda raw, columns: 1_000)
    chunked = read.read_table(raw, "patients.csv")
    pd.testing.assert_frame_equal(whole.astype(str), chunked.astype(str))


def test_a_ragged_line_past_the_first_chunk_names_its_line(small_chunks):
    raw = table_bytes().replace(b"P002000,cancer 0, site 9 ", b"P002000,cancer 0, site 9 ,extra")
    with pytest.raises(read.UploadError, match=r"Line 2002 has 4 values but the header has 3"):
        read.read_table(raw, "patients.csv")
