"""Page speed and server memory, measured side by side with a bare one-line Streamlit page.

Run from the repository root: ``python -m bench.bench_pages [--reruns 20] [--visits 5]``.
Prints a Markdown table; nothing is asserted (speed is measured here, never in tests).

- AppTest warm rerun: median of ``--reruns`` reruns of each page after a first run.
- Browser: median time from navigation until the script run is over and every chart is
  drawn, in headless Chromium, over ``--visits`` fresh tabs per page.
- Cold start: from launching the server process until the first page is drawn.
- Memory: resident set size of the server after every page has been visited.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from playwright.sync_api import sync_playwright
from streamlit.testing.v1 import AppTest

from tools.app_server import (
    CHARTS_SETTLED,
    CHROMIUM_ARGS,
    VIEWPORT,
    chromium_path,
    page_url,
    start_server,
    stop_server,
    wait_until_finished,
)
from ui.navigation import PAGES

ROOT = Path(__file__).resolve().parent.parent
BARE_APP = 'import streamlit as st\n\nst.write("Hello")\n'
FLOORS = {"rerun": 10.0, "drawn": 2.5, "memory_mb": 300.0}


def bare_app_dir() -> Path:
    """A temporary folder holding the one-line floor app."""
    folder = Path(tempfile.mkdtemp(prefix="bench-bare-"))
    (folder / "app.py").write_text(BARE_APP, encoding="utf-8")
    return folder


def median_rerun_ms(app_file: Path, page: str | None, reruns: int,
                    prepare: Callable[[AppTest], None] | None = None) -> float:
    """Median wall time of a warm AppTest rerun of ``page`` (or of the app itself);
    ``prepare`` may set session state after the first run (an upload, say)."""
    at = AppTest.from_file(str(app_file), default_timeout=120)
    at.run()
    if prepare:
        prepare(at)
    if page:
        at.switch_page(page).run()
    times = []
    for _ in range(reruns):
        start = time.perf_counter()
        at.run()
        times.append((time.perf_counter() - start) * 1000)
    if at.exception:
        raise RuntimeError(f"{page or app_file}: {at.exception[0].value}")
    return statistics.median(times)


def drawn_ms(browser, url: str) -> float:
    """Time from navigation in a fresh tab until the run is over and every chart is drawn."""
    page = browser.new_page(viewport=VIEWPORT)
    try:
        start = time.perf_counter()
        page.goto(url, wait_until="commit")
        wait_until_finished(page)
        page.wait_for_function(CHARTS_SETTLED, timeout=30_000)
        return (time.perf_counter() - start) * 1000
    finally:
        page.close()


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children, in MB (Linux /proc)."""
    total_kb = 0
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":", 1) for line in status.read_text().splitlines()
                          if ":" in line)
        except OSError:
            continue
        pids = {fields.get("Pid", "").strip(), fields.get("PPid", "").strip()}
        if str(pid) in pids and "VmRSS" in fields:
            total_kb += int(fields["VmRSS"].split()[0])
    return total_kb / 1024


def browser_figures(browser, visits: int) -> tuple[dict[str, float], float, float, float]:
    """Per-page drawn times, the bare page's, cold start and server memory after visits."""
    launched = time.perf_counter()
    server = start_server(ROOT)
    drawn_ms(browser, page_url(server.base_url, "", default=True))
    cold = (time.perf_counter() - launched) * 1000
    bare = start_server(bare_app_dir())
    try:
        bare_ms = statistics.median(drawn_ms(browser, bare.base_url) for _ in range(visits))
        pages = {spec.title: statistics.median(
            drawn_ms(browser, page_url(server.base_url, spec.url_path, default=index == 0))
            for _ in range(visits)) for index, spec in enumerate(PAGES)}
        return pages, bare_ms, cold, rss_mb(server.process.pid)
    finally:
        stop_server(server)
        stop_server(bare)


def table(reruns: dict[str, float], bare_rerun: float, drawn: dict[str, float],
          bare_drawn: float) -> str:
    """The per-page Markdown table with ratios to the bare page and the floors met or not."""
    lines = ["| page | warm rerun (ms) | × bare | drawn in Chromium (ms) | × bare |",
             "|---|---:|---:|---:|---:|",
             f"| bare one-line page | {bare_rerun:.1f} | 1.0 | {bare_drawn:.0f} | 1.0 |"]
    for title in reruns:
        r, d = reruns[title] / bare_rerun, drawn[title] / bare_drawn
        lines.append(f"| {title} | {reruns[title]:.1f} | {r:.1f}"
                     f"{'' if r <= FLOORS['rerun'] else ' ✗'} | {drawn[title]:.0f} | {d:.2f}"
                     f"{'' if d <= FLOORS['drawn'] else ' ✗'} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    """Measure and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reruns", type=int, default=20)
    parser.add_argument("--visits", type=int, default=5)
    args = parser.parse_args(argv)
    bare = bare_app_dir() / "app.py"
    bare_rerun = median_rerun_ms(bare, None, args.reruns)
    reruns = {spec.title: median_rerun_ms(ROOT / "app.py", spec.file, args.reruns)
              for spec in PAGES}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(),
                                             args=CHROMIUM_ARGS)
        drawn, bare_drawn, cold, memory = browser_figures(browser, args.visits)
        browser.close()
    print(f"Measured {date.today()} on {platform.node()} ({platform.machine()}, "
          f"Python {platform.python_version()}), reruns={args.reruns}, visits={args.visits}\n")
    print(table(reruns, bare_rerun, drawn, bare_drawn))
    print(f"\nCold start to first page drawn: {cold / 1000:.1f} s")
    print(f"Server memory after every page was visited: {memory:.0f} MB "
          f"(floor {FLOORS['memory_mb']:.0f} MB)")
    print(f"Floors: rerun within {FLOORS['rerun']:.0f}× the bare page, drawn within "
          f"{FLOORS['drawn']}× the bare page; ✗ marks a page that misses one.")


if __name__ == "__main__":
    main()
