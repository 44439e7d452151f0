"""SciPy is not part of the runtime: networkx's spring layout needs it only from 500 nodes,
and no page can draw that many. If a view grows past that, these tests say so first."""

from __future__ import annotations

import subprocess
import sys

import networkx as nx

from data.load import load_tables
from graph.build import spread_graph
from graph.layout import SPRING_MAX_NODES
from tests.conftest import ROOT
from upload.view import NETWORK_MAX

# Run in a fresh interpreter where importing SciPy fails, as on a machine without it.
_WITHOUT_SCIPY = """
import sys
sys.modules["scipy"] = None  # "import scipy" now raises ImportError
import networkx as nx
from graph.layout import spring
G = nx.complete_bipartite_graph(NETWORK_CANCERS, NETWORK_SITES)
assert len(spring(G, seed=3)) == NETWORK_CANCERS + NETWORK_SITES
from graph.layout import SPRING_MAX_NODES
big = nx.path_graph(SPRING_MAX_NODES)
nx.set_node_attributes(big, "cancer", "kind")
nx.set_node_attributes(big, {n: str(n) for n in big}, "label")
assert len(spring(big, seed=3)) == SPRING_MAX_NODES  # the most it places, still no SciPy
from tests.apptest_helpers import open_page
at = open_page("pages/network.py", layout="spring", seed="11")
assert not at.exception and at.get("vega_lite_chart"), "the network did not draw"
print("drawn without scipy")
"""


def test_no_page_draws_a_graph_big_enough_to_need_scipy():
    """The built-in network and the largest uploaded network stay under 500 nodes."""
    t = load_tables()
    built_in = spread_graph(t["spread"], t["cancers"], t["sites"])
    assert len(built_in) <= SPRING_MAX_NODES
    assert sum(NETWORK_MAX) <= SPRING_MAX_NODES, (
        "an uploaded network this big needs SciPy for its spring layout: add scipy to "
        "requirements.txt and the lock")


def test_spring_layout_and_network_page_run_without_scipy():
    """With SciPy unimportable, the largest spring layout a page asks for and the Network
    page's force-directed view still draw."""
    cancers, sites = NETWORK_MAX
    code = _WITHOUT_SCIPY.replace("NETWORK_CANCERS", str(cancers)).replace(
        "NETWORK_SITES", str(sites))
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, timeout=240)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "drawn without scipy" in done.stdout
    assert nx.__version__.startswith("3.")
