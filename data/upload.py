"""A teacher's own spread table from an uploaded CSV or TSV file, checked and made tidy.

Three shapes of file are understood (see :data:`SHAPES`): a ranked list of sites per primary
cancer, counts of patients per primary and site, or one row per patient and site. Whatever
the shape, :func:`tidy` returns one row per (primary, site). Every problem is reported as a
plain sentence naming the row and column, in an :class:`UploadError`. No Streamlit here.

Row numbers count the way a spreadsheet shows them: the header is row 1, the first data row
is row 2 (a blank row in the file still counts, so the numbers match what the person sees).
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

MAX_BYTES = 100 * 1024 * 1024  # 100 MB, same as server.maxUploadSize in .streamlit/config.toml
MAX_ROWS = 2_000_000
SHAPES = ("ranked", "aggregated", "patients")
SHAPE_LABELS = {
    "ranked": "Ranked (primary, site, rank)",
    "aggregated": "Counts (primary, site, count, optional total)",
    "patients": "One row per patient and site (patient, primary, site)",
}
ROLES = {
    "ranked": ("primary", "site", "rank"),
    "aggregated": ("primary", "site", "count", "total"),
    "patients": ("patient", "primary", "site"),
}
REQUIRED_ROLES = {
    "ranked": ("primary", "site", "rank"),
    "aggregated": ("primary", "site", "count"),
    "patients": ("patient", "primary", "site"),
}

MAX_PROBLEMS = 10  # more than this is a wall of text; the first few are enough to start fixing
ROWS_PER_PROBLEM = 5

_BINARY_SIGNATURES = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")  # XLSX/ZIP, old Excel/OLE
_UTF8_BOM = b"\xef\xbb\xbf"
_SAVE_AS_CSV = "in your spreadsheet choose Save as → CSV UTF-8."

# Column names people use for each role, compared after _header_key. "patients" is a count
# (how many patients), never the patient id, so it only appears under "count".
SYNONYMS = {
    "patient": ("patient", "patient id", "id", "case id", "subject", "subject id", "person"),
    "primary": ("primary", "primary cancer", "primary site", "primary tumour", "primary tumor",
                "cancer", "cancer type", "tumour", "tumor"),
    "site": ("site", "metastasis", "metastasis site", "metastatic site", "met site",
             "destination", "spread to", "organ"),
    "rank": ("rank", "ranking", "order"),
    "count": ("count", "n", "number", "patients", "cases", "frequency", "freq"),
    "total": ("total", "denominator", "total patients", "n total", "total n",
              "patients with primary"),
}

_TRAILING_WORDS = {"cancer", "cancers", "carcinoma", "carcinomas", "tumour", "tumours", "tumor",
                   "tumors", "metastasis", "metastases"}


class UploadError(ValueError):
    """What is wrong with an upload: .problems is a list of plain-English sentences; str() joins
    them.

    >>> str(UploadError(["The file is empty.", "Row 2: 'site' is blank."]))
    "The file is empty. Row 2: 'site' is blank."
    """

    def __init__(self, problems: list[str] | str):
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        super().__init__(" ".join(self.problems))


# ---------------------------------------------------------------------------------------------
# Small helpers for messages


def _and_list(items: Sequence[object]) -> str:
    """Items joined the way a sentence lists them.

    >>> _and_list([4]), _and_list([4, 9]), _and_list([4, 9, 12])
    ('4', '4 and 9', '4, 9 and 12')
    """
    words = [str(item) for item in items]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _rows_phrase(rows: Sequence[int], limit: int = ROWS_PER_PROBLEM) -> str:
    """"Row 4" or "Rows 4, 9 and 12", naming at most ``limit`` rows and counting the rest.

    >>> _rows_phrase([4]), _rows_phrase([4, 9, 12])
    ('Row 4', 'Rows 4, 9 and 12')
    >>> _rows_phrase(list(range(2, 10)))
    'Rows 2, 3, 4, 5, 6 (and 3 more rows)'
    """
    if len(rows) == 1:
        return f"Row {rows[0]}"
    if len(rows) <= limit:
        return f"Rows {_and_list(rows)}"
    more = len(rows) - limit
    return f"Rows {', '.join(map(str, rows[:limit]))} (and {more} more row{'s' * (more > 1)})"


def _size(n_bytes: int) -> str:
    """A file size in the unit people know.

    >>> _size(100 * 1024 * 1024), _size(150_000_000), _size(2048), _size(10)
    ('100 MB', '143.1 MB', '2 KB', '10 bytes')
    """
    for unit, size in (("MB", 1024 * 1024), ("KB", 1024)):
        if n_bytes >= size:
            return f"{n_bytes / size:,.1f}".removesuffix(".0") + f" {unit}"
    return f"{n_bytes} bytes"


def _quote(value: object) -> str:
    """A cell value quoted for a message, shortened when long so one cell cannot flood it."""
    text = str(value)
    return repr(text if len(text) <= 40 else text[:37] + "...")


class _Problems:
    """Collects problems; only the first MAX_PROBLEMS sentences are ever built, the rest
    counted, so a million bad rows stay cheap."""

    def __init__(self) -> None:
        self.messages: list[str] = []
        self.hidden = 0

    def add(self, message: str) -> None:
        if len(self.messages) < MAX_PROBLEMS:
            self.messages.append(message)
        else:
            self.hidden += 1

    def add_each(self, count: int, messages: Iterable[str]) -> None:
        """Add ``count`` problems whose sentences come lazily from ``messages``."""
        room = max(MAX_PROBLEMS - len(self.messages), 0)
        for _, message in zip(range(min(room, count)), messages, strict=False):
            self.messages.append(message)
        self.hidden += max(count - room, 0)

    def raise_if_any(self) -> None:
        if self.messages:
            more = self.hidden
            tail = [f"…and {more} more problem{'s' * (more > 1)}."] if more else []
            raise UploadError(self.messages + tail)


# ---------------------------------------------------------------------------------------------
# Reading the file


def _decode(raw: bytes) -> str:
    """The file's text, refusing binary files and text that is not UTF-8."""
    if raw.startswith(_BINARY_SIGNATURES) or b"\x00" in raw:
        raise UploadError("This looks like a spreadsheet or other binary file, not CSV text: "
                          + _SAVE_AS_CSV)
    body = raw[len(_UTF8_BOM):] if raw.startswith(_UTF8_BOM) else raw
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as error:
        position = error.start + (len(raw) - len(body))
        line = raw.count(b"\n", 0, position) + 1
        raise UploadError(
            f"The file is not UTF-8 text: byte {position + 1:,} (on line {line}) cannot be read."
            " It was probably saved in an older text encoding: " + _SAVE_AS_CSV) from None


