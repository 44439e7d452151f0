"""Quiz questions generated from the tables: the same seed gives the whole class the same quiz.

Nothing here is typed by hand. Each question is built from rows of a published table; its wrong
options come from the same vocabulary (site or cancer labels, quoted rates, step names) and are
checked against the tables so that none is also right; its explanation is the verbatim quote
behind the right answer. All randomness comes from one ``random.Random(seed)`` and every pool
is sorted before it is drawn from, so the same seed and the same tables give the same quiz.
Pure: pandas and the standard library only, no Streamlit.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

from data.query import CONFIDENCE_ORDER, labels

__all__ = ["KINDS", "Question", "cascade_order", "in_sentence", "make_quiz",
           "not_in_top_three", "score", "survival", "symptom_site", "top_site",
           "which_cancer_ranks_first"]

N_WRONG = 3
_ORDINALS = {1: "1st", 2: "2nd", 3: "3rd"}
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


def _memo(tables: Tables, key, compute: Callable[[], object]):
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


def _capitalised(text: str) -> str:
    """``text`` with its first letter upper-case (the start of a sentence)."""
    return text[:1].upper() + text[1:]


def _labels(tables: Tables, table: str, id_column: str, label_column: str = "label") -> dict:
    """:func:`data.query.labels` of one table, memoised for prepared tables."""
    return _memo(tables, ("labels", table, id_column, label_column),
                 lambda: labels(tables[table], id_column, label_column))


def _has(tables: Tables, *names: str) -> bool:
    """True when every named table is present and not empty."""
    return all(name in tables and not tables[name].empty for name in names)


def _short_name(tables: Tables, source_id: str) -> str:
    """The source's short name from sources.csv (its id when the table lacks it)."""
    if "sources" not in tables:
        return source_id
    return _labels(tables, "sources", "source_id", "short_name").get(source_id, source_id)


def _options(answer: str, wrong: Iterable[str], rng: random.Random) -> tuple[str, ...]:
    """The answer plus up to three distinct wrong labels drawn by ``rng``, shuffled."""
    pool = sorted(set(wrong) - {answer})
    chosen = [answer, *rng.sample(pool, min(N_WRONG, len(pool)))]
    rng.shuffle(chosen)
    return tuple(chosen)


def _pick(rng: random.Random, candidates: dict[str, tuple],
          used: Iterable[str]) -> tuple[str, tuple] | None:
    """A random ``(qid, candidate)`` whose qid is not in ``used``; None when none is left."""
    used = set(used)
    free = sorted(qid for qid in candidates if qid not in used)
    if not free:
        return None
    qid = rng.choice(free)
    return qid, candidates[qid]


def _site_names(sites: pd.DataFrame) -> dict[str, set[str]]:
    """Each site's label and aliases, lower-case."""
    names = {}
    for row in sites.to_dict("records"):
        aliases = row.get("aliases")
        extra = set(str(aliases).lower().split("|")) if isinstance(aliases, str) else set()
        names[str(row["site_id"])] = {str(row["label"]).lower()} | extra
    return names


def _contains(outer: set[str], inner: set[str]) -> bool:
    """True when a name in ``inner`` appears as whole words inside a name in ``outer``."""
    return any(re.search(rf"\b{re.escape(word)}\b", name) for word in inner for name in outer)


def _close_sites(sites: pd.DataFrame, site_ids: Iterable[str]) -> set[str]:
    """``site_ids`` and every site whose name contains one of theirs, or is contained in one.

    Examples
    --------
    >>> s = pd.DataFrame({"site_id": ["bone", "bone_marrow", "liver"],
    ...                   "label": ["Bone", "Bone marrow", "Liver"],
    ...                   "aliases": ["bone|bones", "bone marrow", "liver"]})
    >>> sorted(_close_sites(s, ["bone"]))
    ['bone', 'bone_marrow']
    """
    names, ids = _site_names(sites), set(site_ids)
    close = {other for other, words in names.items() for site in ids if site in names
             and (_contains(words, names[site]) or _contains(names[site], words))}
    return ids | close


