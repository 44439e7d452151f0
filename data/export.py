"""Bytes for downloads: spreadsheet-safe CSV and a ZIP of the whole data package. No Streamlit."""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import pandas as pd

# RFC 4180 line ends. With a bare "\n" terminator Python's csv writer would leave a cell
# holding "\r" unquoted, and a spreadsheet would split the row there.
CSV_LINE_END = "\r\n"

# OWASP, "CSV Injection": a cell starting with one of these is read as a formula by spreadsheets.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# A spreadsheet set to another separator (";" in much of Europe, or tab, or ",") splits a cell
# there, and each part is a field of its own: a trigger after a separator (and any spaces)
# would start a field too, so it gets the same quote.
_TRIGGER_AFTER_SEPARATOR = re.compile(r"([;,\t|])(\s*)([=+\-@])")


def neutralise_cell(value: object) -> object:
    """Prefix a text cell that a spreadsheet would run as a formula with a single quote, and
    quote a trigger that follows a field separator inside the cell the same way.

    Examples
    --------
    >>> neutralise_cell("=1+1"), neutralise_cell("lung"), neutralise_cell(-3)
    ("'=1+1", 'lung', -3)
    >>> neutralise_cell("x;=cmd|' /C calc'!A0"), neutralise_cell("Lung; bone, liver")
    ("x;'=cmd|' /C calc'!A0", 'Lung; bone, liver')
    """
    if not isinstance(value, str):
        return value
    if any(separator in value for separator in ";,\t|"):
        value = _TRIGGER_AFTER_SEPARATOR.sub(r"\1\2'\3", value)
    return "'" + value if value.startswith(FORMULA_TRIGGERS) else value


def _neutralise_columns(frame: pd.DataFrame, columns: list) -> pd.DataFrame:
    """A copy of ``frame`` with every cell of ``columns`` (and every header) neutralised."""
    safe = frame.copy()
    for column in columns:
        safe[column] = safe[column].astype(object).map(neutralise_cell)
    safe.columns = [neutralise_cell(str(c)) for c in safe.columns]
    return safe


def safe_csv_bytes(frame: pd.DataFrame) -> bytes:
    """The frame as UTF-8 CSV (with a byte-order mark, so spreadsheets detect UTF-8),
    every text cell neutralised against formula injection; numbers stay numbers."""
    text_columns = [c for c in frame.columns
                    if not pd.api.types.is_numeric_dtype(frame[c])
                    and not pd.api.types.is_bool_dtype(frame[c])]
    safe = _neutralise_columns(frame, text_columns)
    return safe.to_csv(index=False, lineterminator=CSV_LINE_END).encode("utf-8-sig")


def safe_table_file(path: Path, schema: dict) -> bytes:
    """A published CSV as it goes into the ZIP: numbers exactly as written in the file, and
    every ``string`` field neutralised (the committed tables need none, but the ZIP must be
    safe whatever a future curation adds)."""
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    text_fields = [f["name"] for f in schema["fields"]
                   if f.get("type", "string") == "string" and f["name"] in frame.columns]
    safe = _neutralise_columns(frame, text_fields)
    return safe.to_csv(index=False, lineterminator=CSV_LINE_END).encode("utf-8")


def citation_readme(descriptor: dict, sources: pd.DataFrame) -> str:
    """A short README for the ZIP: what the package is, how to cite it and its sources."""
    lines = [f"# {descriptor['title']}", "", descriptor["description"], "",
             "## How to cite", "",
             f"{descriptor['title']} (data package version {descriptor['version']}). "
             "Built from the five sources below; cite the source named on each row "
             "(column source_id) as well.", "", "## Sources", ""]
    lines += [f"- {row.source_id}: {row.citation} Confidence: {row.confidence}. "
              f"Reuse: {row.reuse}" for row in sources.itertuples()]
    lines += ["", "## Files", "", "- datapackage.json: the data dictionary (Frictionless Data "
              "Package): every table, its columns, types, allowed values and keys."]
    lines += [f"- {r['path']}: {r['description']}" for r in descriptor["resources"]]
    return "\n".join(lines) + "\n"


def package_zip(tables_dir: Path, descriptor: dict, sources: pd.DataFrame,
                extras: dict[str, pd.DataFrame] | None = None) -> bytes:
    """A ZIP of every published CSV, ``datapackage.json``, a README on how to cite, and
    ``extras`` (file name -> table, written as safe CSV: the other tables a page offers)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, frame in (extras or {}).items():
            archive.writestr(name, safe_csv_bytes(frame))
        archive.writestr("datapackage.json", json.dumps(descriptor, indent=2, ensure_ascii=False))
        archive.writestr("README.md", citation_readme(descriptor, sources))
        for resource in descriptor["resources"]:
            path = Path(tables_dir) / Path(resource["path"]).name
            archive.writestr(resource["path"], safe_table_file(path, resource["schema"]))
    return buffer.getvalue()
