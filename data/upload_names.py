"""What the columns of an upload mean (shapes and roles guessed from the header) and the
names in it, folded and matched to the dashboard's vocabularies. No Streamlit here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

import pandas as pd

SHAPES = ("ranked", "aggregated", "patients")
SHAPE_LABELS = {
    "ranked": "Ranked (primary, site, rank)",
    "aggregated": "Counts (primary, site, count, optional total)",
    "patients": "One row per patient and site (patient, primary, site)",
}
ROLES = {
    "ranked": ("primary", "site", "rank"),
    "aggregated": ("primary", "site", "count", "total"),
    "patients": ("patient", "primary", "site"),
}
REQUIRED_ROLES = {
    "ranked": ("primary", "site", "rank"),
    "aggregated": ("primary", "site", "count"),
    "patients": ("patient", "primary", "site"),
}

# Column names people use for each role, compared after _header_key. "patients" is a count
# (how many patients), never the patient id, so it only appears under "count".
SYNONYMS = {
    "patient": ("patient", "patient id", "id", "case id", "subject", "subject id", "person"),
    "primary": ("primary", "primary cancer", "primary site", "primary tumour", "primary tumor",
                "cancer", "cancer type", "tumour", "tumor"),
    "site": ("site", "metastasis", "metastasis site", "metastatic site", "met site",
             "destination", "spread to", "organ"),
    "rank": ("rank", "ranking", "order"),
    "count": ("count", "n", "number", "patients", "cases", "frequency", "freq"),
    "total": ("total", "denominator", "total patients", "n total", "total n",
              "patients with primary"),
}

_TRAILING_WORDS = {"cancer", "cancers", "carcinoma", "carcinomas", "tumour", "tumours", "tumor",
                   "tumors", "metastasis", "metastases"}


# ---------------------------------------------------------------------------------------------
# Guessing what the columns mean


def _header_key(name: str) -> str:
    """A column name folded for synonym matching (not :func:`name_key`, which would turn
    "patients" into "patient" and "primary cancer" into "primary").

    >>> _header_key(" Metastasis_Site "), _header_key("Patient-ID"), _header_key("n (total)")
    ('metastasis site', 'patient id', 'n total')
    """
    return " ".join(re.sub(r"[^0-9a-z]+", " ", str(name).casefold()).split())


def guess_shape(columns: Sequence[str]) -> tuple[str | None, dict[str, str]]:
    """The shape a header suggests and role -> column name for every role recognised.

    The mapping holds every recognised role, also ones the shape does not use (tidy ignores
    them); the shape is None when no shape's required roles are all present.

    >>> guess_shape(["Patient ID", "Primary cancer", "Spread to"])
    ('patients', {'patient': 'Patient ID', 'primary': 'Primary cancer', 'site': 'Spread to'})
    >>> guess_shape(["cancer", "organ", "patients", "total patients"])[0]
    'aggregated'
    >>> guess_shape(["primary", "site", "rank"])[0], guess_shape(["a", "b"])
    ('ranked', (None, {}))
    """
    keys = [_header_key(column) for column in columns]
    mapping: dict[str, str] = {}
    taken: set[int] = set()
    for role, synonyms in SYNONYMS.items():
        # The earlier synonym wins ("primary" over "cancer"), then the earlier column.
        for synonym in synonyms:
            position = next((i for i, key in enumerate(keys)
                             if key == synonym and i not in taken), None)
            if position is not None:
                mapping[role] = columns[position]
                taken.add(position)
                break
    for shape in ("patients", "aggregated", "ranked"):
        if all(role in mapping for role in REQUIRED_ROLES[shape]):
            return shape, mapping
    return None, mapping


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


def match_names(values: Iterable[str],
                vocab: Mapping[str, Iterable[str]]) -> dict[str, str | None]:
    """Each value -> the one id whose names share its :func:`name_key`; None when no id does,
    or when two ids do (ambiguous: the person chooses).

    >>> vocab = {"lung": ["lung", "Lung"], "bone": ["bone", "bones"]}
    >>> match_names(["Lungs", "BONE", "Spleen"], vocab)
    {'Lungs': 'lung', 'BONE': 'bone', 'Spleen': None}
    """
    ids_by_key: dict[str, set[str]] = {}
    for ident, names in vocab.items():
        for name in names:
            ids_by_key.setdefault(name_key(name), set()).add(ident)
    matches: dict[str, str | None] = {}
    for value in values:
        ids = ids_by_key.get(name_key(value), set())
        matches[value] = next(iter(ids)) if len(ids) == 1 else None
    return matches

