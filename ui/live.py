"""The Streamlit glue of a live class: the store (one per process), the link's code and
token, who this browser is, and the blocks both live pages draw (the reveal, the answer
buttons). The rules live in ``classroom.live_class``; what is shown in ``views.live``."""

from __future__ import annotations

import html
import time
from collections.abc import Callable

import streamlit as st

from classroom import live_class
from classroom.join import join_url
from classroom.live_class import format_code
from classroom.live_prompts import LivePrompt, find_prompt, prompt_bank
from ui import state
from ui.data import cached, tables
from ui.join import _qr
from ui.show import computed, escape_markdown, quote
from views.live import COMPUTED, Share, client_address

STUDENT_PAGE = "join_class"
LIVE_CSS = """<style>
.live-code {font-size: clamp(24px, 2.9vw, 56px); font-weight: 800; line-height: 1.15;
  font-family: ui-monospace, monospace; word-break: break-all;}
.live-code.big {font-size: clamp(40px, 6vw, 140px); letter-spacing: 0.04em;}
</style>"""


@st.cache_resource(show_spinner=False, max_entries=1)
def store():
    """The live classes' store, chosen by LIVE_CLASS_STORE (shared by every session)."""
    return live_class.open_store()


bank = cached(64)(prompt_bank)
"""Every prompt a teacher can pick, for a quiz number (shared; read-only)."""
lookup = cached(512)(find_prompt)
"""A prompt by its id, with its quote and source (shared; read-only)."""


def now() -> float:
    """The clock the live class counts expiry and rate limits by."""
    return time.time()


def device() -> str:
    """What join limits count by: this phone's address (through the balancer too)."""
    forwarded = st.context.headers.get_all("X-Forwarded-For") if st.context.headers else []
    return client_address(getattr(st.context, "ip_address", None), forwarded) or "unknown"


def link_values(*keys: str) -> dict[str, str]:
    """The link's live-class values (``live``, ``host``, ``seat``), checked against their
    declared pattern; a value that does not fit is named in the page's link notice."""
    for key in keys:
        state.init_text(key)
    return {key: st.session_state[key] for key in keys}


def keep_in_link(**values: str) -> None:
    """Put the class code and this browser's token in the link, so a reload keeps its place."""
    for key, value in values.items():
        st.session_state[key] = value
        if value:
            st.query_params[key] = value
        else:
            st.query_params.pop(key, None)


def student_address(code: str) -> str | None:
    """The address a phone opens to join class ``code``, or None when not shared."""
    base = join_url(st.get_option("server.address"), st.get_option("server.port"),
                    STUDENT_PAGE, st.get_option("server.baseUrlPath") or "")
    return None if base is None else f"{base}?live={code}"


def join_box(code: str, big: bool = False) -> None:
    """The class code in big letters (bigger still with ``big``: the lobby, before the first
    question), and the QR code of the student page's address."""
    size = "live-code big" if big else "live-code"
    st.html(LIVE_CSS + f'<div class="{size}" aria-label="Class code">'
            f'{html.escape(format_code(code))}</div>')
    url = student_address(code)
    if url is None:
        st.caption("Phones can join once the app is served on the classroom network (README: "
                   "*Running a live class*).")
        return
    st.image(_qr(url), width=320 if big else 200, caption=f"Scan, or type {url}")


def reveal_block(prompt: LivePrompt | None, answer: str, share: Share | None = None) -> None:
    """The right answer, the quote behind it with its source, and the class's share right."""
    st.markdown(f"### The answer: {escape_markdown(answer)}")
    if prompt is not None:
        quote(prompt.quote, prompt.credit, prompt.note)
        if prompt.detail:
            computed(prompt.detail, "the published tables")
    if share is not None:
        computed(share.words, COMPUTED)


def option_buttons(options: tuple[str, ...], chosen: str | None, on_pick: Callable,
                   key: str, disabled: bool = False) -> None:
    """One big button per option (the chosen one filled); tapping calls ``on_pick(option)``."""
    for index, option in enumerate(options):
        st.button(option, key=f"{key}_{index}", width="stretch", disabled=disabled,
                  type="primary" if option == chosen else "secondary",
                  on_click=on_pick, args=(option,),
                  icon=":material/check_circle:" if option == chosen else None)


def refusal(error: live_class.LiveError) -> None:
    """A refusal of the live class, as the plain sentence it carries."""
    st.error(escape_markdown(str(error)), icon=":material/block:")


def prompt_of(t, pid: str) -> LivePrompt | None:
    """The full prompt (quote, source) for a room's prompt id."""
    return lookup(t, pid)


__all__ = ["tables"]
