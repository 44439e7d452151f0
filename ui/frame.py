"""The app's frame (page config, navigation over ``ui.navigation.PAGES``, the shared
sidebar) and the one line each page starts with, so that ``streamlit run app.py`` serves any
link to any visitor, the first one after a start included.

Why pages call :func:`within_app`: Streamlit 1.67 decides, once per process and when the
first browser connects, whether the app uses its old "pages/ folder" navigation, and says
yes because this project has a top-level ``pages/`` folder. Until ``st.navigation`` in
``app.py`` says no (at the end of that first run), Streamlit serves a link by the *file
name* in ``pages/``: ``/network`` runs ``pages/network.py`` on its own, without ``app.py``;
a name it cannot find gets a "Page not found" box. So every page's URL path is its file
name (``ui.navigation``), and a page that finds itself run on its own draws the whole app
around it instead (it runs :func:`run_app`, which opens the same page inside the frame, and
then stops). Every other run is unaffected: ``within_app`` sees the frame and returns.
Only public Streamlit calls are used (``st.navigation``, ``Page.run``, ``st.stop``).
"""

from __future__ import annotations

import threading

import streamlit as st

from ui.guard import run_page
from ui.navigation import PAGES
from ui.reconnect import rerun_after_reconnect
from ui.screen import SCREEN_CSS, watch_screen

_RUN = threading.local()  # a script run happens in one thread: is the frame around it?


def run_app() -> None:
    """Draw the frame and run the page the link asks for (what ``app.py`` does)."""
    # An emoji favicon: a ":material/...:" icon makes the browser fetch it from the internet.
    # "auto": the sidebar starts open on a wide screen and closed on a phone, where it would
    # cover the page; after that it stays as the person left it.
    st.set_page_config(page_title="Where cancers spread", page_icon="🧬",
                       layout="wide", initial_sidebar_state="auto")
    navigation = st.navigation([
        st.Page(spec.file, title=spec.title, icon=spec.icon, url_path=spec.url_path,
                default=(index == 0))
        for index, spec in enumerate(PAGES)
    ], expanded=True)  # every page listed: past ten, Streamlit would hide some behind "View more"
    st.html(SCREEN_CSS)
    watch_screen()  # light or dark, phone or wide: the charts are drawn for what is on screen
    rerun_after_reconnect()  # an idle tab reruns after a reconnect: never a stale view
    with st.sidebar:
        st.markdown("Built only from five published sources, each quoted word for word. "
                    "For learning, not for decisions about anyone's care.")
    _RUN.framed = True
    try:
        run_page(navigation)  # a plain message, never a trace, if a page raises
    finally:
        _RUN.framed = False


def within_app() -> None:
    """First call of every page: return at once inside the app's frame; run on its own (a
    fresh server's first visitor, see the module docstring), draw the app around this page
    and stop this bare run."""
    if getattr(_RUN, "framed", False):
        return
    run_app()
    st.stop()
