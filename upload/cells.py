"""Shared steps of making an upload tidy: row numbers, text cells, names as codes, whole
numbers, the column mapping, and the finished pairs table. No Streamlit here.

Row numbers count the way a spreadsheet shows them: the header is row 1, the first data row
is row 2 (a blank row in the file still counts, so the numbers match what the person sees).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from upload.columns import REQUIRED_ROLES, ROLES, SHAPES
from upload.limits import MAX_NAMES, compact
from upload.names import name_key
from upload.problems import UploadError, _and_list, _Problems, _quote, _rows_phrase


@dataclass(frozen=True)
class Coded:
    """A name column as one code per row (spellings with the same :func:`name_key` share a
    code) and, per code, the first spelling seen (kept for display)."""

    codes: np.ndarray
    names: list[str]

    def __len__(self) -> int:
        return len(self.names)


@dataclass(frozen=True)
class Tidied:
    """What tidying gives: the pairs, a patient file's rows (to count again when names
    merge; None otherwise), and one plain sentence per kind of row handled on the way."""

    pairs: pd.DataFrame
    patients: pd.DataFrame | None = None
    notes: tuple[str, ...] = ()


def row_numbers(frame: pd.DataFrame) -> np.ndarray:
    """Spreadsheet row of each record: index + 2 for read_table's index, else position + 2."""
    index = frame.index
    if pd.api.types.is_integer_dtype(index.dtype) and index.is_unique and (index >= 0).all():
        return np.asarray(index, dtype=np.int64) + 2
    return np.arange(len(frame), dtype=np.int64) + 2


def text(column: pd.Series) -> pd.Series:
    """A column as stripped text, missing values as "" (works for frames not from read_table).
    read_table's categorical columns stay categorical: they are stripped already."""
    if isinstance(column.dtype, pd.CategoricalDtype) and not column.isna().any():
        return compact(column).reset_index(drop=True)
    return column.astype("str").fillna("").str.strip().reset_index(drop=True)


def id_codes(column: pd.Series) -> np.ndarray:
    """A whole number per row, the same for the same text, numbered in order of first
    appearance, like ``pd.factorize``, but cheap for an id column that read_table kept as
    Arrow text: Arrow ranks the texts by sorting (no hash table holding a copy of every
    distinct id), then the ranks are renumbered by first appearance. For 1.7 million distinct
    ids the peak is about 30 MB instead of 180-250 MB.

    >>> id_codes(pd.Series(["b", "a", "b", "c"], dtype="string[pyarrow]")).tolist()
    [0, 1, 0, 2]
    >>> id_codes(pd.Series(["b", "a", "b", "c"])).tolist()
    [0, 1, 0, 2]
    """
    if not (isinstance(column.dtype, pd.StringDtype) and column.dtype.storage == "pyarrow"):
        return pd.factorize(column, sort=False)[0]
    ranks = pc.rank(pa.array(column.array), sort_keys="ascending", tiebreaker="dense")
    _, first_seen, ranked = np.unique(ranks.to_numpy(), return_index=True, return_inverse=True)
    renumber = np.empty(len(first_seen), dtype=np.int64)
    renumber[np.argsort(first_seen, kind="stable")] = np.arange(len(first_seen))
    return renumber[ranked]


def name_codes(column: pd.Series, heading: str) -> Coded:
    """The column as :class:`Coded` names; name_key runs once per distinct spelling, not per
    row.
    Refuses more than MAX_NAMES spellings before folding any (a column of ids, say)."""
    codes, spellings = pd.factorize(column, sort=False)
    if len(spellings) > MAX_NAMES:
        raise UploadError(f"The column {heading!r} has {len(spellings):,} different names, more "
                          f"than the {MAX_NAMES:,} this page can draw. Check that it is the right "
                          "column, or group the names into fewer before uploading.")
    key_codes, display = {}, []
    remap = np.empty(len(spellings), dtype=np.int64)
    for position, spelling in enumerate(spellings):  # factorize keeps first-seen order
        key = name_key(spelling)
        if key not in key_codes:
            key_codes[key] = len(display)
            display.append(spelling)
        remap[position] = key_codes[key]
    return Coded(remap[codes] if len(codes) else codes.astype(np.int64), display)


