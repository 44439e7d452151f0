"""Tests for graph.layout: positions are deterministic tidy frames."""

from __future__ import annotations

import networkx as nx
import pandas as pd
import pytest

from graph.layout import (
    LAYOUTS,
    POSITION_COLUMNS,
    SPRING_MAX_NODES,
    circular,
    layout,
    spring,
    two_columns,
)
from tests import graph_fixtures as fx


def _positions(frame: pd.DataFrame) -> dict[str, tuple[float, float]]:
    return {node: (x, y) for node, x, y in frame.itertuples(index=False, name=None)}


def test_two_columns_puts_cancers_at_x0_and_sites_at_x1():
    G = fx.graph()
    positions = _positions(two_columns(G))
    xs = {node: x for node, (x, _) in positions.items()}
    assert xs == {
        "cancer:breast": 0.0,
        "cancer:lung": 0.0,
        "site:bone": 1.0,
        "site:liver": 1.0,
        "site:lung": 1.0,
    }


def test_two_columns_orders_each_column_by_label_from_the_top():
    positions = _positions(two_columns(fx.graph()))
    ys = {node: y for node, (_, y) in positions.items()}
    assert ys == {
        "cancer:breast": 1.0,  # "Breast cancer" first, at the top (highest y)
        "cancer:lung": 0.0,
        "site:bone": 1.0,
        "site:liver": 0.5,
        "site:lung": 0.0,
    }


def test_two_columns_centres_a_lone_node():
    G = fx.graph()
    G.remove_node("cancer:breast")
    assert _positions(two_columns(G))["cancer:lung"] == (0.0, 0.5)


@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_layout_is_deterministic_and_covers_every_node(name):
    first = layout(fx.graph(), name)
    again = layout(fx.graph(), name)
    pd.testing.assert_frame_equal(first, again)
    assert list(first.columns) == POSITION_COLUMNS
    assert first["node"].tolist()[:2] == ["cancer:breast", "cancer:lung"]
    assert sorted(first["node"]) == sorted(fx.PATH_ORDER)
    assert (first["x"].dtype, first["y"].dtype) == ("float64", "float64")


@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_layout_of_an_empty_graph_is_empty(name):
    frame = layout(nx.Graph(), name)
    assert frame.empty and list(frame.columns) == POSITION_COLUMNS


def test_circular_puts_nodes_on_the_unit_circle_cancers_first():
    frame = circular(fx.graph())
    assert frame["node"].tolist() == [
        "cancer:breast",
        "cancer:lung",
        "site:bone",
        "site:liver",
        "site:lung",
    ]
    radii = (frame["x"] ** 2 + frame["y"] ** 2) ** 0.5
    assert radii.tolist() == pytest.approx([1.0] * 5)
    assert (frame["x"].iloc[0], frame["y"].iloc[0]) == pytest.approx((1.0, 0.0))


def test_spring_depends_on_the_seed():
    G = fx.graph()
    assert not spring(G, seed=7)[["x", "y"]].equals(spring(G, seed=8)[["x", "y"]])


def test_layout_passes_the_seed_to_spring():
    G = fx.graph()
    pd.testing.assert_frame_equal(layout(G, "spring", seed=3), spring(G, seed=3))
    pd.testing.assert_frame_equal(layout(G, "spring"), spring(G, seed=7))


def test_unknown_layout_lists_the_valid_names():
    with pytest.raises(
        ValueError, match="unknown layout 'grid'; choose one of: circular, spring, two_columns"
    ):
        layout(fx.graph(), "grid")


def _big_graph(n: int) -> nx.Graph:
    """``n`` cancers and ``n`` sites, each cancer linked to three sites (seeded)."""
    import random

    chance = random.Random(1)
    G = nx.Graph()
    for i in range(n):
        G.add_node(f"cancer:{i}", kind="cancer", label=f"Cancer {i}")
        G.add_node(f"site:{i}", kind="site", label=f"Site {i}")
    G.add_edges_from((f"cancer:{i}", f"site:{j}") for i in range(n)
                     for j in chance.sample(range(n), 3))
    return G


@pytest.mark.parametrize("name", ["two_columns", "circular"])
def test_column_and_circle_layouts_place_a_thousand_nodes(name):
    """The layouts without forces place all 1,000 nodes of a big graph."""
    G = _big_graph(500)
    positions = layout(G, name)
    assert len(positions) == 1_000 == positions["node"].nunique()
    assert positions[["x", "y"]].notna().all().all()


def test_spring_layout_places_its_most_and_names_its_limit_past_it():
    """The force layout places its largest graph (without SciPy, which the app does not
    install) and refuses a bigger one with a sentence, not a SciPy ImportError."""
    most = _big_graph(SPRING_MAX_NODES // 2)
    most.add_node("cancer:extra", kind="cancer", label="Extra")
    assert len(most) == SPRING_MAX_NODES
    assert len(spring(most)) == SPRING_MAX_NODES
    with pytest.raises(ValueError, match="at most 499 nodes and this graph has 1,000"):
        spring(_big_graph(500))
