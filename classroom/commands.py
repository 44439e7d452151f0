"""The commands that install and start the app, as the README and the app's own panels say
them: one place, so a panel that tells a teacher how to share the lesson names the command
the README gives (tests/test_commands.py holds the README to these strings, and the test
harness in tools/app_server.py starts the app with :data:`START` itself).
"""

from __future__ import annotations

INSTALL = "python -m pip install --require-hashes -r requirements.lock"
"""Installs what the app needs to run, exactly the versions and files tested (hashes)."""

START = "streamlit run app.py"
"""Starts the app on this computer only (``.streamlit/config.toml`` binds 127.0.0.1)."""

SHARE_OPTION = "--server.address=0.0.0.0"
"""Added to :data:`START`, serves the app on every network the computer is on."""

START_FOR_CLASS = f"{START} {SHARE_OPTION}"
"""Starts the app for a class joining from their devices (the lesson's join panel)."""
