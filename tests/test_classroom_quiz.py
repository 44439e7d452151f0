"""The quiz: generated from the tables, the same for a seed, every answer right and quoted."""

from __future__ import annotations

import random

import pandas as pd
import pytest

from classroom import quiz

QUOTE_TABLE = {"top_site": "spread", "which_cancer_ranks_first": "spread",
               "not_in_top_three": "spread", "symptom_site": "symptoms",
               "survival": "survival", "cascade_order": "cascade"}


def every_question(kind, tables, seed=0) -> list[quiz.Question]:
    """Ask ``kind`` until it runs out: every question it can make from ``tables``."""
    rng, questions = random.Random(seed), []
    while (question := kind(tables, rng, {q.qid for q in questions})) is not None:
        questions.append(question)
    return questions


def ranked_top(tables, primary: str) -> dict[str, int]:
    """Site label -> NCI rank for one cancer, read straight from spread.csv."""
    spread, site = tables["spread"], tables["sites"].set_index("site_id")["label"]
    rows = spread[(spread["primary"] == primary) & (spread["evidence"] == "ranked_table")]
    return {site[s]: int(r) for s, r in zip(rows["site"], rows["rank"], strict=True)}


def tiny(first: str = "bone") -> dict[str, pd.DataFrame]:
    """Prostate and kidney ranked by the NCI table (``first`` at prostate's rank 1); breast
    adds three sites in sentences. The table uses bone, lung, liver, adrenal gland and
    peritoneum, so those are the sites a question about it may offer."""
    order = ["bone", "lung", "liver"] if first == "bone" else ["liver", "lung", "bone"]
    quote = ("Prostate — Bones, lungs, liver" if first == "bone"
             else "Prostate — Liver, lungs, bones")
    kidney = ["adrenal_gland", "peritoneum", "lung"]
    spread = pd.DataFrame({
        "spread_id": ([f"nci:prostate:{s}:1" for s in order]
                      + [f"nci:kidney:{s}:1" for s in kidney] + ["m:1", "m:2", "m:3"]),
        "primary": ["prostate"] * 3 + ["kidney"] * 3 + ["breast"] * 3,
        "site": order + kidney + ["brain", "adrenal_gland", "peritoneum"],
        "rank": pd.array([1, 2, 3, 1, 2, 3, pd.NA, pd.NA, pd.NA], dtype="Int64"),
        "evidence": ["ranked_table"] * 6 + ["statement"] * 3,
        "source_id": ["nci"] * 6 + ["msk"] * 3,
        "quote": [quote] * 3 + ["Kidney — Adrenal gland, peritoneum, lungs"] * 3
        + ["b1", "b2", "b3"], "note": [""] * 9})
    sites = pd.DataFrame({
        "site_id": ["bone", "lung", "liver", "brain", "adrenal_gland", "peritoneum"],
        "label": ["Bone", "Lung", "Liver", "Brain", "Adrenal gland", "Peritoneum"],
        "aliases": ["bone|bones", "lung|lungs", "liver", "brain", "adrenal gland",
                    "peritoneum"]})
    return {"spread": spread, "sites": sites,
            "cancers": pd.DataFrame({"cancer_id": ["prostate", "kidney", "breast"],
                                     "label": ["Prostate cancer", "Kidney cancer",
                                               "Breast cancer"]}),
            "sources": pd.DataFrame({"source_id": ["nci", "msk"],
                                     "short_name": ["NCI fact sheet", "MSK"],
                                     "confidence": ["high", "medium"]})}


def test_same_seed_gives_the_same_quiz(tables):
    """A class sharing seed 7 gets the same quiz, even if the table rows come in another order."""
    shuffled = {name: frame.sample(frac=1, random_state=1) for name, frame in tables.items()}
    assert quiz.make_quiz(tables, 7) == quiz.make_quiz(tables, 7) == quiz.make_quiz(shuffled, 7)


def test_another_seed_gives_another_quiz(tables):
    """Changing the seed changes the quiz (for at least one of a few seeds)."""
    first = quiz.make_quiz(tables, 0)
    assert any(quiz.make_quiz(tables, seed) != first for seed in (1, 2, 3))


