"""The Redis backend of the live-class store: for classes served by several replicas.

Every write is one Lua script, which Redis runs atomically, so two replicas taking answers at
the same moment never lose or double-count one, and a teacher's lock cannot slip between a
student's check and write. A class is five keys sharing one hash tag (``live:{CODE}...``):

- ``live:{CODE}``         hash: host, phase, round, seats, expires_at
- ``live:{CODE}:seats``   hash: seat token -> [join order, nickname]
- ``live:{CODE}:prompts`` hash: round -> prompt (JSON)
- ``live:{CODE}:answers`` hash: "round|seat" -> choice
- ``live:{CODE}:tally``   hash: "round|choice" -> count (kept by the answer script)

Every write sets all five keys to expire ``ttl`` seconds later (Redis deletes them itself), and
keeps ``expires_at`` for the engine's own check. Rate-limit counters are ``live:rl:...`` keys
that expire with their window.
"""

from __future__ import annotations

import json
import math

import redis

from classroom.live_store import NO_CLASS, plain_failures

MAX_CONNECTIONS = 32
"""Connections one store (one replica) opens to Redis at most."""

PRELUDE = """
local now, expires, ttl = tonumber(ARGV[1]), ARGV[2], tonumber(ARGV[3])
local function live()
  local at = redis.call('HGET', KEYS[1], 'expires_at')
  return at ~= false and tonumber(at) >= now
end
local function touch()
  redis.call('HSET', KEYS[1], 'expires_at', expires)
  for i = 1, #KEYS do redis.call('EXPIRE', KEYS[i], ttl) end
end
"""

CREATE = PRELUDE + """
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], 'host', ARGV[4], 'phase', 'lobby', 'round', 0, 'seats', 0)
touch()
return 1
"""

ADD_SEAT = PRELUDE + """
if not live() then return 0 end
local n = redis.call('HINCRBY', KEYS[1], 'seats', 1)
redis.call('HSET', KEYS[2], ARGV[4], cjson.encode({n, ARGV[5]}))
touch()
return n
"""

NEXT_ROUND = PRELUDE + """
if not live() then return 0 end
local r = redis.call('HINCRBY', KEYS[1], 'round', 1)
redis.call('HSET', KEYS[1], 'phase', 'open')
redis.call('HSET', KEYS[3], r, ARGV[4])
touch()
return r
"""

SET_PHASE = PRELUDE + """
if not live() then return 0 end
redis.call('HSET', KEYS[1], 'phase', ARGV[4])
touch()
return 1
"""

PUT_ANSWER = PRELUDE + """
local seat, round, choice = ARGV[4], ARGV[5], ARGV[6]
if not live() then return 'no_class' end
if redis.call('HEXISTS', KEYS[2], seat) == 0 then return 'no_seat' end
local cur = redis.call('HMGET', KEYS[1], 'round', 'phase')
if cur[1] ~= round then return 'wrong_round' end
if cur[2] ~= 'open' then return 'closed' end
local field = round .. '|' .. seat
local old = redis.call('HGET', KEYS[4], field)
if old ~= choice then
  if old then redis.call('HINCRBY', KEYS[5], round .. '|' .. old, -1) end
  redis.call('HSET', KEYS[4], field, choice)
  redis.call('HINCRBY', KEYS[5], round .. '|' .. choice, 1)
end
touch()
return 'ok'
"""


def class_keys(code: str) -> list[str]:
    """The five keys of a class, in the order the scripts take them.

    >>> class_keys("ABCDEFGH")[:2]
    ['live:{ABCDEFGH}', 'live:{ABCDEFGH}:seats']
    """
    base = f"live:{{{code}}}"
    return [base] + [f"{base}:{part}" for part in ("seats", "prompts", "answers", "tally")]


