"""Every page on every screen: a phone, a tablet and a desktop, each in light and in dark.

For each page, size and theme: the page draws in that theme, nothing in the main area makes
it scroll sideways, every chart is drawn and its text lies inside the screen, and axe finds
no serious or critical problem. A screenshot of each goes to
``tests/e2e/artifacts/screens/<size>-<theme>-<page>.png`` to be looked at.

Then what a touch must answer: a heatmap cell and a network node, tapped on a phone and
clicked on a desktop, show their quotes on screen without scrolling, and the link reopens
the same choice. And a phone's sidebar closes once a page is chosen.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from charts.theme import BACKGROUND, DARK
from tools.app_server import (
    ARTIFACTS,
    app_dir,
    block_offsite,
    load_pages,
    page_url,
    wait_until_finished,
)

from .browser import full_page_screenshot, open_page, serious_axe_violations

pytestmark = pytest.mark.browser

SIZES = {"phone": (390, 844), "tablet": (768, 1024), "desktop": (1400, 900)}
THEMES = ("light", "dark")
PAGES = load_pages(app_dir())
SHOTS = ARTIFACTS / "screens"
MARKS = "[data-testid=stVegaLiteChart] [aria-roledescription]"

# What the person sees of the layout: sideways scroll, charts and their text against the
# screen's width, and the page's background colour.
_LAYOUT = """() => {
  const main = document.querySelector('[data-testid=stMain]');
  const width = window.innerWidth;
  const charts = [...document.querySelectorAll('[data-testid=stVegaLiteChart]')];
  const outside = [];
  for (const chart of charts) {
    for (const text of chart.querySelectorAll('svg text')) {
      const box = text.getBoundingClientRect();
      if (box.width > 0 && (box.right > width + 1 || box.left < -1)) {
        const where = `${Math.round(box.left)}-${Math.round(box.right)} px`;
        outside.push(`${text.textContent.slice(0, 40)} (${where})`);
      }
    }
  }
  const widest = Math.max(0, ...charts.map(chart => chart.getBoundingClientRect().right));
  const app = document.querySelector('.stApp');
  const sideways = Math.max(main.scrollWidth - main.clientWidth,
                            document.documentElement.scrollWidth - width);
  return {scrolls: sideways,
          widest: Math.round(widest), width, outside: outside.slice(0, 5),
          background: getComputedStyle(app).backgroundColor};
}"""


def _rgb(hex_colour: str) -> str:
    """``#0e1117`` as the ``rgb(14, 17, 23)`` a browser reports."""
    return "rgb({}, {}, {})".format(*(int(hex_colour[i:i + 2], 16) for i in (1, 3, 5)))


@pytest.fixture(scope="module")
def screens(e2e_browser: Browser, e2e_base_url: str) -> Iterator[dict]:
    """One browser context per (size, theme), made on first use and shared by its tests."""
    made: dict[tuple[str, str], BrowserContext] = {}

    def context(size: str, theme: str) -> BrowserContext:
        if (size, theme) not in made:
            width, height = SIZES[size]
            made[(size, theme)] = e2e_browser.new_context(
                viewport={"width": width, "height": height}, color_scheme=theme,
                is_mobile=size == "phone", has_touch=size != "desktop")
            block_offsite(made[(size, theme)])
        return made[(size, theme)]

    yield {"context": context, "base": e2e_base_url}
    for each in made.values():
        each.close()


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("spec", PAGES, ids=[spec.url_path for spec in PAGES])
def test_page_fits_the_screen_in_its_theme(screens: dict, spec, size: str, theme: str):
    """The page is drawn in the theme, fits the width, draws its charts, passes axe."""
    page = screens["context"](size, theme).new_page()
    try:
        result = open_page(page, page_url(screens["base"], spec.url_path,
                                          default=spec == PAGES[0]))
        wait_until_finished(page)
        layout = page.evaluate(_LAYOUT)
        full_page_screenshot(page, SHOTS / f"{size}-{theme}-{spec.url_path}.png")
        assert result.exceptions == 0, "the page shows an error"
        assert not result.not_found, "Streamlit says the page was not found"
        assert layout["background"] == _rgb(BACKGROUND[theme]), "not drawn in the theme"
        assert layout["scrolls"] <= 1, f"the page scrolls sideways by {layout['scrolls']} px"
        assert result.drawn == result.charts, f"{result.charts - result.drawn} chart(s) blank"
        assert layout["widest"] <= layout["width"], "a chart runs past the screen's edge"
        assert layout["outside"] == [], "chart text outside the screen"
        assert serious_axe_violations(page) == []
    finally:
        page.close()


def test_dark_charts_take_the_dark_colours(screens: dict):
    """In dark, the NCI's 1st-ranked cells are drawn in the dark theme's boldest blue
    (not the near-white that read as an empty cell)."""
    page = screens["context"]("desktop", "dark").new_page()
    try:
        open_page(page, f"{screens['base']}/spread?cancer=prostate")
        fills = page.evaluate(f"""() => [...document.querySelectorAll("{MARKS}")]
            .filter(mark => mark.getAttribute('aria-roledescription') === 'rect mark'
                    && (mark.getAttribute('aria-label') || '').includes('rank 1st'))
            .map(mark => mark.getAttribute('fill'))""")
        assert fills and set(fills) == {DARK.rank_1st}
    finally:
        page.close()


