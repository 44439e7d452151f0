"""A live class: the teacher shows a prompt, phones answer, the projector shows the room.

No Streamlit here: the pages call these functions with a store from :func:`open_store` (one
setting, ``LIVE_CLASS_STORE``, picks SQLite or Redis) and the time ``now`` in epoch seconds.
A refusal a person may see is a :class:`LiveError` whose text is a plain sentence.

Class codes cannot be guessed in a class's lifetime (computed here, not measured):
the alphabet has 31 characters (A-Z and 2-9 without I, L, O, 0, 1, so nothing looks alike);
a code is 8 of them, 31**8 = 852,891,037,441 codes, shown as two groups of four ("ABCD-EFGH").
A device may try at most ``JOIN_LIMIT`` = 20 joins a minute (counted in the store, so it holds
across replicas), so in a class's longest life of 4 hours (240 minutes) it tries at most 4,800
codes. With 100 classes live at once, the chance that one device hits any of them is at most
4,800 * 100 / 852,891,037,441 = 5.6e-7, under one in a million. (Seven characters would give
1.7e-5: too high.) Seat and host tokens are ``secrets.token_urlsafe`` (128 bits).
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
from dataclasses import asdict, dataclass

import pandas as pd

from classroom.live_codes import format_code, new_code, normalise_code
from classroom.live_store import (
    CLOSED,
    NO_CLASS,
    NO_SEAT,
    OK,
    WRONG_ROUND,
    LiveError,
    SqliteStore,
    Store,
)

__all__ = ["LIVE_TTL_SECONDS", "LiveError", "PromptRecord", "Room", "answer", "end_class",
           "format_code", "join", "lock", "my_answer", "open_store", "reveal", "room",
           "set_prompt", "start_class", "summary", "SUMMARY_COLUMNS"]

LIVE_TTL_SECONDS = 4 * 60 * 60
"""A class expires this long after its last activity; then everything about it is deleted."""

ANSWER_LIMIT, ANSWER_WINDOW = 10, 10
"""At most 10 answers from one device in 10 seconds."""
JOIN_LIMIT, JOIN_WINDOW = 20, 60
"""At most 20 joins (right or wrong code) from one device in a minute."""
NICKNAME_MAX, TEXT_MAX, OPTION_MAX, OPTIONS_MAX, TOKEN_MAX = 24, 300, 80, 40, 64
ANSWER_BY = ("options", "body_map", "heatmap_row")
SUMMARY_COLUMNS = ("round", "prompt", "student", "answer", "right")
"""Columns of :func:`summary`: round (int), prompt (its text), student ("Student 3", or the
nickname when names are kept), answer (the option given), right (bool)."""


REFUSALS = {
    NO_CLASS: "This class has ended. Ask your teacher for the new code.",
    NO_SEAT: "This phone has not joined this class. Type the class code to join.",
    WRONG_ROUND: "This question is over. Look at the teacher's screen for the next one.",
    CLOSED: "Answers are locked for this question. Watch the teacher's screen."}
"""Why the store refused an answer, as the student reads it."""


@dataclass(frozen=True)
class PromptRecord:
    """What the teacher put on screen (built by ``classroom.live_prompts``)."""

    pid: str
    text: str
    options: tuple[str, ...]
    answer: str
    answer_by: str


@dataclass(frozen=True)
class Room:
    """What the projector and a phone read, every second."""

    code: str
    phase: str
    prompt: PromptRecord | None
    round: int
    joined: int
    answered: int
    tally: dict[str, int]
    expires_at: float


def open_store(setting: str | None = None) -> Store:
    """The store chosen by ``setting`` or, if None, the env var ``LIVE_CLASS_STORE``.

    "" or "sqlite": a SQLite file in a new private temp folder; "sqlite:///path": that file;
    "redis://host:port/db": Redis (several replicas share it).

    >>> open_store("sqlite:///:memory:").path
    ':memory:'
    >>> open_store("mysql://x")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    classroom.live_store.LiveError: LIVE_CLASS_STORE must be empty, "sqlite", ...
    """
    value = (os.environ.get("LIVE_CLASS_STORE", "") if setting is None else setting).strip()
    if value in ("", "sqlite"):
        return SqliteStore()
    if value.startswith("sqlite:///"):
        return SqliteStore(value.removeprefix("sqlite:///"))
    if value.startswith(("redis://", "rediss://", "unix://")):
        from classroom.live_redis import RedisStore

        return RedisStore(value)
    raise LiveError('LIVE_CLASS_STORE must be empty, "sqlite", "sqlite:///a/file" or '
                    f'"redis://host:port/0"; it was "{value[:60]}".')


def _device_key(device: str) -> str:
    """A rate-limit key that keeps no address: a hash of the device."""
    return hashlib.sha256(str(device).encode()).hexdigest()[:24]


def _limit(store: Store, kind: str, device: str, limit: int, window: int, now: float,
           message: str) -> None:
    """LiveError(message) once ``device`` did ``kind`` more than ``limit`` times in the window."""
    if store.hit(f"{kind}:{_device_key(device)}", window, now) > limit:
        raise LiveError(message)


def _class(store: Store, code: str, now: float) -> dict:
    """The live class's row, with its "code" as stored (typed codes are normalised); LiveError
    if it is unknown or expired (an expired one is deleted)."""
    normal = normalise_code(code) if isinstance(code, str) else None
    row = store.get_class(normal) if normal else None
    if row is not None and row["expires_at"] < now:
        store.delete_class(normal)
        row = None
    if row is None:
        raise LiveError("This class has ended or its code is not right. "
                        "Check the code on the teacher's screen.")
    return {**row, "code": normal}


def _host(store: Store, code: str, host_token: str, now: float) -> dict:
    """The class's row if ``host_token`` is its teacher's; LiveError otherwise."""
    row = _class(store, code, now)
    if not isinstance(host_token, str) or not secrets.compare_digest(row["host"], host_token):
        raise LiveError("Only the teacher who started this class can do that.")
    return row


def _prompt(store: Store, code: str, round_: int) -> PromptRecord | None:
    raw = store.get_prompt(code, round_) if round_ else None
    if raw is None:
        return None
    data = json.loads(raw)
    return PromptRecord(**{**data, "options": tuple(data["options"])})


def start_class(store: Store, now: float) -> tuple[str, str]:
    """A new class in the lobby: (class code, host token)."""
    host = secrets.token_urlsafe(16)
    while True:
        code = new_code()
        if store.create_class(code, host, now, LIVE_TTL_SECONDS):
            return code, host


def join(store: Store, code: str, seat: str | None, nickname: str, device: str,
         now: float) -> str:
    """A seat token for this class. A known ``seat`` rejoins the same class, answers kept."""
    _limit(store, "join", device, JOIN_LIMIT, JOIN_WINDOW, now,
           "Too many tries to join from this device. Wait a minute, then type the code again.")
    nickname = " ".join("".join(c for c in str(nickname or "")[:200] if c.isprintable()).split())
    if len(nickname) > NICKNAME_MAX:
        raise LiveError(f"A name can have at most {NICKNAME_MAX} letters. Try a shorter one.")
    if normalise_code(code) is None:
        raise LiveError("A class code is 8 letters and digits, like ABCD-EFGH. "
                        "Check the code on the teacher's screen.")
    normal = _class(store, code, now)["code"]
    if isinstance(seat, str) and len(seat) <= TOKEN_MAX and store.has_seat(normal, seat):
        return seat
    token = secrets.token_urlsafe(16)
    if not store.add_seat(normal, token, nickname, now, LIVE_TTL_SECONDS):
        raise LiveError("This class has ended. Ask your teacher for the new code.")
    return token


def check_prompt(prompt: PromptRecord) -> None:
    """LiveError unless the prompt fits the limits (text, 2..40 options, one right answer)."""
    if not (0 < len(prompt.text) <= TEXT_MAX and 0 < len(prompt.pid) <= 120):
        raise LiveError(f"A question must have 1 to {TEXT_MAX} characters.")
    opts = prompt.options
    if not (2 <= len(opts) <= OPTIONS_MAX) or len(set(opts)) != len(opts):
        raise LiveError(f"A question needs 2 to {OPTIONS_MAX} different answers to choose from.")
    if any(not o or len(o) > OPTION_MAX for o in opts):
        raise LiveError(f"Each answer must have 1 to {OPTION_MAX} characters.")
    if prompt.answer not in opts or prompt.answer_by not in ANSWER_BY:
        raise LiveError("The right answer must be one of the answers to choose from.")


def set_prompt(store: Store, code: str, host_token: str, prompt: PromptRecord, now: float) -> int:
    """Show a prompt: opens a new round and returns its number (1, 2, ...)."""
    code = _host(store, code, host_token, now)["code"]
    check_prompt(prompt)
    data = {**asdict(prompt), "options": list(prompt.options)}
    round_ = store.next_round(code, json.dumps(data), now, LIVE_TTL_SECONDS)
    if not round_:
        raise LiveError("This class has ended. Start a new one.")
    return round_


def answer(store: Store, code: str, seat: str, round_: int, choice: str, device: str,
           now: float) -> None:
    """Keep a student's answer to the open round (changeable until the teacher locks)."""
    _limit(store, "answer", device, ANSWER_LIMIT, ANSWER_WINDOW, now,
           "That was a lot of taps in a few seconds. Wait ten seconds, then answer again.")
    row = _class(store, code, now)
    code, prompt = row["code"], _prompt(store, row["code"], row["round"])
    if prompt is None or not isinstance(round_, int) or round_ != row["round"]:
        raise LiveError(REFUSALS[WRONG_ROUND])
    if not isinstance(choice, str) or choice not in prompt.options:
        raise LiveError("That is not one of the answers to this question. Tap one of them.")
    status = store.put_answer(code, str(seat)[:TOKEN_MAX], round_, choice, now, LIVE_TTL_SECONDS)
    if status != OK:
        raise LiveError(REFUSALS[status])


