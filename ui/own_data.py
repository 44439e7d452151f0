"""A person's own spread table in this session, and the views that draw it.

Privacy: the uploaded table lives only in ``st.session_state`` (memory, this browser session).
It is never written to disk and never put in ``st.cache_data``/``st.cache_resource``, which
would keep it in the server process after the session ends; its chart specs are memoised on
the session's own object instead, so reruns stay light.

Memo: :meth:`OwnData.memo` (one upload's specs and tables, dropped with it); the steps
before it use :func:`ui.own_upload.session_memo`.
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
from data.extracts import own_pairs
from graph.build import pairs_graph
from graph.layout import layout
from ui.data import tables
from ui.show import chart, chart_data, escape_markdown, table_with_download
from upload.resolve import RANK, Measure, measure_of, shown_table
from upload.view import HEATMAP_MAX, MIN_N, NETWORK_MAX, Drawn, Filters, drawn, short

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

    def drawn(self, view: str, most: tuple[int, int], filters: Filters) -> Drawn:
        """The pairs the ``view`` draws with ``filters`` (short names, what was left out)."""
        return self.memo(("drawn", view, filters), lambda: drawn(self.pairs, most, filters))

    def shown(self, key: tuple, rows: Callable[[], pd.DataFrame]) -> tuple[pd.DataFrame, bytes]:
        """The table shown for ``rows()`` and its CSV download, made once per ``key``."""
        table = self.memo(("shown", *key), lambda: shown_table(rows()))
        return table, self.memo(("csv", *key), lambda: safe_csv_bytes(own_pairs(rows())))


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


def view_filters(data: OwnData, view: str, most: tuple[int, int],
                 default: tuple[int, int]) -> Filters:
    """The controls that keep a view readable with many names: top cancers and sites, the
    fewest patients a cancer needs (for tables with totals) and a search."""
    n_cancers = data.pairs["cancer"].nunique()
    n_sites = data.pairs["site_label"].nunique()
    columns = st.columns(4 if data.measure.column == "share" else 3)
    cancers = columns[0].number_input(
        "Top cancers", 1, most[0], min(default[0], most[0]), key=f"own_{view}_cancers",
        help=f"Your table has {n_cancers:,}; the chart draws at most {most[0]}.")
    sites = columns[1].number_input(
        "Top sites", 1, most[1], min(default[1], most[1]), key=f"own_{view}_sites",
        help=f"Your table has {n_sites:,}; the chart draws at most {most[1]}.")
    search = columns[2].text_input("Search names", key=f"own_{view}_search", max_chars=60,
                                   placeholder="e.g. lung")
    min_n = 1
    if data.measure.column == "share":
        min_n = columns[3].number_input(
            "Fewest patients (n)", 1, 1_000_000, MIN_N, key=f"own_{view}_min_n",
            help="Cancers with fewer patients than this in your file are hidden: a share of "
                 "one or two patients says little.")
    return Filters(int(cancers), int(sites), int(min_n), search or "")


def _nothing(view: Drawn) -> bool:
    """Say so when the filters leave nothing to draw."""
    if view.pairs.empty:
        st.info("Nothing to draw with these choices. " + view.note + " Lower the fewest "
                "patients, or clear the search.", icon=":material/filter_alt_off:")
        return True
    return False


def show_heatmap(data: OwnData) -> None:
    """The uploaded pairs as a heatmap, with the table behind it."""
    filters = view_filters(data, "heatmap", HEATMAP_MAX, (20, 25))
    view = data.drawn("heatmap", HEATMAP_MAX, filters)
    if not _nothing(view):
        chart(data.memo(("heatmap", filters), lambda: plain_spec(
            own_heatmap(view.pairs, data.measure, short(data.file_name)))), private=True)
        if view.note:
            st.caption(view.note)
    table, csv = data.shown((), lambda: data.pairs)
    table_with_download(table, f"{_stem(data)}_pairs.csv", "Download these pairs (CSV)",
                        "own_pairs", csv)


def _network(data: OwnData, pairs: pd.DataFrame, layout_name: str, seed: int) -> dict:
    """The network spec for a layout (built once per layout, filters and upload)."""
    measure = data.measure
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
    filters = view_filters(data, "network", NETWORK_MAX, (15, 20))
    view = data.drawn("network", NETWORK_MAX, filters)
    if not _nothing(view):
        chart(data.memo(("network", layout_name, filters),
                        lambda: _network(data, view.pairs, layout_name, 7)), private=True)
        if view.note:
            st.caption(view.note)
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
        chart(spec, private=True)
    if missing:
        st.warning("Not on the figure (the body map has no place for these names, so they "
                   "are listed here instead): " + escape_markdown(_listed(missing)),
                   icon=":material/wrong_location:")
    table, csv = data.shown((chosen,), lambda: rows)
    chart_data(table, f"{_stem(data)}_body_map.csv", "own_body_data", data=csv)
