"""Every quiz, proven: all 10,000 quiz numbers are drawn, and each distinct question is checked
against every table with rules written here, independently of the generator's own.

A question passes when its options are distinct, exactly one of them is right by the tables
(no wrong option is also true by any table: a symptom tied to another site, lymph nodes on a
question about the NCI table that leaves them out, a site ranked equal) and its explanation
is its source's own words (a table row cell by cell) that say what the answer says.

And it must be right to a doctor, not only by the tables: no "which part of the body?"
question asks about a general sign of spread or a symptom medicine ties to several sites
(the lists below are this test's own, kept apart from the generator's); an answer that only
the low-confidence source gives says so in the question; a ranked question carries its
table's caveat ("excluding lymph nodes") in the question; a survival question says what the
rate cannot tell.
"""

from __future__ import annotations

import re
from functools import cache

import pandas as pd
import pytest

from classroom.quiz import make_quiz, prepare
from pipeline.text import quoted_in_text, row_cells
from tests.test_data_contract import _source_texts
from ui.links import QUIZ

QUIZ_NUMBERS = range(QUIZ.low, QUIZ.high + 1)  # every number the quiz page accepts
FILLER = {"in", "the", "of", "and", "a", "an", "or", "to"}

GENERAL_SIGNS = re.compile(r"\b(pain|fatigue|tired|weight|appetite|weak|sweat|numb|breath|"
                           r"bowel|urinat|nausea|vomit)", re.IGNORECASE)
"""Signs the sources give for spread anywhere (Cleveland Clinic's "General symptoms of
metastasis", the US government article's "Common signs", the unattributed article's lists)."""

MULTI_SITE = re.compile(r"\b(back|incontinen|confus|thinking|calcium|dizz|unsteady|chest|"
                        r"swell|bloat|full|balance)", re.IGNORECASE)
"""Symptoms medicine ties to more than one site: back pain and urinary incontinence (the
spinal cord too), confusion and trouble thinking (high calcium from bone, a failing liver),
dizziness and unsteadiness (anaemia, the spinal cord), chest pressure (ribs, chest wall),
swelling, bloating and fullness of the belly (the peritoneum), swelling in the legs."""


@pytest.fixture(scope="module")
def every_question(tables) -> list:
    """Each distinct question that any of the 10,000 quizzes asks."""
    bank, seen = prepare(tables), {}
    for number in QUIZ_NUMBERS:
        for q in make_quiz(bank, number):
            seen.setdefault((q.qid, q.options, q.answer, q.explanation), q)
    return list(seen.values())


_NAMES: dict[int, dict[str, set[str]]] = {}


def _names(tables) -> dict[str, set[str]]:
    """Each site id -> its label and every alias, lower-case (worked out once per tables)."""
    if id(tables) not in _NAMES:
        _NAMES[id(tables)] = {row.site_id: {row.label.lower()}
                              | set(str(row.aliases).lower().split("|"))
                              for row in tables["sites"].itertuples()}
    return _NAMES[id(tables)]


def _same_place(tables, a: str, b: str) -> bool:
    _names(tables)
    return _same_place_ids(id(tables), a, b)


@cache
def _same_place_ids(tables_id: int, a: str, b: str) -> bool:
    """Two sites that one could call the same place: equal, or a name of one is a whole word
    run inside a name of the other (brain / brain and spinal cord; bone / bone marrow)."""
    names = _NAMES[tables_id]
    return a == b or any(re.search(rf"\b{re.escape(x)}\b", y)
                         or re.search(rf"\b{re.escape(y)}\b", x)
                         for x in names[a] for y in names[b])


def per_tables(function):
    """Remember ``function(tables, *args)`` per tables object and arguments (the checks ask
    the same things of the same tables thousands of times)."""
    memo: dict = {}

    def remembered(tables, *args):
        key = (id(tables), *args)
        if key not in memo:
            memo[key] = function(tables, *args)
        return memo[key]
    return remembered


@cache
def _words(symptom: str) -> frozenset[str]:
    return frozenset(re.findall(r"[a-z]+", symptom.lower())) - FILLER


@per_tables
def _site_id(tables, label: str) -> str:
    return dict(zip(tables["sites"]["label"], tables["sites"]["site_id"], strict=True))[label]


@per_tables
def _cancer_id(tables, label: str) -> str:
    return dict(zip(tables["cancers"]["label"], tables["cancers"]["cancer_id"],
                    strict=True))[label]


@per_tables
def _linked(tables, primary: str) -> set[str]:
    """Every site any source links to ``primary``, in any kind of row."""
    spread = tables["spread"]
    return set(spread.loc[spread["primary"] == primary, "site"])


