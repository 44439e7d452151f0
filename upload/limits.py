"""Cheap checks that refuse hostile shapes before an upload is parsed, and the memory habits
of a parsed upload (categories, releasing freed memory). No Streamlit here.

A file's size alone does not bound what parsing it costs: 1 MB of commas with no line end is
a million columns. So the first line's column count, the longest line and the UTF-8 check are
read straight from the bytes, a chunk at a time, before pandas sees the file; the number of
different names is checked before any name is folded or matched.
"""

from __future__ import annotations

import codecs
import contextlib
import ctypes
import ctypes.util
import gc

import numpy as np
import pandas as pd

# 25 MB, same as server.maxUploadSize in .streamlit/config.toml: the most that keeps every
# shape of upload within the 300 MB it may cost the server (bench/bench_upload_memory.py:
# Streamlit itself holds a file twice over as it arrives, and reading and counting it adds
# the rest; at 25 MB the costliest shape, 850,000 rows of distinct patient ids, peaks at
# +291 MB; at 50 MB it reached +589 MB).
MAX_BYTES = 25 * 1024 * 1024
MAX_ROWS = 2_000_000
# A workbook is a zip of XML: judged from its parts before any reader builds a grid
# (upload/zipcheck.py), then read in a child process capped in memory and time.
MAX_UNZIPPED = 100 * 1024 * 1024  # all its parts unpacked
MAX_ZIP_PARTS = 1_000
MAX_WORKBOOK_CELLS = 2_000_000  # rows x columns of a sheet's grid, as far as its farthest cell
MAX_SHARED_STRINGS = 1_000_000  # different texts in an .xlsx
MAX_SHARED_STRING_BYTES = 64 * 1024 * 1024  # those texts' XML, unpacked
READER_MEMORY = 320 * 1024 * 1024  # the child reader's whole address space
CHECK_SECONDS = 4  # the streamed check of its parts
READER_SECONDS = 4  # the child reader's CPU time; its wall time is capped a little above
MAX_COLUMNS = 200
MAX_LINE_CHARS = 20_000  # bytes, in fact: a UTF-8 character is one to four of them
MAX_NAMES = 1_000  # different cancer names, and different site names, in one file
CHUNK = 1 << 24  # 16 MB read at a time by the checks below


def limits_sentence(max_bytes: int, max_rows: int) -> str:
    """Every limit an upload must keep, in one sentence for the page.

    >>> limits_sentence(25 * 1024 * 1024, 2_000_000)[:59]
    'Up to 25 MB and 2,000,000 rows, at most 200 columns, 20,000'
    """
    return (f"Up to {max_bytes // 2**20:,} MB and {max_rows:,} rows, at most {MAX_COLUMNS:,} "
            f"columns, {MAX_LINE_CHARS:,} characters on one line, and {MAX_NAMES:,} different "
            "cancer names and site names. A workbook (.xlsx, .ods) may unpack to at most "
            f"{MAX_UNZIPPED // 2**20:,} MB.")


def longest_line(raw: bytes, limit: int = MAX_LINE_CHARS) -> tuple[int, int]:
    """``(length, line number)`` of the first line longer than ``limit`` bytes, else of the
    longest line; a chunk at a time, so a 100 MB file needs no 100 MB copy.

    >>> longest_line(b"ab\\nabcd\\r\\nx"), longest_line(b"a\\n" + b"," * 50, limit=10)
    ((4, 2), (50, 2))
    """
    view = np.frombuffer(raw, dtype=np.uint8)
    longest, where, start, lines = 0, 1, 0, 0
    for offset in range(0, len(view), CHUNK):
        part = view[offset:offset + CHUNK]
        ends = np.flatnonzero((part == 10) | (part == 13)) + offset
        if not len(ends):
            continue
        lengths = np.diff(ends, prepend=start - 1) - 1
        top = int(lengths.argmax())
        if lengths[top] > longest:
            longest, where = int(lengths[top]), lines + top + 1
        if longest > limit:
            return longest, where
        start, lines = int(ends[-1]) + 1, lines + len(ends)
    if len(view) - start > longest:
        longest, where = len(view) - start, lines + 1
    return longest, where


def bad_utf8_at(body: bytes) -> int | None:
    """The offset of the first byte that is not UTF-8, or None; a chunk at a time.

    >>> bad_utf8_at("café".encode()), bad_utf8_at(b"ab\\xffc")
    (None, 2)
    """
    decoder = codecs.getincrementaldecoder("utf-8")()
    view = memoryview(body)
    for offset in range(0, len(view), CHUNK):
        try:
            decoder.decode(view[offset:offset + CHUNK], final=offset + CHUNK >= len(view))
        except UnicodeDecodeError:
            try:  # the exact place: decode again from a little before this chunk
                bytes(view[max(offset - 4, 0):offset + CHUNK]).decode("utf-8")
            except UnicodeDecodeError as error:
                return max(offset - 4, 0) + error.start
    return None


def looks_utf16(raw: bytes) -> bool:
    """True for UTF-16 text ("Unicode text" in some spreadsheets): a UTF-16 byte-order mark,
    or a NUL in every other byte of the start.

    >>> looks_utf16("primary,site".encode("utf-16")), looks_utf16(b"a,b"), looks_utf16(
    ...     "a,b\\n".encode("utf-16-le"))
    (True, False, True)
    """
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return True
    head = raw[:4096]
    half = len(head) // 2
    return half > 0 and max(head[0::2].count(0), head[1::2].count(0)) >= half * 0.9


def compact(column: pd.Series) -> pd.Series:
    """A text column, stripped, as categories: each distinct text is stored once, so a
    column of a few names repeated over millions of rows takes a byte or two a row.

    >>> compact(pd.Series([" Lung", "Lung ", "Bone"])).tolist()
    ['Lung', 'Lung', 'Bone']
    """
    categories = column.astype("category")
    stripped = categories.cat.categories.str.strip()
    if stripped.is_unique:
        return categories.cat.rename_categories(stripped)
    codes, uniques = pd.factorize(stripped)
    merged = np.append(codes, -1)[categories.cat.codes.to_numpy()]  # -1 stays missing
    return pd.Series(pd.Categorical.from_codes(merged, categories=pd.Index(uniques)),
                     index=column.index, name=column.name)


def release_memory() -> None:
    """Hand memory freed by a big upload back to the system (Python's collector, Arrow's
    pool and glibc's heap), so the server does not keep it after the upload is gone."""
    gc.collect()
    try:
        import pyarrow

        pyarrow.default_memory_pool().release_unused()
    except ImportError:  # pragma: no cover - pyarrow comes with Streamlit
        pass
    libc = ctypes.util.find_library("c")
    if libc:
        with contextlib.suppress(OSError, AttributeError):  # not glibc: nothing to trim
            ctypes.CDLL(libc).malloc_trim(0)
