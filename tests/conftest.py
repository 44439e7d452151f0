"""Shared fixtures: the repository root, the source texts, and the published tables."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# Under CI every property test draws the same examples (derandomized): a red run can be
# reproduced, and a green one does not hide a lucky draw. Locally they draw fresh ones.
settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
if os.environ.get("CI") == "true":
    settings.load_profile("ci")

# A page that breaks must fail its tests: the app's last-resort handler (ui/guard.py) shows a
# plain message and, with this set, raises again. tests/test_guard.py checks it without.
os.environ.setdefault("WCS_RERAISE_PAGE_ERRORS", "1")

ROOT = Path(__file__).resolve().parent.parent


def _lesson_length() -> int:
    """Steps in the lesson (data/curation/lesson.yaml owns the number; tests read it)."""
    from classroom.lesson import lesson_steps
    from data.load import load_tables

    return len(lesson_steps(load_tables()))


LESSON_LENGTH = _lesson_length()
SOURCES_DIR = Path(os.environ.get("SOURCES_DIR", ROOT.parent / "shared" / "sources"))


@pytest.fixture(scope="session")
def sources_dir() -> Path:
    """The folder of source texts. Missing: skipped locally, a failure under CI=true."""
    if not SOURCES_DIR.is_dir():
        reason = (f"source texts not found at {SOURCES_DIR}: clone the project with ../shared "
                  "beside it, or set SOURCES_DIR")
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    return SOURCES_DIR


@pytest.fixture(scope="session")
def tables():
    """Every published table, loaded and validated, as the app has them (``Published``)."""
    from data.load import load_published

    return load_published()
