"""Judging an .xlsx or .ods workbook from its zip's parts, streamed, before any reader builds
a grid. No Streamlit here.

A workbook is a zip of XML parts, so its size on upload says little about what reading it
costs: 1.8 KB can name cell XFD1048576 (a reader then asks for a grid of 17 billion cells),
and 950 KB can unpack to 390 MB of shared strings. So every part is read here a chunk at a
time (never whole) and measured: how many parts, what they unpack to, the farthest cell any
sheet declares or uses, how many shared strings. A refusal names the limit. What no check
here foresees is caught by the capped child process that then reads the file
(:mod:`upload.workbook_child`).
"""

from __future__ import annotations

import hashlib
import io
import itertools
import math
import re
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from upload.limits import (
    CHECK_SECONDS,
    MAX_COLUMNS,
    MAX_SHARED_STRING_BYTES,
    MAX_SHARED_STRINGS,
    MAX_UNZIPPED,
    MAX_WORKBOOK_CELLS,
    MAX_ZIP_PARTS,
)
from upload.problems import UploadError, _size

CHUNK = 1 << 20  # 1 MB of unpacked XML at a time
_ROOT = re.compile(rb"<(?:[\w.-]+:)?([\w.-]+)[\s/>]")
_TAG = re.compile(rb"<(?:[\w.-]+:)?(row|c|dimension)\b([^>]*)>")
_REF = re.compile(rb'\b(?:r|ref)="\$?([A-Za-z]{0,3})\$?([0-9]{0,10})'
                  rb'(?::\$?([A-Za-z]{0,3})\$?([0-9]{0,10}))?"')
# The fast path: unprefixed tags, every one with its reference (what spreadsheets write).
_CELL_REF = re.compile(rb'<c [^>]*?\br="\$?([A-Za-z]{1,3})\$?([0-9]{1,10})"')
_ROW_REF = re.compile(rb'<row [^>]*?\br="([0-9]{1,10})"')
_DIMENSION = re.compile(rb"<(?:[\w.-]+:)?dimension\b([^>]*)>")
_UNIQUE_COUNT = re.compile(rb'\buniqueCount="([0-9]{1,20})"')
_SAVE_SMALLER = "Save the sheet you need on its own, or save it as CSV."


@dataclass
class Extent:
    """The farthest row and column a sheet part declares or uses (1-based; 0 = none yet),
    read tag by tag: a row or cell without a reference follows the one before it."""

    rows: int = 0
    columns: int = 0
    row: int = 0
    column: int = 0

    def add_tag(self, name: bytes, attributes: bytes) -> None:
        """Take one <row>, <c> or <dimension> tag into account."""
        ref = _REF.search(attributes)
        letters, number = (ref.group(1), ref.group(2)) if ref else (b"", b"")
        if name == b"row":
            self.row = int(number) if number else self.row + 1
            self.column = 0
        elif name == b"c":
            self.column = column_number(letters) if letters else self.column + 1
            self.row = int(number) if number else max(self.row, 1)
        elif ref:  # <dimension ref="A1:XFD1048576">: what the sheet says it spans
            self.rows = max(self.rows, int(ref.group(4) or number or 0))
            self.columns = max(self.columns, column_number(ref.group(3) or letters))
            return
        self.rows, self.columns = max(self.rows, self.row), max(self.columns, self.column)


def column_number(letters: bytes) -> int:
    """A spreadsheet column's number from its letters.

    >>> column_number(b"A"), column_number(b"Z"), column_number(b"AA"), column_number(b"XFD")
    (1, 26, 27, 16384)
    """
    number = 0
    for letter in letters.upper():
        number = number * 26 + letter - 64
    return number


def column_letters(number: int) -> str:
    """A spreadsheet column's letters from its number.

    >>> column_letters(1), column_letters(27), column_letters(16384)
    ('A', 'AA', 'XFD')
    """
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _chunks(book: zipfile.ZipFile, info: zipfile.ZipInfo) -> Iterator[bytes]:
    """A part's unpacked bytes, a chunk at a time; zipfile stops at the declared size."""
    with book.open(info) as part:
        while chunk := part.read(CHUNK):
            yield chunk


