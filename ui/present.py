"""Present mode: one chart alone, filling the screen, for a projector.

A "Present" button (or ``?present=1`` in a link, so a teacher's prepared link opens it) hides
the page, the sidebar and the header and draws the page's chart by the slide image's rules
(:mod:`charts.present`) at the window's size. The keys a clicker sends (PageDown/PageUp) and
the arrow keys step through the chart's own choices (cancers or sites); Esc goes back to the
page. The keys are read by a small script (``ui/present.js``, Streamlit's own
``st.components.v2``: no iframe, nothing fetched) that clicks hidden buttons here, so the
server keeps the state and the link follows each step.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from pathlib import Path

import streamlit as st

from charts.present import DEFAULT_SIZE, present_spec, step, window_size
from ui import screen, state
from ui.links import LINKS
from ui.state import escape_markdown

KEY = "present"
ON = "1"
_SIZE = "_present_size"
_JS = (Path(__file__).with_name("present.js")).read_text(encoding="utf-8")

# Only drawn in present mode, so it leaves every other view alone.
PRESENT_CSS = """<style>
section[data-testid=stSidebar], [data-testid=stSidebarCollapsedControl],
header[data-testid=stHeader], [data-testid=stToolbar], [data-testid=stDecoration] {
  display: none !important; }
[data-testid=stMainBlockContainer] { padding: 8px 12px 0 12px !important;
  max-width: none !important; }
[data-testid=stMain] { margin-left: 0 !important; }
.st-key-present_keys { display: none !important; }
.st-key-present_footer p { font-size: 18px; }
</style>"""

BUTTON_HELP = ("Show this chart alone, filling the screen, for a projector. The arrow keys "
               "or a clicker step through; Esc comes back here.")


def presenting() -> bool:
    """Whether this run shows present mode (the button was pressed, or the link says so)."""
    state.init_single(KEY, ["", ON])
    return st.session_state[KEY] == ON


def _set(value: str) -> None:
    st.session_state[KEY] = value


def present_button(key: str = "present_open") -> None:
    """The button that opens present mode (the page's link keeps it closed)."""
    st.button("Present", icon=":material/slideshow:", key=key, on_click=_set, args=(ON,),
              help=BUTTON_HELP)
    state.sync(KEY)


@functools.cache
def _keys():
    """The key-reading component, registered once per process."""
    return st.components.v2.component("present_keys_js", js=_JS)


def _move(choice_key: str, choices: tuple[str, ...], by: int) -> None:
    st.session_state[choice_key] = step(choices, st.session_state.get(choice_key, ""), by)


def show(picture: Callable[[str], dict], choices: Mapping[str, str], choice_key: str,
         title: Callable[[str], str], kind: str) -> None:
    """Draw present mode and stop the page.

    ``picture(choice)`` is the page's chart for a choice and ``title(choice)`` says what it
    shows; ``choices`` maps each choice (by its link value under ``choice_key``) to its name,
    in stepping order; ``kind`` names them for the footer ("cancer", "site")."""
    for key in LINKS:  # keep every page setting while its widgets are not drawn
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]
    order = tuple(choices)
    st.html(PRESENT_CSS)
    with st.container(key="present_keys"):
        report = _keys()(key="present_keys_js", data=st.session_state.get(_SIZE, ""),
                         on_size_change=lambda: None, height=0)
        st.session_state[_SIZE] = getattr(report, "size", None) or st.session_state.get(_SIZE)
        st.button("next", key="present_next", on_click=_move, args=(choice_key, order, 1))
        st.button("previous", key="present_previous", on_click=_move,
                  args=(choice_key, order, -1))
        st.button("exit", key="present_exit", on_click=_set, args=("",))
    window = window_size(st.session_state.get(_SIZE)) if st.session_state.get(_SIZE) \
        else DEFAULT_SIZE
    choice = st.session_state.get(choice_key, "")
    if order and choice not in order:
        choice = st.session_state[choice_key] = order[0]
    drawn = picture(choice) if order else {}
    if drawn:
        spec = present_spec(drawn, title(choice), window, screen.current().theme)
        st.vega_lite_chart(spec, key="present_chart", width="stretch"
                           if spec.get("width") == "container" else "content")
    else:
        st.info("The filters leave nothing to show. Press Esc (or the button below) to go "
                "back to the page and clear a filter.", icon=":material/filter_alt_off:")
    left, right = st.columns([5, 1], vertical_alignment="center")
    with left.container(key="present_footer"):
        named = f"**Present mode** · {escape_markdown(choices.get(choice, ''))}"
        if len(order) > 1:
            st.markdown(f"{named} ({order.index(choice) + 1} of {len(order)}) · → or PageDown: "
                        f"next {kind} · ← or PageUp: previous · Esc: back")
        else:  # one chart: nothing to step through
            st.markdown(f"{named} · Esc: back")
    right.button("Back to the page", icon=":material/close_fullscreen:", key="present_back",
                 on_click=_set, args=("",))
    state.sync(KEY)
    if choice_key in LINKS:
        state.sync(choice_key)
    st.stop()
