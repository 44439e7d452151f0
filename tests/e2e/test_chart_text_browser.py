"""Every lesson step's chart text, read back from the drawn SVG at four screens, light and
dark: no text overlaps other text, leaves its chart or the screen's sides, or is drawn under
18 px (14 px on a phone); the header's controls show their whole words.

One Chromium, one page per screen and theme, reused across the steps (about a minute)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from tools.app_server import CHARTS_SETTLED, wait_until_finished
from ui.navigation import LESSON

from .chart_text import PHONE_BELOW, SCREENS, problems, read_charts, screen_context, smallest

STEPS = range(1, 9)
# A control whose words are cut ("J..") is wider inside than it is drawn.
CUT_WORDS = """() => Array.from(document.querySelectorAll(
    '.stMainBlockContainer button p, .stMainBlockContainer button div'))
  .filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.textContent.trim())"""


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("screen", list(SCREENS))
def test_lesson_chart_text_is_clear_and_large(e2e_browser: Browser, e2e_base_url: str,
                                              screen: str, theme: str):
    """Each lesson step on this screen: its chart text clear of other text and of the edges,
    large enough to read from the back of a room (or on a phone)."""
    width, height = SCREENS[screen]
    phone = width < PHONE_BELOW
    context = screen_context(e2e_browser, screen, theme)
    page = context.new_page()
    found, sizes = [], []
    try:
        for step in STEPS:
            page.goto(f"{e2e_base_url}/{LESSON.url_path}?step={step}")
            wait_until_finished(page, 60_000)
            page.wait_for_function(CHARTS_SETTLED, timeout=30_000)
            page.wait_for_timeout(300)  # the chart's resize to its column
            charts = read_charts(page)
            found += [f"step {step}: {p}" for p in problems(charts, 14 if phone else 18)]
            found += [f"step {step}: the control {words!r} is cut"
                      for words in page.evaluate(CUT_WORDS)]
            sizes.append(smallest(charts))
    finally:
        context.close()
    assert found == []
    assert any(size is not None for size in sizes), "no lesson step drew a chart"