def _first_line(text: str) -> str:
    """The text up to the first line end (any of \\n, \\r\\n or \\r), without splitting it all."""
    return re.match(r"[^\r\n]*", text).group()


def _delimiter(text: str, file_name: str) -> str:
    """Tab for .tsv/.tab files or a first line with more tabs than commas; else comma.

    >>> _delimiter("a\\tb\\tc", "x.csv"), _delimiter("a,b", "x.TSV"), _delimiter("a,b", "x")
    ('\\t', '\\t', ',')
    """
    if file_name.lower().endswith((".tsv", ".tab")):
        return "\t"
    first = _first_line(text)
    return "\t" if first.count("\t") > first.count(",") else ","


def _parser_message(error: Exception) -> str:
    """Pandas' parser complaint in plain words (its "line" is the spreadsheet row number)."""
    text = str(error)
    ragged = re.search(r"Expected (\d+) fields? in line (\d+), saw (\d+)", text)
    if ragged:
        expected, line, saw = (int(group) for group in ragged.groups())
        return (f"Line {line} has {saw} values but the header has {expected} column"
                f"{'s' * (expected != 1)}. Check that line for an extra comma (or tab), or put "
                "quotes around a value that contains one.")
    open_quote = re.search(r"EOF inside string starting at row (\d+)", text)
    if open_quote:
        line = int(open_quote.group(1)) + 1  # pandas counts these rows from 0
        return (f"Line {line} opens a quotation mark (\") that is never closed, so the rest of "
                "the file reads as one value. Close the quote or remove it.")
    return f"The file could not be read as a table: {text.strip()}"


def _check_header(names: list[str]) -> None:
    """Every column needs a name, and each name must be different (ignoring case)."""
    if not any(names):
        raise UploadError("Row 1 is blank: the first row should name the columns, "
                          "for example primary,site,count.")
    problems = _Problems()
    for position, name in enumerate(names, start=1):
        if not name:
            problems.add(f"Row 1 (the header), column {position}: the column has no name. "
                         "Give it a name, or delete the column if it is empty.")
    seen: dict[str, list[int]] = {}
    for position, name in enumerate(names, start=1):
        if name:
            seen.setdefault(name.casefold(), []).append(position)
    for positions in seen.values():
        if len(positions) > 1:
            spellings = _and_list([repr(names[p - 1]) for p in positions])
            problems.add(f"Row 1 (the header): {spellings} name the same column more than once "
                         f"(columns {_and_list(positions)}). Give each column its own name.")
    problems.raise_if_any()


