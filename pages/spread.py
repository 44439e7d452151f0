"""Where cancers spread: the cancer x site heatmap, the top-three bars and their quotes."""

import streamlit as st

from charts.spread import CELL_SELECTION
from charts.theme import STRONGEST
from data import query
from data.glossary import PAGE_TERMS
from data.vocabulary import EVIDENCE_LABELS
from ui import own_data, present, state
from ui.data import (
    cancer_picture,
    filter_options,
    marked_heatmap,
    pair_options,
    spread_quotes,
    spread_view,
    tables,
)
from ui.filters import chosen_filters, spread_filters
from ui.frame import within_app
from ui.notebook import notebook_downloads
from ui.picks import bring_into_view, forget_click, new_click
from ui.screen import current
from ui.show import (
    chart,
    chart_data,
    explore_intro,
    image_downloads,
    quote_rows,
    table_with_download,
)
from views.clicks import SpreadChoice, phone_focus, shown_pair, spread_after
from views.spread import slide_caption, split_pair
from views.view_notebooks import heatmap_notebook

within_app()  # drawn inside the app's frame, whatever opened it (ui/frame.py)

t = tables()
cancer_names = query.labels(t["cancers"], "cancer_id")
site_names = query.labels(t["sites"], "site_id")
cancer_options = filter_options(t)["cancer"]
state.init_single("focus", [""] + list(cancer_options))
state.init_single("pair", pair_options(t) | {""})


def drop_pair() -> None:
    """A cancer chosen in the box replaces a clicked cell (its quotes would disagree)."""
    st.session_state["pair"] = ""
    forget_click("heatmap", CELL_SELECTION)


FILTERS = ("cancer", "site", "evidence", "source")


def present_picture(focus: str) -> dict:
    """Present mode's chart: one cancer's rows (all 20 rows cannot be read at 18 px)."""
    return cancer_picture(t, *present_filters, focus, "") or {}


if present.presenting():
    present_filters = tuple(tuple(v) for v in chosen_filters(t, FILTERS).values())
    shown_cancers = set(spread_view(t, *present_filters).cells.get("primary", []))
    present.show(present_picture, {c: name for c, name in cancer_options.items()
                                   if c in shown_cancers}, "focus",
                 lambda c: f"Where {cancer_options[c].lower()} spreads", "cancer")


st.title("Where cancers spread")
own_data.show_instead("heatmap", own_data.show_heatmap)  # an uploaded table, if chosen
explore_intro("Each row is a cancer, each column a place it can spread to "
              f"({STRONGEST[current().theme]} = most common). The NCI's top three is an *order*, "
              "not a percentage; a blank cell means no source here names the pair.",
              "**Blue cells** come from the National Cancer Institute's table of the three most "
              "common sites for 12 cancers. That table is an *order*, not a percentage, and it "
              "leaves out lymph nodes. **Markers** show pairs that a sentence in a source names. "
              "A blank cell means no source here names the pair, not that it never happens.",
              PAGE_TERMS["spread"])
narrow = current().narrow
chart_slot = st.container()  # a phone shows the chart before the filters (drawn below it)
chosen = spread_filters(t, FILTERS)

filters = tuple(tuple(chosen[k]) for k in FILTERS)
view = spread_view(t, *filters)
if view.empty:
    st.info("No claims match this combination of filters. Clear a filter (or add a cancer, "
            "site, kind of evidence or source) to see the chart again.",
            icon=":material/filter_alt_off:")
    st.stop()

# A click (or tap) on a cell chooses its pair and its cancer, before the boxes are drawn.
click = new_click("heatmap", CELL_SELECTION)
choice = spread_after(SpreadChoice(st.session_state["focus"], st.session_state["pair"]), click)
st.session_state["focus"], st.session_state["pair"] = choice.focus, choice.pair
pair = shown_pair(choice.pair, view.cells)  # "" when the filters hide it
cancer_box = ("Cancer to show" if narrow else "Show the quotes for a cancer")
with chart_slot if narrow else st.container():
    if narrow:  # a phone draws one cancer at a time: choose it first, above the filters
        st.session_state["focus"] = phone_focus(st.session_state["focus"], view.cells)
        st.selectbox(cancer_box, list(cancer_options), format_func=cancer_options.get, key="focus",
                     on_change=drop_pair)
        picture = cancer_picture(t, *filters, st.session_state["focus"], pair)
        if not picture:
            st.info("The filters leave nothing for this cancer. Choose another, or clear a filter.")
        else:
            chart(picture, on_select="rerun", key="heatmap", selection_mode=CELL_SELECTION)
    else:
        chart(marked_heatmap(t, *filters, pair) if pair else view.heatmap, on_select="rerun",
              key="heatmap", selection_mode=CELL_SELECTION)

with st.container(key="quote_panel", border=True):
    if not narrow:
        st.selectbox(cancer_box, [""] + list(cancer_options),
                     format_func=lambda c: cancer_options.get(c, "Choose a cancer…"),
                     key="focus", on_change=drop_pair)
    focus = st.session_state["focus"]
    if pair:
        primary, site = split_pair(pair)
        st.subheader(f"{cancer_names[primary]} → {site_names[site]}")
        st.button("Clear this cell", icon=":material/close:", on_click=drop_pair,
                  key="clear_pair")
        shown = spread_quotes(t, primary, site, filters[2], filters[3])
    elif focus:
        st.subheader(f"Every quote about {cancer_options[focus]}")
        st.caption(("Tap" if narrow else "Click") + " a cell for one pair's quotes.")
        shown = spread_quotes(t, focus, None, filters[2], filters[3])
    else:
        shown = None
        st.markdown("Click a cell in the chart, or choose a cancer, to read the sources' own "
                    "words here.")
    if shown is not None:
        quote_rows(shown, lambda row: (
            f"{row.evidence}"
            + (f", rank {row.rank}" if row.evidence == EVIDENCE_LABELS["ranked_table"] else "")
            + f" · {cancer_names[row.primary]} → {site_names[row.site]}"
            + (f" · {row.note}" if row.note else "")))
    if click:  # the answer to a click is brought to the reader, not left below the fold
        bring_into_view("quote_panel", pair)
state.sync("focus")
state.sync("pair")

present.present_button()
chart_data(view.cells_shown, "spread_heatmap_cells.csv", "heatmap_data")
image_downloads(view.heatmap, "where_cancers_spread_heatmap", view.credit, "heatmap_image",
                caption=slide_caption(filter_options(t), chosen))
notebook_downloads(heatmap_notebook(filter_options(t), *(chosen[k] for k in (
    "cancer", "site", "evidence", "source")), pair), "heatmap_notebook")

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
st.caption("A long quote is cut short in this table: to read it in full, click its cell in "
           "the chart, or choose its cancer in the box under the chart.")
table_with_download(view.rows_shown, "spread_claims_filtered.csv",
                    "Download these claims (CSV)", "spread_rows")
