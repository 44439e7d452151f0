"""Memory against many distinct links: do the app's caches stop growing once full?

Opens ``--links`` distinct links (network seeds and focus, spread filters and focus, body
map choices, quiz numbers, site profiles) one after another in one Python process running
the app through Streamlit's AppTest, which uses the same process-wide caches a server does,
and prints the process's resident memory every ``--every`` links. With every cache bounded
(ui/data.py, ui/files.py) the curve flattens once the caches are full; an unbounded cache
keyed by link values would grow with every new link.

    python -m bench.bench_links --links 1000 --every 100
"""

from __future__ import annotations

import argparse
import gc
import itertools
import random
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

from ui.links import QUIZ, SEED

ROOT = Path(__file__).resolve().parent.parent


def resident_mb() -> float:
    """This process's resident memory in MB (Linux /proc)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def links(rng: random.Random):
    """An endless stream of distinct ``(page, query parameters)`` links."""
    from data.load import load_published
    from views.reference import filter_options

    options = filter_options(load_published())
    cancers, sites = list(options["cancer"]), list(options["site"])
    evidence, sources = list(options["evidence"]), list(options["source"])
    for number in itertools.count():
        kind = number % 5
        if kind == 0:
            yield "pages/network.py", {"layout": "spring", "seed": str(number % (SEED.high + 1)),
                                       "focus_node": f"cancer:{rng.choice(cancers)}"}
        elif kind == 1:
            yield "pages/spread.py", {"cancer": rng.sample(cancers, rng.randint(1, 4)),
                                      "site": rng.sample(sites, rng.randint(1, 5)),
                                      "evidence": rng.sample(evidence, rng.randint(1, 4)),
                                      "focus": rng.choice(cancers)}
        elif kind == 2:
            yield "pages/quiz.py", {"quiz": str(number % (QUIZ.high + 1))}
        elif kind == 3:
            yield "pages/network.py", {"evidence": rng.sample(evidence, rng.randint(1, 4)),
                                       "source": rng.sample(sources, rng.randint(1, 5))}
        else:
            yield "pages/body_map.py", {"mode": "site", "body_site": rng.choice(sites)}


def open_link(page: str, params: dict) -> None:
    """Run the app with a link's parameters and go to its page, as a new visitor would."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    at.switch_page(page).run()
    if at.exception:
        raise RuntimeError(f"{page} {params}: {at.exception[0].value}")


def main(argv: list[str] | None = None) -> int:
    """Open the links and print the memory curve."""
    parser = argparse.ArgumentParser(prog="python -m bench.bench_links", description=__doc__)
    parser.add_argument("--links", type=int, default=1000)
    parser.add_argument("--every", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    stream, start = links(random.Random(args.seed)), time.perf_counter()
    print(f"{'links opened':>12} | {'resident MB':>11} | {'seconds':>7}")
    print(f"{0:>12} | {resident_mb():>11.0f} | {0:>7.0f}")
    for opened, (page, params) in enumerate(itertools.islice(stream, args.links), start=1):
        open_link(page, params)
        if opened % args.every == 0:
            gc.collect()
            print(f"{opened:>12} | {resident_mb():>11.0f} | "
                  f"{time.perf_counter() - start:>7.0f}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
