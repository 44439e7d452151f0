"""Build the published tables in ``data/tables/`` from the curated claims in ``data/curation/``.

Run ``python -m data.build`` (``--sources DIR`` to name the folder of source texts, default
``../shared/sources``; ``--check`` to compare with the committed tables instead of writing).

The build is deterministic and refuses, naming the file, the entry and the reason: a quote it
cannot find verbatim in the source it names, an unknown cancer, site or source, and a duplicate.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import yaml

from data.text import normalise, quote_in_text, table_row_in_text, table_row_quote

DATA_DIR = Path(__file__).resolve().parent
CURATION_DIR = DATA_DIR / "curation"
TABLES_DIR = DATA_DIR / "tables"
DEFAULT_SOURCES_DIR = DATA_DIR.parent.parent / "shared" / "sources"

TABLE_ORDER = ("sources", "sites", "cancers", "spread", "survival", "figures",
               "symptoms", "treatments", "cascade", "key_facts", "claims")


class CurationError(ValueError):
    """A curated claim the build refuses; the message names file, entry and reason."""


@dataclass(frozen=True)
class Context:
    """What every table builder checks against: source texts and the vocabularies."""

    texts: dict[str, str]
    cancer_ids: frozenset[str]
    site_ids: frozenset[str]


def read_curation(name: str, curation_dir: Path = CURATION_DIR):
    """Read ``<name>.yaml`` from the curation folder."""
    try:
        with open(curation_dir / f"{name}.yaml", encoding="utf-8") as handle:
            return yaml.safe_load(handle)
    except (OSError, yaml.YAMLError) as error:
        raise CurationError(f"{name}.yaml: cannot be read ({error})") from error


def fail(file: str, entry: int, reason: str) -> None:
    """Raise a :class:`CurationError` naming the file, the entry (1-based) and the reason."""
    raise CurationError(f"{file}.yaml, entry {entry}: {reason}")


def check_quote(file: str, entry: int, source_id: str, quote: str, ctx: Context) -> str:
    """Return the normalised quote, or refuse it when it is not verbatim in its source."""
    if source_id not in ctx.texts:
        fail(file, entry, f"unknown source_id {source_id!r}")
    if not quote or not quote_in_text(quote, ctx.texts[source_id]):
        fail(file, entry, f"quote not found verbatim in source {source_id!r}: {quote!r}")
    return normalise(quote)


def check_known(file: str, entry: int, value: str, known: frozenset[str], what: str) -> None:
    """Refuse a value that is not in its vocabulary."""
    if value not in known:
        fail(file, entry, f"unknown {what} {value!r}")


def refuse_duplicates(frame: pd.DataFrame, key: list[str], file: str) -> pd.DataFrame:
    """Return ``frame`` unchanged, or refuse the first row whose ``key`` repeats."""
    repeated = frame.duplicated(subset=key, keep="first")
    if repeated.any():
        row = frame[repeated].iloc[0]
        where = ", ".join(f"{k}={row[k]!r}" for k in key if k != "quote")
        raise CurationError(f"{file}.yaml: duplicate claim ({where})")
    return frame


def read_source_texts(sources: list[dict], sources_dir: Path) -> tuple[dict, dict]:
    """Read each source's text; return ({source_id: text}, {source_id: sha256})."""
    texts, hashes = {}, {}
    for entry, source in enumerate(sources, start=1):
        path = sources_dir / source["file"]
        if not path.is_file():
            fail("sources", entry, f"source text not found at {path}")
        raw = path.read_bytes()
        texts[source["source_id"]] = raw.decode("utf-8")
        hashes[source["source_id"]] = hashlib.sha256(raw).hexdigest()
    return texts, hashes


def citation(source: dict) -> str:
    """A one-line citation built only from what the source text itself gives."""
    parts = [source["publisher"]]
    if source["title"]:
        parts.append(f"\u201c{source['title']}\u201d")
    parts.append(f"reviewed {source['reviewed']}" if source["reviewed"] else "no date given")
    return ", ".join(parts) + "."


