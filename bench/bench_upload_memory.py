"""What one upload costs the server: its memory and its time, through Streamlit's own upload
path (the HTTP PUT a browser makes, then the page run that reads the file).

Run from the repository root: ``python -m bench.bench_upload_memory [--mb 100]``. For each
file shape a fresh server is started (``streamlit run app.py``, as the README does), one
protocol-level tab (tools/st_client.py) opens Your own data and uploads the file; the
server's resident memory (VmRSS, sampled every 5 ms) is read before, at its peak and after.
Prints a Markdown table; nothing is asserted (figures are measured here, never in timed
tests). The floor from issue #21: no upload may raise the server's memory by more than
300 MB or take more than 10 s of its time.

The shapes are the ones that cost most per byte: many tiny cells (the most cells a file of
that size can hold within the 200-column limit), the longest lines allowed, a realistic
sample-level export, many rows of distinct names, and a workbook at its cell limit.
"""

from __future__ import annotations

import argparse
import io
import threading
import time
from collections.abc import Callable
from pathlib import Path

from tools.app_server import start_server, stop_server
from tools.st_client import ProtocolError, Session
from upload.limits import MAX_COLUMNS, MAX_LINE_CHARS, MAX_NAMES, MAX_ROWS

ROOT = Path(__file__).resolve().parent.parent
MB = 1024 * 1024


def rss_mb(pid: int) -> float:
    """The process's resident memory now, in MB (Linux /proc)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


class PeakWatcher:
    """Samples a process's VmRSS every few milliseconds in a thread; keeps the highest."""

    def __init__(self, pid: int, every: float = 0.005) -> None:
        self.pid, self.every, self.peak = pid, every, 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def _watch(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, rss_mb(self.pid))
            time.sleep(self.every)

    def __enter__(self) -> PeakWatcher:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def fill_to(size: int, header: bytes, line: Callable[[int], bytes], max_rows: int) -> bytes:
    """A CSV of ``header`` and numbered lines, as close to ``size`` bytes as the row limit
    lets it be."""
    out, total, row = io.BytesIO(), len(header), 0
    out.write(header)
    while row < max_rows:
        piece = line(row)
        if total + len(piece) > size:
            break
        out.write(piece)
        total, row = total + len(piece), row + 1
    return out.getvalue()


def tiny_cells(size: int) -> bytes:
    """200 columns of one-character cells: the most cells per byte the limits allow."""
    header = (",".join(f"c{i}" for i in range(MAX_COLUMNS)) + "\n").encode()
    row = (",".join("1" * MAX_COLUMNS) + "\n").encode()
    return fill_to(size, header, lambda _: row, MAX_ROWS)


def long_lines(size: int) -> bytes:
    """Three columns, every line as long as the line limit allows (distinct text)."""
    header = b"primary,site,note\n"
    def line(n: int) -> bytes:
        stem = f"Lung,Bone,{n:09d}"
        return (stem + "x" * (MAX_LINE_CHARS - len(stem) - 2) + "\n").encode()
    return fill_to(size, header, line, MAX_ROWS)


def distinct_names(size: int) -> bytes:
    """The most rows allowed, each with a patient id of its own and names from the limit's
    worth of distinct cancers and sites."""
    header = b"patient,primary,site\n"
    return fill_to(size, header, lambda n: f"P{n:09d},cancer {n % MAX_NAMES},site "
                   f"{(n * 7) % MAX_NAMES}\n".encode(), MAX_ROWS)


def export(size: int) -> bytes:
    """A realistic sample-level export (tests/own_export.py), cut to ``size`` bytes."""
    from tests.own_export import sample_export  # the bench's only use of the test fixture
    text = sample_export(MAX_ROWS).to_csv(index=False).encode()
    end = text.rfind(b"\n", 0, size)
    return text[: end + 1]


def workbook(size: int) -> bytes:
    """An .xlsx at the cell limit: 500,000 rows x 4 columns of numbers (size ignored)."""
    import openpyxl  # written by the bench only; the app reads workbooks with calamine
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("data")
    sheet.append(["primary", "site", "rank", "n"])
    for n in range(499_999):
        sheet.append([f"cancer {n % 50}", f"site {n % 40}", n % 5 + 1, n])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


SHAPES: dict[str, tuple[str, Callable[[int], bytes]]] = {
    "tiny cells (200 columns)": ("tiny.csv", tiny_cells),
    "longest lines": ("long.csv", long_lines),
    "distinct names, most rows": ("names.csv", distinct_names),
    "sample-level export": ("export.csv", export),
    "workbook at the cell limit": ("book.xlsx", workbook),
}


def measure(name: str, data: bytes) -> dict[str, float | str]:
    """Upload ``data`` as ``name`` to a fresh server: memory before, peak, after; seconds."""
    server = start_server(ROOT)
    try:
        tab = Session(server.base_url, timeout=120)
        first = tab.open("own_data")
        time.sleep(1.0)
        before = rss_mb(server.process.pid)
        started = time.monotonic()
        outcome = "read"
        with PeakWatcher(server.process.pid) as watch:
            try:
                run = tab.upload(first, "own_file", name, data,
                                 mime="application/octet-stream")
                if any("could not be read" in t for t in run.texts):
                    outcome = "refused"
            except ProtocolError as error:
                outcome = f"error: {error}"[:60]
        seconds = time.monotonic() - started
        time.sleep(1.0)
        after = rss_mb(server.process.pid)
        tab.close()
        return {"before": before, "peak": watch.peak, "after": after, "seconds": seconds,
                "outcome": outcome}
    finally:
        stop_server(server)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=100, help="size of the CSV files, MB")
    parser.add_argument("--only", default="", help="run only shapes whose name has this")
    args = parser.parse_args()
    size = int(args.mb * MB) - 1024  # just under the limit (the multipart wrapper adds bytes)
    print("| file | size | server before | peak | peak − before | after | seconds | outcome |")
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    for label, (name, make) in SHAPES.items():
        if args.only and args.only not in label:
            continue
        data = make(size)
        got = measure(name, data)
        print(f"| {label} | {len(data) / MB:.1f} MB | {got['before']:.0f} MB | "
              f"{got['peak']:.0f} MB | {got['peak'] - got['before']:.0f} MB | "
              f"{got['after']:.0f} MB | {got['seconds']:.1f} | {got['outcome']} |", flush=True)


if __name__ == "__main__":
    main()
