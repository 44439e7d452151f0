"""Downloads: CSV that a spreadsheet opens as text, and the data package ZIP."""

from __future__ import annotations

import csv
import io
import json
import zipfile

import pandas as pd
import pytest

from data.export import FORMULA_TRIGGERS, package_zip, safe_csv_bytes
from data.load import TABLES_DIR, read_descriptor


@pytest.mark.parametrize("trigger", FORMULA_TRIGGERS)
def test_csv_neutralises_formula_triggers(trigger):
    """A text cell starting with = + - @ tab or CR opens as text, not as a formula."""
    frame = pd.DataFrame({"site": [f"{trigger}HYPERLINK(\"x\")", "lung"], "rank": [1, -2]})
    rows = list(csv.reader(io.StringIO(safe_csv_bytes(frame).decode("utf-8-sig"),
                                       newline="")))
    assert rows[1][0] == f"'{trigger}HYPERLINK(\"x\")"
    assert rows[2] == ["lung", "-2"]


def test_csv_keeps_rows_and_unicode_as_shown():
    """Every row comes out, in order, with accents intact and a UTF-8 byte-order mark."""
    frame = pd.DataFrame({"quote": ["Keytruda®", "café"], "n": [1, 2]})
    data = safe_csv_bytes(frame)
    assert data.startswith(b"\xef\xbb\xbf")
    assert pd.read_csv(io.BytesIO(data), encoding="utf-8-sig").equals(frame)


def test_published_tables_need_no_neutralising(tables):
    """No published cell starts with a formula trigger, so downloads equal the tables."""
    for name, frame in tables.items():
        text = frame.select_dtypes(exclude="number").astype(str)
        assert not text.apply(lambda c: c.str.startswith(FORMULA_TRIGGERS)).any().any(), name


def test_package_zip_holds_every_table_descriptor_and_readme(tables):
    """The ZIP has each CSV, datapackage.json and a README that says how to cite."""
    data = package_zip(TABLES_DIR, read_descriptor(), tables["sources"])
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = set(archive.namelist())
        assert {"datapackage.json", "README.md", "tables/spread.csv"} <= names
        assert len([n for n in names if n.endswith(".csv")]) == 11
        assert "How to cite" in archive.read("README.md").decode()
        assert json.loads(archive.read("datapackage.json"))["name"] == (
            "metastasis-spread-patterns")
        for resource in read_descriptor()["resources"]:
            in_zip = pd.read_csv(io.BytesIO(archive.read(resource["path"])), dtype=str)
            published = pd.read_csv(TABLES_DIR / f"{resource['name']}.csv", dtype=str)
            assert in_zip.equals(published), resource["name"]


@pytest.mark.parametrize("separator", [";", ",", "\t", "|"])
@pytest.mark.parametrize("trigger", ["=", "+", "-", "@"])
def test_csv_neutralises_a_trigger_after_a_separator_inside_a_cell(separator, trigger):
    """Split on any separator by a spreadsheet, no part of a cell starts with a trigger."""
    cell = f"x{separator}{trigger}cmd|' /C calc'!A0{separator}  {trigger}2"
    frame = pd.DataFrame({"site": [cell]})
    written = list(csv.reader(io.StringIO(safe_csv_bytes(frame).decode("utf-8-sig"),
                                          newline="")))[1][0]
    for part in written.split(separator):
        assert not part.strip().startswith(("=", "+", "-", "@")), (written, part)
    assert written.replace("'", "") == cell.replace("'", "")
