"""Cached loaders and views: tables, graphs, layouts and chart specs are computed once per
process for each distinct view, keyed on small tuples of the widget values.

Cached functions read only their arguments. Tables and graphs are shared across sessions
(``cache_resource``) and must never be mutated; pages only filter them into new frames.
Chart specs are cached as plain dicts because building and validating an Altair chart costs
tens of milliseconds, far more than a rerun should.
"""

from __future__ import annotations

import networkx as nx
import pandas as pd
import streamlit as st

from charts.body_map import LAND, START, arrows, body_map, places
from charts.network import edge_frame, focus_set, network_chart, network_edges, node_frame
from charts.spread import spread_heatmap, top_sites_bars
from charts.style import plain_spec
from charts.survival import survival_bars
from classroom.lesson import lesson_steps
from classroom.quiz import Prepared, make_quiz, prepare
from data import query
from data.claims import claim_checks, conflicts
from data.load import load_tables, read_descriptor
from graph.build import edge_table, spread_graph
from graph.layout import layout
from graph.metrics import node_measures, shared_sites

Ids = tuple[str, ...]


@st.cache_resource(show_spinner=False)
def tables() -> dict[str, pd.DataFrame]:
    """Every published table, typed and validated (shared and read-only)."""
    return load_tables()


@st.cache_resource(show_spinner=False)
def descriptor() -> dict:
    """The data package descriptor (shared and read-only)."""
    return read_descriptor()


@st.cache_data(show_spinner=False)
def spread_rows(cancers: Ids, sites: Ids, evidence: Ids, sources: Ids) -> pd.DataFrame:
    """The spread claims matching the filters."""
    return query.filter_spread(tables()["spread"], cancers, sites, evidence, sources)


@st.cache_data(show_spinner=False)
def spread_rows_shown(cancers: Ids, sites: Ids, evidence: Ids, sources: Ids) -> pd.DataFrame:
    """The matching claims with cancer and site names, as the page's table shows them."""
    t = tables()
    return query.with_labels(spread_rows(cancers, sites, evidence, sources), t["cancers"],
                             t["sites"])


@st.cache_data(show_spinner=False)
def spread_credit(cancers: Ids, sites: Ids, evidence: Ids, sources: Ids) -> str:
    """The source line for the matching claims (printed inside slide images)."""
    rows = spread_rows(cancers, sites, evidence, sources)
    return query.source_line(rows["source_id"], tables()["sources"])


@st.cache_data(show_spinner=False)
def spread_cells(cancers: Ids, sites: Ids, evidence: Ids, sources: Ids) -> pd.DataFrame:
    """One row per (cancer, site) pair for the filters: what the heatmap draws."""
    t = tables()
    return query.pair_cells(spread_rows(cancers, sites, evidence, sources), t["cancers"],
                            t["sites"], t["sources"])


@st.cache_data(show_spinner=False)
def heatmap_spec(cancers: Ids, sites: Ids, evidence: Ids, sources: Ids) -> dict:
    """The heatmap's Vega-Lite spec for the filters."""
    cells = spread_cells(cancers, sites, evidence, sources)
    return plain_spec(spread_heatmap(cells, sorted(cells["cancer"].unique()),
                                     query.site_order(cells)))


@st.cache_data(show_spinner=False)
def top_three(cancers: Ids, sites: Ids, evidence: Ids, sources: Ids) -> tuple[pd.DataFrame,
                                                                            dict | None]:
    """Counts of sites in the cancers' top three, and their bar chart spec (None if empty)."""
    t = tables()
    counts = query.top_three_counts(spread_rows(cancers, sites, evidence, sources),
                                    t["cancers"], t["sites"])
    return counts, (plain_spec(top_sites_bars(counts)) if len(counts) else None)


@st.cache_resource(show_spinner=False)
def graph(evidence: Ids, sources: Ids) -> nx.Graph:
    """The cancer-site graph for the chosen evidence kinds and sources (shared; frozen)."""
    t = tables()
    rows = query.filter_spread(query.travelling(t["spread"]), evidence=evidence, sources=sources)
    return nx.freeze(spread_graph(rows, t["cancers"], t["sites"]))


