"""Quotes versus the app's own words, as a reader sees them on every page.

Text shown in quotation marks with a source under it must be that source's exact words (a
table row cell by cell); a sentence the app works out is shown without quotation marks and
says what it was worked out from. Checked on every page, every lesson step, quiz feedback
and the quotes a click or a chosen cancer brings up.
"""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from pipeline.text import quoted_in_text
from tests.apptest_helpers import open_page
from tests.conftest import LESSON_LENGTH
from tests.test_data_contract import _source_texts
from ui.navigation import PAGES

UNESCAPE = re.compile(r"\\(.)")
CREDIT = re.compile(r"^— \*\*(?P<source>.+?)(?: \(confidence: \w+\))?\*\*")
LESSON_STEPS = range(1, LESSON_LENGTH + 1)


def _plain(markdown: str) -> str:
    """Markdown as the reader sees it: escapes removed, newlines folded."""
    return UNESCAPE.sub(r"\1", markdown).replace("\n", " ")


def shown_quotes(at: AppTest) -> list[tuple[str, str]]:
    """Every ``(words, source)`` the page shows as a quote: text in “ ” followed by a credit
    line ``— **Source**`` (the quote box) or ``— Source`` (a lesson takeaway)."""
    texts = [m.value for m in at.markdown]
    found = []
    for words, credit in zip(texts, texts[1:], strict=False):
        body = _plain(words).removeprefix("### ")
        if not (body.startswith("“") and body.endswith("”")):
            continue
        credit = _plain(credit)
        match = CREDIT.match(credit) or re.match(
            r"^— (?P<source>.+?)(?: \(confidence: \w+\))?$", credit)
        assert match, f"a quote with no source under it: {body[:80]}"
        found.append((body[1:-1], match.group("source")))
    return found


@pytest.fixture(scope="module")
def source_words(tables, sources_dir):
    """Each source's text by its short name, as the pages credit it."""
    texts = _source_texts(sources_dir)
    return {row.short_name: texts[row.source_id] for row in tables["sources"].itertuples()}


def assert_verbatim(quotes: list[tuple[str, str]], source_words: dict[str, str]) -> None:
    """Each shown quote is in the credited source: verbatim, or as a table row cell by cell."""
    for words, source in quotes:
        assert source in source_words, f"credited to something that is not a source: {source}"
        text = source_words[source]
        assert quoted_in_text(words, text) or quoted_in_text(words, text, "table_row"), (
            source, words[:80])


def assert_low_confidence_labelled(at: AppTest, tables) -> int:
    """Every credit line naming a low-confidence source says so; returns how many there were."""
    sources = tables["sources"]
    low = sources.loc[sources["confidence"] == "low", "short_name"].tolist()
    credits = [_plain(m.value) for m in at.markdown if _plain(m.value).startswith("— ")]
    named = [c for c in credits if any(name in c for name in low)]
    for credit in named:
        assert "confidence: low" in credit, credit
    return len(named)


def _views() -> list[tuple[str, dict]]:
    """Every page at its default, plus the views that bring up more quotes."""
    views = [(spec.file, {}) for spec in PAGES]
    views += [("pages/lesson.py", {"step": str(n)}) for n in LESSON_STEPS]
    views += [("pages/spread.py", {"focus": "breast"}), ("pages/spread.py", {"focus": "lung"}),
              ("pages/source_check.py", {"check_cancer": "melanoma"})]
    return views


@pytest.mark.parametrize(("page", "params"), _views(),
                         ids=[f"{p}{q}" for p, q in _views()])
def test_every_quote_on_screen_is_the_sources_words(page, params, source_words, tables):
    """No app sentence is put in quotation marks over a source's name, and a quote from the
    low-confidence source always says so under it."""
    at = open_page(page, **params)
    assert_verbatim(shown_quotes(at), source_words)
    assert_low_confidence_labelled(at, tables)


def test_low_confidence_quotes_are_labelled_where_they_are_shown(tables):
    """The pages that show the unattributed article's words (Source check, a site's symptoms
    and treatments) label every one of them as low confidence."""
    seen = 0
    for page, params in [("pages/source_check.py", {}), ("pages/sources.py", {}),
                         ("pages/site_profiles.py", {"profile": "central_nervous_system"}),
                         ("pages/site_profiles.py", {"profile": "bone"})]:
        seen += assert_low_confidence_labelled(open_page(page, **params), tables)
    assert seen >= 10


def test_quiz_feedback_quotes_are_verbatim_and_details_are_marked_as_worked_out(source_words,
                                                                                tables):
    """Answer every question of quiz 3: each feedback quote is verbatim and credited with its
    source's confidence, and each sentence explaining the answer (or its caveat) says it was
    worked out by the app."""
    at = open_page("pages/quiz.py", quiz="3")
    for index in range(8):
        at.radio[index].set_value(at.radio[index].options[0]).run()
    quotes = shown_quotes(at)
    assert len(quotes) == 8
    assert_verbatim(quotes, source_words)
    credits = [m.value for m in at.markdown if m.value.startswith("— ")]
    assert len(credits) == 8 and all("(confidence: " in _plain(c) for c in credits)
    assert_low_confidence_labelled(at, tables)
    worked_out = [c.value for c in at.caption if "Worked out by this app from" in c.value]
    assert len(worked_out) >= 8


def test_lesson_takeaways_are_quotes_or_marked_as_worked_out(source_words):
    """Across the lesson: every takeaway in quotation marks is verbatim; the others (counts,
    verdicts) never carry a source's name as if the source had said them."""
    quotes, worked_out = 0, 0
    for number in LESSON_STEPS:
        at = open_page("pages/lesson.py", step=str(number))
        shown = shown_quotes(at)
        assert_verbatim(shown, source_words)
        quotes += len(shown)
        worked_out += sum("Worked out by this app from" in c.value for c in at.caption)
        credits = [m.value for m in at.markdown if m.value.startswith("— ")]
        assert len(credits) == len(shown), number
    assert quotes >= 10 and worked_out >= 6
