"""Merging spellings: counts that add up, and a share that never exceeds 100%."""

from __future__ import annotations

import os

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from upload import UploadError, patient_rows, read_table, tidy
from upload.resolve import resolve

CI = bool(os.environ.get("CI"))
CANCERS = {"ovary": "Ovarian cancer", "breast": "Breast cancer"}
SITES = {"bone": "Bone", "liver": "Liver"}
# The spellings a file may use, and what a person matched each to (None: kept as new).
PRIMARY_IDS = {"Ovary": "ovary", "Ovarian": "ovary", "Breast": "breast", "Mamma": "breast",
               "Other": None}
SITE_IDS = {"Bone": "bone", "Skeleton": "bone", "Liver": "liver", "Hepar": "liver",
            "Spleen": None}
COUNTS = {"primary": "primary", "site": "site", "count": "count", "total": "total"}
PATIENTS = {"patient": "patient", "primary": "primary", "site": "site"}


def _csv(header: str, rows: list[tuple]) -> bytes:
    return (header + "\n" + "".join(",".join(map(str, r)) + "\n" for r in rows)).encode()


def _resolved(raw: bytes, shape: str, mapping: dict) -> pd.DataFrame:
    """The upload page's steps: read, tidy, and resolve with the names matched."""
    frame = read_table(raw, "mine.csv")
    pairs = tidy(frame, shape, mapping)
    patients = patient_rows(frame, mapping) if shape == "patients" else None
    return resolve(pairs, PRIMARY_IDS, SITE_IDS, CANCERS, SITES, patients)


def test_two_spellings_of_one_cancer_add_their_totals():
    """"Ovary 30/40" and "Ovarian 20/25" are one cancer: 50 of 65 (77%), not 50 of 25."""
    out = _resolved(_csv("primary,site,count,total", [("Ovary", "Bone", 30, 40),
                                                      ("Ovarian", "Bone", 20, 25)]),
                    "aggregated", COUNTS)
    assert out[["cancer", "site_label", "count", "total"]].values.tolist() == [
        ["Ovarian cancer", "Bone", 50, 65]]
    assert out["share"].iloc[0] == pytest.approx(50 / 65)


def test_a_merge_that_would_count_patients_twice_is_refused_by_name():
    """Two site spellings of one cancer adding up past its total: refused, naming the rows."""
    raw = _csv("primary,site,count,total", [("Breast", "Bone", 60, 100),
                                            ("Breast", "Skeleton", 50, 100)])
    with pytest.raises(UploadError) as refused:
        _resolved(raw, "aggregated", COUNTS)
    assert str(refused.value).startswith(
        "Breast cancer → Bone: the rows 'Breast' → 'Bone' (60) and 'Breast' → 'Skeleton' (50) "
        "were matched to one pair, and add up to 110, more than the 100 patients")


def test_a_patient_under_two_spellings_of_one_site_counts_once():
    """Patient 1 is listed under "Bone" and "Skeleton": one patient with bone spread, of 2."""
    raw = _csv("patient,primary,site", [(1, "Breast", "Bone"), (1, "Breast", "Skeleton"),
                                        (2, "Mamma", "Liver")])
    out = _resolved(raw, "patients", PATIENTS)
    assert out[["site_label", "count", "total"]].values.tolist() == [["Bone", 1, 2],
                                                                     ["Liver", 1, 2]]


count_rows = st.lists(
    st.tuples(st.sampled_from(sorted(PRIMARY_IDS)), st.sampled_from(sorted(SITE_IDS)),
              st.integers(0, 50)), min_size=1, max_size=12,
    unique_by=lambda r: (r[0], r[1]))


@settings(max_examples=150, deadline=None, derandomize=CI)
@given(rows=count_rows, extra=st.dictionaries(st.sampled_from(sorted(PRIMARY_IDS)),
                                              st.integers(0, 60)))
def test_a_merged_count_file_never_shows_a_share_above_100_percent(rows, extra):
    """Whatever spellings merge, each share is at most 100%, or the merge is refused."""
    biggest = {p: max(c for q, _, c in rows if q == p) for p, _, _ in rows}
    totals = {p: max(biggest[p] + extra.get(p, 0), 1) for p in biggest}
    raw = _csv("primary,site,count,total", [(p, s, c, totals[p]) for p, s, c in rows])
    try:
        out = _resolved(raw, "aggregated", COUNTS)
    except UploadError as refused:
        assert "more than the" in str(refused)
        return
    assert (out["share"] <= 1).all() and (out["count"] <= out["total"]).all()
    assert out["count"].sum() == sum(c for _, _, c in rows)


@settings(max_examples=150, deadline=None, derandomize=CI)
@given(rows=st.lists(st.tuples(st.integers(1, 6), st.sampled_from(sorted(PRIMARY_IDS)),
                               st.sampled_from(sorted(SITE_IDS))), min_size=1, max_size=30,
                     unique=True))
def test_a_merged_patient_file_never_shows_a_share_above_100_percent(rows):
    """Patients are counted again after merging: each count is the distinct patients."""
    out = _resolved(_csv("patient,primary,site", rows), "patients", PATIENTS)
    assert (out["share"] <= 1).all()
    for row in out.itertuples():
        cancer = {p for p, i in PRIMARY_IDS.items() if (i or f"new:{p}") == row.primary_key}
        site = {s for s, i in SITE_IDS.items() if (i or f"new:{s}") == row.site_key}
        assert row.count == len({n for n, p, s in rows if p in cancer and s in site})
        assert row.total == len({n for n, p, _ in rows if p in cancer})
