"""Entry and frame: page config, navigation over pages/, and the shared sidebar."""

import streamlit as st

from ui.guard import run_page
from ui.navigation import PAGES
from ui.screen import SCREEN_CSS, watch_screen

# An emoji favicon: a ":material/...:" icon makes the browser fetch it from the internet.
# "auto": the sidebar starts open on a wide screen and closed on a phone, where it would
# cover the page; after that it stays as the person left it.
st.set_page_config(page_title="Where cancers spread", page_icon="🧬",
                   layout="wide", initial_sidebar_state="auto")

navigation = st.navigation([
    st.Page(spec.file, title=spec.title, icon=spec.icon, url_path=spec.url_path,
            default=(index == 0))
    for index, spec in enumerate(PAGES)
])
st.html(SCREEN_CSS)
watch_screen()  # light or dark, phone or wide: the charts are drawn for what is on screen
with st.sidebar:
    st.markdown("Built only from five published sources, each quoted word for word. "
               "For learning, not for decisions about anyone's care.")
run_page(navigation)  # a plain message, never a trace, if a page raises
