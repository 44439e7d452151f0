"""What "a table a person can read" and "a consistent download" mean, as checks that return
the problems they find (an empty list when there are none), so a test can show them all.
"""

from __future__ import annotations

import re

import pandas as pd

from data.vocabulary import EVIDENCE_LABELS

MISSING_WORDS = {"None", "nan", "NaN", "<NA>", "NaT", "True", "False", "null"}
"""What a missing value or a raw true/false prints as."""

ID_COLUMNS = {"cancers": ("cancer_id", "label"), "sites": ("site_id", "label"),
              "sources": ("source_id", "short_name")}
CODE_ONLY = {"spread": "spread_id", "figures": "figure_id", "key_facts": "fact_id"}
ROW_KEYS = set(CODE_ONLY.values())
"""Row ids of a published table (no label of their own): a download may carry one so its
rows can be joined back to the data package."""
PARTS = re.compile(r"; |\|")
SNAKE = re.compile(r"^[a-z][a-z0-9_]*$")


def raw_codes(tables: dict[str, pd.DataFrame]) -> set[str]:
    """Every code a person should never read: ids whose label differs from them, ids that
    have no label at all, the evidence kinds, and what a missing value prints as."""
    codes = {str(i) for table, (id_column, label) in ID_COLUMNS.items()
             for i, name in zip(tables[table][id_column], tables[table][label], strict=True)
             if str(i) != str(name)}
    codes |= {str(i) for table, column in CODE_ONLY.items() for i in tables[table][column]}
    return codes | set(EVIDENCE_LABELS) | MISSING_WORDS


def cell_codes(value: object, codes: set[str]) -> list[str]:
    """The codes a cell shows: the whole cell, or a part of a list joined by "; " or "|".

    >>> cell_codes("nci|msk", {"nci"}), cell_codes("Lung; lung", {"lung"})
    (['nci'], ['lung'])
    """
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ["<missing value>"]
    text = str(value)
    return [part for part in {text, *PARTS.split(text)} if part in codes]


def screen_problems(table: pd.DataFrame, codes: set[str]) -> list[str]:
    """Codes, missing values or raw true/false in a table on screen, and headings that are
    codes (snake_case or an id)."""
    found = [f"heading {c!r} is a code" for c in table.columns
             if "_" in str(c) or str(c) in codes]
    for column in table.columns:
        for row, value in table[column].items():
            found += [f"{column!r} row {row}: {code!r}" for code in cell_codes(value, codes)]
    return found


def _things(columns: list[str]) -> tuple[set[str], set[str]]:
    """The things a download names by ``<thing>_id`` and by ``<thing>_label`` (lists too)."""
    ids = {c.removesuffix("_ids").removesuffix("_id") for c in columns
           if c.endswith(("_id", "_ids"))}
    labels = {c.removesuffix("_labels").removesuffix("_label") for c in columns
              if c.endswith(("_label", "_labels"))}
    return ids, labels


def download_problems(csv: pd.DataFrame, names: dict[str, dict[str, str]],
                      codes: set[str], source_names: set[str]) -> list[str]:
    """Problems in one page download read as text (``dtype=str``, blanks kept as ""):
    a ``<thing>_id`` without its ``<thing>_label`` (or the other way round), an id whose
    label is not the app's label for it (an upload's new name, ``new:<name>``, reads as
    itself), a code or missing word outside an id column, a
    rank that is not blank or 1-3, and a column name that is not snake_case.

    ``names`` maps a thing (``cancer``, ``site``, ``source``, ``evidence``) to id -> label;
    a thing ending in one of them (``strongest_evidence``, ``cancer_a``) uses its map.
    """
    columns = list(csv.columns)
    ids, labels = _things(columns)
    ranks = {c for c in columns if c == "rank" or c.endswith("_rank")}
    found = [f"{t}_id without {t}_label" for t in ids - labels if f"{t}_id" not in ROW_KEYS]
    found += [f"{t}_label without {t}_id" for t in labels - ids - ranks]
    found += [f"{r} without {r}_label" for r in ranks if f"{r}_label" not in columns]
    found += [f"column {c!r} is not snake_case" for c in columns
              if not SNAKE.match(c) and c not in source_names]
    for thing in ids & labels:
        known = next((m for k, m in names.items() if re.search(rf"(^|_){k}(_[ab])?$", thing)),
                     None)
        plural = f"{thing}_ids" in columns
        id_col, label_col = (f"{thing}_ids", f"{thing}_labels") if plural else (
            f"{thing}_id", f"{thing}_label")
        for i, label in zip(csv[id_col], csv[label_col], strict=True):
            pairs = zip(i.split("; "), label.split("; "), strict=False) if plural else [(i, label)]
            found += [f"{id_col} {a!r} read as {b!r}, not {known.get(a)!r}"
                      for a, b in pairs if known is not None and a and known.get(a) != b
                      and not (a.startswith("new:") and a[4:] == b)]  # an upload's new name
    for column in columns:
        if column.endswith(("_id", "_ids")) or column == "quote":
            continue
        found += [f"{column!r}: {code!r}" for value in csv[column]
                  for code in cell_codes(value, codes)]
        if column in ranks:  # blank, or a whole number from 1 (never None, nan or 0)
            found += [f"{column!r}: rank {v!r}" for v in csv[column]
                      if v and not (v.isdigit() and int(v) >= 1)]
    return found
