"""Choosing a file again always uploads it again.

A browser fires no ``change`` for a file input when the file chosen has the same path as the
one it already holds, even when the file's content changed on disk. "Fix the file and upload
it again" then did nothing: the uploader kept the old file. A tiny component (Streamlit's own
``st.components.v2``: no iframe, nothing fetched) empties each file input just after its
``change`` has been handled, so the next choice, same file or not, is always a change.

Why it is safe: the uploader (react-dropzone) copies the chosen ``File`` objects while the
``change`` event is being dispatched; emptying the input afterwards leaves those copies, and
the upload they start, untouched. Streamlit lists the uploaded file from its own state, not
from the input, so the list on screen does not change either.
"""

from __future__ import annotations

import functools

import streamlit as st

_KEY = "rechoose_files"

# The component draws nothing: its slot must not add a gap to the page.
RECHOOSE_CSS = f"<style>.st-key-{_KEY} {{ display: none; }}</style>"

# Capture phase on the document: runs for every file input on the page, before React's own
# listener; the emptying waits until that whole dispatch (and React's reading of the files)
# is over.
_RECHOOSE_JS = """
export default function() {
  const forget = (event) => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || input.type !== 'file') return;
    setTimeout(() => { input.value = ''; }, 0);
  };
  document.addEventListener('change', forget, true);
  return () => document.removeEventListener('change', forget, true);
}
"""


@functools.cache
def _component():
    """The component, registered once per process (registering validates it)."""
    return st.components.v2.component(_KEY, js=_RECHOOSE_JS)


def always_upload_again() -> None:
    """Mount, on a page with a file uploader, the helper that makes re-choosing a file
    (same name, changed or not) upload it again."""
    st.html(RECHOOSE_CSS)
    _component()(key=_KEY, height=0)
