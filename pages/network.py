"""Network: cancers and the sites they spread to, with networkx measures and graph downloads."""

import streamlit as st

from charts.network import NODE_SELECTION
from data import query
from data.glossary import PAGE_TERMS, explain, sentence
from ui import own_data, present, state
from ui.data import (
    filter_options,
    network_picture,
    network_view,
    same_organ_note,
    spread_quotes,
    tables,
)
from ui.files import graph_file
from ui.filters import chosen_filters, spread_filters
from ui.frame import within_app
from ui.links import SEED
from ui.notebook import notebook_downloads
from ui.picks import bring_into_view, new_click
from ui.screen import current
from ui.show import (
    chart,
    chart_data,
    download_csv,
    explore_intro,
    image_downloads,
    quote_rows,
    table_with_download,
)
from views.clicks import network_focus
from views.view_notebooks import network_notebook

within_app()  # drawn inside the app's frame, whatever opened it (ui/frame.py)

LAYOUT_NAMES = {"two_columns": "Two columns (cancers | sites)", "circular": "Circle",
                "spring": "Force-directed"}

t = tables()
state.init_single("layout", LAYOUT_NAMES)
state.init_int("seed")

if present.presenting():
    shown = chosen_filters(t, ("evidence", "source"))
    kept = (tuple(shown["evidence"]), tuple(shown["source"]))
    names = network_view(t, *kept).names
    state.init_single("focus_node", [""] + list(names))
    in_order = sorted(names, key=lambda n: (not n.startswith("cancer:"), names[n]))
    present.show(lambda node: network_picture(t, *kept, st.session_state["layout"],
                                              st.session_state["seed"], node or None,
                                              current().narrow)[0],
                 {"": "the whole network"} | {n: names[n] for n in in_order}, "focus_node",
                 lambda node: f"The links of {names[node].lower()}" if node
                 else "The network of spread: cancers and the sites they reach",
                 "cancer or site")

st.title("The network of spread")
own_data.show_instead("network", own_data.show_network)  # an uploaded table, if chosen
explore_intro("Each **orange circle** is a cancer and each **blue square** a site; a line "
              "joins them when a source says that cancer spreads there.",
              "Thick solid lines come from the NCI ranked table (thicker = higher in its top "
              "three); dashed and dotted lines are pairs named only in a sentence. The picture "
              "shows which sites many cancers share. It does not show how often spread happens.",
              PAGE_TERMS["network"])
chosen = spread_filters(t, ("evidence", "source"))
evidence, sources = tuple(chosen["evidence"]), tuple(chosen["source"])
view = network_view(t, evidence, sources)
node_names = view.names

# A click on the chart arrives in the chart's state before the focus box is drawn: adopt it.
state.init_single("focus_node", [""] + list(node_names))
click = new_click("network", NODE_SELECTION)
st.session_state["focus_node"] = network_focus(st.session_state["focus_node"], click, node_names)
state.show_notices()  # the focus is read after the filters: name a bad one now, not later

# The picture comes first on a projector or a phone: the controls wait in a closed box (a
# click on a node lights it up too).
controls = st.expander("Layout, and a cancer or site to light up", icon=":material/tune:")
left, middle, right = controls.columns([2, 1, 2])
left.radio("Layout", list(LAYOUT_NAMES), format_func=LAYOUT_NAMES.get, key="layout",
           horizontal=True, help=explain("force-directed layout"))
middle.number_input("Layout number (force-directed only)", SEED.low, SEED.high, key="seed",
                    disabled=st.session_state["layout"] != "spring",
                    help=explain("layout number"))
right.selectbox("Light up a cancer or site (or click one in the picture)", [""] + sorted(
    node_names, key=node_names.get), format_func=lambda n: node_names.get(n, "Nothing"),
    key="focus_node")
for key in ("layout", "seed", "focus_node"):
    state.sync(key)

focus = st.session_state["focus_node"] or None
spec, lit = network_picture(t, evidence, sources, st.session_state["layout"],
                            st.session_state["seed"], focus, current().narrow)
chart(spec, on_select="rerun", key="network", selection_mode=NODE_SELECTION)

with st.container(key="node_panel", border=True):
    if focus:
        kind, node_id = focus.split(":", 1)
        st.subheader(f"{node_names[focus]}: its links and the quotes behind them")
        neighbours = sorted(node_names[n] for n in set(lit) - {focus})
        st.markdown(f"Linked to **{len(neighbours)}**: " + ", ".join(neighbours) + ".")
        found = spread_quotes(t, node_id if kind == "cancer" else None,
                              node_id if kind == "site" else None, evidence, sources)
        cancer_names = query.labels(t["cancers"], "cancer_id")
        site_names = query.labels(t["sites"], "site_id")
        quote_rows(found, lambda row: f"{row.evidence} · {cancer_names[row.primary]} → "
                                      f"{site_names[row.site]}")
        if click:  # the answer to a click is brought to the reader, not left below the fold
            bring_into_view("node_panel", focus)
    else:
        st.markdown("Click (or tap) a node, or choose one in the box above, to see its links "
                    "and the sources' own words here.")
st.caption(same_organ_note(t))
chart_data(view.edges_shown, "network_edges.csv", "edges_data", "Show the links as a table")
present.present_button()
slide = network_picture(t, evidence, sources, st.session_state["layout"],  # wide, for slides
                        st.session_state["seed"], focus)[0]
image_downloads(slide, "cancer_spread_network", view.credit, "network_image")
notebook_downloads(network_notebook(filter_options(t), chosen["evidence"], chosen["source"],
                                    st.session_state["layout"], st.session_state["seed"],
                                    focus or ""), "network_notebook")

st.subheader("Which cancers and sites matter most?")
st.markdown("\n".join(f"- {sentence(term)}" for term in
                      ("links", "ranked links", "rank points", "go-between score")))
table_with_download(view.measures_shown, "network_node_measures.csv",
                    "Download these scores (CSV)", "node_measures")

st.subheader("Which cancers share sites?")
st.markdown("Pairs of cancers that spread to at least one same site. "
            + sentence("similarity"))
table_with_download(view.shared_shown, "cancers_sharing_sites.csv",
                    "Download shared sites (CSV)", "shared_sites")

st.subheader("Take the graph with you")
st.markdown(sentence("GraphML and GEXF") + " The edge list is a CSV: one row per line of "
            "the picture, for Python, R or a spreadsheet.")
first, second, third = st.columns(3)
first.download_button("Graph as GraphML", data=graph_file(t, "graphml", evidence, sources),
                      file_name="cancer_spread_network.graphml", mime="application/xml",
                      icon=":material/download:", key="graphml", on_click="ignore")
second.download_button("Graph as GEXF", data=graph_file(t, "gexf", evidence, sources),
                       file_name="cancer_spread_network.gexf", mime="application/xml",
                       icon=":material/download:", key="gexf", on_click="ignore")
with third:
    download_csv(view.edges_shown, "cancer_spread_edge_list.csv", "Edge list (CSV)", "edge_list")
