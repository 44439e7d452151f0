"""A teacher's own spread table from an uploaded CSV or TSV file, checked and made tidy.

Three shapes of file are understood (see :data:`SHAPES`): a ranked list of sites per primary
cancer, counts of patients per primary and site, or one row per patient and site. Whatever
the shape, :func:`tidy` returns one row per (primary, site). Every problem is reported as a
plain sentence naming the row and column, in an :class:`UploadError`. No Streamlit here.

Row numbers count the way a spreadsheet shows them: the header is row 1, the first data row
is row 2 (a blank row in the file still counts, so the numbers match what the person sees).

This module makes the table tidy; reading and guessing live in :mod:`data.upload_read`,
:mod:`data.upload_names` and :mod:`data.upload_problems`, and are re-exported here so
``from data.upload import read_table`` keeps working.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

import numpy as np
import pandas as pd

from data.upload_limits import MAX_NAMES, compact
from data.upload_names import (  # noqa: F401 - re-exported
    REQUIRED_ROLES,
    ROLES,
    SHAPE_LABELS,
    SHAPES,
    SYNONYMS,
    guess_shape,
    match_names,
    name_key,
    vocabulary,
)
from data.upload_problems import (  # noqa: F401 - re-exported
    MAX_PROBLEMS,
    ROWS_PER_PROBLEM,
    UploadError,
    _and_list,
    _Problems,
    _quote,
    _rows_phrase,
    _size,
)
from data.upload_read import MAX_BYTES, MAX_ROWS, read_table  # noqa: F401 - re-exported

# ---------------------------------------------------------------------------------------------
# Making the table tidy


def _row_numbers(frame: pd.DataFrame) -> np.ndarray:
    """Spreadsheet row of each record: index + 2 for read_table's index, else position + 2."""
    index = frame.index
    if pd.api.types.is_integer_dtype(index.dtype) and index.is_unique and (index >= 0).all():
        return np.asarray(index, dtype=np.int64) + 2
    return np.arange(len(frame), dtype=np.int64) + 2


def _text(column: pd.Series) -> pd.Series:
    """A column as stripped text, missing values as "" (works for frames not from read_table).
    read_table's categorical columns stay categorical: they are stripped already."""
    if isinstance(column.dtype, pd.CategoricalDtype) and not column.isna().any():
        return compact(column).reset_index(drop=True)
    return column.astype("str").fillna("").str.strip().reset_index(drop=True)


def _name_codes(column: pd.Series, heading: str) -> tuple[np.ndarray, list[str]]:
    """Per row, a code shared by names with the same :func:`name_key`, and per code the first
    spelling seen (kept for display). name_key runs once per distinct spelling, not per row.
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
    return remap[codes] if len(codes) else codes.astype(np.int64), display


def _whole_numbers(column: pd.Series) -> tuple[pd.Series, np.ndarray]:
    """Whole numbers (Int64) from text, and which rows are not one ("3.0" counts as 3).

    >>> values, bad = _whole_numbers(pd.Series(["3", "3.0", "1.5", "", "x", "inf"]))
    >>> values.tolist(), bad.tolist()
    ([3, 3, <NA>, <NA>, <NA>, <NA>], [False, False, True, True, True, True])
    """
    # A numbers column repeats few values (totals especially), so parse each distinct text once.
    codes, texts = pd.factorize(column, sort=False)
    numbers = pd.Series(pd.to_numeric(pd.Series(texts, dtype=object), errors="coerce")).to_numpy(
        dtype="float64", na_value=np.nan)
    with np.errstate(invalid="ignore"):
        good = np.isfinite(numbers) & (numbers % 1 == 0) & (np.abs(numbers) < 2**53)
    good_rows = good[codes] if len(codes) else np.zeros(0, dtype=bool)
    whole = np.where(good, numbers, 0).astype(np.int64)
    values = pd.array(whole[codes] if len(codes) else whole[:0], dtype="Int64")
    values[~good_rows] = pd.NA
    return pd.Series(values), ~good_rows


def _check_blank(problems: _Problems, columns: Mapping[str, pd.Series], rows: np.ndarray,
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


def _check_numbers(problems: _Problems, raw: pd.Series, bad: np.ndarray, rows: np.ndarray,
                   column: str, too_small: np.ndarray, rule: str) -> None:
    """Per row: not a whole number, or below the column's smallest allowed value."""
    def each(mask: np.ndarray, sentence: Callable[[str], str]) -> Iterable[str]:
        for position in np.flatnonzero(mask):
            yield f"Row {rows[position]}, column {column!r}: {sentence(raw.iat[position])}"
    problems.add_each(int(bad.sum()), each(
        bad, lambda v: f"{_quote(v)} is not a whole number." if v else
        "the cell is blank, but it needs a whole number."))
    problems.add_each(int(too_small.sum()), each(too_small, lambda v: f"{_quote(v)} {rule}"))


