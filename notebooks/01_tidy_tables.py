import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium", app_title="1. The tables behind the dashboard")

with app.setup:
    # The project folder is the one above notebooks/: put it on the import path, so this
    # notebook reads the tables and draws with the same code as the dashboard.
    import html
    import sys
    from pathlib import Path

    import marimo as mo
    import pandas as pd

    PROJECT = Path(__file__).resolve().parent.parent
    if str(PROJECT) not in sys.path:
        sys.path.insert(0, str(PROJECT))

    from data import query
    from data.load import load_published, read_descriptor

    def quote(words, source, detail=""):
        """A source's own words in quotation marks, with who said them, as the app shows them."""
        more = f" · {html.escape(detail)}" if detail else ""
        return mo.Html(f"<blockquote>“{html.escape(words)}”<br>— <b>{html.escape(source)}"
                       f"</b>{more}</blockquote>")


@app.cell(hide_code=True)
def _():
    mo.md(r"""
    # 1. The tables behind the dashboard

    Every chart in *Where cancers spread* is drawn from a few small tables. In this notebook
    you open them yourself: what one row means, why a rank is an order and not a
    percentage, and how to filter and reshape a table with **pandas**, the Python library
    for tables.

    Change any code cell and run it (Ctrl+Enter, or the ▶ button): marimo runs again every
    cell that depends on it. Nothing here uses the internet.

    *For learning only: this notebook shows what five published sources say. It is not
    medical advice and must not be used for decisions about anyone's care.*
    """)
    return


@app.cell(hide_code=True)
def _():
    mo.md(r"""
    ## Open the tables

    `load_published()` reads every table in `data/tables/` and checks each one against
    `data/datapackage.json`, the file that says what every column means. It gives back a
    dictionary: table name → pandas DataFrame.
    """)
    return


@app.cell
def _():
    t = load_published()
    sizes = pd.DataFrame({"table": list(t), "rows": [len(t[name]) for name in t],
                          "columns": [len(t[name].columns) for name in t]})
    sizes
    return (t,)


@app.cell(hide_code=True)
def _(t):
    table = mo.ui.dropdown(options=sorted(t), value="spread", label="Look at a table")
    table
    return (table,)


@app.cell
def _(t, table):
    dictionary = query.data_dictionary(read_descriptor())
    mo.vstack([
        mo.md(f"**{table.value}.csv**: its first rows, then what each column means."),
        t[table.value].head(8),
        dictionary[dictionary["table"] == table.value][["column", "type", "meaning"]],
    ])
    return


@app.cell(hide_code=True)
def _():
    mo.md(r"""
    ## What is one row?

    The main table is `spread`. It is **tidy**: one row is one *claim*: one source says
    that one cancer (`primary`) spreads to one place (`site`). The row also says *how* the
    source says it (`evidence`) and carries the source's own words (`quote`), so every
    cell of the heatmap can be traced back to a sentence.

    Pick a row number and read it aloud.
    """)
    return


@app.cell(hide_code=True)
def _(t):
    row_number = mo.ui.number(start=0, stop=len(t["spread"]) - 1, value=0,
                              label="Row number in spread")
    row_number
    return (row_number,)


@app.cell
def _(row_number, t):
    cancer_names = query.labels(t["cancers"], "cancer_id")
    site_names = query.labels(t["sites"], "site_id")
    source_names = query.labels(t["sources"], "source_id", "short_name")
    row = t["spread"].iloc[row_number.value]
    mo.vstack([
        mo.md(f"Row {row_number.value} says: **{cancer_names[row['primary']]}** can spread "
              f"to **{site_names[row['site']]}** (evidence: `{row['evidence']}`"
              + (f", rank {row['rank']}" if pd.notna(row["rank"]) else "") + ")."),
        quote(row["quote"], source_names[row["source_id"]]),
    ])
    return cancer_names, site_names


@app.cell(hide_code=True)
def _():
    mo.md(r"""
    ## Ranks are an order, not percentages

    Rows with `evidence == "ranked_table"` come from one table in the National Cancer
    Institute's fact sheet. Here is how the fact sheet itself introduces that table (from
    the `key_facts` table):
    """)
    return


@app.cell
def _(t):
    nci_words = t["key_facts"][t["key_facts"]["quote"].str.contains("descending order")].iloc[0]
    said_by = t["sources"].set_index("source_id").loc[nci_words["source_id"]]
    quote(nci_words["quote"], f"{said_by['short_name']} (confidence: {said_by['confidence']})")
    return


