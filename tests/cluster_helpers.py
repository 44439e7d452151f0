"""Two replicas behind HAProxy for a test: skipped with the reason when HAProxy is missing,
a failure under CI=true (tests/run.sh installs it with apt-get where it can)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import pytest

from tools.app_server import in_ci
from tools.balancer import Cluster, haproxy_path, start_cluster, stop_cluster


@contextlib.contextmanager
def running_cluster(replicas: int = 2) -> Iterator[Cluster]:
    """Start ``replicas`` app servers and the balancer on free ports; stop them after."""
    if haproxy_path() is None:
        reason = "haproxy is not installed (apt-get install haproxy; tests/run.sh does)"
        if in_ci():
            pytest.fail(f"CI=true and {reason}", pytrace=False)
        pytest.skip(reason)
    cluster = start_cluster(replicas)
    try:
        yield cluster
    finally:
        stop_cluster(cluster)
