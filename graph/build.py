"""Tables -> networkx graphs: the primary cancer -- metastatic site bipartite graph.

Cancer and site ids overlap (``"lung"`` is both), so node ids are namespaced:
``"cancer:lung"`` and ``"site:lung"`` are two different nodes. Every attribute is a plain
``str`` or ``int`` so the graph can be written as GraphML or GEXF unchanged.
"""

from __future__ import annotations

import networkx as nx
import pandas as pd

from data.vocabulary import EVIDENCE_STRENGTH

RANKS = (1, 2, 3)
"""Allowed ranks; rank 1 is the most common site and earns the most rank points."""

SPREAD_COLUMNS = ("spread_id", "primary", "site", "rank", "evidence", "source_id")
CANCER_COLUMNS = ("cancer_id", "label")
SITE_COLUMNS = ("site_id", "label")

EDGE_COLUMNS = [
    "primary",
    "primary_label",
    "site",
    "site_label",
    "best_rank",
    "rank_points",
    "evidence",
    "evidence_kinds",
    "sources",
    "n_quotes",
]
"""Columns of :func:`edge_table`, which is also the published edge list."""

_EDGE_DTYPES = dict.fromkeys(EDGE_COLUMNS, "str") | {
    "best_rank": "Int64",
    "rank_points": "int64",
    "n_quotes": "int64",
}


def cancer_node(cancer_id: str) -> str:
    """Return the graph node id of a cancer.

    Examples
    --------
    >>> cancer_node("lung")
    'cancer:lung'
    """
    return f"cancer:{cancer_id}"


def site_node(site_id: str) -> str:
    """Return the graph node id of a metastatic site.

    Examples
    --------
    >>> site_node("lung")
    'site:lung'
    """
    return f"site:{site_id}"


def _require_columns(frame: pd.DataFrame, columns: tuple[str, ...], table: str) -> None:
    """Raise ``ValueError`` naming the first column of ``columns`` absent from ``frame``."""
    for column in columns:
        if column not in frame.columns:
            raise ValueError(f"{table} table is missing column {column!r}")


def _listing(values: pd.Series | list) -> str:
    """Format values for an error message: sorted, quoted, comma-separated."""
    return ", ".join(repr(v) for v in sorted({str(v) for v in values}))


def _check_values(spread: pd.DataFrame) -> None:
    """Raise ``ValueError`` for missing ids, unknown evidence or ranks that break the rules."""
    for column in ("primary", "site", "evidence", "source_id"):
        if spread[column].isna().any():
            raise ValueError(f"spread column {column!r} has missing values")
    unknown = spread.loc[~spread["evidence"].isin(list(EVIDENCE_STRENGTH)), "evidence"]
    if len(unknown):
        raise ValueError(
            f"spread.evidence has unknown value(s) {_listing(unknown)}; "
            f"allowed: {_listing(list(EVIDENCE_STRENGTH))}"
        )
    has_rank = spread["rank"].notna()
    out_of_range = spread.loc[has_rank & ~spread["rank"].isin(RANKS), "spread_id"]
    if len(out_of_range):
        raise ValueError(f"spread.rank must be 1, 2 or 3; check spread_id {_listing(out_of_range)}")
    mismatch = spread.loc[spread["evidence"].eq("ranked_table") != has_rank, "spread_id"]
    if len(mismatch):
        raise ValueError(
            "spread.rank must be set exactly when evidence is 'ranked_table'; "
            f"check spread_id {_listing(mismatch)}"
        )


def _labels(table: pd.DataFrame, key: str, used: pd.Series, column: str) -> dict[str, str]:
    """Map each id of ``table[key]`` to its label; ``ValueError`` if ``used`` names others."""
    duplicated = table.loc[table[key].duplicated(), key]
    if len(duplicated):
        raise ValueError(f"{key} is not unique: {_listing(duplicated)}")
    labels = {str(k): str(v) for k, v in zip(table[key], table["label"], strict=True)}
    unknown = sorted(set(used) - set(labels))
    if unknown:
        raise ValueError(f"spread.{column} names id(s) not in {key}: {_listing(unknown)}")
    return labels


