"""A teacher's own spread table made tidy: one row per (primary, site), every cell checked.

Three shapes of file are understood (see :data:`upload.columns.SHAPES`): a ranked list of
sites per primary cancer, counts of patients per primary and site, or one row per patient (or
tumour sample) and site, which :mod:`upload.patients` counts. Problems that only the file's
author can fix are reported as plain sentences naming the row and column, in an
:class:`UploadError`; rows the page can handle itself (repeated count rows, added together)
are handled and said in :attr:`Tidied.notes`. No Streamlit here.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from upload.cells import (
    Coded,
    Tidied,
    check_blank,
    check_mapping,
    check_numbers,
    finish,
    name_codes,
    row_numbers,
    text,
    whole_numbers,
)
from upload.patients import tidy_patients
from upload.problems import UploadError, _and_list, _Problems, _rows_phrase
from upload.read import read_table  # noqa: F401 - used in the doctests


def tidy(frame: pd.DataFrame, shape: str, mapping: Mapping[str, str]) -> pd.DataFrame:
    """The canonical pairs table, one row per (primary, site) (see :func:`tidy_report`).

    >>> frame = read_table(b"id,primary,site\\n1,Breast,Lung\\n2,Breast,lungs\\n"
    ...                    b"2,Breast,Bone\\n", "x.csv")
    >>> tidy(frame, "patients", {"patient": "id", "primary": "primary", "site": "site"}
    ...      ).values.tolist()
    [['Breast', 'Bone', 1, 2, 0.5], ['Breast', 'Lung', 2, 2, 1.0]]
    """
    return tidy_report(frame, shape, mapping).pairs


def tidy_report(frame: pd.DataFrame, shape: str, mapping: Mapping[str, str]) -> Tidied:
    """The pairs after checking every cell, with what was done on the way.

    Columns: ranked -> primary, site, rank (Int64); aggregated -> primary, site, count,
    total (Int64, <NA> without a total column), share (Float64); patients -> primary, site,
    count (distinct patients), total (distinct patients with that primary), share. Names keep
    the first spelling seen for each :func:`upload.names.name_key`. Sorted by primary, then
    rank or site. Raises :class:`UploadError` listing up to ten problems.

    >>> frame = read_table(b"primary;site;n\\nBreast;Lung;2,0\\nBreast;lungs;3\\n", "x.csv")
    >>> done = tidy_report(frame, "aggregated", {"primary": "primary", "site": "site",
    ...                                          "count": "n"})
    >>> done.pairs[["primary", "site", "count"]].values.tolist(), done.notes[0][:40]
    ([['Breast', 'Lung', 5]], '1 row repeats a cancer and site given on')
    """
    chosen = check_mapping(frame, shape, mapping)
    if frame.empty:
        raise UploadError("The file has a header row but no data rows.")
    if shape == "patients":
        return tidy_patients(frame, chosen)
    rows = row_numbers(frame)
    problems = _Problems()
    texts = {role: text(frame[chosen[role]]) for role in ("primary", "site")}
    blank = check_blank(problems, texts, rows, chosen)
    primary = name_codes(texts["primary"], chosen["primary"])
    site = name_codes(texts["site"], chosen["site"])
    decimal = frame.attrs.get("decimal", ".")
    if shape == "ranked":
        _check_repeats(problems, primary, site, rows, blank)
        raw_rank = text(frame[chosen["rank"]])
        rank, bad = whole_numbers(raw_rank, decimal)
        check_numbers(problems, raw_rank, bad, rows, chosen["rank"],
                      (rank < 1).fillna(False).to_numpy(dtype=bool),
                      "is not allowed: ranks start at 1 (the most common site).")
        problems.raise_if_any()
        out = pd.DataFrame({"primary": primary.codes, "site": site.codes, "rank": rank})
        return Tidied(finish(out, primary, site, by="rank"))
    return _tidy_aggregated(problems, frame, chosen, primary, site, rows, decimal)


def _check_repeats(problems: _Problems, primary: Coded, site: Coded, rows: np.ndarray,
                   blank: np.ndarray) -> None:
    """The same primary and site on more than one row (spellings folded by name_key); rows
    with a blank name are already reported, so they are left out here."""
    pairs = pd.DataFrame({"primary": primary.codes, "site": site.codes, "row": rows})[~blank]
    repeated = pairs[pairs.duplicated(["primary", "site"], keep=False)]
    groups = repeated.groupby(["primary", "site"], sort=False)["row"]
    messages = (
        f"{_rows_phrase(list(group))} {'both' if len(group) == 2 else 'all'} give primary "
        f"{primary.names[p]!r}, site {site.names[s]!r}. A rank cannot be added up, so "
        "each pair should be on one row."
        for (p, s), group in groups)
    problems.add_each(groups.ngroups, messages)


def _tidy_aggregated(problems: _Problems, frame: pd.DataFrame, chosen: Mapping[str, str],
                     primary: Coded, site: Coded, rows: np.ndarray, decimal: str) -> Tidied:
    """Counts per (primary, site) with an optional total per primary, checked; repeated
    pairs added together (and said so), refused only if their sum passes the total."""
    raw_count = text(frame[chosen["count"]])
    count, bad = whole_numbers(raw_count, decimal)
    check_numbers(problems, raw_count, bad, rows, chosen["count"],
                  (count < 0).fillna(False).to_numpy(dtype=bool),
                  "is negative: a count is 0 or more.")
    total = pd.Series(pd.array([pd.NA] * len(count), dtype="Int64"))
    if "total" in chosen:
        column = chosen["total"]
        raw_total = text(frame[column])
        total, bad_total = whole_numbers(raw_total, decimal)
        check_numbers(problems, raw_total, bad_total, rows, column,
                      (total < 1).fillna(False).to_numpy(dtype=bool),
                      "is not allowed: a total is the number of patients with that primary "
                      "cancer, so it is 1 or more.")
        smaller = (total < count).fillna(False).to_numpy(dtype=bool)
        problems.add_each(int(smaller.sum()), (
            f"Row {rows[i]}: the total in column {column!r} ({total.iat[i]}) is smaller than "
            f"the count in column {chosen['count']!r} ({count.iat[i]}). The total counts all "
            "patients with that primary cancer, so it cannot be smaller."
            for i in np.flatnonzero(smaller)))
        _check_totals_agree(problems, primary, total, rows, column)
    problems.raise_if_any()
    out = pd.DataFrame({"primary": primary.codes, "site": site.codes, "count": count,
                        "total": total, "row": rows})
    repeated = out.duplicated(["primary", "site"]).to_numpy()
    notes: tuple[str, ...] = ()
    if repeated.any():
        out = _add_repeats(out, primary, site, chosen)
        n = int(repeated.sum())
        notes = (f"{n:,} row{'s repeat' if n > 1 else ' repeats'} a cancer and site given on an "
                 f"earlier row ({_rows_phrase(rows[repeated].tolist()).lower()}): their counts "
                 "were added together, so each pair is one cell.",)
    return Tidied(finish(out.drop(columns="row"), primary, site, by="site"), None, notes)


def _add_repeats(out: pd.DataFrame, primary: Coded, site: Coded,
                 chosen: Mapping[str, str]) -> pd.DataFrame:
    """Repeated pairs' counts added; an UploadError where a sum passes the cancer's total."""
    merged = out.groupby(["primary", "site"], as_index=False, sort=False).agg(
        count=("count", "sum"), total=("total", "first"), rows=("row", list))
    problems = _Problems()
    over = merged[(merged["count"] > merged["total"]).fillna(False)]
    problems.add_each(len(over), (
        f"{_rows_phrase(r.rows)} give primary {primary.names[r.primary]!r}, site "
        f"{site.names[r.site]!r}; their counts add up to {int(r.count):,}, more than the total "
        f"of {int(r.total):,} patients in column {chosen['total']!r}. Put each pair on one "
        "row, or check the numbers." for r in over.itertuples()))
    problems.raise_if_any()
    merged["count"] = merged["count"].astype("Int64")
    return merged.drop(columns="rows").assign(row=0)


def _check_totals_agree(problems: _Problems, primary: Coded, total: pd.Series,
                        rows: np.ndarray, column: str) -> None:
    """Every row of one primary must give the same total (it is that primary's denominator)."""
    given = pd.DataFrame({"primary": primary.codes, "total": total, "row": rows}).dropna()
    spread = given.groupby("primary")["total"].nunique()
    disagree = given[given["primary"].isin(spread[spread > 1].index)]
    for code, mine in disagree.groupby("primary", sort=False):
        parts = [f"{int(value)} ({_rows_phrase(list(group['row'])).lower()})"
                 for value, group in mine.groupby("total", sort=False)]
        problems.add(f"Primary {primary.names[code]!r} has different totals in column "
                     f"{column!r}: {_and_list(parts)}. Each primary cancer should have one "
                     "total.")
