"""The notebooks in a real browser: marimo's own server, started as the README says, draws a
lesson in Chromium, and neither the server nor the page asks anything of the internet."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request

import pytest
from playwright.sync_api import Browser

from tests.conftest import ROOT
from tests.notebook_helpers import guard_env
from tools.app_server import VIEWPORT, free_port, is_offsite

pytestmark = pytest.mark.browser

# (marimo command, notebook, a heading its output shows, whether a chart is drawn)
CASES = [
    ("edit", "01_tidy_tables.py", "Ranks are an order, not percentages", False),
    ("run", "02_heatmap_and_network.py", "The heatmap in three steps", True),
]


def _start(command: str, notebook: str, folder) -> tuple[subprocess.Popen, str, object]:
    """Start ``marimo <command>`` on 127.0.0.1 with the offline guard; its URL and log."""
    env, log = guard_env(folder)
    port = free_port()
    extra = ["--skip-update-check", "--no-token"] if command == "edit" else []
    process = subprocess.Popen(
        [sys.executable, "-m", "marimo", command, f"notebooks/{notebook}", "--headless",
         "--host", "127.0.0.1", "--port", str(port), *extra],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True)
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return process, url, log
        except OSError:
            time.sleep(0.5)
    os.killpg(process.pid, signal.SIGTERM)
    raise AssertionError(f"marimo {command} did not answer at {url} within 60 s")


@pytest.mark.parametrize(("command", "notebook", "heading", "chart"), CASES,
                         ids=[f"{c}-{n}" for c, n, _, _ in CASES])
def test_notebook_draws_in_chromium_offline(e2e_browser: Browser, tmp_path, command, notebook,
                                            heading, chart):
    """A student opens a lesson with marimo: its cells run and show, a chart draws, and
    every request stays on this machine, from the page and from the server."""
    process, url, log = _start(command, notebook, tmp_path)
    context = e2e_browser.new_context(viewport=VIEWPORT)
    requests: list[str] = []
    errors: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        page.goto(url)
        page.get_by_text(heading).first.wait_for(timeout=60_000)
        if chart:
            page.locator(".vega-embed canvas, .vega-embed svg.marks").first.wait_for(
                timeout=60_000)
        time.sleep(2)  # anything fetched late (fonts, icons) is still recorded
    finally:
        context.close()
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=20)
    assert not errors, errors
    assert not [u for u in requests if is_offsite(u)], requests
    assert not log.exists(), log.read_text(encoding="utf-8")