def read_table(raw: bytes, file_name: str) -> pd.DataFrame:
    """The uploaded file as a table of text: header names and cells stripped, blanks ``""``.

    Rows that are entirely blank are dropped. The index is the zero-based data-row number, so
    ``index + 2`` is the row a spreadsheet shows (a dropped blank row leaves a gap). Raises
    :class:`UploadError` for an empty, binary, oversized or non-UTF-8 file, a ragged line, a
    header with a blank or repeated name, or no data rows.

    >>> read_table(b"Primary , site\\nBreast, lungs\\n", "my.csv").values.tolist()
    [['Breast', 'lungs']]
    >>> read_table(b"primary,site\\n", "my.csv")
    Traceback (most recent call last):
    ...
    data.upload.UploadError: The file has a header row but no data rows.
    """
    if len(raw) > MAX_BYTES:
        raise UploadError(f"The file is {_size(len(raw))}, but the largest file this page takes "
                          f"is {_size(MAX_BYTES)}. Upload a smaller part of your data.")
    if not raw.strip():
        raise UploadError("The file is empty.")
    text = _decode(raw)
    if not text.strip():
        raise UploadError("The file is empty.")  # only a byte-order mark and whitespace
    if not _first_line(text).strip():
        raise UploadError("Row 1 is blank: the first row should name the columns, "
                          "for example primary,site,count.")
    # header=None: pandas would rename repeated names to "x.1" and could silently use a first
    # column as the index; reading row 1 as data lets us check the names ourselves. Stop one
    # row past the limit so a huge file is refused without reading all of it.
    try:
        records = pd.read_csv(
            # The checked UTF-8 bytes, not the str: the C parser reads bytes without re-encoding.
            io.BytesIO(raw), encoding="utf-8-sig", sep=_delimiter(text, file_name),
            header=None, dtype=str, keep_default_na=False, na_filter=False,
            skip_blank_lines=False, index_col=False, engine="c", nrows=MAX_ROWS + 2)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as error:
        raise UploadError(_parser_message(error)) from None
    if len(records) - 1 > MAX_ROWS:  # blank rows count here: they are rows in a spreadsheet
        raise UploadError(f"The file has more than {MAX_ROWS:,} data rows, the most this page "
                          "takes. Use a smaller part of your data.")
    names = [str(name).strip() for name in records.iloc[0]]
    _check_header(names)
    frame = records.iloc[1:]
    frame.columns = names
    frame.index = pd.RangeIndex(len(frame))
    frame = frame.apply(lambda column: column.str.strip())
    # Spreadsheets often save empty rows (",,,") at the end; they are not data.
    frame = frame[(frame != "").any(axis=1)]
    if frame.empty:
        raise UploadError("The file has a header row but no data rows.")
    return frame


# ---------------------------------------------------------------------------------------------
# Guessing what the columns mean


def _header_key(name: str) -> str:
    """A column name folded for synonym matching (not :func:`name_key`, which would turn
    "patients" into "patient" and "primary cancer" into "primary").

    >>> _header_key(" Metastasis_Site "), _header_key("Patient-ID"), _header_key("n (total)")
    ('metastasis site', 'patient id', 'n total')
    """
    return " ".join(re.sub(r"[^0-9a-z]+", " ", str(name).casefold()).split())


def guess_shape(columns: Sequence[str]) -> tuple[str | None, dict[str, str]]:
    """The shape a header suggests and role -> column name for every role recognised.

    The mapping holds every recognised role, also ones the shape does not use (tidy ignores
    them); the shape is None when no shape's required roles are all present.

    >>> guess_shape(["Patient ID", "Primary cancer", "Spread to"])
    ('patients', {'patient': 'Patient ID', 'primary': 'Primary cancer', 'site': 'Spread to'})
    >>> guess_shape(["cancer", "organ", "patients", "total patients"])[0]
    'aggregated'
    >>> guess_shape(["primary", "site", "rank"])[0], guess_shape(["a", "b"])
    ('ranked', (None, {}))
    """
    keys = [_header_key(column) for column in columns]
    mapping: dict[str, str] = {}
    taken: set[int] = set()
    for role, synonyms in SYNONYMS.items():
        # The earlier synonym wins ("primary" over "cancer"), then the earlier column.
        for synonym in synonyms:
            position = next((i for i, key in enumerate(keys)
                             if key == synonym and i not in taken), None)
            if position is not None:
                mapping[role] = columns[position]
                taken.add(position)
                break
    for shape in ("patients", "aggregated", "ranked"):
        if all(role in mapping for role in REQUIRED_ROLES[shape]):
            return shape, mapping
    return None, mapping