def build_sources(sources: list[dict], hashes: dict[str, str]) -> pd.DataFrame:
    """The five sources with their confidence, reuse terms and the sha256 of each text."""
    rows = [{
        "source_id": s["source_id"], "short_name": s["short_name"],
        "publisher": s["publisher"], "title": s["title"], "reviewed": s["reviewed"],
        "kind": s["kind"], "confidence": s["confidence"],
        "confidence_note": normalise(s["confidence_note"]), "reuse": normalise(s["reuse"]),
        "citation": citation(s), "sha256": hashes[s["source_id"]],
    } for s in sources]
    return refuse_duplicates(pd.DataFrame(rows), ["source_id"], "sources")


def build_sites(sites: list[dict], spread: pd.DataFrame) -> pd.DataFrame:
    """Sites with their source spellings and whether any spread row reaches them."""
    frame = pd.DataFrame([{
        "site_id": s["site_id"], "label": s["label"], "aliases": "|".join(s["aliases"]),
        "receives_spread": s["site_id"] in set(spread["site"]),
    } for s in sites])
    return refuse_duplicates(frame, ["site_id"], "sites")


def build_cancers(cancers: list[dict], site_ids: frozenset[str]) -> pd.DataFrame:
    """Primary cancers with the organ each starts in and its group."""
    for entry, cancer in enumerate(cancers, start=1):
        check_known("cancers", entry, cancer["organ_site_id"], site_ids, "organ_site_id")
    frame = pd.DataFrame(cancers)[["cancer_id", "label", "organ_site_id", "group"]]
    return refuse_duplicates(frame, ["cancer_id"], "cancers")


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


def build_claims(file: str, claims: list[dict], ctx: Context, columns: list[str],
                 key: list[str], vocab: dict[str, frozenset[str]]) -> pd.DataFrame:
    """A flat claim table: check each quote and vocabulary column, refuse duplicates."""
    rows = []
    for entry, claim in enumerate(claims, start=1):
        for column, known in vocab.items():
            check_known(file, entry, claim[column], known, column)
        quote = check_quote(file, entry, claim["source_id"], claim["quote"], ctx)
        rows.append({**{c: claim.get(c, "") for c in columns}, "quote": quote})
    return refuse_duplicates(pd.DataFrame(rows)[columns + ["quote"]], key, file)


def build_symptoms(claims: list[dict], ctx: Context) -> pd.DataFrame:
    """One row per (site, symptom, sentence)."""
    flat = [{**c, "symptom": symptom} for c in claims for symptom in c["symptoms"]]
    return build_claims("symptoms", flat, ctx, ["site", "symptom", "source_id"],
                        ["site", "symptom", "source_id", "quote"], {"site": ctx.site_ids})


def build_treatments(claims: list[dict], ctx: Context) -> pd.DataFrame:
    """One row per (scope, treatment, sentence); scope is a site id or ``general``."""
    flat = [{**c, **t} for c in claims for t in c["treatments"]]
    scopes = ctx.site_ids | {"general"}
    return build_claims("treatments", flat, ctx, ["scope", "treatment", "kind", "source_id"],
                        ["scope", "treatment", "source_id", "quote"], {"scope": scopes})


def build_topic_claims(claims: list[dict], ctx: Context) -> pd.DataFrame:
    """The claims table, with ``conflicts_with`` joined by ``|`` and checked.

    A ``conflicts_with`` stance must be held by another claim on the same topic, so that every
    disagreement the Source check page shows has the quotes that make it one.
    """
    stances: dict[str, set[str]] = {}
    for claim in claims:
        stances.setdefault(claim["topic"], set()).add(claim["stance"])
    flat = []
    for entry, claim in enumerate(claims, start=1):
        conflicts = claim.get("conflicts_with") or []
        for other in conflicts:
            if other not in stances[claim["topic"]] - {claim["stance"]}:
                fail("claims", entry, f"conflicts_with names {other!r}, which no other claim "
                     f"on {claim['topic']!r} holds")
        flat.append({**claim, "conflicts_with": "|".join(conflicts)})
    return build_claims("claims", flat, ctx,
                        ["topic", "position", "stance", "conflicts_with", "source_id", "note"],
                        ["topic", "quote"], {})


