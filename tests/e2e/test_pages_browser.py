"""Every page, opened in real Chromium: no errors, charts drawn, offline, accessible.

Each page is visited once per session (its first test opens it; the others reuse what that
visit saw) and a 1280-wide full-page screenshot goes to ``tests/e2e/artifacts/<url_path>.png``.
Run only this suite with ``python -m pytest -m browser``; point it at another app folder with
``E2E_APP_DIR=/path/to/app``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from tools.app_server import (
    ARTIFACTS,
    VIEWPORT,
    app_dir,
    block_offsite,
    load_pages,
    page_url,
    wait_until_finished,
)

from .browser import (
    Downloaded,
    PageResult,
    download,
    download_labels,
    exception_texts,
    expand_all,
    full_page_screenshot,
    nav_titles,
    open_page,
    serious_axe_violations,
)

pytestmark = pytest.mark.browser

PAGES = load_pages(app_dir())
DEFAULT_PAGE = PAGES[0]  # app.py passes default=True to the first page: it is served at "/"
by_url_path = pytest.mark.parametrize("spec", PAGES, ids=[spec.url_path for spec in PAGES])


@dataclass
class Visit:
    """Everything one visit to a page recorded, shared by that page's tests."""

    result: PageResult | None = None
    error: str | None = None
    exception_texts: list[str] = field(default_factory=list)
    nav_titles: list[str] = field(default_factory=list)
    axe: list[str] = field(default_factory=list)
    downloads: list[Downloaded] = field(default_factory=list)
    download_errors: list[str] = field(default_factory=list)
    later_tabs: list[PageResult] = field(default_factory=list)  # tabs opened for downloads
    screenshot: Path | None = None

    def __repr__(self) -> str:  # short, for pytest's failure report
        url = self.result.url if self.result else None
        return f"Visit(url={url!r}, error={self.error!r})"


# Chromium quietly blocks about every eleventh download from one tab (its guard against a
# site downloading many files at once; the file is fetched but never saved). The Sources
# page has 14 buttons, so its downloads are spread over fresh tabs.
DOWNLOADS_PER_TAB = 8


def _fresh_tab(page: Page, url: str, visit: Visit) -> Page:
    """Close ``page`` and open ``url`` again in a new tab of the same context, expanders
    open; the new tab's requests join the visit's, so the offline check sees them too."""
    context = page.context
    page.close()
    fresh = context.new_page()
    visit.later_tabs.append(open_page(fresh, url))
    expand_all(fresh)
    return fresh


def _visit(browser: Browser, base_url: str, spec) -> Visit:
    visit = Visit()
    context = browser.new_context(viewport=VIEWPORT, accept_downloads=True)
    block_offsite(context)
    try:
        page = context.new_page()
        url = page_url(base_url, spec.url_path, default=spec == DEFAULT_PAGE)
        try:
            visit.result = open_page(page, url)
        except TimeoutError as error:
            visit.error = str(error)
            return visit
        visit.exception_texts = exception_texts(page)
        visit.nav_titles = nav_titles(page)
        visit.screenshot = full_page_screenshot(page, ARTIFACTS / f"{spec.url_path}.png")
        visit.axe = serious_axe_violations(page)
        expand_all(page)  # buttons inside collapsed expanders can then be clicked too
        seen: dict[str, int] = {}
        for count, label in enumerate(download_labels(page)):
            if count and count % DOWNLOADS_PER_TAB == 0:
                page = _fresh_tab(page, url, visit)
            nth = seen[label] = seen.get(label, -1) + 1
            try:
                visit.downloads.append(download(page, label, nth))
                wait_until_finished(page)  # a click may rerun the script
            except Exception as error:  # reported by the download test
                visit.download_errors.append(f"{label!r}: {type(error).__name__}: {error}")
        page.close()  # the request log is complete once the page is closed
    finally:
        context.close()
    return visit


@pytest.fixture(scope="session")
def visits() -> dict[str, Visit]:
    return {}


@pytest.fixture
def visit(spec, visits, e2e_browser, e2e_base_url) -> Visit:
    """The page's single visit (made by the first of its tests to run)."""
    if spec.url_path not in visits:
        try:
            visits[spec.url_path] = _visit(e2e_browser, e2e_base_url, spec)
        except Exception as error:  # remembered, so the page's other tests do not retry
            visits[spec.url_path] = Visit(error=f"visiting {spec.url_path!r} failed: "
                                                f"{type(error).__name__}: {error}")
    seen = visits[spec.url_path]
    if seen.error:
        pytest.fail(seen.error, pytrace=False)
    return seen


def _listed(lines) -> str:
    return "\n  - " + "\n  - ".join(lines)


@by_url_path
def test_page_runs_without_errors(visit: Visit) -> None:
    """A learner opening the page sees it, not a traceback or a broken script."""
    result = visit.result
    problems = []
    if result.page_errors:
        problems.append(f"errors thrown in the browser:{_listed(result.page_errors)}")
    if result.exceptions:
        problems.append(
            f"{result.exceptions} exception(s) shown on the page:{_listed(visit.exception_texts)}"
        )
    if result.not_found:
        problems.append(f"Streamlit answered 'Page not found' for {result.url}")
    if problems and result.console_errors:
        problems.append(f"console errors (context):{_listed(result.console_errors[:10])}")
    assert not problems, f"{result.url}\n" + "\n".join(problems)


@by_url_path
def test_page_keeps_titled_navigation(visit: Visit) -> None:
    """Opened by its own link, the page still lists every page by title in the sidebar."""
    expected = [spec.title for spec in PAGES]
    assert visit.nav_titles == expected, (
        f"{visit.result.url}: sidebar lists {visit.nav_titles}, expected {expected}"
    )


@by_url_path
def test_page_draws_every_chart(visit: Visit) -> None:
    """Every Altair chart on the page is drawn (a canvas or svg.marks inside it)."""
    result = visit.result
    assert result.drawn == result.charts, (
        f"{result.url}: only {result.drawn} of {result.charts} charts were drawn; "
        f"browser errors: {result.page_errors or 'none'}"
    )


@by_url_path
def test_page_stays_on_this_machine(visit: Visit) -> None:
    """The page works in a classroom with no internet: nothing is fetched from elsewhere."""
    offsite = [url for tab in (visit.result, *visit.later_tabs) for url in tab.offsite_requests]
    assert not offsite, f"{visit.result.url} asked hosts off this machine for:{_listed(offsite)}"


@by_url_path
def test_page_has_no_serious_accessibility_violations(visit: Visit) -> None:
    """axe-core finds no serious or critical accessibility violation on the page."""
    assert not visit.axe, (
        f"{visit.result.url}: {len(visit.axe)} serious/critical axe violation(s):"
        f"{_listed(visit.axe)}"
    )


@by_url_path
def test_page_download_buttons_save_files(visit: Visit) -> None:
    """Each download button on the page saves a named, non-empty file."""
    problems = list(visit.download_errors)
    for saved in visit.downloads:
        if not saved.data:
            problems.append(f"{saved.label!r} saved an empty file ({saved.filename})")
        if "." not in saved.filename:
            problems.append(f"{saved.label!r} saved {saved.filename!r}, a name with no type")
    assert not problems, f"{visit.result.url}:{_listed(problems)}"
