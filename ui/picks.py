"""A click on a chart, turned into the page's own choice (which lives in the link).

A chart's click selection lives only in the browser: a link cannot set it, and the page's
other controls do not see it. Each page therefore adopts a new click into an ordinary
session value (kept in the link by :mod:`ui.state`) before it draws the controls that show
it, and brings the answer to that click into view.
"""

from __future__ import annotations

import streamlit as st

_SCROLL_SCRIPT = """<script>/* {token} */
setTimeout(() => {{
  const panel = window.document.querySelector('.st-key-{key}');
  if (panel) panel.scrollIntoView({{behavior: 'smooth', block: 'nearest'}});
}}, 350);
</script>"""


def _clicked(chart_key: str, selection: str) -> dict:
    """The point the chart ``chart_key`` holds selected in ``selection`` ({} if none)."""
    points = ((st.session_state.get(chart_key) or {}).get("selection") or {}).get(selection)
    return dict(points[0]) if points else {}


def new_click(chart_key: str, selection: str) -> dict | None:
    """The point just clicked on the chart ``chart_key``: ``None`` when nothing changed since
    the last run, ``{}`` when the click cleared the selection, else the point's fields."""
    point = _clicked(chart_key, selection)
    seen = f"_last_click_{chart_key}"
    if point == st.session_state.get(seen, {}):
        return None
    st.session_state[seen] = point
    return point


def forget_click(chart_key: str, selection: str) -> None:
    """Treat the chart's current selection as already adopted (after a "Clear" button)."""
    st.session_state[f"_last_click_{chart_key}"] = _clicked(chart_key, selection)


def bring_into_view(panel_key: str, token: str) -> None:
    """Scroll the container keyed ``panel_key`` into view once, in this run (``token`` makes
    the script new, so the browser runs it again for a new click)."""
    st.html(_SCROLL_SCRIPT.format(token=token.replace("*/", ""), key=panel_key),
            unsafe_allow_javascript=True)
