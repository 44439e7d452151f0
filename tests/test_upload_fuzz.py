"""Fuzzing uploads: generated CSV files and workbooks of every shape, from ordinary to
hostile, are each read or refused in plain words, within the issue's floor of time and
memory for one upload (10 s, 300 MB), and never raise anything else.

Bounded (a fixed number of examples, derandomized under CI by tests/conftest.py) so the
fast stage stays fast. Memory is the process's peak resident size (VmHWM), reset before each
file through /proc/self/clear_refs, so a transient peak counts, not only what is kept.
"""

from __future__ import annotations

import io
import time

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.test_workbook_walls import _xlsx
from upload.limits import release_memory
from upload.problems import UploadError
from upload.read import read_table

SECONDS_PER_UPLOAD = 10  # issue #21's floor for one upload
MEMORY_PER_UPLOAD_MB = 300

CELL = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["Lung", " Bone ", "liver", "", "1", "2,5", '"quoted, cell"', '"open',
                     "=SUM(A1)", "x" * 500, "Ω", "😀", "\t", ";", "|"]),
    st.integers(-10, 10**6).map(str),
)
SHAPE = st.tuples(st.integers(1, 260), st.integers(0, 60), st.integers(1, 400))


def _peak_mb() -> float:
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM")) / 1024


def _rss_mb() -> float:
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS")) / 1024


def read_within_floor(raw: bytes, name: str) -> None:
    """Read ``raw`` as an upload named ``name``: a table or a plain refusal, never another
    error, within the time and memory floor."""
    release_memory()
    with open("/proc/self/clear_refs", "w") as reset:
        reset.write("5")  # the peak starts again from now
    before = _rss_mb()
    started = time.perf_counter()
    try:
        frame = read_table(raw, name)
        assert frame.shape[1] <= 200 and len(frame) > 0
    except UploadError as refusal:
        assert str(refusal).strip() and "Traceback" not in str(refusal)
    seconds = time.perf_counter() - started
    grew = _peak_mb() - before
    release_memory()
    assert seconds < SECONDS_PER_UPLOAD, f"{name}: {seconds:.1f} s"
    assert grew < MEMORY_PER_UPLOAD_MB, f"{name}: peak {grew:.0f} MB over the start"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(shape=SHAPE, cells=st.lists(CELL, min_size=1, max_size=40),
       sep=st.sampled_from([",", ";", "\t", "|"]), end=st.sampled_from(["\n", "\r\n", "\r"]),
       bom=st.booleans(), tail=st.binary(max_size=8), name=st.sampled_from(
           ["t.csv", "t.tsv", "t.txt", "t.xlsx", "t.ods"]))
def test_any_text_file_is_read_or_refused_within_the_floor(shape, cells, sep, end, bom, tail,
                                                           name):
    """Up to 260 columns, 60 distinct rows repeated up to 400 times (a few MB), any cells,
    separators, line ends, a byte-order mark, stray bytes at the end, any file name."""
    columns, distinct, repeat = shape
    header = sep.join(f"col{n}" for n in range(columns))
    rows = [sep.join(cells[(r + c) % len(cells)] for c in range(columns))
            for r in range(distinct)]
    text = end.join([header, *(rows * repeat)]) + end
    raw = (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8") + tail
    read_within_floor(raw, name)


FAR_COLUMNS = ["A", "J", "Z", "AA", "GR", "GS", "ZZ", "XFD"]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(column=st.sampled_from(FAR_COLUMNS), row=st.integers(2, 1_048_576),
       strings=st.integers(0, 5_000), string_size=st.integers(1, 2_000),
       dimension=st.booleans())
def test_any_hand_built_workbook_is_read_or_refused_within_the_floor(column, row, strings,
                                                                   string_size, dimension):
    """A workbook with one value anywhere on the sheet (up to XFD1048576), any number of
    shared strings of any length, its grid declared or not."""
    cell = f"{column}{row}"
    body = f'<row r="{row}"><c r="{cell}" t="s"><v>0</v></c></row>'
    raw = _xlsx(body, ["s" * string_size] * max(strings, 1),
                dimension=f"A1:{cell}" if dimension else "")
    read_within_floor(raw, "book.xlsx")


# Text a spreadsheet can hold: no control characters (openpyxl refuses them, as Excel does).
SHEET_TEXT = st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=10)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(columns=st.integers(1, 230), rows=st.integers(1, 600),
       cells=st.lists(st.one_of(SHEET_TEXT, st.floats(allow_nan=False),
                                st.integers(), st.none(), st.dates()), min_size=1, max_size=20))
def test_any_real_workbook_is_read_or_refused_within_the_floor(columns, rows, cells):
    """A workbook saved by a real writer (openpyxl), of any width and length."""
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("data")
    sheet.append([f"col{n}" for n in range(columns)])
    for r in range(rows):
        sheet.append([cells[(r + c) % len(cells)] for c in range(columns)])
    out = io.BytesIO()
    book.save(out)
    read_within_floor(out.getvalue(), "book.xlsx")


@pytest.mark.parametrize("name", ["t.csv", "t.xlsx"])
def test_the_floor_catches_a_reader_that_breaks_it(monkeypatch, name):
    """The check itself can fail: a reader that holds 400 MB breaks the memory floor."""
    def greedy(raw, file_name, options=None):
        hog = bytearray(400 * 1024 * 1024)
        hog[::4096] = b"x" * len(hog[::4096])  # touch every page, so it is resident
        raise UploadError("refused")
    monkeypatch.setattr(f"{__name__}.read_table", greedy)
    with pytest.raises(AssertionError, match="peak"):
        read_within_floor(b"a,b\n1,2\n", name)