@per_tables
def _table_sites(tables, source_id: str) -> set[str]:
    spread = tables["spread"]
    return set(spread.loc[(spread["evidence"] == "ranked_table")
                          & (spread["source_id"] == source_id), "site"])


@per_tables
def _firsts(tables, site: str) -> set[str]:
    """Cancers some table says reach ``site`` first: rank 1, or a sentence saying 'most'."""
    spread = tables["spread"]
    ranked = spread[(spread["site"] == site) & (spread["rank"] == 1)]
    most = spread[(spread["site"] == site) & spread["quote"].str.contains(
        r"\bmost (?:often|commonly|common)\b", case=False)
                  & (spread["evidence"] != "ranked_table")]
    return set(ranked["primary"]) | set(most["primary"])


@per_tables
def _tied_sites(tables, symptom: str) -> set[str]:
    """Sites a source ties to ``symptom`` or to a symptom whose words hold its words (or the
    reverse: "weakness" and "weakness in the arms and legs")."""
    symptoms = tables["symptoms"]
    related = [s for s in symptoms["symptom"].unique()
               if _words(s) <= _words(symptom) or _words(symptom) <= _words(s)]
    return set(symptoms.loc[symptoms["symptom"].isin(related), "site"])


def test_no_symptom_question_asks_a_general_or_multi_site_symptom(tables, every_question):
    """"Which part of the body?" is asked only of a symptom that points to one site: never a
    general sign of spread, one a source lists for no site (or whose words hold such a sign's),
    nor one medicine ties to several sites."""
    symptoms = tables["symptoms"]
    general = set(symptoms.loc[symptoms["site"] == "general", "symptom"])
    assert {"fatigue", "weight loss", "pain"} <= general  # the general signs are in the data
    asked = {q.qid.split(":", 1)[1] for q in every_question if q.kind == "symptom_site"}
    assert asked, "no symptom question is left"
    for symptom in asked:
        assert not GENERAL_SIGNS.search(symptom), symptom
        assert not MULTI_SITE.search(symptom), symptom
        assert not any(_words(g) <= _words(symptom) or _words(symptom) <= _words(g)
                       for g in general), symptom
    print(f"symptoms asked: {sorted(asked)}")


def test_an_answer_only_the_low_confidence_source_gives_says_so(tables, every_question):
    """Where every source tying the symptom to the answer's site is of low confidence, the
    question names that; every question's credit carries its source's confidence."""
    symptoms, trust = tables["symptoms"], tables["sources"].set_index("source_id")["confidence"]
    for q in every_question:
        assert q.confidence == trust[q.source_id], q.qid
        assert f"(confidence: {trust[q.source_id]})" in q.credit, q.qid
        if q.kind != "symptom_site":
            continue
        rows = symptoms[(symptoms["symptom"] == q.qid.split(":", 1)[1])
                        & (symptoms["site"] == _site_id(tables, q.answer))]
        if set(rows["source_id"].map(trust)) == {"low"}:
            assert "low confidence" in q.prompt, q.qid
            assert "low confidence" in q.caveat, q.qid


def test_ranked_and_survival_questions_carry_their_caveat(every_question):
    """A question on the NCI table says "excluding lymph nodes" in the question itself; a
    survival question says the source gives no years or place for its rate."""
    for q in every_question:
        if q.kind in {"top_site", "which_cancer_ranks_first", "not_in_top_three"}:
            assert "excluding lymph nodes" in q.prompt, q.qid
            assert "lymph nodes" in q.caveat, q.qid
        if q.kind == "survival":
            assert "years" in q.prompt and "country" in q.prompt, q.qid
            assert "years" in q.caveat and "country" in q.caveat, q.qid


def test_every_quiz_number_gives_eight_questions(every_question):
    """The bank covers every kind, and each of the 10,000 quizzes drew 8 (or make_quiz raised)."""
    assert {q.kind for q in every_question} == {"top_site", "which_cancer_ranks_first",
                                                "not_in_top_three", "symptom_site", "survival",
                                                "cascade_order"}
    assert len(every_question) > 100
    print(f"{len(every_question)} distinct questions in the 10,000 quizzes")


def test_options_are_distinct_and_hold_the_answer(every_question):
    for q in every_question:
        assert len(set(q.options)) == len(q.options) >= 2, q.qid
        assert q.answer in q.options, q.qid


def test_every_explanation_is_its_sources_words(tables, sources_dir, every_question):
    """The quote under an answer is verbatim in the source it is credited to (table rows cell
    by cell), and the credit is that source's name."""
    texts = _source_texts(sources_dir)
    short = tables["sources"].set_index("source_id")["short_name"]
    for q in every_question:
        assert q.source == short[q.source_id], q.qid
    quoted = {(q.explanation, q.source_id, "table_row" if q.kind in {
        "top_site", "which_cancer_ranks_first", "not_in_top_three"} else "sentence")
        for q in every_question}
    for explanation, source_id, form in quoted:
        assert quoted_in_text(explanation, texts[source_id], form), explanation


