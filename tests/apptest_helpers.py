"""Reading what AppTest rendered: chart specs and the rows Streamlit ships with them."""

from __future__ import annotations

import json

import pandas as pd
import pyarrow as pa
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT
from ui.screen import Screen
from ui.st_internals import arrow_to_frame

TIMEOUT = 60  # seconds for one run: generous, the machine is shared and small


def run_page(page: str, params: dict[str, str | list[str]] | None = None) -> AppTest:
    """Open the app with URL parameters ``params`` (set before the first run), go to
    ``page`` and run it; exceptions are left for the caller to look at."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    at.run()
    return at.switch_page(page).run()


def ok(at: AppTest) -> AppTest:
    """Fail with the page's own message if the last run raised; return ``at`` for chaining."""
    assert not at.exception, [e.value for e in at.exception]
    return at


def open_page(page: str, screen: Screen | None = None, **params: str | list[str]) -> AppTest:
    """:func:`run_page`, failing the test if the app or the page raised. ``screen`` is the
    screen the browser's probe would report (a phone, a dark theme); light and wide if None."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    if screen is not None:
        at.session_state["_screen"] = screen
    for key, value in params.items():
        at.query_params[key] = value
    ok(at.run())
    return ok(at.switch_page(page).run())


def chart_spec(at: AppTest, index: int = 0) -> dict:
    """The Vega-Lite spec of the page's ``index``-th chart."""
    return json.loads(at.get("vega_lite_chart")[index].proto.spec)


def chart_rows(at: AppTest, index: int = 0, field: str | None = None) -> list[dict]:
    """Every data row the ``index``-th chart was sent (optionally only rows with ``field``).

    Rows may sit inline in the spec (``data.values`` of the chart or a layer), in its named
    ``datasets``, or in the Arrow tables Streamlit makes of named datasets: all are read.
    A dataset shared by several layers is read once per layer.
    """
    proto = at.get("vega_lite_chart")[index].proto
    spec = chart_spec(at, index)
    rows = [row for data in spec.get("datasets", {}).values() for row in data]
    rows += [row for node in [spec, *spec.get("layer", [])]
             for row in (node.get("data") or {}).get("values", [])]
    blobs = [dataset.data.data for dataset in proto.datasets]
    blobs += [proto.data.data] if proto.data.data else []  # top-level values, moved
    for blob in blobs:
        rows += pa.ipc.open_stream(blob).read_all().to_pylist()
    return [row for row in rows if field is None or field in row]


TOP = "<top-level data>"


def chart(at: AppTest, index: int = 0) -> tuple[dict, dict[str, pd.DataFrame]]:
    """The ``index``-th chart's Vega-Lite spec and its datasets by name (inline or Arrow)."""
    element = at.get("vega_lite_chart")[index]
    spec = json.loads(element.proto.spec)
    data = {name: pd.DataFrame(rows) for name, rows in spec.get("datasets", {}).items()}
    for dataset in element.proto.datasets:
        data[dataset.name] = arrow_to_frame(dataset.data.data)
    if element.proto.data.data:  # top-level values that Streamlit moved to the element
        data[TOP] = arrow_to_frame(element.proto.data.data)
    return spec, data


def layer_data(spec: dict, data: dict[str, pd.DataFrame], mark: str | None = None) -> pd.DataFrame:
    """The data a chart (or its first layer with mark type ``mark``) draws."""
    node = spec
    if mark is not None:
        node = next(layer for layer in spec["layer"]
                    if (layer["mark"] if isinstance(layer["mark"], str)
                        else layer["mark"]["type"]) == mark)
    if "data" not in node and "data" not in spec:
        if TOP in data:  # a single view's values, moved to the element by Streamlit
            return data[TOP]
        node = next(layer for layer in spec["layer"] if "data" in layer)  # pushed into layers
    source = node.get("data") or spec["data"]
    if "values" in source:
        return pd.DataFrame(source["values"])
    return data[source["name"]]


def encodings(spec: dict, channel: str) -> list[dict]:
    """Every encoding of ``channel`` in the chart and its layers."""
    found = [spec["encoding"][channel]] if channel in spec.get("encoding", {}) else []
    for layer in spec.get("layer", []):
        found += encodings(layer, channel)
    return found
