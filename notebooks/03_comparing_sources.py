import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium", app_title="3. Comparing sources")

with app.setup:
    # The project folder is the one above notebooks/: put it on the import path, so this
    # notebook reads the tables with the same code as the dashboard.
    import html
    import sys
    from pathlib import Path

    import marimo as mo

    PROJECT = Path(__file__).resolve().parent.parent
    if str(PROJECT) not in sys.path:
        sys.path.insert(0, str(PROJECT))

    from data import query
    from data.claims import claim_checks, conflicts
    from data.load import load_published
    from views.source_check import source_grid

    def quote(words, source, detail=""):
        """A source's own words in quotation marks, with who said them, as the app shows them."""
        more = f" · {html.escape(detail)}" if detail else ""
        return mo.Html(f"<blockquote>“{html.escape(words)}”<br>— <b>{html.escape(source)}"
                       f"</b>{more}</blockquote>")


@app.cell(hide_code=True)
def _():
    mo.md(r"""
    # 3. Comparing sources

    Five sources, five voices. They do not all say the same thing, and they do not all
    deserve the same trust. Here you compare them in code: who names which site, and where
    two answers cannot both be true.

    Sentences in quotation marks are the sources' own words, with the source under them.
    Everything else this notebook prints is worked out from the tables by the code you can
    read: it is not a quote.

    *For learning only: this notebook shows what five published sources say. It is not
    medical advice and must not be used for decisions about anyone's care.*
    """)
    return


@app.cell
def _():
    t = load_published()
    sources = t["sources"]
    sources[["short_name", "publisher", "reviewed", "confidence", "confidence_note"]]
    return sources, t


@app.cell(hide_code=True)
def _():
    mo.md(r"""
    `confidence` is how far this project trusts each source, and `confidence_note` says
    why. A source with no publisher and no date is the lowest: usable, but always read with
    care.

    ## Who names which site?

    `source_grid` (the Source check page's own) makes one row per site and one column per
    source, saying *how* each source names the pair. An empty cell means that source does not
    mention the pair; it does not mean the source disagrees.
    """)
    return


@app.cell(hide_code=True)
def _(t):
    cancer_names = query.labels(t["cancers"], "cancer_id")
    pick_cancer = mo.ui.dropdown(
        options={cancer_names[c]: c for c in sorted(set(t["spread"]["primary"]),
                                                    key=cancer_names.get)},
        value="Breast cancer", label="Cancer")
    pick_cancer
    return (pick_cancer,)


@app.cell
def _(pick_cancer, t):
    grid = source_grid(t, pick_cancer.value)
    grid
    return (grid,)


@app.cell(hide_code=True)
def _():
    mo.md(r"""
    ## Counting agreement, in code

    For each site: how many sources name it. A site only one source names is worth a second
    look; a site every source names is not proof either, since sources can copy each other.
    """)
    return


@app.cell
def _(grid, sources):
    source_columns = [c for c in grid.columns if c in set(sources["short_name"])]
    named_by = (grid[source_columns] != "").sum(axis=1)
    agreement = grid[["site_label"]].assign(sources_naming_it=named_by.values)
    only_one = agreement[agreement["sources_naming_it"] == 1]["site_label"].tolist()
    mo.vstack([agreement, mo.md(f"Named by one source only: {', '.join(only_one) or 'none'}. "
                                "(Worked out from the table above; not a quote.)")])
    return


@app.cell(hide_code=True)
def _():
    mo.md(r"""
    ## Where answers cannot both be true

    The `claims` table holds the sources' answers to a few questions, each in their words.
    `stance` is the answer in short; `conflicts_with` names the answer it cannot stand
    beside. `claim_checks` gives each question a verdict: *Sources disagree* only where two
    answers clash, *Sources agree*, or *Only one source says*.
    """)
    return


@app.cell
def _(t):
    checks = claim_checks(t["claims"], t["sources"])
    checks[["topic", "n_sources", "verdict", "contradicts_itself"]]
    return (checks,)


@app.cell(hide_code=True)
def _(checks):
    pick_topic = mo.ui.dropdown(options=list(checks["topic"]),
                                value=checks["topic"].iloc[0], label="Question")
    pick_topic
    return (pick_topic,)


@app.cell
def _(pick_topic, sources, t):
    short = query.labels(sources, "source_id", "short_name")
    confidence = query.labels(sources, "source_id", "confidence")
    answers = t["claims"][t["claims"]["topic"] == pick_topic.value]
    mo.vstack([mo.md(f"### {pick_topic.value}")] + [
        mo.vstack([mo.md(f"**Answer: {row.stance}**"),
                   quote(row.quote, f"{short[row.source_id]} (confidence: "
                                    f"{confidence[row.source_id]})")])
        for row in answers.itertuples()])
    return (short,)


@app.cell(hide_code=True)
def _():
    mo.md(r"""
    `conflicts` lists every pair of answers on this question that clash, and whether one
    source clashes with itself (`same_source`):
    """)
    return


@app.cell
def _(pick_topic, short, t):
    clashes = conflicts(t["claims"])
    mine = clashes[clashes["topic"] == pick_topic.value]
    mine.assign(source_a=mine["source_a"].map(short), source_b=mine["source_b"].map(short))[
        ["source_a", "stance_a", "source_b", "stance_b", "same_source"]]
    return


@app.cell(hide_code=True)
def _():
    mo.md(r"""
    ## Try it

    - Which question has the most sources answering it? (`checks.sort_values("n_sources")`)
    - Filter `t["spread"]` to one source (`source_id == "unattributed"`): which pairs does
      only that source name?

    Next: **4. Your own table**.
    """)
    return


if __name__ == "__main__":
    app.run()
