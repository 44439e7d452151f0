"""What a new clicked pair costs on the Where cancers spread page, its view already cached.

Run from the repository root: ``python -m bench.bench_pair [--pairs 40]``. Prints a Markdown
table; nothing is asserted (speed is measured here, never in tests).

The page's view (:func:`ui.data.spread_view`) is drawn once, as the page's first run does;
then each of ``--pairs`` pairs never clicked before is "clicked" (on a phone, in the strip
of its cancer, already drawn): the calls the page makes
for it are timed, through the same cached functions the page calls (``ui.data``), so a
cached view that rebuilds an uncached sibling shows up here. "Rebuilding the view" is the
time of one uncached :func:`views.spread.spread_view`, for comparison.
"""

from __future__ import annotations

import argparse
import logging
import statistics
import time
from collections.abc import Callable

from ui import data
from views import spread


def median_ms(calls: list[Callable[[], object]]) -> float:
    """Median wall time of each call, run once (each a different new pair), in ms."""
    times = []
    for call in calls:
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    """Time a new pair's calls on the desktop (outlined heatmap, quotes) and on a phone."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=40)
    args = parser.parse_args()
    logging.getLogger("streamlit").setLevel(logging.ERROR)  # no runtime: cache warnings
    t = data.tables()
    options = data.filter_options(t)
    filters = tuple(tuple(options[k]) for k in ("cancer", "site", "evidence", "source"))
    data.spread_view(t, *filters)  # the page's first run
    pairs = sorted(data.pair_options(t))
    step = max(1, len(pairs) // args.pairs)
    chosen = pairs[::step][:args.pairs]
    halves = [spread.split_pair(p) for p in chosen]
    for cancer in {h[0] for h in halves}:  # a phone shows the cancer's strip before a tap
        data.cancer_picture(t, *filters, cancer, "")
    rows = {
        "outlined heatmap (desktop)": median_ms(
            [lambda p=p: data.marked_heatmap(t, *filters, p) for p in chosen]),
        "quotes for the pair": median_ms(
            [lambda h=h: data.spread_quotes(t, h[0], h[1], filters[2], filters[3])
             for h in halves]),
        "outlined strip of the cancer shown (phone)": median_ms(
            [lambda p=p, h=h: data.cancer_picture(t, *filters, h[0], p)
             for p, h in zip(chosen, halves, strict=True)]),
        "rebuilding the view, uncached (for comparison)": median_ms(
            [lambda: spread.spread_view(t, *filters) for _ in range(5)]),
    }
    desktop = rows["outlined heatmap (desktop)"] + rows["quotes for the pair"]
    print(f"New clicked pair, median of {len(chosen)} pairs (ms)\n")
    print("| call | ms |\n|---|---:|")
    for name, ms in rows.items():
        print(f"| {name} | {ms:.1f} |")
    print(f"| **a new pair on the desktop (heatmap + quotes)** | **{desktop:.1f}** |")


if __name__ == "__main__":
    main()
