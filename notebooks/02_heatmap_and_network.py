import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium", app_title="2. The heatmap and the network, step by step")

with app.setup:
    # The project folder is the one above notebooks/: put it on the import path, so this
    # notebook reads the tables and draws with the same code as the dashboard.
    import sys
    from pathlib import Path

    import altair as alt
    import marimo as mo
    import networkx as nx

    PROJECT = Path(__file__).resolve().parent.parent
    if str(PROJECT) not in sys.path:
        sys.path.insert(0, str(PROJECT))

    from charts.network import edge_frame, focus_set, network_chart, network_edges, node_frame
    from charts.spread import spread_heatmap
    from charts.style import plain_spec
    from data import query
    from data.glossary import sentence
    from data.load import load_published
    from graph.build import edge_table, spread_graph
    from graph.layout import layout
    from graph.metrics import node_measures, shared_sites

    def as_chart(spec):
        """The Altair chart of a Vega-Lite spec (a dictionary), to show it here."""
        return (alt.LayerChart if "layer" in spec else alt.Chart).from_dict(spec)


@app.cell(hide_code=True)
def _():
    mo.md(r"""
    # 2. The heatmap and the network, step by step

    The dashboard's two big pictures, rebuilt here in a few lines each, with the same
    functions the pages call. Change the choices or the code and watch the chart change.

    *For learning only: this notebook shows what five published sources say. It is not
    medical advice and must not be used for decisions about anyone's care.*
    """)
    return


@app.cell
def _():
    t = load_published()
    every = query.filter_options(t)  # the filters' choices: id -> label
    return every, t


@app.cell(hide_code=True)
def _(every):
    pick_cancers = mo.ui.multiselect(options={v: k for k, v in every["cancer"].items()},
                                     value=["Breast cancer", "Lung cancer", "Prostate cancer"],
                                     label="Cancers")
    pick_evidence = mo.ui.multiselect(options={v: k for k, v in every["evidence"].items()},
                                      value=list(every["evidence"].values()),
                                      label="Kinds of evidence")
    mo.hstack([pick_cancers, pick_evidence])
    return pick_cancers, pick_evidence


@app.cell(hide_code=True)
def _():
    mo.md(r"""
    ## The heatmap in three steps

    **Step 1: keep the claims you asked for.** `filter_spread` keeps the rows of the
    `spread` table whose cancer and kind of evidence you chose.
    """)
    return


@app.cell
def _(every, pick_cancers, pick_evidence, t):
    cancers = tuple(pick_cancers.value) or tuple(every["cancer"])
    evidence = tuple(pick_evidence.value) or tuple(every["evidence"])
    rows = query.filter_spread(t["spread"], cancers, tuple(every["site"]), evidence,
                               tuple(every["source"]))
    rows[["primary", "site", "rank", "evidence", "source_id"]]
    return evidence, rows


@app.cell(hide_code=True)
def _():
    mo.md(r"""
    **Step 2: one cell per pair.** Several sources can name the same cancer and site.
    `pair_cells` makes one row per pair: its best NCI rank (if any), a marker for the
    strongest kind of sentence that names it, and how many sources and quotes stand behind
    it.
    """)
    return


@app.cell
def _(rows, t):
    cells = query.pair_cells(rows, t["cancers"], t["sites"], t["sources"])
    cells[["cancer", "site_label", "rank_label", "marker", "n_sources", "n_quotes"]]
    return (cells,)


@app.cell(hide_code=True)
def _():
    mo.md(r"""
    **Step 3: draw.** `spread_heatmap` is the page's own chart builder: cancers down, sites
    across (sites reached by more cancers first), blue for the NCI rank (darkest = 1st;
    an order, not a percentage), a marker for pairs named in a sentence.
    """)
    return


@app.cell
def _(cells):
    heatmap = spread_heatmap(cells, sorted(cells["cancer"].unique()), query.site_order(cells))
    heatmap
    return


@app.cell(hide_code=True)
def _():
    mo.md(r"""
    ## The network

    A **network** (or *graph*) is a set of **nodes** joined by **edges**. Here every cancer
    and every site is a node, and an edge joins a cancer to a site when a source says it
    spreads there. `spread_graph` builds it with **networkx**, a Python library for
    networks. A few pairs are left out: a cancer reaching the organ it starts in is not
    spread from one place to another (`travelling` keeps the rest), as on the Network page.
    """)
    return