def _ranked(spread: pd.DataFrame) -> dict[tuple[str, str], list[tuple[int, str, str]]]:
    """``(source_id, primary) -> [(rank, site, quote), ...]`` from the ranked-table rows.

    Only lists that start at rank 1 are kept, each in rank order.
    """
    rows = spread[(spread["evidence"] == "ranked_table") & spread["rank"].notna()]
    lists: dict[tuple[str, str], list[tuple[int, str, str]]] = {}
    for row in rows.sort_values(["source_id", "primary", "rank", "site"]).to_dict("records"):
        key = (str(row["source_id"]), str(row["primary"]))
        lists.setdefault(key, []).append((int(row["rank"]), str(row["site"]), str(row["quote"])))
    return {key: ranks for key, ranks in lists.items() if ranks[0][0] == 1}


def _ranked_labelled(tables: Tables) -> dict[tuple[str, str], list[tuple[int, str, str]]]:
    """:func:`_ranked`, keeping only cancers and sites that have a display label."""
    def compute() -> dict:
        cancer = _labels(tables, "cancers", "cancer_id")
        site = _labels(tables, "sites", "site_id")
        return {key: ranks for key, ranks in _ranked(tables["spread"]).items()
                if key[1] in cancer and all(s in site for _, s, _ in ranks)}
    return _memo(tables, "ranked_labelled", compute)


def _table_sites(spread: pd.DataFrame, source_id: str) -> set[str]:
    """The sites a source's ranked table uses anywhere: the only ones it could have listed.

    The NCI table leaves lymph nodes out on purpose, so "not in its top three" says nothing
    about them; a site the table never uses is never offered on a question about the table.
    """
    ranked = spread[(spread["evidence"] == "ranked_table") & (spread["source_id"] == source_id)]
    return set(ranked["site"])


def _unrelated_sites(tables: Tables, primary: str, source_id: str) -> list[str]:
    """Sites of ``source_id``'s ranked table that no row of any source links to ``primary``
    (nor a site close to one that does).

    These are the wrong options for a cancer: no table ties them to it, and the ranked table
    could have listed them, so none is right by another source or by the table's silence.
    """
    def compute() -> list[str]:
        spread, sites = tables["spread"], tables["sites"]
        linked = _close_sites(sites, spread.loc[spread["primary"] == primary, "site"])
        usable = _table_sites(spread, source_id) & set(sites["site_id"])
        return sorted(usable - linked)
    return _memo(tables, ("unrelated", primary, source_id), compute)


def _table_in(tables: Tables, source_id: str) -> str:
    """How a prompt names a source's ranked table, e.g. ``"the table in the NCI fact sheet"``."""
    return f"the table in the {_short_name(tables, source_id)}"


def _row_note(tables: Tables, quote: str) -> str:
    """The curator's note on the spread rows quoting ``quote`` (a table row says its table)."""
    def compute() -> str:
        spread = tables["spread"]
        if "note" not in spread.columns:
            return ""
        notes = spread.loc[spread["quote"] == quote, "note"].dropna()
        return str(notes.iloc[0]) if len(notes) else ""
    return _memo(tables, ("row_note", quote), compute)


def _ranked_question(tables: Tables, qid: str, kind: str, prompt: str, options: tuple,
                     answer: str, quote: str, src: str, detail: str) -> Question:
    """A question about a ranked table, explained by the table row and what it says."""
    return Question(qid, kind, prompt, options, answer, quote, _short_name(tables, src), src,
                    detail, _table_in(tables, src), _row_note(tables, quote))


def _ranking(tables: Tables, source_id: str, primary: str,
             ranks: list[tuple[int, str, str]]) -> str:
    """A sentence listing a cancer's ranked sites, e.g. ``"... 1st Bone, 2nd Lung."``."""
    site, cancer = _labels(tables, "sites", "site_id"), _labels(tables, "cancers", "cancer_id")
    listed = ", ".join(f"{_ORDINALS.get(r, f'{r}th')} {site[s]}" for r, s, _ in ranks)
    return (f"{_capitalised(_table_in(tables, source_id))} lists, for "
            f"{in_sentence(cancer[primary])}: {listed}.")


