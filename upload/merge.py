"""Counting again when names merge: two spellings the person matched to one cancer or site
become one pair, and its numbers must still add up (a share never above 100%). No Streamlit.

- Patient files are counted again from the patients: distinct patients per merged pair, and
  per merged cancer, so a patient listed under two spellings of one site counts once.
- Count files add counts; totals are added only over *different* cancer spellings (each
  spelling's total counts its own patients, so they are parts of one group), never once per
  row. Where a merged count still comes out above its total (two site spellings of one cancer
  counting some patients twice), the merge is refused with a message naming the rows.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from upload.problems import _and_list, _Problems

KEYS = ["primary_key", "site_key", "cancer", "site_label"]


def recount_patients(keyed: pd.DataFrame, patients: pd.DataFrame,
                     primary_keys: Mapping[str, str], site_keys: Mapping[str, str]) -> pd.DataFrame:
    """Pairs (``keyed``: one row per spelling pair, with keys) merged, with ``count`` the
    distinct patients of each merged pair and ``total`` those of each merged cancer."""
    people = pd.DataFrame({"patient": patients["patient"].to_numpy(),
                           "primary_key": _keys(patients["primary"], primary_keys),
                           "site_key": _keys(patients["site"], site_keys)})
    count = people.drop_duplicates().groupby(["primary_key", "site_key"]).size()
    total = people.drop_duplicates(["patient", "primary_key"]).groupby("primary_key").size()
    merged = keyed.groupby(KEYS, as_index=False, sort=False).agg(names=("names", "; ".join))
    index = pd.MultiIndex.from_frame(merged[["primary_key", "site_key"]])
    merged["count"] = pd.array(count.reindex(index).to_numpy(), dtype="Int64")
    merged["total"] = pd.array(total.reindex(merged["primary_key"]).to_numpy(), dtype="Int64")
    return merged


def _keys(names: pd.Series, keys: Mapping[str, str]) -> pd.Categorical:
    """Each row's key from a categorical column of names (looked up once per name)."""
    per_name = pd.Index([keys[name] for name in names.cat.categories])
    codes, uniques = pd.factorize(per_name)
    rows = names.cat.codes.to_numpy()
    # A missing name (a patient with no site) stays missing: code -1.
    return pd.Categorical.from_codes(np.where(rows >= 0, np.append(codes, -1)[rows], -1),
                                     categories=uniques)


def merge_counts(keyed: pd.DataFrame) -> pd.DataFrame:
    """Count pairs merged: counts added; a merged cancer's total is the sum of its spellings'
    totals (each spelling's once, as each counts its own patients). Raises UploadError where
    a merged count comes out above its total: those rows count some patients twice."""
    merged = keyed.groupby(KEYS, as_index=False, sort=False).agg(
        count=("count", "sum"), names=("names", "; ".join))
    per_spelling = keyed.drop_duplicates("primary")[["primary_key", "primary", "total"]]
    total = per_spelling.groupby("primary_key")["total"].sum(min_count=1)
    merged["total"] = pd.array(total.reindex(merged["primary_key"]).to_numpy(), dtype="Int64")
    _refuse_overlaps(merged, keyed)
    return merged


def _refuse_overlaps(merged: pd.DataFrame, keyed: pd.DataFrame) -> None:
    """An UploadError naming each merged pair whose count is above its cancer's total."""
    problems = _Problems()
    over = merged[(merged["count"] > merged["total"]).fillna(False)]
    for row in over.itertuples():
        parts = keyed[(keyed["primary_key"] == row.primary_key)
                      & (keyed["site_key"] == row.site_key)]
        rows = _and_list([f"{r.primary!r} → {r.site!r} ({int(r.count):,})"
                          for r in parts.itertuples()])
        problems.add(f"{row.cancer} → {row.site_label}: the rows {rows} were matched to one "
                     f"pair, and add up to {int(row.count):,}, more than the {int(row.total):,} "
                     "patients with that cancer, so some patients would be counted twice. Keep "
                     "one of the names as a new name, or add them up in your file.")
    problems.raise_if_any()