BOTTOM_MARGIN = 40  # px: an answer this close to the bottom edge is not "in view"
_IN_VIEW = """([element, margin]) => {
  const top = element.getBoundingClientRect().top;
  return top >= 0 && top < window.innerHeight - margin;
}"""


def _in_view(page: Page, element: Locator) -> bool:
    """True when ``element`` (its first match) starts inside the screen, clear of the bottom
    edge, so a person sees it without scrolling."""
    box = element.first.bounding_box()
    return box is not None and 0 <= box["y"] < page.viewport_size["height"] - BOTTOM_MARGIN


def _settle(page: Page, answer: Locator) -> None:
    """Wait for the run the click started to finish, then until the smooth scroll has
    brought ``answer`` into view (bounded: if it never does, the test's assertion says so)."""
    wait_until_finished(page)
    with contextlib.suppress(PlaywrightTimeoutError):
        page.wait_for_function(_IN_VIEW, arg=[answer.first.element_handle(timeout=15_000),
                                              BOTTOM_MARGIN], timeout=10_000)


def _wait_quietly(page: Page, condition: str, timeout_ms: float = 10_000) -> None:
    """Wait until ``condition`` (JS) holds, or give up after ``timeout_ms`` and let the
    test's own assertion report what is on screen."""
    with contextlib.suppress(PlaywrightTimeoutError):
        page.wait_for_function(condition, timeout=timeout_ms)


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_a_tapped_heatmap_cell_shows_its_quotes_in_view(screens: dict, size: str):
    """Tap "Lung cancer → Bone": its quotes are on screen, the box says Lung cancer, and
    the link, opened again, shows the same pair."""
    page = screens["context"](size, "light").new_page()
    try:
        open_page(page, f"{screens['base']}/spread" + ("?focus=lung" if size == "phone" else ""))
        cell = page.locator(f"{MARKS}[aria-label^='Lung cancer → Bone:']")
        cell.first.click(force=True)
        page.get_by_role("heading", name="Lung cancer → Bone").wait_for(timeout=30_000)
        quotes = page.locator(".st-key-quote_panel").get_by_text("“Cancer that spreads to the "
                                                                "bones")
        _settle(page, quotes)
        assert "pair=lung.bone" in page.url and "focus=lung" in page.url
        assert quotes.count() == 1
        assert _in_view(page, quotes)
        box = page.locator(".st-key-focus")
        shown = box.inner_text() + " " + box.locator("input").first.input_value()
        assert "Lung cancer" in shown, "the cancer box does not follow the click"
        again = page.context.new_page()
        open_page(again, page.url)
        again.get_by_role("heading", name="Lung cancer → Bone").wait_for(timeout=30_000)
        again.close()
    finally:
        page.close()


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_a_tapped_network_node_shows_its_quotes_in_view(screens: dict, size: str):
    """Tap "Breast cancer": its links and quotes are on screen and kept in the link."""
    page = screens["context"](size, "light").new_page()
    try:
        open_page(page, f"{screens['base']}/network")
        page.locator(f"{MARKS}[aria-label*='Name: Breast cancer;']").first.click(force=True)
        heading = "Breast cancer: its links and the quotes behind them"
        page.get_by_role("heading", name=heading).wait_for(timeout=30_000)
        answer = page.locator(".st-key-node_panel [data-testid=stMarkdown]").nth(1)
        _settle(page, answer)
        assert "focus_node=cancer%3Abreast" in page.url
        assert _in_view(page, answer)
        again = page.context.new_page()
        open_page(again, page.url)
        again.get_by_role("heading", name=heading).wait_for(timeout=30_000)
        again.close()
    finally:
        page.close()


_SIDEBAR_BOX = "document.querySelector('[data-testid=stSidebar]').getBoundingClientRect()"


def test_a_phone_sidebar_closes_once_a_page_is_chosen(screens: dict):
    """On a phone the open sidebar would cover the page: choosing a page closes it."""
    page = screens["context"]("phone", "light").new_page()
    try:
        open_page(page, screens["base"])
        sidebar = page.locator("[data-testid=stSidebar]")
        page.locator("[data-testid=stExpandSidebarButton]").click()
        _wait_quietly(page, f"() => {_SIDEBAR_BOX}.left >= 0")  # its slide-in has ended
        assert sidebar.bounding_box()["x"] >= 0, "the sidebar did not open"
        page.locator("[data-testid=stSidebarNavLink][href$='network']").click()
        page.wait_for_url("**/network", timeout=30_000)
        wait_until_finished(page)
        _wait_quietly(page, f"() => {_SIDEBAR_BOX}.right <= 0")  # its slide-out has ended
        assert page.url.endswith("/network")
        box = sidebar.bounding_box()
        assert box is None or box["x"] + box["width"] <= 0, "the sidebar still covers the page"
    finally:
        page.close()
