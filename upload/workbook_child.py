"""Read one workbook in a child process whose memory and time are capped, and print the
result: its sheet names (``names``) or one sheet as CSV text (``sheet``). No Streamlit, no
pandas, no project imports: this file runs as a script, ``python workbook_child.py MODE ...``.

Why a child: python-calamine builds a sheet's whole grid in Rust before Python can look at
it, so a tiny workbook naming a far cell (XFD1048576) asks for 550 GB and aborts the whole
process. :mod:`upload.zipcheck` refuses such shapes from the zip's parts first; this cap is
the second wall, for shapes no check foresaw (old .xls files, OpenDocument repeats). If the
reader asks for more than its cap, only this child dies, and the page says so.

Exit codes the parent reads: 0 done; 3 no such sheet; 4 too many columns; 5 unreadable;
6 out of memory (a Python MemoryError; a failed allocation in Rust aborts the process).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import resource
import sys

NO_SUCH_SHEET, TOO_WIDE, UNREADABLE, OUT_OF_MEMORY = 3, 4, 5, 6


def cap(memory_bytes: int, cpu_seconds: int) -> None:
    """Cap this process's address space and CPU time (the kernel enforces both)."""
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))


def cell_text(value: object) -> str:
    """A cell as text: whole numbers without ".0", dates as ISO dates, blanks as "".

    >>> [cell_text(v) for v in (3.0, 2.5, "", None, True, dt.date(2024, 5, 1), " x ")]
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


def write_sheet(book, sheet: str, max_columns: int, max_rows: int, out) -> int:
    """Write ``sheet`` as CSV to ``out``, a row at a time, up to ``max_rows`` rows; the
    exit code."""
    if sheet not in book.sheet_names:
        return NO_SUCH_SHEET
    grid = book.get_sheet_by_name(sheet)
    # iter_rows starts at row 1 but at the first column used: pad, so columns keep their
    # places as the spreadsheet shows them.
    blank_columns = [""] * (grid.start[1] if grid.start else 0)
    if len(blank_columns) + grid.width > max_columns:
        print(len(blank_columns) + grid.width, file=sys.stderr)
        return TOO_WIDE
    writer = csv.writer(out, lineterminator="\n")
    for index, row in enumerate(grid.iter_rows()):
        if index >= max_rows:
            break
        writer.writerow(blank_columns + [cell_text(value) for value in row])
    return 0


def main(argv: list[str]) -> int:
    """``names MEMORY SECONDS`` or ``sheet MEMORY SECONDS NAME MAX_COLUMNS MAX_ROWS``, with
    the workbook's bytes on standard input."""
    mode, memory, seconds = argv[0], int(argv[1]), int(argv[2])
    cap(memory, seconds)
    from python_calamine import CalamineWorkbook  # after the cap: its memory counts too

    raw = sys.stdin.buffer.read()
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(raw))
        out = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="")
        if mode == "names":
            json.dump(list(book.sheet_names), out)
            code = 0
        else:
            code = write_sheet(book, argv[3], int(argv[4]), int(argv[5]), out)
        out.flush()
        return code
    except MemoryError:
        return OUT_OF_MEMORY
    except Exception:  # calamine raises its own types for every kind of broken file
        return UNREADABLE


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