def _phase(store: Store, code: str, host_token: str, phase: str, now: float) -> None:
    row = _host(store, code, host_token, now)
    code = row["code"]
    if row["phase"] in ("lobby", "ended"):
        raise LiveError("Show a question first.")
    if row["phase"] == "revealed" and phase == "locked":
        return
    if not store.set_phase(code, phase, now, LIVE_TTL_SECONDS):
        raise LiveError("This class has ended. Start a new one.")


def lock(store: Store, code: str, host_token: str, now: float) -> None:
    """No more answers or changes to this round."""
    _phase(store, code, host_token, "locked", now)


def reveal(store: Store, code: str, host_token: str, now: float) -> None:
    """Lock the round and show the right answer."""
    _phase(store, code, host_token, "revealed", now)


def end_class(store: Store, code: str, host_token: str, now: float) -> None:
    """Delete everything about the class now (its students, names and answers)."""
    store.delete_class(_host(store, code, host_token, now)["code"])


def room(store: Store, code: str, now: float) -> Room:
    """The room as the projector and phones see it."""
    row = _class(store, code, now)
    code, prompt = row["code"], _prompt(store, row["code"], row["round"])
    counts = store.tally(code, row["round"]) if prompt else {}
    tally = {option: int(counts.get(option, 0)) for option in prompt.options} if prompt else {}
    return Room(code=code, phase=row["phase"], prompt=prompt, round=row["round"],
                joined=int(row["seats"]), answered=sum(tally.values()), tally=tally,
                expires_at=float(row["expires_at"]))


