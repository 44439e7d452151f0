"""Reading what AppTest rendered: chart specs and the rows Streamlit ships with them."""

from __future__ import annotations

import json

import pyarrow as pa
from streamlit.testing.v1 import AppTest


def chart_spec(at: AppTest, index: int = 0) -> dict:
    """The Vega-Lite spec of the page's ``index``-th chart."""
    return json.loads(at.get("vega_lite_chart")[index].proto.spec)


def chart_rows(at: AppTest, index: int = 0, field: str | None = None) -> list[dict]:
    """Every data row the ``index``-th chart was sent (optionally only rows with ``field``).

    Streamlit moves a spec's inline datasets into Arrow tables on the element, so rows are
    read from there as well as from any dataset still inline in the spec.
    """
    proto = at.get("vega_lite_chart")[index].proto
    rows = [row for data in chart_spec(at, index).get("datasets", {}).values() for row in data]
    for dataset in proto.datasets:
        table = pa.ipc.open_stream(dataset.data.data).read_all()
        rows += table.to_pylist()
    return [row for row in rows if field is None or field in row]
