"""How many students one server holds: Locust sessions at the protocol level, no browsers.

Run from the repository root: ``python -m bench.capacity`` (levels 50, 200 and 500; about
two minutes a level). For each level it starts a fresh server on 127.0.0.1 (or, with
``--replicas N``, N servers behind HAProxy, see deploy/), warms its caches with one visit to
every page, lets ``N`` simulated students join (bench/capacity_user.py: the websocket
session a tab opens, a page run, a widget changed, a CSV downloaded, one click every 5-15 s),
measures a steady window, stops them and the server, and prints one row per level:
p50/p95 time per page run, runs and errors, server CPU and memory per session. Talks only
to 127.0.0.1; every level is bounded in time and count; it stops by itself.

Students are greenlets in this one process (Locust's gevent), so they use far less CPU than
browsers would: their own CPU share is printed too, since it shares the machine's cores.
"""

# Locust patches the standard library for gevent as it is imported: import it first.
from locust.env import Environment  # isort: skip

import argparse
import resource
import time
from dataclasses import dataclass

import gevent

from bench.bench_pages import ROOT, rss_mb
from bench.capacity_user import URL_PATHS, Student
from bench.load_class import cpu_seconds
from tools.app_server import start_server, stop_server
from tools.st_client import Session

RUN_KINDS = (("run", "page"), ("run", "widget"))


@dataclass
class Level:
    """What one level of load measured."""

    sessions: int
    runs: int
    p50_ms: float
    p95_ms: float
    errors: int
    requests: int
    joined: int
    server_cpu: float  # share of one core, over the steady window
    mb_per_session: float
    client_cpu: float  # this process (the simulated students), share of one core
    first_error: str = ""


def warm(base_url: str) -> None:
    """Visit every page once, so the shared caches are filled before memory is measured."""
    session = Session(base_url)
    try:
        session.open(URL_PATHS[0])
        for path in URL_PATHS[1:]:
            session.run(path)
    finally:
        session.close()


def own_cpu() -> float:
    """CPU seconds this process has used (user + system)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def merged_percentile(env: Environment, share: float) -> float:
    """The ``share`` percentile over page and widget runs together (Locust's histograms)."""
    from locust.stats import StatsEntry

    merged = StatsEntry(env.stats, "page run", "run")
    for method_name in RUN_KINDS:
        entry = env.stats.entries.get((method_name[1], method_name[0]))
        if entry is not None:
            merged.extend(entry)
    return merged.get_response_time_percentile(share) if merged.num_requests else float("nan")


def run_level(base_url: str, pids: list[int], sessions: int, join_s: float,
              steady_s: float) -> Level:
    """Let ``sessions`` students join within ``join_s`` seconds, then measure ``steady_s``."""
    env = Environment(user_classes=[Student], host=base_url)
    runner = env.create_local_runner()
    memory_before = sum(rss_mb(pid) for pid in pids)
    runner.start(sessions, spawn_rate=sessions / join_s)
    gevent.sleep(join_s + 5)  # everyone has joined and run a first page
    joined = runner.user_count
    env.stats.reset_all()  # the steady window alone: joins are measured apart
    cpu_before, own_before = sum(cpu_seconds(pid) for pid in pids), own_cpu()
    gevent.sleep(steady_s)
    server_cpu = (sum(cpu_seconds(pid) for pid in pids) - cpu_before) / steady_s
    client_cpu = (own_cpu() - own_before) / steady_s
    memory = sum(rss_mb(pid) for pid in pids)
    runner.quit()
    runs = sum(env.stats.entries[(n, m)].num_requests for m, n in RUN_KINDS
               if (n, m) in env.stats.entries)
    errors = env.stats.total.num_failures
    first = next(iter(env.stats.errors.values()), None)
    return Level(sessions, runs, merged_percentile(env, 0.5), merged_percentile(env, 0.95),
                 errors, env.stats.total.num_requests, joined, server_cpu,
                 (memory - memory_before) / sessions, client_cpu,
                 f"{first.occurrences}× {first.error}" if first else "")


def start(replicas: int):
    """One server, or ``replicas`` behind HAProxy: (base URL, server pids, stop function)."""
    if replicas == 1:
        server = start_server(ROOT)
        return server.base_url, [server.process.pid], lambda: stop_server(server)
    from tools.balancer import start_cluster, stop_cluster

    cluster = start_cluster(replicas)
    pids = [s.process.pid for s in cluster.replicas.values()]
    return cluster.base_url, pids, lambda: stop_cluster(cluster)


def print_table(levels: list[Level], replicas: int) -> None:
    """The figures as a Markdown table, one row per level."""
    print(f"\nOne {'server' if replicas == 1 else f'set of {replicas} replicas'}; "
          "a click every 5-15 s per student; times per page run (page or widget change):")
    print("| sessions | page runs | p50 (ms) | p95 (ms) | errors / requests | server CPU "
          "(cores) | MB per session | students' CPU (cores) |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for lv in levels:
        print(f"| {lv.sessions} | {lv.runs} | {lv.p50_ms:.0f} | {lv.p95_ms:.0f} | "
              f"{lv.errors} / {lv.requests} | {lv.server_cpu:.2f} | {lv.mb_per_session:.2f} | "
              f"{lv.client_cpu:.2f} |")
    for lv in levels:
        if lv.first_error:
            print(f"{lv.sessions} sessions, first error: {lv.first_error}")


def main(argv: list[str] | None = None) -> int:
    """Measure every level on a fresh server; print the table; 1 if any request failed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--levels", type=int, nargs="+", default=[50, 200, 500])
    parser.add_argument("--join", type=float, default=25.0, help="seconds for all to join")
    parser.add_argument("--steady", type=float, default=60.0, help="seconds measured")
    parser.add_argument("--replicas", type=int, default=1)
    args = parser.parse_args(argv)
    levels = []
    for sessions in args.levels:
        base_url, pids, stop = start(args.replicas)
        try:
            warm(base_url)
            started = time.monotonic()
            levels.append(run_level(base_url, pids, sessions, args.join, args.steady))
            print(f"{sessions} sessions measured in {time.monotonic() - started:.0f} s",
                  flush=True)
        finally:
            stop()
    print_table(levels, args.replicas)
    return 1 if any(level.errors for level in levels) else 0


if __name__ == "__main__":
    raise SystemExit(main())
