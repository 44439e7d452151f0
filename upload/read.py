"""Reading an uploaded CSV/TSV file (any common delimiter, decimal commas) or a workbook
into a table of text, refusing hostile shapes early.

Before pandas parses anything, cheap checks on the bytes refuse what would cost the server
far more than the file's size: too many columns on the first line, a line too long, a binary
or UTF-16 file. Row numbers count the way a spreadsheet shows them (the header is row 1).
No Streamlit here.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

import pandas as pd
from pandas.api.types import union_categoricals

from upload.limits import (
    MAX_BYTES,  # noqa: F401 - tests patch it here
    MAX_COLUMNS,
    MAX_LINE_CHARS,
    MAX_ROWS,
    bad_utf8_at,
    compact,
    longest_line,
    looks_utf16,
)
from upload.problems import UploadError, _and_list, _Problems, _size
from upload.workbook import WORKBOOK_SIGNATURES, is_workbook, read_workbook_csv

_BINARY_SIGNATURES = WORKBOOK_SIGNATURES
ARROW_TEXT = pd.StringDtype("pyarrow")
CHUNK_BYTES = 64 * 1024 * 1024  # Python strings (and their pointers) held at a time
# A column piece with more distinct texts than this share of its rows (ids, notes) is kept as
# Arrow text (its bytes and an offset a row) rather than as categories of Python strings.
ID_LIKE_SHARE = 0.5
DELIMITERS = {",": "comma (,)", ";": "semicolon (;)", "\t": "tab", "|": "vertical bar (|)"}
DECIMALS = {".": "point (3.5)", ",": "comma (3,5)"}


@dataclass(frozen=True)
class ReadOptions:
    """How to read a file: a text file's delimiter and decimal mark (None = detect), or a
    workbook's sheet (None = the first)."""

    delimiter: str | None = None
    decimal: str | None = None
    sheet: str | None = None
_UTF8_BOM = b"\xef\xbb\xbf"
_SAVE_AS_CSV = "in your spreadsheet choose Save as → CSV UTF-8."

# ---------------------------------------------------------------------------------------------
# Reading the file


def _decode(raw: bytes) -> str:
    """The start of the file's text (enough for its first line), after checking that all of
    it is UTF-8, a chunk at a time; refuses binary, UTF-16 and non-UTF-8 files."""
    if looks_utf16(raw):
        raise UploadError("This file is saved as UTF-16 (\"Unicode text\"), not UTF-8: "
                          + _SAVE_AS_CSV)
    if raw.startswith(_BINARY_SIGNATURES) or b"\x00" in raw:
        raise UploadError("This looks like a spreadsheet or other binary file, not CSV text: "
                          + _SAVE_AS_CSV)
    skip = len(_UTF8_BOM) if raw.startswith(_UTF8_BOM) else 0
    bad = bad_utf8_at(memoryview(raw)[skip:])
    if bad is not None:
        position = bad + skip
        line = raw.count(b"\n", 0, position) + 1
        raise UploadError(
            f"The file is not UTF-8 text: byte {position + 1:,} (on line {line}) cannot be read."
            " It was probably saved in an older text encoding: " + _SAVE_AS_CSV)
    return raw[skip:skip + 4 * MAX_LINE_CHARS].decode("utf-8", errors="ignore")


def _check_shape(raw: bytes, sep: str) -> int:
    """Refuse, before parsing, a first line with too many columns or any line too long;
    return the first line's column count (a guide to the chunk size)."""
    line_end = re.search(rb"[\r\n]", raw)
    columns = raw.count(sep.encode(), 0, line_end.start() if line_end else len(raw)) + 1
    if columns > MAX_COLUMNS:
        raise UploadError(f"Row 1 has {columns:,} columns, more than the {MAX_COLUMNS:,} this "
                          "page reads. Keep only the columns you need (primary, site and a rank, "
                          "count or patient id).")
    length, line = longest_line(raw)
    if length > MAX_LINE_CHARS:
        raise UploadError(f"Line {line:,} is {length:,} characters long, more than the "
                          f"{MAX_LINE_CHARS:,} this page reads on one line. Check it for a "
                          "missing line break or a very long cell.")
    return columns


