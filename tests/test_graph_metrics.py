"""Tests for graph.metrics: node measures, shared sites and neighbours."""

from __future__ import annotations

import networkx as nx
import pytest

from graph.metrics import NODE_COLUMNS, SHARED_COLUMNS, node_measures, shared_sites
from tests import graph_fixtures as fx


def _by_node(G: nx.Graph) -> dict[str, dict]:
    return node_measures(G).set_index("node").to_dict(orient="index")


def test_degrees_and_rank_points_of_the_fixture():
    measures = _by_node(fx.graph())
    got = {
        node: (m["degree"], m["ranked_degree"], m["rank_points"]) for node, m in measures.items()
    }
    assert got == {
        "cancer:breast": (2, 1, 2),
        "cancer:lung": (2, 1, 3),
        "site:bone": (2, 2, 5),
        "site:liver": (1, 0, 0),
        "site:lung": (1, 0, 0),
    }


def test_node_measures_carry_id_kind_and_label():
    measures = _by_node(fx.graph())
    assert {k: measures["site:lung"][k] for k in ("id", "kind", "label")} == {
        "id": "lung",
        "kind": "site",
        "label": "Lung",
    }
    assert measures["cancer:lung"]["label"] == "Lung cancer"


def test_betweenness_equals_networkx_on_a_hand_built_path():
    by_hand = nx.path_graph(fx.PATH_ORDER)
    expected = nx.betweenness_centrality(by_hand)
    measures = _by_node(fx.graph())
    got = {node: m["betweenness"] for node, m in measures.items()}
    assert got == pytest.approx(expected)
    # On a 5-node path the middle node lies on 4 of the 6 pairs it does not end.
    assert got["site:bone"] == pytest.approx(4 / 6)
    assert got["cancer:lung"] == pytest.approx(3 / 6)
    assert got["site:liver"] == 0


def test_node_measures_sorted_by_kind_then_degree_desc_then_label():
    G = fx.graph([("r7", "breast", "adrenal_gland", None, "statement", "acs")])
    table = node_measures(G)
    assert list(table.columns) == NODE_COLUMNS
    assert table["node"].tolist() == [
        "cancer:breast",  # degree 3
        "cancer:lung",  # degree 2
        "site:bone",  # degree 2, before the labels that sort earlier
        "site:adrenal_gland",  # "Adrenal gland", degree 1
        "site:liver",
        "site:lung",
    ]


def test_jaccard_of_the_known_pair():
    table = shared_sites(fx.graph())
    assert list(table.columns) == SHARED_COLUMNS
    assert table.to_dict(orient="records") == [
        {
            "cancer_a": "Breast cancer",
            "cancer_b": "Lung cancer",
            "cancer_a_id": "breast",
            "cancer_b_id": "lung",
            "shared": 1,
            "shared_sites": "Bone",
            "jaccard": 0.333,  # {bone} of {bone, liver, lung}
        }
    ]


def test_shared_sites_sorted_by_jaccard_and_omits_pairs_sharing_nothing():
    G = fx.graph([("r7", "colon", "liver", None, "statement", "acs")])
    table = shared_sites(G)
    rows = list(table[["cancer_a", "cancer_b", "jaccard"]].itertuples(index=False, name=None))
    assert rows == [
        ("Colon cancer", "Lung cancer", 0.5),
        ("Breast cancer", "Lung cancer", 0.333),
    ]


def test_shared_sites_lists_every_shared_site_label():
    G = fx.graph(
        [
            ("r7", "colon", "liver", None, "statement", "acs"),
            ("r8", "colon", "bone", None, "example", "acs"),
        ]
    )
    row = shared_sites(G).iloc[0]
    assert (row["cancer_a_id"], row["cancer_b_id"]) == ("colon", "lung")
    assert (row["shared"], row["shared_sites"], row["jaccard"]) == (2, "Bone; Liver", 1.0)


def test_metrics_leave_the_graph_unchanged():
    G = fx.graph()
    before = G.copy()
    node_measures(G)
    shared_sites(G)
    assert nx.utils.graphs_equal(G, before)
    assert list(G.nodes(data=True)) == list(before.nodes(data=True))
    assert list(G.edges(data=True)) == list(before.edges(data=True))


def test_measures_of_an_empty_graph_are_empty_tables():
    assert list(node_measures(nx.Graph()).columns) == NODE_COLUMNS
    assert shared_sites(nx.Graph()).empty
