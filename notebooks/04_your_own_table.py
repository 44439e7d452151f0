import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium", app_title="4. Your own table")

with app.setup:
    # The project folder is the one above notebooks/: put it on the import path, so this
    # notebook reads your file with the same code as the dashboard's "Your own data" page.
    import sys
    from pathlib import Path

    import altair as alt
    import marimo as mo
    import pandas as pd

    PROJECT = Path(__file__).resolve().parent.parent
    if str(PROJECT) not in sys.path:
        sys.path.insert(0, str(PROJECT))

    from charts.own_data import own_heatmap
    from charts.style import plain_spec
    from data.load import load_published
    from upload import UploadError, guess_shape, match_all, read_table, tidy_report, vocabulary
    from upload.names import load_synonyms
    from upload.resolve import measure_of, resolve
    from upload.view import HEATMAP_MAX, drawn

    EXAMPLES = PROJECT / "data" / "examples"

    def as_chart(spec):
        """The Altair chart of a Vega-Lite spec (a dictionary), to show it here."""
        return (alt.LayerChart if "layer" in spec else alt.Chart).from_dict(spec)


@app.cell(hide_code=True)
def _():
    mo.md(r"""
    # 4. Your own table

    Bring a table of your own (a textbook's, a paper's, a class exercise) and draw it with
    the dashboard's heatmap, step by step, as its *Your own data* page does. Three shapes
    of table work:

    - **ranked**: `primary, site, rank` (1 = the most common site for that cancer);
    - **counts**: `primary, site, count` and, if you have it, `total` (patients with that
      cancer);
    - **one row per patient**: `patient_id, primary, site`.

    The three practice files in `data/examples/` are **invented practice data**: their
    numbers are made up for trying this out, not real statistics.

    *For learning only: a chart of a table is not medical advice and must not be used for
    decisions about anyone's care.*
    """)
    return


@app.cell(hide_code=True)
def _():
    pick_example = mo.ui.dropdown(options=sorted(p.name for p in EXAMPLES.glob("*.csv")),
                                  value="practice_spread_counts.csv", label="Practice file")
    own_path = mo.ui.text(placeholder="/path/to/your_table.csv", full_width=True,
                          label="…or the path of your own file (CSV, TSV, Excel, OpenDocument)")
    mo.vstack([pick_example, own_path])
    return own_path, pick_example


@app.cell
def _(own_path, pick_example):
    path = Path(own_path.value.strip()).expanduser() if own_path.value.strip() else (
        EXAMPLES / pick_example.value)
    mo.stop(not path.is_file(), mo.md(f"**No file at `{path}`.** Check the path (a full "
                                      "path is safest) and try again."))
    return (path,)


@app.cell(hide_code=True)
def _():
    mo.md(r"""
    ## 1. Read it

    `read_table` reads the file's bytes the way the upload page does: it finds the separator
    (comma, semicolon, tab or `|`), the decimal mark, and refuses a file that is too big, with
    a sentence saying why. `guess_shape` then guesses which kind of table it is from the
    column names.
    """)
    return


@app.cell
def _(path):
    try:
        frame = read_table(path.read_bytes(), path.name)
    except UploadError as problem:
        mo.stop(True, mo.md("**The file cannot be read.**\n\n"
                            + "\n".join(f"- {p}" for p in problem.problems)))
    shape, mapping = guess_shape(list(frame.columns))
    mo.vstack([mo.md(f"{len(frame):,} rows. Guessed shape: **{shape}**; columns used: "
                     f"`{mapping}`"), frame.head(10)])
    return frame, mapping, shape


@app.cell(hide_code=True)
def _():
    mo.md(r"""
    If the guess is wrong, write the shape and the columns yourself in the next cell, for
    example `shape, columns = "ranked", {"primary": "Cancer", "site": "Where", "rank": "Order"}`.

    ## 2. Make it tidy

    `tidy_report` checks every cell and makes one row per cancer and site. For counts and
    patients it works out each **share**: count ÷ total, the part of that cancer's patients
    whose cancer spread to that site.
    """)
    return


@app.cell
def _(frame, mapping, shape):
    columns = mapping  # change this line to choose the columns yourself
    if shape is None:
        mo.stop(True, mo.md("**The columns were not recognised.** Set `shape` and `columns` "
                            "in this cell (see the example above)."))
    try:
        tidied = tidy_report(frame, shape, columns)
    except UploadError as problem:
        mo.stop(True, mo.md("**Some rows need fixing first.**\n\n"
                            + "\n".join(f"- {p}" for p in problem.problems)))
    mo.vstack([mo.md("\n".join(f"- {note}" for note in tidied.notes) or "Every row was used."),
               tidied.pairs])
    return (tidied,)


@app.cell(hide_code=True)
def _():
    mo.md(r"""
    ## 3. Match the names

    Your file may say `Bones` where the dashboard says *Bone*. `match_all` matches each name
    by the same name (ignoring capitals and plurals), by a curated other name or grouping
    (`data/curation/synonyms.yaml`), or suggests a near spelling; a name it cannot match
    stays as a new name, so none vanishes.
    """)
    return


@app.cell
def _(tidied):
    t = load_published()
    synonyms = load_synonyms()
    cancer_matches = match_all(tidied.pairs["primary"].unique(),
                               vocabulary(t["cancers"], "cancer_id"), synonyms["cancers"])
    site_matches = match_all(tidied.pairs["site"].unique(),
                             vocabulary(t["sites"], "site_id", aliases="aliases"),
                             synonyms["sites"])
    found = pd.DataFrame([(kind, name, m.id, m.how) for kind, matches in
                          (("cancer", cancer_matches), ("site", site_matches))
                          for name, m in matches.items()],
                         columns=["kind", "name in your file", "matched to", "how"])
    found
    return cancer_matches, site_matches, t


@app.cell(hide_code=True)
def _():
    mo.md(r"""
    ## 4. Draw it

    `resolve` gives each pair the dashboard's names (a suggested spelling is taken here, as
    the page pre-selects it: set a name to `None` in `cancer_ids` or `site_ids` to keep your
    own). `drawn` keeps at most 50 cancers × 60 sites and hides cancers with fewer than 5
    patients, and `own_heatmap` is the page's own chart: ranks as an order, counts as shares
    of the `n` beside each cancer.
    """)
    return


@app.cell
def _(cancer_matches, path, site_matches, t, tidied):
    cancer_ids = {name: m.id for name, m in cancer_matches.items()}
    site_ids = {name: m.id for name, m in site_matches.items()}
    try:
        resolved = resolve(tidied.pairs, cancer_ids, site_ids,
                           dict(zip(t["cancers"]["cancer_id"], t["cancers"]["label"],
                                    strict=True)),
                           dict(zip(t["sites"]["site_id"], t["sites"]["label"], strict=True)),
                           tidied.patients)
    except UploadError as problem:
        mo.stop(True, mo.md("**Some names cannot be merged as matched.**\n\n"
                            + "\n".join(f"- {p}" for p in problem.problems)))
    shown = drawn(resolved, HEATMAP_MAX)
    spec = plain_spec(own_heatmap(shown.pairs, measure_of(resolved), path.name))
    mo.vstack([as_chart(spec), mo.md(shown.note)])
    return


@app.cell(hide_code=True)
def _():
    mo.md(r"""
    ## Try it

    - Switch to `practice_ranked.csv`: the colours become an order (1st, 2nd, 3rd) instead of
      shares.
    - Make a small CSV of your own in a text editor (three columns: `primary,site,rank`), save
      it, and type its path above.
    """)
    return


if __name__ == "__main__":
    app.run()
