"""Run the app for a browser: start and stop a Streamlit server, find Chromium, wait for a
page to finish. Shared by the browser tests (tests/e2e), the benchmarks (bench/) and the
screenshot script (tools/screenshots.py). Nothing here is a test; every wait is bounded.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from urllib.parse import urlsplit

from playwright.sync_api import Page

from classroom.commands import START

REPO_ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = REPO_ROOT / "tests" / "e2e" / "artifacts"
DEFAULT_CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1280, "height": 800}
TEST_OPTIONS = (
    "--server.address=127.0.0.1",  # as .streamlit/config.toml says, whatever a test changed
    "--browser.gatherUsageStats=false",
    # Pages may be edited while the suite runs; never rerun or watch files under test.
    "--server.fileWatcherType=none",
)
"""What the test harness adds to the README's start command (the first-visit test adds
none of it)."""
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})
IGNORED_SCHEMES = frozenset({"data", "blob", "about"})
SERIOUS_IMPACTS = frozenset({"serious", "critical"})

APP_FINISHED = "[data-testid=stApp][data-test-script-state=notRunning]"
SKELETON = "[data-testid=stSkeleton]"
CHART = "[data-testid=stVegaLiteChart]"
EXCEPTION = "[data-testid=stException]"
DOWNLOAD_BUTTON = "[data-testid=stDownloadButton] button"
NAV_LINK = "[data-testid=stSidebarNav] [data-testid=stSidebarNavLink]"
NOT_FOUND_MESSAGE = "The page that you have requested does not seem to exist"

# Counts errors thrown in the page so the chart wait can stop early instead of timing out.
_ERROR_COUNTER = """
window.__e2ePageErrors = 0;
window.addEventListener('error', () => { window.__e2ePageErrors += 1; });
window.addEventListener('unhandledrejection', () => { window.__e2ePageErrors += 1; });
"""
# True once every chart is drawn (or, with the open_page error counter, once the page threw).
CHARTS_SETTLED = """
() => (window.__e2ePageErrors || 0) > 0 ||
  Array.from(document.querySelectorAll('[data-testid=stVegaLiteChart]'))
    .every(c => c.querySelector('canvas, svg.marks'))
"""
_CHARTS_COUNT = """
() => {
  const charts = Array.from(document.querySelectorAll('[data-testid=stVegaLiteChart]'));
  return [charts.length, charts.filter(c => c.querySelector('canvas, svg.marks')).length];
}
"""


# ---------------------------------------------------------------------------- configuration


def app_dir() -> Path:
    """The folder holding ``app.py``: ``$E2E_APP_DIR``, else the repository root."""
    return Path(os.environ.get("E2E_APP_DIR") or REPO_ROOT).resolve()


def chromium_path() -> str:
    """The Chromium to launch: ``$CHROMIUM_PATH``, else Debian's ``/usr/bin/chromium``."""
    return os.environ.get("CHROMIUM_PATH") or DEFAULT_CHROMIUM


def in_ci() -> bool:
    """True when ``$CI`` says we run in CI, where a missing browser is an error, not a skip."""
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def load_pages(root: Path) -> tuple:
    """Read ``PAGES`` from ``<root>/ui/navigation.py`` without putting ``root`` on sys.path.

    Loading by file keeps the app under test (``$E2E_APP_DIR``) from shadowing, or being
    shadowed by, the repository's own ``ui`` package.
    """
    path = root / "ui" / "navigation.py"
    name = "_e2e_navigation"
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise FileNotFoundError(f"no page registry at {path}")
    module: ModuleType = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return tuple(module.PAGES)


def page_url(base_url: str, url_path: str, default: bool = False) -> str:
    """``http://127.0.0.1:PORT/<url_path>``; the default page lives at the root.

    Streamlit serves ``st.Page(..., default=True)`` at ``/`` only: asking for it by its
    ``url_path`` answers "Page not found". ``app.py`` makes the first of ``PAGES`` the
    default, so callers pass ``default=True`` for it.
    """
    path = "" if default else url_path.strip("/")
    return f"{base_url.rstrip('/')}/{path}"


# ----------------------------------------------------------------------------------- server