def _check_repeats(problems: _Problems, primary: np.ndarray, site: np.ndarray,
                   rows: np.ndarray, blank: np.ndarray, primary_names: list[str],
                   site_names: list[str]) -> None:
    """The same primary and site on more than one row (spellings folded by name_key); rows
    with a blank name are already reported, so they are left out here."""
    pairs = pd.DataFrame({"primary": primary, "site": site, "row": rows})[~blank]
    repeated = pairs[pairs.duplicated(["primary", "site"], keep=False)]
    groups = repeated.groupby(["primary", "site"], sort=False)["row"]
    messages = (
        f"{_rows_phrase(list(group))} {'both' if len(group) == 2 else 'all'} give primary "
        f"{primary_names[p]!r}, site {site_names[s]!r}. Each pair should be on one row."
        for (p, s), group in groups)
    problems.add_each(groups.ngroups, messages)


def _check_mapping(frame: pd.DataFrame, shape: str,
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


def tidy(frame: pd.DataFrame, shape: str, mapping: Mapping[str, str]) -> pd.DataFrame:
    """The canonical pairs table, one row per (primary, site), after checking every cell.

    Columns: ranked -> primary, site, rank (Int64); aggregated -> primary, site, count,
    total (Int64, <NA> without a total column), share (Float64); patients -> primary, site,
    count (distinct patients), total (distinct patients with that primary), share. Names keep
    the first spelling seen for each :func:`name_key`. Sorted by primary, then rank or site.
    Raises :class:`UploadError` listing up to ten problems.

    >>> frame = read_table(b"id,primary,site\\n1,Breast,Lung\\n2,Breast,lungs\\n"
    ...                    b"2,Breast,Bone\\n", "x.csv")
    >>> tidy(frame, "patients", {"patient": "id", "primary": "primary", "site": "site"}
    ...      ).values.tolist()
    [['Breast', 'Bone', 1, 2, 0.5], ['Breast', 'Lung', 2, 2, 1.0]]
    """
    chosen = _check_mapping(frame, shape, mapping)
    if frame.empty:
        raise UploadError("The file has a header row but no data rows.")
    rows = _row_numbers(frame)
    problems = _Problems()
    names_roles = [role for role in ("patient", "primary", "site") if role in chosen]
    texts = {role: _text(frame[chosen[role]]) for role in names_roles}
    blank = _check_blank(problems, texts, rows, chosen)
    primary, primary_names = _name_codes(texts["primary"], chosen["primary"])
    site, site_names = _name_codes(texts["site"], chosen["site"])

    if shape == "patients":
        return _tidy_patients(problems, texts["patient"], primary, site, rows, blank,
                              primary_names, site_names)
    _check_repeats(problems, primary, site, rows, blank, primary_names, site_names)
    if shape == "ranked":
        raw_rank = _text(frame[chosen["rank"]])
        rank, bad = _whole_numbers(raw_rank)
        _check_numbers(problems, raw_rank, bad, rows, chosen["rank"],
                       (rank < 1).fillna(False).to_numpy(dtype=bool),
                       "is not allowed: ranks start at 1 (the most common site).")
        problems.raise_if_any()
        out = pd.DataFrame({"primary": primary, "site": site, "rank": rank})
        return _finish(out, primary_names, site_names, by="rank")
    return _tidy_aggregated(problems, frame, chosen, primary, site, rows,
                            primary_names, site_names)


def _tidy_aggregated(problems: _Problems, frame: pd.DataFrame, chosen: Mapping[str, str],
                     primary: np.ndarray, site: np.ndarray, rows: np.ndarray,
                     primary_names: list[str], site_names: list[str]) -> pd.DataFrame:
    """Counts per (primary, site) with an optional total per primary, checked."""
    raw_count = _text(frame[chosen["count"]])
    count, bad = _whole_numbers(raw_count)
    _check_numbers(problems, raw_count, bad, rows, chosen["count"],
                   (count < 0).fillna(False).to_numpy(dtype=bool),
                   "is negative: a count is 0 or more.")
    total = pd.Series(pd.array([pd.NA] * len(count), dtype="Int64"))
    if "total" in chosen:
        column = chosen["total"]
        raw_total = _text(frame[column])
        total, bad_total = _whole_numbers(raw_total)
        _check_numbers(problems, raw_total, bad_total, rows, column,
                       (total < 1).fillna(False).to_numpy(dtype=bool),
                       "is not allowed: a total is the number of patients with that primary "
                       "cancer, so it is 1 or more.")
        smaller = (total < count).fillna(False).to_numpy(dtype=bool)
        problems.add_each(int(smaller.sum()), (
            f"Row {rows[i]}: the total in column {column!r} ({total.iat[i]}) is smaller than "
            f"the count in column {chosen['count']!r} ({count.iat[i]}). The total counts all "
            "patients with that primary cancer, so it cannot be smaller."
            for i in np.flatnonzero(smaller)))
        _check_totals_agree(problems, primary, total, rows, primary_names, column)
    problems.raise_if_any()
    out = pd.DataFrame({"primary": primary, "site": site, "count": count, "total": total})
    return _finish(out, primary_names, site_names, by="site")


def _check_totals_agree(problems: _Problems, primary: np.ndarray, total: pd.Series,
                        rows: np.ndarray, primary_names: list[str], column: str) -> None:
    """Every row of one primary must give the same total (it is that primary's denominator)."""
    given = pd.DataFrame({"primary": primary, "total": total, "row": rows}).dropna()
    spread = given.groupby("primary")["total"].nunique()
    disagree = given[given["primary"].isin(spread[spread > 1].index)]
    for code, mine in disagree.groupby("primary", sort=False):
        parts = [f"{int(value)} ({_rows_phrase(list(group['row'])).lower()})"
                 for value, group in mine.groupby("total", sort=False)]
        problems.add(f"Primary {primary_names[code]!r} has different totals in column "
                     f"{column!r}: {_and_list(parts)}. Each primary cancer should have one "
                     "total.")


def _tidy_patients(problems: _Problems, patient: pd.Series, primary: np.ndarray,
                   site: np.ndarray, rows: np.ndarray, blank: np.ndarray,
                   primary_names: list[str], site_names: list[str]) -> pd.DataFrame:
    """Distinct patients per (primary, site) and per primary, from one row per patient+site."""
    # Whole-number codes instead of a three-column groupby: each (patient, primary) pair,
    # then each (patient, primary, site) triple, becomes one int64, so the repeat check and
    # the counts are plain NumPy work over a million rows.
    n_primaries, n_sites = len(primary_names), len(site_names)
    patient_codes, _ = pd.factorize(patient, sort=False)
    person, person_primary = pd.factorize(patient_codes.astype(np.int64) * n_primaries + primary)
    triple = person.astype(np.int64) * n_sites + site
    # A blank cell is reported once already; do not count its rows as repeats too.
    repeated = pd.Series(triple).duplicated().to_numpy() & ~blank
    if repeated.any():
        n = int(repeated.sum())
        where = _rows_phrase(rows[repeated].tolist()).lower()
        problems.add(f"{n:,} row{'s repeat' if n > 1 else ' repeats'} a patient, primary and "
                     f"site already given on an earlier row ({where}). List each patient's "
                     "spread to a site once.")
    problems.raise_if_any()
    # With no repeats, each row is a distinct patient for its pair. (np.unique, not a
    # bincount: a file of a million different names would need a million-squared bincount.)
    pairs, pair_count = np.unique(primary * n_sites + site, return_counts=True)
    total = np.bincount(person_primary % n_primaries, minlength=n_primaries)
    out = pd.DataFrame({"primary": pairs // n_sites, "site": pairs % n_sites,
                        "count": pd.array(pair_count, dtype="Int64"),
                        "total": pd.array(total[pairs // n_sites], dtype="Int64")})
    return _finish(out, primary_names, site_names, by="site")


def _finish(out: pd.DataFrame, primary_names: list[str], site_names: list[str],
            by: str) -> pd.DataFrame:
    """Codes back to spellings, share added for counts, sorted by primary then ``by``
    (alphabetically, ignoring case: the codes are sorted, not a million strings)."""
    primary, site = out["primary"].to_numpy(), out["site"].to_numpy()
    if by == "rank":
        second = out["rank"].to_numpy(dtype=np.int64)
    else:
        second = _alphabetical(site_names)[site]
    order = np.lexsort((second, _alphabetical(primary_names)[primary]))
    out = out.iloc[order].reset_index(drop=True)
    out["primary"] = pd.array(primary_names, dtype="str").take(primary[order])
    out["site"] = pd.array(site_names, dtype="str").take(site[order])
    if "count" in out.columns:
        out["share"] = (out["count"] / out["total"]).astype("Float64")
    return out


def _alphabetical(names: list[str]) -> np.ndarray:
    """Each name's place in alphabetical order, ignoring case.

    >>> _alphabetical(["lung", "Bone", "brain"]).tolist()
    [2, 0, 1]
    """
    places = np.empty(len(names), dtype=np.int64)
    places[sorted(range(len(names)), key=lambda i: (names[i].casefold(), names[i]))] = (
        np.arange(len(names)))
    return places


def patient_rows(frame: pd.DataFrame, mapping: Mapping[str, str]) -> pd.DataFrame:
    """Each (patient, primary, site) of a patient file :func:`tidy` accepted: the patient as a
    number and the names spelt as tidy spells them (categorical, so 2,000,000 rows take a few
    MB). The pairs can be counted again from these once the person merges names.

    >>> frame = read_table(b"id,primary,site\\n7,Breast,Lung\\n7,breast,lungs\\n", "x.csv")
    >>> patient_rows(frame, {"patient": "id", "primary": "primary", "site": "site"}
    ...              ).astype(str).values.tolist()
    [['0', 'Breast', 'Lung'], ['0', 'Breast', 'Lung']]
    """
    chosen = _check_mapping(frame, "patients", mapping)
    texts = {role: _text(frame[chosen[role]]) for role in ("patient", "primary", "site")}
    primary, primary_names = _name_codes(texts["primary"], chosen["primary"])
    site, site_names = _name_codes(texts["site"], chosen["site"])
    patient, _ = pd.factorize(texts["patient"], sort=False)
    return pd.DataFrame({
        "patient": patient.astype(np.int64),
        "primary": pd.Categorical.from_codes(primary, categories=pd.Index(primary_names)),
        "site": pd.Categorical.from_codes(site, categories=pd.Index(site_names))})