def test_a_quiz_mixes_every_kind_without_repeats(tables):
    """Eight questions take turns over the six kinds and never ask the same thing twice."""
    questions = quiz.make_quiz(tables, 0, n=8)
    assert len(questions) == 8
    assert {q.kind for q in questions} == set(quiz.KINDS)
    assert len({q.qid for q in questions}) == 8


@pytest.mark.parametrize("seed", range(5))
def test_answers_are_options_and_options_are_distinct(tables, seed):
    """Every answer is one of its options, and no option appears twice."""
    for q in quiz.make_quiz(tables, seed, n=30):
        assert q.answer in q.options, q.qid
        assert len(set(q.options)) == len(q.options) >= 2, q.qid


def test_top_site_answer_is_rank_one_and_wrong_options_are_outside_the_top_three(tables):
    """Checked against spread.csv directly: no wrong option is in the cancer's ranked three,
    and every option is a site the NCI table uses (never lymph nodes, which it leaves out)."""
    questions = every_question(quiz.top_site, tables)
    assert len(questions) == 12
    nci_sites = set(ranked_top(tables, "breast")) | {
        s for p in tables["spread"]["primary"].unique() for s in ranked_top(tables, p)}
    for q in questions:
        top = ranked_top(tables, q.qid.split(":")[2])
        assert top[q.answer] == 1, q.qid
        assert len(q.options) >= 3 and not (set(q.options) - {q.answer}) & set(top), q.qid
        assert set(q.options) <= nci_sites and "Lymph nodes" not in q.options, q.qid


def test_which_cancer_wrong_options_rank_another_site_first(tables):
    """The answer ranks the asked site 1st; every wrong option ranks a different site 1st."""
    cancer_id = tables["cancers"].set_index("label")["cancer_id"]
    for q in every_question(quiz.which_cancer_ranks_first, tables):
        site = tables["sites"].set_index("site_id").at[q.qid.split(":")[2], "label"]
        assert ranked_top(tables, cancer_id[q.answer])[site] == 1, q.qid
        for wrong in set(q.options) - {q.answer}:
            assert ranked_top(tables, cancer_id[wrong]).get(site) != 1, (q.qid, wrong)


def test_not_in_top_three_offers_the_three_ranked_sites_as_wrong(tables):
    """The wrong options are exactly the three ranked sites; the answer is not one of them."""
    for q in every_question(quiz.not_in_top_three, tables):
        top = ranked_top(tables, q.qid.split(":")[2])
        assert set(q.options) - {q.answer} == set(top) and q.answer not in top, q.qid


def test_symptom_wrong_options_are_sites_the_symptom_is_not_listed_for(tables):
    """Seizures are listed for the brain only: bone, liver and lung may be offered, never the
    brain; and the spinal cord-and-brain site is not offered as wrong either."""
    symptoms, site = tables["symptoms"], tables["sites"].set_index("site_id")["label"]
    for q in every_question(quiz.symptom_site, tables):
        symptom = q.qid.split(":", 1)[1]
        listed = {site[s] for s in symptoms.loc[symptoms["symptom"] == symptom, "site"]}
        assert q.answer in listed and not (set(q.options) - {q.answer}) & listed, q.qid
    seizures = next(q for q in every_question(quiz.symptom_site, tables)
                    if q.qid == "symptom_site:seizures")
    assert seizures.answer == "Brain" and "Central nervous system" not in seizures.options


def test_survival_options_are_only_quoted_rates(tables):
    """Three quoted rates give three options, every one a rate from survival.csv."""
    quoted = {f"{v:.0f}%" for v in tables["survival"]["value_pct"]}
    questions = every_question(quiz.survival, tables)
    assert len(questions) == 3
    for q in questions:
        assert set(q.options) == quoted, q.qid
        row = tables["survival"][tables["survival"]["quote"] == q.explanation]
        assert q.answer in {f"{v:.0f}%" for v in row["value_pct"]}, q.qid
        assert "Cleveland Clinic" in q.prompt and q.source == "Cleveland Clinic"


