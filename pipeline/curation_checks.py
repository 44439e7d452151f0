"""The checks every curation file goes through: read it, find each quote in its source,
know each id, refuse duplicates. A refusal names the file, the entry and the reason."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import yaml

from data.load import CURATION_DIR, DATA_DIR
from pipeline.text import normalise, quote_in_text

__all__ = ["CURATION_DIR", "DATA_DIR"]  # and the checks below


class CurationError(ValueError):
    """A curated claim the build refuses; the message names file, entry and reason."""


@dataclass(frozen=True)
class Context:
    """What every table builder checks against: source texts and the vocabularies."""

    texts: dict[str, str]
    cancer_ids: frozenset[str]
    site_ids: frozenset[str]


def read_curation(name: str, curation_dir: Path = CURATION_DIR):
    """Read ``<name>.yaml`` from the curation folder."""
    try:
        with open(curation_dir / f"{name}.yaml", encoding="utf-8") as handle:
            return yaml.safe_load(handle)
    except (OSError, yaml.YAMLError) as error:
        raise CurationError(f"{name}.yaml: cannot be read ({error})") from error


def fail(file: str, entry: int, reason: str) -> None:
    """Raise a :class:`CurationError` naming the file, the entry (1-based) and the reason."""
    raise CurationError(f"{file}.yaml, entry {entry}: {reason}")


def check_quote(file: str, entry: int, source_id: str, quote: str, ctx: Context) -> str:
    """Return the normalised quote, or refuse it when it is not verbatim in its source."""
    if source_id not in ctx.texts:
        fail(file, entry, f"unknown source_id {source_id!r}")
    if not quote or not quote_in_text(quote, ctx.texts[source_id]):
        fail(file, entry, f"quote not found verbatim in source {source_id!r}: {quote!r}")
    return normalise(quote)


def check_known(file: str, entry: int, value: str, known: frozenset[str], what: str) -> None:
    """Refuse a value that is not in its vocabulary."""
    if value not in known:
        fail(file, entry, f"unknown {what} {value!r}")


def refuse_duplicates(frame: pd.DataFrame, key: list[str], file: str) -> pd.DataFrame:
    """Return ``frame`` unchanged, or refuse the first row whose ``key`` repeats."""
    repeated = frame.duplicated(subset=key, keep="first")
    if repeated.any():
        row = frame[repeated].iloc[0]
        where = ", ".join(f"{k}={row[k]!r}" for k in key if k != "quote")
        raise CurationError(f"{file}.yaml: duplicate claim ({where})")
    return frame