# ---------------------------------------------------------------------------------------------
# The kinds of question: (tables, rng, used qids) -> Question, or None when the tables cannot


def top_site(tables: Tables, rng: random.Random, used: Iterable[str] = ()) -> Question | None:
    """Where does a cancer most often spread, according to a ranked table?

    The answer is the site ranked 1st; wrong options are sites that receive spread in
    spread.csv but that no row (ranked or not) links to that cancer.

    Examples
    --------
    >>> spread = pd.DataFrame({
    ...     "primary": ["prostate", "breast", "breast", "breast"],
    ...     "site": ["bone", "liver", "brain", "bone"],
    ...     "rank": pd.array([1, 1, pd.NA, pd.NA], dtype="Int64"),
    ...     "evidence": ["ranked_table", "ranked_table", "statement", "statement"],
    ...     "source_id": ["nci", "nci", "msk", "msk"],
    ...     "quote": ["Prostate — Bones", "Breast — Liver", "b", "l"]})
    >>> tables = {"spread": spread,
    ...     "cancers": pd.DataFrame({"cancer_id": ["prostate", "breast"],
    ...                              "label": ["Prostate cancer", "Breast cancer"]}),
    ...     "sites": pd.DataFrame({"site_id": ["bone", "brain", "liver"],
    ...                            "label": ["Bone", "Brain", "Liver"]}),
    ...     "sources": pd.DataFrame({"source_id": ["nci", "msk"],
    ...                              "short_name": ["NCI fact sheet", "MSK"]})}
    >>> q = top_site(tables, random.Random(0))
    >>> q.prompt
    'Where does prostate cancer most often spread, according to the table in the NCI fact sheet?'

    Brain is never offered: the table uses only bone and liver, so it could not have said.

    >>> q.answer, sorted(q.options), q.explanation
    ('Bone', ['Bone', 'Liver'], 'Prostate — Bones')
    """
    if not _has(tables, "spread", "cancers", "sites"):
        return None
    candidates = _memo(tables, "top_site", lambda: {
        f"top_site:{src}:{primary}": (src, primary, ranks)
        for (src, primary), ranks in _ranked_labelled(tables).items()
        if _unrelated_sites(tables, primary, src)})
    picked = _pick(rng, candidates, used)
    if picked is None:
        return None
    qid, (src, primary, ranks) = picked
    site, cancer = _labels(tables, "sites", "site_id"), _labels(tables, "cancers", "cancer_id")
    answer = site[ranks[0][1]]
    wrong = [site[s] for s in _unrelated_sites(tables, primary, src)]
    prompt = (f"Where does {in_sentence(cancer[primary])} most often spread, "
              f"according to {_table_in(tables, src)}?")
    return _ranked_question(tables, qid, "top_site", prompt, _options(answer, wrong, rng),
                            answer, ranks[0][2], src, _ranking(tables, src, primary, ranks))


def which_cancer_ranks_first(tables: Tables, rng: random.Random,
                             used: Iterable[str] = ()) -> Question | None:
    """Which of these cancers has a given site ranked 1st in a ranked table?

    Wrong options are cancers ranked by the same table whose 1st site is a different one.
    """
    if not _has(tables, "spread", "cancers", "sites"):
        return None
    firsts = {key: ranks[0][1] for key, ranks in _ranked_labelled(tables).items()}
    candidates = {}
    for src, site_id in sorted(set((src, s) for (src, _), s in firsts.items())):
        right = sorted(p for (s, p), first in firsts.items() if s == src and first == site_id)
        wrong = sorted(p for (s, p), first in firsts.items() if s == src and first != site_id)
        if wrong:
            candidates[f"which_cancer_ranks_first:{src}:{site_id}"] = (src, site_id, right, wrong)
    picked = _pick(rng, candidates, used)
    if picked is None:
        return None
    qid, (src, site_id, right, wrong) = picked
    site, cancer = _labels(tables, "sites", "site_id"), _labels(tables, "cancers", "cancer_id")
    primary = rng.choice(right)
    options = _options(cancer[primary], [cancer[p] for p in wrong], rng)
    by_label = {cancer[p]: p for p in wrong}
    others = "; ".join(f"{in_sentence(o)}: {in_sentence(site[firsts[(src, by_label[o])]])}"
                       for o in options if o in by_label)
    detail = (f"{_capitalised(_table_in(tables, src))} ranks the {in_sentence(site[site_id])} 1st "
              f"for {in_sentence(cancer[primary])}. The other options rank another site 1st "
              f"({others}).")
    prompt = (f"According to {_table_in(tables, src)}, which of these cancers spreads to the "
              f"{in_sentence(site[site_id])} more often than anywhere else?")
    ranked = _memo(tables, "ranked", lambda: _ranked(tables["spread"]))
    return _ranked_question(tables, qid, "which_cancer_ranks_first", prompt, options,
                            cancer[primary], ranked[(src, primary)][0][2], src, detail)


