"""Overview: what metastasis is, the headline facts with their sources, where to start."""

import streamlit as st

from ui.data import overview_texts, tables
from ui.frame import within_app
from ui.join import join_panel
from ui.show import caution, quote

within_app()  # drawn inside the app's frame, whatever opened it (ui/frame.py)

texts = overview_texts(tables())

st.title("Where cancers spread")
st.markdown("When a cancer spreads from where it started to another part of the body, doctors "
            "call it **metastasis**. This dashboard shows what five published sources say "
            "about where each cancer tends to spread, and how sure we can be. Every fact here "
            "is shown in the source's own words.")
caution()
join_panel(key="overview_join")  # only when served on the classroom network

left, middle, right = st.columns(3)
left.metric("Cancers in the NCI ranked table", texts["ranked_cancers"],
            help="The National Cancer Institute fact sheet lists the three most common "
                 "metastasis sites for each of these cancers, leaving out lymph nodes on "
                 "purpose.")
middle.metric("Spread claims, each with a quote", texts["claims"],
              help="Ranked-table cells plus every sentence in the sources that names a cancer "
                   "spreading to a site.")
right.metric("Sources, each rated for trust", texts["sources"])

for topic, facts in texts["topics"]:
    st.subheader(topic.capitalize())
    for words, source, detail in facts:
        quote(words, source, detail)

st.subheader("Where to start")
st.page_link("pages/spread.py", label="Pick a cancer and see where it spreads, and the quotes "
             "behind each cell", icon=":material/grid_on:")
st.page_link("pages/network.py", label="Follow the network of cancers and the sites they "
             "share", icon=":material/hub:")
st.page_link("pages/survival.py", label="Read the survival figures the sources quote, and "
             "what they do not tell you", icon=":material/monitoring:")
st.page_link("pages/sources.py", label="Check the five sources, how far to trust each, and "
             "download every table", icon=":material/menu_book:")
