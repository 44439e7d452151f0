"""A throwaway redis-server for the live-class tests and bench: a free port, no disk writes.

Debian's ``redis-server`` (``apt-get install redis-server``; tests/run.sh does) is started
with persistence off, listening on 127.0.0.1 only, and stopped by its process id.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass

from tools.app_server import free_port


def redis_server_path() -> str | None:
    """The redis-server program: ``$REDIS_SERVER``, else the one on PATH or /usr/bin; or None."""
    found = os.environ.get("REDIS_SERVER") or shutil.which("redis-server")
    if found is None and os.access("/usr/bin/redis-server", os.X_OK):
        found = "/usr/bin/redis-server"
    return found


@dataclass
class RedisServer:
    """A running redis-server: its process and the URL a store opens (database 0)."""

    process: subprocess.Popen
    port: int
    folder: str

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"


def start_redis(program: str, timeout: float = 15.0) -> RedisServer:
    """Start ``program`` on a free port and wait until it accepts connections."""
    folder, port = tempfile.mkdtemp(prefix="live-redis-"), free_port()
    process = subprocess.Popen(
        [program, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
         "--appendonly", "no", "--dir", folder, "--protected-mode", "yes"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"redis-server exited with code {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5) as sock:
                sock.sendall(b"PING\r\n")
                if sock.recv(16).startswith(b"+PONG"):
                    return RedisServer(process, port, folder)
        except OSError:
            time.sleep(0.05)
    process.kill()
    raise RuntimeError(f"redis-server did not answer on port {port} within {timeout} s")


def stop_redis(server: RedisServer) -> None:
    """Stop the server (by its own process id) and remove its folder."""
    server.process.terminate()
    try:
        server.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait()
    shutil.rmtree(server.folder, ignore_errors=True)
