"""The start command is said once (classroom/commands.py): the README gives exactly it, the
config keeps the app on this computer unless told, and nothing starts the app another way."""

from __future__ import annotations

import tomllib

from classroom.commands import INSTALL, SHARE_OPTION, START, START_FOR_CLASS
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_first_command_installs_and_starts_the_app():
    """A newcomer's first command is the install, then the plain ``streamlit run app.py``."""
    block = README.split("## Two commands", 1)[1].split("```bash", 1)[1].split("```", 1)[0]
    commands = [line for line in block.splitlines() if line and not line.startswith("#")]
    assert commands[0] == f"{INSTALL} && {START}"


def test_readme_says_how_to_open_the_app_to_a_class():
    """The classroom section starts the app with the option that shares it on the network."""
    section = README.split("## Presenting in class", 1)[1].split("\n## ", 1)[0]
    assert f"`{START_FOR_CLASS}`" in section


def test_the_app_listens_on_this_computer_unless_told():
    """``.streamlit/config.toml`` binds 127.0.0.1; the share option is what opens it up."""
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["address"] == "127.0.0.1"
    assert SHARE_OPTION == "--server.address=0.0.0.0"


def test_no_private_start_script_is_left():
    """The app starts with Streamlit's own command: no wrapper patches Streamlit first."""
    assert not (ROOT / "tools" / "serve.py").exists()
    assert "serve.py" not in README
