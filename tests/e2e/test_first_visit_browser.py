"""A fresh server's first visitor opens a deep link: the README's plain start command
(``streamlit run app.py``, no option but a free port and no browser window) must draw that
page, with its link's values, the titled navigation, and no "Page not found" box.

Each case starts its own server, so the link is the very first thing the server is asked
for: the case Streamlit 1.67's pages/-folder guess used to get wrong (ui/frame.py).
"""

from __future__ import annotations

import pytest

from tests.conftest import LESSON_LENGTH
from tools.app_server import (
    EXCEPTION,
    NAV_LINK,
    VIEWPORT,
    block_offsite,
    start_server,
    stop_server,
)
from ui.navigation import PAGES

from .browser import open_page

pytestmark = pytest.mark.browser

FIRST_LINKS = [
    # (link, heading the page draws, text on the page that only the link's value explains)
    ("network?layout=spring&seed=4321", "The network of spread", "4321"),
    ("lesson?step=3", "Where each cancer spreads", f"Step 3 of {LESSON_LENGTH}"),
]


@pytest.mark.parametrize(("link", "heading", "from_link"), FIRST_LINKS,
                         ids=[link.split("?")[0] for link, _, _ in FIRST_LINKS])
def test_first_visitor_of_a_fresh_server_gets_the_linked_page(
        e2e_app_dir, e2e_browser, link, heading, from_link):
    """Started exactly as the README says, the server's first visitor opens ``link``: the
    page it names is drawn with the link's values, never "Page not found"."""
    server = start_server(e2e_app_dir, options=())
    context = e2e_browser.new_context(viewport=VIEWPORT)
    block_offsite(context)
    try:
        page = context.new_page()
        result = open_page(page, f"{server.base_url}/{link}")
        assert not result.not_found, f"'Page not found' for the first visitor of /{link}"
        assert page.get_by_text("Page not found").count() == 0
        assert page.locator("h1").first.inner_text() == heading
        shown = page.locator("[data-testid=stMain]").inner_text()
        values = page.locator("[data-testid=stMain] input").evaluate_all(
            "inputs => inputs.map(i => i.value)")
        assert from_link in shown or from_link in values, (from_link, values)
        assert page.url.endswith(f"/{link}")
        titles = [t.split("\n")[-1] for t in page.locator(NAV_LINK).all_inner_texts()]
        assert titles == [spec.title for spec in PAGES]
        assert page.locator(EXCEPTION).count() == 0
        assert result.page_errors == []
    finally:
        context.close()
        stop_server(server)
