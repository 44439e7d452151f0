"""Helpers for the browser suite: run the app, open a page, check it, click a download.

Nothing here is a test. ``conftest.py`` wires these into fixtures; ``test_pages_browser.py``
asserts on what they return. Every wait is bounded (Playwright timeouts or a deadline).
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from urllib.parse import urlsplit

from playwright.sync_api import Page
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

REPO_ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
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


def start_server(root: Path, port: int | None = None, timeout: float = 60.0) -> Server:
    """Start ``python -m streamlit run app.py`` in ``root`` and wait until it is healthy.

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
    command = [
        sys.executable, "-m", "streamlit", "run", "app.py",
        "--server.headless=true",
        f"--server.port={port}",
        "--server.address=127.0.0.1",
        "--browser.gatherUsageStats=false",
        # Pages may be edited while the suite runs; never rerun or watch files under test.
        "--server.fileWatcherType=none",
    ]
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


@dataclass
class PageResult:
    """What one visit to a page showed: errors, charts, exceptions and every request.

    ``not_found`` is True when Streamlit answered "Page not found" and ran the main page
    instead (a wrong ``url_path``, or the default page asked for by name, not at ``/``).
    """

    url: str
    page_errors: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    charts: int = 0
    drawn: int = 0
    exceptions: int = 0
    requests: list[str] = field(default_factory=list)
    not_found: bool = False

    @property
    def offsite_requests(self) -> list[str]:
        """Requested URLs whose host is not 127.0.0.1/localhost, in order, deduplicated."""
        return list(dict.fromkeys(url for url in self.requests if is_offsite(url)))


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


def wait_until_finished(page: Page, timeout_ms: float = 30_000) -> None:
    """Wait until the script run is over and no element skeleton is left (bounded)."""
    page.locator(APP_FINISHED).wait_for(state="attached", timeout=timeout_ms)
    page.locator(SKELETON).first.wait_for(state="detached", timeout=timeout_ms)
    # A skeleton may go only when the run ends; check the run state once more after it.
    page.locator(APP_FINISHED).wait_for(state="attached", timeout=timeout_ms)


def open_page(
    page: Page,
    url: str,
    timeout_ms: float = 30_000,
    chart_timeout_ms: float = 15_000,
    idle_timeout_ms: float = 5_000,
) -> PageResult:
    """Open ``url``, wait until the app has finished and its charts are drawn; report.

    Listens for ``pageerror``, console errors and every request (websockets included) from
    before navigation. The listeners stay attached, so the returned result keeps recording
    until the page closes: check ``offsite_requests`` last (a favicon, for one, is fetched
    only after the script run). Raises ``TimeoutError`` if the script run does not finish
    within ``timeout_ms``; charts still blank after ``chart_timeout_ms`` are reported
    (``drawn < charts``), not raised.
    """
    result = PageResult(url=url)

    def on_console(message) -> None:
        if message.type == "error":
            result.console_errors.append(message.text)
        if NOT_FOUND_MESSAGE in message.text:
            result.not_found = True

    page.add_init_script(_ERROR_COUNTER)
    page.on("pageerror", lambda error: result.page_errors.append(str(error)))
    page.on("console", on_console)
    page.on("request", lambda request: result.requests.append(request.url))
    page.on("websocket", lambda socket_: result.requests.append(socket_.url))

    page.goto(url, wait_until="domcontentloaded", timeout=timeout_ms)
    try:
        wait_until_finished(page, timeout_ms)
    except PlaywrightTimeoutError as error:
        raise TimeoutError(
            f"{url}: the app did not finish running within {timeout_ms / 1000:.0f} s "
            f"(page errors: {result.page_errors or 'none'})"
        ) from error
    # A chart still blank after the wait is reported below as drawn < charts.
    with contextlib.suppress(PlaywrightTimeoutError):
        page.wait_for_function(CHARTS_SETTLED, timeout=chart_timeout_ms)
    # Let late requests (favicon, fonts, chart assets) start, so they are seen and blocked.
    with contextlib.suppress(PlaywrightTimeoutError):
        page.wait_for_load_state("networkidle", timeout=idle_timeout_ms)
    result.charts, result.drawn = page.evaluate(_CHARTS_COUNT)
    result.exceptions = page.locator(EXCEPTION).count()
    if page.locator("[role=dialog]").filter(has_text="Page not found").count():
        result.not_found = True
    return result


