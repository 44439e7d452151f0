"""The "join from your device" panel: shown only when the app is served on the classroom
network (``--server.address=0.0.0.0``), never by default."""

from __future__ import annotations

import streamlit as st

from classroom.commands import START, START_FOR_CLASS
from classroom.join import join_url, qr_png
from ui.data import cached
from ui.navigation import LESSON

# How the README starts the app, from its one owner (classroom/commands.py).
START_COMMAND = START
SERVE_ON_NETWORK = START_FOR_CLASS


@cached(max_entries=64)
def _qr(url: str) -> bytes:
    """The QR code of a join address (a class shares a handful of them)."""
    return qr_png(url)


def address(page: str = LESSON.url_path, step: int | None = None) -> str | None:
    """The address students type for ``page`` (at ``step``), or None when not shared."""
    return join_url(st.get_option("server.address"), st.get_option("server.port"),
                    page, st.get_option("server.baseUrlPath") or "", step)


def join_hint() -> str:
    """What to do for the panel to appear: the README's start command, on the network."""
    return (f"Shown when the app is served on the classroom network: start it with "
            f"`{SERVE_ON_NETWORK}` (see the README).")


def join_panel(step: int | None = None, key: str = "join", hint: bool = False) -> None:
    """The address and its QR code; with ``step``, a switch to open the lesson at that step.
    When the app is not served on the classroom network: nothing, or with ``hint`` the
    command that serves it there."""
    if address() is None:
        if hint:
            st.caption(join_hint())
        return
    follow = step is not None and step > 1 and st.toggle(
        f"Open at my current step ({step})", key=f"{key}_follow", value=True)
    url = address(step=step if follow else None)
    st.markdown(f"**Join from your device:** type `{url}`")
    st.image(_qr(url), width=220, caption=f"QR code for {url}")
    st.caption("Works on the classroom network only: students' devices connect to this "
               "computer, nothing goes to the internet.")
