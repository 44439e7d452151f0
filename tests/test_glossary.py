"""One glossary: every term a page, a heading or a step names is explained, and the words a
new user did not know are explained where they appear and nowhere left bare."""

from __future__ import annotations

import re

import pytest

from data.columns import HEADINGS
from data.extracts import steps
from data.glossary import PAGE_TERMS, TERMS, explain
from tests.apptest_helpers import open_page

JARGON = ("betweenness", "jaccard", "seed", "stance", "extravasation", "intravasation")


def test_every_term_a_page_or_heading_names_is_in_the_glossary():
    """A page box or a column tooltip that names a missing term fails by name."""
    named = {term for terms in PAGE_TERMS.values() for term in terms}
    named |= {term for _, term in HEADINGS.values() if term}
    assert named <= set(TERMS), named - set(TERMS)
    with pytest.raises(KeyError, match="not in the glossary"):
        explain("rank pionts")


def test_every_step_of_spread_has_plain_words(tables):
    """Each of the NCI's names for a step of spread has this app's plain words beside it."""
    shown = steps(tables["cascade"])
    assert shown["in_plain_words"].str.len().gt(20).all(), shown[["name", "in_plain_words"]]


def _visible_text(at) -> list[str]:
    """Markdown, captions, headings and widget labels and help a person reads on the page."""
    texts = [e.value for kind in ("markdown", "caption", "title", "header", "subheader")
             for e in getattr(at, kind)]
    for kind in ("selectbox", "multiselect", "radio", "number_input", "toggle"):
        texts += [f"{w.label} {w.help or ''}" for w in getattr(at, kind)]
    texts += [" ".join(map(str, d.value.columns)) for d in at.dataframe]
    return [re.sub(r"\\(.)", r"\1", text) for text in texts]  # Markdown escapes undone


@pytest.mark.parametrize(("page", "box"), [
    ("pages/network.py", "network"), ("pages/spread.py", "spread"),
    ("pages/site_profiles.py", "site_profiles"), ("pages/source_check.py", "source_check"),
    ("pages/body_map.py", "body_map")])
def test_a_hard_word_appears_only_with_its_explanation(page, box):
    """As a 16-year-old, each page explains its words in its box, and a hard word (Jaccard,
    betweenness, seed, stance, extravasation) shows up only inside an explanation."""
    at = open_page(page)
    texts = _visible_text(at)
    for term in PAGE_TERMS[box]:
        assert any(t.startswith(f"**{term}**") or explain(term) in t for t in texts), term
    explanations = {explain(term) for term in TERMS}
    for text in texts:
        bare = text
        for meaning in explanations:
            bare = bare.replace(meaning, "")
        found = [w for w in JARGON if re.search(rf"\b{w}\b", bare, re.IGNORECASE)]
        assert not found, (found, text[:120])
