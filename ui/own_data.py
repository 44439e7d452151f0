"""A person's own spread table in this session, and the views that draw it.

Privacy: the uploaded table lives only in ``st.session_state`` (memory, this browser session).
It is never written to disk and never put in ``st.cache_data``/``st.cache_resource``, which
would keep it in the server process after the session ends; its chart specs are memoised on
the session's own object instead, so reruns stay light.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd
import streamlit as st

from charts.body_map import body_map, places
from charts.network import edge_frame
from charts.own_data import (
    cell_text,
    own_arrows,
    own_heatmap,
    own_network,
    rank_steps,
    wrapped,
)
from charts.style import plain_spec
from data.export import safe_csv_bytes
from data.own_data import RANK, Measure, measure_of, shown_table
from data.own_view import HEATMAP_MAX, NETWORK_MAX, Drawn, drawn, short
from graph.build import pairs_graph
from graph.layout import layout
from ui.data import tables
from ui.show import chart, chart_data, escape_markdown, table_with_download

SESSION_KEY = "own_data"
KIND_WORDS = {"ranked": "a ranked table", "aggregated": "a table of counts",
              "patients": "one row per patient"}
LAYOUTS = {"two_columns": "Two columns", "circular": "Circle", "spring": "Force-directed"}


@dataclass
class OwnData:
    """One uploaded table, resolved and ready to draw, and what the person chose."""

    file_name: str
    shape: str
    pairs: pd.DataFrame
    rows_read: int
    active: bool = True
    specs: dict = field(default_factory=dict)  # this session's memo of chart specs

    @property
    def measure(self) -> Measure:
        """Whether the pairs carry ranks, shares or counts."""
        return measure_of(self.pairs)

    def memo(self, key: tuple, build: Callable[[], object]) -> object:
        """``build()`` once per ``key`` for this upload (a spec, a layout)."""
        if key not in self.specs:
            self.specs[key] = build()
        return self.specs[key]

    def drawn(self, view: str, most: tuple[int, int]) -> Drawn:
        """The pairs the ``view`` draws (the most common cancers and sites, short names)."""
        return self.memo(("drawn", view), lambda: drawn(self.pairs, most))

    def shown(self, key: tuple, rows: Callable[[], pd.DataFrame]) -> tuple[pd.DataFrame, bytes]:
        """The table shown for ``rows()`` and its CSV download, made once per ``key``."""
        table = self.memo(("shown", *key), lambda: shown_table(rows()))
        return table, self.memo(("csv", *key), lambda: safe_csv_bytes(table))


def stored() -> OwnData | None:
    """The table uploaded in this session, shown or not."""
    return st.session_state.get(SESSION_KEY)


def current() -> OwnData | None:
    """The uploaded table if the views should show it now, else None (the five sources)."""
    data = stored()
    return data if data is not None and data.active else None


def use(data: OwnData) -> None:
    """Show ``data`` in the heatmap, network and body map from now on in this session."""
    st.session_state[SESSION_KEY] = data


def set_active(active: bool) -> None:
    """Switch the views between the uploaded table (True) and the five sources (False)."""
    data = stored()
    if data is not None:
        data.active = active


def forget() -> None:
    """Remove the uploaded table from this session altogether."""
    st.session_state.pop(SESSION_KEY, None)


def banner(data: OwnData, where: str) -> None:
    """Say plainly that the page shows the person's data, with a way back."""
    st.info(f"**Showing your data, not the five sources:** "
            f"{escape_markdown(short(data.file_name))} "
            f"({len(data.pairs)} cancer–site pairs from {KIND_WORDS[data.shape]}). It stays in "
            "this browser session only.", icon=":material/upload_file:")
    st.button("Back to the five sources", on_click=set_active, args=(False,),
              key=f"own_back_{where}", icon=":material/undo:")


def show_instead(where: str, show: Callable[[OwnData], None]) -> None:
    """If the person chose their uploaded table, draw it with ``show`` under the banner and
    end the page here; otherwise do nothing (the page goes on with the five sources)."""
    data = current()
    if data is not None:
        banner(data, where)
        show(data)
        st.stop()


def _stem(data: OwnData) -> str:
    """A file-name stem for downloads made from the uploaded table."""
    base = "".join(c if c.isalnum() else "_" for c in data.file_name.rsplit(".", 1)[0])
    return f"your_data_{base.strip('_')[:40] or 'table'}"


