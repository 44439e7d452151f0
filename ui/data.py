"""Cached loaders: the published tables once per process, and each page's view, bounded.

Every view is a pure function in ``views/`` that takes the tables and the widget values.
Here each is wrapped in ``st.cache_resource`` with a bound on the number of views kept, and
hashed by the tables' version (see :class:`data.load.Published`), so a cached function reads
only its arguments and a crawler or a class opening a thousand distinct links cannot grow
the cache past its bound. Cached values are shared by every session: never mutate them.

Memo: :func:`cached` is the one memo for anything made from the five sources (views,
pictures, files: ``ui/files.py``, ``ui/join.py`` use it too). A picture drawn from a view
(an outlined pair, one cancer's strip, the network for a node) is cached here as a call on
the cached view, so a new click draws one picture and never rebuilds the view. The README's
"Project layout" lists the other memos (uploads, quiz, descriptor) and what each is for.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import pandas as pd
import streamlit as st

from classroom.lesson import lesson_steps
from classroom.quiz import Prepared, make_quiz, prepare
from data.load import Published, load_published, read_descriptor
from views import body_map, network, reference, site_profile, source_check, spread, survival
from views import lesson as lesson_pictures

F = TypeVar("F", bound=Callable)
Ids = tuple[str, ...]


def refuse_plain_tables(value: dict) -> None:
    """Refuse a plain dict as a cached function's argument: hashing the tables' contents on
    every call is slow, and ``Published.version`` is what keys the tables (tests check it)."""
    raise TypeError("a cached function was given a plain dict; pass the tables as "
                    "data.load.Published (ui.data.tables()) and other values as tuples")


BY_VERSION = {Published: lambda published: published.version, dict: refuse_plain_tables}


def cached(max_entries: int, spinner: str | bool = False) -> Callable[[F], F]:
    """Cache a view or a file of the five sources, shared by every session, keeping at most
    ``max_entries`` of them (``spinner``: words shown while one is made, or none)."""
    return st.cache_resource(show_spinner=spinner, max_entries=max_entries,
                             hash_funcs=BY_VERSION)


@cached(max_entries=1)
def tables() -> Published:
    """Every published table, typed and validated, with its version (shared; read-only)."""
    return load_published()


descriptor = read_descriptor  # read once per process by data.load (shared; read-only)


@cached(max_entries=1)
def quiz_tables(t: Published) -> Prepared:
    """The tables with the quiz's seed-free work done once (shared and read-only)."""
    return prepare(t)


# Views per page. The bounds are a few times what a class explores; a view takes 5-500 ms.
spread_view = cached(64)(spread.spread_view)
spread_quotes = cached(256)(spread.quotes)
pair_options = cached(1)(spread.pair_options)
network_view = cached(32)(network.network_view)
same_organ_note = cached(1)(network.same_organ_note)
body_map_choices = cached(1)(body_map.body_map_choices)
body_map_view = cached(128)(body_map.body_map_view)
site_options = cached(1)(site_profile.site_options)
site_profile_view = cached(64)(site_profile.site_profile)
site_picture = cached(64)(site_profile.site_picture)
survival_view = cached(1)(survival.survival_view)
check_options = cached(1)(source_check.check_options)
source_grid = cached(64)(source_check.source_grid)
claim_summary = cached(1)(source_check.claim_summary)
claim_topics = cached(1)(source_check.topics)
claims_table = cached(1)(source_check.claims_table)
known_errors = cached(1)(source_check.known_errors)
sources_table = cached(1)(reference.sources_table)
filter_options = cached(1)(reference.filter_options)
cascade_shown = cached(1)(reference.cascade_shown)
symptoms_summary = cached(1)(reference.symptoms_summary)
overview_texts = cached(1)(reference.overview_texts)
lesson_table = cached(3)(reference.lesson_table)
lesson_table_note = cached(3)(reference.lesson_table_note)
lesson = cached(1)(lesson_steps)
lesson_picture = cached(8)(lesson_pictures.lesson_picture)  # the page's and the handout's


# A picture drawn from a view takes the cached view: a new click (a pair, a cancer, a node)
# draws one picture, it never rebuilds the view (bench/bench_pair.py measures it).
@cached(128)
def marked_heatmap(t: Published, cancers: Ids, sites: Ids, evidence: Ids, sources: Ids,
                   pair: str) -> dict:
    """The filters' heatmap with ``pair``'s cell outlined (:func:`views.spread.marked_heatmap`)."""
    return spread.marked_heatmap(spread_view(t, cancers, sites, evidence, sources), pair)


@cached(128)
def cancer_strip(t: Published, cancers: Ids, sites: Ids, evidence: Ids, sources: Ids,
                 cancer: str) -> dict:
    """A phone's one-cancer heatmap for the filters (:func:`views.spread.cancer_strip`)."""
    return spread.cancer_strip(spread_view(t, cancers, sites, evidence, sources), cancer)


@cached(128)
def cancer_picture(t: Published, cancers: Ids, sites: Ids, evidence: Ids, sources: Ids,
                   cancer: str, pair: str = "") -> dict:
    """That strip with ``pair`` outlined (:func:`views.spread.marked_strip`)."""
    return spread.marked_strip(spread_view(t, cancers, sites, evidence, sources),
                               cancer_strip(t, cancers, sites, evidence, sources, cancer),
                               cancer, pair)


@cached(128)
def network_picture(t: Published, evidence: Ids, sources: Ids, layout_name: str, seed: int,
                    focus: str | None, narrow: bool = False) -> tuple[dict, list[str]]:
    """The network's chart and lit nodes (:func:`views.network.network_picture`)."""
    return network.network_picture(network_view(t, evidence, sources), layout_name, seed, focus,
                                   narrow)


@cached(max_entries=1)
def dictionary() -> pd.DataFrame:
    """Every column of every table: meaning, type, allowed values (shared; read-only)."""
    return reference.dictionary(read_descriptor())


@cached(max_entries=512)
def quiz(t: Published, seed: int, n: int) -> list:
    """The quiz for a seed: the same questions for everyone who opens the same seed.

    Bounded: a quiz takes about a millisecond to draw, so 512 remembered quizzes are plenty
    for a class while links with every other number cannot grow the cache."""
    return make_quiz(quiz_tables(t), seed, n)
