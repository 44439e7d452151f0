"""The checks behind tests/test_words_and_downloads.py catch what they are meant to catch."""

from __future__ import annotations

import pandas as pd

from data.columns import on_screen
from tests.words_checks import download_problems, raw_codes, screen_problems

NAMES = {"cancer": {"lung": "Lung cancer"}, "site": {"bone": "Bone"},
         "source": {"nci": "NCI fact sheet"},
         "evidence": {"ranked_table": "Ranked in the NCI table"}}
CODES = {"lung", "nci", "ranked_table", "None", "nan", "True", "False", "<NA>"}


def test_screen_check_finds_codes_missing_values_and_code_headings():
    """A table with nci, ranked_table, None, a list holding a code, and a snake_case heading
    is reported cell by cell; the same table in words passes."""
    bad = pd.DataFrame({"Source": ["nci", "NCI fact sheet"], "Kind": ["ranked_table", None],
                        "site_label": ["Bone", "msk|nci"], "Flag": ["True", "yes"]})
    found = screen_problems(bad, CODES)
    assert any("heading 'site_label'" in p for p in found)
    for code in ("'nci'", "'ranked_table'", "<missing value>", "'True'"):
        assert any(code in p for p in found), code
    good = pd.DataFrame({"Source": ["NCI fact sheet"], "NCI rank": [""]})
    assert screen_problems(good, CODES) == []


def test_on_screen_tables_pass_the_screen_check():
    """The app's own screen shaping leaves no code, no None and no snake_case heading."""
    frame = pd.DataFrame({"cancer_id": ["lung"], "cancer_label": ["Lung cancer"],
                          "rank": pd.array([pd.NA], dtype="Int64"), "rank_label": [""],
                          "starts_in_site": [True], "note": [None]})
    shown = on_screen(frame)
    assert screen_problems(shown, CODES) == []
    assert shown.iloc[0].tolist() == ["Lung cancer", "", "yes", ""]


def test_download_check_finds_unpaired_ids_wrong_labels_bare_codes_and_bad_ranks():
    """A CSV with an id and no label, a label that is not the id's, a bare code column and a
    rank written as None is reported; the same CSV done right passes."""
    bad = pd.DataFrame({"cancer_id": ["lung"], "site_id": ["bone"], "site_label": ["Liver"],
                        "source": ["nci"], "rank": ["None"], "Evidence kind": ["x"]})
    found = download_problems(bad, NAMES, CODES, set())
    assert "cancer_id without cancer_label" in found
    assert any("'bone' read as 'Liver'" in p for p in found)
    assert any(p.startswith("'source': 'nci'") for p in found)
    assert any("rank 'None'" in p for p in found)
    assert download_problems(pd.DataFrame({"rank": ["0"]}), NAMES, CODES, set())
    assert any("not snake_case" in p for p in found)
    good = pd.DataFrame({"cancer_id": ["lung"], "cancer_label": ["Lung cancer"],
                         "strongest_evidence_id": ["ranked_table"],
                         "strongest_evidence_label": ["Ranked in the NCI table"],
                         "source_ids": ["nci"], "source_labels": ["NCI fact sheet"],
                         "rank": [""], "rank_label": [""]})
    assert download_problems(good, NAMES, CODES, set()) == []


def test_raw_codes_are_ids_whose_label_differs(tables):
    """lung (Lung cancer / Lung), nci and ranked_table are codes; a missing value's print too."""
    codes = raw_codes(tables)
    assert {"lung", "nci", "ranked_table", "None", "nan", "True"} <= codes
    assert "Lung" not in codes and "NCI fact sheet" not in codes