_CONTENT_HEIGHT = """
() => Math.max(document.documentElement.scrollHeight, ...Array.from(
  document.querySelectorAll('[data-testid=stMain], [data-testid=stAppViewContainer]'),
  element => element.scrollHeight))
"""
_TWO_FRAMES = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


def full_page_screenshot(page: Page, path: Path, max_height: int = 12_000) -> Path:
    """Save the whole page at the viewport's width as a PNG at ``path``.

    Streamlit scrolls inside its main container, not the document, so Playwright's
    ``full_page`` alone stops at the viewport: the viewport is stretched to the content's
    height for the shot (at most ``max_height`` px), then restored.
    """
    size = page.viewport_size or VIEWPORT
    height = min(max(int(page.evaluate(_CONTENT_HEIGHT)), size["height"]), max_height)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        if height > size["height"]:
            page.set_viewport_size({"width": size["width"], "height": height})
            page.evaluate(_TWO_FRAMES)  # let the layout and the charts settle
        page.screenshot(path=path, full_page=True)
    finally:
        page.set_viewport_size(size)
    return path


def nav_titles(page: Page) -> list[str]:
    """The page titles listed in the sidebar navigation, in order, without their icons."""
    pairs = page.locator(NAV_LINK).evaluate_all(_READABLE_TEXTS)
    return [text for text, _visible in pairs]


def exception_texts(page: Page, limit: int = 3) -> list[str]:
    """The first lines of the exceptions shown on the page, for a readable failure."""
    texts = page.locator(EXCEPTION).all_inner_texts()[:limit]
    return [" ".join(text.split())[:300] for text in texts]


# ---------------------------------------------------------------------------- accessibility


# Emotion's generated classes: st-emotion-cache-1ucad3v, e1yqkw3v0, ef3bkur2 (2+ digits).
_HASHED_CLASS = re.compile(r"\.(?:st-emotion-cache-[\w-]+|e(?=(?:[a-z]*\d){2})[a-z0-9]{6,9}\b)")


def _short_selector(target, parts: int = 3) -> str:
    """The last ``parts`` steps of an axe CSS selector, without Streamlit's hashed classes."""
    selector = " ".join(str(step) for step in target) if isinstance(target, list) else target
    steps = [step.strip() for step in _HASHED_CLASS.sub("", selector).split(" > ")]
    steps = [step for step in steps if step] or [selector]
    return " > ".join(steps) if len(steps) <= parts else "... > " + " > ".join(steps[-parts:])


def serious_axe_violations(page: Page, max_targets: int = 3) -> list[str]:
    """Run axe-core on the page; one readable line per serious or critical violation.

    Each line: rule id, impact, help text, node count, the first ``max_targets`` selectors
    (shortened) and why the first node fails, e.g. ``color-contrast [serious] Elements must
    meet minimum color contrast ratio thresholds (3 nodes): ... > blockquote > p | Element has
    insufficient color contrast of 4.37 (foreground color: #76797c, ...)``.
    """
    from axe_playwright_python.sync_playwright import Axe

    response = Axe().run(page).response
    lines = []
    for violation in response.get("violations", []):
        if violation.get("impact") not in SERIOUS_IMPACTS:
            continue
        nodes = violation.get("nodes", [])
        targets = [_short_selector(node.get("target", [])) for node in nodes[:max_targets]]
        more = ", ..." if len(nodes) > max_targets else ""
        why = ""
        if nodes and nodes[0].get("failureSummary"):
            summary = nodes[0]["failureSummary"].splitlines()
            why = " | " + " ".join(line.strip() for line in summary[1:] or summary)[:200]
        lines.append(
            f"{violation.get('id')} [{violation.get('impact')}] {violation.get('help')} "
            f"({len(nodes)} node{'s' if len(nodes) != 1 else ''}): "
            f"{', '.join(targets)}{more}{why}"
        )
    return lines


