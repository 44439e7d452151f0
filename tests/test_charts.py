"""Chart builders: the Vega-Lite spec says what the user should see."""

from __future__ import annotations

import pandas as pd

from charts.network import edge_frame, focus_set, network_chart, network_edges, node_frame
from charts.spread import spread_heatmap, top_sites_bars
from charts.style import RANK_DOMAIN, RANK_RANGE
from charts.survival import survival_bars
from data import query
from graph.build import edge_table, spread_graph
from graph.layout import layout
from graph.metrics import node_measures
from tests import data_fixtures as fx


def _data(spec: dict) -> list[dict]:
    """The (single) inline dataset of a chart spec."""
    return next(iter(spec["datasets"].values()))


def _cells():
    return query.pair_cells(fx.spread(), fx.cancers(), fx.sites(), fx.sources())


def test_heatmap_colours_rank_one_darkest_with_ordinal_legend():
    """Rank 1 gets the darkest colour; the legend says ranks are an order, not a percentage."""
    spec = spread_heatmap(_cells(), ["Breast cancer", "Colon cancer"], ["Liver", "Lung",
                                                                         "Brain"]).to_dict()
    colour = spec["layer"][0]["encoding"]["color"]
    assert colour["type"] == "ordinal"
    assert colour["scale"]["domain"][0] == "1st (most common)"
    assert colour["scale"]["range"][0] == RANK_RANGE[0] == "#08306b"
    assert "not a percentage" in colour["title"]


def test_heatmap_marks_unranked_cells_and_selects_cells():
    """Unranked pairs are labelled "Not ranked" and drawn with a marker; cells are clickable."""
    spec = spread_heatmap(_cells(), ["Breast cancer", "Colon cancer"],
                          ["Liver", "Lung", "Brain"]).to_dict()
    rows = {(r["primary"], r["site"]): r for r in _data(spec)}
    assert rows[("breast", "brain")]["rank_label"] == "Not ranked"
    assert rows[("breast", "brain")]["marker"] == "statement"
    assert spec["layer"][1]["encoding"]["shape"]["field"] == "marker"
    assert spec["params"][0]["name"] == "cell"
    assert spec["params"][0]["views"] == [spec["layer"][0]["name"]]
    assert spec["layer"][0]["encoding"]["x"]["sort"] == ["Liver", "Lung", "Brain"]


def test_heatmap_layers_share_axis_settings():
    """Both layers use one x and y encoding (different axes crash a selectable chart)."""
    spec = spread_heatmap(_cells(), ["Breast cancer"], ["Lung"]).to_dict()
    first, second = (layer["encoding"] for layer in spec["layer"])
    assert first["x"] == second["x"] and first["y"] == second["y"]


def test_top_sites_bars_count_cancers_and_leave_out_unranked():
    """Bars sum the number of cancers; the legend has no "Not ranked" entry."""
    counts = query.top_three_counts(fx.spread(), fx.cancers(), fx.sites())
    spec = top_sites_bars(counts).to_dict()
    assert spec["encoding"]["x"]["aggregate"] == "sum"
    assert spec["encoding"]["color"]["scale"]["domain"] == RANK_DOMAIN[:3]
    assert sum(r["n_cancers"] for r in _data(spec)) == 3


def test_survival_axis_runs_zero_to_hundred_with_values():
    """Survival bars share one 0-100% axis and show each quoted value."""
    view = pd.DataFrame({"group": ["Lung cancer, all people"], "value_pct": [9.0],
                         "source": ["C"], "reviewed": ["2024"], "quote": ["q"]})
    spec = survival_bars(view).to_dict()
    assert spec["layer"][0]["encoding"]["x"]["scale"]["domain"] == [0, 100]
    assert _data(spec)[0]["value_pct"] == 9.0


def _network(focus=None):
    graph = spread_graph(fx.spread(), fx.cancers(), fx.sites())
    edges = network_edges(edge_table(graph))
    spots = layout(graph, "two_columns")
    measures = node_measures(graph)
    lit = focus_set(measures, edges, focus)
    return node_frame(measures, spots, lit, focus), edge_frame(edges, spots, focus)


def test_network_focus_lights_the_node_and_its_neighbours():
    """Focusing breast cancer marks it and its three sites; colon stays dim."""
    nodes, edges = _network("cancer:breast")
    states = dict(zip(nodes["node"], nodes["state"], strict=True))
    assert states == {"cancer:breast": "focus", "cancer:colon": "other", "site:lung":
                      "neighbour", "site:liver": "neighbour", "site:brain": "neighbour"}
    assert edges.loc[edges["source"] == "cancer:colon", "lit"].eq(False).all()


def test_network_edges_have_two_ends_and_rank_widths():
    """Each edge is drawn from two rows; the width channel encodes rank points 0-3."""
    nodes, edges = _network()
    assert len(edges) == 2 * 4
    spec = network_chart(nodes, edges, focused=False).to_dict()
    width = spec["layer"][0]["encoding"]["strokeWidth"]
    assert width["field"] == "rank_points" and width["scale"]["domain"] == [0, 3]
    assert {layer["encoding"]["x"]["axis"] is None for layer in spec["layer"]} == {True}
    assert spec["params"][0]["name"] == "node"
    assert spec["params"][0]["views"] == [spec["layer"][1]["name"]]


def test_every_chart_has_a_text_alternative():
    """Each builder sets a description, which the browser exposes as the chart's name."""
    from charts.body_map import arrows, body_map, places

    cells = _cells()
    counts = query.top_three_counts(fx.spread(), fx.cancers(), fx.sites())
    nodes, edges = _network()
    view = pd.DataFrame({"group": ["g"], "value_pct": [9.0], "source": ["C"],
                         "reviewed": ["r"], "quote": ["q"]})
    arrow_rows = arrows(fx.spread(), fx.cancers(), fx.sites())
    specs = [spread_heatmap(cells, ["Breast cancer"], ["Lung"]), top_sites_bars(counts),
             network_chart(nodes, edges, focused=False), survival_bars(view),
             body_map(arrow_rows, places(arrow_rows), "T", "S")]
    for spec in (chart.to_dict() for chart in specs):
        assert len(spec["description"]) > 40, spec.get("title")