@st.cache_resource(show_spinner=False)
def graph_tables(evidence: Ids, sources: Ids) -> dict:
    """Node measures, shared sites and the edge list of that graph (and the first two as
    the page shows them, with plain column names), plus the source line for images.
    Shared across sessions (no copy per rerun): never mutate them."""
    g = graph(evidence, sources)
    measures, shared = node_measures(g), shared_sites(g)
    return {"measures": measures, "shared": shared, "edges": edge_table(g),
            "measures_shown": measures.drop(columns=["node", "id"]).rename(columns={
                "label": "name", "degree": "links", "ranked_degree": "ranked links",
                "rank_points": "rank points"}).round({"betweenness": 3}),
            "shared_shown": shared.drop(columns=["cancer_a_id", "cancer_b_id"]).rename(
                columns={"jaccard": "similarity"}),
            "credit": query.source_line(sources, tables()["sources"])}


@st.cache_data(show_spinner=False)
def network_spec(evidence: Ids, sources: Ids, layout_name: str, seed: int,
                 focus: str | None) -> tuple[dict, list[str]]:
    """The network chart's spec for a view, and the ids of the lit (focused) nodes."""
    parts = graph_tables(evidence, sources)
    edges = network_edges(parts["edges"])
    spots = layout(graph(evidence, sources), layout_name, seed=seed)
    lit = focus_set(parts["measures"], edges, focus)
    chart = network_chart(node_frame(parts["measures"], spots, lit, focus),
                          edge_frame(edges, spots, focus), focused=bool(focus))
    return plain_spec(chart), sorted(lit)


@st.cache_data(show_spinner=False)
def survival_spec() -> tuple[pd.DataFrame, dict]:
    """The quoted survival rates with labels, and their chart spec."""
    t = tables()
    view = query.survival_view(t["survival"], t["cancers"], t["sources"])
    return view, plain_spec(survival_bars(view))


@st.cache_data(show_spinner=False)
def body_map_view(mode: str, chosen: str, sentences: bool) -> tuple[pd.DataFrame, dict]:
    """Arrows for one cancer (mode ``cancer``) or into one site (mode ``site``), and the spec.

    ``sentences`` adds the pairs named only in sentences to the NCI ranked table.
    """
    t = tables()
    evidence = tuple(query.EVIDENCE_ORDER) if sentences else ("ranked_table",)
    column = "primary" if mode == "cancer" else "site"
    rows = query.filter_spread(query.travelling(t["spread"]), evidence=evidence)
    rows = rows[rows[column] == chosen]
    arrow_rows = arrows(rows, t["cancers"], t["sites"])
    name = query.labels(t["cancers" if mode == "cancer" else "sites"],
                        "cancer_id" if mode == "cancer" else "site_id")[chosen]
    title = (f"Where {name[0].lower() + name[1:] if name.endswith('cancer') else name} spreads"
             if mode == "cancer" else f"Which cancers spread to: {name}")
    subtitle = ("Arrows run from where the cancer starts to where it spreads. Thicker = higher "
                "in the NCI top three; dashed = named only in a sentence.")
    return arrow_rows, plain_spec(body_map(arrow_rows, places(arrow_rows), title,
                                subtitle))


@st.cache_resource(show_spinner=False)
def body_map_choices() -> dict:
    """The cancers and sites the body map can draw (id -> label, by label), and the source
    line for its images (shared; read-only)."""
    t = tables()
    organ = query.labels(t["cancers"], "cancer_id", "organ_site_id")
    moving = query.travelling(t["spread"])
    named_cancers, named_sites = set(moving["primary"]), set(moving["site"])
    cancers = {c: name for c, name in sorted(query.labels(t["cancers"], "cancer_id").items(),
                                             key=lambda item: item[1])
               if organ[c] in START and c in named_cancers}
    sites = {s: name for s, name in sorted(query.labels(t["sites"], "site_id").items(),
                                           key=lambda item: item[1])
             if s in LAND and s in named_sites}
    return {"cancer": cancers, "site": sites,
            "credit": query.source_line(t["spread"]["source_id"].unique(), t["sources"])}


@st.cache_resource(show_spinner=False)
def same_organ_note() -> str:
    """A sentence naming the pairs the network and body map leave out, and why (shared)."""
    t = tables()
    pairs = query.left_out_of_travel(t["spread"], t["cancers"], t["sites"])
    if not pairs:
        return ""
    return (f"Not drawn here: {'; '.join(pairs)}. A source lists these cancers among those "
            "that reach the organ they start in, which is not spread from one place to "
            "another; the tables on the Where cancers spread page keep them.")