@plain_failures(redis.exceptions.ConnectionError, redis.exceptions.TimeoutError)
class RedisStore:
    """The store on a Redis server (``redis://host:port/db``); safe to share between threads."""

    def __init__(self, url: str):
        self.setting = url
        # Many sessions' threads share it: a blocking pool waits for a free connection (up to
        # 10 s) rather than failing when all are busy.
        pool = redis.BlockingConnectionPool.from_url(
            url, max_connections=MAX_CONNECTIONS, timeout=10, decode_responses=True,
            socket_timeout=10, health_check_interval=30)
        self.client = redis.Redis(connection_pool=pool)
        self._scripts = {name: self.client.register_script(src) for name, src in (
            ("create", CREATE), ("seat", ADD_SEAT), ("round", NEXT_ROUND),
            ("phase", SET_PHASE), ("answer", PUT_ANSWER))}

    def _run(self, name: str, code: str, now: float, ttl: float, *args) -> object:
        """Run one write script on the class's keys with (now, expires_at, ttl, *args)."""
        return self._scripts[name](keys=class_keys(code),
                                   args=[repr(float(now)), repr(float(now + ttl)),
                                         max(1, math.ceil(ttl)), *args])

    def create_class(self, code, host, now, ttl):
        return bool(self._run("create", code, now, ttl, host))

    def get_class(self, code):
        row = self.client.hgetall(class_keys(code)[0])
        if not row:
            return None
        return {"host": row["host"], "phase": row["phase"], "round": int(row["round"]),
                "seats": int(row["seats"]), "expires_at": float(row["expires_at"])}

    def add_seat(self, code, seat, nickname, now, ttl):
        return int(self._run("seat", code, now, ttl, seat, nickname))

    def has_seat(self, code, seat):
        return bool(self.client.hexists(class_keys(code)[1], seat))

    def next_round(self, code, prompt_json, now, ttl):
        return int(self._run("round", code, now, ttl, prompt_json))

    def set_phase(self, code, phase, now, ttl):
        return bool(self._run("phase", code, now, ttl, phase))

    def put_answer(self, code, seat, round_, choice, now, ttl):
        return str(self._run("answer", code, now, ttl, seat, str(int(round_)), choice)
                   or NO_CLASS)

    def get_answer(self, code, seat, round_):
        return self.client.hget(class_keys(code)[3], f"{int(round_)}|{seat}")

    def get_prompt(self, code, round_):
        return self.client.hget(class_keys(code)[2], str(int(round_)))

    def tally(self, code, round_):
        """Answers to one round: choice -> count (choices nobody gave are absent)."""
        prefix = f"{int(round_)}|"
        return {field[len(prefix):]: int(n) for field, n in
                self.client.hgetall(class_keys(code)[4]).items()
                if field.startswith(prefix) and int(n) > 0}

    def dump(self, code):
        keys = class_keys(code)
        with self.client.pipeline(transaction=True) as pipe:
            seats, prompts, answers = pipe.hgetall(keys[1]).hgetall(keys[2]).hgetall(
                keys[3]).execute()
        seat_rows = [(seat, *json.loads(value)) for seat, value in seats.items()]
        answer_rows = [(int(field.split("|", 1)[0]), field.split("|", 1)[1], choice)
                       for field, choice in answers.items()]
        return seat_rows, {int(r): p for r, p in prompts.items()}, answer_rows

    def delete_class(self, code):
        self.client.delete(*class_keys(code))

    def hit(self, key, window, now):
        """Count one event for ``key`` in the current ``window``-second bucket; the count."""
        bucket = f"live:rl:{key}:{int(now // window)}"
        with self.client.pipeline(transaction=True) as pipe:
            count, _ = pipe.incr(bucket).expire(bucket, 2 * window).execute()
        return int(count)

    def footprint(self, code):
        """Keys left about this class (0 once it is ended or expired)."""
        return int(self.client.exists(*class_keys(code)))

    def ttls(self, code):
        """Seconds each existing key of the class has left (-1 would mean: never expires)."""
        return [t for t in (self.client.ttl(k) for k in class_keys(code)) if t != -2]

    def close(self):
        self.client.close()
        self.client.connection_pool.disconnect()
