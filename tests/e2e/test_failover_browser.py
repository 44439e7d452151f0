"""What a person sees when the replica holding their tab dies, through the real balancer.

Chromium uploads a table on "Your own data" through HAProxy; the replica its cookie pins it
to is killed. Streamlit's page shows that it is reconnecting, reconnects through the
balancer to the other replica (a new session there), runs the page again and, since the new
server never had the file, the page asks for it again: a notice, never an error.
Not yet covered: uploading again in that same tab (tried here, it did not take: open).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.cluster_helpers import running_cluster
from tools.app_server import ARTIFACTS, EXCEPTION, VIEWPORT, block_offsite, wait_until_finished
from tools.balancer import kill_replica
from ui.own_upload import UPLOAD_LOST

pytestmark = pytest.mark.browser

EXAMPLE = Path(__file__).resolve().parents[2] / "data/examples/practice_ranked.csv"
READ = "1. What does each row hold?"  # the heading shown once a file has been read
LOST = UPLOAD_LOST.split(".")[0].strip("*")  # "Please upload your file again"


def replica_of(context) -> str:
    """The replica HAProxy pinned this browser to (its WCS_REPLICA cookie)."""
    return next(c["value"] for c in context.cookies() if c["name"] == "WCS_REPLICA")


def test_tab_on_a_killed_replica_reconnects_and_asks_for_the_file_again(
        e2e_browser: Browser) -> None:
    """Upload, kill the tab's replica: the page comes back from the other replica asking
    for the file again (no exception, no page error)."""
    with running_cluster(2) as cluster:
        context = e2e_browser.new_context(viewport=VIEWPORT)
        block_offsite(context)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        try:
            page.goto(f"{cluster.base_url}/your-data", wait_until="domcontentloaded")
            wait_until_finished(page)
            uploader = page.locator("[data-testid=stFileUploaderDropzoneInput]")
            uploader.set_input_files(EXAMPLE)
            page.get_by_text(READ).wait_for(timeout=30_000)
            first = replica_of(context)
            kill_replica(cluster, first)
            page.get_by_text(LOST).wait_for(timeout=60_000)
            wait_until_finished(page)
            page.screenshot(path=ARTIFACTS / "failover_upload_again.png")
            assert replica_of(context) != first
            assert page.get_by_text(READ).count() == 0
            assert page.locator(EXCEPTION).count() == 0
            assert not errors, errors
        finally:
            context.close()
