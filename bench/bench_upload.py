"""A big upload: a 450,000-row sample-level export (about 24 MB, under the 25 MB limit;
invented: blank sites for primary samples, repeated patient-site rows, clinical names, six
columns), read, counted, drawn.

Run from the repository root: ``python -m bench.bench_upload [--rows 450000] [--reruns 20]``.
Prints a Markdown table; nothing is asserted (speed is measured here, never in tests).

- Parse: ``read_table`` on the CSV bytes (decode, check, split into columns).
- Aggregate: ``tidy_report`` (repeats counted once, no-site rows into n, distinct patients).
- Match and resolve: names matched (synonyms, groups, suggestions), patients recounted.
- Draw: the heatmap and network specs built from the counted pairs.
- Reruns: the heatmap, network and body map pages under AppTest with that upload shown, and
  with a 40-cancer x 150-site table of counts, beside the bare one-line page (the floor is
  10× the bare page).
"""

from __future__ import annotations

import argparse
import platform
import time
from collections.abc import Callable
from datetime import date

import numpy as np
import pandas as pd
from streamlit.testing.v1 import AppTest

from bench.bench_pages import FLOORS, ROOT, bare_app_dir, median_rerun_ms
from charts.own_data import own_heatmap
from charts.style import plain_spec
from data.load import load_tables
from graph.build import pairs_graph
from graph.layout import layout
from tests.own_export import sample_export
from upload import guess_shape, match_all, read_table, tidy_report, vocabulary
from upload.names import load_synonyms
from upload.resolve import measure_of, resolve

PAGES_WITH_UPLOADS = {"Where cancers spread": "pages/spread.py", "Network": "pages/network.py",
                      "Body map": "pages/body_map.py"}


def timed(action):
    """``(result, milliseconds)`` of one call."""
    start = time.perf_counter()
    result = action()
    return result, (time.perf_counter() - start) * 1000


def export_file(rows: int) -> bytes:
    """Exactly ``rows`` invented sample rows as CSV bytes (see tests/own_export.py)."""
    return sample_export(rows).to_csv(index=False).encode()


def upload_figures(raw: bytes) -> tuple[dict[str, float], pd.DataFrame]:
    """Milliseconds for each step from bytes to chart specs, and the resolved pairs."""
    t = load_tables()
    synonyms = load_synonyms()
    figures = {}
    frame, figures["parse"] = timed(lambda: read_table(raw, "export.csv"))
    done, figures["aggregate"] = timed(lambda: tidy_report(
        frame, "patients", guess_shape(list(frame.columns))[1]))
    pairs = done.pairs

    def match_and_resolve():
        found = {kind: {name: m.id if m.automatic else None for name, m in match_all(
            pairs[column].unique(), vocab, synonyms[kind]).items()}
            for kind, column, vocab in (
                ("cancers", "primary", vocabulary(t["cancers"], "cancer_id")),
                ("sites", "site", vocabulary(t["sites"], "site_id", aliases="aliases")))}
        return resolve(pairs, found["cancers"], found["sites"],
                       dict(zip(t["cancers"]["cancer_id"], t["cancers"]["label"], strict=True)),
                       dict(zip(t["sites"]["site_id"], t["sites"]["label"], strict=True)),
                       done.patients)

    resolved, figures["match and resolve"] = timed(match_and_resolve)
    _, figures["heatmap spec"] = timed(lambda: plain_spec(
        own_heatmap(resolved, measure_of(resolved), "patients.csv")))
    _, figures["network graph and layout"] = timed(lambda: layout(
        pairs_graph(resolved, "share"), "two_columns"))
    return figures, resolved


def show_upload(resolved: pd.DataFrame, shape: str = "patients") -> Callable[[AppTest], None]:
    """A ``prepare`` step that makes the big upload the table the views show."""
    from ui.own_data import SESSION_KEY, OwnData

    def prepare(at: AppTest) -> None:
        at.session_state[SESSION_KEY] = OwnData("export.csv", shape, resolved, len(resolved))
    return prepare


def wide_counts(cancers: int = 40, sites: int = 150) -> pd.DataFrame:
    """Invented counts for ``cancers`` x ``sites`` new names, resolved (many names)."""
    rng = np.random.default_rng(3)
    pairs = pd.DataFrame([(f"Cancer {c:02d}", f"Site {s:03d}") for c in range(cancers)
                          for s in range(sites)], columns=["primary", "site"])
    total = rng.integers(3, 400, cancers)
    pairs["total"] = pd.array(np.repeat(total, sites), dtype="Int64")
    pairs["count"] = pd.array((pairs["total"].to_numpy(dtype=np.int64)
                               * rng.random(len(pairs)) * 0.3).astype(np.int64), dtype="Int64")
    return resolve(pairs, {}, {}, {}, {})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=450_000)
    parser.add_argument("--reruns", type=int, default=20)
    args = parser.parse_args()
    raw = export_file(args.rows)
    rows = raw.count(b"\n") - 1
    steps, resolved = upload_figures(raw)
    bare = median_rerun_ms(bare_app_dir() / "app.py", None, args.reruns)
    print(f"Measured {date.today()} on {platform.node()} ({platform.machine()}, Python "
          f"{platform.python_version()}): {rows:,} sample rows, {len(raw) / 1e6:.1f} MB, "
          f"{len(resolved)} cancer-site pairs\n")
    print("| step | ms |\n|---|---:|")
    for name, ms in steps.items():
        print(f"| {name} | {ms:.0f} |")
    print(f"| parse + aggregate (target under 3,000) | {steps['parse'] + steps['aggregate']:.0f} |")
    print("\n| page, with the upload shown | warm rerun (ms) | × bare |\n|---|---:|---:|")
    print(f"| bare one-line page | {bare:.1f} | 1.0 |")
    wide = wide_counts()
    for label, table, shape in (("export", resolved, "patients"),
                                ("40 cancers x 150 sites", wide, "aggregated")):
        for title, page in PAGES_WITH_UPLOADS.items():
            ms = median_rerun_ms(ROOT / "app.py", page, args.reruns, show_upload(table, shape))
            mark = "" if ms / bare <= FLOORS["rerun"] else " ✗"
            print(f"| {title}, {label} | {ms:.1f} | {ms / bare:.1f}{mark} |")


if __name__ == "__main__":
    main()
