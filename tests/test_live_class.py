"""The live-class engine on both stores: SQLite (fast) and a real Redis (mark `server`).

Each test is one behaviour a teacher or student meets; the Redis half runs against the
redis-server this test session starts (tests/redis_server.py).
"""

from __future__ import annotations

import os
import stat
from concurrent.futures import ThreadPoolExecutor

import pytest

from classroom import live_class as lc
from classroom.live_class import LiveError, PromptRecord
from classroom.live_codes import CODE_ALPHABET
from tests.redis_server import redis_url  # noqa: F401  (the session's redis-server)

T0 = 1_000_000.0
PROMPT = PromptRecord(pid="top_site:nci:colorectal",
                      text="Where does colorectal cancer spread most often, by the NCI table?",
                      options=("Liver", "Lung", "Bone", "Brain"), answer="Liver",
                      answer_by="body_map")
SECOND = PromptRecord(pid="sure:lung:brain", text="How sure are we?",
                      options=("Very", "Somewhat", "Not"), answer="Very", answer_by="options")

BACKENDS = [pytest.param("sqlite", id="sqlite"),
            pytest.param("redis", id="redis", marks=pytest.mark.server)]


@pytest.fixture(params=BACKENDS)
def store(request, tmp_path):
    """A fresh store of each kind (Redis: a database emptied first)."""
    if request.param == "sqlite":
        s = lc.open_store(f"sqlite:///{tmp_path / 'live.sqlite3'}")
    else:
        s = lc.open_store(request.getfixturevalue("redis_url"))
        s.client.flushdb()
    yield s
    s.close()


def class_with(store, students=1, prompt=PROMPT):
    """A class with ``students`` joined and ``prompt`` open: (code, host, seats, round)."""
    code, host = lc.start_class(store, T0)
    seats = [lc.join(store, code, None, f"Kid {i}", f"10.0.0.{i}", T0 + 1)
             for i in range(students)]
    round_ = lc.set_prompt(store, code, host, prompt, T0 + 2)
    return code, host, seats, round_


def test_a_new_class_is_in_the_lobby_with_a_code_of_two_groups_of_four(store):
    code, _ = lc.start_class(store, T0)
    room = lc.room(store, code, T0)
    assert (room.phase, room.round, room.joined, room.answered, room.prompt, room.tally) == (
        "lobby", 0, 0, 0, None, {})
    assert len(code) == 8 and set(code) <= set(CODE_ALPHABET)
    assert room.expires_at == T0 + lc.LIVE_TTL_SECONDS
    assert lc.format_code(code)[4] == "-"


def test_join_accepts_lower_case_spaces_and_dashes(store):
    code, _ = lc.start_class(store, T0)
    typed = f" {code[:4].lower()} - {code[4:].lower()} "
    lc.join(store, typed, None, "", "phone", T0)
    assert lc.room(store, code, T0).joined == 1


def test_one_answer_per_seat_per_round_every_option_tallied(store):
    code, _, seats, r = class_with(store, students=3)
    lc.answer(store, code, seats[0], r, "Liver", "a", T0 + 3)
    lc.answer(store, code, seats[1], r, "Liver", "b", T0 + 3)
    lc.answer(store, code, seats[0], r, "Liver", "a", T0 + 4)  # the same tap again
    room = lc.room(store, code, T0 + 5)
    assert room.tally == {"Liver": 2, "Lung": 0, "Bone": 0, "Brain": 0}
    assert (room.joined, room.answered, room.phase, room.round) == (3, 2, "open", 1)


