"""Cached loaders: every table, graph and layout is computed once per process.

Cached functions read only their arguments. Returned graphs are shared across sessions and
must never be mutated (networkx views and copies are taken where a change is needed).
"""

from __future__ import annotations

import networkx as nx
import pandas as pd
import streamlit as st

from data.load import load_tables, read_descriptor
from graph.build import spread_graph
from graph.layout import layout


@st.cache_data(show_spinner=False)
def tables() -> dict[str, pd.DataFrame]:
    """Every published table, typed and validated."""
    return load_tables()


@st.cache_data(show_spinner=False)
def descriptor() -> dict:
    """The data package descriptor (a copy per call, so callers may not mutate the cache)."""
    return read_descriptor()


@st.cache_resource(show_spinner=False)
def graph(evidence: tuple[str, ...], sources: tuple[str, ...]) -> nx.Graph:
    """The cancer-site graph for the chosen evidence kinds and sources (shared; read-only)."""
    t = tables()
    rows = t["spread"][t["spread"]["evidence"].isin(evidence)
                       & t["spread"]["source_id"].isin(sources)]
    return nx.freeze(spread_graph(rows, t["cancers"], t["sites"]))


@st.cache_data(show_spinner=False)
def positions(evidence: tuple[str, ...], sources: tuple[str, ...], name: str,
              seed: int) -> pd.DataFrame:
    """Node positions for a layout of that graph."""
    return layout(graph(evidence, sources), name, seed=seed)