# ---------------------------------------------------------------------------------- downloads


@dataclass
class Downloaded:
    """One file saved by clicking a download button."""

    label: str
    filename: str
    data: bytes


# [text without aria-hidden icon ligatures, visible?] for each element.
_READABLE_TEXTS = """
elements => elements.map(element => {
  const copy = element.cloneNode(true);
  copy.querySelectorAll('[aria-hidden=true]').forEach(icon => icon.remove());
  return [copy.textContent.replace(/\\s+/g, ' ').trim(), element.checkVisibility()];
})
"""


def download_labels(page: Page, visible_only: bool = True) -> list[str]:
    """The labels of the page's download buttons, in page order, as a person reads them.

    Icons (``icon=":material/download:"``) are left out: they render as aria-hidden ligature
    text. With ``visible_only`` (default), buttons in a collapsed expander or a hidden tab
    are left out too, since they cannot be clicked as they are.
    """
    pairs = page.locator(DOWNLOAD_BUTTON).evaluate_all(_READABLE_TEXTS)
    return [label for label, visible in pairs if visible or not visible_only]


def wait_for_animations(page: Page, timeout_ms: float = 5_000) -> None:
    """Wait until no CSS transition or animation is running (an expander sliding open).

    A click on a download button that is still moving with an opening expander is lost by
    Streamlit's frontend (no request is sent), although Playwright sees the button as
    stable: measured 3 lost clicks in 25 without this wait, none in 25 with it.
    """
    page.wait_for_function(
        "document.getAnimations().every(a => a.playState !== 'running')", timeout=timeout_ms)


def expand_all(page: Page, timeout_ms: float = 5_000) -> int:
    """Open every collapsed ``st.expander`` so what is inside can be clicked; return how many."""
    closed = page.locator("[data-testid=stExpander] details:not([open]) > summary")
    count = closed.count()
    for index in reversed(range(count)):  # opening one does not shift those before it
        closed.nth(index).click(timeout=timeout_ms)
    wait_for_animations(page, timeout_ms)
    return count


def download(page: Page, label: str, nth: int = 0, timeout_ms: float = 15_000) -> Downloaded:
    """Click the download button labelled ``label`` and return the file it saves.

    ``label`` is the button's accessible name (its text without the icon); ``nth`` picks
    among the visible buttons sharing a label, as :func:`download_labels` lists them.
    Raises ``LookupError`` at once if there is no such button, and a Playwright
    ``TimeoutError`` if the click saves nothing within ``timeout_ms``. The context must
    accept downloads (Playwright's default).
    """
    buttons = (
        page.locator("[data-testid=stDownloadButton]")
        .get_by_role("button", name=label, exact=True)
        .filter(visible=True)
    )
    if buttons.count() <= nth:
        raise LookupError(
            f"no visible download button #{nth + 1} labelled {label!r}; the page has: "
            f"{download_labels(page, visible_only=False)}"
        )
    wait_for_animations(page)
    with page.expect_download(timeout=timeout_ms) as info:
        buttons.nth(nth).click(timeout=timeout_ms)
    saved = info.value
    path = saved.path()  # waits until the download has finished
    data = Path(path).read_bytes()
    filename = saved.suggested_filename
    saved.delete()
    return Downloaded(label=label, filename=filename, data=data)


def download_bytes(page: Page, label: str, nth: int = 0, timeout_ms: float = 15_000) -> bytes:
    """The bytes saved by clicking the download button labelled ``label``."""
    return download(page, label, nth, timeout_ms).data
