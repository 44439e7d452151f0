"""Tests for graph.build: the bipartite spread graph and its edge table."""

from __future__ import annotations

import re

import networkx as nx
import pandas as pd
import pytest

from graph.build import EDGE_COLUMNS, cancer_node, edge_table, site_node, spread_graph
from tests import graph_fixtures as fx


def test_cancer_lung_and_site_lung_are_two_different_nodes():
    G = fx.graph()
    assert G.nodes["cancer:lung"] == {
        "kind": "cancer",
        "id": "lung",
        "label": "Lung cancer",
        "bipartite": 0,
    }
    assert G.nodes["site:lung"] == {"kind": "site", "id": "lung", "label": "Lung", "bipartite": 1}
    assert not G.has_edge("cancer:lung", "site:lung")
    assert G.has_edge("cancer:breast", "site:lung")


def test_only_ids_named_in_spread_become_nodes():
    G = fx.graph()
    assert sorted(G.nodes) == sorted(fx.PATH_ORDER)
    assert "cancer:colon" not in G and "site:brain" not in G


def test_node_id_helpers_namespace_ids():
    assert (cancer_node("lung"), site_node("lung")) == ("cancer:lung", "site:lung")


def test_one_edge_per_pair_aggregating_its_rows():
    G = fx.graph()
    assert G.number_of_edges() == 4
    assert G.edges["cancer:lung", "site:bone"] == {
        "best_rank": 1,
        "rank_points": 3,
        "evidence": "ranked_table",
        "evidence_kinds": "ranked_table|statement",
        "sources": "acs|nci",
        "n_quotes": 2,
    }
    assert G.edges["cancer:breast", "site:lung"] == {
        "best_rank": 0,
        "rank_points": 0,
        "evidence": "statement",
        "evidence_kinds": "example|statement",
        "sources": "acs|nci",
        "n_quotes": 2,
    }


def test_rank_points_reward_rank_one_most():
    G = fx.graph([("r7", "colon", "liver", 3, "ranked_table", "nci")])
    assert G.edges["cancer:lung", "site:bone"]["rank_points"] == 3
    assert G.edges["cancer:breast", "site:bone"]["rank_points"] == 2
    assert G.edges["cancer:colon", "site:liver"]["rank_points"] == 1


def test_best_rank_is_the_lowest_rank_of_the_pair():
    G = fx.graph([("r7", "lung", "bone", 3, "ranked_table", "seer")])
    edge = G.edges["cancer:lung", "site:bone"]
    assert (edge["best_rank"], edge["rank_points"], edge["n_quotes"]) == (1, 3, 3)
    assert edge["sources"] == "acs|nci|seer"


def test_attributes_are_plain_python_types():
    G = fx.graph()
    for *_, data in G.edges(data=True):
        assert {type(v) for v in data.values()} <= {int, str}
    for _, data in G.nodes(data=True):
        assert {type(v) for v in data.values()} <= {int, str}


def test_graph_does_not_depend_on_row_order():
    shuffled = fx.spread().sample(frac=1, random_state=3)
    G = spread_graph(shuffled, fx.cancers(), fx.sites())
    H = fx.graph()
    assert list(G.nodes(data=True)) == list(H.nodes(data=True))
    assert list(G.edges(data=True)) == list(H.edges(data=True))


@pytest.mark.parametrize(
    ("table", "column"),
    [("spread", "evidence"), ("spread", "rank"), ("cancers", "label"), ("sites", "site_id")],
)
def test_missing_column_is_named(table, column):
    tables = {"spread": fx.spread(), "cancers": fx.cancers(), "sites": fx.sites()}
    tables[table] = tables[table].drop(columns=column)
    with pytest.raises(ValueError, match=f"{table} table is missing column '{column}'"):
        spread_graph(**tables)


def test_unknown_primary_is_named():
    rows = fx.spread([("r7", "pancreas", "liver", None, "statement", "acs")])
    message = "spread.primary names id(s) not in cancer_id: 'pancreas'"
    with pytest.raises(ValueError, match=re.escape(message)):
        spread_graph(rows, fx.cancers(), fx.sites())


def test_unknown_site_is_named():
    rows = fx.spread([("r7", "lung", "peritoneum", None, "statement", "acs")])
    message = "spread.site names id(s) not in site_id: 'peritoneum'"
    with pytest.raises(ValueError, match=re.escape(message)):
        spread_graph(rows, fx.cancers(), fx.sites())


def test_unknown_evidence_is_named():
    rows = fx.spread([("r7", "lung", "liver", None, "rumour", "acs")])
    with pytest.raises(ValueError, match=r"unknown value.*'rumour'"):
        spread_graph(rows, fx.cancers(), fx.sites())


def test_rank_outside_one_to_three_is_rejected():
    rows = fx.spread([("r7", "lung", "liver", 4, "ranked_table", "nci")])
    with pytest.raises(ValueError, match="rank must be 1, 2 or 3; check spread_id 'r7'"):
        spread_graph(rows, fx.cancers(), fx.sites())


def test_rank_on_a_statement_row_is_rejected():
    rows = fx.spread([("r7", "lung", "liver", 2, "statement", "nci")])
    with pytest.raises(ValueError, match=r"exactly when evidence is 'ranked_table'.*'r7'"):
        spread_graph(rows, fx.cancers(), fx.sites())


def test_duplicate_cancer_id_is_rejected():
    doubled = pd.concat([fx.cancers(), fx.cancers().head(1)], ignore_index=True)
    with pytest.raises(ValueError, match="cancer_id is not unique: 'lung'"):
        spread_graph(fx.spread(), doubled, fx.sites())


def test_edge_table_columns_and_values():
    table = edge_table(fx.graph())
    assert list(table.columns) == EDGE_COLUMNS
    first = table.iloc[0].to_dict()
    assert first == {
        "primary": "breast",
        "primary_label": "Breast cancer",
        "site": "bone",
        "site_label": "Bone",
        "best_rank": 2,
        "rank_points": 2,
        "evidence": "ranked_table",
        "evidence_kinds": "ranked_table",
        "sources": "nci",
        "n_quotes": 1,
    }


def test_edge_table_best_rank_is_nullable_with_na_for_unranked():
    table = edge_table(fx.graph())
    assert str(table["best_rank"].dtype) == "Int64"
    assert table["best_rank"].isna().tolist() == [False, True, False, True]
    assert table["rank_points"].tolist() == [2, 0, 3, 0]


def test_edge_table_sorts_by_cancer_then_rank_with_unranked_last_then_site():
    G = fx.graph([("r7", "breast", "adrenal_gland", None, "statement", "acs")])
    pairs = list(edge_table(G)[["primary", "site"]].itertuples(index=False, name=None))
    assert pairs == [
        ("breast", "bone"),
        ("breast", "adrenal_gland"),
        ("breast", "lung"),
        ("lung", "bone"),
        ("lung", "liver"),
    ]


def test_edge_table_of_empty_graph_has_the_columns():
    table = edge_table(nx.Graph())
    assert table.empty
    assert list(table.columns) == EDGE_COLUMNS
    assert str(table["best_rank"].dtype) == "Int64"


def test_edge_table_rejects_an_edge_between_two_cancers():
    G = fx.graph()
    G.add_edge("cancer:lung", "cancer:breast", best_rank=0)
    with pytest.raises(ValueError, match="must join a cancer node and a site node"):
        edge_table(G)