def free_port() -> int:
    """A TCP port that was free a moment ago on 127.0.0.1."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Server:
    """A running ``streamlit run`` process, its base URL and its log file."""

    process: subprocess.Popen
    base_url: str
    log_path: Path

    def log_tail(self, lines: int = 40) -> str:
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError:
            return "(no server log)"
        return "\n".join(text.splitlines()[-lines:]) or "(server log is empty)"


def start_server(root: Path, port: int | None = None, timeout: float = 60.0,
                 options: tuple[str, ...] = TEST_OPTIONS) -> Server:
    """Start the app in ``root`` as the README does (``streamlit run app.py``, with this
    Python, on ``port`` and headless, plus ``options``) and wait until it is healthy.

    The server runs in its own process group so :func:`stop_server` can end it and any
    children. Raises ``RuntimeError`` (with the server log) if it exits or is not healthy
    within ``timeout`` seconds.
    """
    if not (root / "app.py").is_file():
        raise RuntimeError(f"no app.py in {root} (set E2E_APP_DIR to the app's folder)")
    port = port or free_port()
    log = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed once the child has it
        prefix="e2e-streamlit-", suffix=".log", delete=False
    )
    command = [sys.executable, "-m", *START.split(), "--server.headless=true",
               f"--server.port={port}", *options]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        command, cwd=root, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
        env=env, start_new_session=True,
    )
    log.close()
    server = Server(process, f"http://127.0.0.1:{port}", Path(log.name))
    try:
        wait_healthy(server, timeout)
    except BaseException:
        stop_server(server)
        raise
    return server


def wait_healthy(server: Server, timeout: float = 60.0) -> None:
    """Poll ``GET /_stcore/health`` until it answers ``ok``; bounded by ``timeout``."""
    deadline = time.monotonic() + timeout
    url = f"{server.base_url}/_stcore/health"
    last = "no answer yet"
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(
                f"streamlit exited with code {server.process.returncode} before it was "
                f"healthy:\n{server.log_tail()}"
            )
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                body = response.read().decode(errors="replace").strip()
            if body == "ok":
                return
            last = f"answered {body!r}"
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError) as error:
            last = str(error)
        time.sleep(0.2)
    raise RuntimeError(
        f"streamlit was not healthy at {url} within {timeout:.0f} s ({last}):\n"
        f"{server.log_tail()}"
    )


def stop_server(server: Server, grace: float = 10.0) -> None:
    """SIGTERM the server's process group, then SIGKILL it if it lingers past ``grace``."""
    process = server.process
    if process.poll() is None:
        for sig in (signal.SIGTERM, signal.SIGKILL):
            try:
                os.killpg(process.pid, sig)
            except ProcessLookupError:
                break
            try:
                process.wait(timeout=grace)
                break
            except subprocess.TimeoutExpired:
                continue
    # Children may outlive the leader in its group: end them too.
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    server.log_path.unlink(missing_ok=True)


# ------------------------------------------------------------------------------- page checks


def is_offsite(url: str) -> bool:
    """True for a request that would leave this machine (``data:``/``blob:`` never do)."""
    parts = urlsplit(url)
    if parts.scheme in IGNORED_SCHEMES:
        return False
    return (parts.hostname or "") not in LOCAL_HOSTS


def wait_until_finished(page: Page, timeout_ms: float = 30_000) -> None:
    """Wait until the script run is over and no element skeleton is left (bounded)."""
    page.locator(APP_FINISHED).wait_for(state="attached", timeout=timeout_ms)
    page.locator(SKELETON).first.wait_for(state="detached", timeout=timeout_ms)
    # A skeleton may go only when the run ends; check the run state once more after it.
    page.locator(APP_FINISHED).wait_for(state="attached", timeout=timeout_ms)


def block_offsite(context) -> None:
    """Abort every request that would leave the machine, so the app is tested as if offline.

    The request is still seen by ``page.on("request")`` (and so still reported by
    :func:`open_page`); aborting only keeps a machine with internet from hiding the problem.
    """

    def handle(route):
        if is_offsite(route.request.url):
            route.abort("internetdisconnected")
        else:
            route.continue_()

    context.route("**/*", handle)
