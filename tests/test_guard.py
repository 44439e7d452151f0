"""The last-resort handler: a page that raises shows a plain message, and the trace is logged."""

from __future__ import annotations

import logging

from streamlit.testing.v1 import AppTest

from ui.guard import MESSAGE, RERAISE


def _app_with_a_broken_page() -> None:
    """An app whose only page raises with a server path in its message."""
    import streamlit as st

    from ui.guard import run_page

    def broken() -> None:
        st.title("Broken")
        raise RuntimeError("boom in /srv/app/secret_path.py")

    run_page(st.navigation([st.Page(broken, title="Broken")]))


def _app_whose_page_stops() -> None:
    """An app whose page calls st.stop(): that is not an error."""
    import streamlit as st

    from ui.guard import run_page

    def stops() -> None:
        st.title("Stops")
        st.stop()

    run_page(st.navigation([st.Page(stops, title="Stops")]))


def test_a_broken_page_shows_a_plain_message_not_a_trace(monkeypatch, caplog):
    """A person sees the plain message and no exception; the server's log has the trace."""
    monkeypatch.delenv(RERAISE, raising=False)
    with caplog.at_level(logging.ERROR, logger="where_cancers_spread"):
        at = AppTest.from_function(_app_with_a_broken_page, default_timeout=30).run()
    assert not at.exception
    assert [e.value for e in at.error] == [MESSAGE]
    assert "secret_path" not in MESSAGE
    assert any("boom in /srv/app/secret_path.py" in r.exc_text for r in caplog.records
               if r.exc_text)


def test_streamlit_controls_pass_through_the_handler(monkeypatch):
    """st.stop() ends the page quietly: no message, no exception."""
    monkeypatch.delenv(RERAISE, raising=False)
    at = AppTest.from_function(_app_whose_page_stops, default_timeout=30).run()
    assert not at.exception and not at.error
    assert at.title[0].value == "Stops"


def test_under_tests_a_broken_page_still_fails_loudly(monkeypatch):
    """With the test switch on, the message is shown and the error raised as well."""
    monkeypatch.setenv(RERAISE, "1")
    at = AppTest.from_function(_app_with_a_broken_page, default_timeout=30).run()
    assert [e.value for e in at.error] == [MESSAGE]
    assert "boom" in at.exception[0].value
