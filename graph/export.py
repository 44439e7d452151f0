"""A spread graph as downloadable bytes: GraphML and GEXF (for Gephi, Cytoscape, yEd).

Node ids stay namespaced (``"cancer:lung"``) in both formats. The edge list CSV is
:func:`graph.build.edge_table`.
"""

from __future__ import annotations

import io

import networkx as nx

GEXF_ID_ATTRIBUTE = "entity_id"
"""GEXF keeps the node attribute ``id`` for the node identifier, so the plain id moves here."""


def graphml_bytes(G: nx.Graph) -> bytes:
    """Return ``G`` as UTF-8 GraphML; :func:`networkx.read_graphml` reads back the same graph.

    Examples
    --------
    >>> import io
    >>> import networkx as nx
    >>> G = nx.Graph()
    >>> G.add_node("cancer:lung", kind="cancer", id="lung", label="Lung cancer", bipartite=0)
    >>> G.add_node("site:lung", kind="site", id="lung", label="Lung", bipartite=1)
    >>> G.add_edge("cancer:lung", "site:lung", best_rank=0, evidence="statement")
    >>> back = nx.read_graphml(io.BytesIO(graphml_bytes(G)))
    >>> dict(back.nodes(data=True)) == dict(G.nodes(data=True))
    True
    >>> list(back.edges(data=True)) == list(G.edges(data=True))
    True
    """
    buffer = io.BytesIO()
    nx.write_graphml(G, buffer, encoding="utf-8")
    return buffer.getvalue()


def _gexf_ready(G: nx.Graph) -> nx.Graph:
    """Return a copy of ``G`` whose node attribute ``id`` is renamed ``GEXF_ID_ATTRIBUTE``."""
    H = G.copy()
    for _, data in H.nodes(data=True):
        if "id" in data:
            data[GEXF_ID_ATTRIBUTE] = data.pop("id")
    return H


def gexf_bytes(G: nx.Graph) -> bytes:
    """Return ``G`` as UTF-8 GEXF 1.2 for Gephi.

    GEXF uses a node's ``id`` attribute as its identifier, which would merge
    ``"cancer:lung"`` and ``"site:lung"``; so node ids stay namespaced and the plain id is
    written as the attribute ``entity_id``. :func:`networkx.read_gexf` reads back the same
    nodes, edges and attributes, except that ``id`` is named ``entity_id`` and each edge
    gains the GEXF edge ``id``. ``G`` itself is not changed.

    Examples
    --------
    >>> import io
    >>> import networkx as nx
    >>> G = nx.Graph()
    >>> G.add_node("cancer:lung", kind="cancer", id="lung", label="Lung cancer")
    >>> G.add_node("site:lung", kind="site", id="lung", label="Lung")
    >>> G.add_edge("cancer:lung", "site:lung", best_rank=0)
    >>> back = nx.read_gexf(io.BytesIO(gexf_bytes(G)))
    >>> sorted(back.nodes(data="entity_id"))
    [('cancer:lung', 'lung'), ('site:lung', 'lung')]
    >>> G.nodes["site:lung"]["id"]
    'lung'
    """
    buffer = io.BytesIO()
    nx.write_gexf(_gexf_ready(G), buffer, encoding="utf-8")
    return buffer.getvalue()
