"""tools/serve.py: the README's start command is ``streamlit run app.py`` with one fix."""

from __future__ import annotations

from pathlib import Path

from streamlit.runtime.pages_manager import PagesManager
from streamlit.web import cli

from tools import serve


def test_serve_runs_app_py_with_the_options_and_without_the_folder_navigation(
        monkeypatch, tmp_path: Path):
    """It runs ``streamlit run <cwd>/app.py <options>`` after telling Streamlit the app does
    not use a pages/ folder, which Streamlit would otherwise assume for the first visitor."""
    seen = {}
    monkeypatch.setattr(cli, "main", lambda: seen.update(argv=list(serve.sys.argv)))
    monkeypatch.setattr(serve.sys, "argv", list(serve.sys.argv))
    monkeypatch.setattr(PagesManager, "uses_pages_directory", None)
    monkeypatch.chdir(tmp_path)
    serve.main(["--server.port=9999"])
    assert seen["argv"] == ["streamlit", "run", str(tmp_path / "app.py"), "--server.port=9999"]
    assert PagesManager.uses_pages_directory is False
