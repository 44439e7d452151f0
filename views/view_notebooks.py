"""The five views a page can open as a notebook: heatmap, network, body map, site profile
and survival. Each function takes what its page's view takes and returns the
:class:`views.notebook.Notebook` that draws the same figure with the same builders."""

from __future__ import annotations

from views.notebook import (
    SHOW,
    Notebook,
    Options,
    chosen_ids,
    id_line,
    md,
    opening,
    py,
    setup_imports,
    slug,
)


def heatmap_notebook(options: Options, cancers: list[str], sites: list[str],
                     evidence: list[str], sources: list[str], pair: str = "") -> Notebook:
    """The Where cancers spread heatmap for these filters (ids; every id = no filter), with
    ``pair`` (``"<cancer>.<site>"``, as in the page's link) outlined."""
    kept = {key: chosen_ids(ids, options[key]) for key, ids in
            (("cancer", cancers), ("site", sites), ("evidence", evidence), ("source", sources))}
    choices = "\n".join([
        "# The view you were looking at. Change a line, run, and the chart follows.",
        "# [] means no filter: every cancer, site, kind of evidence or source.",
        id_line("CANCERS", kept["cancer"], options["cancer"], "cancer"),
        id_line("SITES", kept["site"], options["site"], "site"),
        id_line("EVIDENCE", kept["evidence"], options["evidence"], "kind of evidence"),
        id_line("SOURCES", kept["source"], options["source"], "source"),
        f"PAIR = {pair!r}  # a clicked cell, \"<cancer>.<site>\", outlined (\"\" for none)"])
    title = "Where cancers spread: the heatmap"
    cells = opening(title, "Each row is a cancer, each column a place it can spread to, as "
                     "on the dashboard's *Where cancers spread* page.") + (
        md("## Your view\n\nThe ids are those in `cancers.csv`, `sites.csv` and "
            "`sources.csv`; the kinds of evidence are `ranked_table`, `statement`, "
            "`example` and `rare_reported`."),
        py(choices),
        md("## The claims that match\n\nOne row per claim. `rank` is filled only for the "
            "NCI table's rows: 1, 2, 3 is an **order** (most common first), not a "
            "percentage."),
        py('every = query.filter_options(t)\nkeep = {"cancer": CANCERS, "site": SITES, '
              '"evidence": EVIDENCE, "source": SOURCES}\nfilters = [tuple(keep[k]) or '
              'tuple(every[k]) for k in ("cancer", "site", "evidence", "source")]\n'
              'rows = query.filter_spread(t["spread"], *filters)\n'
              'rows[["primary", "site", "rank", "evidence", "source_id", "quote"]]'),
        md("## One cell per pair\n\n`pair_cells` keeps, for each cancer and site, its "
            "best rank and the kinds of sentence that name it. `spread_heatmap` is the "
            "page's own chart builder; `mark_pair` outlines the clicked cell."),
        py('cells = query.pair_cells(rows, t["cancers"], t["sites"], t["sources"])\n'
              'heatmap = spread_heatmap(cells, sorted(cells["cancer"].unique()), '
              "query.site_order(cells))\n"
              "spec = plain_spec(heatmap)\n"
              "clicked = pair_cell(cells, PAIR) if PAIR else None\n"
              "if clicked is not None:\n"
              "    spec = mark_pair(spec, outline_row(clicked))"),
        md(SHOW), py("as_chart(spec)"))
    stem = (f"heatmap-{slug(kept['cancer'], 'all-cancers')}-{slug(kept['site'], 'all-sites')}"
            + (f"-cell-{slug(pair.split('.'))}" if pair else ""))
    return Notebook(stem, title, setup_imports("charts.spread:mark_pair, spread_heatmap",
                                          "views.spread:outline_row, pair_cell"), cells)


LAYOUTS = ("two_columns", "circular", "spring")


