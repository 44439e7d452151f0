""""Open this view as a notebook": two downloads under a page's chart (marimo and Jupyter).

The notebook's text comes from :mod:`views.view_notebooks` (pure); this only offers it. The
files are made in the run (5-7 KB of text, about 1 ms for both), so they live
as long as the page, like every other download here.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from views.notebook import Notebook

APP_FOLDER = Path(__file__).resolve().parent.parent  # written into the notebook, to find it
OPEN_LABEL = "Open this view as a notebook"


def notebook_downloads(notebook: Notebook, key: str) -> None:
    """An expander with the view as a marimo notebook (.py) and as a Jupyter notebook."""
    with st.expander(OPEN_LABEL, icon=":material/code:"):
        st.markdown("The code that draws this chart, with your filters filled in: change a "
                    "line and run it to see the chart change. It reads the same tables and "
                    "uses the same chart code as this page. Save it in the project's "
                    "`notebooks` folder, then open it with "
                    f"`marimo edit --skip-update-check notebooks/{notebook.stem}.py` "
                    "(or open the `.ipynb` in Jupyter). It needs no internet.")
        marimo, jupyter = st.columns(2)
        marimo.download_button("Notebook for marimo (.py)", data=notebook.marimo(APP_FOLDER),
                               file_name=f"{notebook.stem}.py", mime="text/x-python",
                               key=f"{key}_marimo", icon=":material/download:",
                               on_click="ignore")
        jupyter.download_button("Notebook for Jupyter (.ipynb)",
                                data=notebook.ipynb(APP_FOLDER),
                                file_name=f"{notebook.stem}.ipynb",
                                mime="application/x-ipynb+json", key=f"{key}_jupyter",
                                icon=":material/download:", on_click="ignore")