def build_all(sources_dir: Path = DEFAULT_SOURCES_DIR,
              curation_dir: Path = CURATION_DIR) -> dict[str, pd.DataFrame]:
    """Build every table from the curation files; return them by name, in TABLE_ORDER."""
    read = lambda name: read_curation(name, curation_dir)  # noqa: E731 - local shorthand
    sources, sites, cancers = read("sources"), read("sites"), read("cancers")
    texts, hashes = read_source_texts(sources, sources_dir)
    site_ids = frozenset(s["site_id"] for s in sites)
    ctx = Context(texts, frozenset(c["cancer_id"] for c in cancers), site_ids)
    aliases = {s["site_id"]: s["aliases"] for s in sites}
    organs = {c["cancer_id"]: c["organ_site_id"] for c in cancers}
    spread = build_spread(read("spread_ranked"), read("spread_text"), ctx, aliases, organs)
    tables = {
        "sources": build_sources(sources, hashes),
        "sites": build_sites(sites, spread),
        "cancers": build_cancers(cancers, site_ids),
        "spread": spread,
        "survival": build_claims(
            "survival", read("survival"), ctx,
            ["cancer", "population", "stage", "measure", "value_pct", "source_id"],
            ["cancer", "population", "stage", "measure"], {"cancer": ctx.cancer_ids}),
        "figures": build_claims(
            "figures", read("figures"), ctx,
            ["figure_id", "measure", "value", "unit", "qualifier", "value_as_stated",
             "context", "source_id"], ["figure_id"], {}),
        "symptoms": build_symptoms(read("symptoms"), ctx),
        "treatments": build_treatments(read("treatments"), ctx),
        "cascade": build_claims("cascade", read("cascade"), ctx,
                                ["step", "name", "what_happens", "source_id"], ["step"], {}),
        "key_facts": build_claims("key_facts", read("key_facts"), ctx,
                                  ["fact_id", "topic", "source_id"], ["fact_id"], {}),
        "claims": build_topic_claims(read("claims"), ctx),
    }
    tables["figures"]["context"] = tables["figures"]["context"].map(normalise)
    return {name: tables[name] for name in TABLE_ORDER}


def to_csv_text(frame: pd.DataFrame) -> str:
    """The exact CSV text a table is published as (UTF-8, LF line ends)."""
    return frame.to_csv(index=False, lineterminator="\n")


def write_tables(tables: dict[str, pd.DataFrame], out_dir: Path = TABLES_DIR) -> list[Path]:
    """Write each table as ``<name>.csv``; return the paths written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, frame in tables.items():
        path = out_dir / f"{name}.csv"
        path.write_text(to_csv_text(frame), encoding="utf-8")
        paths.append(path)
    return paths


def stale_tables(tables: dict[str, pd.DataFrame], out_dir: Path = TABLES_DIR) -> list[str]:
    """Names of the committed tables that differ from a fresh build."""
    return [name for name, frame in tables.items()
            if not (out_dir / f"{name}.csv").is_file()
            or (out_dir / f"{name}.csv").read_text(encoding="utf-8") != to_csv_text(frame)]


def main(argv: list[str] | None = None) -> int:
    """Command-line entry: build (or with --check, compare) the tables."""
    parser = argparse.ArgumentParser(prog="python -m data.build", description=__doc__)
    parser.add_argument("--sources", type=Path, default=DEFAULT_SOURCES_DIR,
                        help="folder holding the five source texts (default: %(default)s)")
    parser.add_argument("--out", type=Path, default=TABLES_DIR, help="where to write the CSVs")
    parser.add_argument("--check", action="store_true",
                        help="do not write; exit 1 if the committed tables differ from a build")
    args = parser.parse_args(argv)
    try:
        tables = build_all(args.sources)
    except CurationError as error:
        print(f"build refused: {error}", file=sys.stderr)
        return 2
    if args.check:
        stale = stale_tables(tables, args.out)
        print("tables up to date" if not stale else f"tables out of date: {', '.join(stale)}")
        return 1 if stale else 0
    for path in write_tables(tables, args.out):
        print(f"wrote {path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path}"
              f" ({len(tables[path.stem])} rows)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
