"""Where cancers spread: the cancer x site heatmap, the top-three bars and their quotes."""

import streamlit as st

from charts.spread import CELL_SELECTION
from data import query
from data.glossary import PAGE_TERMS
from data.vocabulary import EVIDENCE_LABELS
from ui import own_data, state
from ui.data import filter_options, spread_quotes, spread_view, tables
from ui.filters import spread_filters
from ui.show import chart, chart_data, glossary, image_downloads, quote, table_with_download
from views.spread import slide_caption

t = tables()
cancer_names = query.labels(t["cancers"], "cancer_id")
site_names = query.labels(t["sites"], "site_id")
cancer_options = filter_options(t)["cancer"]
state.init_single("focus", [""] + list(cancer_options), "")

st.title("Where cancers spread")
own_data.show_instead("heatmap", own_data.show_heatmap)  # an uploaded table, if chosen
st.markdown("Each row is a cancer, each column a place it can spread to. **Blue cells** come "
            "from the National Cancer Institute's table of the three most common sites for 12 "
            "cancers (darkest = most common). That table is an *order*, not a percentage, and "
            "it leaves out lymph nodes. **Markers** show pairs that a sentence in a source names. "
            "A blank cell means no source here names the pair, not that it never happens.")
glossary(PAGE_TERMS["spread"])
chosen = spread_filters(t, ("cancer", "site", "evidence", "source"))

filters = tuple(tuple(chosen[k]) for k in ("cancer", "site", "evidence", "source"))
view = spread_view(t, *filters)
if view.empty:
    st.info("No claims match this combination of filters. Clear a filter (or add a cancer, "
            "site, kind of evidence or source) to see the chart again.",
            icon=":material/filter_alt_off:")
    st.stop()

event = chart(view.heatmap, on_select="rerun", key="heatmap", selection_mode=CELL_SELECTION)
chart_data(view.cells_shown, "spread_heatmap_cells.csv", "heatmap_data")
image_downloads(view.heatmap, "where_cancers_spread_heatmap", view.credit, "heatmap_image",
                caption=slide_caption(filter_options(t), chosen))

st.subheader("The quotes behind it")
picked = event.selection.get(CELL_SELECTION, []) if event else []
left, right = st.columns([1, 2])
left.selectbox("Show the quotes for a cancer", [""] + list(cancer_options),
               format_func=lambda c: cancer_options.get(c, "Choose a cancer…"), key="focus")
state.sync("focus", "")
if picked:
    primary, site = picked[0]["primary"], picked[0]["site"]
    right.markdown(f"Showing the cell you clicked: **{cancer_names[primary]} → "
                   f"{site_names[site]}**. Click it again to clear it.")
    shown = spread_quotes(t, primary, site, filters[2], filters[3])
elif st.session_state["focus"]:
    shown = spread_quotes(t, st.session_state["focus"], None, filters[2], filters[3])
    right.markdown(f"Showing every quote about **{cancer_options[st.session_state['focus']]}** "
                   "that matches the filters. Or click a cell in the chart.")
else:
    shown = None
    right.markdown("Choose a cancer, or click a cell in the chart, to read the sources' own "
                   "words.")
if shown is not None:
    for row in shown.itertuples():
        rank = f", rank {row.rank}" if row.evidence == EVIDENCE_LABELS["ranked_table"] else ""
        detail = f"{row.evidence}{rank} · {cancer_names[row.primary]} → {site_names[row.site]}"
        detail += f" · {row.note}" if row.note else ""
        quote(row.quote, f"{row.source} (confidence: {row.confidence})", detail)

st.subheader("Which sites appear most in the top three?")
st.markdown("For each site: how many of the cancers in the NCI table list it first, second or "
            "third. This counts entries in the table; it does not say how many patients have "
            "spread there.")
if view.bars is None:
    st.info("The filters leave no ranked-table rows, so there is nothing to count here.")
else:
    chart(view.bars)
    chart_data(view.counts_shown, "top_three_site_counts.csv", "top_three_data")

st.subheader("Every claim that matches the filters")
st.caption("A long quote is cut short in this table: to read it in full, choose its cancer "
           "under *The quotes behind it*, or click its cell in the chart.")
table_with_download(view.rows_shown, "spread_claims_filtered.csv",
                    "Download these claims (CSV)", "spread_rows")
