"""Running notebooks in tests: a marimo file as its app, a Jupyter notebook cell by cell, and
a guard that refuses (and records) any network connection that would leave the machine."""

from __future__ import annotations

import contextlib
import importlib.util
import itertools
import json
import os
import socket
from collections.abc import Iterator
from pathlib import Path

import altair as alt
import nbformat

LOCAL = ("127.", "::1", "localhost", "0.0.0.0")
_NUMBER = itertools.count()

# The same guard, for a notebook run in another Python process (see :func:`guard_env`).
GUARD_SITECUSTOMIZE = '''
import os, socket
_LOG = os.environ["OFFLINE_GUARD_LOG"]
_LOCAL = ("127.", "::1", "localhost", "0.0.0.0")
def _local(host):
    return host is None or str(host) == "" or str(host).startswith(_LOCAL)
def _note(what):
    with open(_LOG, "a", encoding="utf-8") as log:
        log.write(what + "\\n")
_connect, _connect_ex, _getaddrinfo = (socket.socket.connect, socket.socket.connect_ex,
                                       socket.getaddrinfo)
def connect(self, address):
    if isinstance(address, tuple) and not _local(address[0]):
        _note(f"connect {address!r}")
        raise OSError("a test allows no connection off this machine")
    return _connect(self, address)
def connect_ex(self, address):
    if isinstance(address, tuple) and not _local(address[0]):
        _note(f"connect {address!r}")
        return 101
    return _connect_ex(self, address)
def getaddrinfo(host, *args, **kwargs):
    if not _local(host):
        _note(f"look up {host!r}")
        raise socket.gaierror("a test allows no connection off this machine")
    return _getaddrinfo(host, *args, **kwargs)
socket.socket.connect, socket.socket.connect_ex = connect, connect_ex
socket.getaddrinfo = getaddrinfo
'''


def guard_env(folder: Path) -> tuple[dict[str, str], Path]:
    """Environment for a child Python that loads the guard, and the file it logs to."""
    (folder / "sitecustomize.py").write_text(GUARD_SITECUSTOMIZE, encoding="utf-8")
    log = folder / "offsite.log"
    env = dict(os.environ, OFFLINE_GUARD_LOG=str(log),
               PYTHONPATH=os.pathsep.join([str(folder), os.environ.get("PYTHONPATH", "")]))
    return env, log


def _is_local(host: object) -> bool:
    return host is None or str(host) == "" or str(host).startswith(LOCAL)


@contextlib.contextmanager
def offline(monkeypatch) -> Iterator[list[str]]:
    """Within the block, any connection or name lookup off this machine is refused and
    listed in the yielded list (a test asserts it stays empty)."""
    attempts: list[str] = []
    connect, getaddrinfo = socket.socket.connect, socket.getaddrinfo

    def guarded_connect(sock, address):
        if isinstance(address, tuple) and not _is_local(address[0]):
            attempts.append(f"connect {address!r}")
            raise OSError("a test allows no connection off this machine")
        return connect(sock, address)

    def guarded_getaddrinfo(host, *args, **kwargs):
        if not _is_local(host):
            attempts.append(f"look up {host!r}")
            raise socket.gaierror("a test allows no connection off this machine")
        return getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", guarded_connect)
    monkeypatch.setattr(socket, "getaddrinfo", guarded_getaddrinfo)
    yield attempts


def run_marimo(path: Path) -> dict:
    """Run a marimo notebook file top to bottom (as ``python file.py`` does); its names."""
    spec = importlib.util.spec_from_file_location(f"notebook_{next(_NUMBER)}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    _outputs, names = module.app.run()
    return dict(names)


def run_ipynb(text: str, folder: Path, monkeypatch) -> dict:
    """Check a Jupyter notebook against nbformat's schema, then run its code cells in
    order, in ``folder`` (Jupyter runs a notebook in its own folder); the names it made."""
    nbformat.validate(nbformat.reads(text, as_version=4))
    cells = json.loads(text)["cells"]
    monkeypatch.chdir(folder)
    renderer = alt.renderers.active
    names: dict = {"__name__": "__main__"}
    try:
        for cell in cells:
            if cell["cell_type"] == "code":
                exec(compile("".join(cell["source"]), "<notebook cell>", "exec"), names)
    finally:
        alt.renderers.enable(renderer)
    return names
