"""Node positions for drawing a spread graph, as tidy DataFrames (``node``, ``x``, ``y``).

Every layout is deterministic: the same graph (and seed) gives the same positions, and rows
come in the same order (cancers, then sites, each by label). ``y`` grows upwards, so a chart
draws it on a normal (not reversed) vertical scale.
"""

from __future__ import annotations

from collections.abc import Callable

import networkx as nx
import pandas as pd

POSITION_COLUMNS = ["node", "x", "y"]
"""Columns of every layout."""


def _column(G: nx.Graph, kind: str) -> list[str]:
    """Return the nodes of one ``kind`` ordered by label, then node id."""
    nodes = [node for node, k in G.nodes(data="kind") if k == kind]
    return sorted(nodes, key=lambda n: (str(G.nodes[n].get("label", n)), n))


def _ordered_nodes(G: nx.Graph) -> list[str]:
    """Return cancers then sites (each by label), then any other nodes by id."""
    known = _column(G, "cancer") + _column(G, "site")
    return known + sorted(set(G) - set(known))


def _frame(positions: dict[str, tuple[float, float]], nodes: list[str]) -> pd.DataFrame:
    """Turn ``{node: (x, y)}`` into a DataFrame with rows in the order of ``nodes``."""
    rows = [(node, float(positions[node][0]), float(positions[node][1])) for node in nodes]
    return pd.DataFrame(rows, columns=POSITION_COLUMNS).astype({"x": "float64", "y": "float64"})


def _spaced(n: int) -> list[float]:
    """Return ``n`` evenly spaced values from 1 (top) down to 0; a lone value sits at 0.5."""
    if n == 1:
        return [0.5]
    return [1 - i / (n - 1) for i in range(n)]


def two_columns(G: nx.Graph) -> pd.DataFrame:
    """Place cancers in a left column (``x=0``) and sites in a right column (``x=1``).

    Each column is ordered by label from top to bottom and spread evenly over ``y`` from 1
    (top, first label) to 0 (bottom, last label), so draw ``y`` on a normal, not reversed,
    scale. A column with a single node puts it at ``y=0.5``. Nodes of any other ``kind``
    are left out.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph()
    >>> G.add_nodes_from([("cancer:lung", {"kind": "cancer", "label": "Lung cancer"}),
    ...                   ("site:lung", {"kind": "site", "label": "Lung"}),
    ...                   ("site:bone", {"kind": "site", "label": "Bone"})])
    >>> two_columns(G)
              node    x    y
    0  cancer:lung  0.0  0.5
    1    site:bone  1.0  1.0
    2    site:lung  1.0  0.0
    """
    positions = {}
    for x, kind in ((0.0, "cancer"), (1.0, "site")):
        nodes = _column(G, kind)
        positions.update({node: (x, y) for node, y in zip(nodes, _spaced(len(nodes)), strict=True)})
    return _frame(positions, list(positions))


def circular(G: nx.Graph) -> pd.DataFrame:
    """Place the nodes on a circle, cancers then sites, each in label order.

    Uses :func:`networkx.circular_layout` (unit circle centred on the origin).

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([("cancer:lung", "site:bone")])
    >>> nx.set_node_attributes(G, {"cancer:lung": "cancer", "site:bone": "site"}, "kind")
    >>> positions = circular(G)
    >>> positions["node"].tolist()
    ['cancer:lung', 'site:bone']
    >>> (positions[["x", "y"]].round(6) + 0.0).values.tolist()
    [[1.0, 0.0], [-1.0, 0.0]]
    """
    nodes = _ordered_nodes(G)
    return _frame(nx.circular_layout(nodes), nodes)


SPRING_MAX_NODES = 499
"""From 500 nodes networkx's spring layout switches to SciPy, which the app does not install:
no page draws that many (at most 70, tests/test_no_scipy.py)."""


def spring(G: nx.Graph, seed: int = 7) -> pd.DataFrame:
    """Place the nodes with the seeded force-directed :func:`networkx.spring_layout`.

    At most :data:`SPRING_MAX_NODES` nodes; more raise ``ValueError`` saying so.

    Edges pull equally (``weight=None``): weighting by ``rank_points`` would give unranked
    edges (0 points) no pull at all and push their nodes to the rim, so rank is left to the
    edge styling instead. The same graph and ``seed`` always give the same positions.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.path_graph(["cancer:lung", "site:bone", "cancer:breast"])
    >>> spring(G, seed=1).equals(spring(G, seed=1))
    True
    >>> list(spring(G).columns)
    ['node', 'x', 'y']
    """
    nodes = _ordered_nodes(G)
    if not nodes:
        return _frame({}, [])
    if len(nodes) > SPRING_MAX_NODES:
        raise ValueError(f"the force-directed layout places at most {SPRING_MAX_NODES} nodes "
                         f"and this graph has {len(nodes):,}: choose two columns or a circle")
    return _frame(nx.spring_layout(G, seed=seed, weight=None), nodes)


LAYOUTS: dict[str, Callable[..., pd.DataFrame]] = {
    "two_columns": two_columns,
    "circular": circular,
    "spring": spring,
}
"""The layouts by name, for a select box; :func:`layout` dispatches on these names."""


def layout(G: nx.Graph, name: str, seed: int = 7) -> pd.DataFrame:
    """Return the positions of the layout called ``name`` (``seed`` only affects ``"spring"``).

    Raises
    ------
    ValueError
        If ``name`` is not a key of ``LAYOUTS``; the message lists the valid names.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([("cancer:lung", "site:bone")])
    >>> layout(G, "circular").shape
    (2, 3)
    >>> layout(G, "grid")
    Traceback (most recent call last):
    ...
    ValueError: unknown layout 'grid'; choose one of: circular, spring, two_columns
    """
    if name not in LAYOUTS:
        raise ValueError(f"unknown layout {name!r}; choose one of: {', '.join(sorted(LAYOUTS))}")
    if name == "spring":
        return spring(G, seed=seed)
    return LAYOUTS[name](G)
