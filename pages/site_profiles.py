"""Site profiles: for one site, which cancers reach it, its symptoms and its treatments."""

import streamlit as st

from charts.spread import CELL_SELECTION
from data import query
from data.glossary import PAGE_TERMS
from ui import present, state
from ui.data import (
    filter_options,
    site_options,
    site_picture,
    site_profile_view,
    spread_quotes,
    tables,
)
from ui.frame import within_app
from ui.notebook import notebook_downloads
from ui.picks import bring_into_view, new_click
from ui.show import chart, explore_intro, quote_cards, quote_rows, table_with_download
from ui.state import escape_markdown
from views.clicks import site_cancer
from views.view_notebooks import site_notebook

within_app()  # drawn inside the app's frame, whatever opened it (ui/frame.py)

t = tables()
options = site_options(t)
state.init_single("profile", options)
cancer_names = query.labels(t["cancers"], "cancer_id")
state.init_single("from_cancer", [""] + list(cancer_names))

if present.presenting():
    present.show(lambda s: site_picture(t, s) or {}, options, "profile",
                 lambda s: f"Which cancers spread to the {options[s].lower()}", "site")

st.title("Site profiles")
explore_intro("Pick a place in the body where cancer can spread: which cancers reach it, "
              "its symptoms and its treatments, each in the sources' own words.",
              "Choose a site in the box below. Tap (or click) a cancer in its chart to read "
              "what the sources say about that cancer reaching the site.",
              PAGE_TERMS["site_profiles"])
state.show_notices()
st.selectbox("Site", list(options), format_func=options.get, key="profile")
state.sync("profile")
site = st.session_state["profile"]
profile = site_profile_view(t, site)

# The chart's own title names the site ("Which cancers reach the liver"): no heading above it.
picture = site_picture(t, site)
if picture:
    click = new_click(f"site_chart_{site}", CELL_SELECTION)
    st.session_state["from_cancer"] = site_cancer(st.session_state["from_cancer"], click)
    chart(picture, on_select="rerun", key=f"site_chart_{site}", selection_mode=CELL_SELECTION)
    present.present_button()
    with st.container(key="site_panel", border=True):
        chosen = st.session_state.get("from_cancer", "")
        said = spread_quotes(t, chosen, site, None, None) if chosen else None
        if said is not None and len(said):
            st.markdown(f"**{escape_markdown(cancer_names[chosen])} → "
                        f"{escape_markdown(profile.name)}**: the sources' own words")
            quote_rows(said, lambda row: row.evidence)
            if click:
                bring_into_view("site_panel", chosen + site)
        else:
            st.markdown("Tap (or click) a cancer in the chart to read what the sources say "
                        "about it reaching this site.")
    state.sync("from_cancer")
    notebook_downloads(site_notebook(filter_options(t), site), "site_notebook")
first, second, third = st.columns(3)  # counted from the tables: under the chart, not above
first.metric("Cancers that reach it", profile.n_cancers)
second.metric("Cancers ranking it 1st (NCI)", profile.n_ranked_first)
third.metric("Symptoms the sources name", len(profile.symptoms))
st.markdown("Ranked rows come from the NCI table (1 = most common of its top three; it leaves "
            "out lymph nodes). Other rows are sentences that name the pair.")
quote_cards(profile.cancers, f"site_{site}_cancers.csv", "Download these rows (CSV)",
            "site_cancers")

st.subheader("Symptoms the sources tie to it")
if profile.symptoms.empty:
    st.markdown("None of the five sources ties a symptom to this site.")
else:
    st.markdown("Symptoms named by more sources come first. A symptom can have many causes: "
                "having one does not mean cancer has spread.")
    table_with_download(profile.symptoms, f"site_{site}_symptoms.csv",
                        "Download these symptoms (CSV)", "site_symptoms")
    quote_cards(profile.symptom_quotes, f"site_{site}_symptom_quotes.csv",
                "Download these quotes (CSV)", "site_symptom_quotes")

st.subheader("Treatments the sources name for it")
if profile.treatments.empty:
    st.markdown("None of the five sources names a treatment for cancer that has spread here "
                "in particular. The treatments they name for metastatic cancer in general "
                "are on the Sources and data page (treatments table).")
else:
    quote_cards(profile.treatments, f"site_{site}_treatments.csv",
                "Download these treatments (CSV)", "site_treatments")
