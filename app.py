"""Entry: ``streamlit run app.py``. The frame, the navigation and the sidebar are in
``ui/frame.py``, which every page also calls first (see there why)."""

from ui.frame import run_app

run_app()
