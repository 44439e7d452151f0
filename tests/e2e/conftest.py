"""Fixtures for the browser suite: one Streamlit server and one Chromium per session.

Point the suite at another app folder with ``E2E_APP_DIR`` (default: the repository root)
and at another Chromium with ``CHROMIUM_PATH`` (default: ``/usr/bin/chromium``). Without a
browser the suite is skipped, except under ``CI=true``, where that is an error.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from tools.app_server import (
    CHROMIUM_ARGS,
    VIEWPORT,
    app_dir,
    block_offsite,
    chromium_path,
    in_ci,
    start_server,
    stop_server,
)


@pytest.fixture(scope="session")
def e2e_app_dir() -> Path:
    """The folder whose ``app.py`` is under test."""
    return app_dir()


@pytest.fixture(scope="session")
def chromium_executable() -> str:
    """Path to Chromium; skips the suite if it is missing (fails instead under CI=true)."""
    path = chromium_path()
    if os.path.isfile(path) and os.access(path, os.X_OK):
        return path
    reason = (
        f"Chromium not found at {path}: install it (apt-get install -y chromium) "
        "or set CHROMIUM_PATH"
    )
    if in_ci():
        pytest.fail(f"CI=true and {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def app_server(e2e_app_dir: Path, chromium_executable: str) -> Iterator[str]:
    """Run the app for the whole session; yield its base URL; end its process group."""
    try:
        server = start_server(e2e_app_dir)
    except RuntimeError as error:
        pytest.fail(str(error), pytrace=False)
    try:
        yield server.base_url
    finally:
        stop_server(server)


@pytest.fixture(scope="session")
def e2e_browser(chromium_executable: str) -> Iterator[Browser]:
    """One headless Chromium for the session."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_executable, args=CHROMIUM_ARGS, headless=True
        )
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="session")
def e2e_base_url(app_server: str) -> str:
    """The app's base URL. No page is opened first: whichever test comes first is a fresh
    server's first visitor, as test_first_visit_browser.py checks on purpose."""
    return app_server


@pytest.fixture
def e2e_context(e2e_browser: Browser) -> Iterator[BrowserContext]:
    """A fresh 1280x800 context that accepts downloads and never reaches the internet."""
    context = e2e_browser.new_context(viewport=VIEWPORT, accept_downloads=True)
    block_offsite(context)
    try:
        yield context
    finally:
        context.close()


@pytest.fixture
def e2e_page(e2e_context: BrowserContext) -> Page:
    """A blank page in :func:`e2e_context`."""
    return e2e_context.new_page()


def pytest_collection_modifyitems(items) -> None:
    """Every test under tests/e2e is a browser test, whether or not its file says so:
    tests/run.sh keeps them out of the fast stage by this mark."""
    here = Path(__file__).resolve().parent
    for item in items:
        if here in Path(item.path).resolve().parents:
            item.add_marker(pytest.mark.browser)
