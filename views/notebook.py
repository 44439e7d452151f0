""""Open this view as a notebook": the notebook that draws a page's figure, from its filters.

Each ``*_notebook`` function takes what the page's view takes (the filter choices and the
chosen ids) and returns a :class:`Notebook`: short explanations and code cells that load the
published tables through ``data.load`` and draw the figure with the same builders in
``charts/`` the page uses, so the notebook's chart and the page's are one code path. The
view's choices sit together in one cell, so changing a line changes the figure.
:mod:`views.notebook_format` writes it as a marimo file or as a Jupyter notebook.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from views.notebook_format import Cell, ipynb_text, marimo_text

Options = dict[str, dict[str, str]]
"""The filter choices (:func:`data.query.filter_options`): kind -> {id: label}."""

CAUTION = ("*For learning only: this notebook shows what five published sources say. It is "
           "not medical advice and must not be used for decisions about anyone's care.*")

HOW_TO_OPEN = ("Made by the dashboard *Where cancers spread*. Keep it inside the project "
               "folder (for example in `notebooks/`), or keep `APP_FOLDER` in the first cell "
               "pointing at that folder, then run `marimo edit --skip-update-check <this "
               "file>` (or open the `.ipynb` in Jupyter). Nothing is fetched from the "
               "internet.")


@dataclass(frozen=True)
class Notebook:
    """A view as a notebook: a file name stem that says what it is, a title, the names the
    setup imports (``module -> names``) and the cells after the setup."""

    stem: str
    title: str
    imports: tuple[tuple[str, str], ...]
    cells: tuple[Cell, ...]

    def marimo(self, app_folder: Path | str) -> str:
        """The notebook as a marimo file (``<stem>.py``)."""
        return marimo_text(setup_code(self.imports, app_folder, jupyter=False),
                           list(self.cells), self.title)

    def ipynb(self, app_folder: Path | str) -> str:
        """The notebook as a Jupyter notebook (``<stem>.ipynb``)."""
        return ipynb_text(setup_code(self.imports, app_folder, jupyter=True),
                          list(self.cells), self.title)


def setup_code(imports: tuple[tuple[str, str], ...], app_folder: Path | str,
               jupyter: bool) -> str:
    """The first cell: find the project folder, put it on the import path, import its code.

    In Jupyter the notebook's folder is the working folder; a marimo notebook knows its own
    file. Jupyter charts are drawn as SVG on this computer (vl-convert), since Altair's
    default there loads its JavaScript from the internet."""
    here = "Path.cwd()" if jupyter else "Path(__file__).resolve().parent, Path.cwd()"
    drawing = ('alt.renderers.enable("svg")  # charts drawn on this computer: no internet '
               "needed" if jupyter else "import marimo as mo")
    lines = "\n".join(f"from {module} import {names}" for module, names in imports)
    return f'''# Find the project folder ("Where cancers spread"), to use its tables and code. This
# looks in the notebook's folder and the folders above it, then where the dashboard ran.
import sys
from pathlib import Path

import altair as alt

{drawing}
APP_FOLDER = Path({str(app_folder)!r})


def find_project(*starts):
    """The first folder (or folder above it) that holds the project's data and charts."""
    for start in starts:
        for folder in (start, *start.parents):
            if (folder / "data" / "datapackage.json").is_file() and (folder / "charts").is_dir():
                return folder
    raise FileNotFoundError("Cannot find the 'Where cancers spread' folder: save this notebook "
                            "inside it, or set APP_FOLDER to the folder that holds app.py.")


def as_chart(spec):
    """The Altair chart of a Vega-Lite spec (a dict), to show it here."""
    return (alt.LayerChart if "layer" in spec else alt.Chart).from_dict(spec)


PROJECT = find_project({here}, APP_FOLDER)
if str(PROJECT) not in sys.path:
    sys.path.insert(0, str(PROJECT))

from data import query
from data.load import load_published
from charts.style import plain_spec
{lines}'''


def slug(words: list[str], empty: str = "all") -> str:
    """A short file-name part for some ids: at most three, then how many more.

    >>> slug(["lung", "adrenal_gland"]), slug([]), slug(list("abcde"))
    ('lung-adrenal-gland', 'all', 'a-b-c-and-2-more')
    """
    if not words:
        return empty
    shown = "-".join(words[:3]) + (f"-and-{len(words) - 3}-more" if len(words) > 3 else "")
    return re.sub(r"[^a-z0-9]+", "-", shown.lower()).strip("-")


def chosen_ids(chosen: list[str] | tuple[str, ...], every: dict[str, str]) -> list[str]:
    """The ids a filter keeps, as the notebook writes them: [] when it keeps every choice.

    >>> chosen_ids(["b", "a"], {"a": "A", "b": "B"}), chosen_ids(["a"], {"a": "A", "b": "B"})
    ([], ['a'])
    """
    return [] if set(chosen) >= set(every) else [i for i in every if i in set(chosen)]


def id_line(name: str, ids: list[str], every: dict[str, str], what: str) -> str:
    """One line of the choices cell: ``NAME = [...]`` with the labels in a comment."""
    shown = ", ".join(every[i] for i in ids) if ids else f"every {what}"
    return f"{name} = {ids!r}  # {shown}"


def md(text: str) -> Cell:
    """A Markdown cell."""
    return ("markdown", text)


def py(text: str) -> Cell:
    """A code cell."""
    return ("code", text)


def setup_imports(*pairs: str) -> tuple[tuple[str, str], ...]:
    """``"module:names"`` pairs as the setup's imports (beyond the tables and plain_spec)."""
    return tuple(tuple(pair.split(":", 1)) for pair in pairs)


def opening(title: str, what: str) -> tuple[Cell, ...]:
    """The first cells: what the notebook draws, how to open it, the caution, the tables."""
    return (md(f"# {title}\n\n{what}\n\n{HOW_TO_OPEN}\n\n{CAUTION}"),
            md("## The tables\n\n`load_published()` reads every published table from "
                "`data/tables/` and checks it against `data/datapackage.json`, as the "
                "dashboard does. `t` holds them by name: `t[\"spread\"]` has one row per "
                "claim that a cancer spreads to a site, with its source and the source's "
                "own words."),
            py("t = load_published()\nsorted(t)"))


SHOW = ("## The chart\n\n`spec` is the chart as the dashboard draws it (a Vega-Lite "
        "description, the same dictionary the page sends to the browser); `as_chart` shows "
        "it here.")
