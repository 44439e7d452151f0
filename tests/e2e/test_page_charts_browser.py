"""The explore pages' own charts (not present mode) at the four screens, light and dark: no
chart text overlaps other text (slanted names by their turned boxes), leaves its chart or the
screen's sides, or is drawn under 13 px. A named view (the sites bone reaches, one cancer's
links) can have longer or more labels than the view a page opens with."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from tools.app_server import CHARTS_SETTLED, wait_until_finished

from .chart_text import SCREENS, problems, read_charts, screen_context

VIEWS = ("spread", "spread?focus=lung", "network", "network?focus=lung", "body_map",
         "body_map?mode=site&body_site=lung", "body_map?mode=site&body_site=bone",
         "body_map?body_cancer=kidney_sarcoma", "site_profiles?profile=liver", "survival")
PAGE_MIN_PX = 13  # the pages' smallest chart text, read close up (present mode is larger)


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("screen", list(SCREENS))
def test_page_charts_are_clear(e2e_browser: Browser, e2e_base_url: str, screen: str,
                               theme: str):
    """Every chart on each view, as this screen draws it."""
    context = screen_context(e2e_browser, screen, theme)
    page = context.new_page()
    found = []
    try:
        for view in VIEWS:
            page.goto(f"{e2e_base_url}/{view}")
            wait_until_finished(page, 60_000)
            page.wait_for_function(CHARTS_SETTLED, timeout=30_000)
            page.wait_for_timeout(300)  # the chart's resize to its column
            charts = read_charts(page)
            assert charts, f"{view}: no chart drawn"
            found += [f"{view}: {p}" for p in problems(charts, PAGE_MIN_PX)]
    finally:
        context.close()
    assert found == [], "\n".join(found)
