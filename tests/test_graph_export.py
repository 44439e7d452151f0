"""Tests for graph.export: GraphML and GEXF bytes read back as the same graph."""

from __future__ import annotations

import io

import networkx as nx

from graph.export import GEXF_ID_ATTRIBUTE, gexf_bytes, graphml_bytes
from tests import graph_fixtures as fx


def _edges(G: nx.Graph, drop: tuple[str, ...] = ()) -> dict[frozenset, dict]:
    return {
        frozenset((u, v)): {k: v for k, v in data.items() if k not in drop}
        for u, v, data in G.edges(data=True)
    }


def test_graphml_round_trip_keeps_nodes_edges_and_attributes():
    G = fx.graph()
    back = nx.read_graphml(io.BytesIO(graphml_bytes(G)))
    assert not back.is_directed()
    assert dict(back.nodes(data=True)) == dict(G.nodes(data=True))
    assert _edges(back) == _edges(G)
    assert back.edges["cancer:lung", "site:bone"]["rank_points"] == 3  # an int, not "3"


def test_gexf_round_trip_keeps_nodes_edges_and_attributes():
    G = fx.graph()
    back = nx.read_gexf(io.BytesIO(gexf_bytes(G)))
    assert not back.is_directed()
    expected_nodes = {
        node: {(GEXF_ID_ATTRIBUTE if k == "id" else k): v for k, v in data.items()}
        for node, data in G.nodes(data=True)
    }
    assert dict(back.nodes(data=True)) == expected_nodes
    assert _edges(back, drop=("id",)) == _edges(G)  # GEXF adds an edge id on reading


def test_gexf_keeps_cancer_lung_and_site_lung_apart():
    back = nx.read_gexf(io.BytesIO(gexf_bytes(fx.graph())))
    assert back.nodes["cancer:lung"]["label"] == "Lung cancer"
    assert back.nodes["site:lung"]["label"] == "Lung"
    assert back.number_of_nodes() == 5


def test_gexf_leaves_the_input_graph_unchanged():
    G = fx.graph()
    gexf_bytes(G)
    assert G.nodes["site:lung"]["id"] == "lung"
    assert GEXF_ID_ATTRIBUTE not in G.nodes["site:lung"]


def test_non_ascii_labels_survive_both_formats():
    G = fx.graph()
    G.nodes["site:bone"]["label"] = "Os – Knochen (ü)"
    for write, read in ((graphml_bytes, nx.read_graphml), (gexf_bytes, nx.read_gexf)):
        data = write(G)
        assert data.startswith(b"<?xml")
        assert read(io.BytesIO(data)).nodes["site:bone"]["label"] == "Os – Knochen (ü)"
