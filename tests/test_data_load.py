"""Loading: typed columns from the schema, and clear messages for broken tables."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from data.load import TableError, load_tables, read_descriptor, read_table, validate_frame
from tests.conftest import ROOT


def test_tables_load_with_schema_dtypes(tables):
    """Ranks are nullable integers, values numbers, flags booleans, text is text."""
    assert str(tables["spread"]["rank"].dtype) == "Int64"
    assert str(tables["survival"]["value_pct"].dtype) == "Float64"
    assert str(tables["sites"]["receives_spread"].dtype) == "boolean"
    assert str(tables["spread"]["quote"].dtype) == "string"
    assert tables["spread"]["rank"].isna().sum() == len(tables["spread"]) - 36


@pytest.fixture
def broken(tmp_path: Path):
    """Copy the tables to a scratch folder; return a function that rewrites one CSV line."""
    target = tmp_path / "tables"
    shutil.copytree(ROOT / "data" / "tables", target)

    def rewrite(table: str, edit) -> Path:
        path = target / f"{table}.csv"
        path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
        return target
    return rewrite


@pytest.mark.parametrize(("table", "edit", "message"), [
    ("spread", lambda t: t.replace("nci:breast:lung:1,breast,lung,1,",
                                   "nci:breast:lung:1,breast,lung,7,", 1),
     r"spread\.csv, row 2: column 'rank' value '7' is above the maximum 3"),
    ("spread", lambda t: t.replace("nci:breast:lung:1,breast,lung,1,",
                                   "nci:breast:lung:1,breast,lung,first,", 1),
     r"spread\.csv, row 2: column 'rank' value 'first' is not a valid integer"),
    ("spread", lambda t: t.replace(",ranked_table,", ",hearsay,", 1),
     r"spread\.csv, row 2: column 'evidence' value 'hearsay' is not one of"),
    ("spread", lambda t: t.replace("spread_id,primary,", "spread_id,cancer,", 1),
     r"spread\.csv, row 1 \(header\): columns do not match the schema \(missing: \['primary'\]"),
    ("spread", lambda t: t.replace("nci:breast:liver:1,", "nci:breast:lung:1,", 1),
     r"spread\.csv, row 3: column 'spread_id' value 'nci:breast:lung:1' repeats"),
    ("spread", lambda t: t.replace(",breast,lung,1,", ",breast,moon,1,", 1),
     r"spread\.csv, row 2: column 'site' value 'moon' is not a site_id in sites\.csv"),
    ("survival", lambda t: t.replace(",9,cleveland_clinic", ",,cleveland_clinic", 1),
     r"survival\.csv, row 2: column 'value_pct' value <empty> is empty but required"),
    ("cancers", lambda t: t.replace("breast,Breast cancer,breast,breast",
                                    "breast,Breast cancer,breast,unknown_group", 1),
     r"cancers\.csv, row 2: column 'group' value 'unknown_group' is not one of"),
    ("treatments", lambda t: t.replace("\ngeneral,chemotherapy,", "\nkneecap,chemotherapy,", 1),
     r"treatments\.csv, row 2: column 'scope' value 'kneecap' is neither a site_id"),
    ("sites", lambda t: t.replace("lung,Lung,lung|lungs,True", "lung,Lung,lung|lungs,maybe", 1),
     r"sites\.csv, row 2: column 'receives_spread' value 'maybe' is not a valid boolean"),
    ("sites", lambda t: t.replace("\nlung,Lung,", "\nLung lobe,Lung,", 1),
     r"sites\.csv, row \d+: column 'site_id' value 'Lung lobe' does not match the pattern "
     r"\[a-z_\]\+"),
    ("sources", lambda t: t.replace(",2011-05-23,", ",23/05/2011,", 1),
     r"sources\.csv, row 2: column 'reviewed' value '23/05/2011' is not a valid date"),
])
def test_broken_tables_are_refused_with_table_row_and_problem(broken, table, edit, message):
    """Each kind of breakage names the table, the row and the problem."""
    folder = broken(table, edit)
    with pytest.raises(TableError, match=message):
        load_tables(folder)


def test_missing_table_names_the_file(tmp_path):
    """A missing CSV says which file and where it was looked for."""
    with pytest.raises(TableError, match=r"spread\.csv: file not found"):
        read_table("spread", tmp_path)


def test_non_utf8_table_is_refused(broken):
    """A table saved in another encoding is refused, not misread."""
    folder = broken("cancers", lambda t: t)
    (folder / "cancers.csv").write_bytes("cancer_id,label\nbr\xe9ast,x\n".encode("latin-1"))
    with pytest.raises(TableError, match=r"cancers\.csv: cannot be read as UTF-8 CSV"):
        read_table("cancers", folder)


def test_unknown_table_name_lists_the_tables():
    """Asking for a table that does not exist lists the ones that do."""
    with pytest.raises(ValueError, match=r"unknown table 'spreads'; the tables are: sources"):
        read_table("spreads")


def test_loaded_tables_are_plain_dataframes(tables):
    """Pages get ordinary DataFrames with the published columns."""
    assert isinstance(tables["spread"], pd.DataFrame)
    assert list(tables["spread"].columns)[:7] == ["spread_id", "primary", "site", "rank",
                                                  "evidence", "source_id", "quote"]


def test_a_sha256_that_breaks_its_pattern_is_refused(broken):
    """The sources' file digests must be 64 lowercase hex digits, as the descriptor says."""
    folder = broken("sources", lambda t: t.replace(t.split("\n")[1].rsplit(",", 1)[1],
                                                   "not-a-digest", 1))
    with pytest.raises(TableError, match=r"sources\.csv, row 2: column 'sha256' value "
                                         r"'not-a-digest' does not match the pattern"):
        load_tables(folder)


def test_every_declared_constraint_is_checked_and_an_unknown_one_is_refused():
    """A constraint the loader does not know is refused by name, never skipped in silence."""
    schema = {"fields": [{"name": "word", "type": "string",
                          "constraints": {"maxLength": 4, "exclusiveMinimum": 1}}]}
    with pytest.raises(TableError, match=r"column 'word': constraint exclusiveMinimum is not "
                                         r"checked"):
        validate_frame("words", pd.DataFrame({"word": ["tree"]}), schema)
    schema["fields"][0]["constraints"] = {"maxLength": 4, "minLength": 2}
    with pytest.raises(TableError, match=r"row 3: column 'word' value 'forest' is longer than 4"):
        validate_frame("words", pd.DataFrame({"word": ["tree", "forest"]}), schema)
    with pytest.raises(TableError, match=r"row 2: column 'word' value 'a' is shorter than 2"):
        validate_frame("words", pd.DataFrame({"word": ["a"]}), schema)
    declared = {rule for resource in read_descriptor()["resources"]
                for field in resource["schema"]["fields"] for rule in field.get("constraints", {})}
    assert {"pattern", "required", "enum", "unique", "minimum", "maximum"} <= declared