def _first_line(text: str) -> str:
    """The text up to the first line end (any of \\n, \\r\\n or \\r), without splitting it all."""
    return re.match(r"[^\r\n]*", text).group()


def detect_delimiter(text: str, file_name: str) -> str:
    """Tab for .tsv/.tab files; else whichever of comma, semicolon, tab and vertical bar
    appears most on the first line outside quotes (comma when none does).

    >>> detect_delimiter("a\\tb\\tc", "x.csv"), detect_delimiter("a,b", "x.TSV")
    ('\\t', '\\t')
    >>> detect_delimiter('primary;"site, organ";n', "x.csv"), detect_delimiter("a", "x")
    (';', ',')
    """
    if file_name.lower().endswith((".tsv", ".tab")):
        return "\t"
    first = re.sub(r'"[^"]*"', "", _first_line(text))
    counts = {sep: first.count(sep) for sep in DELIMITERS}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


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


def read_table(raw: bytes, file_name: str, options: ReadOptions | None = None
               ) -> pd.DataFrame:
    """The uploaded file (text or workbook) as a table of text (each column categorical):
    header names and cells stripped, blanks ``""``. ``frame.attrs`` records how it was read:
    ``delimiter``, ``decimal`` (a comma for semicolon files unless told) and ``sheet``.

    Rows that are entirely blank are dropped. The index is the zero-based data-row number, so
    ``index + 2`` is the row a spreadsheet shows (a dropped blank row leaves a gap). Raises
    :class:`UploadError` for an empty, binary, oversized, UTF-16 or non-UTF-8 file, too many
    columns, a line too long, a ragged line, a header with a blank or repeated name, or no
    data rows.

    >>> read_table(b"Primary , site\\nBreast, lungs\\n", "my.csv").values.tolist()
    [['Breast', 'lungs']]
    >>> read_table(b"primary,site\\n", "my.csv")
    Traceback (most recent call last):
    ...
    upload.problems.UploadError: The file has a header row but no data rows.
    """
    options = options or ReadOptions()
    if len(raw) > MAX_BYTES:
        raise UploadError(f"The file is {_size(len(raw))}, but the largest file this page takes "
                          f"is {_size(MAX_BYTES)}. Upload a smaller part of your data.")
    if not raw or raw.isspace():
        raise UploadError("The file is empty.")
    if is_workbook(raw, file_name):
        table, sheet = read_workbook_csv(raw, options.sheet)
        return _parse(table, ",", {"sheet": sheet, "decimal": ".", "delimiter": None})
    text = _decode(raw)
    if not text.strip() and raw.removeprefix(_UTF8_BOM).isspace():
        raise UploadError("The file is empty.")  # only a byte-order mark and whitespace
    if not _first_line(text).strip():
        raise UploadError("Row 1 is blank: the first row should name the columns, "
                          "for example primary,site,count.")
    sep = options.delimiter or detect_delimiter(text, file_name)
    decimal = options.decimal or ("," if sep == ";" else ".")
    return _parse(raw, sep, {"delimiter": sep, "decimal": decimal, "sheet": None})


def _parse(raw: bytes, sep: str, how: dict) -> pd.DataFrame:
    """Checked UTF-8 CSV bytes (an upload, or a workbook's sheet as the capped reader wrote
    it) parsed into text columns, after refusing a hostile shape."""
    columns = _check_shape(raw, sep)
    # header=None: pandas would rename repeated names to "x.1" and could silently use a first
    # column as the index; reading row 1 as data lets us check the names ourselves. Stop one
    # row past the limit so a huge file is refused without reading all of it.
    # In chunks of about CELLS_PER_CHUNK cells, each turned into categories before the next
    # is read: a whole file as Python strings costs 8 bytes a cell for the pointer alone (a
    # 25 MB file of one-character cells is 12 million cells, 100 MB), in chunks it never
    # holds more than one chunk's worth.
    try:
        chunks = pd.read_csv(
            # The checked UTF-8 bytes, not the str: the C parser reads bytes without re-encoding.
            io.BytesIO(raw), encoding="utf-8-sig", sep=sep,
            header=None, dtype=str, keep_default_na=False, na_filter=False,
            skip_blank_lines=False, index_col=False, engine="c", nrows=MAX_ROWS + 2,
            chunksize=chunk_rows(raw, columns))
        parts = [_compact_chunk(chunk) for chunk in chunks]
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as error:
        raise UploadError(_parser_message(error)) from None
    return _frame(_joined(parts), how)


