"""The names in an upload, folded and matched to the dashboard's vocabularies: the same name
(ignoring case, plurals, "cancer"), a curated other name or a finer name grouped into a
broader one (``data/curation/synonyms.yaml``), or a suggestion for a near spelling ("did you
mean …?"). A name with no match is kept as a new name, never dropped. No Streamlit here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import yaml
from rapidfuzz import fuzz, process

SYNONYMS_FILE = Path(__file__).resolve().parent.parent / "data" / "curation" / "synonyms.yaml"
SUGGEST_SCORE = 80  # a near spelling at least this similar (0-100) is suggested

_TRAILING_WORDS = {"cancer", "cancers", "carcinoma", "carcinomas", "tumour", "tumours", "tumor",
                   "tumors", "metastasis", "metastases"}


# ---------------------------------------------------------------------------------------------
# Names


def name_key(text: str) -> str:
    """A name folded for matching: case, punctuation, "cancer" and a plural do not matter.

    >>> [name_key(t) for t in ["Breast cancer", "  LUNGS ", "Lymph_nodes", "The bones"]]
    ['breast', 'lung', 'lymph node', 'bone']
    >>> [name_key(t) for t in ["skin/muscle", "Head & neck", "pancreas", "Peritoneum"]]
    ['skin muscle', 'head and neck', 'pancreas', 'peritoneum']
    >>> [name_key(t) for t in ["Cancer", "metastasis", "Ovaries", "glass", "the"]]
    ['cancer', 'metastasis', 'ovary', 'glass', 'the']
    """
    folded = str(text).casefold().replace("&", " and ")
    words = re.sub(r"[-_/]", " ", folded).split()
    # Only drop a word when another is left: "Cancer" alone stays a name.
    if len(words) > 1 and words[-1] in _TRAILING_WORDS:
        words = words[:-1]
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    if words:
        last = words[-1]
        if len(last) > 4 and last.endswith("ies"):
            words[-1] = last[:-3] + "y"  # "ovaries" -> "ovary"
        elif len(last) > 3 and last.endswith("s") and not last.endswith(("ss", "us", "is", "as")):
            words[-1] = last[:-1]  # "lungs" -> "lung"; "pancreas", "metastasis" stay
    return " ".join(words) or folded.strip()


def vocabulary(table: pd.DataFrame, key: str, label: str = "label",
               aliases: str | None = None) -> dict[str, list[str]]:
    """Id -> the names it goes by: the id (underscores as spaces), its label and its aliases.

    >>> sites = pd.DataFrame({"site_id": ["lymph_nodes"], "label": ["Lymph nodes"],
    ...                       "aliases": ["lymph nodes|nearby lymph nodes"]})
    >>> vocabulary(sites, "site_id", aliases="aliases")
    {'lymph_nodes': ['lymph nodes', 'Lymph nodes', 'nearby lymph nodes']}
    """
    vocab: dict[str, list[str]] = {}
    for _, row in table.iterrows():
        ident = str(row[key])
        names = [ident.replace("_", " ")]
        if label in table.columns and not pd.isna(row[label]):
            names.append(str(row[label]))
        if aliases is not None and not pd.isna(row[aliases]):
            names.extend(str(row[aliases]).split("|"))
        names = [name.strip() for name in names if name.strip()]
        vocab[ident] = list(dict.fromkeys(vocab.get(ident, []) + names))
    return vocab


# ---------------------------------------------------------------------------------------------
# Other names, groupings and near spellings


@dataclass(frozen=True)
class Match:
    """What one name in the file was matched to, and how: ``same`` (the dashboard's own
    name), ``synonym`` (another name for it), ``group`` (a finer name grouped into it, with
    ``why``), ``suggested`` (a near spelling: the person confirms it) or ``new`` (no match)."""

    id: str | None
    how: str
    why: str = ""

    @property
    def automatic(self) -> bool:
        """True when the name was matched without asking (same, synonym or group)."""
        return self.how in ("same", "synonym", "group")


def load_synonyms(path: Path = SYNONYMS_FILE) -> dict[str, dict[str, dict]]:
    """``{"cancers": {id: {"same": [...], "within": [...], "why": ...}}, "sites": ...}``."""
    with open(path, encoding="utf-8") as handle:
        data = yaml.safe_load(handle) or {}
    return {kind: {str(k): v or {} for k, v in (data.get(kind) or {}).items()}
            for kind in ("cancers", "sites")}


def _keyed(vocab: Mapping[str, Iterable[str]]) -> dict[str, set[str]]:
    ids_by_key: dict[str, set[str]] = {}
    for ident, names in vocab.items():
        for name in names:
            ids_by_key.setdefault(name_key(name), set()).add(ident)
    return ids_by_key


def match_all(values: Iterable[str], vocab: Mapping[str, Iterable[str]],
              synonyms: Mapping[str, Mapping] | None = None) -> dict[str, Match]:
    """Each value -> its :class:`Match`: the vocabulary's own names first, then the curated
    other names and groupings, then the nearest spelling (suggested, for the person to
    confirm), else new. A name two ids share is never matched automatically.

    >>> vocab = {"lung": ["lung"], "lymph_nodes": ["lymph nodes"], "liver": ["liver"]}
    >>> syn = {"lymph_nodes": {"same": ["LN"], "within": ["distant LN"], "why": "nodes"}}
    >>> found = match_all(["Lungs", "LN", "Distant LN", "Livr", "Spleen"], vocab, syn)
    >>> [(v, m.id, m.how) for v, m in found.items()]  # doctest: +NORMALIZE_WHITESPACE
    [('Lungs', 'lung', 'same'), ('LN', 'lymph_nodes', 'synonym'),
     ('Distant LN', 'lymph_nodes', 'group'), ('Livr', 'liver', 'suggested'),
     ('Spleen', None, 'new')]
    """
    own = _keyed(vocab)
    other: dict[str, set[tuple[str, str, str]]] = {}
    for ident, entry in (synonyms or {}).items():
        for how, names in (("synonym", entry.get("same", ())), ("group", entry.get("within", ()))):
            for name in names:
                other.setdefault(name_key(name), set()).add(
                    (ident, how, entry.get("why", "") if how == "group" else ""))
    single = {key: next(iter(ids)) for key, ids in own.items() if len(ids) == 1}
    single |= {key: next(iter(found))[0] for key, found in other.items()
               if len({i for i, _, _ in found}) == 1 and key not in own}
    matches: dict[str, Match] = {}
    for value in values:
        key = name_key(value)
        if key in own:
            ids = own[key]
            matches[value] = Match(next(iter(ids)), "same") if len(ids) == 1 else Match(
                None, "new")
        elif key in other and len({i for i, _, _ in other[key]}) == 1:
            ident, how, why = sorted(other[key])[0]
            matches[value] = Match(ident, how, why)
        else:
            matches[value] = _suggest(key, single)
    return matches


def automatic_ids(found: Mapping[str, Match]) -> dict[str, str | None]:
    """Name -> id for the names :func:`match_all` matched without asking; None for the rest
    (what the upload page starts from, before the person confirms or changes a name).

    >>> automatic_ids({"Lungs": Match("lung", "same"), "Livr": Match("liver", "suggested")})
    {'Lungs': 'lung', 'Livr': None}
    """
    return {name: match.id if match.automatic else None for name, match in found.items()}


def _suggest(key: str, single: Mapping[str, str]) -> Match:
    """The id of the most similar known name, if similar enough, as a suggestion.

    >>> _suggest("brest", {"breast": "breast", "bone": "bone"}), _suggest("xyz", {"a": "a"})
    (Match(id='breast', how='suggested', why=''), Match(id=None, how='new', why=''))
    """
    if len(key) < 3 or not single:
        return Match(None, "new")
    best = process.extractOne(key, list(single), scorer=fuzz.ratio, score_cutoff=SUGGEST_SCORE)
    return Match(single[best[0]], "suggested") if best else Match(None, "new")