def test_an_answer_can_change_until_the_teacher_locks_then_is_refused(store):
    code, host, seats, r = class_with(store)
    lc.answer(store, code, seats[0], r, "Lung", "a", T0 + 3)
    lc.answer(store, code, seats[0], r, "Liver", "a", T0 + 4)
    assert lc.room(store, code, T0 + 4).tally["Lung"] == 0
    lc.lock(store, code, host, T0 + 5)
    with pytest.raises(LiveError, match="Answers are locked for this question"):
        lc.answer(store, code, seats[0], r, "Bone", "a", T0 + 6)
    lc.reveal(store, code, host, T0 + 7)
    room = lc.room(store, code, T0 + 7)
    assert (room.phase, room.tally["Liver"], room.prompt.answer) == ("revealed", 1, "Liver")
    assert lc.my_answer(store, code, seats[0], r) == "Liver"


def test_a_new_prompt_opens_a_new_round_and_old_rounds_refuse_answers(store):
    code, host, seats, r = class_with(store)
    lc.answer(store, code, seats[0], r, "Lung", "a", T0 + 3)
    r2 = lc.set_prompt(store, code, host, SECOND, T0 + 4)
    assert (r, r2) == (1, 2)
    room = lc.room(store, code, T0 + 4)
    assert (room.answered, room.tally, room.prompt) == (0, {"Very": 0, "Somewhat": 0, "Not": 0},
                                                        SECOND)
    with pytest.raises(LiveError, match="This question is over"):
        lc.answer(store, code, seats[0], r, "Lung", "a", T0 + 5)


def test_rejoining_with_the_seat_keeps_the_answer(store):
    code, _, seats, r = class_with(store)
    lc.answer(store, code, seats[0], r, "Bone", "a", T0 + 3)
    again = lc.join(store, code, seats[0], "", "a", T0 + 10)
    assert again == seats[0]
    assert lc.my_answer(store, code, again, r) == "Bone"
    assert lc.room(store, code, T0 + 10).joined == 1


@pytest.mark.parametrize(("choice", "seat", "message"), [
    ("Kidney", None, "not one of the answers"),
    ("Liver", "forged-seat", "has not joined this class"),
])
def test_bad_answers_are_refused_with_a_plain_sentence(store, choice, seat, message):
    code, _, seats, r = class_with(store)
    with pytest.raises(LiveError, match=message):
        lc.answer(store, code, seat or seats[0], r, choice, "a", T0 + 3)


def test_only_the_host_token_can_drive_the_class(store):
    code, _, seats, _ = class_with(store)
    with pytest.raises(LiveError, match="Only the teacher who started this class"):
        lc.lock(store, code, seats[0], T0 + 3)
    with pytest.raises(LiveError, match="Only the teacher"):
        lc.summary(store, code, "guess", keep_names=True)


def test_unknown_and_malformed_codes_are_refused(store):
    with pytest.raises(LiveError, match="8 letters and digits"):
        lc.join(store, "<script>", None, "", "a", T0)
    with pytest.raises(LiveError, match="ended or its code is not right"):
        lc.join(store, "ABCD-EFGH", None, "", "a", T0)
    with pytest.raises(LiveError, match="ended or its code is not right"):
        lc.room(store, "ABCDEFGH", T0)


def test_a_long_nickname_is_refused_and_spaces_are_trimmed(store):
    code, host = lc.start_class(store, T0)
    with pytest.raises(LiveError, match="at most 24 letters"):
        lc.join(store, code, None, "x" * 25, "a", T0)
    lc.join(store, code, None, "  Ada    Lovelace  ", "a", T0)
    lc.set_prompt(store, code, host, PROMPT, T0)
    assert lc.room(store, code, T0).joined == 1


def test_answers_are_rate_limited_per_device_with_a_plain_sentence(store):
    code, _, seats, r = class_with(store)
    for _ in range(lc.ANSWER_LIMIT):
        lc.answer(store, code, seats[0], r, "Lung", "phone-1", T0 + 3)
    with pytest.raises(LiveError, match="a lot of taps in a few seconds. Wait ten seconds"):
        lc.answer(store, code, seats[0], r, "Liver", "phone-1", T0 + 3)
    lc.answer(store, code, seats[0], r, "Liver", "phone-2", T0 + 3)  # another device may
    lc.answer(store, code, seats[0], r, "Bone", "phone-1", T0 + 3 + lc.ANSWER_WINDOW)


