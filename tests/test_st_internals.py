"""Streamlit's internals are reached in one module, ui/st_internals.py (see its upgrade note):
each name still imports from where this Streamlit keeps it, and no other file imports one."""

from __future__ import annotations

import re

from tests.conftest import ROOT
from ui import st_internals

# Public: ``import streamlit as st`` and the documented testing API.
ALLOWED = re.compile(r"^\s*(import streamlit as st|from streamlit\.testing\.v1[\s.])")
INTERNAL = re.compile(r"^\s*(from streamlit[\s.]|import streamlit\.)", re.MULTILINE)


def test_every_internal_still_imports_from_this_streamlit():
    assert st_internals.DeletedFile != (), "DeletedFile moved: see ui/st_internals.py"
    for name in st_internals.__all__:
        assert getattr(st_internals, name) is not None, name


def test_no_other_module_reaches_into_streamlit():
    found = []
    for path in ROOT.rglob("*.py"):
        if {".git", ".venv", "node_modules"} & set(path.parts) or path.name == "st_internals.py":
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if INTERNAL.match(line) and not ALLOWED.match(line):
                found.append(f"{path.relative_to(ROOT)}: {line.strip()}")
    assert not found, "Streamlit internals outside ui/st_internals.py:\n" + "\n".join(found)
