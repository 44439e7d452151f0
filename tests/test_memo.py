"""The app's memos: every cached function takes the tables as ``Published`` (keyed by their
version), a plain dict is refused, and a picture drawn from a view reuses the cached view."""

from __future__ import annotations

import logging
import typing

import pandas as pd
import pytest

from data.load import Published
from ui import data, files, join, own_upload
from views import spread

logging.getLogger("streamlit").setLevel(logging.ERROR)  # no runtime here: cache warnings


def cached_functions() -> dict[str, object]:
    """Every Streamlit-cached function of the modules that cache, by qualified name."""
    found = {}
    for module in (data, files, join, own_upload):
        for name, value in vars(module).items():
            if hasattr(value, "clear") and hasattr(value, "__wrapped__"):
                found[f"{module.__name__}.{name}"] = value
    return found


def test_the_cached_functions_are_found():
    names = cached_functions()
    assert {"ui.data.spread_view", "ui.data.marked_heatmap", "ui.files.lesson_handout",
            "ui.join._qr", "ui.own_upload.vocabularies"} <= set(names)


@pytest.mark.parametrize("name", sorted(cached_functions()))
def test_a_cached_function_takes_published_tables_and_no_plain_dict(name):
    hints = typing.get_type_hints(cached_functions()[name].__wrapped__)
    hints.pop("return", None)
    for parameter, kind in hints.items():
        assert typing.get_origin(kind) is not dict and kind is not dict, (
            f"{name}({parameter}) is typed {kind}: take Published or a tuple")
        if parameter in ("t", "tables"):
            assert kind is Published, f"{name}({parameter}) is typed {kind}, not Published"


def test_a_plain_dict_of_tables_is_refused():
    t = data.tables()
    every = tuple(tuple(data.filter_options(t)[k]) for k in ("cancer", "site", "evidence",
                                                               "source"))
    assert not data.spread_view(t, *every).empty
    with pytest.raises(Exception, match="plain dict"):
        data.spread_view(dict(t), *every)


def test_a_new_pair_reuses_the_cached_view(monkeypatch):
    t = data.tables()
    every = tuple(tuple(data.filter_options(t)[k]) for k in ("cancer", "site", "evidence",
                                                               "source"))
    view = data.spread_view(t, *every)
    built = []
    monkeypatch.setattr(spread, "spread_view", lambda *a: built.append(a))
    cell = view.cells.iloc[0]
    pair = spread.pair_key(cell["primary"], cell["site"])
    marked = data.marked_heatmap(t, *every, pair)
    strip = data.cancer_picture(t, *every, cell["primary"], pair)
    assert built == []  # neither picture rebuilt the view
    outline = marked["layer"][-1]["data"]["values"][0]
    assert (outline["primary"], outline["site"]) == (cell["primary"], cell["site"])
    assert strip["layer"][-1]["data"]["values"][0]["site"] == cell["site"]


def test_views_take_published_tables():
    hints = typing.get_type_hints(spread.spread_view)
    assert hints["t"] is Published
    assert isinstance(data.tables(), Published)
    assert all(isinstance(frame, pd.DataFrame) for frame in data.tables().values())