def test_cascade_answer_is_the_next_step(tables):
    """The answer is the step numbered one more; the asked step is never an option."""
    steps = tables["cascade"].set_index("step")["name"]
    for q in every_question(quiz.cascade_order, tables):
        asked = int(q.qid.split(":")[1])
        assert q.answer == steps[asked + 1] and steps[asked] not in q.options, q.qid


def test_explanations_are_verbatim_quotes(tables):
    """Each explanation is exactly a quote in the table the question came from."""
    for name, kind in quiz.KINDS.items():
        quotes = set(tables[QUOTE_TABLE[name]]["quote"])
        for q in every_question(kind, tables):
            assert q.explanation in quotes, q.qid
            assert q.source == tables["sources"].set_index("source_id").at[q.source_id,
                                                                           "short_name"]


def test_scoring_right_wrong_and_unknown_answers(tables):
    """All right scores n/n, all wrong 0/n; answers to questions not in the quiz are ignored."""
    questions = quiz.make_quiz(tables, 0)
    right = {q.qid: q.answer for q in questions}
    wrong = {q.qid: next(o for o in q.options if o != q.answer) for q in questions}
    assert quiz.score(questions, right) == (8, 8)
    assert quiz.score(questions, wrong) == (0, 8)
    assert quiz.score(questions, {**right, "no_such_question": "Bone"}) == (8, 8)
    assert quiz.score(questions, {questions[0].qid: questions[0].answer}) == (1, 1)


def test_the_answer_follows_the_table():
    """Change the fixture so prostate's rank 1 is the liver, and the right answer changes."""
    skip_kidney = {"top_site:nci:kidney"}
    before = quiz.top_site(tiny(first="bone"), random.Random(0), skip_kidney)
    after = quiz.top_site(tiny(first="liver"), random.Random(0), skip_kidney)
    assert before.prompt == ("Where does prostate cancer most often spread, according to the "
                             "table in the NCI fact sheet?")
    assert (before.answer, after.answer) == ("Bone", "Liver")
    assert after.explanation == "Prostate — Liver, lungs, bones"
    assert set(after.options) == {"Liver", "Adrenal gland", "Peritoneum"}


def test_kinds_without_their_table_give_no_question():
    """Tables with no survival, symptoms or cascade rows cannot make those questions."""
    tables = tiny()
    for kind in (quiz.survival, quiz.symptom_site, quiz.cascade_order):
        assert kind(tables, random.Random(0)) is None
    assert len(quiz.make_quiz(tables, 0, n=2)) == 2


@pytest.mark.parametrize(("n", "message"), [(0, "at least one question"),
                                            (7, "only 6 distinct questions")])
def test_impossible_sizes_are_refused(n, message):
    """No questions, or more than the tables can supply, is a clear ValueError."""
    with pytest.raises(ValueError, match=message):
        quiz.make_quiz(tiny(), 0, n=n)


def test_zero_questions_are_refused_on_the_real_tables(tables):
    """n=0 is a ValueError whatever the tables."""
    with pytest.raises(ValueError, match="n=0"):
        quiz.make_quiz(tables, 0, n=0)


def test_lesson_content_is_data_and_refuses_unknown_references(tables):
    """The lesson is read from lesson.yaml; a step naming a row, view or computation that does
    not exist is refused with the step's title."""
    from classroom.lesson import lesson_steps, read_lesson

    content = read_lesson()
    steps = lesson_steps(tables, content)
    assert [s.title for s in steps] == [raw["title"] for raw in content]
    assert steps[0].takeaways[0].text == tables["key_facts"].set_index("fact_id").at[
        "what_is_metastasis", "quote"]
    broken = [dict(content[0], takeaways=[{"quote": {"table": "key_facts", "id": "nope"}}])]
    with pytest.raises(ValueError, match="'What is metastasis\\?': key_facts has no row 'nope'"):
        lesson_steps(tables, broken)
    with pytest.raises(ValueError, match="unknown view 'slideshow'"):
        lesson_steps(tables, [dict(content[0], view="slideshow")])
    with pytest.raises(ValueError, match="unknown takeaway"):
        lesson_steps(tables, [dict(content[0], takeaways=[{"worked_out": "magic"}])])