def network_notebook(options: Options, evidence: list[str], sources: list[str], layout: str,
                     seed: int, focus: str = "") -> Notebook:
    """The Network page's picture for these filters, layout, layout number and lit node."""
    kept = {"evidence": chosen_ids(evidence, options["evidence"]),
            "source": chosen_ids(sources, options["source"])}
    choices = "\n".join([
        "# The view you were looking at. Change a line, run, and the picture follows.",
        "# [] means no filter: every kind of evidence or source.",
        id_line("EVIDENCE", kept["evidence"], options["evidence"], "kind of evidence"),
        id_line("SOURCES", kept["source"], options["source"], "source"),
        f"LAYOUT = {layout!r}  # one of {', '.join(repr(n) for n in LAYOUTS)}",
        f"SEED = {int(seed)}  # the layout number: another number, another force-directed "
        "picture",
        f"FOCUS = {focus!r}  # a node to light up, such as \"cancer:lung\" or \"site:bone\" "
        "(\"\" for none)"])
    title = "The network of spread"
    cells = opening(title, "Cancers and the sites they spread to, as a network (a graph "
                     "made with networkx), as on the dashboard's *Network* page.") + (
        md("## Your view"), py(choices),
        md("## The graph\n\nEach cancer and each site is a **node**; a **link** (an edge) "
            "joins a cancer to a site when a source says it spreads there. Pairs where a "
            "cancer reaches the organ it starts in are left out (`travelling`), as on the "
            "page."),
        py('every = query.filter_options(t)\n'
              'rows = query.filter_spread(query.travelling(t["spread"]), '
              'evidence=tuple(EVIDENCE) or tuple(every["evidence"]), '
              'sources=tuple(SOURCES) or tuple(every["source"]))\n'
              'graph = spread_graph(rows, t["cancers"], t["sites"])\n'
              'print(graph.number_of_nodes(), "nodes and", graph.number_of_edges(), "links")'),
        md("## What each node's numbers mean\n\n`links` counts a node's links; "
            "`betweenness` (the page's go-between score) is how often a node lies on the "
            "shortest path between two others. They describe this picture of the sources, "
            "not how often spread happens."),
        py("measures = node_measures(graph)\nmeasures"),
        md("## Where each node sits, then the picture\n\n`layout` places the nodes; "
            "`network_chart` is the page's own chart builder."),
        py('edges = network_edges(edge_table(graph))\n'
              'spots = layout(graph, LAYOUT, seed=SEED)\n'
              'lit = focus_set(measures, edges, FOCUS or None)\n'
              'spec = plain_spec(network_chart(node_frame(measures, spots, lit, FOCUS or None), '
              'edge_frame(edges, spots, FOCUS or None), focused=bool(FOCUS)))'),
        md(SHOW), py("as_chart(spec)"))
    stem = (f"network-{slug(kept['evidence'] + kept['source'])}-{slug([layout])}"
            + (f"-{int(seed)}" if layout == "spring" else "")
            + (f"-{slug([focus.split(':', 1)[-1]])}" if focus else ""))
    return Notebook(stem, title, setup_imports(
        "charts.network:edge_frame, focus_set, network_chart, network_edges, node_frame",
        "graph.build:edge_table, spread_graph", "graph.layout:layout",
        "graph.metrics:node_measures"), cells)


