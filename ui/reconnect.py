"""After any reconnect (a network drop, a server restart, a move to another replica), the page
runs again, so a tab never keeps showing a view whose data the server no longer has.

Why a fragment: Streamlit 1.67's browser side asks for a run after reconnecting only when a
run was in progress, or when the page has a fragment that reruns on a timer
(``run_every``). An idle tab that reconnected to a server that never had its session (a
restart, a failover) kept the old view: an uploaded file's tables, say, that no server
holds any more. This empty timed fragment makes every reconnect ask for a full run with the
tab's widget values and link, so the new session rebuilds the same view from the link or,
for an upload, says "please upload your file again". Its timer fires once a day and does
nothing. Upgrade note: this leans on the browser side's reconnect rule (App.tsx,
``handleConnectionStateChanged``); ``tests/e2e/test_reconnect_browser.py`` fails if a new
Streamlit stops rerunning an idle tab after a restart.
"""

from __future__ import annotations

from datetime import timedelta

import streamlit as st

TIMER = timedelta(days=1)  # under the browser's setInterval limit of 24.8 days


@st.fragment(run_every=TIMER)
def rerun_after_reconnect() -> None:
    """An empty fragment on a daily timer: its only work is to exist (see the module)."""
