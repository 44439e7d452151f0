"""A person's own table made ready for the views, and the charts drawn from it."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from charts.own_data import own_arrows, own_heatmap, own_network, rank_steps
from charts.style import plain_spec
from graph.build import pairs_graph
from upload.resolve import COUNT, RANK, SHARE, measure_of, resolve, shown_table

CANCER_LABELS = {"breast": "Breast cancer", "lung": "Lung cancer"}
SITE_LABELS = {"bone": "Bone", "liver": "Liver", "lung": "Lung"}


def _counts(total=(100, 100, 50)) -> pd.DataFrame:
    return pd.DataFrame({
        "primary": ["Breast", "Breast", "Lung"], "site": ["Bones", "bone", "Spleen"],
        "count": pd.array([30, 10, 5], dtype="Int64"),
        "total": pd.array(list(total), dtype="Int64"),
        "share": pd.array([0.3, 0.1, 0.1], dtype="Float64")})


def _resolve(pairs: pd.DataFrame) -> pd.DataFrame:
    return resolve(pairs, {"Breast": "breast", "Lung": "lung"},
                   {"Bones": "bone", "bone": "bone", "Spleen": None}, CANCER_LABELS,
                   SITE_LABELS)


def test_two_spellings_matched_to_one_site_add_their_counts():
    """"Bones" and "bone" both mean the bone site: 30 + 10 of 100 breast patients = 40%."""
    out = _resolve(_counts())
    breast = out[out["primary_key"] == "breast"].iloc[0]
    assert (breast["site_label"], breast["count"], breast["total"]) == ("Bone", 40, 100)
    assert breast["share"] == pytest.approx(0.4)
    assert breast["names"] == "Breast → Bones; Breast → bone"


def test_unmatched_names_are_kept_with_their_own_spelling():
    """A site the vocabularies do not know stays, under a new key, never dropped."""
    out = _resolve(_counts())
    spleen = out[out["site_label"] == "Spleen"].iloc[0]
    assert spleen["site_key"] == "new:Spleen" and spleen["cancer"] == "Lung cancer"
    assert len(out) == 2


def test_measure_is_rank_share_or_count():
    """Ranks are an order; counts with totals are shares; without totals, plain counts."""
    assert measure_of(pd.DataFrame({"rank": [1]})) is RANK
    assert measure_of(_counts()) is SHARE
    no_total = _counts().assign(total=pd.NA, share=pd.NA)
    assert measure_of(no_total) is COUNT
    assert RANK.kind == "order" and SHARE.kind == COUNT.kind == "frequency"


def test_shown_table_names_the_denominator():
    """The table people see and download says what the share is a share of."""
    shown = shown_table(_resolve(_counts()))
    assert list(shown.columns) == ["Primary cancer", "Spreads to", "Patients",
                                   "Patients with this primary (n)", "Share (patients ÷ n)",
                                   "As written in your file"]
    assert shown["Share (patients ÷ n)"].tolist() == [0.4, 0.1]


def _layer_encodings(spec: dict) -> list[dict]:
    return [layer.get("encoding", {}) for layer in spec.get("layer", [spec])]


def test_share_heatmap_uses_a_zero_based_continuous_scale_and_names_n():
    """Frequencies: quantitative colour from 0 to 100%, and each row says its n."""
    spec = plain_spec(own_heatmap(_resolve(_counts()), SHARE, "x.csv"))
    colour = _layer_encodings(spec)[0]["color"]
    assert colour["type"] == "quantitative" and colour["scale"]["domain"] == [0, 1]
    rows = spec["layer"][0]["data"]["values"]
    assert {r["row"] for r in rows} == {"Breast cancer (n = 100)", "Lung cancer (n = 50)"}
    assert sorted(r["text"] for r in rows) == ["10%", "40%"]


def test_ranked_heatmap_colours_an_order_not_an_amount():
    """Ranks: ordinal colour named 1st, 2nd …, never a quantitative scale."""
    pairs = pd.DataFrame({"primary_key": ["breast"] * 2, "site_key": ["bone", "lung"],
                          "cancer": ["Breast cancer"] * 2, "site_label": ["Bone", "Lung"],
                          "rank": pd.array([2, 1], dtype="Int64"), "names": ["a", "b"]})
    spec = plain_spec(own_heatmap(pairs, RANK, "x.csv"))
    colour = _layer_encodings(spec)[0]["color"]
    assert colour["type"] == "ordinal" and colour["sort"] == ["1st", "2nd"]
    assert "percentage" in colour["title"]


def test_network_edges_carry_the_share_and_graph_has_both_kinds_of_node():
    """The graph links each cancer to its sites; line width follows the share."""
    pairs = _resolve(_counts())
    G = pairs_graph(pairs, "share")
    assert sorted(G.nodes) == ["cancer:breast", "cancer:lung", "site:bone", "site:new:Spleen"]
    assert G.edges["cancer:breast", "site:bone"]["value"] == pytest.approx(0.4)
    nodes = pd.DataFrame({"node": list(G.nodes), "kind": ["cancer", "site", "cancer", "site"],
                          "label": ["B", "Bone", "L", "Spleen"], "degree": [1, 1, 1, 1],
                          "x": [0, 1, 0, 1], "y": [0, 0, 1, 1]})
    edges = pairs.assign(edge_id=["e1", "e2"], x=[0, 0], y=[0, 1], text=["40%", "10%"],
                         value=[0.4, 0.1])
    spec = json.loads(json.dumps(plain_spec(own_network(nodes, edges, SHARE))))
    width = spec["layer"][0]["encoding"]["strokeWidth"]
    assert width["field"] == "value" and width["scale"]["domain"] == [0, 1]


def test_rank_steps_give_the_best_rank_the_thickest_line():
    assert rank_steps(pd.Series([3, 1, 2])).tolist() == [1, 3, 2]


def test_body_map_arrows_only_for_places_on_the_figure_and_lists_the_rest():
    """Bone has a place on the figure; the new name "Spleen" is listed, not dropped."""
    pairs = _resolve(_counts())
    arrows, missing = own_arrows(pairs, {"breast": "breast", "lung": "lung"}, SHARE)
    assert arrows["site_label"].tolist() == ["Bone"]
    assert arrows["rank_label"].tolist() == ["40%"]
    assert missing == ["Lung → Spleen"]
