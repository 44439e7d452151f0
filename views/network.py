"""The Network page: the cancer-site graph for the filters, its measures and its picture."""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx
import pandas as pd

from charts.network import edge_frame, focus_set, network_chart, network_edges, node_frame
from charts.style import plain_spec
from data import extracts, query
from data.load import Published
from graph.build import edge_table, spread_graph
from graph.layout import layout
from graph.metrics import node_measures, shared_sites

Ids = tuple[str, ...]

@dataclass(frozen=True)
class NetworkView:
    """The graph for some evidence kinds and sources, with what the page shows of it.

    ``graph`` is frozen (shared by every session): never mutate it. ``measures`` has a row per
    node; ``shared`` a row per pair of cancers sharing a site; ``edges`` the edge list;
    ``*_shown`` the three as the page's tables (ids and labels, see :mod:`data.columns`);
    ``names`` node id -> label.
    """

    graph: nx.Graph
    measures: pd.DataFrame
    shared: pd.DataFrame
    edges: pd.DataFrame
    measures_shown: pd.DataFrame
    shared_shown: pd.DataFrame
    credit: str
    names: dict[str, str]
    edges_shown: pd.DataFrame | None = None


def network_view(t: Published, evidence: Ids, sources: Ids) -> NetworkView:
    """The graph of the pairs that travel (see :func:`data.query.travelling`) for the filters."""
    rows = query.filter_spread(query.travelling(t["spread"]), evidence=evidence, sources=sources)
    g = nx.freeze(spread_graph(rows, t["cancers"], t["sites"]))
    measures, shared = node_measures(g), shared_sites(g)
    edges = edge_table(g)
    return NetworkView(
        g, measures, shared, edges, extracts.measures(measures), extracts.shared(shared, t),
        query.source_line(sources, t["sources"]),
        dict(zip(measures["node"], measures["label"], strict=True)), extracts.edges(edges, t))


def network_picture(view: NetworkView, layout_name: str, seed: int, focus: str | None,
                    narrow: bool = False) -> tuple[dict, list[str]]:
    """The chart's spec for a layout, seed and focused node (drawn for a phone when
    ``narrow``), and the ids of the lit nodes."""
    edges = network_edges(view.edges)
    spots = layout(view.graph, layout_name, seed=seed)
    lit = focus_set(view.measures, edges, focus)
    chart = network_chart(node_frame(view.measures, spots, lit, focus),
                          edge_frame(edges, spots, focus), focused=bool(focus), narrow=narrow)
    return plain_spec(chart), sorted(lit)


def network_picture_for(t: Published, evidence: Ids, sources: Ids,
                        layout_name: str, seed: int, focus: str | None,
                        narrow: bool = False) -> tuple[dict, list[str]]:
    """:func:`network_picture` of the filters' graph (one call, so it can be cached)."""
    return network_picture(network_view(t, evidence, sources), layout_name, seed, focus,
                           narrow)


def same_organ_note(t: Published) -> str:
    """A sentence naming the pairs the network and body map leave out, and why ("" if none)."""
    pairs = query.left_out_of_travel(t["spread"], t["cancers"], t["sites"])
    if not pairs:
        return ""
    return (f"Not drawn here: {'; '.join(pairs)}. A source lists these cancers among those "
            "that reach the kind of organ or tissue they start in (a bone cancer spreading to "
            "other bones, for example). An arrow from a place back to itself cannot show that "
            "spread, so it is left out here; the tables on the Where cancers spread page keep "
            "these pairs.")
