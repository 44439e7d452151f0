"""The projector's delay at 200 students: from a student's answer reaching the store to the
new count on the teacher's screen in a real browser.

Run from the repository root: ``python -m bench.live_delay [--students 200] [--samples 20]``.
Starts its own server on 127.0.0.1 with a SQLite store in a temporary folder (or the store
``LIVE_CLASS_STORE`` names, e.g. a redis:// URL), seats the students through the engine, opens
the projector in headless Chromium at 1280x720, answers for all but ``samples`` students at
once, then answers one at a time and times each until the projector's *Answered* shows it.
The projector asks for the room once a second, so the delay is that wait plus one run; each
timed answer is sent at a random moment of the second, as a class's answers arrive.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from classroom import live_class
from classroom.live_class import PromptRecord
from classroom.live_prompts import find_prompt
from data.load import load_tables
from tools.app_server import CHROMIUM_ARGS, chromium_path, start_server, stop_server

ROOT = Path(__file__).resolve().parent.parent
ANSWERED = """n => [...document.querySelectorAll('[data-testid=stMetric]')].some(
  m => m.innerText.includes('Answered') && m.innerText.trim().endsWith(String(n)))"""


def seat_class(store, students: int) -> tuple[str, str, list[str], PromptRecord]:
    """A class with ``students`` seats and a prompt open: (code, host, seats, prompt)."""
    now = time.time()
    code, host = live_class.start_class(store, now)
    seats = [live_class.join(store, code, None, "", f"bench-{i}", now) for i in range(students)]
    p = find_prompt(load_tables(), "top:nci:colon")
    prompt = PromptRecord(p.pid, p.text, p.options, p.answer, p.answer_by)
    live_class.set_prompt(store, code, host, prompt, now)
    return code, host, seats, prompt


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--students", type=int, default=200)
    parser.add_argument("--samples", type=int, default=20)
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="wcs-live-bench-")
    os.environ.setdefault("LIVE_CLASS_STORE", f"sqlite:///{folder}/live.sqlite3")
    store = live_class.open_store()
    code, host, seats, prompt = seat_class(store, args.students)
    server = start_server(ROOT)
    delays = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium_path(),
                                                 args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 720})
            page.goto(f"{server.base_url}/live_class?live={code}&host={host}")
            page.wait_for_function(ANSWERED, arg=0, timeout=60_000)
            bulk = args.students - args.samples
            started = time.perf_counter()
            for seat in seats[:bulk]:
                live_class.answer(store, code, seat, 1, prompt.options[0], seat, time.time())
            per_second = bulk / (time.perf_counter() - started)
            page.wait_for_function(ANSWERED, arg=bulk, timeout=60_000)
            for index, seat in enumerate(seats[bulk:], start=bulk + 1):
                time.sleep(random.uniform(0, 1))  # an answer lands at any moment of a tick
                sent = time.perf_counter()
                live_class.answer(store, code, seat, 1, prompt.options[-1], seat, time.time())
                page.wait_for_function(ANSWERED, arg=index, timeout=30_000, polling=20)
                delays.append(time.perf_counter() - sent)
            browser.close()
    finally:
        stop_server(server)
    delays.sort()
    print(f"store: {os.environ['LIVE_CLASS_STORE'].split(':')[0]}; {args.students} students; "
          f"{bulk} answers written one by one at {per_second:.0f} answers/s")
    print(f"answer -> count on the projector ({len(delays)} samples): "
          f"median {statistics.median(delays):.2f} s, p95 "
          f"{delays[int(0.95 * (len(delays) - 1))]:.2f} s, max {delays[-1]:.2f} s")


if __name__ == "__main__":
    main()
