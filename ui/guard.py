"""The last resort: an unexpected error on a page shows a plain message, never a trace.

The detail (the traceback, with the server's file paths) goes to the server's log only.
Streamlit's own controls (``st.stop``, ``st.rerun``, ``st.switch_page``) raise exceptions
derived from ``BaseException``, not ``Exception``, so they pass through untouched.

The test suite sets ``WCS_RERAISE_PAGE_ERRORS=1`` (tests/conftest.py) so that a page that
breaks still fails its tests loudly, after the message is shown.
"""

from __future__ import annotations

import logging
import os

import streamlit as st

RERAISE = "WCS_RERAISE_PAGE_ERRORS"
LOG = logging.getLogger("where_cancers_spread")
MESSAGE = ("**Sorry, this page hit a problem it could not handle**, so part of it is missing. "
           "Nothing you chose or uploaded is lost: change a choice or open the page again. If it "
           "happens again, tell whoever runs this dashboard (the details are in its log).")


def run_page(page: st.navigation) -> None:
    """Run the chosen page; if it raises, log the traceback and say so plainly on the page."""
    try:
        page.run()
    except Exception:
        LOG.exception("Page %r raised an unexpected error", getattr(page, "url_path", page))
        st.error(MESSAGE, icon=":material/error:")
        if os.environ.get(RERAISE) == "1":
            raise