# ---------------------------------------------------------------------------------------------
# Names


def name_key(text: str) -> str:
    """A name folded for matching: case, punctuation, "cancer" and a plural do not matter.

    >>> [name_key(t) for t in ["Breast cancer", "  LUNGS ", "Lymph_nodes", "The bones"]]
    ['breast', 'lung', 'lymph node', 'bone']
    >>> [name_key(t) for t in ["skin/muscle", "Head & neck", "pancreas", "Peritoneum"]]
    ['skin muscle', 'head and neck', 'pancreas', 'peritoneum']
    >>> [name_key(t) for t in ["Cancer", "metastasis", "Ovaries", "glass", "the"]]
    ['cancer', 'metastasis', 'ovary', 'glass', 'the']
    """
    folded = str(text).casefold().replace("&", " and ")
    words = re.sub(r"[-_/]", " ", folded).split()
    # Only drop a word when another is left: "Cancer" alone stays a name.
    if len(words) > 1 and words[-1] in _TRAILING_WORDS:
        words = words[:-1]
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    if words:
        last = words[-1]
        if len(last) > 4 and last.endswith("ies"):
            words[-1] = last[:-3] + "y"  # "ovaries" -> "ovary"
        elif len(last) > 3 and last.endswith("s") and not last.endswith(("ss", "us", "is", "as")):
            words[-1] = last[:-1]  # "lungs" -> "lung"; "pancreas", "metastasis" stay
    return " ".join(words) or folded.strip()


def vocabulary(table: pd.DataFrame, key: str, label: str = "label",
               aliases: str | None = None) -> dict[str, list[str]]:
    """Id -> the names it goes by: the id (underscores as spaces), its label and its aliases.

    >>> sites = pd.DataFrame({"site_id": ["lymph_nodes"], "label": ["Lymph nodes"],
    ...                       "aliases": ["lymph nodes|nearby lymph nodes"]})
    >>> vocabulary(sites, "site_id", aliases="aliases")
    {'lymph_nodes': ['lymph nodes', 'Lymph nodes', 'nearby lymph nodes']}
    """
    vocab: dict[str, list[str]] = {}
    for _, row in table.iterrows():
        ident = str(row[key])
        names = [ident.replace("_", " ")]
        if label in table.columns and not pd.isna(row[label]):
            names.append(str(row[label]))
        if aliases is not None and not pd.isna(row[aliases]):
            names.extend(str(row[aliases]).split("|"))
        names = [name.strip() for name in names if name.strip()]
        vocab[ident] = list(dict.fromkeys(vocab.get(ident, []) + names))
    return vocab


def match_names(values: Iterable[str],
                vocab: Mapping[str, Iterable[str]]) -> dict[str, str | None]:
    """Each value -> the one id whose names share its :func:`name_key`; None when no id does,
    or when two ids do (ambiguous: the person chooses).

    >>> vocab = {"lung": ["lung", "Lung"], "bone": ["bone", "bones"]}
    >>> match_names(["Lungs", "BONE", "Spleen"], vocab)
    {'Lungs': 'lung', 'BONE': 'bone', 'Spleen': None}
    """
    ids_by_key: dict[str, set[str]] = {}
    for ident, names in vocab.items():
        for name in names:
            ids_by_key.setdefault(name_key(name), set()).add(ident)
    matches: dict[str, str | None] = {}
    for value in values:
        ids = ids_by_key.get(name_key(value), set())
        matches[value] = next(iter(ids)) if len(ids) == 1 else None
    return matches


# ---------------------------------------------------------------------------------------------
# Making the table tidy


def _row_numbers(frame: pd.DataFrame) -> np.ndarray:
    """Spreadsheet row of each record: index + 2 for read_table's index, else position + 2."""
    index = frame.index
    if pd.api.types.is_integer_dtype(index.dtype) and index.is_unique and (index >= 0).all():
        return np.asarray(index, dtype=np.int64) + 2
    return np.arange(len(frame), dtype=np.int64) + 2


def _text(column: pd.Series) -> pd.Series:
    """A column as stripped text, missing values as "" (works for frames not from read_table)."""
    return column.astype("str").fillna("").str.strip().reset_index(drop=True)


def _name_codes(column: pd.Series) -> tuple[np.ndarray, list[str]]:
    """Per row, a code shared by names with the same :func:`name_key`, and per code the first
    spelling seen (kept for display). name_key runs once per distinct spelling, not per row."""
    codes, spellings = pd.factorize(column, sort=False)
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
    primary, primary_names = _name_codes(texts["primary"])
    site, site_names = _name_codes(texts["site"])

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