def test_joins_are_rate_limited_per_device_even_with_wrong_codes(store):
    for _ in range(lc.JOIN_LIMIT):
        with pytest.raises(LiveError, match="not right"):
            lc.join(store, "ABCDEFGH", None, "", "guesser", T0)
    with pytest.raises(LiveError, match="Too many tries to join from this device"):
        lc.join(store, "ABCDEFGH", None, "", "guesser", T0)


def test_expiry_deletes_everything_about_the_class(store):
    code, host, seats, r = class_with(store, students=2)
    lc.answer(store, code, seats[0], r, "Liver", "a", T0 + 3)
    assert store.footprint(code) > 0
    later = T0 + 3 + lc.LIVE_TTL_SECONDS + 1
    lc.start_class(store, later)  # any write sweeps SQLite (Redis: the keys' TTLs, below)
    if store.setting.startswith("sqlite"):
        assert store.footprint(code) == 0
    with pytest.raises(LiveError, match="ended"):
        lc.room(store, code, later)
    assert store.footprint(code) == 0


@pytest.mark.server
def test_every_redis_key_of_a_class_expires_within_the_class_lifetime(redis_url):  # noqa: F811
    s = lc.open_store(redis_url)
    code, _, seats, r = class_with(s, students=2)
    lc.answer(s, code, seats[0], r, "Liver", "a", T0 + 3)
    ttls = s.ttls(code)
    assert len(ttls) == 5 and all(0 < t <= lc.LIVE_TTL_SECONDS for t in ttls)
    assert all(0 < s.client.ttl(k) <= 2 * lc.JOIN_WINDOW for k in s.client.keys("live:rl:*"))
    s.close()


def test_activity_pushes_the_expiry_back(store):
    code, _, seats, r = class_with(store)
    lc.answer(store, code, seats[0], r, "Liver", "a", T0 + 3600)
    assert lc.room(store, code, T0 + lc.LIVE_TTL_SECONDS + 60).expires_at == (
        T0 + 3600 + lc.LIVE_TTL_SECONDS)


def test_ending_the_class_deletes_everything(store):
    code, host, seats, r = class_with(store)
    lc.answer(store, code, seats[0], r, "Liver", "a", T0 + 3)
    lc.end_class(store, code, host, T0 + 4)
    assert store.footprint(code) == 0
    with pytest.raises(LiveError):
        lc.join(store, code, seats[0], "", "a", T0 + 5)


def test_summary_numbers_students_and_keeps_names_only_when_asked(store):
    code, host, seats, r = class_with(store, students=2)
    lc.answer(store, code, seats[1], r, "Lung", "b", T0 + 3)
    lc.answer(store, code, seats[0], r, "Liver", "a", T0 + 3)
    anon = lc.summary(store, code, host, keep_names=False)
    assert list(anon.columns) == list(lc.SUMMARY_COLUMNS)
    assert anon.to_dict("records") == [
        {"round": 1, "prompt": PROMPT.text, "student": "Student 1", "answer": "Liver",
         "right": True},
        {"round": 1, "prompt": PROMPT.text, "student": "Student 2", "answer": "Lung",
         "right": False}]
    assert list(lc.summary(store, code, host, keep_names=True)["student"]) == ["Kid 0", "Kid 1"]


def test_two_store_objects_see_each_others_answers(store, tmp_path, request):
    """Two replicas: two store objects on the same file or the same Redis."""
    other = lc.open_store(store.setting)
    code, _, seats, r = class_with(store, students=2)
    lc.answer(other, code, seats[0], r, "Liver", "a", T0 + 3)
    lc.answer(store, code, seats[1], r, "Lung", "b", T0 + 3)
    assert lc.room(other, code, T0 + 4).tally == lc.room(store, code, T0 + 4).tally == {
        "Liver": 1, "Lung": 1, "Bone": 0, "Brain": 0}
    other.close()


