"""Load the published tables with the dtypes their schema declares, validated on load.

The schema is ``data/datapackage.json``: columns, types, required fields, allowed values,
primary keys and foreign keys all come from it, so the descriptor is the one contract.
A broken table raises :class:`TableError` naming the table, the row and the problem.
Row numbers count like a spreadsheet does: the header is row 1, the first record row 2.

Memo: :func:`read_descriptor` is read once per process (``lru_cache``); the tables are cached
by the app's ``ui.data.tables`` (keyed by :attr:`Published.version`), not here.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path

import pandas as pd

DATA_DIR = Path(__file__).resolve().parent
DESCRIPTOR = DATA_DIR / "datapackage.json"
TABLES_DIR = DATA_DIR / "tables"  # written by pipeline/build.py, read here
CURATION_DIR = DATA_DIR / "curation"  # read by the pipeline (and the lesson's own text)

_DTYPES = {"string": "string", "integer": "Int64", "number": "Float64",
           "boolean": "boolean", "date": "string"}


class TableError(ValueError):
    """A published table that breaks its schema."""


@lru_cache(maxsize=4)
def read_descriptor(path: Path = DESCRIPTOR) -> dict:
    """The data package descriptor as a dict (read once per process; do not mutate)."""
    return json.loads(Path(path).read_text(encoding="utf-8"))


def resource_schema(name: str, descriptor: dict | None = None) -> dict:
    """The Table Schema of resource ``name``; ValueError naming the valid names if unknown."""
    descriptor = descriptor or read_descriptor()
    for resource in descriptor["resources"]:
        if resource["name"] == name:
            return resource["schema"]
    names = ", ".join(r["name"] for r in descriptor["resources"])
    raise ValueError(f"unknown table {name!r}; the tables are: {names}")


def table_names(descriptor: dict | None = None) -> list[str]:
    """Names of every table in the package, in descriptor order."""
    return [r["name"] for r in (descriptor or read_descriptor())["resources"]]


def _row(index: int) -> int:
    """Spreadsheet row number of a zero-based record index (the header is row 1)."""
    return int(index) + 2


def _cast(name: str, frame: pd.DataFrame, field: dict) -> pd.Series:
    """Cast one column to its schema dtype, naming the first value that will not cast."""
    column, kind = frame[field["name"]], field["type"]
    if kind == "boolean":
        mapped = column.map({"True": True, "true": True, "False": False, "false": False})
        bad = column.notna() & mapped.isna()
        column = mapped
    elif kind in ("integer", "number"):
        numbers = pd.to_numeric(column, errors="coerce")
        bad = column.notna() & (numbers.isna() | ((numbers % 1 != 0) if kind == "integer"
                                                  else False))
        column = numbers
    elif kind == "date":  # kept as text, checked against the declared format
        given = field.get("format", "default")
        parsed = pd.to_datetime(column, errors="coerce", format={"default": "%Y-%m-%d",
                                                                 "any": "mixed"}.get(given, given))
        bad = column.notna() & parsed.isna()
    else:
        bad = pd.Series(False, index=column.index)
    if bad.any():
        index = bad[bad].index[0]
        raise TableError(f"{name}.csv, row {_row(index)}: column {field['name']!r} value "
                         f"{frame.at[index, field['name']]!r} is not a valid {kind}")
    return column.astype(_DTYPES[kind])


def _constraint_failures(column: pd.Series, rules: dict) -> list[tuple[pd.Series, str]]:
    """(rows that break it, what is wrong) for each constraint in ``rules`` (Table Schema)."""
    present = column.notna()
    text = column.astype("string")
    checks = {
        "required": lambda on: (column.isna() if on else present & False,
                                "is empty but required"),
        "enum": lambda allowed: (present & ~column.isin(allowed),
                                 f"is not one of {', '.join(map(str, allowed))}"),
        "minimum": lambda low: (present & (column < low).fillna(False),
                                f"is below the minimum {low}"),
        "maximum": lambda high: (present & (column > high).fillna(False),
                                 f"is above the maximum {high}"),
        "unique": lambda on: (present & column.duplicated(keep="first") if on
                              else present & False, "repeats"),
        "pattern": lambda regex: (present & ~text.str.fullmatch(regex).fillna(False),
                                  f"does not match the pattern {regex}"),
        "minLength": lambda n: (present & (text.str.len() < n).fillna(False),
                                f"is shorter than {n} characters"),
        "maxLength": lambda n: (present & (text.str.len() > n).fillna(False),
                                f"is longer than {n} characters"),
    }
    unknown = sorted(set(rules) - set(checks))
    if unknown:  # a declared constraint this loader would silently skip: refuse it instead
        raise TableError(f"constraint {', '.join(unknown)} is not checked by data/load.py; "
                         f"the constraints it checks are: {', '.join(checks)}")
    return [checks[rule](value) for rule, value in rules.items()]


def _check_constraints(name: str, frame: pd.DataFrame, field: dict, raw: pd.DataFrame) -> None:
    """Every constraint the descriptor declares for one column: required, allowed values,
    range, uniqueness, pattern and length (messages quote ``raw``)."""
    try:
        problems = _constraint_failures(frame[field["name"]], field.get("constraints", {}))
    except TableError as error:
        raise TableError(f"{name}.csv, column {field['name']!r}: {error}") from None
    for mask, what in problems:
        if mask.any():
            index = mask[mask].index[0]
            shown = raw.at[index, field["name"]]
            raise TableError(f"{name}.csv, row {_row(index)}: column {field['name']!r} value "
                             f"{'<empty>' if pd.isna(shown) else repr(shown)} {what}")


def _check_primary_key(name: str, frame: pd.DataFrame, schema: dict) -> None:
    """Refuse a repeated primary key, naming the row that repeats it."""
    key = schema.get("primaryKey")
    key = [key] if isinstance(key, str) else list(key or [])
    repeated = frame.duplicated(subset=key, keep="first") if key else pd.Series(dtype=bool)
    if repeated.any():
        index = repeated[repeated].index[0]
        raise TableError(f"{name}.csv, row {_row(index)}: primary key "
                         f"({', '.join(key)}) repeats an earlier row")


def validate_frame(name: str, frame: pd.DataFrame, schema: dict) -> pd.DataFrame:
    """Check columns, cast dtypes, check constraints and the primary key; return typed."""
    expected = [f["name"] for f in schema["fields"]]
    if list(frame.columns) != expected:
        missing = [c for c in expected if c not in frame.columns]
        extra = [c for c in frame.columns if c not in expected]
        raise TableError(f"{name}.csv, row 1 (header): columns do not match the schema"
                         f" (missing: {missing or 'none'}; unexpected: {extra or 'none'};"
                         f" expected order: {expected})")
    typed = frame.copy()
    for field in schema["fields"]:
        typed[field["name"]] = _cast(name, frame, field)
        _check_constraints(name, typed, field, frame)
    _check_primary_key(name, typed, schema)
    return typed


def read_table(name: str, tables_dir: Path | None = None,
               descriptor: dict | None = None) -> pd.DataFrame:
    """Read ``<name>.csv`` and validate it against its own schema (not its foreign keys)."""
    path = Path(tables_dir or TABLES_DIR) / f"{name}.csv"
    schema = resource_schema(name, descriptor)
    try:
        raw = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""],
                          encoding="utf-8")
    except FileNotFoundError as error:
        raise TableError(f"{name}.csv: file not found at {path}") from error
    except (UnicodeDecodeError, pd.errors.ParserError) as error:
        raise TableError(f"{name}.csv: cannot be read as UTF-8 CSV ({error})") from error
    return validate_frame(name, raw, schema)


def check_foreign_keys(tables: dict[str, pd.DataFrame], descriptor: dict | None = None) -> None:
    """Refuse any value that does not resolve to the table its foreign key points at."""
    for resource in (descriptor or read_descriptor())["resources"]:
        frame = tables[resource["name"]]
        for fk in resource["schema"].get("foreignKeys", []):
            target = tables[fk["reference"]["resource"]][fk["reference"]["fields"]]
            column = frame[fk["fields"]]
            unknown = column.notna() & ~column.isin(set(target))
            if unknown.any():
                index = unknown[unknown].index[0]
                raise TableError(
                    f"{resource['name']}.csv, row {_row(index)}: column {fk['fields']!r} value "
                    f"{column[index]!r} is not a {fk['reference']['fields']} in "
                    f"{fk['reference']['resource']}.csv")


class Published(dict):
    """Every published table by name, and ``version``: a digest of the CSV files read.

    Cached views take the tables as an argument and hash them by ``version`` (cheap, and it
    changes whenever a table does), so a cached function reads only its arguments.
    """

    def __init__(self, tables: dict[str, pd.DataFrame], version: str):
        super().__init__(tables)
        self.version = version


def load_published(tables_dir: Path | None = None) -> Published:
    """:func:`load_tables`, with the version of the files they were read from."""
    folder = Path(tables_dir or TABLES_DIR)
    digest = hashlib.sha256()
    for name in table_names():
        digest.update((folder / f"{name}.csv").read_bytes())
    return Published(load_tables(tables_dir), digest.hexdigest()[:16])


def load_tables(tables_dir: Path | None = None,
                descriptor: dict | None = None) -> dict[str, pd.DataFrame]:
    """Every table, typed and validated, including foreign keys across tables."""
    tables = {name: read_table(name, tables_dir, descriptor)
              for name in table_names(descriptor)}
    check_foreign_keys(tables, descriptor)
    check_treatment_scope(tables)
    return tables


def check_treatment_scope(tables: dict[str, pd.DataFrame]) -> None:
    """A treatment's scope is a site id or ``general`` (a foreign key cannot say "or")."""
    scope = tables["treatments"]["scope"]
    unknown = ~scope.isin(set(tables["sites"]["site_id"]) | {"general"})
    if unknown.any():
        index = unknown[unknown].index[0]
        raise TableError(f"treatments.csv, row {_row(index)}: column 'scope' value "
                         f"{scope[index]!r} is neither a site_id in sites.csv nor 'general'")
