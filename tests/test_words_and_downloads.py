"""Tables a person can read, downloads a spreadsheet can join: checked on every page.

Every page (ui/navigation.PAGES) is opened at its default and in the widget states that
bring up more tables (a spread focus, a network layout number and a lit node, other sites,
a site as the body map's start, another cancer in the source check, every lesson step, a
fully answered quiz, the practice data uploaded). Each table on screen must show labels
only; every CSV a download button offers on those pages (its real bytes, as the browser
would get them) must carry ``<thing>_id`` with ``<thing>_label`` under the same names
everywhere, with a missing rank blank. The Sources page's published tables are the data
package (checked by frictionless and tests/test_data_contract.py) and are left out here.
"""

from __future__ import annotations

import io
from unittest import mock

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from data.extracts import names
from data.load import read_descriptor
from tests.apptest_helpers import ok, open_page
from tests.words_checks import download_problems, raw_codes, screen_problems
from ui.navigation import PAGES
from ui.st_internals import MemoryMediaFileStorage

VIEWS: list[tuple[str, dict[str, str]]] = [
    *[(spec.file, {}) for spec in PAGES],
    *[("pages/lesson.py", {"step": str(n)}) for n in range(2, 9)],
    ("pages/spread.py", {"focus": "lung"}),
    ("pages/spread.py", {"evidence": ["statement", "example"], "source": "msk"}),
    ("pages/network.py", {"layout": "spring", "seed": "3", "focus_node": "site:bone"}),
    ("pages/network.py", {"focus_node": "cancer:lung", "evidence": "ranked_table"}),
    ("pages/body_map.py", {"mode": "site", "body_site": "lung"}),
    ("pages/body_map.py", {"body_cancer": "lung", "sentences": "no"}),
    ("pages/site_profiles.py", {"profile": "lung"}),
    ("pages/site_profiles.py", {"profile": "brain"}),
    ("pages/source_check.py", {"check_cancer": "melanoma"}),
]
ANSWERED_QUIZ = ("pages/quiz.py", {"quiz": "42", "answered": "all"})
PRACTICE = ("pages/own_data.py", {"practice": "practice_ranked.csv"})
ALL_VIEWS = [*VIEWS, ANSWERED_QUIZ, PRACTICE]


def _ids(view: tuple[str, dict]) -> str:
    page, params = view
    return page.removeprefix("pages/") + ("?" + "&".join(f"{k}={v}" for k, v in params.items())
                                          if params else "")


def _open(page: str, params: dict) -> AppTest:
    """The page in the state ``params`` describe (``answered``/``practice`` are done by hand)."""
    params = dict(params)
    answered, practice = params.pop("answered", None), params.pop("practice", None)
    at = open_page(page, **params)
    if answered:
        for radio in list(at.radio):
            radio.set_value(radio.options[0])
        ok(at.run())
    if practice:
        ok(at.button(key=f"try_{practice}").click().run())
    return at


@pytest.fixture(scope="module")
def shown() -> dict[str, tuple[list[pd.DataFrame], dict[str, bytes]]]:
    """For each view: the tables on screen and every CSV its download buttons offer."""
    seen = {}
    store = MemoryMediaFileStorage.load_and_get_id

    for view in ALL_VIEWS:
        files: dict[str, bytes] = {}

        def keep(self, data, mimetype, kind, filename=None, files=files):
            if mimetype == "text/csv":
                files[filename] = data
            return store(self, data, mimetype, kind, filename)

        with mock.patch.object(MemoryMediaFileStorage, "load_and_get_id", keep):
            at = _open(*view)
        tables = [e.value for e in at.dataframe] + [e.value for e in at.table]
        seen[_ids(view)] = (tables, files)
    return seen


@pytest.fixture(scope="module")
def codes(tables) -> set[str]:
    return raw_codes(tables)


@pytest.mark.parametrize("view", ALL_VIEWS, ids=_ids)
def test_no_raw_code_in_any_table_on_screen(view, shown, codes):
    """As a student, every table I see reads in words: Lung cancer, NCI fact sheet, Ranked in
    the NCI table, a blank where nothing is known; never lung, nci, ranked_table, None."""
    tables, _ = shown[_ids(view)]
    problems = {i: screen_problems(table, codes) for i, table in enumerate(tables)}
    assert not any(problems.values()), {i: p[:8] for i, p in problems.items() if p}


def test_the_views_show_tables(shown):
    """The sweep sees the tables it checks (a page that drew none would pass vacuously)."""
    counts = {view: len(tables) for view, (tables, _) in shown.items()}
    for page in ("spread.py", "network.py", "body_map.py", "site_profiles.py", "survival.py",
                 "source_check.py", "sources.py", "lesson.py?step=2"):
        assert counts[page] >= 1, page
    assert sum(counts.values()) >= 30


def _published() -> set[str]:
    """The file names of the published data package's tables (the Sources page offers them)."""
    return {f"{r['name']}.csv" for r in read_descriptor()["resources"]}


@pytest.mark.parametrize("view", ALL_VIEWS, ids=_ids)
def test_every_download_pairs_ids_with_labels_and_leaves_missing_ranks_blank(view, shown,
                                                                           codes, tables):
    """As a teacher, every CSV I download names each cancer, site, source and kind of
    evidence twice, as <thing>_id and <thing>_label, under the same names on every page,
    and a missing rank is an empty cell."""
    labels = {kind: names(tables, kind) for kind in ("cancer", "site", "source", "evidence")}
    _, files = shown[_ids(view)]
    source_names = set(labels["source"].values())
    problems = {}
    for name, data in files.items():
        if name in _published():
            continue
        csv = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False,
                          encoding="utf-8-sig")
        problems[name] = download_problems(csv, labels, codes, source_names)
    assert not any(problems.values()), {n: p[:8] for n, p in problems.items() if p}


def test_the_downloads_are_seen_and_name_things_alike(shown):
    """The sweep reads every page download, and the same thing has the same column names in
    all of them (cancer_id/cancer_label, site_id/site_label, source_id/source_label, ...)."""
    files = {name: data for _, (_, f) in shown.items() for name, data in f.items()
             if name not in _published()}
    assert {"spread_heatmap_cells.csv", "network_edges.csv", "site_lung_cancers.csv",
            "body_map_quotes_prostate.csv", "survival_rates_quoted.csv",
            "source_check_claims.csv", "steps_of_spread.csv"} <= set(files)
    headers = {name: pd.read_csv(io.BytesIO(data), nrows=0, encoding="utf-8-sig").columns
               for name, data in files.items()}
    spellings = {c for columns in headers.values() for c in columns
                 if any(w in c.lower() for w in ("cancer", "site", "source", "evidence"))}
    assert not {c for c in spellings if c.lower() in {
        "primary", "cancer", "site", "source", "sources", "evidence", "short_name"}}
    assert {"cancer_id", "cancer_label", "site_id", "site_label", "source_id", "source_label",
            "evidence_id", "evidence_label"} <= spellings
