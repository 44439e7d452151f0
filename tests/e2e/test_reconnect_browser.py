"""A tab whose replica dies reconnects to the other and shows only what that server has.

Through HAProxy with two replicas, in real Chromium: a student uploads a table and the
views show it; the replica holding the tab is killed while the tab sits idle (no click, no
key). The tab must rerun on the surviving replica and ask for the file again, never keep
showing "The views now show <file>" for data no server holds (ui/reconnect.py). A busy
tab (a run in progress when the replica dies) must end the same way.
"""

from __future__ import annotations

import pytest

from tools.app_server import EXCEPTION, VIEWPORT, block_offsite, in_ci
from tools.balancer import haproxy_path, kill_replica, start_cluster, stop_cluster

from .browser import open_page

pytestmark = pytest.mark.browser

TABLE = b"primary,site,rank\nLung,Bone,1\nLung,Liver,2\nBreast,Bone,1\n"
SHOWN = "The views now show"
LOST = "Please upload your file again"


@pytest.fixture()
def cluster():
    """Two replicas behind HAProxy (skipped without haproxy, failed under CI=true)."""
    if haproxy_path() is None:
        if in_ci():
            pytest.fail("CI=true and haproxy is not installed", pytrace=False)
        pytest.skip("haproxy is not installed (apt-get install haproxy)")
    running = start_cluster()
    try:
        yield running
    finally:
        stop_cluster(running)


@pytest.mark.parametrize("busy", [False, True], ids=["idle_tab", "busy_tab"])
def test_a_tab_on_a_killed_replica_asks_for_the_file_again(cluster, e2e_browser, tmp_path,
                                                            busy):
    """Upload, show it in the views, kill the tab's replica: within 30 s the same tab says
    to upload the file again, and no longer claims the views show it."""
    context = e2e_browser.new_context(viewport=VIEWPORT)
    block_offsite(context)
    try:
        page = context.new_page()
        result = open_page(page, f"{cluster.base_url}/own_data")
        path = tmp_path / "first.csv"
        path.write_bytes(TABLE)
        page.locator("input[type=file]").set_input_files(str(path))
        page.get_by_role("button", name="Show this data in the heatmap, network and body map"
                         ).click(timeout=30_000)
        page.get_by_text(SHOWN).wait_for(timeout=30_000)
        replica = next(c["value"] for c in context.cookies() if c["name"] == "WCS_REPLICA")
        if busy:  # a run in progress when the replica dies
            page.get_by_role("button", name="Back to the five sources").click()
        kill_replica(cluster, replica)
        page.get_by_text(LOST).wait_for(timeout=30_000)
        assert page.get_by_text(SHOWN).count() == 0
        assert page.locator(EXCEPTION).count() == 0
        survivor = next(c["value"] for c in context.cookies() if c["name"] == "WCS_REPLICA")
        assert survivor != replica
        assert result.page_errors == []
    finally:
        context.close()