def not_in_top_three(tables: Tables, rng: random.Random,
                     used: Iterable[str] = ()) -> Question | None:
    """Which of these is NOT one of a cancer's three ranked sites?

    The wrong options are its three ranked sites; the answer is a site that receives spread in
    spread.csv but that no row links to that cancer.
    """
    if not _has(tables, "spread", "cancers", "sites"):
        return None
    candidates = _memo(tables, "not_in_top_three", lambda: {
        f"not_in_top_three:{src}:{primary}": (src, primary, ranks)
        for (src, primary), ranks in _ranked_labelled(tables).items()
        if [r for r, _, _ in ranks] == [1, 2, 3] and _unrelated_sites(tables, primary, src)})
    picked = _pick(rng, candidates, used)
    if picked is None:
        return None
    qid, (src, primary, ranks) = picked
    site, cancer = _labels(tables, "sites", "site_id"), _labels(tables, "cancers", "cancer_id")
    answer = site[rng.choice(_unrelated_sites(tables, primary, src))]
    prompt = (f"Which of these is NOT one of the three places {in_sentence(cancer[primary])} "
              f"most often spreads to, according to {_table_in(tables, src)}?")
    return _ranked_question(tables, qid, "not_in_top_three", prompt,
                            _options(answer, [site[s] for _, s, _ in ranks], rng), answer,
                            ranks[0][2], src, _ranking(tables, src, primary, ranks))


def _best_quote(tables: Tables, rows: pd.DataFrame) -> dict:
    """The row to quote among ``rows``: the most confident source first, then by id and text."""
    confidence = ({} if "sources" not in tables or "confidence" not in tables["sources"]
                  else _labels(tables, "sources", "source_id", "confidence"))
    records = rows.to_dict("records")
    return min(records, key=lambda r: (CONFIDENCE_ORDER.get(confidence.get(r["source_id"]), 9),
                                       str(r["source_id"]), str(r["quote"])))


_FILLER = frozenset({"in", "the", "of", "and", "a", "an", "or", "to"})


def _words(symptom: str) -> frozenset[str]:
    """The words of a symptom that carry meaning (``weakness in the arms`` -> weakness, arms)."""
    return frozenset(re.findall(r"[a-z]+", symptom.lower())) - _FILLER


def related_symptoms(symptom: str, every: Iterable[str]) -> set[str]:
    """``symptom`` and every symptom in ``every`` whose words contain its words, or the reverse.

    "weakness" and "weakness in the arms and legs" are related: a source that ties weakness
    to the brain and spinal cord makes that place right too for the longer symptom.

    Examples
    --------
    >>> sorted(related_symptoms("weakness in the arms and legs", ["weakness", "pain", "fatigue"]))
    ['weakness', 'weakness in the arms and legs']
    >>> sorted(related_symptoms("back pain", ["pain", "bone pain", "swelling"]))
    ['back pain', 'pain']
    """
    mine = _words(symptom)
    return {symptom} | {other for other in every
                        if mine <= _words(other) or _words(other) <= mine}