def my_answer(store: Store, code: str, seat: str, round_: int) -> str | None:
    """This seat's answer to that round, or None."""
    normal = normalise_code(code) if isinstance(code, str) else None
    if not normal or not isinstance(seat, str) or len(seat) > TOKEN_MAX:
        return None
    return store.get_answer(normal, seat, int(round_))


def summary(store: Store, code: str, host_token: str, keep_names: bool) -> pd.DataFrame:
    """One row per answer given (round, student): see :data:`SUMMARY_COLUMNS`.

    A student who gave no answer in a round has no row for it. Names only if ``keep_names``
    (and only if the student gave one); otherwise "Student 1", ... by join order.
    """
    code = _host(store, code, host_token, float("-inf"))["code"]
    seats, prompts, answers = store.dump(code)
    order = {seat: (int(o), nick) for seat, o, nick in seats}
    rows = []
    for round_, seat, choice in sorted(answers, key=lambda a: (a[0], order[a[1]][0])):
        data = json.loads(prompts[round_])
        number, nick = order[seat]
        rows.append({"round": int(round_), "prompt": data["text"],
                     "student": nick if keep_names and nick else f"Student {number}",
                     "answer": choice, "right": choice == data["answer"]})
    return pd.DataFrame(rows, columns=list(SUMMARY_COLUMNS)).astype(
        {"round": "int64", "right": "bool"})
