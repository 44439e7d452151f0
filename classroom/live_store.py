"""Where a live class keeps its state: the store protocol and its SQLite backend.

The engine (``classroom.live_class``) asks a store for a few small operations; each one that
writes is atomic (one SQLite transaction here, one Lua script in ``classroom.live_redis``), so
two students answering at once, or a teacher locking while a student taps, never lose or
double-count an answer. Every write also pushes the class's expiry to ``now + ttl``.

SQLite is the default: nothing to install, one server. The file lives in a private temporary
folder (mode 0700) made for this process, never in the repository. Every write first sweeps
expired classes (and, by cascade, their seats, prompts and answers) and old rate-limit counters.
"""

from __future__ import annotations

import atexit
import functools
import shutil
import sqlite3
import tempfile
import threading
from pathlib import Path
from typing import Protocol

OK, NO_CLASS, NO_SEAT, WRONG_ROUND, CLOSED = "ok", "no_class", "no_seat", "wrong_round", "closed"
"""What :meth:`Store.put_answer` returns: the answer was kept, or why it was not."""


class LiveError(ValueError):
    """A refusal a user may see: its str() is a plain sentence for the page to show."""


UNREACHABLE = ("The live class cannot reach its store just now. "
               "Wait a few seconds, then try again.")
"""What a person reads when the store fails (Redis down, a SQLite file locked too long)."""


def plain_failures(*kinds: type[BaseException]):
    """Class decorator: each public method raises LiveError(UNREACHABLE) for ``kinds``."""
    def wrap(method):
        @functools.wraps(method)
        def plain(*args, **kwargs):
            try:
                return method(*args, **kwargs)
            except kinds as error:
                raise LiveError(UNREACHABLE) from error
        return plain

    def decorate(cls):
        for name, member in list(vars(cls).items()):
            if callable(member) and not name.startswith("_") and name != "close":
                setattr(cls, name, wrap(member))
        return cls
    return decorate


class Store(Protocol):
    """The operations the engine needs (``now``: epoch seconds; ``ttl``: seconds to live).

    ``setting`` is the LIVE_CLASS_STORE value that opens the same store again (a replica).
    """

    setting: str

    def create_class(self, code: str, host: str, now: float, ttl: float) -> bool: ...
    def get_class(self, code: str) -> dict | None: ...
    def add_seat(self, code: str, seat: str, nickname: str, now: float, ttl: float) -> int: ...
    def has_seat(self, code: str, seat: str) -> bool: ...
    def next_round(self, code: str, prompt_json: str, now: float, ttl: float) -> int: ...
    def set_phase(self, code: str, phase: str, now: float, ttl: float) -> bool: ...
    def put_answer(self, code: str, seat: str, round_: int, choice: str,
                   now: float, ttl: float) -> str: ...
    def get_answer(self, code: str, seat: str, round_: int) -> str | None: ...
    def get_prompt(self, code: str, round_: int) -> str | None: ...
    def tally(self, code: str, round_: int) -> dict[str, int]: ...
    def dump(self, code: str) -> tuple[list, dict, list]: ...
    def delete_class(self, code: str) -> None: ...
    def hit(self, key: str, window: int, now: float) -> int: ...
    def footprint(self, code: str) -> int: ...
    def close(self) -> None: ...


SCHEMA = """
PRAGMA foreign_keys = ON;
CREATE TABLE IF NOT EXISTS classes (
    code TEXT PRIMARY KEY, host TEXT NOT NULL, phase TEXT NOT NULL, round INTEGER NOT NULL,
    seats INTEGER NOT NULL, expires_at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS seats (
    code TEXT NOT NULL REFERENCES classes(code) ON DELETE CASCADE, seat TEXT NOT NULL,
    ord INTEGER NOT NULL, nickname TEXT NOT NULL, PRIMARY KEY (code, seat));
CREATE TABLE IF NOT EXISTS prompts (
    code TEXT NOT NULL REFERENCES classes(code) ON DELETE CASCADE, round INTEGER NOT NULL,
    prompt TEXT NOT NULL, PRIMARY KEY (code, round));
CREATE TABLE IF NOT EXISTS answers (
    code TEXT NOT NULL REFERENCES classes(code) ON DELETE CASCADE, round INTEGER NOT NULL,
    seat TEXT NOT NULL, choice TEXT NOT NULL, PRIMARY KEY (code, round, seat));
CREATE TABLE IF NOT EXISTS rate (key TEXT PRIMARY KEY, n INTEGER NOT NULL,
    expires_at REAL NOT NULL);
"""