@app.cell(hide_code=True)
def _():
    mo.md(r"""
    So `rank` is 1, 2 or 3: **1st, 2nd, 3rd**, most common first. The table gives no
    percentages: rank 1 is more common than rank 2 for that cancer, but the table does not
    say *by how much*. That is why the dashboard colours ranks as an order (rank 1
    strongest) and never draws them as bars of a size.

    Check it in code: every cancer in the table has exactly one 1st, one 2nd and one 3rd.
    """)
    return


@app.cell
def _(t):
    spread = t["spread"]
    ranked = spread[spread["evidence"] == "ranked_table"]
    ranked.groupby("primary")["rank"].apply(sorted).value_counts()
    return ranked, spread


@app.cell(hide_code=True)
def _():
    mo.md(r"""
    The note on those rows says what the table leaves out (here, lymph nodes), so a site
    missing from the top three is not a site where that cancer never spreads.
    """)
    return


@app.cell
def _(ranked):
    ranked["note"].drop_duplicates().tolist()
    return


@app.cell(hide_code=True)
def _():
    mo.md(r"""
    ## Filtering: keep the rows you want

    A filter is a column of True/False, one per row; `spread[mask]` keeps the True rows.
    Choose a cancer and kinds of evidence, then read the code: the boxes only fill in
    `chosen_cancer` and `chosen_evidence`.
    """)
    return


@app.cell(hide_code=True)
def _(cancer_names, spread):
    pick_cancer = mo.ui.dropdown(
        options={cancer_names[c]: c for c in sorted(spread["primary"].unique(),
                                                    key=cancer_names.get)},
        value="Lung cancer", label="Cancer")
    pick_evidence = mo.ui.multiselect(options=list(spread["evidence"].unique()),
                                      value=list(spread["evidence"].unique()),
                                      label="Kinds of evidence")
    mo.hstack([pick_cancer, pick_evidence])
    return pick_cancer, pick_evidence


@app.cell
def _(pick_cancer, pick_evidence, spread):
    chosen_cancer = pick_cancer.value  # an id such as "lung"
    chosen_evidence = pick_evidence.value
    mask = (spread["primary"] == chosen_cancer) & spread["evidence"].isin(chosen_evidence)
    spread[mask][["site", "rank", "evidence", "source_id", "quote"]]
    return


@app.cell(hide_code=True)
def _():
    mo.md(r"""
    ## Pivoting: the same rows, another shape

    `pivot` turns values of one column into columns. With the ranked rows, one row per
    cancer and one column per rank gives back the NCI table as it was printed:
    """)
    return


@app.cell
def _(cancer_names, ranked, site_names):
    by_rank = ranked.pivot(index="primary", columns="rank", values="site")
    by_rank = by_rank.rename(index=cancer_names, columns={1: "1st", 2: "2nd", 3: "3rd"})
    by_rank.apply(lambda column: column.map(site_names))
    return


@app.cell(hide_code=True)
def _():
    mo.md(r"""
    And one row per cancer, one column per site, with the rank in the cell, is the heatmap's
    grid (an empty cell: that site is not in that cancer's top three):
    """)
    return


@app.cell
def _(cancer_names, ranked, site_names):
    grid = ranked.pivot_table(index="primary", columns="site", values="rank", aggfunc="min")
    grid.rename(index=cancer_names, columns=site_names)
    return


@app.cell(hide_code=True)
def _():
    mo.md(r"""
    ## Counting, honestly

    `top_three_counts` (the dashboard's own) counts, for each site, how many cancers in the
    NCI table list it 1st, 2nd or 3rd. It counts **entries in the table**, not patients:
    it cannot say how many people's cancer spreads there.
    """)
    return


@app.cell
def _(spread, t):
    counts = query.top_three_counts(spread, t["cancers"], t["sites"])
    counts.pivot_table(index="site_label", columns="rank_label", values="n_cancers",
                       fill_value=0)
    return


@app.cell(hide_code=True)
def _():
    mo.md(r"""
    ## Try it

    - In the filtering cell, change `spread["primary"] == chosen_cancer` to
      `spread["site"] == "brain"`: which cancers do the sources say reach the brain?
    - Pivot the `symptoms` table: one row per site, counting its symptoms
      (`t["symptoms"].groupby("site")["symptom"].count()`).

    Next: **2. The heatmap and the network, step by step**.
    """)
    return


if __name__ == "__main__":
    app.run()
