"""Pure queries on tiny fixtures: filters, heatmap cells, top-three counts, quotes."""

from __future__ import annotations

import pandas as pd

from data import query
from tests import data_fixtures as fx


def test_filters_combine_with_and():
    """Choosing a source and a kind of evidence keeps only rows matching both."""
    rows = query.filter_spread(fx.spread(), sources=["msk"], evidence=["statement"])
    assert rows["spread_id"].tolist() == ["b:1"]


def test_pair_cells_keep_rank_and_mark_sentences():
    """A pair ranked 1st and also used as an example shows rank 1 and an example marker."""
    cells = query.pair_cells(fx.spread(), fx.cancers(), fx.sites(), fx.sources())
    lung = cells[(cells["primary"] == "breast") & (cells["site"] == "lung")].iloc[0]
    assert (lung["rank"], lung["rank_label"], lung["marker"]) == (1, "1st (most common)",
                                                                  "example")
    assert lung["sources"] == "MSK; NCI" and lung["n_quotes"] == 2
    brain = cells[cells["site"] == "brain"].iloc[0]
    assert pd.isna(brain["rank"]) and brain["marker"] == "statement"
    assert len(cells) == 4


def test_pair_cells_of_nothing_is_empty_with_columns():
    """No rows in, no cells out, but the columns a chart expects are there."""
    cells = query.pair_cells(fx.spread().iloc[0:0], fx.cancers(), fx.sites(), fx.sources())
    assert cells.empty and "rank_label" in cells.columns


def test_top_three_counts_count_cancers_per_site_and_rank():
    """Liver is ranked 1st by colon and 2nd by breast: one cancer at each rank."""
    counts = query.top_three_counts(fx.spread(), fx.cancers(), fx.sites())
    liver = counts[counts["site"] == "liver"].set_index("rank")["n_cancers"].to_dict()
    assert liver == {1: 1, 2: 1}
    assert counts.loc[counts["site"] == "lung", "cancers"].tolist() == ["Breast cancer"]


def test_site_order_puts_most_shared_site_first():
    """Liver (two cancers) comes before lung and brain (one each), then by name."""
    cells = query.pair_cells(fx.spread(), fx.cancers(), fx.sites(), fx.sources())
    assert query.site_order(cells) == ["Liver", "Brain", "Lung"]


def test_quotes_put_ranked_evidence_first():
    """The quotes for breast cancer start with the ranked table, then sentences."""
    quotes = query.quotes_for(fx.spread(), fx.sources(), primary="breast")
    assert quotes["quote"].tolist() == ["q1", "q2", "q3", "q4"]
    assert quotes["evidence"].iloc[2] == "Stated in a sentence"


def test_survival_view_labels_groups_and_dates():
    """A rate is labelled by cancer and population, with its source's review date."""
    survival = pd.DataFrame({"cancer": ["breast"], "population": ["women"],
                             "value_pct": [30.0], "source_id": ["nci"], "quote": ["x"]})
    view = query.survival_view(survival, fx.cancers(), fx.sources())
    assert view.iloc[0][["group", "value_pct", "source", "reviewed"]].tolist() == [
        "Breast cancer, women", 30.0, "NCI", "2011-05-23"]


def test_data_dictionary_lists_every_field():
    """The dictionary has one row per column of each table, with allowed values."""
    descriptor = {"resources": [{"name": "t", "schema": {"fields": [
        {"name": "a", "type": "string", "constraints": {"enum": ["x", "statement"],
                                                        "required": True}},
        {"name": "b", "type": "integer"}]}}]}
    frame = query.data_dictionary(descriptor)
    assert frame[["column", "allowed_values", "required"]].values.tolist() == [
        ["a", "x, statement (Stated in a sentence)", "yes"], ["b", "", "no"]]