def private_path() -> Path:
    """A fresh SQLite file path in a new temporary folder only this user can open (0700)."""
    return Path(tempfile.mkdtemp(prefix="live-class-")) / "live.sqlite3"


@plain_failures(sqlite3.OperationalError)
class SqliteStore:
    """The SQLite backend: one connection, one lock, one transaction per operation.

    >>> s = SqliteStore(":memory:")
    >>> s.create_class("ABCDEFGH", "host", now=0.0, ttl=60)
    True
    >>> s.add_seat("ABCDEFGH", "seat1", "Ada", now=1.0, ttl=60), s.get_class("ABCDEFGH")["seats"]
    (1, 1)
    """

    def __init__(self, path: str | Path | None = None):
        self.path = str(path) if path is not None else str(private_path())
        # A private file made here is removed when the store closes or the process exits.
        self._owned = Path(self.path).parent if path is None else None
        if self._owned:
            atexit.register(self.close)
        self.setting = f"sqlite:///{self.path}"
        self._lock = threading.Lock()
        self._db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False,
                                   timeout=30)
        if self.path != ":memory:":
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = NORMAL")
        self._db.executescript(SCHEMA)

    def _write(self, now: float, fn):
        """Run ``fn(db)`` in one immediate transaction, after sweeping what has expired."""
        with self._lock:
            db = self._db
            db.execute("BEGIN IMMEDIATE")
            try:
                db.execute("DELETE FROM classes WHERE expires_at < ?", (now,))
                db.execute("DELETE FROM rate WHERE expires_at < ?", (now,))
                result = fn(db)
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")
            return result

    def _read(self, sql: str, args: tuple) -> list:
        with self._lock:
            return self._db.execute(sql, args).fetchall()

    @staticmethod
    def _touch(db, code: str, now: float, ttl: float) -> None:
        db.execute("UPDATE classes SET expires_at = ? WHERE code = ?", (now + ttl, code))

    def create_class(self, code, host, now, ttl):
        """Make a class in the lobby; False if the code is taken."""
        def fn(db):
            cur = db.execute("INSERT OR IGNORE INTO classes VALUES (?, ?, 'lobby', 0, 0, ?)",
                             (code, host, now + ttl))
            return cur.rowcount == 1
        return self._write(now, fn)

    def get_class(self, code):
        """The class's row as a dict (host, phase, round, seats, expires_at), or None."""
        rows = self._read("SELECT host, phase, round, seats, expires_at FROM classes "
                          "WHERE code = ?", (code,))
        if not rows:
            return None
        return dict(zip(("host", "phase", "round", "seats", "expires_at"), rows[0], strict=True))

    def add_seat(self, code, seat, nickname, now, ttl):
        """Seat a new student; returns their join order (1, 2, ...) or 0 if no such class."""
        def fn(db):
            cur = db.execute("UPDATE classes SET seats = seats + 1, expires_at = ? "
                             "WHERE code = ?", (now + ttl, code))
            if cur.rowcount == 0:
                return 0
            (order,) = db.execute("SELECT seats FROM classes WHERE code = ?", (code,)).fetchone()
            db.execute("INSERT INTO seats VALUES (?, ?, ?, ?)", (code, seat, order, nickname))
            return order
        return self._write(now, fn)

    def has_seat(self, code, seat):
        return bool(self._read("SELECT 1 FROM seats WHERE code = ? AND seat = ?", (code, seat)))

    def next_round(self, code, prompt_json, now, ttl):
        """Open the next round with this prompt; returns its number, or 0 if no such class."""
        def fn(db):
            cur = db.execute("UPDATE classes SET round = round + 1, phase = 'open', "
                             "expires_at = ? WHERE code = ?", (now + ttl, code))
            if cur.rowcount == 0:
                return 0
            (round_,) = db.execute("SELECT round FROM classes WHERE code = ?", (code,)).fetchone()
            db.execute("INSERT INTO prompts VALUES (?, ?, ?)", (code, round_, prompt_json))
            return round_
        return self._write(now, fn)

    def set_phase(self, code, phase, now, ttl):
        """Set the class's phase; False if no such class."""
        def fn(db):
            cur = db.execute("UPDATE classes SET phase = ?, expires_at = ? WHERE code = ?",
                             (phase, now + ttl, code))
            return cur.rowcount == 1
        return self._write(now, fn)

    def put_answer(self, code, seat, round_, choice, now, ttl):
        """Keep (or change) a seat's answer if the round is the open one: one of OK, NO_CLASS..."""
        def fn(db):
            row = db.execute("SELECT phase, round FROM classes WHERE code = ?",
                             (code,)).fetchone()
            if row is None:
                return NO_CLASS
            if not db.execute("SELECT 1 FROM seats WHERE code = ? AND seat = ?",
                              (code, seat)).fetchone():
                return NO_SEAT
            if row[1] != round_:
                return WRONG_ROUND
            if row[0] != "open":
                return CLOSED
            db.execute("INSERT INTO answers VALUES (?, ?, ?, ?) ON CONFLICT (code, round, seat) "
                       "DO UPDATE SET choice = excluded.choice", (code, round_, seat, choice))
            self._touch(db, code, now, ttl)
            return OK
        return self._write(now, fn)

    def get_answer(self, code, seat, round_):
        rows = self._read("SELECT choice FROM answers WHERE code = ? AND round = ? AND seat = ?",
                          (code, round_, seat))
        return rows[0][0] if rows else None

    def get_prompt(self, code, round_):
        """The prompt (JSON) shown in that round, or None."""
        rows = self._read("SELECT prompt FROM prompts WHERE code = ? AND round = ?",
                          (code, round_))
        return rows[0][0] if rows else None

    def tally(self, code, round_):
        """Answers to one round: choice -> count (choices nobody gave are absent)."""
        return dict(self._read("SELECT choice, COUNT(*) FROM answers WHERE code = ? AND "
                               "round = ? GROUP BY choice", (code, round_)))

    def dump(self, code):
        """Everything about a class: ([(seat, order, nickname)], {round: prompt json},
        [(round, seat, choice)])."""
        seats = self._read("SELECT seat, ord, nickname FROM seats WHERE code = ?", (code,))
        prompts = dict(self._read("SELECT round, prompt FROM prompts WHERE code = ?", (code,)))
        answers = self._read("SELECT round, seat, choice FROM answers WHERE code = ?", (code,))
        return seats, prompts, answers

    def delete_class(self, code):
        with self._lock:
            self._db.execute("DELETE FROM classes WHERE code = ?", (code,))

    def hit(self, key, window, now):
        """Count one event for ``key`` in the current ``window``-second bucket; the count."""
        bucket = f"{key}:{int(now // window)}"

        def fn(db):
            db.execute("INSERT INTO rate VALUES (?, 1, ?) ON CONFLICT (key) "
                       "DO UPDATE SET n = n + 1", (bucket, (now // window + 1) * window))
            return db.execute("SELECT n FROM rate WHERE key = ?", (bucket,)).fetchone()[0]
        return self._write(now, fn)

    def footprint(self, code):
        """Rows left anywhere about this class (0 once it is ended or expired)."""
        return sum(self._read(f"SELECT COUNT(*) FROM {table} WHERE code = ?", (code,))[0][0]
                   for table in ("classes", "seats", "prompts", "answers"))

    def close(self):
        """Close the connection; a private file made by this store is deleted with its folder."""
        with self._lock:
            self._db.close()
            if self._owned:
                shutil.rmtree(self._owned, ignore_errors=True)
