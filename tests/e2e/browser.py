"""Helpers for the browser suite: run the app, open a page, check it, click a download.

Nothing here is a test. ``conftest.py`` wires these into fixtures; ``test_pages_browser.py``
asserts on what they return. Every wait is bounded (Playwright timeouts or a deadline).
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Page
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from tools.app_server import (  # the harness itself lives in tools/, shared with bench/
    _CHARTS_COUNT,
    _ERROR_COUNTER,
    CHARTS_SETTLED,
    DOWNLOAD_BUTTON,
    EXCEPTION,
    NAV_LINK,
    NOT_FOUND_MESSAGE,
    SERIOUS_IMPACTS,
    VIEWPORT,
    is_offsite,
    wait_until_finished,
)
from ui.show import SLIDES_SWITCH


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
    """Open every collapsed ``st.expander`` and switch on every "Make slide images" toggle,
    so every download the page can offer can be clicked; return how many were opened."""
    switches = page.get_by_role("switch", name=SLIDES_SWITCH)
    labels = page.locator("label", has=switches)  # the input itself is drawn hidden
    slides = page.locator(DOWNLOAD_BUTTON, has_text="Slide image (PNG)")
    for index in range(switches.count()):
        if not switches.nth(index).is_checked():
            labels.nth(index).click(timeout=timeout_ms)
            # the run that makes the images may not have started yet: wait for its buttons
            slides.nth(index).wait_for(state="visible", timeout=timeout_ms * 6)
            wait_until_finished(page, timeout_ms * 6)
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