def _symptom_candidates(tables: Tables, symptoms: pd.DataFrame) -> dict[str, tuple]:
    """``qid -> (symptom, sites listing it, sites no source ties it or a related one to)``."""
    every = set(symptoms["site"])
    names = sorted(set(symptoms["symptom"]))
    candidates = {}
    for symptom in names:
        listed = set(symptoms.loc[symptoms["symptom"] == symptom, "site"])
        tied = set(symptoms.loc[symptoms["symptom"].isin(related_symptoms(symptom, names)),
                                "site"])
        wrong = every - _close_sites(tables["sites"], tied)
        if wrong:
            candidates[f"symptom_site:{symptom}"] = (symptom, sorted(listed), sorted(wrong))
    return candidates


def symptom_site(tables: Tables, rng: random.Random, used: Iterable[str] = ()) -> Question | None:
    """A symptom can be a sign of cancer that has spread to which site?

    Candidate sites are those in symptoms.csv. Wrong options are sites for which no source
    lists the symptom or a related one (:func:`related_symptoms`), nor a site close to one
    that does; a symptom listed for every candidate site is skipped.
    """
    if not _has(tables, "symptoms", "sites"):
        return None
    site = _labels(tables, "sites", "site_id")
    symptoms = _memo(tables, "symptoms_labelled",
                     lambda: tables["symptoms"][tables["symptoms"]["site"].isin(list(site))])
    candidates = _memo(tables, "symptom_site", lambda: _symptom_candidates(tables, symptoms))
    picked = _pick(rng, candidates, used)
    if picked is None:
        return None
    qid, (symptom, listed, wrong) = picked
    answer = rng.choice(listed)
    row = _memo(tables, ("symptom_quote", symptom, answer), lambda: _best_quote(
        tables, symptoms[(symptoms["symptom"] == symptom) & (symptoms["site"] == answer)]))
    detail = (f"The sources list {symptom} for cancer that has spread to: "
              f"{', '.join(site[s] for s in listed)}. None lists it for "
              f"{', '.join(site[s] for s in wrong)}.")
    return Question(qid, "symptom_site",
                    f"{_capitalised(symptom)} can be a sign of cancer that has spread to which "
                    "part of the body?", _options(site[answer], [site[s] for s in wrong], rng),
                    site[answer], str(row["quote"]), _short_name(tables, str(row["source_id"])),
                    str(row["source_id"]), detail, "the symptoms each source ties to each site")


def _percent(value: float) -> str:
    """A quoted rate as an option label.

    Examples
    --------
    >>> _percent(9.0)
    '9%'
    """
    return f"{value:.0f}%"


def _survival_candidates(tables: Tables, cancer: dict[str, str]) -> dict[str, tuple]:
    """``qid -> (survival row, the other quoted rates of the same measure)``."""
    rows = tables["survival"].dropna(subset=["value_pct"])
    rows = rows[rows["cancer"].isin(list(cancer))].sort_values(["cancer", "population"])
    candidates = {}
    for index, row in zip(rows.index, rows.to_dict("records"), strict=True):
        same = rows[(rows["measure"] == row["measure"]) & (rows.index != index)]
        answer = _percent(float(row["value_pct"]))
        wrong = {_percent(float(v)) for v in same["value_pct"]} - {answer}
        if wrong:
            candidates[f"survival:{row['cancer']}:{row['population']}"] = (row, sorted(wrong))
    return candidates


def survival(tables: Tables, rng: random.Random, used: Iterable[str] = ()) -> Question | None:
    """What survival rate does a source quote for a cancer and population?

    Wrong options are only the other rates of the same measure in survival.csv (no number is
    made up), so a table of three rates gives questions of three options.
    """
    if not _has(tables, "survival", "cancers"):
        return None
    cancer = _labels(tables, "cancers", "cancer_id")
    picked = _pick(rng, _memo(tables, "survival", lambda: _survival_candidates(tables, cancer)),
                   used)
    if picked is None:
        return None
    qid, (row, wrong) = picked
    short, answer = _short_name(tables, str(row["source_id"])), _percent(float(row["value_pct"]))
    stage = f"{row['stage']} " if isinstance(row.get("stage"), str) else ""
    group = f"{stage}{in_sentence(cancer[row['cancer']])} ({row['population']})"
    return Question(qid, "survival", f"What {row['measure']} does the {short} quote for {group}?",
                    _options(answer, wrong, rng), answer, str(row["quote"]), short,
                    str(row["source_id"]), f"The {short} quotes {answer} for {group}.",
                    "the quoted survival rates")


