"""The pages' click and answer rules (views/clicks.py), without running a page: each case
takes microseconds where an AppTest run of the page takes one to two seconds."""

from __future__ import annotations

import pandas as pd
import pytest

from views.clicks import (
    SpreadChoice,
    first_answers,
    network_focus,
    phone_focus,
    shown_pair,
    site_cancer,
    spread_after,
    with_link_answers,
)

CELLS = pd.DataFrame({"primary": ["lung", "lung", "breast"], "site": ["bone", "brain", "bone"]})


@pytest.mark.parametrize(("before", "click", "after"), [
    (SpreadChoice("", ""), None, SpreadChoice("", "")),  # nothing happened
    (SpreadChoice("", ""), {"primary": "lung", "site": "bone"}, SpreadChoice("lung", "lung.bone")),
    (SpreadChoice("breast", ""), {"primary": "lung", "site": "brain"},
     SpreadChoice("lung", "lung.brain")),  # a tap moves the box to the cell's cancer
    (SpreadChoice("lung", "lung.bone"), {}, SpreadChoice("lung", "")),  # tap on empty space
    (SpreadChoice("", "breast.bone"), None, SpreadChoice("breast", "breast.bone")),  # a link
])
def test_a_click_on_the_heatmap(before, click, after):
    assert spread_after(before, click) == after


def test_a_pair_the_filters_hide_is_neither_outlined_nor_quoted():
    assert shown_pair("lung.bone", CELLS) == "lung.bone"
    assert shown_pair("lung.liver", CELLS) == ""
    assert shown_pair("", CELLS) == ""


def test_a_phone_shows_the_chosen_cancer_else_the_first_left():
    assert phone_focus("breast", CELLS) == "breast"
    assert phone_focus("", CELLS) == "lung"


@pytest.mark.parametrize(("focus", "click", "nodes", "lit"), [
    ("", {"node": "site:bone"}, {"site:bone"}, "site:bone"),
    ("site:bone", {}, {"site:bone"}, "site:bone"),  # empty space keeps the box's node
    ("site:bone", None, {"cancer:lung"}, ""),  # the filters removed it
    ("site:bone", {"node": "cancer:lung"}, {"cancer:lung", "site:bone"}, "cancer:lung"),
])
def test_a_click_on_the_network(focus, click, nodes, lit):
    assert network_focus(focus, click, nodes) == lit


def test_a_click_on_a_site_profile_chart():
    assert site_cancer("", {"primary": "lung"}) == "lung"
    assert site_cancer("lung", {}) == ""
    assert site_cancer("lung", None) == "lung"


def test_only_the_first_answer_counts_and_a_reload_keeps_it():
    given = first_answers({}, "q1", "9%")
    given = first_answers(given, "q1", "30%")  # a second answer changes nothing
    assert given == {"q1": "9%"}
    assert first_answers(given, "q2", None) == {"q1": "9%"}  # a cleared radio is no answer
    assert with_link_answers(given, {"q1": "30%", "q2": "19%"}) == {"q1": "9%", "q2": "19%"}
