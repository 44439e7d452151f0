"""Past one server: two replicas behind HAProxy (the shipped deploy/haproxy.cfg), spoken to
at the protocol level as browser tabs would (tools/st_client.py).

Each session uploads its own table, downloads it back as CSV and a slide image as PNG, and
every request it makes must reach the one replica holding it. Then one replica is killed
mid-run: its sessions reconnect to the other and their pages draw again, the upload page
asking for the file again, never an error. HAProxy missing: skipped with the reason, a
failure under CI=true (tests/run.sh installs it with apt-get where it can).
"""

from __future__ import annotations

import csv
import io
import subprocess
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.cluster_helpers import running_cluster
from tools.balancer import CONFIG, Cluster, haproxy_path, kill_replica, render
from tools.st_client import ProtocolError, Session
from ui.own_upload import UPLOAD_LOST

pytestmark = pytest.mark.server  # starts servers: tests/run.sh runs it after the fast tests

SESSIONS = 4
SITES = ("Brain", "Bones", "Liver", "Lung", "Adrenal")
LOST_FIRST_WORDS = UPLOAD_LOST.split(".")[0]  # "**Please upload your file again"


@pytest.fixture
def cluster() -> Iterator[Cluster]:
    """Two replicas and HAProxy on free ports of 127.0.0.1, stopped after the test."""
    with running_cluster(2) as started:
        yield started


def test_shipped_config_renders_with_the_ports_given(tmp_path) -> None:
    """The tests run deploy/haproxy.cfg itself: only its bind and server lines change, and
    what comes out is a config HAProxy accepts (checked when HAProxy is installed)."""
    shipped = CONFIG.read_text()
    rendered = render(shipped, 40000, [40001, 40002, 40003])
    servers = [line.split()[:3] for line in rendered.splitlines()
               if line.strip().startswith("server ")]
    assert servers == [["server", f"app{i}", f"127.0.0.1:4000{i}"] for i in (1, 2, 3)]
    assert "bind 127.0.0.1:40000" in rendered
    assert "cookie WCS_REPLICA insert" in rendered
    assert "option httpchk GET /_stcore/health" in rendered
    assert rendered.count("\n") == shipped.count("\n") + 1  # one server line more, nothing lost
    if haproxy_path():
        path = tmp_path / "haproxy.cfg"
        path.write_text(rendered)
        check = subprocess.run([haproxy_path(), "-c", "-f", str(path)], capture_output=True,
                               text=True, timeout=30)
        assert check.returncode == 0, check.stdout + check.stderr


def own_table(index: int) -> bytes:
    """A ranked table only session ``index`` uploads: its sites in an order of its own."""
    order = SITES[index % len(SITES):] + SITES[:index % len(SITES)]
    rows = "".join(f"Kidney,{site},{rank}\n" for rank, site in enumerate(order, start=1))
    return ("primary,site,rank\n" + rows).encode()


def ranks_in(csv_bytes: bytes) -> dict[str, int]:
    """Name as written -> rank, from the checked table's CSV download."""
    rows = csv.DictReader(io.StringIO(csv_bytes.decode("utf-8-sig")))
    return {row["names_in_file"].split(" → ")[1]: int(row["rank"]) for row in rows}


def shown(run) -> list[str]:
    """The run's texts as a person reads them (Markdown's backslash escapes removed)."""
    return [text.replace("\\", "") for text in run.texts]


def upload_and_download(session: Session, index: int) -> dict:
    """One tab: upload its table, download it back and a slide image; what it got."""
    run = session.open("own_data")
    run = session.upload(run, "own_file", f"class_{index}.csv", own_table(index))
    assert f"**File:** class_{index}.csv" in shown(run), run.texts
    checked = session.download(run.downloads["Download the checked table (CSV)"])
    heatmap = session.run("spread")
    heatmap = session.set_widget(heatmap, "heatmap_image_make", True)
    png = session.download(heatmap.downloads["Slide image (PNG)"])
    return {"ranks": ranks_in(checked), "png": png, "served_by": list(session.served_by),
            "exceptions": run.exceptions + heatmap.exceptions}


def test_each_session_uploads_and_downloads_on_its_own_replica(cluster: Cluster) -> None:
    """Four tabs at once, through the balancer: every upload and download succeeds, and
    every request of a tab reaches the replica that holds its session."""
    sessions = [Session(cluster.base_url) for _ in range(SESSIONS)]
    try:
        with ThreadPoolExecutor(SESSIONS) as pool:
            results = list(pool.map(upload_and_download, sessions, range(SESSIONS)))
    finally:
        for session in sessions:
            session.close()
    replicas = set()
    for index, result in enumerate(results):
        expected = {site: rank for rank, site in enumerate(
            SITES[index:] + SITES[:index], start=1)}
        assert result["ranks"] == expected, f"session {index} got another table back"
        assert result["png"].startswith(b"\x89PNG\r\n\x1a\n") and len(result["png"]) > 20_000
        assert result["exceptions"] == []
        # page, health, websocket, upload, CSV, PNG: every answer from one replica
        assert len(result["served_by"]) >= 6 and len(set(result["served_by"])) == 1, result
        replicas |= set(result["served_by"])
    assert replicas == set(cluster.replicas), "the balancer should spread tabs over both"


def test_killed_replica_sessions_draw_again_on_the_other(cluster: Cluster) -> None:
    """A replica dies mid-run: its tabs reconnect to the other one, their pages draw again,
    and the upload page asks for the file again (no error); the other tabs keep theirs."""
    sessions = [Session(cluster.base_url) for _ in range(SESSIONS)]
    try:
        for index, session in enumerate(sessions):
            run = session.upload(session.open("own_data"), "own_file", f"c{index}.csv",
                                 own_table(index))
            assert run.exceptions == []
        homes = [session.served_by[-1] for session in sessions]
        assert set(homes) == set(cluster.replicas)
        kill_replica(cluster, "app1")
        for session, home in zip(sessions, homes, strict=True):
            if home == "app1":
                with pytest.raises(ProtocolError, match="connection lost"):
                    session.run()
                run = session.reconnect(within=30)
                assert session.served_by[-1] == "app2"
                assert run.exceptions == []
                assert any(text.startswith(LOST_FIRST_WORDS) for text in run.texts), run.texts
                heatmap = session.run("spread")
                assert heatmap.charts == 2 and heatmap.exceptions == []
            else:
                run = session.run()
                assert session.served_by[-1] == "app2" and run.exceptions == []
                assert f"**File:** c{sessions.index(session)}.csv" in shown(run), run.texts
    finally:
        for session in sessions:
            session.close()
        print(cluster.log_tail())