def cascade_order(tables: Tables, rng: random.Random,
                  used: Iterable[str] = ()) -> Question | None:
    """Which step of the spreading process comes right after a given one?

    Wrong options are the other step names in cascade.csv (never the step asked about).
    """
    if not _has(tables, "cascade"):
        return None
    steps = _memo(tables, "cascade", lambda: tables["cascade"].dropna(subset=["step"])
                  .sort_values("step").to_dict("records"))
    names = {str(step["name"]) for step in steps}
    candidates = {f"cascade_order:{int(asked['step'])}": (asked, after)
                  for asked, after in zip(steps, steps[1:], strict=False)
                  if names - {asked["name"], after["name"]}}
    picked = _pick(rng, candidates, used)
    if picked is None:
        return None
    qid, (asked, after) = picked
    short = _short_name(tables, str(after["source_id"]))
    prompt = (f"Which step comes right after {in_sentence(str(asked['name']))} when cancer "
              f"spreads, according to the {short}?")
    detail = (f"The {short} lists step {int(asked['step'])} as \"{asked['name']}\" and step "
              f"{int(after['step'])} as \"{after['name']}\".")
    return Question(qid, "cascade_order", prompt,
                    _options(str(after["name"]), names - {asked["name"]}, rng),
                    str(after["name"]), str(after["quote"]), short, str(after["source_id"]),
                    detail, f"the steps of spread in the {short}")


KINDS: dict[str, Callable[..., Question | None]] = {
    "top_site": top_site,
    "which_cancer_ranks_first": which_cancer_ranks_first,
    "not_in_top_three": not_in_top_three,
    "symptom_site": symptom_site,
    "survival": survival,
    "cascade_order": cascade_order,
}
"""Every kind of question, in the order a quiz cycles through them."""


# ---------------------------------------------------------------------------------------------
# A quiz and its score


def make_quiz(tables: Tables, seed: int, n: int = 8) -> list[Question]:
    """``n`` distinct questions, the same for the same tables and seed.

    Kinds take turns (a kind that has run out is skipped), so a quiz mixes kinds.

    Raises
    ------
    ValueError
        If ``n`` is below 1, or the tables cannot supply ``n`` distinct questions.
    """
    if n < 1:
        raise ValueError(f"a quiz needs at least one question; n={n} was asked for")
    tables = prepare(tables)
    rng, questions = random.Random(seed), []
    active = list(KINDS.values())
    while len(questions) < n and active:
        for kind in list(active):
            question = kind(tables, rng, {q.qid for q in questions})
            if question is None:
                active.remove(kind)
            else:
                questions.append(question)
            if len(questions) == n:
                break
    if len(questions) < n:
        raise ValueError(f"the tables can supply only {len(questions)} distinct questions; "
                         f"n={n} were asked for")
    return questions


def score(questions: Iterable[Question], answers: Mapping[str, str | None]) -> tuple[int, int]:
    """``(correct, answered)`` for answers given as ``{qid: chosen option}``.

    Answers to qids not in ``questions`` are ignored; an answer of ``None`` counts as not
    answered (an untouched radio button).

    Examples
    --------
    >>> q = Question("q1", "survival", "?", ("9%", "30%"), "9%", "quote", "S", "s")
    >>> score([q], {"q1": "9%", "elsewhere": "x"}), score([q], {"q1": "30%"}), score([q], {})
    ((1, 1), (0, 1), (0, 0))
    """
    given = [(q, answers[q.qid]) for q in questions if answers.get(q.qid) is not None]
    return sum(choice == q.answer for q, choice in given), len(given)
