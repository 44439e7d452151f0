"""One row per patient (or per tumour sample) and site, counted: distinct patients per
(primary, site), and per primary all the patients in the file. No Streamlit here.

Real exports are sample-level, so three kinds of row are handled, and each is said plainly:

- the same patient, primary and site again (two samples from one site): counted once;
- a blank site (a sample of the primary tumour): a patient with no spread recorded in this
  file, who still counts in n, the number of patients with that primary;
- a blank patient id or primary: left out, naming the rows, since it cannot be counted.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from upload.cells import Tidied, finish, id_codes, name_codes, row_numbers, text
from upload.problems import UploadError, _rows_phrase


def patient_rows(frame: pd.DataFrame, mapping: Mapping[str, str]) -> pd.DataFrame:
    """Each (patient, primary, site) of a patient file once, as :func:`tidy_patients` keeps
    them (a blank site is missing: a patient in n with no spread recorded).

    >>> from upload.read import read_table
    >>> frame = read_table(b"id,primary,site\\n7,Breast,Lung\\n7,breast,lungs\\n8,Breast,\\n",
    ...                    "x.csv")
    >>> patient_rows(frame, {"patient": "id", "primary": "primary", "site": "site"}
    ...              ).values.tolist()
    [[0, 'Breast', 'Lung'], [1, 'Breast', nan]]
    """
    return tidy_patients(frame, mapping).patients


def _plural(n: int, word: str) -> str:
    """``1 row``, ``2 rows``, ``1,000 patients``.

    >>> _plural(1, "row"), _plural(1200, "patient")
    ('1 row', '1,200 patients')
    """
    return f"{n:,} {word}{'s' * (n != 1)}"


def tidy_patients(frame: pd.DataFrame, chosen: Mapping[str, str]) -> Tidied:
    """Distinct patients per (primary, site) and per primary, with the patients' rows (for
    counting again when names merge) and a note per kind of row handled.

    >>> from upload.read import read_table
    >>> frame = read_table(b"id,cancer,site\\n1,Lung,Bone\\n1,Lung,Bone\\n2,Lung,\\n,Lung,Liver\\n",
    ...                    "x.csv")
    >>> done = tidy_patients(frame, {"patient": "id", "primary": "cancer", "site": "site"})
    >>> done.pairs.values.tolist()
    [['Lung', 'Bone', 1, 2, 0.5]]
    >>> [note.split(":")[0][:24] for note in done.notes]
    ['1 row repeats a patient,', '1 row has no site', 'Row 5 has no patient id ']
    """
    rows = row_numbers(frame)
    texts = {role: text(frame[chosen[role]]) for role in ("patient", "primary", "site")}
    skipped = ((texts["patient"] == "") | (texts["primary"] == "")).to_numpy(dtype=bool)
    if skipped.all():
        raise UploadError(f"Every row has a blank {chosen['patient']!r} or {chosen['primary']!r}"
                          ", so no patient can be counted. Check that the right columns are "
                          "chosen above.")
    primary = name_codes(texts["primary"], chosen["primary"])
    site = name_codes(texts["site"], chosen["site"])
    no_site = (texts["site"] == "").to_numpy(dtype=bool) & ~skipped
    kept = ~skipped
    # Whole-number codes instead of a three-column groupby: each (patient, primary) pair,
    # then each (patient, primary, site) triple, becomes one int64, so the counts are plain
    # NumPy work over a million rows.
    n_primaries, n_sites = len(primary), len(site)
    patient_codes = id_codes(texts["patient"])
    people = patient_codes.astype(np.int64) * n_primaries + primary.codes
    person, person_primary = pd.factorize(people[kept])
    total = np.bincount(person_primary % n_primaries, minlength=n_primaries)
    spread = kept & ~no_site
    triples = people[spread] * n_sites + site.codes[spread]
    first = ~pd.Series(triples).duplicated().to_numpy()
    pairs_of = primary.codes[spread][first].astype(np.int64) * n_sites + site.codes[spread][first]
    pairs, pair_count = np.unique(pairs_of, return_counts=True)
    out = pd.DataFrame({"primary": pairs // n_sites, "site": pairs % n_sites,
                        "count": pd.array(pair_count, dtype="Int64"),
                        "total": pd.array(total[pairs // n_sites], dtype="Int64")})
    if out.empty:
        raise UploadError(f"No row names a site in {chosen['site']!r}, so there is no spread "
                          "to draw. Check that the right column is chosen for the site.")
    notes = _notes(rows, spread, first, no_site, skipped, chosen, person, people, kept)
    patients = _patient_rows(patient_codes, primary, site, kept, no_site)
    return Tidied(finish(out, primary, site, by="site"), patients, notes)


def _notes(rows: np.ndarray, spread: np.ndarray, first: np.ndarray, no_site: np.ndarray,
           skipped: np.ndarray, chosen: Mapping[str, str], person: np.ndarray,
           people: np.ndarray, kept: np.ndarray) -> tuple[str, ...]:
    """One sentence per kind of row handled (repeats, no site, left out)."""
    notes = []
    repeated = np.zeros(len(rows), dtype=bool)
    repeated[np.flatnonzero(spread)[~first]] = True
    if repeated.any():
        n = int(repeated.sum())
        notes.append(f"{_plural(n, 'row')} {'repeat' if n > 1 else 'repeats'} a patient, "
                     "cancer and site already given on an earlier row (for example two samples "
                     f"from the same place: {_rows_phrase(rows[repeated].tolist()).lower()}). "
                     "Each patient is counted once per site.")
    if no_site.any():
        with_spread = np.zeros(person.max() + 1 if len(person) else 0, dtype=bool)
        with_spread[person[(~no_site)[kept]]] = True
        quiet = int((~with_spread).sum())
        n = int(no_site.sum())
        notes.append(f"{_plural(n, 'row')} {'have' if n > 1 else 'has'} no site: these count as "
                     "patients with no spread recorded in this file (in a sample-level export, "
                     "usually samples of the primary tumour). They are part of n, the number "
                     f"of patients with that cancer. {_plural(quiet, 'patient')} "
                     f"{'have' if quiet != 1 else 'has'} no spread recorded at all.")
    if skipped.any():
        n = int(skipped.sum())
        where = _rows_phrase(rows[skipped].tolist())
        notes.append(f"{where} {'have' if n > 1 else 'has'} no patient id or no primary "
                     f"cancer, so {'they were' if n > 1 else 'it was'} left out "
                     f"({_plural(n, 'row')} in all).")
    return tuple(notes)


def _patient_rows(patient_codes: np.ndarray, primary, site, kept: np.ndarray,
                  no_site: np.ndarray) -> pd.DataFrame:
    """Each kept (patient, primary, site) once: the patient as a number, names as tidy
    spells them (categorical), a blank site missing (a patient in n with no spread)."""
    site_codes = np.where(no_site, -1, site.codes)[kept]
    frame = pd.DataFrame({"patient": patient_codes[kept].astype(np.int64),
                          "primary": primary.codes[kept], "site": site_codes})
    frame = frame.drop_duplicates(ignore_index=True)
    return pd.DataFrame({
        "patient": frame["patient"].to_numpy(),
        "primary": pd.Categorical.from_codes(frame["primary"].to_numpy(),
                                             categories=pd.Index(primary.names)),
        "site": pd.Categorical.from_codes(frame["site"].to_numpy(),
                                          categories=pd.Index(site.names)
                                          ).remove_unused_categories()})