def chunk_rows(raw: bytes, columns: int) -> int:
    """Rows to parse at a time so that their cells, as Python strings, take about
    CHUNK_BYTES: a pointer (8 bytes) per cell, plus a string object (about 50 bytes and its
    text) unless cells are a character or less, which CPython shares.

    >>> chunk_rows(b"a,b\\n" + b"1,2\\n" * 10, 2), chunk_rows(b"a,b\\n" + b"Lung,Bone\\n" * 10, 2)
    (4194304, 547083)
    """
    lines = raw.count(b"\n") + 1
    cell_bytes = len(raw) / (lines * columns) - 1  # minus its separator or line end
    per_cell = 8 if cell_bytes <= 1 else 8 + 50 + cell_bytes
    return max(1_000, int(CHUNK_BYTES / (columns * per_cell)))


def _compact_chunk(chunk: pd.DataFrame) -> list[pd.Series]:
    """One chunk's columns, stripped: categories for names that repeat, Arrow text for
    id-like columns (a category per row would cost a Python string per row, kept for the
    session)."""
    return [_compact_piece(chunk.iloc[:, position]) for position in range(chunk.shape[1])]


def _compact_piece(column: pd.Series) -> pd.Series:
    """One chunk's column as categories, or as Arrow text when nearly every value differs."""
    if len(column) > 1_000 and column.nunique() > ID_LIKE_SHARE * len(column):
        return column.str.strip().astype(ARROW_TEXT)
    return compact(column)


def _joined(parts: list[list[pd.Series]]) -> list[pd.Series]:
    """The chunks' columns joined end to end: categories where every chunk has them, else
    the whole column as Arrow text (some chunk was id-like). Every chunk has the first line's
    columns: pandas pads a short line and refuses a long one."""
    joined = []
    for position in range(len(parts[0]) if parts else 0):
        pieces = [part[position] for part in parts]
        for part in parts:  # the chunks' copies go as soon as the column is joined
            part[position] = None
        if all(isinstance(piece.dtype, pd.CategoricalDtype) for piece in pieces):
            joined.append(pd.Series(union_categoricals(pieces, ignore_order=True)))
        else:
            joined.append(pd.concat([piece.astype(ARROW_TEXT) for piece in pieces],
                                    ignore_index=True))
    return joined


def _frame(columns: list[pd.Series], how: dict) -> pd.DataFrame:
    """Row 1 as the names, the rest as stripped categorical text, all-blank rows dropped."""
    rows = len(columns[0]) if columns else 0
    if rows - 1 > MAX_ROWS:  # blank rows count here: they are rows in a spreadsheet
        raise UploadError(f"The file has more than {MAX_ROWS:,} data rows, the most this page "
                          "takes. Use a smaller part of your data.")
    if not rows or not any(str(column.iloc[0]).strip() for column in columns):
        raise UploadError("Row 1 is blank: the first row should name the columns, "
                          "for example primary,site,count.")
    names = [str(column.iloc[0]).strip() for column in columns]
    _check_header(names)
    frame = pd.DataFrame(index=pd.RangeIndex(rows - 1))
    for position, name in enumerate(names):
        column, columns[position] = columns[position], None
        body = column.iloc[1:]
        if isinstance(body.dtype, pd.CategoricalDtype):
            body = body.cat.remove_unused_categories()
        frame[name] = body.set_axis(frame.index)
    # Spreadsheets often save empty rows (",,,") at the end; they are not data.
    frame = frame[(frame != "").any(axis=1)]
    if frame.empty:
        raise UploadError("The file has a header row but no data rows.")
    frame.attrs.update(how)
    return frame

