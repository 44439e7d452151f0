"""Measures of a spread graph as tidy DataFrames: degrees, centrality, shared sites.

Every function takes a graph built by :func:`graph.build.spread_graph` and leaves it unchanged
(graphs may be cached and shared between pages).
"""

from __future__ import annotations

import networkx as nx
import pandas as pd

NODE_COLUMNS = [
    "node",
    "id",
    "kind",
    "label",
    "degree",
    "ranked_degree",
    "rank_points",
    "betweenness",
]
"""Columns of :func:`node_measures`."""

SHARED_COLUMNS = [
    "cancer_a",
    "cancer_b",
    "cancer_a_id",
    "cancer_b_id",
    "shared",
    "shared_sites",
    "jaccard",
]
"""Columns of :func:`shared_sites`."""


def node_measures(G: nx.Graph) -> pd.DataFrame:
    """Return one row per node with its degrees and betweenness centrality.

    Parameters
    ----------
    G : networkx.Graph
        A graph built by :func:`graph.build.spread_graph`.

    Returns
    -------
    DataFrame
        Columns ``NODE_COLUMNS``: ``degree`` counts all edges, ``ranked_degree`` the edges
        with a rank (``best_rank > 0``), ``rank_points`` is the degree weighted by the edge
        attribute ``rank_points`` (rank 1 = 3 points), ``betweenness`` is
        :func:`networkx.betweenness_centrality` (normalized, unweighted). Sorted by
        ``kind``, then ``degree`` descending, then ``label``.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph()
    >>> G.add_nodes_from([("cancer:lung", {"kind": "cancer", "id": "lung", "label": "Lung cancer"}),
    ...                   ("site:bone", {"kind": "site", "id": "bone", "label": "Bone"}),
    ...                   ("site:lung", {"kind": "site", "id": "lung", "label": "Lung"})])
    >>> G.add_edge("cancer:lung", "site:bone", best_rank=1, rank_points=3)
    >>> G.add_edge("cancer:lung", "site:lung", best_rank=0, rank_points=0)
    >>> node_measures(G)[["node", "degree", "ranked_degree", "rank_points", "betweenness"]]
              node  degree  ranked_degree  rank_points  betweenness
    0  cancer:lung       2              1            3          1.0
    1    site:bone       1              1            3          0.0
    2    site:lung       1              0            0          0.0
    """
    betweenness = nx.betweenness_centrality(G, normalized=True)
    rows = [
        {
            "node": node,
            "id": data.get("id", node),
            "kind": data.get("kind", ""),
            "label": data.get("label", node),
            "degree": G.degree(node),
            "ranked_degree": sum(1 for *_, r in G.edges(node, data="best_rank") if r),
            "rank_points": G.degree(node, weight="rank_points"),
            "betweenness": betweenness[node],
        }
        for node, data in G.nodes(data=True)
    ]
    frame = pd.DataFrame(rows, columns=NODE_COLUMNS).astype(
        {
            "degree": "int64",
            "ranked_degree": "int64",
            "rank_points": "int64",
            "betweenness": "float64",
        }
    )
    order = ["kind", "degree", "label", "node"]
    frame = frame.sort_values(order, ascending=[True, False, True, True], kind="stable")
    return frame.reset_index(drop=True)


def _cancer_nodes(G: nx.Graph) -> list[str]:
    """Return the cancer nodes of ``G`` in a fixed order (by node id)."""
    return sorted(node for node, kind in G.nodes(data="kind") if kind == "cancer")


def _pair_row(G: nx.Graph, a: str, b: str, jaccard: float) -> dict:
    """One row of :func:`shared_sites`, the pair ordered by label (then node id)."""
    a, b = sorted((a, b), key=lambda n: (G.nodes[n]["label"], n))
    common = set(G[a]) & set(G[b])
    return {
        "cancer_a": G.nodes[a]["label"],
        "cancer_b": G.nodes[b]["label"],
        "cancer_a_id": G.nodes[a]["id"],
        "cancer_b_id": G.nodes[b]["id"],
        "shared": len(common),
        "shared_sites": "; ".join(sorted(G.nodes[s]["label"] for s in common)),
        "jaccard": round(jaccard, 3),
    }


def shared_sites(G: nx.Graph) -> pd.DataFrame:
    """Return the pairs of cancers that spread to at least one common site.

    Built on the bipartite projection onto cancers
    (:func:`networkx.bipartite.overlap_weighted_projected_graph` with ``jaccard=True``).

    Parameters
    ----------
    G : networkx.Graph
        A graph built by :func:`graph.build.spread_graph`.

    Returns
    -------
    DataFrame
        Columns ``SHARED_COLUMNS``: the two cancer labels (``cancer_a`` sorts first) and
        ids, the number of ``shared`` sites, their labels joined by ``"; "`` and the
        ``jaccard`` index ``|N(a) & N(b)| / |N(a) | N(b)|`` rounded to 3 decimals. Sorted
        by ``jaccard`` and ``shared`` descending, then ``cancer_a``, ``cancer_b``.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph()
    >>> G.add_nodes_from([("cancer:lung", {"kind": "cancer", "id": "lung", "label": "Lung cancer"}),
    ...                   ("cancer:breast", {"kind": "cancer", "id": "breast", "label": "Breast"}),
    ...                   ("site:bone", {"kind": "site", "id": "bone", "label": "Bone"}),
    ...                   ("site:lung", {"kind": "site", "id": "lung", "label": "Lung"})])
    >>> G.add_edges_from([("cancer:lung", "site:bone"), ("cancer:breast", "site:bone"),
    ...                   ("cancer:breast", "site:lung")])
    >>> shared_sites(G)[["cancer_a", "cancer_b", "shared", "shared_sites", "jaccard"]]
      cancer_a     cancer_b  shared shared_sites  jaccard
    0   Breast  Lung cancer       1         Bone      0.5
    """
    projection = nx.bipartite.overlap_weighted_projected_graph(G, _cancer_nodes(G), jaccard=True)
    rows = [_pair_row(G, a, b, w) for a, b, w in projection.edges(data="weight")]
    frame = pd.DataFrame(rows, columns=SHARED_COLUMNS).astype(
        {"shared": "int64", "jaccard": "float64"}
    )
    order = ["jaccard", "shared", "cancer_a", "cancer_b"]
    frame = frame.sort_values(order, ascending=[False, False, True, True], kind="stable")
    return frame.reset_index(drop=True)
