"""Several app servers behind HAProxy on 127.0.0.1, for the replica and fault tests.

The balancer runs the shipped ``deploy/haproxy.cfg`` itself, with only its ``bind`` and
``server`` lines rewritten to ports that were free a moment ago (other people run servers
on this machine too, so no port is fixed). Every wait is bounded; everything started here
is stopped by :func:`stop_cluster`.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from tools.app_server import REPO_ROOT, Server, free_port, start_server, stop_server

CONFIG = REPO_ROOT / "deploy" / "haproxy.cfg"
_BIND = re.compile(r"^(\s*)bind\s+\S+", re.MULTILINE)
_SERVER = re.compile(r"^(\s*)server\s.*\n", re.MULTILINE)


def haproxy_path() -> str | None:
    """The ``haproxy`` command on PATH (Debian's package puts it in /usr/sbin), or None."""
    return shutil.which("haproxy") or shutil.which("/usr/sbin/haproxy")


def render(config: str, front_port: int, backend_ports: list[int]) -> str:
    """``config`` with its frontend bound to 127.0.0.1:``front_port`` and one ``server``
    line per backend port, named ``app1``, ``app2``... in place of the shipped ones.

    >>> text = "frontend f\\n    bind 0.0.0.0:80\\nbackend b\\n    server a 1.2.3.4:1 cookie a\\n"
    >>> print(render(text, 9000, [9001, 9002]), end="")
    frontend f
        bind 127.0.0.1:9000
    backend b
        server app1 127.0.0.1:9001 cookie app1
        server app2 127.0.0.1:9002 cookie app2
    """
    servers = list(_SERVER.finditer(config))
    if len(_BIND.findall(config)) != 1 or not servers:
        raise ValueError("the config needs exactly one bind line and at least one server line")
    indent = servers[0].group(1)
    lines = "".join(f"{indent}server app{i} 127.0.0.1:{port} cookie app{i}\n"
                    for i, port in enumerate(backend_ports, start=1))
    config = config[:servers[0].start()] + lines + _SERVER.sub("", config[servers[0].start():])
    return _BIND.sub(lambda m: f"{m.group(1)}bind 127.0.0.1:{front_port}", config)


@dataclass
class Cluster:
    """Replicas by name (``app1``...) and the balancer in front of them."""

    replicas: dict[str, Server]
    balancer: subprocess.Popen
    base_url: str
    config_path: Path
    log_path: Path

    def log_tail(self, lines: int = 20) -> str:
        """The end of haproxy's own messages (servers going down and up, alerts)."""
        text = self.log_path.read_text(errors="replace") if self.log_path.exists() else ""
        return "\n".join(text.splitlines()[-lines:]) or "(haproxy said nothing)"


def start_cluster(replicas: int = 2, timeout: float = 60.0) -> Cluster:
    """Start ``replicas`` app servers and HAProxy in front; wait until all answer."""
    haproxy = haproxy_path()
    if haproxy is None:
        raise FileNotFoundError("haproxy is not installed (apt-get install haproxy)")
    with ThreadPoolExecutor(replicas) as pool:  # the servers start in parallel
        servers = list(pool.map(lambda _: start_server(REPO_ROOT, timeout=timeout),
                                range(replicas)))
    named = {f"app{i}": server for i, server in enumerate(servers, start=1)}
    front = free_port()
    ports = [int(server.base_url.rsplit(":", 1)[1]) for server in servers]
    with tempfile.NamedTemporaryFile("w", prefix="wcs-haproxy-", suffix=".cfg",
                                     delete=False) as handle:
        handle.write(render(CONFIG.read_text(), front, ports))
    log_path = Path(handle.name).with_suffix(".log")
    with log_path.open("wb") as log:  # a file, not a pipe: a full pipe would stall haproxy
        process = subprocess.Popen([haproxy, "-db", "-f", handle.name], stdin=subprocess.DEVNULL,
                                   stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    cluster = Cluster(named, process, f"http://127.0.0.1:{front}", Path(handle.name), log_path)
    try:
        wait_balanced(cluster, timeout)
    except BaseException:
        stop_cluster(cluster)
        raise
    return cluster


def wait_balanced(cluster: Cluster, timeout: float) -> None:
    """Poll the health endpoint through the balancer until every replica has answered."""
    deadline, seen = time.monotonic() + timeout, set()
    while time.monotonic() < deadline and seen != set(cluster.replicas):
        if cluster.balancer.poll() is not None:
            raise RuntimeError(f"haproxy exited:\n{cluster.log_tail()}")
        try:
            with urllib.request.urlopen(cluster.base_url + "/_stcore/health", timeout=2) as r:
                seen.add(r.headers.get("X-Served-By"))
        except (urllib.error.URLError, OSError):
            time.sleep(0.2)
    if seen != set(cluster.replicas):
        raise RuntimeError(f"only {sorted(seen)} answered through haproxy in {timeout:.0f} s")


def kill_replica(cluster: Cluster, name: str) -> None:
    """End one replica at once (SIGKILL, no goodbye to its tabs), as a crash would."""
    server = cluster.replicas[name]
    with contextlib.suppress(ProcessLookupError):
        os.killpg(server.process.pid, signal.SIGKILL)
    server.process.wait(timeout=10)


def stop_cluster(cluster: Cluster) -> None:
    """Stop the balancer and every replica that is still running."""
    if cluster.balancer.poll() is None:
        cluster.balancer.terminate()
        try:
            cluster.balancer.wait(timeout=10)
        except subprocess.TimeoutExpired:
            cluster.balancer.kill()
            cluster.balancer.wait(timeout=10)
    for server in cluster.replicas.values():
        stop_server(server)
    cluster.config_path.unlink(missing_ok=True)
    cluster.log_path.unlink(missing_ok=True)
