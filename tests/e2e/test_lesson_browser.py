"""The lesson on a projector, driven by keyboard only (what a presenter's clicker sends)."""

from __future__ import annotations

import pytest

from tests.conftest import LESSON_LENGTH
from tools.app_server import (
    CHARTS_SETTLED,
    wait_until_finished,
)

pytestmark = pytest.mark.browser
STEPS = LESSON_LENGTH
SIDEBAR = "[data-testid=stSidebar]"
PAGE_HEIGHT = """() => Math.max(document.documentElement.scrollHeight,
  document.querySelector('[data-testid=stMain]').scrollHeight)"""


def _settle(page, step: int) -> None:
    expected = "/lesson" if step == 1 else f"/lesson?step={step}"
    page.wait_for_url(f"**{expected}", timeout=15_000)
    wait_until_finished(page)
    page.wait_for_function(CHARTS_SETTLED, timeout=20_000)
    page.wait_for_function(f"() => document.querySelector('h1')?.isConnected && "
                           f"document.body.innerText.includes('Step {step} of {STEPS}')",
                           timeout=15_000)


def _sidebar(page) -> str:
    return page.locator(SIDEBAR).get_attribute("aria-expanded") or str(
        page.locator(SIDEBAR).bounding_box()["width"] > 50)


@pytest.mark.parametrize(("width", "height"), [(1280, 720), (1024, 768)])
def test_keyboard_walks_every_step(e2e_browser, e2e_base_url, width, height):
    """ArrowRight to the end, ArrowLeft back, End, browser Back once: the link follows the
    step and the sidebar stays as it was."""
    _walk(e2e_browser, e2e_base_url, width, height)


def _walk(e2e_browser, e2e_base_url, width: int, height: int) -> dict[int, int]:
    """Walk the lesson by keyboard; the page height of each step."""
    context = e2e_browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    try:
        page.goto(f"{e2e_base_url}/lesson")
        _settle(page, 1)
        sidebar = _sidebar(page)
        heights = {}
        for step in range(1, STEPS + 1):
            _settle(page, step)
            heights[step] = page.evaluate(PAGE_HEIGHT)
            assert _sidebar(page) == sidebar, step
            if step < STEPS:
                page.keyboard.press("ArrowRight")
        for step in range(STEPS - 1, 0, -1):
            page.keyboard.press("ArrowLeft")
            _settle(page, step)
        page.keyboard.press("End")
        _settle(page, STEPS)
        page.go_back()
        _settle(page, 1)
        assert _sidebar(page) == sidebar
    finally:
        context.close()
    return heights


@pytest.mark.parametrize(("width", "height"), [(1280, 720), (1024, 768)])
def test_every_step_fits_the_screen(e2e_browser, e2e_base_url, width, height):
    """Every step's page is no taller than the viewport (no scroll on a projector)."""
    heights = _walk(e2e_browser, e2e_base_url, width, height)
    too_tall = {s: h for s, h in heights.items() if h > height}
    assert not too_tall, f"steps taller than {height} px: {too_tall}"
