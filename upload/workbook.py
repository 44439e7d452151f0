"""Reading the first sheet (or a chosen one) of an Excel or OpenDocument workbook as rows of
text. No Streamlit here.

Two walls stand between a workbook and the server's memory. A zipped workbook (.xlsx, .ods)
is first judged from its parts, streamed (:mod:`upload.zipcheck`): a refusal names the limit.
Then python-calamine (a reader in Rust: it never runs macros or formulas, only reads the
values a spreadsheet last saved) reads it in a child process whose memory and CPU time are
capped (:mod:`upload.workbook_child`), so a shape no check foresaw ends that child, never
the server and the other students' sessions. The child hands back CSV text, which is then
read like any uploaded CSV (the same row, column and line limits).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from upload import workbook_child as child
from upload.limits import MAX_COLUMNS, MAX_ROWS, READER_MEMORY, READER_SECONDS
from upload.problems import UploadError, _and_list, _size
from upload.zipcheck import check_zip_workbook, unreadable

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
WORKBOOK_SIGNATURES = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")  # XLSX/ODS (zip), old Excel (OLE)
_CHILD = Path(child.__file__).resolve()
_WALL_SECONDS = READER_SECONDS + 1  # CPU time is the cap; this catches a child that waits


def is_workbook(raw: bytes, file_name: str) -> bool:
    """True for a workbook, by its first bytes or its name.

    >>> is_workbook(b"PK\\x03\\x04...", "x.csv"), is_workbook(b"a,b", "x.ods"), is_workbook(
    ...     b"a,b", "x.csv")
    (True, True, False)
    """
    return raw.startswith(WORKBOOK_SIGNATURES) or file_name.lower().endswith(WORKBOOK_SUFFIXES)


def _too_costly() -> str:
    """What to say when the capped reader ran out of memory or time."""
    return (f"Reading this workbook needed more than the {_size(READER_MEMORY)} of memory or "
            f"{READER_SECONDS} seconds this page allows for one file, so it was stopped (nothing "
            "else was affected). Save the sheet you need on its own, or save it as CSV.")


def run_reader(raw: bytes, *args: str) -> tuple[int, bytes, bytes]:
    """Run the capped child reader on ``raw``: (exit code, output, error output). A child
    killed by its caps (or by the wall-clock limit here) is refused as too costly."""
    if raw.startswith(b"PK"):
        check_zip_workbook(raw)
    command = [sys.executable, "-I", str(_CHILD), args[0], str(READER_MEMORY),
               str(READER_SECONDS), *args[1:]]
    try:
        done = subprocess.run(command, input=raw, capture_output=True, timeout=_WALL_SECONDS,
                              check=False)
    except subprocess.TimeoutExpired:
        raise UploadError(_too_costly()) from None
    if done.returncode < 0 or done.returncode == child.OUT_OF_MEMORY:
        raise UploadError(_too_costly())  # -SIGABRT (Rust), -SIGXCPU/-SIGKILL (CPU time)
    if done.returncode in (1, child.UNREADABLE):
        raise UploadError(unreadable())
    return done.returncode, done.stdout, done.stderr


def sheet_names(raw: bytes) -> list[str]:
    """The names of a workbook's sheets, in order."""
    _, out, _ = run_reader(raw, "names")
    return json.loads(out)


def read_workbook_csv(raw: bytes, sheet: str | None) -> tuple[bytes, str]:
    """``sheet`` (the first when None) as CSV bytes (UTF-8, comma-separated, at most two
    rows past the row limit, so too many rows can still be counted), and the sheet's name.
    Raises UploadError for a broken or too costly workbook, an unknown sheet or too many
    columns."""
    names = sheet_names(raw)
    if not names:
        raise UploadError("This workbook has no sheets.")
    if sheet is None:
        sheet = names[0]
    elif sheet not in names:
        raise UploadError(f"This workbook has no sheet {sheet!r}. Its sheets are "
                          f"{_and_list([repr(n) for n in names])}.")
    code, out, err = run_reader(raw, "sheet", sheet, str(MAX_COLUMNS), str(MAX_ROWS + 2))
    if code == child.NO_SUCH_SHEET:
        raise UploadError(f"This workbook has no sheet {sheet!r}.")
    if code == child.TOO_WIDE:
        width = int(err.split()[-1]) if err.split() else MAX_COLUMNS + 1
        raise UploadError(f"The sheet {sheet!r} has {width:,} columns, more than the "
                          f"{MAX_COLUMNS:,} this page reads. Keep only the columns you need.")
    if code != 0 or not out.strip():
        raise UploadError(f"The sheet {sheet!r} is empty.")
    return out, sheet

