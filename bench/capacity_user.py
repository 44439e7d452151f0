"""One simulated student for Locust: a browser tab's session at the protocol level.

The student joins on some page, then every few seconds (``THINK`` seconds, drawn evenly)
does what a person in a class does: opens another page most often, sometimes changes a
widget on the page in front of them (a cancer on the heatmap, the quiz number, the network
seed), sometimes downloads a table as CSV. Every script run is reported to Locust as a
request of type ``run``; downloads as ``GET``; a failure (an exception shown on the page,
an HTTP error, no answer in time) as a failed request.
"""

from __future__ import annotations

import random
import time

from locust import User, constant, task

from tools.st_client import ProtocolError, Run, Session
from ui.links import QUIZ, SEED
from ui.navigation import PAGES

THINK = (5.0, 15.0)  # seconds between a student's clicks: one every 10 s on average
# The default page lives at "/" (tools/app_server.page_url); the others at their url_path.
URL_PATHS = tuple("" if index == 0 else spec.url_path for index, spec in enumerate(PAGES))
# A widget a person changes on each of these pages, and how to pick a new value for it.
WIDGETS = {
    "spread": ("focus", lambda proto: random.choice(list(proto.options)[1:])),
    "quiz": ("quiz", lambda proto: random.randint(QUIZ.low, QUIZ.high)),
    "network": ("seed", lambda proto: random.randint(SEED.low, SEED.high)),
}


class Student(User):
    """A tab that joins, then clicks through the app at a person's pace."""

    # The think time is spent inside each task, reading the websocket as an open tab does
    # (see think), rather than in Locust's sleep, which would leave the server's pings
    # unanswered and let it close the connection of a student who reads for long.
    wait_time = constant(0)
    abstract = False
    timeout = 60.0  # a page run that takes longer than this counts as an error

    def on_start(self) -> None:
        self.session = Session(self.host, timeout=self.timeout)
        self.last: Run | None = None
        self.measure("join", lambda: self.session.open(random.choice(URL_PATHS)))

    def think(self) -> None:
        """Read the page for a while (5-15 s), connected, before the next click."""
        try:
            self.session.idle(random.uniform(*THINK))
        except ProtocolError as error:
            self.environment.events.request.fire(
                request_type="run", name="idle", response_time=0, response_length=0,
                exception=error, context={})

    def on_stop(self) -> None:
        self.session.close()

    def measure(self, name: str, action) -> None:
        """Run ``action`` (which returns a Run), report its time or its failure to Locust."""
        started, exception = time.perf_counter(), None
        try:
            run = action()
            if run.exceptions:
                raise ProtocolError(f"exception on the page: {run.exceptions[0]}")
            self.last = run
        except (ProtocolError, OSError, KeyError, ValueError) as error:
            exception = error
        self.environment.events.request.fire(
            request_type="run", name=name, response_time=(time.perf_counter() - started) * 1000,
            response_length=0, exception=exception, context={})

    @task(6)
    def open_page(self) -> None:
        """Click another page in the sidebar."""
        others = [path for path in URL_PATHS if path != self.session.page]
        self.measure("page", lambda: self.session.run(random.choice(others)))
        self.think()

    @task(3)
    def change_widget(self) -> None:
        """Change the page's main widget (or open a page that has one first)."""
        if self.session.page not in WIDGETS or self.last is None:
            self.measure("page", lambda: self.session.run(random.choice(list(WIDGETS))))
        else:
            key, pick = WIDGETS[self.session.page]
            proto = self.last.widgets[key]
            self.measure("widget", lambda: self.session.set_widget(self.last, key, pick(proto)))
        self.think()

    @task(1)
    def download_csv(self) -> None:
        """Download one of the page's CSV tables, as its button does (GET /media/...)."""
        files = [url for url in (self.last.downloads if self.last else {}).values()
                 if url.endswith(".csv")]
        if not files:
            return  # no think: the student clicks something else at once
        started, exception, size = time.perf_counter(), None, 0
        try:
            size = len(self.session.download(random.choice(files)))
        except (ProtocolError, OSError) as error:
            exception = error
        self.environment.events.request.fire(
            request_type="GET", name="download CSV",
            response_time=(time.perf_counter() - started) * 1000, response_length=size,
            exception=exception, context={})
        self.think()
