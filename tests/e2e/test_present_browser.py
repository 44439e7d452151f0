"""Present mode in the browser: every chart's present view at four screens, light and dark,
read back from the drawn SVG (no text overlaps other text or leaves the picture; none under
18 px projected, 14 px on a phone), and the keys a clicker sends stepping through it.

One Chromium; per screen and theme one page, reused for the five present links."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from tools.app_server import CHARTS_SETTLED, wait_until_finished

from .chart_text import PHONE_BELOW, SCREENS, problems, read_charts, screen_context

VIEWS = ("spread?present=1&focus=prostate", "network?present=1", "body_map?present=1",
         "site_profiles?present=1", "survival?present=1")
# The chart is drawn at the window's size once the page has reported it (a second run).
FILLS_WINDOW = """() => {
  const svg = document.querySelector('[data-testid=stVegaLiteChart] svg.marks');
  return !!svg && svg.getBoundingClientRect().width > window.innerWidth - 60;
}"""
CHART_TITLE = """() => {
  const t = document.querySelector('[data-testid=stVegaLiteChart] svg.marks .role-title-text');
  return t ? t.textContent : '';
}"""


def _open(page: Page, url: str) -> None:
    page.goto(url)
    wait_until_finished(page, 60_000)
    page.wait_for_function(FILLS_WINDOW, timeout=30_000)
    wait_until_finished(page, 60_000)
    page.wait_for_function(CHARTS_SETTLED, timeout=30_000)


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("screen", list(SCREENS))
def test_present_views_are_clear_and_large(e2e_browser: Browser, e2e_base_url: str,
                                           screen: str, theme: str):
    """Each present view fills this screen (a projector's without scrolling), its text clear
    of other text and of the edges, and at least 18 px projected (14 px on a phone); the
    sidebar and header are hidden."""
    width, height = SCREENS[screen]
    phone = width < PHONE_BELOW
    context = screen_context(e2e_browser, screen, theme)
    page = context.new_page()
    found = []
    try:
        for view in VIEWS:
            _open(page, f"{e2e_base_url}/{view}")
            charts = read_charts(page)
            assert len(charts) == 1, view
            found += [f"{view}: {p}" for p in problems(charts, 14 if phone else 18)]
            svg = charts[0]["svg"]
            if not phone and svg["y"] + svg["h"] > height + 1:  # a phone scrolls the network
                found.append(f"{view}: the chart runs {svg['y'] + svg['h'] - height:.0f} px "
                             "below the screen")
            assert not page.locator("[data-testid=stSidebar]").is_visible()
    finally:
        context.close()
    assert found == []


STEPPED = ("spread?present=1", "network?present=1", "body_map?present=1",
           "body_map?present=1&mode=site", "site_profiles?present=1")
FOOTER = """() => { const e = document.querySelector('.st-key-present_footer');
                   return e ? e.textContent : ''; }"""
POSITION = re.compile(r"\((\d+) of (\d+)\)")


def _step_through(page: Page, url: str, min_px: float, height: int, phone: bool) -> list[str]:
    """Open ``url`` in present mode and press PageDown until every choice has been shown once;
    what is wrong with any of them (as :func:`chart_text.problems` says)."""
    _open(page, url)
    found, seen = [], set()
    while True:
        footer = page.evaluate(FOOTER)
        position = POSITION.search(footer)
        assert position, f"{url}: the footer {footer!r} does not say which choice is shown"
        seen.add(int(position.group(1)))
        charts = read_charts(page)
        found += [f"{url} ({footer.split(' · ')[1]}): {p}"
                  for p in problems(charts, min_px)]
        svg = charts[0]["svg"] if charts else None
        if svg and not phone and svg["y"] + svg["h"] > height + 1:
            found.append(f"{url} ({position.group(0)}): the chart runs below the screen")
        if len(seen) == int(position.group(2)):
            return found
        page.keyboard.press("PageDown")
        page.wait_for_function(f"() => ({FOOTER})() !== {footer!r}", timeout=30_000)
        wait_until_finished(page, 60_000)
        page.wait_for_function(CHARTS_SETTLED, timeout=30_000)


@pytest.mark.parametrize("screen", list(SCREENS))
def test_every_choice_in_present_mode_is_clear(e2e_browser: Browser, e2e_base_url: str,
                                               screen: str):
    """Stepping with PageDown through every choice each present view has (every cancer,
    every site, the body map from a cancer and from a site): on this screen no text overlaps
    other text or leaves the picture, and none is under 18 px projected (14 px on a phone).
    A named view (say, the sites bone reaches) can have longer or more labels than the view
    a link opens first."""
    width, height = SCREENS[screen]
    phone = width < PHONE_BELOW
    context = screen_context(e2e_browser, screen)
    page = context.new_page()
    try:
        found = [line for url in STEPPED
                 for line in _step_through(page, f"{e2e_base_url}/{url}", 14 if phone else 18,
                                           height, phone)]
    finally:
        context.close()
    assert found == []


def test_keys_step_through_the_choices_and_esc_goes_back(e2e_page: Page, e2e_base_url: str):
    """From the page, Present opens the chart alone; PageDown and the arrow keys change the
    site shown (and the link), Esc brings the page back with the last site chosen."""
    e2e_page.set_viewport_size({"width": 1280, "height": 720})
    e2e_page.goto(f"{e2e_base_url}/site_profiles?profile=bone")
    wait_until_finished(e2e_page, 60_000)
    e2e_page.get_by_role("button", name="Present").click()
    e2e_page.wait_for_function(FILLS_WINDOW, timeout=30_000)
    wait_until_finished(e2e_page, 60_000)
    assert e2e_page.evaluate(CHART_TITLE) == "Which cancers spread to the bone"
    expect(e2e_page).to_have_url(re.compile(r"present=1"))
    titles = []
    for key in ("PageDown", "ArrowRight", "PageUp"):
        before = e2e_page.evaluate(CHART_TITLE)
        e2e_page.keyboard.press(key)
        e2e_page.wait_for_function(f"() => ({CHART_TITLE})() !== {before!r}", timeout=30_000)
        titles.append(e2e_page.evaluate(CHART_TITLE))
    assert titles == ["Which cancers spread to the bone marrow",
                      "Which cancers spread to the brain",
                      "Which cancers spread to the bone marrow"]
    expect(e2e_page).to_have_url(re.compile(r"profile=bone_marrow"))
    e2e_page.keyboard.press("Escape")
    expect(e2e_page.get_by_role("heading", name="Site profiles")).to_be_visible(timeout=30_000)
    expect(e2e_page).not_to_have_url(re.compile(r"present=1"))
    wait_until_finished(e2e_page, 60_000)
    expect(e2e_page.locator("[data-testid=stSidebar]")).to_be_visible(timeout=10_000)


EXPLORE = ("spread", "network", "body_map", "site_profiles", "survival")
FIRST_SCREEN = """() => {
  const svg = document.querySelector('[data-testid=stVegaLiteChart] svg.marks');
  const cell = svg && svg.querySelector('.mark-rect path');
  return svg && {top: svg.getBoundingClientRect().top,
                 firstRowBottom: cell ? cell.getBoundingClientRect().bottom : null};
}"""


@pytest.mark.parametrize("screen", ["projector 1280x720", "phone 390x844"])
def test_explore_pages_show_their_chart_in_the_first_screen(e2e_browser: Browser,
                                                            e2e_base_url: str, screen: str):
    """On a projector and a phone each explore page's chart starts in the top half of the
    first screen (the controls wait in closed boxes), and at 1280x720 the heatmap's first
    row is on screen without scrolling."""
    width, height = SCREENS[screen]
    phone = width < PHONE_BELOW
    context = screen_context(e2e_browser, screen)
    page = context.new_page()
    late = []
    try:
        for path in EXPLORE:
            page.goto(f"{e2e_base_url}/{path}")
            wait_until_finished(page, 60_000)
            page.wait_for_function(CHARTS_SETTLED, timeout=30_000)
            page.wait_for_timeout(300)
            where = page.evaluate(FIRST_SCREEN)
            if not where or where["top"] > height / 2:
                late.append(f"{path}: chart top at {where and round(where['top'])} px")
            if path == "spread" and not phone:
                assert where["firstRowBottom"] is not None
                assert where["firstRowBottom"] <= height, "the heatmap's first row is below"
    finally:
        context.close()
    assert late == []
