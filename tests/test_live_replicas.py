"""A live class on two replicas behind HAProxy with the Redis store, spoken to at the protocol
level as phones would (tools/st_client.py): 60 students join and answer while one replica is
killed, and not one answer is lost. HAProxy or redis-server missing: skipped with the reason,
a failure under CI=true."""

from __future__ import annotations

import socket
import time
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import parse_qs, urlsplit

import pytest
import websocket
from requests.adapters import HTTPAdapter

from classroom import live_class
from classroom.live_prompts import choice_label, find_prompt
from data.load import load_tables
from tests.cluster_helpers import running_cluster
from tests.redis_server import redis_url  # noqa: F401  (the session's redis-server)
from tools.balancer import kill_replica
from tools.st_client import SERVED_BY, XSRF_COOKIE, ProtocolError, Run, Session

pytestmark = pytest.mark.server  # starts servers: tests/run.sh runs it after the fast tests

STUDENTS = 60
PROMPT = "top:nci:colon"  # Colon cancer, answered on the body map: four sites to tap
OPTIONS = ("Adrenal gland", "Liver", "Skin or muscle")  # Colon's row: liver 1st


class Phone(Session):
    """A tab on a phone of its own: every request leaves from ``address`` (127.0.0.x), so
    the balancer and the app see one device per phone, as on a classroom network."""

    def __init__(self, base_url: str, address: str) -> None:
        super().__init__(base_url)
        self.address = address
        adapter = HTTPAdapter()
        adapter.init_poolmanager(10, 10, source_address=(address, 0))
        self.http.mount("http://", adapter)

    def connect(self) -> None:
        """:meth:`Session.connect`, from this phone's address."""
        parts = urlsplit(self.base_url)
        sock = socket.create_connection((parts.hostname, parts.port), timeout=self.timeout,
                                        source_address=(self.address, 0))
        protocols = ["streamlit", self.http.cookies.get(XSRF_COOKIE, "")] + (
            [self.session_id] if self.session_id else [])
        cookies = "; ".join(f"{c.name}={c.value}" for c in self.http.cookies)
        self.ws = websocket.create_connection(
            self.base_url.replace("http", "ws", 1) + "/_stcore/stream", socket=sock,
            timeout=self.timeout, subprotocols=protocols, cookie=cookies,
            origin=f"http://{parts.netloc}", enable_multithread=False)
        served = (self.ws.getheaders() or {}).get(SERVED_BY.lower())
        if served:
            self.served_by.append(served)


def type_text(session: Session, run: Run, key: str, text: str) -> None:
    """Type ``text`` into the text input ``key`` (sent with the next run, as a browser)."""
    state = session._state(run.widgets[key].id)
    state.string_value = text
    session.widget_states[state.id] = state


def click(session: Session, run: Run, key: str) -> Run:
    """Press the button ``key`` once (the press is not kept for later runs)."""
    state = session._state(run.widgets[key].id)
    state.trigger_value = True
    try:
        return session.run(widgets={state.id: state})
    finally:
        session.widget_states.pop(state.id, None)


def link(session: Session, key: str) -> str:
    """A value of the link the page wrote (the tab's address bar)."""
    return parse_qs(session.query)[key][0]


def join(session: Session, code: str) -> Session:
    """A phone opens Join a class, types the code and presses Join."""
    run = session.open("join_class")
    type_text(session, run, "join_code", code)
    run = click(session, run, "join")
    assert any("You are in" in text for text in run.texts), run.texts
    return session


def answer(session: Session, choice: str, home_killed: bool) -> list[str]:
    """Tap ``choice``; a phone whose replica died reconnects first (its link brings it back
    into its seat). What the phone then says."""
    if home_killed:
        with pytest.raises(ProtocolError):
            session.run()
        run = session.reconnect(within=30)
    else:
        run = session.run()
    key = next(k for k, w in run.widgets.items() if k.startswith("option_1_")
               and getattr(w, "label", "") == choice)
    run = click(session, run, key)
    assert run.exceptions == [], run.exceptions
    return run.texts


def test_sixty_phones_lose_no_answer_when_a_replica_dies(redis_url, monkeypatch):  # noqa: F811
    """Half the class answers, app1 is killed, the rest answer (those of app1 reconnecting
    to app2 with their links); Redis holds every one of the 60 answers, and the teacher's
    projector, reloaded from its link, counts 60."""
    monkeypatch.setenv("LIVE_CLASS_STORE", redis_url)
    with running_cluster(2) as cluster:
        teacher = Session(cluster.base_url)
        run = click(teacher, teacher.open("live_class"), "start_class")
        code, host = link(teacher, "live"), link(teacher, "host")
        phones = [Phone(cluster.base_url, f"127.0.0.{10 + i}") for i in range(STUDENTS)]
        try:
            with ThreadPoolExecutor(8) as pool:
                list(pool.map(join, phones, [code] * STUDENTS))
            run = teacher.run()
            label = choice_label(find_prompt(load_tables(), PROMPT))
            teacher.set_widget(run, "live_prompt", label)
            run = click(teacher, teacher.run(), "ask")
            homes = [phone.served_by[-1] for phone in phones]
            assert set(homes) == set(cluster.replicas), "the balancer spreads the phones"
            chosen = [OPTIONS[i % len(OPTIONS)] for i in range(STUDENTS)]
            first, second = range(STUDENTS // 2), range(STUDENTS // 2, STUDENTS)
            with ThreadPoolExecutor(8) as pool:
                list(pool.map(lambda i: answer(phones[i], chosen[i], False), first))
            kill_replica(cluster, "app1")
            with ThreadPoolExecutor(8) as pool:
                said = list(pool.map(lambda i: answer(phones[i], chosen[i], homes[i] == "app1"),
                                     second))
            assert all(any(f"Your answer: {chosen[i]}" in t for t in texts)
                       for i, texts in zip(second, said, strict=True))
            store = live_class.open_store(redis_url)
            room = live_class.room(store, code, time.time())
            assert (room.joined, room.answered) == (STUDENTS, STUDENTS)
            assert room.tally == {o: chosen.count(o) for o in room.prompt.options}
            seats = [link(phone, "seat") for phone in phones]
            assert [live_class.my_answer(store, code, s, 1) for s in seats] == chosen
            projector = Session(cluster.base_url)
            shown = projector.open("live_class", f"live={code}&host={host}")
            assert shown.exceptions == [] and projector.served_by[-1] == "app2"
            print(f"{STUDENTS} answers kept; {homes.count('app1')} phones moved to app2")
        finally:
            for phone in phones:
                phone.close()
            teacher.close()