def _edge_attrs(rows: pd.DataFrame) -> dict[str, str | int]:
    """Aggregate the spread rows of one (primary, site) pair into edge attributes."""
    ranks = rows["rank"].dropna()
    best_rank = int(ranks.min()) if len(ranks) else 0
    kinds = sorted({str(kind) for kind in rows["evidence"]})
    return {
        "best_rank": best_rank,
        "rank_points": 4 - best_rank if best_rank else 0,
        "evidence": max(kinds, key=EVIDENCE_STRENGTH.__getitem__),
        "evidence_kinds": "|".join(kinds),
        "sources": "|".join(sorted({str(source) for source in rows["source_id"]})),
        "n_quotes": len(rows),
    }


def spread_graph(spread: pd.DataFrame, cancers: pd.DataFrame, sites: pd.DataFrame) -> nx.Graph:
    """Build the undirected bipartite graph of primary cancers and the sites they spread to.

    Parameters
    ----------
    spread : DataFrame
        One row per claim, with columns ``spread_id``, ``primary``, ``site``, ``rank``
        (``Int64``: 1-3 for ``"ranked_table"`` rows, else ``<NA>``), ``evidence`` and
        ``source_id``. Several rows may name the same (primary, site) pair.
    cancers : DataFrame
        Columns ``cancer_id`` and ``label``.
    sites : DataFrame
        Columns ``site_id`` and ``label``.

    Returns
    -------
    networkx.Graph
        Nodes ``"cancer:<id>"`` (``kind="cancer"``, ``bipartite=0``) and ``"site:<id>"``
        (``kind="site"``, ``bipartite=1``), each with ``id`` and ``label``; only ids that
        appear in ``spread``. One edge per (primary, site) pair with ``best_rank`` (lowest
        rank, 0 when unranked), ``rank_points`` (``4 - best_rank``, 0 when unranked: rank 1
        is strongest), ``evidence`` (strongest kind present), ``evidence_kinds`` and
        ``sources`` (``"|"``-joined, sorted) and ``n_quotes`` (row count).

    Raises
    ------
    ValueError
        If a column is missing, an id is not in ``cancers``/``sites``, an evidence kind is
        unknown, or a rank is outside 1-3 or set on a row that is not ``"ranked_table"``.

    Examples
    --------
    >>> import pandas as pd
    >>> cancers = pd.DataFrame({"cancer_id": ["lung", "breast"],
    ...                         "label": ["Lung cancer", "Breast cancer"]})
    >>> sites = pd.DataFrame({"site_id": ["lung", "bone"], "label": ["Lung", "Bone"]})
    >>> spread = pd.DataFrame({
    ...     "spread_id": ["s1", "s2", "s3", "s4"],
    ...     "primary": ["lung", "breast", "breast", "breast"],
    ...     "site": ["bone", "bone", "lung", "lung"],
    ...     "rank": pd.array([1, 2, pd.NA, pd.NA], dtype="Int64"),
    ...     "evidence": ["ranked_table", "ranked_table", "statement", "example"],
    ...     "source_id": ["nci", "nci", "acs", "nci"],
    ... })
    >>> G = spread_graph(spread, cancers, sites)
    >>> sorted(G.nodes)
    ['cancer:breast', 'cancer:lung', 'site:bone', 'site:lung']
    >>> G.edges["cancer:lung", "site:bone"]["rank_points"]
    3
    >>> edge = G.edges["cancer:breast", "site:lung"]
    >>> edge["best_rank"], edge["evidence"], edge["evidence_kinds"], edge["sources"]
    (0, 'statement', 'example|statement', 'acs|nci')
    """
    _require_columns(spread, SPREAD_COLUMNS, "spread")
    _require_columns(cancers, CANCER_COLUMNS, "cancers")
    _require_columns(sites, SITE_COLUMNS, "sites")
    _check_values(spread)
    cancer_labels = _labels(cancers, "cancer_id", spread["primary"], "primary")
    site_labels = _labels(sites, "site_id", spread["site"], "site")
    G = nx.Graph()
    for cid in sorted({str(c) for c in spread["primary"]}):
        G.add_node(cancer_node(cid), kind="cancer", id=cid, label=cancer_labels[cid], bipartite=0)
    for sid in sorted({str(s) for s in spread["site"]}):
        G.add_node(site_node(sid), kind="site", id=sid, label=site_labels[sid], bipartite=1)
    for (cid, sid), rows in spread.groupby(["primary", "site"], sort=True):
        G.add_edge(cancer_node(str(cid)), site_node(str(sid)), **_edge_attrs(rows))
    return G


