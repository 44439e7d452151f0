"""AppTest for the Network page: nodes, layouts, focus, filters and measures, as drawn."""

from __future__ import annotations

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from tests.apptest_helpers import chart, encodings, layer_data, ok, open_page


@pytest.fixture
def t(tables) -> dict[str, pd.DataFrame]:
    """Every published table (the session fixture from conftest.py), under a short name."""
    return tables



NETWORK = "pages/network.py"


def pairs(frame: pd.DataFrame) -> set[tuple[str, str]]:
    """The (primary, site) pairs in a frame."""
    return set(zip(frame["primary"], frame["site"], strict=True))


def network_parts(at: AppTest) -> tuple[dict, pd.DataFrame, pd.DataFrame]:
    """The network chart's spec, its node rows and its edge rows (two rows per edge)."""
    spec, data = chart(at)
    return spec, layer_data(spec, data, "point"), layer_data(spec, data, "line")


def test_network_has_a_node_for_every_cancer_and_site(t):
    """As a learner, the network shows every cancer and every site the sources name as spread
    from one place to another, and says which same-organ pairs it leaves out."""
    at = open_page(NETWORK)
    _, nodes, _ = network_parts(at)
    moving = t["spread"][~t["spread"]["starts_in_site"] | (t["spread"]["evidence"]
                                                            == "ranked_table")]
    expected = ({f"cancer:{c}" for c in moving["primary"]}
                | {f"site:{s}" for s in moving["site"]})
    assert len(expected) == 28
    assert set(nodes["node"]) == expected
    assert not {"cancer:osteosarcoma", "cancer:ewing_sarcoma", "site:bone_marrow"} & expected
    note = next(c.value for c in at.caption if c.value.startswith("Not drawn here"))
    assert ("Ewing sarcoma of the bone → Bone; Leukemia → Bone marrow; Multiple myeloma → Bone "
            "marrow; Osteosarcoma → Bone." in note)


def test_two_column_layout_puts_cancers_and_sites_in_two_columns():
    """As a learner, the default layout has cancers in one column and sites in the other."""
    _, nodes, _ = network_parts(open_page(NETWORK))
    assert nodes["x"].nunique() == 2
    assert nodes.groupby("kind")["x"].nunique().to_dict() == {"cancer": 1, "site": 1}


def test_circular_layout_moves_the_nodes_onto_a_circle():
    """As a learner, choosing the circle layout redraws the nodes on a circle."""
    at = open_page(NETWORK)
    _, before, _ = network_parts(at)
    ok(at.radio(key="layout").set_value("circular").run())
    _, after, _ = network_parts(at)
    assert after["x"].nunique() > 2
    moved = before.set_index("node")[["x", "y"]].sub(after.set_index("node")[["x", "y"]])
    assert (moved.abs().sum(axis=1) > 1e-6).any()
    radius = (after["x"] ** 2 + after["y"] ** 2) ** 0.5
    assert radius.round(6).nunique() == 1


def test_spring_layout_seed_changes_the_picture_reproducibly():
    """As a learner, another seed gives another force-directed picture; the same seed, the same."""
    at = open_page(NETWORK)
    ok(at.radio(key="layout").set_value("spring").run())
    _, seed7, _ = network_parts(at)
    ok(at.number_input(key="seed").set_value(3).run())
    _, seed3, _ = network_parts(at)
    ok(at.number_input(key="seed").set_value(7).run())
    _, again, _ = network_parts(at)
    assert not seed3[["x", "y"]].equals(seed7[["x", "y"]])
    pd.testing.assert_frame_equal(again[["node", "x", "y"]], seed7[["node", "x", "y"]])


def test_focus_node_lights_up_breast_cancer_and_its_sites(t):
    """As a learner, lighting up Breast cancer highlights it and the six sites it spreads to."""
    at = open_page(NETWORK)
    ok(at.selectbox(key="focus_node").set_value("cancer:breast").run())
    _, nodes, _ = network_parts(at)
    state = dict(zip(nodes["node"], nodes["state"], strict=True))
    sites = {f"site:{s}" for s in t["spread"][t["spread"]["primary"] == "breast"]["site"]}
    assert len(sites) == 6
    assert state["cancer:breast"] == "focus"
    assert {n for n, s in state.items() if s == "neighbour"} == sites
    assert {s for n, s in state.items() if n != "cancer:breast" and n not in sites} == {"other"}
    assert any("Breast cancer" in h.value for h in at.subheader)


def test_ranked_table_filter_removes_the_dashed_sentence_edges(t):
    """As a learner, keeping only the NCI table removes the dashed lines from sentences."""
    at = open_page(NETWORK)
    spec, _, edges = network_parts(at)
    assert [e["field"] for e in encodings(spec, "strokeDash")] == ["evidence"]
    assert {"statement", "example"} & set(edges["evidence"])
    ok(at.multiselect(key="evidence").set_value(["ranked_table"]).run())
    _, _, edges = network_parts(at)
    ranked = t["spread"][t["spread"]["evidence"] == "ranked_table"]
    assert set(edges["evidence"]) == {"ranked_table"}
    assert edges["edge_id"].nunique() == len(pairs(ranked))


def test_node_measures_table_counts_the_links_of_lung_cancer(t):
    """As a learner, the measures table says how many sites lung cancer is linked to."""
    at = open_page(NETWORK)
    table = next(d.value for d in at.dataframe if {"Name", "Links"} <= set(d.value.columns))
    lung = table[table["Name"] == "Lung cancer"]
    expected = t["spread"][t["spread"]["primary"] == "lung"]["site"].nunique()
    assert expected == 7
    assert lung["Links"].tolist() == [expected]