def body_map_notebook(options: Options, mode: str, chosen: str, sentences: bool) -> Notebook:
    """The Body map for one cancer (``mode == "cancer"``) or one site (``"site"``), with or
    without the pairs named only in sentences."""
    what = options["cancer" if mode == "cancer" else "site"][chosen]
    choices = "\n".join([
        "# The view you were looking at. Change a line, run, and the figure follows.",
        f"MODE = {mode!r}  # \"cancer\": where one cancer spreads; \"site\": who reaches a site",
        f"CHOSEN = {chosen!r}  # {what} (an id from cancers.csv or sites.csv)",
        f"SENTENCES = {bool(sentences)!r}  # True adds pairs named only in a sentence "
        "(dashed)"])
    title = "Body map"
    cells = opening(title, "Arrows on a simple body figure, from where a cancer starts to "
                     "where it spreads, as on the dashboard's *Body map* page. Positions are "
                     "approximate.") + (
        md("## Your view"), py(choices),
        md("## The arrows\n\nOne arrow per pair. Thicker = higher in the NCI top three (an "
            "order, not a percentage); dashed = named only in a sentence."),
        py('evidence = EVIDENCE_ORDER if SENTENCES else ("ranked_table",)\n'
              'rows = query.filter_spread(query.travelling(t["spread"]), evidence=evidence)\n'
              'rows = rows[rows["primary" if MODE == "cancer" else "site"] == CHOSEN]\n'
              'arrow_rows = arrows(rows, t["cancers"], t["sites"])\n'
              'arrow_rows'),
        md("## The figure\n\n`body_map` is the page's own chart builder; the title is the "
            "page's too."),
        py("spec = plain_spec(body_map(arrow_rows, places(arrow_rows), "
              "body_map_title(t, MODE, CHOSEN), SUBTITLE)) if len(arrow_rows) else {}"),
        md(SHOW), py('as_chart(spec) if spec else "No arrows: the NCI table names no '
                         'site for this choice. Set SENTENCES = True."'))
    stem = f"body-map-{slug([mode])}-{slug([chosen])}" + ("" if sentences else "-ranked-only")
    return Notebook(stem, title, setup_imports(
        "charts.body_map:arrows, body_map, places", "data.vocabulary:EVIDENCE_ORDER",
        "views.body_map:SUBTITLE, _title as body_map_title"), cells)


def site_notebook(options: Options, site: str) -> Notebook:
    """The Site profiles chart: the cancers that the sources say reach ``site``."""
    title = "Site profile"
    cells = opening(title, "Which cancers the sources say reach one site, 1st-ranked "
                     "first, as on the dashboard's *Site profiles* page.") + (
        md("## Your view"),
        py("# The site you were looking at. Change it, run, and the chart follows.\n"
              f"SITE = {site!r}  # {options['site'][site]} (an id from sites.csv)"),
        md("## Every claim about this site\n\nOne row per claim, with its source's own "
            "words. `rank` is the NCI table's order (1 = most common of its top three), "
            "not a percentage."),
        py('rows = t["spread"][t["spread"]["site"] == SITE]\n'
              'rows[["primary", "rank", "evidence", "source_id", "quote"]]'),
        md("## One row per cancer\n\n`pair_strip` is the page's own chart builder."),
        py('cells = query.pair_cells(rows, t["cancers"], t["sites"], t["sources"])\n'
              'name = query.labels(t["sites"], "site_id")[SITE].lower()\n'
              'spec = plain_spec(pair_strip(cells, "cancer", f"Which cancers reach the {name}", '
              'f"The cancers that the sources say reach the {name}"))'),
        md(SHOW), py("as_chart(spec)"))
    return Notebook(f"site-profile-{slug([site])}", title,
                    setup_imports("charts.spread:pair_strip"), cells)


def survival_notebook() -> Notebook:
    """The Survival page's chart of the three quoted five-year survival rates."""
    title = "Five-year survival rates the sources quote"
    cells = opening(title, "The three five-year survival rates the sources quote for "
                     "cancer that has spread, as on the dashboard's *Survival* page. A rate "
                     "describes large groups of people in the past; it cannot say what will "
                     "happen to one person.") + (
        md("## The rates, each with its source's words"),
        py('rates = query.survival_view(t["survival"], t["cancers"], t["sources"])\n'
              'rates[["cancer", "group", "value_pct", "quote", "source"]]'),
        md("## The chart\n\n`survival_bars` is the page's own chart builder: the rates on a "
            "0–100% axis."),
        py("spec = plain_spec(survival_bars(rates))"),
        md(SHOW), py("as_chart(spec)"))
    return Notebook("survival-rates", title, setup_imports("charts.survival:survival_bars"), cells)
