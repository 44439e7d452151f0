"""Write a notebook's cells as a marimo notebook (a .py file) or a Jupyter notebook (.ipynb).

A notebook here is a list of cells, each ``("markdown", text)`` or ``("code", text)``, and a
setup cell that runs first (it finds the project and imports its code). No Streamlit, no
marimo import: the text is made from the cells alone, in the file formats marimo 0.25 and
Jupyter (nbformat 4.5) read.
"""

from __future__ import annotations

import ast
import json

Cell = tuple[str, str]
"""A cell: its kind (``"markdown"`` or ``"code"``) and its text."""

MARIMO_VERSION = "0.25.2"  # the version pinned in requirements.txt


def defined_names(code: str) -> set[str]:
    """The names a cell's code defines at its top level (assignments, imports, functions).

    Examples
    --------
    >>> sorted(defined_names("import pandas as pd\\nx, y = 1, 2\\ndef f(): z = 3"))
    ['f', 'pd', 'x', 'y']
    """
    names: set[str] = set()
    for node in ast.parse(code).body:
        if isinstance(node, ast.Import | ast.ImportFrom):
            names |= {(alias.asname or alias.name).split(".")[0] for alias in node.names}
        elif isinstance(node, ast.FunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Assign | ast.AnnAssign | ast.AugAssign | ast.For):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names |= {n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)}
    return names


def used_names(code: str) -> set[str]:
    """Every name a cell's code reads.

    >>> sorted(used_names("y = x + len(z)"))
    ['len', 'x', 'z']
    """
    return {n.id for n in ast.walk(ast.parse(code))
            if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}


def _indent(text: str, spaces: int = 4) -> str:
    """``text`` with every non-empty line indented."""
    return "\n".join(" " * spaces + line if line.strip() else "" for line in text.splitlines())


def _markdown_call(text: str) -> str:
    """The marimo call that shows ``text`` as Markdown (a raw triple-quoted string)."""
    if '"""' in text or text.endswith("\\"):
        raise ValueError("a notebook's Markdown cell cannot hold three double quotes in a row "
                         "or end with a backslash")
    return f'mo.md(r"""\n{text.strip()}\n""")'


def _returned(names: list[str]) -> str:
    """A marimo cell's return line for the names it shares with later cells."""
    if not names:
        return "return"
    return f"return ({', '.join(names)},)" if len(names) == 1 else f"return ({', '.join(names)})"


def marimo_text(setup: str, cells: list[Cell], title: str) -> str:
    """The notebook as a marimo file: ``setup`` in ``with app.setup:``, then a function per
    cell whose arguments are the names it reads from other cells and whose return names
    what it defines for them (names starting with ``_`` stay private to their cell).
    Markdown cells show as text with their code hidden."""
    shared = defined_names(setup)
    codes = [text for kind, text in cells if kind == "code"]
    owners = [{name for name in defined_names(code) if not name.startswith("_")}
              for code in codes]
    everyone = set().union(*owners) if owners else set()
    blocks, index = [], 0
    for kind, text in cells:
        if kind == "markdown":
            blocks.append("@app.cell(hide_code=True)\ndef _():\n"
                          + _indent(_markdown_call(text)) + "\n    return")
            continue
        mine = owners[index]
        index += 1
        reads = sorted((used_names(text) & everyone) - mine - shared)
        blocks.append(f"@app.cell\ndef _({', '.join(reads)}):\n{_indent(text)}\n"
                      f"    {_returned(sorted(mine))}")
    return ("import marimo\n\n"
            f'__generated_with = "{MARIMO_VERSION}"\n'
            f"app = marimo.App(width=\"medium\", app_title={json.dumps(title)})\n\n"
            f"with app.setup:\n{_indent(setup)}\n\n\n"
            + "\n\n\n".join(blocks)
            + '\n\n\nif __name__ == "__main__":\n    app.run()\n')


def _source(text: str) -> list[str]:
    """A cell's text as nbformat's list of lines (each but the last keeps its newline)."""
    lines = text.strip("\n").split("\n")
    return [line + "\n" for line in lines[:-1]] + lines[-1:]


def ipynb_text(setup: str, cells: list[Cell], title: str) -> str:
    """The notebook as Jupyter's JSON (nbformat 4.5): the setup as the first code cell."""
    every = [("code", setup), *cells]
    out = []
    for number, (kind, text) in enumerate(every, start=1):
        cell = {"cell_type": kind, "id": f"cell-{number}", "metadata": {},
                "source": _source(text)}
        if kind == "code":
            cell |= {"execution_count": None, "outputs": []}
        out.append(cell)
    document = {"cells": out,
                "metadata": {"title": title,
                             "kernelspec": {"display_name": "Python 3", "language": "python",
                                            "name": "python3"},
                             "language_info": {"name": "python"}},
                "nbformat": 4, "nbformat_minor": 5}
    return json.dumps(document, indent=1, ensure_ascii=False) + "\n"
