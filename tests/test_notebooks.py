"""The notebooks: the curriculum in notebooks/ runs top to bottom offline, and each page's
"Open this view as a notebook" download draws the very chart the page shows."""

from __future__ import annotations

import json
import subprocess
import sys
import time

import pytest

from data import query
from tests.apptest_helpers import chart_spec, open_page
from tests.conftest import ROOT
from tests.notebook_helpers import guard_env, offline, run_ipynb, run_marimo
from ui.st_internals import MemoryMediaFileStorage, stabilize_vega_json_spec
from views.notebook import chosen_ids, slug
from views.notebook_format import defined_names, marimo_text, used_names
from views.view_notebooks import heatmap_notebook, survival_notebook

CURRICULUM = sorted((ROOT / "notebooks").glob("*.py"))


def test_the_curriculum_has_its_four_notebooks():
    """A student finds the four lessons, in order."""
    assert [p.name for p in CURRICULUM] == [
        "01_tidy_tables.py", "02_heatmap_and_network.py", "03_comparing_sources.py",
        "04_your_own_table.py"]


@pytest.mark.parametrize("notebook", CURRICULUM, ids=lambda p: p.stem)
def test_curriculum_notebook_runs_as_a_script_offline(notebook, tmp_path):
    """`python notebooks/x.py` runs every cell without error and asks nothing of the
    internet (a guard in the child process refuses and logs any attempt)."""
    env, log = guard_env(tmp_path)
    started = time.perf_counter()
    done = subprocess.run([sys.executable, str(notebook)], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=300, check=False)
    seconds = time.perf_counter() - started
    assert done.returncode == 0, done.stderr[-3000:]
    assert not log.exists(), log.read_text(encoding="utf-8")
    print(f"{notebook.name} ran in {seconds:.1f} s")


# Each page, a link that sets its view, the file name its notebook gets.
VIEWS = [
    ("pages/spread.py", {"cancer": ["lung", "breast"], "site": ["bone", "liver"],
                         "pair": "lung.liver"}, "heatmap-breast-lung-bone-liver-cell-lung-liver"),
    ("pages/spread.py", {"evidence": ["statement"]}, "heatmap-all-cancers-all-sites"),
    ("pages/network.py", {"evidence": ["ranked_table", "statement"], "layout": "spring",
                          "seed": "42", "focus_node": "site:liver"},
     "network-ranked-table-statement-spring-42-liver"),
    ("pages/network.py", {}, "network-all-two-columns"),
    ("pages/body_map.py", {"mode": "site", "body_site": "liver", "sentences": "no"},
     "body-map-site-liver-ranked-only"),
    ("pages/body_map.py", {"body_cancer": "lung"}, "body-map-cancer-lung"),
    ("pages/site_profiles.py", {"profile": "brain"}, "site-profile-brain"),
    ("pages/survival.py", {}, "survival-rates"),
]


@pytest.fixture
def offered(monkeypatch) -> dict[str, bytes]:
    """Every file a page offers for download in this test, by file name."""
    files: dict[str, bytes] = {}
    keep = MemoryMediaFileStorage.load_and_get_id

    def remember(self, path_or_data, mimetype, kind, filename=None):
        if filename and isinstance(path_or_data, bytes):
            files[filename] = path_or_data
        return keep(self, path_or_data, mimetype, kind, filename)

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", remember)
    return files


@pytest.mark.parametrize(("page", "params", "stem"), VIEWS,
                         ids=[f"{stem}" for _, _, stem in VIEWS])
def test_downloaded_notebook_draws_the_pages_chart(page, params, stem, offered, tmp_path,
                                                   monkeypatch):
    """The marimo and Jupyter notebooks a page offers, with its filters, give the same
    Vega-Lite spec as the chart on the page, run outside the project folder, offline."""
    at = open_page(page, **params)
    shown = chart_spec(at, 0)
    assert f"{stem}.py" in offered and f"{stem}.ipynb" in offered, sorted(offered)
    marimo_file = tmp_path / f"{stem}.py"
    marimo_file.write_bytes(offered[f"{stem}.py"])
    with offline(monkeypatch) as attempts:
        names = run_marimo(marimo_file)
        jupyter = run_ipynb(offered[f"{stem}.ipynb"].decode("utf-8"), tmp_path, monkeypatch)
    assert not attempts
    assert as_streamlit_draws(names["spec"], shown) == shown
    assert as_streamlit_draws(jupyter["spec"], shown) == shown


def as_streamlit_draws(spec: dict, shown: dict) -> dict:
    """``spec`` as Streamlit draws it: views renamed ``view_1``, ``view_2``… (Altair 6 names
    a view by a hash of its data) and, when the chart sets none, Streamlit's ``autosize``."""
    drawn = json.loads(stabilize_vega_json_spec(json.dumps(spec)))
    if "autosize" not in drawn and "autosize" in shown:
        drawn["autosize"] = shown["autosize"]
    return drawn


def test_a_changed_line_changes_the_figure(tmp_path):
    """Change the notebook's CANCERS line, and the chart draws the other cancer."""
    t_options = query.filter_options(__import__("data.load").load.load_published())
    text = heatmap_notebook(t_options, ["lung"], [], [], [], "").marimo(ROOT)
    assert "CANCERS = ['lung']  # Lung cancer" in text
    (tmp_path / "edited.py").write_text(text.replace("CANCERS = ['lung']",
                                                     "CANCERS = ['prostate']"))
    spec = run_marimo(tmp_path / "edited.py")["spec"]
    rows = [row for layer in spec["layer"] for row in layer.get("data", {}).get("values", [])]
    assert {row["cancer"] for row in rows if "cancer" in row} == {"Prostate cancer"}


def test_notebook_names_what_it_draws_and_the_caution_once():
    """The first cell says what the notebook draws and gives the medical caution once."""
    text = survival_notebook().marimo(ROOT)
    assert text.count("not medical advice") == 1
    ipynb = json.loads(survival_notebook().ipynb(ROOT))
    assert ipynb["nbformat"] == 4 and ipynb["cells"][0]["cell_type"] == "code"
    assert "".join(ipynb["cells"][1]["source"]).startswith("# Five-year survival rates")


def test_notebook_cells_pass_names_along():
    """A marimo cell takes the names other cells define and returns its own."""
    text = marimo_text("import sys", [("code", "x = 1"), ("code", "y = x + 1\ny")], "t")
    assert "def _():\n    x = 1\n    return (x,)" in text
    assert "def _(x):\n    y = x + 1\n    y\n    return (y,)" in text
    assert defined_names("for i in range(3): pass") == {"i"}
    assert used_names("print(a)") == {"print", "a"}


def test_file_names_and_filters_read_plainly():
    """Every choice kept means no filter ([]), and long choices are cut short."""
    assert chosen_ids(["a", "b"], {"a": "A", "b": "B"}) == []
    assert chosen_ids(["b"], {"a": "A", "b": "B"}) == ["b"]
    assert slug(["adrenal_gland", "lung", "liver", "bone"]) == "adrenal-gland-lung-liver-and-1-more"


@pytest.mark.parametrize("module", ["views.notebook", "views.notebook_format"])
def test_the_notebook_modules_examples_hold(module):
    """The examples in the docstrings run as written (views/ is outside the doctest paths)."""
    import doctest
    import importlib

    failed, tried = doctest.testmod(importlib.import_module(module))
    assert tried and not failed