def test_200_concurrent_answers_are_200_counted(store):
    code, host, seats, r = class_with(store, students=200)
    options = PROMPT.options

    def tap(i):
        lc.answer(store, code, seats[i], r, options[i % 4], f"phone-{i}", T0 + 3)

    with ThreadPoolExecutor(max_workers=20) as pool:
        list(pool.map(tap, range(200)))
    room = lc.room(store, code, T0 + 4)
    assert (room.answered, room.tally) == (200, {o: 50 for o in options})


def test_the_default_sqlite_file_is_in_a_private_folder_outside_the_repo():
    s = lc.open_store("")
    folder = os.path.dirname(s.path)
    assert stat.S_IMODE(os.stat(folder).st_mode) == 0o700
    assert not os.path.abspath(s.path).startswith(os.path.abspath(os.path.dirname(
        os.path.dirname(__file__))))
    s.close()
    assert not os.path.exists(folder)


@pytest.mark.parametrize("bad", [
    PromptRecord("p", "", ("a", "b"), "a", "options"),
    PromptRecord("p", "Q?", ("a",), "a", "options"),
    PromptRecord("p", "Q?", ("a", "b"), "c", "options"),
    PromptRecord("p", "Q?", ("a", "x" * 81), "a", "options"),
    PromptRecord("p", "Q?", ("a", "b"), "a", "tap"),
])
def test_a_malformed_prompt_is_refused(bad, tmp_path):
    s = lc.open_store(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    code, host = lc.start_class(s, T0)
    with pytest.raises(LiveError):
        lc.set_prompt(s, code, host, bad, T0)


def test_hostile_input_gets_a_plain_refusal_and_names_are_kept_as_plain_text(store):
    code, host = lc.start_class(store, T0)
    seat = lc.join(store, code.lower(), None, "  <b>Ada</b>\x00\n\x1b[31m ", "a", T0)
    round_ = lc.set_prompt(store, code, host, PROMPT, T0)
    for bad_code in ("x" * 10_000, "", None, "ABCD-EFGH-IJKL"):
        with pytest.raises(LiveError, match="code is not right|8 letters"):
            lc.join(store, bad_code, None, "", "b", T0)
        with pytest.raises(LiveError, match="code is not right"):
            lc.room(store, bad_code, T0)
    with pytest.raises(LiveError, match="has not joined this class"):
        lc.answer(store, code, "s" * 100_000, round_, "Liver", "c", T0)
    with pytest.raises(LiveError, match="not one of the answers"):
        lc.answer(store, code, seat, round_, "Liver" * 1000, "c", T0)
    lc.answer(store, code, seat, round_, "Liver", "c", T0)
    assert lc.room(store, code.lower(), T0).code == code
    names = lc.summary(store, code, host, keep_names=True)["student"].tolist()
    assert names == ["<b>Ada</b>[31m"]


def test_the_bench_counts_every_answer_of_a_small_class(store):
    """bench/bench_live.py on 20 students (it asserts the room's tally itself)."""
    from bench.bench_live import bench

    figures = bench(store.setting, students=20, taps=3, processes=1)
    assert figures["answers"] == 60 and figures["per_second"] > 0
    assert figures["quiet_median"] > 0


def test_a_store_that_does_not_answer_gives_a_plain_sentence():
    """Redis down (nothing listens on the port): a sentence, not a trace."""
    pytest.importorskip("redis")
    from tools.app_server import free_port

    s = lc.open_store(f"redis://127.0.0.1:{free_port()}/0")
    with pytest.raises(LiveError, match="cannot reach its store just now"):
        lc.start_class(s, T0)
    with pytest.raises(LiveError, match="cannot reach its store just now"):
        lc.room(s, "ABCDEFGH", T0)
    s.close()
