"""A teacher's own spread table, made ready for the views: names resolved to the vocabularies,
one row per (cancer, site) and one number to draw. No Streamlit here.

The other modules of :mod:`upload` read and check the file; this module takes its tidy
pairs and the names the person matched, and says what the number in each pair means (an
order or a frequency).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from upload.merge import merge_counts, recount_patients

NEW_PREFIX = "new:"  # key of a name the person kept as new (not in the vocabularies)


@dataclass(frozen=True)
class Measure:
    """What the drawn number of a pair is: its column, its kind and how to name it."""

    column: str  # "rank", "share" or "count"
    kind: str  # "order" (ranks: never drawn as amounts) or "frequency"
    title: str  # legend and axis title
    explain: str  # one sentence under the chart: what it shows, and its denominator


RANK = Measure("rank", "order", "Rank in your table (an order, not a percentage)",
               "Each site's rank for that cancer in your table: 1st is the most common. Ranks "
               "are an order, not amounts: 1st is not three times 3rd.")
SHARE = Measure("share", "frequency", "Share of patients with that primary cancer",
                "Each number is a share: patients whose cancer spread to that site, divided by "
                "all patients with that primary cancer (the n beside each cancer's name).")
COUNT = Measure("count", "frequency", "Number of patients",
                "Each number is a count of patients. Your file gives no totals, so these are "
                "not shares: two cancers' counts can only be compared with care.")


def measure_of(pairs: pd.DataFrame) -> Measure:
    """The measure a tidy pairs table carries: rank, share (with totals) or count.

    >>> measure_of(pd.DataFrame({"primary": ["a"], "site": ["b"], "rank": [1]})).column
    'rank'
    >>> measure_of(pd.DataFrame({"count": [3], "total": [pd.NA], "share": [pd.NA]})).column
    'count'
    """
    if "rank" in pairs.columns:
        return RANK
    if "share" in pairs.columns and pairs["share"].notna().all() and len(pairs):
        return SHARE
    return COUNT


def key_of(name: str, matched: str | None) -> str:
    """The key a name goes by in the views: its vocabulary id, or ``new:<name>``.

    >>> key_of("Lungs", "lung"), key_of("Spleen", None)
    ('lung', 'new:Spleen')
    """
    return matched if matched else NEW_PREFIX + name


def resolve(pairs: pd.DataFrame, primary_ids: Mapping[str, str | None],
            site_ids: Mapping[str, str | None], cancer_labels: Mapping[str, str],
            site_labels: Mapping[str, str], patients: pd.DataFrame | None = None
            ) -> pd.DataFrame:
    """Pairs with keys and the labels people see, merged where two names became one.

    ``primary_ids``/``site_ids`` give each name in the file its vocabulary id (or None to keep
    it as a new name). Matched names show the vocabulary's label, new ones their own spelling.
    Two names matched to the same id are merged: the better (smaller) rank; for a patient
    file (``patients`` from :func:`upload.patients.patient_rows`) the distinct patients counted
    again; for counts, see :func:`upload.merge.merge_counts` (it may raise UploadError).
    Columns: primary_key, site_key, cancer, site_label, the measure's columns, and
    ``names`` (the spellings in the file that made the pair).

    >>> pairs = pd.DataFrame({"primary": ["Breast", "Breast"], "site": ["lungs", "Lung"],
    ...                       "rank": pd.array([2, 1], dtype="Int64")})
    >>> out = resolve(pairs, {"Breast": "breast"}, {"lungs": "lung", "Lung": "lung"},
    ...               {"breast": "Breast cancer"}, {"lung": "Lung"})
    >>> out[["primary_key", "site_key", "cancer", "site_label", "rank"]].values.tolist()
    [['breast', 'lung', 'Breast cancer', 'Lung', 1]]
    """
    out = pairs.copy()
    out["primary_key"] = [key_of(n, primary_ids.get(n)) for n in out["primary"]]
    out["site_key"] = [key_of(n, site_ids.get(n)) for n in out["site"]]
    out["cancer"] = [cancer_labels.get(k, n) for k, n in zip(out["primary_key"], out["primary"],
                                                             strict=True)]
    out["site_label"] = [site_labels.get(k, n) for k, n in zip(out["site_key"], out["site"],
                                                               strict=True)]
    out["names"] = out["primary"] + " → " + out["site"]
    keys = ["primary_key", "site_key", "cancer", "site_label"]
    if "rank" in out.columns:
        merged = out.groupby(keys, as_index=False, sort=False).agg(
            rank=("rank", "min"), names=("names", "; ".join))
    elif patients is not None:
        merged = recount_patients(out, patients, dict(zip(out["primary"], out["primary_key"],
                                                          strict=True)),
                                  dict(zip(out["site"], out["site_key"], strict=True)))
        merged["share"] = (merged["count"] / merged["total"]).astype("Float64")
    else:
        merged = merge_counts(out)
        merged["share"] = (merged["count"] / merged["total"]).astype("Float64")
    return merged.sort_values(keys[:2], kind="stable").reset_index(drop=True)


def totals(pairs: pd.DataFrame) -> pd.DataFrame:
    """Per cancer: its total (the denominator of every share), or <NA> without totals."""
    if "total" not in pairs.columns:
        return pd.DataFrame(columns=["primary_key", "cancer", "total"])
    return (pairs.drop_duplicates("primary_key")[["primary_key", "cancer", "total"]]
            .reset_index(drop=True))


def row_label(cancer: str, total: object) -> str:
    """A cancer's name with its denominator, e.g. ``Breast cancer (n = 120)``.

    >>> row_label("Breast cancer", 120), row_label("Lung cancer", pd.NA)
    ('Breast cancer (n = 120)', 'Lung cancer')
    """
    return cancer if pd.isna(total) else f"{cancer} (n = {int(total):,})"


def shown_table(pairs: pd.DataFrame) -> pd.DataFrame:
    """The pairs as the views show and download them, with plain column headings."""
    measure = measure_of(pairs)
    columns = {"cancer": "Primary cancer", "site_label": "Spreads to"}
    if measure is RANK:
        columns["rank"] = "Rank in your table"
    else:
        columns |= {"count": "Patients", "total": "Patients with this primary (n)"}
        if measure is SHARE:
            columns["share"] = "Share (patients ÷ n)"
    columns["names"] = "As written in your file"
    shown = pairs[list(columns)].rename(columns=columns)
    if measure is SHARE:
        shown["Share (patients ÷ n)"] = shown["Share (patients ÷ n)"].round(3)
    return shown
