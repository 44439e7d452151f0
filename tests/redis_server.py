"""The session's redis-server for the Redis half of the live-class tests (mark `server`).

Missing redis-server (or the redis client): skipped with the reason, a failure under CI=true
(tests/run.sh installs redis-server with apt-get where it can).
"""

from __future__ import annotations

import importlib.util
import os

import pytest

from tools.redis_server import redis_server_path, start_redis, stop_redis


def _missing(reason: str) -> None:
    if os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}:
        pytest.fail(f"CI=true and {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def redis_url():
    """The URL of a redis-server started for this session on a free port; stopped after."""
    program = redis_server_path()
    if program is None:
        _missing("redis-server is not installed (apt-get install redis-server; tests/run.sh does)")
    if importlib.util.find_spec("redis") is None:
        _missing("the redis client is not installed (pip install -r requirements.txt)")
    server = start_redis(program)
    try:
        yield server.url
    finally:
        stop_redis(server)
