"""Questions on the other tables: which site a symptom points to, the quoted survival rates,
the order of the steps of spread.

A symptom is asked about only when it points to one site: never a general sign of spread
(a source lists it for no site, ``site == "general"``, or its words hold such a sign's), nor
one that medicine ties to several sites (``data/curation/quiz.yaml``). Its wrong options are
sites that no source ties to it or to a related symptom ("weakness" and "weakness in the arms
and legs"), nor the same place under another name. An answer that only the low-confidence
source gives says so in the question.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable

import pandas as pd
import yaml

from classroom.base import (
    Question,
    Tables,
    capitalised,
    confidence_of,
    draw_options,
    has_tables,
    in_sentence,
    memo,
    pick,
    short_name,
    table_labels,
)
from classroom.ranked_questions import close_sites
from data.load import CURATION_DIR
from data.query import CONFIDENCE_ORDER
from data.vocabulary import GENERAL


def _not_one_site() -> dict[str, str]:
    """The symptoms medicine ties to more than one site, and why (``quiz.yaml``)."""
    with open(CURATION_DIR / "quiz.yaml", encoding="utf-8") as handle:
        return dict(yaml.safe_load(handle)["not_one_site"])


NOT_ONE_SITE = _not_one_site()
"""Symptoms the quiz never asks "which part of the body?" about, beyond the general signs."""


def _best_quote(tables: Tables, rows: pd.DataFrame) -> dict:
    """The row to quote among ``rows``: the most confident source first, then by id and text."""
    confidence = ({} if "sources" not in tables or "confidence" not in tables["sources"]
                  else table_labels(tables, "sources", "source_id", "confidence"))
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


def askable(symptom: str, general: Iterable[str]) -> bool:
    """True when a symptom points to one site: not a general sign of spread (nor related to
    one, :func:`related_symptoms`) and not one medicine ties to several sites.

    >>> askable("jaundice", ["pain", "fatigue"]), askable("back pain", ["pain"])
    (True, False)
    >>> askable("pain", ["pain"])
    False
    >>> askable("confusion", [])
    False
    """
    mine = _words(symptom)
    return symptom not in NOT_ONE_SITE and not any(
        mine <= _words(sign) or _words(sign) <= mine for sign in general)


def _trusted(tables: Tables, rows: pd.DataFrame) -> set[str]:
    """The sites in ``rows`` that a source above low confidence ties the symptom to."""
    return {r["site"] for r in rows.to_dict("records")
            if confidence_of(tables, str(r["source_id"])) not in ("low", "")}


def _symptom_candidates(tables: Tables, symptoms: pd.DataFrame,
                        general: list[str]) -> dict[str, tuple]:
    """``qid -> (symptom, sites to answer with, sites no source ties it or a related one
    to)``, for the symptoms that point to one site (:func:`askable`). The sites to answer with
    are those a trusted source gives, when there is one."""
    every = set(symptoms["site"])
    names = sorted(set(symptoms["symptom"]) | set(general))
    candidates = {}
    for symptom in sorted(set(symptoms["symptom"])):
        if not askable(symptom, general):
            continue
        rows = symptoms[symptoms["symptom"] == symptom]
        listed = _trusted(tables, rows) or set(rows["site"])
        tied = set(symptoms.loc[symptoms["symptom"].isin(related_symptoms(symptom, names)),
                                "site"])
        wrong = every - close_sites(tables["sites"], tied)
        if wrong:
            candidates[f"symptom_site:{symptom}"] = (symptom, sorted(listed), sorted(wrong))
    return candidates


def symptom_site(tables: Tables, rng: random.Random, used: Iterable[str] = ()) -> Question | None:
    """In a person whose cancer has spread, which site does a symptom most likely point to?

    Candidate sites are those in symptoms.csv. Wrong options are sites for which no source
    lists the symptom or a related one (:func:`related_symptoms`), nor a site close to one
    that does; a symptom listed for every candidate site is skipped.
    """
    if not has_tables(tables, "symptoms", "sites"):
        return None
    site = table_labels(tables, "sites", "site_id")
    symptoms = memo(tables, "symptoms_labelled",
                     lambda: tables["symptoms"][tables["symptoms"]["site"].isin(list(site))])
    general = memo(tables, "symptoms_general", lambda: sorted(set(
        tables["symptoms"].loc[tables["symptoms"]["site"] == GENERAL, "symptom"])))
    candidates = memo(tables, "symptom_site",
                      lambda: _symptom_candidates(tables, symptoms, general))
    picked = pick(rng, candidates, used)
    if picked is None:
        return None
    qid, (symptom, listed, wrong) = picked
    answer = rng.choice(listed)
    row = memo(tables, ("symptom_quote", symptom, answer), lambda: _best_quote(
        tables, symptoms[(symptoms["symptom"] == symptom) & (symptoms["site"] == answer)]))
    source_id = str(row["source_id"])
    short, confidence = short_name(tables, source_id), confidence_of(tables, source_id)
    detail = (f"The sources list {symptom} for cancer that has spread to: "
              f"{', '.join(site[s] for s in listed)}. None lists it for "
              f"{', '.join(site[s] for s in wrong)}.")
    prompt = (f"{capitalised(symptom)} in a person whose cancer has spread: which part of the "
              "body has the cancer most likely reached?")
    caveat = ""
    if confidence == "low":  # only then is the answer the low-confidence source's alone
        caveat = (f"Only the {in_sentence(short)}, a source of low confidence (no publisher, no "
                  f"date), ties {symptom} to a part of the body.")
        prompt += f" ({caveat.replace(' (no publisher, no date)', '')})"
    return Question(qid, "symptom_site", prompt,
                    draw_options(site[answer], [site[s] for s in wrong], rng), site[answer],
                    str(row["quote"]), short, source_id, detail,
                    "the symptoms each source ties to each site", confidence=confidence,
                    caveat=caveat)


SURVIVAL_CAVEAT = ("The source does not say which years, which country or how many people "
                   "the rate comes from, so it cannot be set beside other rates or "
                   "used for one person.")
"""What a quoted survival rate cannot tell (this app's words; no source gives these)."""


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
    if not has_tables(tables, "survival", "cancers"):
        return None
    cancer = table_labels(tables, "cancers", "cancer_id")
    picked = pick(rng, memo(tables, "survival", lambda: _survival_candidates(tables, cancer)),
                   used)
    if picked is None:
        return None
    qid, (row, wrong) = picked
    short, answer = short_name(tables, str(row["source_id"])), _percent(float(row["value_pct"]))
    stage = f"{row['stage']} " if isinstance(row.get("stage"), str) else ""
    group = f"{stage}{in_sentence(cancer[row['cancer']])} ({row['population']})"
    return Question(qid, "survival",
                    f"What {row['measure']} does the {short} quote for {group}? (It does not "
                    "say which years or which country the rate comes from.)",
                    draw_options(answer, wrong, rng), answer, str(row["quote"]), short,
                    str(row["source_id"]), f"The {short} quotes {answer} for {group}.",
                    "the quoted survival rates",
                    confidence=confidence_of(tables, str(row["source_id"])),
                    caveat=SURVIVAL_CAVEAT)


def cascade_order(tables: Tables, rng: random.Random,
                  used: Iterable[str] = ()) -> Question | None:
    """Which step of the spreading process comes right after a given one?

    Wrong options are the other step names in cascade.csv (never the step asked about).
    """
    if not has_tables(tables, "cascade"):
        return None
    steps = memo(tables, "cascade", lambda: tables["cascade"].dropna(subset=["step"])
                  .sort_values("step").to_dict("records"))
    names = {str(step["name"]) for step in steps}
    candidates = {f"cascade_order:{int(asked['step'])}": (asked, after)
                  for asked, after in zip(steps, steps[1:], strict=False)
                  if names - {asked["name"], after["name"]}}
    picked = pick(rng, candidates, used)
    if picked is None:
        return None
    qid, (asked, after) = picked
    short = short_name(tables, str(after["source_id"]))
    prompt = (f"Which step comes right after {in_sentence(str(asked['name']))} when cancer "
              f"spreads, according to the {short}?")
    detail = (f"The {short} lists step {int(asked['step'])} as \"{asked['name']}\" and step "
              f"{int(after['step'])} as \"{after['name']}\".")
    return Question(qid, "cascade_order", prompt,
                    draw_options(str(after["name"]), names - {asked["name"]}, rng),
                    str(after["name"]), str(after["quote"]), short, str(after["source_id"]),
                    detail, f"the steps of spread in the {short}",
                    confidence=confidence_of(tables, str(after["source_id"])))