def test_ranked_table_questions_have_one_true_option(tables, every_question):
    """Where a cancer spreads most / which is NOT in its three: right by the table, and no
    wrong option true by any table. Lymph nodes, which the NCI table leaves out, never show."""
    for q in (q for q in every_question if q.kind in {"top_site", "not_in_top_three"}):
        _, source_id, primary = q.qid.split(":")
        row = row_cells(q.explanation)
        listed = [cell.strip().lower() for cell in row[1].split(",")]
        names = _names(tables)
        assert "Lymph nodes" not in q.options, q.qid
        assert all(_site_id(tables, o) in _table_sites(tables, source_id) for o in q.options)
        wrong = set(q.options) - {q.answer}
        if q.kind == "top_site":
            assert listed[0] in names[_site_id(tables, q.answer)], q.qid  # the row says so
            for option in wrong:
                site = _site_id(tables, option)
                assert not any(_same_place(tables, site, s) for s in _linked(tables, primary)), (
                    q.qid, option)
        else:
            answer = _site_id(tables, q.answer)
            assert not any(_same_place(tables, answer, s) for s in _linked(tables, primary))
            assert {_site_id(tables, o) for o in wrong} == {
                s for s in _table_sites(tables, source_id)
                if any(cell in names[s] for cell in listed)}, q.qid


def test_which_cancer_questions_have_one_true_option(tables, every_question):
    """Only the answer reaches the site first by any table; the row quoted is the answer's."""
    for q in (q for q in every_question if q.kind == "which_cancer_ranks_first"):
        site = q.qid.split(":")[2]
        firsts = _firsts(tables, site)
        assert _cancer_id(tables, q.answer) in firsts, q.qid
        assert not {_cancer_id(tables, o) for o in q.options if o != q.answer} & firsts, q.qid
        spread = tables["spread"]
        quoted_for = set(spread.loc[spread["quote"] == q.explanation, "primary"])
        assert quoted_for == {_cancer_id(tables, q.answer)}, q.qid
        organ = tables["cancers"].set_index("cancer_id")["organ_site_id"]
        assert not any(organ[_cancer_id(tables, o)] == site for o in q.options
                       if o != q.answer), q.qid  # never "lung cancer" for the lung


def test_symptom_questions_have_one_true_option(tables, every_question):
    """The answer's site is tied to the symptom by a source; no wrong site is tied to it, to a
    symptom whose words hold its words (or the reverse), nor is the same place as one that is."""
    symptoms = tables["symptoms"]
    for q in (q for q in every_question if q.kind == "symptom_site"):
        symptom = q.qid.split(":", 1)[1]
        answer = _site_id(tables, q.answer)
        rows = symptoms[(symptoms["site"] == answer) & (symptoms["symptom"] == symptom)]
        assert q.explanation in set(rows["quote"]), q.qid
        tied = _tied_sites(tables, symptom)
        for option in set(q.options) - {q.answer}:
            site = _site_id(tables, option)
            assert not any(_same_place(tables, site, t) for t in tied), (q.qid, option)


def test_survival_and_cascade_questions_have_one_true_option(tables, every_question):
    """A rate quoted for that group, and the step that follows: no other option fits."""
    survival, cascade = tables["survival"], tables["cascade"].set_index("step")
    for q in every_question:
        if q.kind == "survival":
            _, cancer, population = q.qid.split(":")
            group = survival[(survival["cancer"] == cancer)
                             & (survival["population"] == population)]
            quoted = {f"{v:.0f}%" for v in group["value_pct"]}
            assert quoted == {q.answer} and q.answer.rstrip("%") in q.explanation, q.qid
        elif q.kind == "cascade_order":
            asked = int(q.qid.split(":")[1])
            assert q.answer == cascade.at[asked + 1, "name"], q.qid
            assert q.explanation == cascade.at[asked + 1, "quote"], q.qid
            assert cascade.at[asked, "name"] not in q.options, q.qid


def test_the_questions_named_in_issue_9_are_now_right(tables, every_question):
    """Uterine cancer's NOT-in-three never offers lymph nodes; weakness in the arms and legs
    never offers the brain or the central nervous system as wrong."""
    by_qid: dict[str, list] = {}
    for q in every_question:
        by_qid.setdefault(q.qid, []).append(q)
    for q in by_qid["not_in_top_three:nci:uterus"] + by_qid["top_site:nci:ovary"]:
        assert "Lymph nodes" not in q.options
    for q in by_qid.get("symptom_site:weakness in the arms and legs", []):
        assert not {"Brain", "Central nervous system"} & set(q.options)
    assert isinstance(tables["spread"], pd.DataFrame)