def whole_numbers(column: pd.Series, decimal: str = ".") -> tuple[pd.Series, np.ndarray]:
    """Whole numbers (Int64) from text, and which rows are not one ("3.0" counts as 3; with
    ``decimal=","`` so does "3,0").

    >>> values, bad = whole_numbers(pd.Series(["3", "3.0", "1.5", "", "x", "inf"]))
    >>> values.tolist(), bad.tolist()
    ([3, 3, <NA>, <NA>, <NA>, <NA>], [False, False, True, True, True, True])
    >>> whole_numbers(pd.Series(["12,0", "1,5"]), decimal=",")[0].tolist()
    [12, <NA>]
    """
    # A numbers column repeats few values (totals especially), so parse each distinct text once.
    codes, texts = pd.factorize(column, sort=False)
    texts = pd.Series(texts, dtype=object)
    if decimal != ".":
        texts = texts.astype(str).str.replace(decimal, ".", regex=False)
    numbers = pd.Series(pd.to_numeric(texts, errors="coerce")).to_numpy(
        dtype="float64", na_value=np.nan)
    with np.errstate(invalid="ignore"):
        good = np.isfinite(numbers) & (numbers % 1 == 0) & (np.abs(numbers) < 2**53)
    good_rows = good[codes] if len(codes) else np.zeros(0, dtype=bool)
    whole = np.where(good, numbers, 0).astype(np.int64)
    values = pd.array(whole[codes] if len(codes) else whole[:0], dtype="Int64")
    values[~good_rows] = pd.NA
    return pd.Series(values), ~good_rows


def check_blank(problems: _Problems, columns: Mapping[str, pd.Series], rows: np.ndarray,
                 names: Mapping[str, str]) -> np.ndarray:
    """One problem per text column with blank cells, naming its first few rows; returns
    which rows have any blank name."""
    any_blank = np.zeros(len(rows), dtype=bool)
    for role, column in columns.items():
        blank = (column == "").to_numpy(dtype=bool)
        if blank.any():
            problems.add(f"{_rows_phrase(rows[blank].tolist())}: {names[role]!r} is blank.")
            any_blank |= blank
    return any_blank


def check_numbers(problems: _Problems, raw: pd.Series, bad: np.ndarray, rows: np.ndarray,
                   column: str, too_small: np.ndarray, rule: str) -> None:
    """Per row: not a whole number, or below the column's smallest allowed value."""
    def each(mask: np.ndarray, sentence: Callable[[str], str]) -> Iterable[str]:
        for position in np.flatnonzero(mask):
            yield f"Row {rows[position]}, column {column!r}: {sentence(raw.iat[position])}"
    problems.add_each(int(bad.sum()), each(
        bad, lambda v: f"{_quote(v)} is not a whole number." if v else
        "the cell is blank, but it needs a whole number."))
    problems.add_each(int(too_small.sum()), each(too_small, lambda v: f"{_quote(v)} {rule}"))


def check_mapping(frame: pd.DataFrame, shape: str,
                   mapping: Mapping[str, str]) -> dict[str, str]:
    """Role -> column for the shape's roles, or an UploadError naming what is missing."""
    if shape not in SHAPES:
        raise UploadError(f"Unknown kind of table {shape!r}: choose one of {_and_list(SHAPES)}.")
    have = _and_list([repr(str(c)) for c in frame.columns]) if len(frame.columns) else "none"
    problems = _Problems()
    chosen: dict[str, str] = {}
    for role in ROLES[shape]:
        column = mapping.get(role)
        if column is None or column == "":
            if role in REQUIRED_ROLES[shape]:
                problems.add(f"Choose the column that holds {role!r}: the file has the "
                             f"columns {have}.")
        elif column not in frame.columns:
            problems.add(f"The column {str(column)!r} chosen for {role!r} is not in the file. "
                         f"The file has the columns {have}.")
        else:
            chosen[role] = column
    roles_by_column: dict[str, list[str]] = {}
    for role, column in chosen.items():
        roles_by_column.setdefault(column, []).append(role)
    for column, roles in roles_by_column.items():
        if len(roles) > 1:
            problems.add(f"{_and_list([repr(r) for r in roles])} "
                         f"{'both' if len(roles) == 2 else 'all'} use the column "
                         f"{str(column)!r}: choose a different column for each.")
    problems.raise_if_any()
    return chosen


def finish(out: pd.DataFrame, primary: Coded, site: Coded, by: str) -> pd.DataFrame:
    """Codes back to spellings, share added for counts, sorted by primary then ``by``
    (alphabetically, ignoring case: the codes are sorted, not a million strings)."""
    primary_names, site_names = primary.names, site.names
    primary, site = out["primary"].to_numpy(), out["site"].to_numpy()
    if by == "rank":
        second = out["rank"].to_numpy(dtype=np.int64)
    else:
        second = alphabetical(site_names)[site]
    order = np.lexsort((second, alphabetical(primary_names)[primary]))
    out = out.iloc[order].reset_index(drop=True)
    out["primary"] = pd.array(primary_names, dtype="str").take(primary[order])
    out["site"] = pd.array(site_names, dtype="str").take(site[order])
    if "count" in out.columns:
        out["share"] = (out["count"] / out["total"]).astype("Float64")
    return out


def alphabetical(names: list[str]) -> np.ndarray:
    """Each name's place in alphabetical order, ignoring case.

    >>> alphabetical(["lung", "Bone", "brain"]).tolist()
    [2, 0, 1]
    """
    places = np.empty(len(names), dtype=np.int64)
    places[sorted(range(len(names)), key=lambda i: (names[i].casefold(), names[i]))] = (
        np.arange(len(names)))
    return places
