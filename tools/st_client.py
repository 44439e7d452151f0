"""A Streamlit session spoken at the protocol level, as a browser tab would, without a browser.

A tab loads the page's HTML, asks ``/_stcore/health`` (which sets the ``_streamlit_xsrf``
cookie), opens the websocket ``/_stcore/stream`` and sends ``BackMsg`` protobufs: a
``rerun_script`` to run a page or to send changed widget values, a ``file_urls_request``
before an upload. The server answers with ``ForwardMsg``s until ``script_finished``.
Uploads are an HTTP PUT to the URL the server hands out, downloads a GET of ``/media/...``:
plain HTTP requests that must reach the process that holds the session, which is why a
load balancer in front of several servers needs session affinity (see deploy/).

Used by the capacity bench (bench/capacity.py, under Locust) and the replica and fault tests.
Only ever pointed at 127.0.0.1; every wait is bounded by ``timeout``.
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import requests
import websocket

from ui.st_internals import BackMsg, ForwardMsg, WidgetState  # Streamlit internals

XSRF_COOKIE = "_streamlit_xsrf"
SERVED_BY = "X-Served-By"  # set by the balancer config in deploy/ (the replica's name)


class ProtocolError(RuntimeError):
    """The server answered something a browser would show as an error, or nothing in time."""


@dataclass
class Run:
    """What one script run sent back: its widgets, downloads, texts and any exception."""

    seconds: float = 0.0
    widgets: dict[str, object] = field(default_factory=dict)  # user key (or id) -> proto
    downloads: dict[str, str] = field(default_factory=dict)  # button label -> /media/ URL
    texts: list[str] = field(default_factory=list)  # markdown and alert bodies, in order
    exceptions: list[str] = field(default_factory=list)
    charts: int = 0


def widget_key(widget_id: str) -> str:
    """The user's ``key=`` inside a Streamlit widget id (``$$ID-<hash>-<key>``), else the id.

    >>> widget_key("$$ID-0123abcd-focus")
    'focus'
    >>> widget_key("$$ID-0123abcd-None")
    '$$ID-0123abcd-None'
    """
    head, _, key = widget_id.rpartition("-")
    return key if head.startswith("$$ID") and key and key != "None" else widget_id


def read_element(element, run: Run) -> None:
    """Note what a person would see or use in one element of the page."""
    kind = element.WhichOneof("type")
    body = getattr(element, kind) if kind else None
    if kind == "exception":
        run.exceptions.append(f"{body.type}: {body.message}")
    elif kind in ("markdown", "alert"):
        run.texts.append(body.body)
    elif kind == "vega_lite_chart":
        run.charts += 1
    elif kind == "download_button":
        run.downloads[body.label] = body.url
    if getattr(body, "id", "") and kind not in ("vega_lite_chart", "dataframe"):
        run.widgets[widget_key(body.id)] = body


class Session:
    """One browser tab's session with the app at ``base_url`` (cookies kept, as a browser)."""

    def __init__(self, base_url: str, timeout: float = 60.0) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.http = requests.Session()
        self.ws: websocket.WebSocket | None = None
        self.session_id = ""
        self.pages: dict[str, str] = {}  # url path -> page_script_hash
        self.page = ""
        self.query = ""
        self.widget_states: dict[str, object] = {}  # widget id -> WidgetState (this page)
        self.served_by: list[str] = []  # the balancer's X-Served-By of every answer

    # ------------------------------------------------------------------------- HTTP
    def get(self, path: str) -> requests.Response:
        """GET ``path`` with this tab's cookies; raise ProtocolError on an error status."""
        return self._check(self.http.get(self.base_url + path, timeout=self.timeout), path)

    def _check(self, response: requests.Response, what: str) -> requests.Response:
        if SERVED_BY in response.headers:
            self.served_by.append(response.headers[SERVED_BY])
        if response.status_code >= 400:
            raise ProtocolError(f"{what}: HTTP {response.status_code} {response.text[:200]}")
        return response

    # ---------------------------------------------------------------------- session
    def open(self, url_path: str, query: str = "") -> Run:
        """Load the page as a tab does (HTML, health, websocket), then run ``url_path``."""
        self.get(f"/{url_path}" + (f"?{query}" if query else ""))
        self.get("/_stcore/health")  # sets the XSRF cookie the websocket and uploads need
        self.connect()
        return self.run(url_path, query)

    def connect(self) -> None:
        """Open the websocket, offering the XSRF token and (on reconnection) the session id."""
        xsrf = self.http.cookies.get(XSRF_COOKIE, "")
        protocols = ["streamlit", xsrf] + ([self.session_id] if self.session_id else [])
        cookies = "; ".join(f"{c.name}={c.value}" for c in self.http.cookies)
        host = urlsplit(self.base_url).netloc
        self.ws = websocket.create_connection(
            self.base_url.replace("http", "ws", 1) + "/_stcore/stream",
            timeout=self.timeout, subprotocols=protocols, cookie=cookies,
            origin=f"http://{host}", enable_multithread=False)
        served = (self.ws.getheaders() or {}).get(SERVED_BY.lower())
        if served:
            self.served_by.append(served)

    def reconnect(self, within: float = 30.0) -> Run:
        """What a tab does when its connection drops (it shows "Connecting"): ask
        ``/_stcore/health`` until the app answers, reopen the websocket offering its old
        session id, and run its page again with the widget values it still holds."""
        if self.ws is not None:
            self.ws.close()
            self.ws = None
        deadline = time.monotonic() + within
        while True:
            try:
                self.get("/_stcore/health")
                break
            except (ProtocolError, requests.RequestException) as error:
                if time.monotonic() > deadline:
                    raise ProtocolError(f"the app did not come back within {within:.0f} s") \
                        from error
                time.sleep(0.5)
        self.connect()
        return self.run()

    def close(self) -> None:
        """Close the websocket and the HTTP connections (the server then drops the session
        after ``server.disconnectedSessionTTL``)."""
        if self.ws is not None:
            self.ws.close()
            self.ws = None
        self.http.close()

    def send(self, message: BackMsg) -> None:
        """Send one BackMsg over the websocket."""
        if self.ws is None:
            raise ProtocolError("not connected")
        self.ws.send_binary(message.SerializeToString())

    def receive(self, deadline: float) -> ForwardMsg:
        """The next ForwardMsg, or ProtocolError once ``deadline`` (monotonic) has passed."""
        self.ws.settimeout(max(0.01, deadline - time.monotonic()))
        try:
            data = self.ws.recv()
        except websocket.WebSocketTimeoutException as error:
            raise ProtocolError("no answer from the server in time") from error
        except (websocket.WebSocketException, OSError) as error:
            raise ProtocolError(f"connection lost: {error}") from error
        message = ForwardMsg()
        message.ParseFromString(data)
        return message

    def idle(self, seconds: float) -> None:
        """Stay connected for ``seconds`` as an open tab does between clicks: read what the
        server sends, which answers its pings (the server closes a connection whose pings
        go unanswered for 30 s). Nothing is expected; anything that arrives is dropped."""
        deadline = time.monotonic() + seconds
        while self.ws is not None and time.monotonic() < deadline:
            self.ws.settimeout(max(0.01, deadline - time.monotonic()))
            try:
                self.ws.recv()  # websocket-client answers a ping with a pong inside recv
            except websocket.WebSocketTimeoutException:
                return
            except (websocket.WebSocketException, OSError) as error:
                raise ProtocolError(f"connection lost: {error}") from error

    # ----------------------------------------------------------------------- runs
    def run(self, url_path: str | None = None, query: str = "", widgets: dict | None = None,
            ) -> Run:
        """Run a page (a new one clears the widget values) and read it until it finished.

        ``widgets`` maps widget ids to ``WidgetState`` protos to change on this run.
        """
        if url_path is not None and url_path != self.page:
            self.widget_states = {}
            self.page, self.query = url_path, query
        self.widget_states.update(widgets or {})
        message = BackMsg()
        state = message.rerun_script
        state.query_string = self.query
        state.page_name = self.page
        state.page_script_hash = self.pages.get(self.page, "")
        state.widget_states.widgets.extend(self.widget_states.values())
        started = time.monotonic()
        self.send(message)
        return self._read_run(started)

    def _read_run(self, started: float) -> Run:
        run, deadline, ran = Run(), started + self.timeout, None
        while True:
            forward = self.receive(deadline)
            kind = forward.WhichOneof("type")
            if kind == "new_session":
                self.session_id = forward.new_session.initialize.session_id
            elif kind == "navigation":
                # The first may list the pages/ folder; the app's st.navigation follows.
                self.pages = {p.url_pathname: p.page_script_hash
                              for p in forward.navigation.app_pages}
                ran = forward.navigation.page_script_hash
            elif kind == "page_info_changed":  # the page wrote its link, as a browser keeps it
                self.query = forward.page_info_changed.query_string
            elif kind == "delta" and forward.delta.WhichOneof("type") == "new_element":
                read_element(forward.delta.new_element, run)
            elif kind == "script_finished":
                status = forward.script_finished
                if status == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                    run = Run()  # another run follows (a callback changed the state)
                    continue
                if status != ForwardMsg.FINISHED_SUCCESSFULLY:
                    raise ProtocolError(f"script finished with status {status}")
                if ran != self.pages.get(self.page):
                    # Before st.navigation runs, the server checks the link against the
                    # pages/ folder and may say "page not found"; only the page run counts.
                    raise ProtocolError(f"page not found: {self.page!r}")
                run.seconds = time.monotonic() - started
                return run

    def set_widget(self, run: Run, key: str, value) -> Run:
        """Change the widget ``key`` seen in ``run`` to ``value`` as a person would, and rerun.

        A toggle takes a bool, a number input a number, a selectbox one of its options.
        """
        proto = run.widgets[key]
        state = self._state(proto.id)
        if isinstance(value, bool):
            state.bool_value = value
        elif isinstance(value, int | float):
            state.double_value = float(value)
        else:
            if value not in proto.options:
                raise ValueError(f"{value!r} is not an option of {key!r}")
            state.string_value = value
        return self.run(widgets={proto.id: state})

    @staticmethod
    def _state(widget_id: str) -> WidgetState:
        """An empty widget value for ``widget_id``, to fill in."""
        return WidgetState(id=widget_id)

    # ------------------------------------------------------------------ files
    def download(self, url: str) -> bytes:
        """The bytes a click on a download button saves (a GET of its /media/ URL)."""
        return self.get(url if url.startswith("/") else f"/{url}").content

    def upload(self, run: Run, key: str, name: str, data: bytes,
               mime: str = "text/csv") -> Run:
        """Upload ``data`` as ``name`` into the file uploader ``key``, as the browser does:
        ask for an upload URL, PUT the file there (with the XSRF header), then rerun."""
        proto = run.widgets[key]
        message = BackMsg()
        request_id = uuid.uuid4().hex
        message.file_urls_request.request_id = request_id
        message.file_urls_request.session_id = self.session_id
        message.file_urls_request.file_names.append(name)
        self.send(message)
        deadline = time.monotonic() + self.timeout
        while True:
            forward = self.receive(deadline)
            if (forward.WhichOneof("type") == "file_urls_response"
                    and forward.file_urls_response.response_id == request_id):
                break
        answer = forward.file_urls_response
        if answer.error_msg:
            raise ProtocolError(f"upload refused: {answer.error_msg}")
        urls = answer.file_urls[0]
        put = self.http.put(self._absolute(urls.upload_url), files={"file": (name, data, mime)},
                            headers={"X-Xsrftoken": self.http.cookies.get(XSRF_COOKIE, "")},
                            timeout=self.timeout)
        self._check(put, "upload")
        state = self._state(proto.id)
        info = state.file_uploader_state_value.uploaded_file_info.add()
        info.name, info.size, info.file_id = name, len(data), urls.file_id
        info.file_urls.CopyFrom(urls)
        return self.run(widgets={proto.id: state})

    def _absolute(self, url: str) -> str:
        """Upload URLs come back relative to the app (``/_stcore/upload_file/...``)."""
        return url if url.startswith("http") else self.base_url + "/" + url.lstrip("/")
