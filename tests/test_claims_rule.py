"""One rule for every Source check verdict, checked on the published claims.

Two answers clash only where they cannot both be true as worded, and the rule belongs to what
is said, not to who says it: the same stance names the same clashes, both ways. A verdict of
"Sources disagree" is given exactly where two sources hold clashing stances; a source holding
two clashing stances is named as contradicting itself; a claim this app marks as wrong says
so in its own words, never in a source's.
"""

from __future__ import annotations

from itertools import combinations

from data.claims import VERDICT_DISAGREE, claim_checks
from pipeline.text import normalise
from tests.apptest_helpers import open_page
from tests.test_data_contract import _source_texts


def _clashes(claims) -> dict[tuple[str, str], set[str]]:
    """(topic, stance) -> the stances it names as clashing, from every claim holding it."""
    out: dict[tuple[str, str], set[str]] = {}
    for row in claims.fillna("").itertuples():
        out.setdefault((row.topic, row.stance), set()).update(
            filter(None, row.conflicts_with.split("|")))
    return out


def test_the_same_stance_names_the_same_clashes_both_ways(tables):
    """Every claim of a stance names the same clashes, and a clash is named back."""
    claims = tables["claims"].fillna("")
    for (topic, stance), group in claims.groupby(["topic", "stance"]):
        assert group["conflicts_with"].nunique() == 1, (topic, stance)
    clashes = _clashes(claims)
    for (topic, stance), others in clashes.items():
        for other in others:
            assert stance in clashes[(topic, other)], (topic, stance, other)


def test_every_verdict_follows_the_one_rule(tables):
    """'Sources disagree' exactly where two different sources hold clashing stances; a source
    contradicts itself exactly where it holds two clashing stances."""
    claims, clashes = tables["claims"].fillna(""), _clashes(tables["claims"])
    short = tables["sources"].set_index("source_id")["short_name"]
    checks = claim_checks(tables["claims"], tables["sources"]).set_index("topic")
    for topic, group in claims.groupby("topic"):
        between, within = False, set()
        for a, b in combinations(group.itertuples(), 2):
            if b.stance in clashes[(topic, a.stance)]:
                if a.source_id == b.source_id:
                    within.add(short[a.source_id])
                else:
                    between = True
        assert (checks.at[topic, "verdict"] == VERDICT_DISAGREE) == between, topic
        named = set(filter(None, checks.at[topic, "contradicts_itself"].split("; ")))
        assert named == within, topic


def test_sources_saying_the_same_are_judged_alike(tables):
    """NCI's 'most common sites are the lungs, bones, and liver' and the US government
    article's 'The liver, lung, and bones are the most common places' hold one stance, so
    both clash with MSK's lymph nodes; Cleveland Clinic's 'some of the most common sites'
    clashes with nothing."""
    claims = tables["claims"].fillna("")
    where = claims[claims["topic"] == "Where does cancer spread most often?"]
    stance = dict(zip(where["source_id"], where["stance"], strict=False))
    assert stance["nci"] == stance["nih_article"]
    assert set(where.loc[where["source_id"] == "nci", "conflicts_with"]) == {"nearby lymph nodes"}
    assert set(where.loc[where["source_id"] == "cleveland_clinic", "conflicts_with"]) == {""}


def test_known_errors_are_the_apps_words_and_galleri_is_one(tables, sources_dir):
    """A claim marked wrong carries this app's note, which is no source's text; the
    unattributed article's Galleri sentence is marked, Shield with it."""
    texts = {k: normalise(v) for k, v in _source_texts(sources_dir).items()}
    claims = tables["claims"].fillna("")
    wrong = claims[claims["known_error"] != ""]
    assert set(wrong["source_id"]) == {"unattributed"}
    for note in wrong["known_error"]:
        assert not any(normalise(note) in text for text in texts.values()), note
    galleri = wrong[wrong["topic"] == "What is the Galleri blood test for?"]
    assert len(galleri) == 1
    assert "many kinds of cancer" in galleri["known_error"].iloc[0]
    assert "Shield" in galleri["known_error"].iloc[0]


def test_the_sources_page_lists_each_known_error_under_its_source(tables):
    """Sources and data: every claim marked wrong is shown, in the source's words, with this
    app's note beside it (marked as worked out, not quoted)."""
    at = open_page("pages/sources.py")
    notes = [w.value.replace("\\", "") for w in at.warning]
    wrong = tables["claims"].fillna("")
    wrong = wrong[wrong["known_error"] != ""]
    assert len(notes) == len(wrong)
    assert any("Galleri" in n for n in notes)
    assert sum("Worked out by this app from medical knowledge" in c.value
               for c in at.caption) >= len(wrong)
