"""Live class: answers per second and the projector's read time with 200 students.

For each store (the SQLite file, and a Redis the bench starts on a free port), a class of
``--students`` joins, a prompt opens, and every student taps ``--taps`` answers (changing
their mind) from their own thread, or split over ``--processes`` processes, each with its own
store object like a replica. Meanwhile a projector thread reads ``room()`` in a loop. Printed:
answers per second (wall clock, every answer kept and counted), and ``room()`` read times
(median and 95th percentile) while the class answers and when it is quiet. The room's tally is
checked against the answers given.

    python -m bench.bench_live --students 200 --taps 5
    python -m bench.bench_live --students 200 --taps 5 --processes 2
"""

from __future__ import annotations

import argparse
import statistics
import threading
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

from classroom import live_class as lc
from tools.redis_server import redis_server_path, start_redis, stop_redis

PROMPT = lc.PromptRecord(pid="bench", text="Where does it spread most often?",
                         options=("Liver", "Lung", "Bone", "Brain"), answer="Liver",
                         answer_by="options")


def tap_all(setting: str, code: str, seats: list[str], round_: int, taps: int,
            threads: int) -> int:
    """Every seat taps ``taps`` answers (the last is options[i % 4]); the answers sent."""
    store = lc.open_store(setting)
    now = time.time()

    def one(i_seat):
        i, seat = i_seat
        for t in range(taps):
            choice = PROMPT.options[(i + t + 1 - taps) % 4]
            lc.answer(store, code, seat, round_, choice, seat, now)
        return taps

    with ThreadPoolExecutor(max_workers=threads) as pool:
        sent = sum(pool.map(one, seats))
    store.close()
    return sent


def read_times(store, code: str, stop: threading.Event, out: list[float]) -> None:
    """Read the room in a loop until ``stop``; each read's seconds go to ``out``."""
    while not stop.is_set():
        started = time.perf_counter()
        lc.room(store, code, time.time())
        out.append(time.perf_counter() - started)


def ms(values: list[float], q: float) -> float:
    """The ``q`` quantile of ``values`` in milliseconds."""
    if len(values) < 2:
        return values[0] * 1000 if values else float("nan")
    return statistics.quantiles(values, n=100)[int(q * 100) - 1] * 1000


def bench(setting: str, students: int, taps: int, processes: int) -> dict:
    """One run on one store: the figures as a dict."""
    store = lc.open_store(setting)
    now = time.time()
    code, host = lc.start_class(store, now)
    seats = [lc.join(store, code, None, "", f"device-{i}", now) for i in range(students)]
    round_ = lc.set_prompt(store, code, host, PROMPT, now)
    busy, stop = [], threading.Event()
    projector = threading.Thread(target=read_times, args=(store, code, stop, busy))
    projector.start()
    started = time.perf_counter()
    if processes <= 1:
        sent = tap_all(setting, code, list(enumerate(seats)), round_, taps, students)
    else:
        chunks = [list(enumerate(seats))[k::processes] for k in range(processes)]
        with ProcessPoolExecutor(processes) as pool:
            sent = sum(pool.map(tap_all, [setting] * processes, [code] * processes, chunks,
                                [round_] * processes, [taps] * processes,
                                [max(1, students // processes)] * processes))
    elapsed = time.perf_counter() - started
    stop.set()
    projector.join()
    quiet = []
    for _ in range(200):
        t0 = time.perf_counter()
        room = lc.room(store, code, time.time())
        quiet.append(time.perf_counter() - t0)
    expected = {o: sum(1 for i in range(students) if i % 4 == k)
                for k, o in enumerate(PROMPT.options)}
    assert room.answered == students and room.tally == expected, (room.tally, expected)
    lc.end_class(store, code, host, time.time())
    store.close()
    return {"answers": sent, "seconds": elapsed, "per_second": sent / elapsed,
            "busy_median": ms(busy, 0.5), "busy_p95": ms(busy, 0.95),
            "quiet_median": ms(quiet, 0.5), "quiet_p95": ms(quiet, 0.95), "reads": len(busy)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=200)
    parser.add_argument("--taps", type=int, default=5, help="answers per student (<= 10)")
    parser.add_argument("--processes", type=int, default=1)
    args = parser.parse_args()
    runs = [("SQLite", "")]
    program = redis_server_path()
    server = start_redis(program) if program else None
    if server:
        runs.append(("Redis", server.url))
    else:
        print("(no redis-server on this machine: Redis skipped)")
    try:
        print(f"{args.students} students x {args.taps} answers, {args.processes} process(es)")
        print(f"{'store':8} {'answers':>8} {'s':>6} {'answers/s':>10} "
              f"{'room() busy med/p95 ms':>24} {'quiet med/p95 ms':>18}")
        for name, setting in runs:
            owner = lc.open_store(setting) if setting == "" else None  # one private file
            r = bench(owner.setting if owner else setting, args.students, args.taps,
                      args.processes)
            if owner:
                owner.close()
            print(f"{name:8} {r['answers']:>8} {r['seconds']:>6.2f} {r['per_second']:>10.0f} "
                  f"{r['busy_median']:>11.2f} / {r['busy_p95']:<10.2f} "
                  f"{r['quiet_median']:>7.2f} / {r['quiet_p95']:.2f}")
    finally:
        if server:
            stop_redis(server)


if __name__ == "__main__":
    main()
