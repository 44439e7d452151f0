"""Every prompt a teacher can put to a live class, proven against the tables with this test's
own rules: the answer is recomputed from the rows, no wrong option is right by any table, and
the quote under the reveal is its source's own words."""

from __future__ import annotations

import re

import pytest

from charts.body_map import LAND
from classroom.live_prompts import (
    BODY_MAP,
    HEATMAP_ROW,
    MAX_OPTION,
    MAX_OPTIONS,
    MAX_TEXT,
    choice_label,
    find_prompt,
    prompt_bank,
)
from classroom.quiz import make_quiz
from data.vocabulary import EVIDENCE_LABELS
from pipeline.text import quoted_in_text
from tests.test_data_contract import _source_texts

QUIZ_NUMBERS = (0, 1, 42, 9999)


@pytest.fixture(scope="module")
def banks(tables) -> dict[int, list]:
    return {number: prompt_bank(tables, number) for number in QUIZ_NUMBERS}


@pytest.fixture(scope="module")
def every_prompt(banks) -> list:
    return list({p.pid: p for bank in banks.values() for p in bank}.values())


def _site(tables, label: str) -> str:
    return dict(zip(tables["sites"]["label"], tables["sites"]["site_id"], strict=True))[label]


def _cancer(tables, label: str) -> str:
    return dict(zip(tables["cancers"]["label"], tables["cancers"]["cancer_id"],
                    strict=True))[label]


def _same_place(tables, a: str, b: str) -> bool:
    """Equal sites, or one's name a whole-word run inside the other's (bone, bone marrow)."""
    names = {r.site_id: {r.label.lower()} | set(str(r.aliases).lower().split("|"))
             for r in tables["sites"].itertuples()}
    return a == b or any(re.search(rf"\b{re.escape(x)}\b", y)
                         or re.search(rf"\b{re.escape(y)}\b", x)
                         for x in names[a] for y in names[b])


def test_the_bank_holds_every_kind_and_fits_the_live_class(banks, every_prompt):
    """Every kind is offered; each prompt fits what a live class stores (text, 2-40 options
    of at most 80 characters, distinct, the answer among them)."""
    for bank in banks.values():
        assert {p.kind for p in bank} == {"top", "first", "quiz", "sure"}
        assert len({p.pid for p in bank}) == len(bank)
    for p in every_prompt:
        assert len(p.text) <= MAX_TEXT, p.pid
        assert 2 <= len(p.options) <= MAX_OPTIONS, p.pid
        assert len(set(p.options)) == len(p.options), p.pid
        assert all(0 < len(o) <= MAX_OPTION for o in p.options), p.pid
        assert p.answer in p.options, p.pid
        assert p.answer in choice_label(p), p.pid


def test_where_does_it_spread_most_is_the_tables_first_site(tables, every_prompt):
    """The answer is the site the table ranks 1st; every other site on the body map is one
    no row of any source links to that cancer; each has a spot on the body figure."""
    spread = tables["spread"]
    tops = [p for p in every_prompt if p.kind == "top"]
    assert len(tops) == 12
    for p in tops:
        _, source, primary = p.pid.split(":")
        ranked = spread[(spread["source_id"] == source) & (spread["primary"] == primary)
                        & (spread["evidence"] == "ranked_table")]
        first = ranked.loc[ranked["rank"] == 1, "site"]
        assert list(first) == [_site(tables, p.answer)], p.pid
        assert p.quote in set(ranked["quote"]) and p.answer_by == BODY_MAP
        assert "excluding lymph nodes" in p.text
        linked = set(spread.loc[spread["primary"] == primary, "site"])
        for option in set(p.options) - {p.answer}:
            assert not any(_same_place(tables, _site(tables, option), s) for s in linked), (
                p.pid, option)
        assert all(_site(tables, o) in LAND for o in p.options)
    colon = next(p for p in tops if p.pid == "top:nci:colon")
    assert colon.answer == "Liver" and "Lung" not in colon.options  # NCI: liver, peritoneum, lungs


def test_which_cancer_ranks_a_site_first_has_one_right_cancer(tables, every_prompt):
    """Only the answer reaches the site first by any table (rank 1, or a sentence saying
    "most often"); no option is a cancer that starts in that site."""
    spread = tables["spread"]
    organ = tables["cancers"].set_index("cancer_id")["organ_site_id"]
    firsts = [p for p in every_prompt if p.kind == "first"]
    assert firsts and all(p.answer_by == HEATMAP_ROW for p in firsts)
    for p in firsts:
        _, source, site, primary = p.pid.split(":")
        assert _cancer(tables, p.answer) == primary
        here = spread[spread["site"] == site]
        most = set(here.loc[here["rank"] == 1, "primary"]) | set(here.loc[
            here["quote"].str.contains(r"\bmost (?:often|commonly|common)\b", case=False)
            & (here["evidence"] != "ranked_table"), "primary"])
        assert primary in most, p.pid
        wrong = {_cancer(tables, o) for o in p.options} - {primary}
        assert not wrong & most, p.pid
        assert not any(organ[c] == site for c in wrong), p.pid
        assert set(spread.loc[spread["quote"] == p.quote, "primary"]) == {primary}


def test_how_sure_are_we_is_the_rows_own_kind(tables, every_prompt):
    """The answer is the evidence kind of every row for that pair; the options are the kinds
    the tables use, strongest first."""
    spread = tables["spread"]
    sures = [p for p in every_prompt if p.kind == "sure"]
    assert len(sures) > 20
    for p in sures:
        _, primary, site = p.pid.split(":")
        rows = spread[(spread["primary"] == primary) & (spread["site"] == site)]
        assert {EVIDENCE_LABELS[k] for k in rows["evidence"]} == {p.answer}, p.pid
        assert p.options == tuple(EVIDENCE_LABELS[k] for k in
                                  ("ranked_table", "statement", "example", "rare_reported"))
        assert p.quote in set(rows["quote"]), p.pid


def test_quiz_prompts_are_the_quiz_pages_questions(tables, banks):
    """A quiz prompt asks what the Quiz page asks for that number, with the same answer."""
    for number, bank in banks.items():
        asked = {f"quiz:{number}:{q.qid}": q for q in make_quiz(tables, number)}
        prompts = [p for p in bank if p.kind == "quiz"]
        assert {p.pid for p in prompts} == set(asked)
        for p in prompts:
            q = asked[p.pid]
            assert (p.text, p.options, p.answer, p.quote) == (q.prompt, q.options, q.answer,
                                                              q.explanation)


def test_every_reveal_quotes_its_source_word_for_word(tables, sources_dir, every_prompt):
    """The quote at the reveal is in its source's text (a table row cell by cell), credited
    by publisher and title, never by file name."""
    texts = _source_texts(sources_dir)
    publishers = tables["sources"].set_index("source_id")["publisher"]
    for p in every_prompt:
        form = "table_row" if p.note.startswith("A row of the table") else "sentence"
        assert quoted_in_text(p.quote, texts[p.source_id], form), p.pid
        assert p.publisher == publishers[p.source_id]
        assert p.publisher in p.credit and ".txt" not in p.credit


def test_find_prompt_gives_back_each_prompt_and_refuses_odd_ids(tables, every_prompt):
    for p in every_prompt[::7]:
        assert find_prompt(tables, p.pid) == p
    for odd in ("", "quiz", "quiz:x:top_site", "quiz:99999999:a", "top:nci:nobody", "<b>"):
        assert find_prompt(tables, odd) is None
