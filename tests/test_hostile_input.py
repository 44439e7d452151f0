"""Hostile links: odd query parameters on every page never raise, and never render as markup."""

from __future__ import annotations

import csv
import io
import re
import shutil
import zipfile

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from data.export import FORMULA_TRIGGERS, package_zip, safe_csv_bytes
from data.load import TABLES_DIR, load_tables, read_descriptor
from tests.apptest_helpers import run_page
from ui.links import LINKS, PARAMS
from ui.navigation import PAGES

# A "<" that markdown would read as the start of a tag: one not escaped with a backslash.
RAW_TAG = re.compile(r"(?<!\\)<[a-zA-Z/!]")

LINK_NOTICE_ICON = ":material/link_off:"
# Every key a page reads from the URL (declared once, in ui/links.py), and the pages that
# read none.
URL_KEYS = tuple(LINKS)
PAGES_WITHOUT_LINK_STATE = {spec.file for spec in PAGES} - {
    page for param in PARAMS for page in param.pages}
NASTY = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["", " ", "<script>alert(1)</script>", "<b>bold</b>", "**x**",
                     "[x](javascript:alert(1))", "$\\frac{1}{2}$", "=HYPERLINK(\"x\")",
                     "../../etc/passwd", "%00", "²", "--5", "1e309", "9" * 400, "lung" * 200,
                     "cancer:breast", "site:", "📈🧬", "\u202e\u0000"]),
)


@pytest.mark.parametrize("page", [spec.file for spec in PAGES],
                         ids=[spec.url_path for spec in PAGES])
@settings(max_examples=12, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(params=st.dictionaries(st.sampled_from(URL_KEYS), st.lists(NASTY, min_size=1,
                                                                  max_size=3), max_size=5))
def test_any_link_opens_every_page_without_error(page, params):
    """Whatever a link holds, the page opens with its title, and any notice is plain text."""
    at = run_page(page, params)
    assert not at.exception, [e.value for e in at.exception]
    assert at.title
    for notice in at.warning:
        text = notice.value
        assert not RAW_TAG.search(text), text  # escaped, never markup
        assert len(text) < 4000  # long values are shortened in the notice


def _link_notices(at: AppTest) -> list[str]:
    """The texts of the notices that name parts of the link the page could not use."""
    return [w.value for w in at.warning if w.icon == LINK_NOTICE_ICON]


@pytest.mark.parametrize("page", [spec.file for spec in PAGES],
                         ids=[spec.url_path for spec in PAGES])
def test_html_in_every_key_is_named_and_escaped(page):
    """A link whose every value is HTML gets a notice on each page that reads the URL, with
    the HTML shown as escaped text."""
    at = run_page(page, {key: ["<img src=x onerror=alert(1)>"] for key in URL_KEYS})
    assert not at.exception
    notices = _link_notices(at)
    if page not in PAGES_WITHOUT_LINK_STATE:
        assert notices, "no notice for a link full of HTML"
    for text in notices:
        assert not RAW_TAG.search(text), text
        assert "\\<img" in text


# --- Downloads: every way a table leaves the app opens in a spreadsheet as text -------------

FORMULA_CELLS = ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"]


def _csv_rows(data: bytes) -> list[list[str]]:
    """The rows of CSV bytes, as a spreadsheet would split them (BOM dropped)."""
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def _hostile_frame() -> pd.DataFrame:
    """A table whose text cells each start with a formula trigger, beside plain numbers."""
    return pd.DataFrame({"site": FORMULA_CELLS, "rank": range(-3, 3)})


def test_download_button_hands_out_neutralised_csv(monkeypatch):
    """ui.show.download_csv (every table's button) gives text cells that cannot run, as bytes
    made in the run (a function run on click made a file other sessions could delete)."""
    from ui import show

    handed = {}
    monkeypatch.setattr(show.st, "download_button",
                        lambda label, data, **kwargs: handed.update(data=data, **kwargs))
    show.download_csv(_hostile_frame(), "x.csv", "Download", "key")
    assert isinstance(handed["data"], bytes)
    rows = _csv_rows(handed["data"])
    assert handed["file_name"] == "x.csv" and handed["mime"] == "text/csv"
    assert [r[0] for r in rows[1:]] == ["'" + cell for cell in FORMULA_CELLS]
    assert [r[1] for r in rows[1:]] == ["-3", "-2", "-1", "0", "1", "2"]  # numbers untouched


def test_zip_download_neutralises_every_text_field(tmp_path):
    """The data package ZIP, fed tables with formula-like text, neutralises each cell."""
    shutil.copytree(TABLES_DIR, tmp_path, dirs_exist_ok=True)
    spread = pd.read_csv(tmp_path / "spread.csv", dtype=str, keep_default_na=False)
    spread.loc[:len(FORMULA_CELLS) - 1, "quote"] = FORMULA_CELLS
    spread.to_csv(tmp_path / "spread.csv", index=False, lineterminator="\r\n")
    data = package_zip(tmp_path, read_descriptor(), load_tables()["sources"])
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        rows = _csv_rows(archive.read("tables/spread.csv"))
    quotes = [row[rows[0].index("quote")] for row in rows[1:len(FORMULA_CELLS) + 1]]
    assert quotes == ["'" + cell for cell in FORMULA_CELLS]
    ranks = [row[rows[0].index("rank")] for row in rows[1:]]
    assert ranks[:3] == ["1", "2", "3"]  # numbers exactly as published


@given(cells=st.lists(st.text(min_size=1, max_size=20), min_size=1, max_size=8))
@settings(max_examples=60, deadline=None)
def test_no_csv_cell_ever_starts_with_a_trigger(cells):
    """Whatever text a table holds, no CSV cell starts a formula, nor does any part of it that
    a spreadsheet splitting on ; , tab or | would make a field; and nothing changes but the
    quote marks put in front of those triggers."""
    rows = _csv_rows(safe_csv_bytes(pd.DataFrame({"text": cells})))
    for original, (written,) in zip(cells, rows[1:], strict=True):
        assert not written.startswith(FORMULA_TRIGGERS)
        for part in re.split(r"[;,\t|]", written)[1:]:
            assert not part.lstrip().startswith(("=", "+", "-", "@")), (original, written)
        assert written.replace("'", "") == original.replace("'", "")
        assert written.count("'") >= original.count("'")
