"""Body map: arrows on a simple body figure, from where a cancer starts to where it spreads."""

import streamlit as st

from data.glossary import PAGE_TERMS
from ui import own_data, present, state
from ui.data import body_map_choices, body_map_view, filter_options, tables
from ui.frame import within_app
from ui.notebook import notebook_downloads
from ui.screen import current
from ui.show import chart, chart_data, explore_intro, image_downloads, quote_cards
from views.view_notebooks import body_map_notebook

within_app()  # drawn inside the app's frame, whatever opened it (ui/frame.py)

MODES = {"cancer": "Start from a cancer", "site": "Start from a site"}

t = tables()
choices = body_map_choices(t)
cancer_options, site_options = choices.cancers, choices.sites
state.init_single("mode", MODES)
state.init_single("body_cancer", cancer_options)
state.init_single("body_site", site_options)
state.init_single("sentences", ["yes", "no"])

if present.presenting():
    mode = st.session_state["mode"]
    named = cancer_options if mode == "cancer" else site_options
    present.show(lambda c: body_map_view(t, mode, c, st.session_state["sentences"] == "yes"
                                         ).spec, named, f"body_{mode}",
                 lambda c: (f"Where {named[c].lower()} spreads in the body" if mode == "cancer"
                            else f"The cancers that reach the {named[c].lower()}"),
                 mode)

st.title("Body map")
own_data.show_instead("body_map", own_data.show_body_map)  # an uploaded table, if chosen
explore_intro("Arrows run from where a cancer starts to where it spreads. The figure shows "
              "*where*, not *how often*.",
              "A simplified body, drawn here without any picture from the internet. Pick a "
              "cancer to see arrows from where it starts to where it spreads, or pick a site to "
              "see every cancer that reaches it. Arrow thickness is the order in the NCI table, "
              "not a percentage. Positions are approximate.", PAGE_TERMS["body_map"])
state.show_notices()
if current().narrow:  # a phone keeps the figure in its first screen: one box, the rest closed
    middle = st.container()
    left = right = st.expander("Start from a site, and which pairs to draw",
                               icon=":material/tune:")
else:
    left, middle, right = st.columns([1, 1, 1])
left.radio("Start from", list(MODES), format_func=MODES.get, key="mode", horizontal=True)
if st.session_state["mode"] == "cancer":
    middle.selectbox("Cancer", list(cancer_options), format_func=cancer_options.get,
                     key="body_cancer")
else:
    middle.selectbox("Site", list(site_options), format_func=site_options.get, key="body_site")
right.radio("Pairs named only in sentences", ["yes", "no"], key="sentences", horizontal=True,
            format_func={"yes": "Show them (dashed)", "no": "Ranked table only"}.get)
for key in ("mode", "body_cancer", "body_site", "sentences"):
    state.sync(key)

mode = st.session_state["mode"]
chosen = st.session_state[f"body_{mode}"]
view = body_map_view(t, mode, chosen, st.session_state["sentences"] == "yes")
if view.arrows.empty:
    st.info("No arrows to draw: the NCI ranked table names no site for this choice. Choose "
            "\"Show them (dashed)\" to add the pairs named in sentences.",
            icon=":material/info:")
else:
    chart(view.spec)
    present.present_button()
    st.caption(choices.left_out)
    chart_data(view.rows_shown, f"body_map_{mode}_{chosen}.csv", "body_map_data",
               "Show the arrows as a table")
    image_downloads(view.spec, f"body_map_{chosen}", choices.credit, "body_map_image")
    notebook_downloads(body_map_notebook(filter_options(t), mode, chosen,
                                         st.session_state["sentences"] == "yes"),
                       "body_map_notebook")
    st.subheader("The quotes behind the arrows")
    quote_cards(view.quotes, f"body_map_quotes_{chosen}.csv", "Download these quotes (CSV)",
                "body_map_quotes")
