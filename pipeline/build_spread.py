"""The spread table: the NCI ranked table's rows (checked cell by cell) and every sentence
that names a cancer spreading to a site, one row per (cancer, site) pair."""

from __future__ import annotations

import pandas as pd

from pipeline.curation_checks import (
    Context,
    check_known,
    check_quote,
    fail,
    refuse_duplicates,
)
from pipeline.text import normalise, table_row_in_text, table_row_quote


def check_ranked_row(entry: int, row: dict, aliases: dict[str, list[str]]) -> None:
    """Refuse a ranked row whose sites are not spelled, in order, in its cell of main sites."""
    cells = row.get("cells") or []
    if len(cells) != 2:
        fail("spread_ranked", entry, "a ranked row needs its two cells: cancer type, main sites")
    spelled = [cell.strip().lower() for cell in normalise(cells[1]).split(",")]
    if len(spelled) != 3 or len(row["sites"]) != 3:
        fail("spread_ranked", entry, "a ranked row needs exactly three sites")
    for rank, (cell, site) in enumerate(zip(spelled, row["sites"], strict=True), start=1):
        if cell not in (alias.lower() for alias in aliases.get(site, [])):
            fail("spread_ranked", entry, f"rank {rank} site {site!r} is not {cell!r} in the row")


def check_table_row(file: str, entry: int, source_id: str, cells: list[str],
                    ctx: Context) -> str:
    """Return the published row quote, or refuse cells not side by side in the source."""
    if source_id not in ctx.texts:
        fail(file, entry, f"unknown source_id {source_id!r}")
    if not table_row_in_text(cells, ctx.texts[source_id]):
        fail(file, entry, f"table row not found cell by cell in source {source_id!r}: {cells!r}")
    return table_row_quote(cells)


def ranked_rows(ranked: dict, ctx: Context, aliases: dict[str, list[str]]) -> list[dict]:
    """Expand the NCI table: one row per (cancer, site), rank 1-3 in the table's order.

    The quote is the table row, checked cell by cell; the note names the table by its header.
    """
    source_id = ranked["source_id"]
    check_quote("spread_ranked", 0, source_id, ranked["table_quote"], ctx)
    header = check_table_row("spread_ranked", 0, source_id, ranked["header"], ctx)
    note = f"A row of the table \u201c{header}\u201d, which leaves out lymph nodes."
    rows = []
    for entry, row in enumerate(ranked["rows"], start=1):
        check_known("spread_ranked", entry, row["primary"], ctx.cancer_ids, "cancer")
        check_ranked_row(entry, row, aliases)
        quote = check_table_row("spread_ranked", entry, source_id, row["cells"], ctx)
        for rank, site in enumerate(row["sites"], start=1):
            check_known("spread_ranked", entry, site, ctx.site_ids, "site")
            rows.append({"primary": row["primary"], "site": site, "rank": rank,
                         "evidence": "ranked_table", "source_id": source_id, "quote": quote,
                         "quote_form": "table_row", "note": note})
    return rows


TEXT_EVIDENCE = ("statement", "example", "rare_reported")
"""Evidence kinds a sentence can give (the ranked table gives ``ranked_table``)."""


def text_rows(claims: list[dict], ctx: Context) -> list[dict]:
    """Expand each sentence-level claim into one row per (primary, site) it names."""
    rows = []
    for entry, claim in enumerate(claims, start=1):
        if claim["evidence"] not in TEXT_EVIDENCE:
            fail("spread_text", entry, f"evidence must be one of {', '.join(TEXT_EVIDENCE)}, "
                 f"not {claim['evidence']!r}")
        quote = check_quote("spread_text", entry, claim["source_id"], claim["quote"], ctx)
        for primary in claim["primaries"]:
            check_known("spread_text", entry, primary, ctx.cancer_ids, "cancer")
            for site in claim["sites"]:
                check_known("spread_text", entry, site, ctx.site_ids, "site")
                rows.append({"primary": primary, "site": site, "rank": None,
                             "evidence": claim["evidence"], "source_id": claim["source_id"],
                             "quote": quote, "quote_form": "sentence",
                             "note": claim.get("note", "")})
    return rows


def build_spread(ranked: dict, claims: list[dict], ctx: Context, aliases,
                 organs: dict[str, str]) -> pd.DataFrame:
    """All spread rows: the 36 ranked ones first, then the sentence-level ones in file order.

    ``starts_in_site`` marks a row whose site is the organ the cancer starts in (``organs``:
    cancer id -> organ site id), e.g. osteosarcoma, a bone cancer, listed as reaching bone.
    """
    frame = pd.DataFrame(ranked_rows(ranked, ctx, aliases) + text_rows(claims, ctx))
    frame = refuse_duplicates(frame, ["primary", "site", "source_id", "quote"], "spread_text")
    frame["rank"] = frame["rank"].astype("Int64")
    frame.insert(0, "spread_id", frame["source_id"] + ":" + frame["primary"] + ":"
                 + frame["site"] + ":" + frame.groupby(
                     ["source_id", "primary", "site"]).cumcount().add(1).astype(str))
    frame.insert(frame.columns.get_loc("note"), "starts_in_site",
                 frame["primary"].map(organs) == frame["site"])
    return frame
