"""Helpers for the upload tests: parse bytes as the page does, read an UploadError's words."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from upload import UploadError, guess_shape, read_table, tidy

HEADER_RANKED = b"primary,site,rank\n"
HEADER_COUNTS = b"primary,site,count,total\n"
EXAMPLES = Path(__file__).resolve().parent.parent / "data" / "examples"


def parse(raw: bytes, file_name: str = "mine.csv") -> pd.DataFrame:
    """read_table, guess_shape and tidy in a row, as the upload page does."""
    frame = read_table(raw, file_name)
    shape, mapping = guess_shape(list(frame.columns))
    assert shape is not None, f"no shape guessed for {list(frame.columns)}"
    return tidy(frame, shape, mapping)


def rows(table: pd.DataFrame) -> list[list]:
    """A table's values as plain Python (<NA> as None, shares rounded) for exact comparison."""
    return [[None if pd.isna(v) else round(v, 4) if isinstance(v, float) else v for v in row]
            for row in table.astype(object).values.tolist()]


def problems_of(raw: bytes, file_name: str = "mine.csv", shape: str | None = None,
                mapping: dict | None = None) -> str:
    """The message of the UploadError the file raises (fails the test if it raises none)."""
    with pytest.raises(UploadError) as caught:
        frame = read_table(raw, file_name)
        guessed, guessed_mapping = guess_shape(list(frame.columns))
        tidy(frame, shape or guessed, guessed_mapping if mapping is None else mapping)
    assert caught.value.problems and str(caught.value) == " ".join(caught.value.problems)
    return str(caught.value)