def _whole_tags(chunks: Iterator[bytes], deadline: float = math.inf) -> Iterator[bytes]:
    """The chunks again, each cut after its last whole tag: a tag cut in two by a chunk's
    end is carried into the next chunk (a "tag" longer than 4 KB is not carried). Refuses
    the file once ``deadline`` (a monotonic time) has passed."""
    carry = b""
    for chunk in chunks:
        if time.monotonic() > deadline:
            raise UploadError(f"Checking this workbook took longer than the {CHECK_SECONDS} "
                              f"seconds this page allows. {_SAVE_SMALLER}")
        text = carry + chunk
        cut = text.rfind(b"<")
        if cut < 0 or text.find(b">", cut) >= 0 or len(text) - cut >= 4096:
            cut = len(text)
        yield text[:cut]
        carry = text[cut:]
    if carry:
        yield carry


def sheet_extent(open_part: Callable[[], Iterator[bytes]], deadline: float = math.inf
                 ) -> Extent:
    """The farthest row and column of one sheet part, read from ``open_part()`` (its chunks).

    Files from real spreadsheets give every row and cell its reference ("B7") and no
    namespace prefix, so the farthest is read off all references at once; otherwise the part
    is opened again and read tag by tag, in order. Past ``deadline`` (a monotonic time) the
    check gives up with a refusal.

    >>> part = b'<dimension ref="A1:C9"/><row r="2"><c r="B2"/><c/></row>'
    >>> e = sheet_extent(lambda: iter([part]))
    >>> e.rows, e.columns
    (9, 3)
    >>> halves = [b'<row r="1"><c r="A1"/></row><row r="9"><c r="J1048', b'576"/></row>']
    >>> e = sheet_extent(lambda: iter(halves))
    >>> e.rows, e.columns
    (1048576, 10)
    """
    extent = Extent()
    for text in _whole_tags(open_part(), deadline):
        cells, rows = _CELL_REF.findall(text), _ROW_REF.findall(text)
        if (len(cells) != sum(text.count(tag) for tag in (b"<c ", b"<c>", b"<c/>"))
                or len(rows) != text.count(b"<row ") + text.count(b"<row>")):
            return _extent_in_order(_whole_tags(open_part(), deadline))
        for dimension in _DIMENSION.findall(text):
            extent.add_tag(b"dimension", dimension)
        if cells:
            letters = {cell[0].upper() for cell in cells}
            extent.columns = max(extent.columns, *map(column_number, letters))
            extent.rows = max(extent.rows, max(int(cell[1]) for cell in cells))
        if rows:
            extent.rows = max(extent.rows, max(map(int, rows)))
    return extent


def _extent_in_order(texts: Iterator[bytes]) -> Extent:
    """The extent read tag by tag, for a part where some row or cell has no reference."""
    extent = Extent()
    for text in texts:
        for match in _TAG.finditer(text):
            extent.add_tag(match.group(1), match.group(2))
    return extent


def _refuse_extent(extent: Extent) -> None:
    """Refuse a sheet wider than the page reads, or whose grid has too many cells."""
    letters = column_letters(extent.columns)
    far = f"{letters}{extent.rows}"
    if extent.columns > MAX_COLUMNS:
        raise UploadError(f"A sheet in this workbook reaches column {letters} (cell {far}): "
                          f"that is {extent.columns:,} columns, more than the "
                          f"{MAX_COLUMNS:,} this page reads. {_SAVE_SMALLER}")
    cells = extent.rows * extent.columns
    if cells > MAX_WORKBOOK_CELLS:
        raise UploadError(f"A sheet in this workbook reaches cell {far}: a grid of {cells:,} "
                          f"cells, more than the {MAX_WORKBOOK_CELLS:,} this page reads from a "
                          f"workbook. {_SAVE_SMALLER} A CSV file may have up to 2,000,000 rows.")


