"""The spread filters (cancers, sites, evidence, sources), shared by the pages that use them.

Each filter is a multiselect whose value lives in the URL under its key.
"""

from __future__ import annotations

import streamlit as st

from data.glossary import explain
from data.load import Published
from ui import state
from ui.data import filter_options

FILTER_LABELS = {"cancer": "Cancers", "site": "Sites they spread to",
                 "evidence": "Kinds of evidence", "source": "Sources"}
FILTER_HELP = {"cancer": explain("primary cancer"), "site": explain("site"),
               "evidence": explain("kind of evidence"), "source": explain("confidence")}


def filters_title(in_use: int) -> str:
    """The filters' box title: whether any filter leaves something out (the box is closed).

    >>> filters_title(0), filters_title(2)
    ('Filters: showing everything', 'Filters: 2 in use')
    """
    return f"Filters: {in_use} in use" if in_use else "Filters: showing everything"


def spread_filters(t: Published, keys: tuple[str, ...]) -> dict[str, list[str]]:
    """Draw the chosen filters in one row, in a closed box (the chart comes first on a
    projector or a phone); return {key: chosen ids}.

    An empty filter means "all" (the placeholder says so), which keeps links short.
    """
    options = filter_options(t)
    for key in keys:
        state.init_multi(key, options[key])
    state.show_notices()
    in_use = sum(bool(st.session_state[key]) for key in keys)
    with st.expander(filters_title(in_use), icon=":material/filter_alt:"):
        for column, key in zip(st.columns(len(keys)), keys, strict=True):
            column.multiselect(FILTER_LABELS[key], list(options[key]),
                               format_func=options[key].get, key=key, help=FILTER_HELP[key],
                               placeholder=f"All {FILTER_LABELS[key].lower()}")
            state.sync(key)
    return {key: list(st.session_state[key]) or list(options[key]) for key in keys}


def chosen_filters(t: Published, keys: tuple[str, ...]) -> dict[str, list[str]]:
    """The filters' values as :func:`spread_filters` returns them, without drawing them (for
    present mode, which shows the chart alone)."""
    options = filter_options(t)
    for key in keys:
        state.init_multi(key, options[key])
    return {key: list(st.session_state[key]) or list(options[key]) for key in keys}