@st.cache_data(show_spinner=False)
def body_map_quotes(mode: str, chosen: str, sentences: bool) -> pd.DataFrame:
    """The quotes behind the body map's arrows, with cancer and site names."""
    t = tables()
    found = quotes(chosen if mode == "cancer" else None, chosen if mode == "site" else None,
                   tuple(options()["evidence"]), tuple(options()["source"]))
    if not sentences:
        found = found[found["evidence"] == query.EVIDENCE_LABELS["ranked_table"]]
    return query.with_labels(found, t["cancers"], t["sites"])


@st.cache_resource(show_spinner=False)
def quiz_tables() -> Prepared:
    """The tables with the quiz's seed-free work done once (shared and read-only)."""
    return prepare(tables())


@st.cache_data(show_spinner=False, max_entries=512)
def quiz(seed: int, n: int) -> list:
    """The quiz for a seed: the same questions for everyone who opens the same seed.

    Bounded: a quiz takes about a millisecond to draw, so 512 remembered quizzes are plenty
    for a class while links with every other number cannot grow the cache."""
    return make_quiz(quiz_tables(), seed, n)


@st.cache_resource(show_spinner=False)
def lesson() -> list:
    """The lesson's steps (shared and read-only)."""
    return lesson_steps(tables())


@st.cache_data(show_spinner=False)
def claim_summary() -> pd.DataFrame:
    """Per question: how many stances, whether sources disagree, who contradicts itself."""
    return claim_checks(tables()["claims"], tables()["sources"])


# Column headings a reader sees (and gets in the CSV) for the summaries shown as tables.
CLAIM_CHECK_HEADINGS = {"topic": "Question", "n_sources": "Sources answering",
                        "verdict": "Verdict",
                        "contradicts_itself": "A source contradicts itself"}
CASCADE_HEADINGS = {"step": "Step", "name": "Name", "what_happens": "What happens"}
SYMPTOM_HEADINGS = {"site": "Site", "symptoms": "Symptoms the sources name",
                    "n_symptoms": "Number of symptoms", "n_sources": "Sources naming them"}


@st.cache_data(show_spinner=False)
def claim_summary_shown() -> pd.DataFrame:
    """The claim summary with plain column headings, as tables show it."""
    return claim_summary()[list(CLAIM_CHECK_HEADINGS)].rename(columns=CLAIM_CHECK_HEADINGS)


@st.cache_data(show_spinner=False)
def cascade_shown() -> pd.DataFrame:
    """The steps of spread, in order, with plain column headings."""
    return tables()["cascade"][list(CASCADE_HEADINGS)].rename(columns=CASCADE_HEADINGS)


@st.cache_data(show_spinner=False)
def source_grid(cancer: str) -> pd.DataFrame:
    """For one cancer: which source names which site, and how."""
    t = tables()
    return query.source_matrix(t["spread"], cancer, t["sources"], t["sites"])


@st.cache_data(show_spinner=False)
def site_profile(site: str) -> dict[str, pd.DataFrame]:
    """Everything the sources say about one site."""
    return query.site_profile(site, tables())


@st.cache_data(show_spinner=False)
def figures() -> pd.DataFrame:
    """The other quoted figures with their sources' names."""
    return query.figures_view(tables()["figures"], tables()["sources"])


# Plain Python text for pages with many quotes: iterating DataFrames row by row on each rerun
# costs more than drawing the page, so the rows are turned into tuples once per process.
Quote = tuple[str, str, str]  # the words, who said them, a detail line


@st.cache_resource(show_spinner=False)
def survival_texts() -> dict:
    """The survival page's quotes and figures as plain tuples (shared; read-only)."""
    t = tables()
    view, _ = survival_spec()
    facts = t["key_facts"].set_index("fact_id")
    short = query.labels(t["sources"], "source_id", "short_name")
    rates = [(words, group["source"].iloc[0], f"reviewed {group['reviewed'].iloc[0]} · "
              + "; ".join(f"{g}: {v:.0f}%" for g, v in
                          zip(group["group"], group["value_pct"], strict=True)))
             for words, group in view.groupby("quote", sort=False)]
    cautions = [(facts.at[f, "quote"], short[facts.at[f, "source_id"]], "")
                for f in ("survival_meaning", "survival_estimates", "survival_depends")]
    figure_groups = [(measure, [(r.value_as_stated, r.context, r.quote, r.source)
                                for r in group.itertuples()])
                     for measure, group in figures().groupby("measure", sort=True)]
    return {"rates": rates, "cautions": cautions, "figures": figure_groups,
            "credit": query.source_line(t["survival"]["source_id"], t["sources"])}


