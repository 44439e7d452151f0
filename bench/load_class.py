"""A class at once: N browser sessions open every page of one server at the same time.

Run from the repository root: ``python -m bench.load_class [--sessions 20]``.
Starts its own server on 127.0.0.1, talks to nothing else (every other request is aborted),
bounds every wait, stops the server itself, and prints p50/p95 page times, errors and server
memory before and after. Exit status 1 if any page failed to draw or showed an error.

The simulated students' browsers run on the same machine as the server, so on a small
machine the page times mostly measure twenty tabs drawing charts on shared cores: an upper
bound for a real class, where each student's own computer draws their charts. The time
until each page's run is finished is printed too, closer to what the server alone costs.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from playwright.async_api import async_playwright

from bench.bench_pages import ROOT, rss_mb
from tools.app_server import (
    APP_FINISHED,
    CHARTS_SETTLED,
    CHROMIUM_ARGS,
    EXCEPTION,
    SKELETON,
    VIEWPORT,
    chromium_path,
    is_offsite,
    page_url,
    start_server,
    stop_server,
)
from ui.navigation import PAGES

# Twenty Chromium tabs drawing Vega charts share this machine's cores with the server, so a
# page can take well over a minute to draw here (measured: max 119 s on 2 cores). The bound
# is generous so a slow machine reports its times instead of failing.
PAGE_TIMEOUT_MS = 300_000


@dataclass
class SessionLog:
    """What one simulated student saw: time per page and any problem."""

    times_ms: list[float] = field(default_factory=list)  # until every chart is drawn
    finished_ms: list[float] = field(default_factory=list)  # until the server's run is shown
    problems: list[str] = field(default_factory=list)


async def visit(context, url: str, log: SessionLog) -> None:
    """Open ``url`` in a new tab; record the time until every chart is drawn, or the error."""
    page = await context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        start = time.perf_counter()
        await page.goto(url, wait_until="commit", timeout=PAGE_TIMEOUT_MS)
        await page.locator(APP_FINISHED).wait_for(state="attached", timeout=PAGE_TIMEOUT_MS)
        await page.locator(SKELETON).first.wait_for(state="detached", timeout=PAGE_TIMEOUT_MS)
        log.finished_ms.append((time.perf_counter() - start) * 1000)
        await page.wait_for_function(CHARTS_SETTLED, timeout=PAGE_TIMEOUT_MS)
        log.times_ms.append((time.perf_counter() - start) * 1000)
        if await page.locator(EXCEPTION).count():
            errors.append("exception shown on the page")
    except Exception as error:  # a timeout or crash is a result to report, not to raise
        errors.append(f"{type(error).__name__}: {str(error).splitlines()[0]}")
    finally:
        await page.close()
    log.problems += [f"{url}: {e}" for e in errors]


async def student(browser, base_url: str) -> SessionLog:
    """One session visiting every page in turn, offline (off-machine requests aborted)."""
    context = await browser.new_context(viewport=VIEWPORT)
    await context.route("**/*", lambda route: asyncio.ensure_future(
        route.abort() if is_offsite(route.request.url) else route.continue_()))
    log = SessionLog()
    for index, spec in enumerate(PAGES):
        await visit(context, page_url(base_url, spec.url_path, default=index == 0), log)
    await context.close()
    return log


async def run_class(base_url: str, sessions: int) -> list[SessionLog]:
    """All sessions at once against one server."""
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=chromium_path(),
                                                   args=CHROMIUM_ARGS)
        logs = await asyncio.gather(*(student(browser, base_url) for _ in range(sessions)))
        await browser.close()
    return list(logs)


def cpu_seconds(pid: int) -> float:
    """User + system CPU time the process has used so far, in seconds (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def percentile(values: list[float], share: float) -> float:
    """The ``share`` quantile (0-1) of ``values``, by the nearest-rank method."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(share * len(ordered)) - 1))]


def main(argv: list[str] | None = None) -> int:
    """Start a server, run the class, print the figures, stop the server."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20)
    args = parser.parse_args(argv)
    server = start_server(ROOT)
    try:
        before, cpu_before = rss_mb(server.process.pid), cpu_seconds(server.process.pid)
        started = time.perf_counter()
        logs = asyncio.run(run_class(server.base_url, args.sessions))
        wall = time.perf_counter() - started
        after, cpu = rss_mb(server.process.pid), cpu_seconds(server.process.pid) - cpu_before
    finally:
        stop_server(server)
    times = [t for log in logs for t in log.times_ms]
    problems = [p for log in logs for p in log.problems]
    expected = args.sessions * len(PAGES)
    print(f"{args.sessions} sessions x {len(PAGES)} pages = {expected} page visits "
          f"in {wall:.1f} s")
    print(f"pages drawn: {len(times)} of {expected}; problems: {len(problems)}")
    if times:
        print(f"page time p50 {statistics.median(times):.0f} ms, "
              f"p95 {percentile(times, 0.95):.0f} ms, max {max(times):.0f} ms")
    finished = [t for log in logs for t in log.finished_ms]
    if finished:
        print(f"page run finished (before the browser draws the charts) p50 "
              f"{statistics.median(finished):.0f} ms, p95 {percentile(finished, 0.95):.0f} ms")
    print(f"server memory before {before:.0f} MB, after {after:.0f} MB; server CPU time "
          f"{cpu:.1f} s in {wall:.0f} s ({cpu / wall:.0%} of one core; the rest went to the "
          "browsers on the same machine)")
    for problem in problems[:10]:
        print("  problem:", problem)
    return 0 if not problems and len(times) == expected else 1


if __name__ == "__main__":
    sys.exit(main())
