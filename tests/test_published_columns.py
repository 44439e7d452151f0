"""A published column is declared once, in data/datapackage.json; these tests name, for each
column of the descriptor, what else must follow (the build, its description, how a page
shows it) and fail naming the columns that are missing there."""

from __future__ import annotations

import csv

from data.columns import HEADINGS, SHOWN_AS
from data.load import TABLES_DIR, read_descriptor


def published() -> dict[str, dict]:
    """Every column of the descriptor, as "table.column" -> its field."""
    return {f"{resource['name']}.{field['name']}": field
            for resource in read_descriptor()["resources"]
            for field in resource["schema"]["fields"]}


def built() -> set[str]:
    """Every column the build wrote to data/tables/ (the CSV headers), as "table.column"."""
    found = set()
    for resource in read_descriptor()["resources"]:
        with (TABLES_DIR / f"{resource['name']}.csv").open(encoding="utf-8") as file:
            found |= {f"{resource['name']}.{name}" for name in next(csv.reader(file))}
    return found


def test_every_published_column_is_built():
    missing = sorted(set(published()) - built())
    assert not missing, (f"in data/datapackage.json but not written by pipeline/build.py "
                         f"(add it to the table's build_* function, then run python -m "
                         f"pipeline.build): {missing}")
    extra = sorted(built() - set(published()))
    assert not extra, f"written to data/tables/ but not declared in the descriptor: {extra}"


def test_every_published_column_is_described():
    missing = sorted(name for name, field in published().items()
                     if not field.get("description", "").strip())
    assert not missing, (f"no description in data/datapackage.json (the data dictionary on "
                         f"the Sources page shows it): {missing}")


def test_every_published_column_says_how_a_page_shows_it():
    columns = published()
    missing = sorted(name for name in columns
                     if name.split(".", 1)[1] not in HEADINGS and name not in SHOWN_AS)
    assert not missing, (f"neither a heading in data/columns.py HEADINGS (shown under its own "
                         f"name) nor an entry in data/columns.py SHOWN_AS (shown as another "
                         f"column, or None for downloads only): {missing}")
    stale = sorted(set(SHOWN_AS) - set(columns))
    assert not stale, f"SHOWN_AS names columns the descriptor no longer has: {stale}"
    unknown = sorted(f"{name} -> {shown}" for name, shown in SHOWN_AS.items()
                     if shown is not None and shown not in HEADINGS)
    assert not unknown, f"SHOWN_AS points at columns with no heading in HEADINGS: {unknown}"


def test_a_new_column_would_be_named(monkeypatch):
    """The check above names a column added to the descriptor and declared nowhere else."""
    descriptor = read_descriptor()
    field = {"name": "first_reported", "type": "string", "description": ""}
    spread = next(r for r in descriptor["resources"] if r["name"] == "spread")
    monkeypatch.setitem(spread["schema"], "fields", [*spread["schema"]["fields"], field])
    names = set(published())
    assert "spread.first_reported" in names - built()
    assert "first_reported" not in HEADINGS and "spread.first_reported" not in SHOWN_AS


def test_the_app_never_imports_the_build_pipeline():
    from tests.conftest import ROOT

    runtime = [ROOT / "app.py", *(path for folder in ("data", "views", "ui", "pages", "charts",
                                                      "graph", "classroom", "upload")
                                  for path in (ROOT / folder).rglob("*.py"))]
    importing = sorted(str(path.relative_to(ROOT)) for path in runtime
                       if "from pipeline" in path.read_text(encoding="utf-8")
                       or "import pipeline" in path.read_text(encoding="utf-8"))
    assert not importing, f"runtime modules importing the build pipeline: {importing}"
