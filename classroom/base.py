"""What every kind of quiz question shares: the Question, prepared tables, and drawing.

Nothing in the quiz is typed by hand. Each question is built from rows of a published table;
its wrong options come from the same vocabulary and are checked against every table so that
none is also right; its explanation is the verbatim quote behind the right answer. All
randomness comes from one ``random.Random(seed)`` and every pool is sorted before it is drawn
from, so the same seed and the same tables give the same quiz. Pure: pandas and the standard
library only, no Streamlit.

Memo: :func:`memo` keeps a question kind's seed-free work on :class:`Prepared` tables (the
app's one Prepared is cached by ``ui.data.quiz_tables``); nothing here uses another memo.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

from data.query import labels

N_WRONG = 3
_KEEP_CAPITAL = frozenset({"Ewing"})  # a name stays capitalised inside a sentence

Tables = Mapping[str, pd.DataFrame]


class Prepared(dict):
    """The tables, plus a memo of what every quiz drawn from them computes the same way.

    Finding each kind's candidate questions walks the tables (about 90 ms a quiz); none of it
    depends on the seed, so :func:`prepare` keeps it, and a class's quizzes, or all 10,000 in
    the proof test, draw from it in well under a millisecond each. Never mutate the tables
    of a Prepared: the memo would go stale.
    """

    def __init__(self, tables: Tables):
        super().__init__(tables)
        self.memo: dict = {}


def prepare(tables: Tables) -> Prepared:
    """``tables`` ready for many quizzes (returned as is when already prepared)."""
    return tables if isinstance(tables, Prepared) else Prepared(tables)


def memo(tables: Tables, key, compute: Callable[[], object]):
    """``compute()``, kept in the tables' memo when they are :class:`Prepared`."""
    if not isinstance(tables, Prepared):
        return compute()
    if key not in tables.memo:
        tables.memo[key] = compute()
    return tables.memo[key]


@dataclass(frozen=True)
class Question:
    """One multiple-choice question and the quote that answers it.

    Attributes
    ----------
    qid : str
        Stable id naming the kind and its subject, e.g. ``"top_site:nci:prostate"``.
    kind : str
        The generator that made it (a key of :data:`KINDS`).
    prompt : str
        The question as a person reads it.
    options : tuple of str
        Display labels in an order shuffled by the seed; exactly one is ``answer``.
    answer : str
        The right option.
    explanation : str
        The verbatim quote, from the table row behind the answer.
    source, source_id : str
        Short name (from sources.csv) and id of the quote's source.
    detail : str
        A plain sentence built from the table that says why, e.g. which rank the answer has
        (kept apart so that ``explanation`` stays exactly the quote).
    basis : str
        What ``detail`` was worked out from, e.g. "the table in the NCI fact sheet" (the page
        says so under it: ``detail`` is the app's sentence, not a source's).
    explanation_note : str
        What kind of quote ``explanation`` is when it is not running text, e.g. which table
        a quoted table row belongs to.
    confidence : str
        How far the quote's source can be trusted (sources.csv), shown with its name.
    caveat : str
        What the number or table behind the answer cannot tell (this app's words), e.g. that
        a survival rate comes with no years or place; empty when there is none.
    """

    qid: str
    kind: str
    prompt: str
    options: tuple[str, ...]
    answer: str
    explanation: str
    source: str
    source_id: str
    detail: str = ""
    basis: str = ""
    explanation_note: str = ""
    confidence: str = ""
    caveat: str = ""

    @property
    def credit(self) -> str:
        """The quote's source as a page or handout names it: with its confidence."""
        return f"{self.source} (confidence: {self.confidence})" if self.confidence else self.source


# ---------------------------------------------------------------------------------------------
# Small helpers: wording, vocabularies, drawing


def in_sentence(label: str) -> str:
    """A display label as it reads inside a sentence: first letter lower-case, except names.

    Examples
    --------
    >>> in_sentence("Prostate cancer"), in_sentence("Melanoma"), in_sentence("NCI fact sheet")
    ('prostate cancer', 'melanoma', 'NCI fact sheet')
    >>> in_sentence("Ewing sarcoma of the bone")
    'Ewing sarcoma of the bone'
    """
    first = label.split(" ", 1)[0]
    if not label or first in _KEEP_CAPITAL or first.isupper():
        return label
    return label[0].lower() + label[1:]


def capitalised(text: str) -> str:
    """``text`` with its first letter upper-case (the start of a sentence)."""
    return text[:1].upper() + text[1:]


def table_labels(tables: Tables, table: str, id_column: str, label_column: str = "label") -> dict:
    """:func:`data.query.labels` of one table, memoised for prepared tables."""
    return memo(tables, ("labels", table, id_column, label_column),
                 lambda: labels(tables[table], id_column, label_column))


def has_tables(tables: Tables, *names: str) -> bool:
    """True when every named table is present and not empty."""
    return all(name in tables and not tables[name].empty for name in names)


def short_name(tables: Tables, source_id: str) -> str:
    """The source's short name from sources.csv (its id when the table lacks it)."""
    if "sources" not in tables:
        return source_id
    return table_labels(tables, "sources", "source_id", "short_name").get(source_id, source_id)


def confidence_of(tables: Tables, source_id: str) -> str:
    """The source's confidence from sources.csv ("" when the table lacks it)."""
    if "sources" not in tables or "confidence" not in tables["sources"]:
        return ""
    return table_labels(tables, "sources", "source_id", "confidence").get(source_id, "")


def draw_options(answer: str, wrong: Iterable[str], rng: random.Random) -> tuple[str, ...]:
    """The answer plus up to three distinct wrong labels drawn by ``rng``, shuffled."""
    pool = sorted(set(wrong) - {answer})
    chosen = [answer, *rng.sample(pool, min(N_WRONG, len(pool)))]
    rng.shuffle(chosen)
    return tuple(chosen)


def pick(rng: random.Random, candidates: dict[str, tuple],
          used: Iterable[str]) -> tuple[str, tuple] | None:
    """A random ``(qid, candidate)`` whose qid is not in ``used``; None when none is left."""
    used = set(used)
    free = sorted(qid for qid in candidates if qid not in used)
    if not free:
        return None
    qid = rng.choice(free)
    return qid, candidates[qid]


