"""What the columns of an upload mean: the three shapes of table, their roles, and the roles
guessed from a header (case, spacing, underscores and common synonyms do not matter). No
Streamlit here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

SHAPES = ("ranked", "aggregated", "patients")
SHAPE_LABELS = {
    "ranked": "Ranked (primary, site, rank)",
    "aggregated": "Counts (primary, site, count, optional total)",
    "patients": "One row per patient or sample (patient, primary, site)",
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

# Column names people use for each role, compared after header_key; the earlier synonym wins.
# "patients" and "n" are counts (how many patients), never the patient id.
SYNONYMS = {
    "patient": ("patient", "patient id", "patientid", "id", "case id", "subject", "subject id",
                "person", "dmp id", "participant id", "record id", "mrn", "patient number"),
    "primary": ("primary", "primary cancer", "cancer type", "primary site", "primary tumour",
                "primary tumor", "primary tumour site", "primary tumor site", "cancer",
                "tumour type", "tumor type", "tumour", "tumor", "diagnosis", "oncotree code"),
    "site": ("site", "metastasis", "metastatic site", "metastasis site", "met site",
             "site of metastasis", "metastatic location", "metastasis location", "destination",
             "spread to", "spreads to", "spread site", "organ", "met organ", "distant site"),
    "rank": ("rank", "ranking", "order"),
    "count": ("count", "n", "number", "patients", "cases", "frequency", "freq", "n patients",
              "number of patients"),
    "total": ("total", "denominator", "total patients", "n total", "total n",
              "patients with primary"),
}
_METASTASIS = {"metastatic", "metastasis", "metastases", "met", "mets", "distant"}
_PLACE = {"site", "sites", "location", "organ"}


def header_key(name: str) -> str:
    """A column name folded for synonym matching (not :func:`upload.names.name_key`, which
    would turn "patients" into "patient" and "primary cancer" into "primary").

    >>> header_key(" Metastasis_Site "), header_key("Patient-ID"), header_key("n (total)")
    ('metastasis site', 'patient id', 'n total')
    >>> header_key("METASTATIC_SITE"), header_key("CancerType")
    ('metastatic site', 'cancer type')
    """
    spaced = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", str(name))  # "CancerType" -> "Cancer Type"
    return " ".join(re.sub(r"[^0-9a-z]+", " ", spaced.casefold()).split())


def _by_words(role: str, key: str) -> bool:
    """A second look, by the words in a heading, for roles no synonym named exactly.

    >>> _by_words("site", "metastatic site detailed"), _by_words("patient", "patient id dmp")
    (True, True)
    >>> _by_words("primary", "primary site"), _by_words("patient", "patients")
    (True, False)
    """
    words = set(key.split())
    if role == "patient":
        return bool(words & {"patient", "subject", "participant"}) and bool(
            words & {"id", "identifier", "code", "key"})
    if role == "site":
        return bool(words & _METASTASIS) and bool(words & _PLACE)
    if role == "primary":
        return ("cancer" in words and "type" in words) or (
            "primary" in words and bool(words & (_PLACE | {"tumour", "tumor", "cancer"})))
    return False


def guess_shape(columns: Sequence[str]) -> tuple[str | None, dict[str, str]]:
    """The shape a header suggests and role -> column name for every role recognised.

    The mapping holds every recognised role, also ones the shape does not use (tidy ignores
    them); the shape is None when no shape's required roles are all present.

    >>> guess_shape(["Patient ID", "Primary cancer", "Spread to"])
    ('patients', {'patient': 'Patient ID', 'primary': 'Primary cancer', 'site': 'Spread to'})
    >>> guess_shape(["cancer", "organ", "patients", "total patients"])[0]
    'aggregated'
    >>> guess_shape(["SAMPLE_ID", "DMP_ID", "CANCER_TYPE", "METASTATIC_SITE"])[0]
    'patients'
    >>> guess_shape(["primary", "site", "rank"])[0], guess_shape(["a", "b"])
    ('ranked', (None, {}))
    """
    keys = [header_key(column) for column in columns]
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
    for role in ("patient", "primary", "site"):
        if role not in mapping:
            position = next((i for i, key in enumerate(keys)
                             if i not in taken and _by_words(role, key)), None)
            if position is not None:
                mapping[role] = columns[position]
                taken.add(position)
    for shape in ("patients", "aggregated", "ranked"):
        if all(role in mapping for role in REQUIRED_ROLES[shape]):
            return shape, mapping
    return None, mapping


def missing_roles(shape: str, chosen: dict[str, str]) -> list[str]:
    """The required roles of ``shape`` that have no column yet.

    >>> missing_roles("aggregated", {"primary": "a", "site": "b"})
    ['count']
    """
    return [role for role in REQUIRED_ROLES[shape] if not chosen.get(role)]
