"""Start the app: ``python tools/serve.py [streamlit options]`` (what the README runs), from
the folder that holds app.py.

The same as ``streamlit run app.py``, with one fix. Streamlit 1.67 decides once per process,
when the first browser connects, whether the app uses its old "pages/ folder" navigation: it
finds this project's ``pages/`` folder and says yes, until ``st.navigation`` in app.py says
no at the end of that first run. So the first visitor after every start (and, behind a
balancer, every tab that fails over to a fresh replica) is told "Page not found" and loses
what its page held. Saying "no" before the first visitor arrives, as app.py would, removes
the wrong answer; nothing else changes.
"""

from __future__ import annotations

import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> None:
    """Run Streamlit on app.py with ``argv`` as its options."""
    from streamlit.runtime.pages_manager import PagesManager
    from streamlit.web import cli

    PagesManager.uses_pages_directory = False  # app.py navigates with st.navigation
    app = Path.cwd() / "app.py"
    sys.argv = ["streamlit", "run", str(app), *(sys.argv[1:] if argv is None else argv)]
    cli.main()


if __name__ == "__main__":
    main()
