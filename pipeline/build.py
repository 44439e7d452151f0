"""Build the published tables in ``data/tables/`` from the curated claims in ``data/curation/``.

Run ``python -m pipeline.build`` (``--sources DIR`` to name the folder of source texts, default
``../shared/sources``; ``--check`` to compare with the committed tables instead of writing).

The build is deterministic and refuses, naming the file, the entry and the reason: a quote it
cannot find verbatim in the source it names, an unknown cancer, site or source, and a duplicate.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

import pandas as pd

from data.load import TABLES_DIR
from data.vocabulary import GENERAL
from pipeline.build_spread import build_spread
from pipeline.curation_checks import (
    CURATION_DIR,
    DATA_DIR,
    Context,
    CurationError,
    check_known,
    check_quote,
    fail,
    read_curation,
    refuse_duplicates,
)
from pipeline.text import normalise

DEFAULT_SOURCES_DIR = DATA_DIR.parent.parent / "shared" / "sources"

__all__ = ["CURATION_DIR", "TABLES_DIR", "CurationError", "build_all", "main", "read_curation",
           "stale_tables", "to_csv_text", "write_tables"]

TABLE_ORDER = ("sources", "sites", "cancers", "spread", "survival", "figures",
               "symptoms", "treatments", "cascade", "key_facts", "claims")


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
    """One row per (site, symptom, sentence); site is a site id or ``general`` (a general
    sign of spread that the source ties to no site)."""
    flat = [{**c, "symptom": symptom} for c in claims for symptom in c["symptoms"]]
    return build_claims("symptoms", flat, ctx, ["site", "symptom", "source_id"],
                        ["site", "symptom", "source_id", "quote"],
                        {"site": ctx.site_ids | {GENERAL}})


def build_treatments(claims: list[dict], ctx: Context) -> pd.DataFrame:
    """One row per (scope, treatment, sentence); scope is a site id or ``general``."""
    flat = [{**c, **t} for c in claims for t in c["treatments"]]
    scopes = ctx.site_ids | {GENERAL}
    return build_claims("treatments", flat, ctx, ["scope", "treatment", "kind", "source_id"],
                        ["scope", "treatment", "source_id", "quote"], {"scope": scopes})


def _check_one_rule(claims: list[dict]) -> None:
    """Refuse claims that do not apply one rule: a clash belongs to the stance, not the source.

    Every claim holding a stance on a topic must name the same ``conflicts_with``, and a clash
    must run both ways (a stance that clashes with another is named back by it), so that two
    sources saying the same thing are judged the same way.
    """
    declared: dict[tuple[str, str], tuple[int, frozenset]] = {}
    for entry, claim in enumerate(claims, start=1):
        key = (claim["topic"], claim["stance"])
        mine = frozenset(claim.get("conflicts_with") or [])
        first = declared.setdefault(key, (entry, mine))
        if first[1] != mine:
            fail("claims", entry, f"stance {claim['stance']!r} names conflicts_with "
                 f"{sorted(mine)}, but entry {first[0]} holding the same stance names "
                 f"{sorted(first[1])}: one stance, one rule")
    for (topic, stance), (entry, mine) in declared.items():
        for other in mine:
            if stance not in declared.get((topic, other), (0, frozenset()))[1]:
                fail("claims", entry, f"{stance!r} clashes with {other!r}, but claims holding "
                     f"{other!r} do not name {stance!r} back: a clash runs both ways")


def build_topic_claims(claims: list[dict], ctx: Context) -> pd.DataFrame:
    """The claims table, with ``conflicts_with`` joined by ``|`` and checked.

    A ``conflicts_with`` stance must be held by another claim on the same topic, so that every
    disagreement the Source check page shows has the quotes that make it one; and the same
    stance must always name the same clashes, both ways (:func:`_check_one_rule`).
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
        flat.append({**claim, "conflicts_with": "|".join(conflicts),
                     "known_error": normalise(claim.get("known_error") or "")})
    _check_one_rule(claims)
    return build_claims("claims", flat, ctx,
                        ["topic", "position", "stance", "conflicts_with", "source_id", "note",
                         "known_error"],
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
    parser = argparse.ArgumentParser(prog="python -m pipeline.build", description=__doc__)
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
