"""The capacity bench still runs: five Locust students against one server for a few seconds.

A smoke run, not a measurement (no time is asserted): it keeps ``python -m bench.capacity``
working, since the full run (50, 200 and 500 students) is a benchmark outside CI. It runs in
its own process because Locust patches the standard library for gevent when imported.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.server  # starts servers: tests/run.sh runs it after the fast tests

ROOT = Path(__file__).resolve().parents[1]


def test_capacity_bench_prints_its_table_with_no_error() -> None:
    """Five students join, click and download for a few seconds: a row, zero errors."""
    done = subprocess.run(
        [sys.executable, "-m", "bench.capacity", "--levels", "5", "--join", "2",
         "--steady", "8"], cwd=ROOT, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    rows = [line for line in done.stdout.splitlines() if line.startswith("| 5 |")]
    assert len(rows) == 1, done.stdout
    cells = [cell.strip() for cell in rows[0].strip("|").split("|")]
    assert int(cells[1]) > 0, "no page ran"  # page runs in the steady window
    assert cells[4].startswith("0 / "), rows[0]  # errors / requests