def show_heatmap(data: OwnData) -> None:
    """The uploaded pairs as a heatmap, with the table behind it."""
    view = data.drawn("heatmap", HEATMAP_MAX)
    spec = data.memo(("heatmap",), lambda: plain_spec(
        own_heatmap(view.pairs, data.measure, short(data.file_name))))
    chart(spec)
    if view.note:
        st.caption(view.note)
    table, csv = data.shown((), lambda: data.pairs)
    table_with_download(table, f"{_stem(data)}_pairs.csv", "Download these pairs (CSV)",
                        "own_pairs", csv)


def _network(data: OwnData, layout_name: str, seed: int) -> dict:
    """The network spec for a layout (built once per layout and upload)."""
    measure = data.measure
    pairs = data.drawn("network", NETWORK_MAX).pairs
    G = pairs_graph(pairs, measure.column)
    spots = layout(G, layout_name, seed=seed)
    nodes = pd.DataFrame([{"node": n, "kind": d["kind"], "label": d["label"],
                           "degree": G.degree(n)} for n, d in G.nodes(data=True)])
    nodes = nodes.merge(spots, on="node")
    edges = pairs.assign(source="cancer:" + pairs["primary_key"],
                         target="site:" + pairs["site_key"])
    edges["edge_id"] = edges["source"] + "--" + edges["target"]
    edges["text"] = cell_text(edges, measure)
    edges["value"] = edges[measure.column].astype("float64")
    if measure is RANK:
        edges["step"] = rank_steps(edges["rank"])
    return plain_spec(own_network(nodes, edge_frame(edges, spots, None), measure))


def show_network(data: OwnData) -> None:
    """The uploaded pairs as a network, with a layout to choose and the edge list."""
    layout_name = st.radio("Layout", list(LAYOUTS), format_func=LAYOUTS.get, horizontal=True,
                           key="own_layout")
    chart(data.memo(("network", layout_name), lambda: _network(data, layout_name, 7)))
    if note := data.drawn("network", NETWORK_MAX).note:
        st.caption(note)
    table, csv = data.shown((), lambda: data.pairs)
    table_with_download(table, f"{_stem(data)}_edge_list.csv", "Download the links (CSV)",
                        "own_edges", csv)


def _listed(names: list[str], most: int = 20) -> str:
    """Names joined with "; ", each shortened, the first ``most`` only and the rest counted."""
    more = f"; and {len(names) - most:,} more" if len(names) > most else ""
    return "; ".join(short(n) for n in names[:most]) + more


def show_body_map(data: OwnData) -> None:
    """Arrows on the body figure for one cancer of the uploaded table."""
    cancers = dict(zip(data.pairs["primary_key"], data.pairs["cancer"], strict=False))
    if st.session_state.get("own_body_cancer") not in cancers:  # first view, or a new upload
        st.session_state["own_body_cancer"] = next(iter(cancers))
    st.selectbox("Cancer", list(cancers), format_func=lambda k: short(cancers[k]),
                 key="own_body_cancer")
    chosen = st.session_state["own_body_cancer"]
    rows = data.pairs[data.pairs["primary_key"] == chosen]
    t = tables()
    organ_of = dict(zip(t["cancers"]["cancer_id"], t["cancers"]["organ_site_id"], strict=True))
    arrow_rows, missing = data.memo(("arrows", chosen),
                                    lambda: own_arrows(rows, organ_of, data.measure))
    if len(arrow_rows):
        spec = data.memo(("body", chosen), lambda: plain_spec(body_map(
            arrow_rows, places(arrow_rows), f"Your data: where {short(cancers[chosen])} spreads",
            wrapped("Thicker arrow = " + ("higher rank. " if data.measure.kind == "order"
                                        else "larger number. ") + data.measure.explain),
            strength_title=data.measure.title, evidence=False)))
        chart(spec)
    if missing:
        st.warning("Not on the figure (the body map has no place for these names, so they "
                   "are listed here instead): " + escape_markdown(_listed(missing)),
                   icon=":material/wrong_location:")
    table, csv = data.shown((chosen,), lambda: rows)
    chart_data(table, f"{_stem(data)}_body_map.csv", "own_body_data", data=csv)