def _edge_row(G: nx.Graph, u: str, v: str, data: dict) -> dict:
    """One row of :func:`edge_table`: the cancer end first, ``best_rank`` 0 as ``<NA>``."""
    ends = {G.nodes[n].get("kind"): G.nodes[n] for n in (u, v)}
    if set(ends) != {"cancer", "site"}:
        raise ValueError(f"edge ({u!r}, {v!r}) must join a cancer node and a site node")
    cancer, site = ends["cancer"], ends["site"]
    row = {
        "primary": cancer["id"],
        "primary_label": cancer["label"],
        "site": site["id"],
        "site_label": site["label"],
    }
    row.update({column: data[column] for column in EDGE_COLUMNS[4:]})
    row["best_rank"] = row["best_rank"] or pd.NA
    return row


def edge_table(G: nx.Graph) -> pd.DataFrame:
    """Return one row per edge of a :func:`spread_graph`: the published edge list.

    Parameters
    ----------
    G : networkx.Graph
        A graph built by :func:`spread_graph`.

    Returns
    -------
    DataFrame
        Columns ``EDGE_COLUMNS``; ``best_rank`` is ``Int64`` with ``<NA>`` for unranked
        pairs. Sorted by ``primary_label``, ``best_rank`` (``<NA>`` last), ``site_label``.

    Raises
    ------
    ValueError
        If an edge does not join a cancer node and a site node.

    Examples
    --------
    >>> import pandas as pd
    >>> spread = pd.DataFrame({
    ...     "spread_id": ["s1", "s2"], "primary": ["lung", "lung"], "site": ["lung", "bone"],
    ...     "rank": pd.array([pd.NA, 1], dtype="Int64"),
    ...     "evidence": ["statement", "ranked_table"], "source_id": ["acs", "nci"]})
    >>> cancers = pd.DataFrame({"cancer_id": ["lung"], "label": ["Lung cancer"]})
    >>> sites = pd.DataFrame({"site_id": ["lung", "bone"], "label": ["Lung", "Bone"]})
    >>> table = edge_table(spread_graph(spread, cancers, sites))
    >>> table[["primary", "site", "best_rank", "rank_points", "evidence"]]
      primary  site  best_rank  rank_points      evidence
    0    lung  bone          1            3  ranked_table
    1    lung  lung       <NA>            0     statement
    """
    rows = [_edge_row(G, u, v, data) for u, v, data in G.edges(data=True)]
    frame = pd.DataFrame(rows, columns=EDGE_COLUMNS)
    frame = frame.astype(_EDGE_DTYPES)
    order = ["primary_label", "best_rank", "site_label"]
    return frame.sort_values(order, na_position="last", kind="stable").reset_index(drop=True)


def pairs_graph(pairs: pd.DataFrame, measure: str) -> nx.Graph:
    """The bipartite graph of a person's own pairs (see :func:`upload.resolve.resolve`).

    Nodes are ``"cancer:<primary_key>"`` and ``"site:<site_key>"`` with ``kind``, ``id`` and
    ``label``; each edge carries ``value``, the pair's number in column ``measure`` (a rank,
    a share or a count), as a plain ``float`` so the graph exports like the built-in one.

    >>> pairs = pd.DataFrame({"primary_key": ["breast"], "site_key": ["new:Spleen"],
    ...                       "cancer": ["Breast cancer"], "site_label": ["Spleen"],
    ...                       "share": [0.25]})
    >>> G = pairs_graph(pairs, "share")
    >>> sorted(G.nodes), G.edges["cancer:breast", "site:new:Spleen"]["value"]
    (['cancer:breast', 'site:new:Spleen'], 0.25)
    """
    G = nx.Graph()
    for row in pairs.itertuples(index=False):
        cancer, site = cancer_node(row.primary_key), site_node(row.site_key)
        G.add_node(cancer, kind="cancer", id=row.primary_key, label=row.cancer, bipartite=0)
        G.add_node(site, kind="site", id=row.site_key, label=row.site_label, bipartite=1)
        G.add_edge(cancer, site, value=float(getattr(row, measure)))
    return G