def _check_shared_strings(info: zipfile.ZipInfo, chunks: Iterator[bytes], head: bytes) -> None:
    """Refuse a shared-strings part too big to unpack, or declaring or holding too many."""
    if info.file_size > MAX_SHARED_STRING_BYTES:
        raise UploadError(f"This workbook's text cells unpack to {_size(info.file_size)}, more "
                          f"than the {_size(MAX_SHARED_STRING_BYTES)} this page reads. "
                          + _SAVE_SMALLER)
    declared = max((int(n) for n in _UNIQUE_COUNT.findall(head[:4096])), default=0)
    held = sum(chunk.count(b"<si>") + chunk.count(b"<si ") for chunk in chunks)
    if max(declared, held) > MAX_SHARED_STRINGS:
        raise UploadError(f"This workbook holds {max(declared, held):,} different texts, more "
                          f"than the {MAX_SHARED_STRINGS:,} this page reads. " + _SAVE_SMALLER)


def _open_zip(raw: bytes) -> zipfile.ZipFile:
    """The zip, or the plain "could not be opened" refusal."""
    try:
        return zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        raise UploadError(unreadable()) from None


def unreadable() -> str:
    """What to say about a workbook that no reader can open."""
    return ("This file looks like a spreadsheet, but it could not be opened as an Excel "
            "(.xlsx, .xls) or OpenDocument (.ods) workbook. Open it in your spreadsheet and "
            "save it again, or choose Save as → CSV UTF-8.")


_PASSED: dict[bytes, None] = {}  # digests of the last few workbooks that passed (no content)
_PASSED_KEPT = 16


def check_zip_workbook(raw: bytes) -> None:
    """:func:`check_parts`, once per workbook: reading one upload asks for its sheet names and
    then its sheet, each through the capped reader, and the check (about 2 s for a workbook at
    the cell limit) would otherwise run each time. Only the SHA-256 digests of the last
    16 workbooks that passed are kept, never their content."""
    digest = hashlib.sha256(raw).digest()
    if digest in _PASSED:
        return
    check_parts(raw)
    _PASSED[digest] = None
    while len(_PASSED) > _PASSED_KEPT:
        _PASSED.pop(next(iter(_PASSED)))


def check_parts(raw: bytes) -> None:
    """Refuse, with the limit named, a zipped workbook (.xlsx, .ods) whose parts are too many
    or unpack to too much, a sheet that declares or uses a cell beyond the limits, or
    shared strings too many or too big. Reads every part a chunk at a time.

    >>> check_parts(b"PK\\x03\\x04 not really a zip")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    upload.problems.UploadError: This file looks like a spreadsheet, but it could not be ...
    """
    book = _open_zip(raw)
    infos = book.infolist()
    if len(infos) > MAX_ZIP_PARTS:
        raise UploadError(f"This workbook is made of {len(infos):,} parts, more than the "
                          f"{MAX_ZIP_PARTS:,} this page reads. {_SAVE_SMALLER}")
    unpacked = sum(info.file_size for info in infos)
    if unpacked > MAX_UNZIPPED:
        raise UploadError(f"This workbook unpacks to {_size(unpacked)}, more than the "
                          f"{_size(MAX_UNZIPPED)} this page reads. {_SAVE_SMALLER}")
    deadline = time.monotonic() + CHECK_SECONDS
    try:
        for info in infos:
            if not info.is_dir():
                _check_part(book, info, deadline)
    except UploadError:
        raise
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, RuntimeError,
            NotImplementedError):  # a lying size, a bad CRC, encryption, an odd method
        raise UploadError(unreadable()) from None


def _check_part(book: zipfile.ZipFile, info: zipfile.ZipInfo, deadline: float) -> None:
    """Check one part by what its root element says it is (not by its name, which the
    workbook's relationships could point anywhere)."""
    chunks = _whole_tags(_chunks(book, info), deadline)
    head = next(chunks, b"")
    root = _ROOT.search(re.sub(rb"<[?!][^>]*>", b"", head[:4096]))
    kind = root.group(1).lower() if root else b""
    if kind == b"sst":
        _check_shared_strings(info, itertools.chain([head], chunks), head)
    elif kind in (b"worksheet", b"dialogsheet", b"macrosheet"):
        _refuse_extent(sheet_extent(lambda: _chunks(book, info), deadline))
    else:
        for _ in chunks:  # read it through, so a lying size or bad CRC is caught here too
            pass