@st.cache_resource(show_spinner=False)
def overview_texts() -> dict:
    """The overview's headline counts and its facts grouped by topic (shared; read-only)."""
    t = tables()
    short = query.labels(t["sources"], "source_id", "short_name")
    confidence = query.labels(t["sources"], "source_id", "confidence")
    facts = t["key_facts"]
    ranked = t["spread"][t["spread"]["evidence"] == "ranked_table"]
    return {"ranked_cancers": int(ranked["primary"].nunique()), "claims": len(t["spread"]),
            "sources": len(t["sources"]),
            "topics": [(topic, [(r.quote, short[r.source_id],
                                 f"confidence: {confidence[r.source_id]}")
                                for r in facts[facts["topic"] == topic].itertuples()])
                       for topic in facts["topic"].drop_duplicates()]}


@st.cache_resource(show_spinner=False)
def check_options() -> dict[str, str]:
    """The cancers any source names, id -> label, by label (shared; read-only)."""
    names = query.labels(tables()["cancers"], "cancer_id")
    return {c: names[c] for c in sorted(set(tables()["spread"]["primary"]), key=names.get)}


@st.cache_resource(show_spinner=False)
def claim_texts() -> list[dict]:
    """Per question (shared; read-only): its topic, verdict, who contradicts itself, the
    conflicting answers as ``(answer, answer, who holds the first, who the second)``, and
    each answer with its quotes (words, source with confidence, the curator's note)."""
    t = tables()
    short = query.labels(t["sources"], "source_id", "short_name")
    confidence = query.labels(t["sources"], "source_id", "confidence")
    claims, pairs = t["claims"].fillna(""), conflicts(t["claims"].fillna(""))
    topics = []
    for row in claim_summary().itertuples():
        mine = claims[claims["topic"] == row.topic]
        holders = {stance: ", ".join(dict.fromkeys(short[s] for s in group["source_id"]))
                   for stance, group in mine.groupby("stance", sort=False)}
        clashes = pairs[pairs["topic"] == row.topic][["stance_a", "stance_b"]]
        clash_set = {}  # each unordered pair once, in the order the claims first meet
        for pair in clashes.itertuples(index=False):
            clash_set.setdefault(frozenset(pair), tuple(pair))
        clash_set = list(clash_set.values())
        answers = [(stance, [(c.quote, f"{short[c.source_id]} (confidence: "
                              f"{confidence[c.source_id]})",
                              f"our note: {c.note}" if c.note else "")
                             for c in group.itertuples()])
                   for stance, group in mine.groupby("stance", sort=False)]
        topics.append({"topic": row.topic, "verdict": row.verdict,
                       "contradicts_itself": row.contradicts_itself,
                       "clashes": [(a, b, holders[a], holders[b]) for a, b in clash_set],
                       "answers": answers})
    return topics


@st.cache_data(show_spinner=False)
def symptoms_summary() -> pd.DataFrame:
    """Per site: its symptoms and how many sources name them, with plain headings."""
    summary = query.symptoms_by_site(tables()["symptoms"], tables()["sites"])
    return summary.rename(columns=SYMPTOM_HEADINGS)


@st.cache_data(show_spinner=False)
def dictionary() -> pd.DataFrame:
    """Every column of every table: meaning, type, allowed values."""
    return query.data_dictionary(descriptor())


@st.cache_resource(show_spinner=False)
def options() -> dict[str, dict[str, str]]:
    """Choices for the spread filters, id -> label (shared and read-only)."""
    return query.filter_options(tables())


@st.cache_data(show_spinner=False)
def quotes(primary: str | None, site: str | None, evidence: Ids, sources: Ids) -> pd.DataFrame:
    """The quotes behind a cancer, a site or one pair, under the evidence and source filters."""
    t = tables()
    rows = query.filter_spread(t["spread"], evidence=evidence, sources=sources)
    return query.quotes_for(rows, t["sources"], primary=primary, site=site)
