"""The prompts a teacher can put to a live class, made from the published tables by the
quiz's proven rules (``classroom.ranked_questions``, ``classroom.quiz``), never typed by hand.

Four kinds, each with exactly one right answer by every table:

- ``top:<source>:<cancer>`` (students tap the body map): where the cancer spreads most often
  by a ranked table. Options: the site ranked 1st and every site of that table that no row of
  any source links to the cancer (the quiz's wrong options for ``top_site``).
- ``first:<source>:<site>:<cancer>`` (students tap a row of cancers): which cancer the table
  ranks the site 1st for. Options: that cancer and every cancer of the table whose 1st site
  is another one, that no table says reaches the site most often, and that does not start
  there (the rules of ``which_cancer_ranks_first``).
- ``quiz:<number>:<qid>`` (options): a question of quiz ``number`` as the Quiz page asks it.
- ``sure:<cancer>:<site>`` (options): what kind of evidence the rows for one pair give, asked
  only of a pair whose every row gives the same kind, so the answer is the rows' own value.

Every prompt carries the verbatim quote behind its answer and the source it comes from (by
publisher and title), for the reveal. Pure: pandas and the standard library, no Streamlit.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from charts.body_map import LAND
from classroom.base import Tables, capitalised, in_sentence, memo, prepare, short_name
from classroom.quiz import make_quiz
from classroom.ranked_questions import (
    _excluding,
    _ranked_labelled,
    _row_note,
    _table_in,
    _unrelated_sites,
    site_and_cancer_labels,
)
from data.query import CONFIDENCE_ORDER
from data.vocabulary import EVIDENCE_LABELS, EVIDENCE_ORDER, ordinal

BODY_MAP, HEATMAP_ROW, OPTIONS = "body_map", "heatmap_row", "options"
KIND_NAMES = {"top": "Tap the body", "first": "Tap a cancer", "quiz": "Quiz question",
              "sure": "How sure are we?"}
"""How the teacher's list names each kind of prompt."""
MAX_TEXT, MAX_OPTION, MAX_OPTIONS = 300, 80, 40


@dataclass(frozen=True)
class LivePrompt:
    """One prompt and what its reveal shows.

    ``pid``, ``text``, ``options``, ``answer`` and ``answer_by`` are what the live class
    stores (``classroom.live_class.PromptRecord``); the rest is shown at the reveal:
    ``quote`` (the source's exact words), ``publisher`` and ``title`` of its source,
    ``confidence`` of that source, ``note`` (what kind of quote it is, e.g. a table row) and
    ``detail`` (a sentence this app works out from the tables, never credited to a source).
    """

    pid: str
    text: str
    options: tuple[str, ...]
    answer: str
    answer_by: str
    quote: str
    source_id: str
    publisher: str
    title: str
    confidence: str = ""
    note: str = ""
    detail: str = ""

    @property
    def kind(self) -> str:
        """The kind of prompt: ``top``, ``first``, ``quiz`` or ``sure``."""
        return self.pid.split(":", 1)[0]

    @property
    def credit(self) -> str:
        """The quote's source as the reveal names it: publisher, title, confidence."""
        trust = f" (confidence: {self.confidence})" if self.confidence else ""
        title = f", “{self.title}”" if self.title else ""
        return f"{self.publisher}{title}{trust}"


def _source(tables: Tables, source_id: str) -> tuple[str, str, str]:
    """A source's publisher, title and confidence from sources.csv."""
    rows = tables["sources"].set_index("source_id")
    if source_id not in rows.index:
        return source_id, "", ""
    row = rows.loc[source_id].fillna("")
    return str(row["publisher"]), str(row["title"]), str(row.get("confidence", ""))


def _prompt(tables: Tables, pid: str, text: str, options, answer: str, answer_by: str,
            quote: str, source_id: str, note: str = "", detail: str = "") -> LivePrompt:
    """A :class:`LivePrompt` credited to ``source_id`` from sources.csv."""
    publisher, title, confidence = _source(tables, source_id)
    return LivePrompt(pid, text, tuple(options), answer, answer_by, quote, source_id,
                      publisher, title, confidence, note, detail)


def top_prompts(tables: Tables) -> list[LivePrompt]:
    """"Where does <cancer> spread most often, by <source>'s table?" for every ranked list
    that has a site no source links to the cancer (else there is nothing wrong to tap)."""
    site, cancer = site_and_cancer_labels(tables)
    prompts = []
    for (src, primary), ranks in sorted(_ranked_labelled(tables).items()):
        wrong = _unrelated_sites(tables, primary, src)
        if not wrong or [r for r, _, _ in ranks].count(1) != 1:
            continue
        answer = site[ranks[0][1]]
        options = sorted([answer, *(site[s] for s in wrong)])
        drawn = all(s in LAND for s in [ranks[0][1], *wrong])  # a spot on the body map each
        text = (f"Where does {in_sentence(cancer[primary])} most often spread"
                f"{_excluding(tables, src)}, according to {_table_in(tables, src)}?")
        listed = ", ".join(f"{ordinal(r)} {site[s]}" for r, s, _ in ranks)
        detail = (f"{capitalised(_table_in(tables, src))} lists, for "
                  f"{in_sentence(cancer[primary])}: {listed}. No source links it to "
                  f"{', '.join(o for o in options if o != answer)}.")
        prompts.append(_prompt(tables, f"top:{src}:{primary}", text, options, answer,
                               BODY_MAP if drawn else OPTIONS,
                               ranks[0][2], src, _row_note(tables, ranks[0][2]), detail))
    return prompts


