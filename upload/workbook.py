"""Reading the first sheet (or a chosen one) of an Excel or OpenDocument workbook as rows of
text, with python-calamine (a reader in Rust: it never runs macros or formulas, it only reads
the values a spreadsheet last saved). No Streamlit here.

A workbook is a zip file, so its size on upload does not bound what it unpacks to: the zip's
own directory is checked first, and the sheet is read no further than the row limit.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pandas as pd
from python_calamine import CalamineWorkbook

from upload.limits import MAX_COLUMNS, MAX_ROWS, MAX_UNZIPPED
from upload.problems import UploadError, _and_list, _size

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
WORKBOOK_SIGNATURES = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")  # XLSX/ODS (zip), old Excel (OLE)


def is_workbook(raw: bytes, file_name: str) -> bool:
    """True for a workbook, by its first bytes or its name.

    >>> is_workbook(b"PK\\x03\\x04...", "x.csv"), is_workbook(b"a,b", "x.ods"), is_workbook(
    ...     b"a,b", "x.csv")
    (True, True, False)
    """
    return raw.startswith(WORKBOOK_SIGNATURES) or file_name.lower().endswith(WORKBOOK_SUFFIXES)


def sheet_names(raw: bytes) -> list[str]:
    """The names of a workbook's sheets, in order."""
    return list(_open(raw).sheet_names)


def _open(raw: bytes) -> CalamineWorkbook:
    """The workbook, after checking that a zip does not unpack to more than MAX_UNZIPPED."""
    if raw.startswith(b"PK"):
        try:
            unpacked = sum(info.file_size for info in zipfile.ZipFile(io.BytesIO(raw)).infolist())
        except (zipfile.BadZipFile, ValueError, OSError):
            raise UploadError(_unreadable()) from None
        if unpacked > MAX_UNZIPPED:
            raise UploadError(f"This workbook unpacks to {_size(unpacked)}, more than the "
                              f"{_size(MAX_UNZIPPED)} this page reads. Save the sheet you need "
                              "on its own, or as CSV.")
    try:
        return CalamineWorkbook.from_filelike(io.BytesIO(raw))
    except Exception:  # calamine raises its own types for every kind of broken file
        raise UploadError(_unreadable()) from None


def _unreadable() -> str:
    return ("This file looks like a spreadsheet, but it could not be opened as an Excel "
            "(.xlsx, .xls) or OpenDocument (.ods) workbook. Open it in your spreadsheet and "
            "save it again, or choose Save as → CSV UTF-8.")


def _cell(value: object) -> str:
    """A cell as text: whole numbers without ".0", dates as ISO dates, blanks as "".

    >>> [_cell(v) for v in (3.0, 2.5, "", None, True, dt.date(2024, 5, 1), " x ")]
    ['3', '2.5', '', '', 'TRUE', '2024-05-01', ' x ']
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 2**53 else repr(value)
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    return str(value)


def read_workbook(raw: bytes, file_name: str, sheet: str | None) -> tuple[pd.DataFrame, str]:
    """Row 1 and the data rows of ``sheet`` (the first when None) as text, and the sheet's
    name. Raises UploadError for a broken workbook, an unknown sheet or too many columns."""
    book = _open(raw)
    names = list(book.sheet_names)
    if not names:
        raise UploadError("This workbook has no sheets.")
    if sheet is None:
        sheet = names[0]
    elif sheet not in names:
        raise UploadError(f"This workbook has no sheet {sheet!r}. Its sheets are "
                          f"{_and_list([repr(n) for n in names])}.")
    try:
        grid = book.get_sheet_by_name(sheet)
        if grid.width > MAX_COLUMNS:
            raise UploadError(f"The sheet {sheet!r} has {grid.width:,} columns, more than the "
                              f"{MAX_COLUMNS:,} this page reads. Keep only the columns you need.")
        rows = grid.to_python(skip_empty_area=False, nrows=MAX_ROWS + 2)
    except UploadError:
        raise
    except Exception:
        raise UploadError(_unreadable()) from None
    if not rows:
        raise UploadError(f"The sheet {sheet!r} is empty.")
    width = max(len(row) for row in rows)
    texts = [[_cell(v) for v in row] + [""] * (width - len(row)) for row in rows]
    return pd.DataFrame(texts, dtype="str"), sheet