@app.cell
def _(evidence, every, t):
    moving = query.filter_spread(query.travelling(t["spread"]), evidence=evidence,
                                 sources=tuple(every["source"]))
    graph = spread_graph(moving, t["cancers"], t["sites"])
    print(graph.number_of_nodes(), "nodes,", graph.number_of_edges(), "edges")
    print("Is it two groups, cancers and sites, with edges only between them?",
          nx.is_bipartite(graph))
    return (graph,)


@app.cell(hide_code=True)
def _():
    mo.md(r"""
    Each node has a name such as `cancer:lung` or `site:bone` and a few attributes.
    `graph["cancer:lung"]` lists lung cancer's neighbours: the sites linked to it.
    """)
    return


@app.cell
def _(graph):
    sorted(graph["cancer:lung"]) if "cancer:lung" in graph else "No lung cancer node here."
    return


@app.cell(hide_code=True)
def _():
    mo.md(
        "## What the numbers mean\n\n"
        + "\n".join(f"- {sentence(term)}" for term in
                    ("links", "ranked links", "rank points", "go-between score"))
        + "\n\n`node_measures` works them out (`degree` is links, `betweenness` the "
        "go-between score). They describe this picture of the five sources, not how often "
        "spread happens."
    )
    return


@app.cell
def _(graph):
    measures = node_measures(graph)
    measures[["label", "kind", "degree", "ranked_degree", "rank_points", "betweenness"]]
    return (measures,)


@app.cell(hide_code=True)
def _():
    mo.md(
        "## Which cancers share sites?\n\n" + sentence("similarity")
        + "\n\nWorked out by hand for two cancers, then by `shared_sites` for every pair:"
    )
    return


@app.cell
def _(graph):
    def similarity(a, b):
        """Shared sites divided by all the sites either cancer reaches."""
        first, second = set(graph[a]), set(graph[b])
        return len(first & second) / len(first | second)

    pair = ("cancer:breast", "cancer:lung")
    by_hand = similarity(*pair) if all(n in graph for n in pair) else None
    print("breast and lung, by hand:", by_hand)
    shared_sites(graph)[["cancer_a", "cancer_b", "shared", "shared_sites", "jaccard"]]
    return


@app.cell(hide_code=True)
def _(measures):
    pick_layout = mo.ui.dropdown(options={"Two columns": "two_columns", "Circle": "circular",
                                          "Force-directed": "spring"},
                                 value="Two columns", label="Layout")
    pick_seed = mo.ui.slider(0, 50, value=7, label="Layout number (force-directed)")
    pick_focus = mo.ui.dropdown(options=dict(zip(measures["label"], measures["node"],
                                                 strict=True)),
                                label="Light up a node")
    mo.hstack([pick_layout, pick_seed, pick_focus])
    return pick_focus, pick_layout, pick_seed


@app.cell(hide_code=True)
def _():
    mo.md(r"""
    ## Drawing it

    `layout` gives every node an x and a y (two columns, a circle, or a force-directed
    layout where linked nodes pull together; its layout number makes the same picture every
    time). `network_chart` is the Network page's own builder.
    """)
    return


@app.cell
def _(graph, measures, pick_focus, pick_layout, pick_seed):
    focus = pick_focus.value  # None, or a node such as "cancer:lung"
    edges = network_edges(edge_table(graph))
    spots = layout(graph, pick_layout.value, seed=pick_seed.value)
    lit = focus_set(measures, edges, focus)
    picture = plain_spec(network_chart(node_frame(measures, spots, lit, focus),
                                       edge_frame(edges, spots, focus), focused=bool(focus)))
    as_chart(picture)
    return


@app.cell(hide_code=True)
def _():
    mo.md(r"""
    ## Try it

    - Keep only *Ranked in the NCI table*: which edges disappear, and which node's
      go-between score changes most?
    - Light up a site: which cancers reach it?

    Next: **3. Comparing sources**.
    """)
    return


if __name__ == "__main__":
    app.run()