def _most_often_in_words(tables: Tables, site_id: str) -> set[str]:
    """Cancers a sentence (not a ranked table) says reach ``site_id`` most often."""
    spread = tables["spread"]
    rows = spread[(spread["site"] == site_id) & (spread["evidence"] != "ranked_table")
                  & spread["quote"].str.contains(r"\bmost (?:often|commonly|common)\b",
                                                 case=False, regex=True)]
    return set(rows["primary"])


def first_prompts(tables: Tables) -> list[LivePrompt]:
    """"Which cancer does <source>'s table rank <site> 1st for?", one per cancer that does,
    with every cancer of the table that plainly does not as the other options."""
    site, cancer = site_and_cancer_labels(tables)
    lists = _ranked_labelled(tables)
    organ = tables["cancers"].set_index("cancer_id").get("organ_site_id", pd.Series(dtype=str))
    prompts = []
    for src, site_id in sorted({(s, ranks[0][1]) for (s, _), ranks in lists.items()}):
        mine = {p: ranks for (s, p), ranks in lists.items() if s == src}
        right = sorted(p for p, ranks in mine.items() if ranks[0][1] == site_id)
        said = _most_often_in_words(tables, site_id)
        wrong = sorted(p for p, ranks in mine.items() if ranks[0][1] != site_id
                       and p not in said and organ.get(p) != site_id)
        if not wrong:
            continue
        for primary in right:
            options = sorted([cancer[primary], *(cancer[p] for p in wrong)])
            text = (f"According to {_table_in(tables, src)}, which of these cancers spreads "
                    f"to the {in_sentence(site[site_id])} more often than anywhere else"
                    f"{_excluding(tables, src)}?")
            others = "; ".join(f"{in_sentence(cancer[p])}: {in_sentence(site[mine[p][0][1]])}"
                               for p in wrong)
            detail = (f"{capitalised(_table_in(tables, src))} ranks the "
                      f"{in_sentence(site[site_id])} 1st for {in_sentence(cancer[primary])}. "
                      f"The other cancers rank another site 1st ({others}).")
            quote = mine[primary][0][2]
            prompts.append(_prompt(tables, f"first:{src}:{site_id}:{primary}", text, options,
                                   cancer[primary], HEATMAP_ROW, quote, src,
                                   _row_note(tables, quote), detail))
    return prompts


def quiz_prompts(tables: Tables, number: int) -> list[LivePrompt]:
    """The questions of quiz ``number``, as the Quiz page and its worksheet ask them."""
    return [_prompt(tables, f"quiz:{number}:{q.qid}", q.prompt, q.options, q.answer, OPTIONS,
                    q.explanation, q.source_id, q.explanation_note, q.detail)
            for q in make_quiz(prepare(tables), number)]


def sure_prompts(tables: Tables) -> list[LivePrompt]:
    """"How sure are we that <cancer> spreads to <site>?" for each pair whose rows all give
    one kind of evidence: the options are every kind, the answer the rows' own kind."""
    site, cancer = site_and_cancer_labels(tables)
    trust = tables["sources"].set_index("source_id")["confidence"].to_dict()
    kinds = [EVIDENCE_LABELS[k] for k in EVIDENCE_ORDER]
    prompts = []
    for (primary, site_id), rows in sorted(tables["spread"].groupby(["primary", "site"])):
        if rows["evidence"].nunique() != 1 or primary not in cancer or site_id not in site:
            continue
        best = min(rows.to_dict("records"), key=lambda r: (
            CONFIDENCE_ORDER.get(trust.get(r["source_id"]), 9), str(r["source_id"])))
        named = " and the ".join(sorted({short_name(tables, s) for s in rows["source_id"]}))
        row_words = "the row" if len(rows) == 1 else "each of the rows"
        text = (f"How sure are we that {in_sentence(cancer[primary])} spreads to the "
                f"{in_sentence(site[site_id])}? What kind of evidence is {row_words} for this "
                f"pair in the spread table (from the {named})?")
        detail = (f"Every row for this pair in the spread table is of one kind: "
                  f"{EVIDENCE_LABELS[best['evidence']]}.")
        prompts.append(_prompt(tables, f"sure:{primary}:{site_id}", text, kinds,
                               EVIDENCE_LABELS[best["evidence"]], OPTIONS, str(best["quote"]),
                               str(best["source_id"]), _row_note(tables, str(best["quote"])),
                               detail))
    return prompts


def prompt_bank(tables: Tables, quiz_number: int = 1) -> list[LivePrompt]:
    """Every prompt a teacher may pick: body map, cancer row, quiz ``quiz_number``, how sure.

    Raises
    ------
    ValueError
        If the tables give no prompt at all (nothing to ask a class).
    """
    tables = prepare(tables)
    bank = memo(tables, "live_fixed", lambda: top_prompts(tables) + first_prompts(tables)
                + sure_prompts(tables))
    prompts = ([p for p in bank if p.kind in ("top", "first")] + quiz_prompts(tables, quiz_number)
               + [p for p in bank if p.kind == "sure"])
    if not prompts:
        raise ValueError("the tables give no prompt for a live class")
    return prompts


def find_prompt(tables: Tables, pid: str) -> LivePrompt | None:
    """The prompt with id ``pid`` (a quiz prompt's id names its quiz), or None if none is."""
    kind = pid.split(":", 1)[0]
    if kind == "quiz":
        parts = pid.split(":", 2)
        if len(parts) < 3 or not parts[1].isdecimal() or len(parts[1]) > 5:
            return None
        candidates = quiz_prompts(prepare(tables), int(parts[1]))
    else:
        candidates = [p for p in prompt_bank(tables) if p.kind == kind]
    return next((p for p in candidates if p.pid == pid), None)


def choice_label(prompt: LivePrompt) -> str:
    """How the teacher's list shows a prompt: its kind, its words and its answer."""
    return f"{KIND_NAMES.get(prompt.kind, prompt.kind)}: {prompt.text} (answer: {prompt.answer})"
