"""Hostile servers, for real: a socket server on 127.0.0.1 that drips, bombs and never ends.

Each scenario runs in a thread and serves one request per connection. Nothing here asserts on
elapsed time: a server that drips a whole valid answer slowly would make the call succeed if
the timeout bounded only each read, so the typed error itself is the evidence.
"""

from __future__ import annotations

import contextlib
import gzip
import socket
import threading
import time
import tracemalloc
import zlib
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from client_support import KEY, OK_BODY, Harness, reply
from pytest_httpx import HTTPXMock

from helicone_evals import (
    APITimeoutError,
    AuthenticationError,
    InternalServerError,
    ResponseTooLargeError,
    ResponseValidationError,
)
from helicone_evals._config import DEFAULT_MAX_RESPONSE_BYTES
from helicone_evals._reading import (
    _WATCHDOG,
    abounded,
    attempt_budget,
    attempt_deadline,
    read_response,
)
from helicone_evals._response import _html_excerpt, describe

PATH = "/v1/evals/score-distributions/query"
OK_JSON = httpx.Response(200, json=OK_BODY).content

Scenario = Callable[[socket.socket, threading.Event], None]


class Server:
    """Runs ``scenario(connection, stopping)`` for each connection, after reading the request."""

    def __init__(self, scenario: Scenario) -> None:
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.2)
        self.url = f"http://127.0.0.1:{self._listener.getsockname()[1]}"
        self.stopping = threading.Event()
        self.bytes_sent = 0
        self._scenario = scenario
        self._threads: list[threading.Thread] = []
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while not self.stopping.is_set():
            try:
                connection, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            thread = threading.Thread(target=self._serve, args=(connection,), daemon=True)
            thread.start()
            self._threads.append(thread)

    def _serve(self, connection: socket.socket) -> None:
        with connection:
            head = b""
            while b"\r\n\r\n" not in head:
                chunk = connection.recv(65536)
                if not chunk:
                    return
                head += chunk
            header, _, body = head.partition(b"\r\n\r\n")
            length = 0
            for line in header.split(b"\r\n")[1:]:
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value)
            while len(body) < length:
                body += connection.recv(65536)
            # OSError: the client went away, which is the point of most scenarios.
            with contextlib.suppress(OSError):
                self._scenario(connection, self.stopping)

    def stop(self) -> None:
        self.stopping.set()
        self._listener.close()
        self._thread.join(5)
        for thread in self._threads:
            thread.join(5)


@pytest.fixture
def serve() -> Iterator[Callable[[Scenario], Server]]:
    servers: list[Server] = []

    def start(scenario: Scenario) -> Server:
        server = Server(scenario)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


def head(status: str = "200 OK", **headers: str | int) -> bytes:
    lines = [f"HTTP/1.1 {status}"] + [f"{k.replace('_', '-')}: {v}" for k, v in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def dripping(body: bytes, every: float, sent: list[int]) -> Scenario:
    """A complete, valid answer, one byte every ``every`` seconds."""

    def scenario(connection: socket.socket, stopping: threading.Event) -> None:
        connection.sendall(
            head(content_type="application/json", content_length=len(body), connection="close")
        )
        for byte in body:
            if stopping.wait(every):
                return
            connection.sendall(bytes([byte]))
            sent[0] += 1

    return scenario


@pytest.fixture(scope="module")
def gzip_bomb() -> bytes:
    """200 MiB of zeros, gzip-compressed to about 200 KB."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    block = bytes(1024 * 1024)
    parts = [compressor.compress(block) for _ in range(200)]
    parts.append(compressor.flush())
    return b"".join(parts)


def replying(status: str, body: bytes, **headers: str | int) -> Scenario:
    def scenario(connection: socket.socket, stopping: threading.Event) -> None:
        connection.sendall(head(status, content_length=len(body), **headers) + body)

    return scenario


# -- the timeout bounds each attempt ---------------------------------------------------------


async def test_a_server_dripping_a_valid_answer_is_cut_off_at_the_timeout(
    kind: str, serve: Callable[[Scenario], Server]
) -> None:
    sent = [0]
    server = serve(dripping(OK_JSON, every=0.25, sent=sent))
    api = Harness(kind, base_url=server.url, timeout=1.0, max_retries=0)
    try:
        with pytest.raises(APITimeoutError) as caught:
            await api.query()
    finally:
        await api.close()
    assert caught.value.message.startswith(
        f"Request timed out: no complete answer from POST {server.url}{PATH} within 1 s"
    )
    assert sent[0] < len(OK_JSON)  # cut off long before the server was done


async def test_without_a_timeout_a_slow_answer_is_read_to_the_end(
    serve: Callable[[Scenario], Server],
) -> None:
    body = b'{"data": [], "error": null}'
    sent = [0]
    server = serve(dripping(body, every=0.01, sent=sent))
    api = Harness("async", base_url=server.url, timeout=None, max_retries=0)
    try:
        # The answer parses, so every byte of it was read (the server's own count of bytes
        # sent is updated after the client may already be done: not a reliable witness).
        assert len(await api.query()) == 0
    finally:
        await api.close()


async def test_abounded_covers_a_server_that_drips_its_headers(
    serve: Callable[[Scenario], Server],
) -> None:
    def slow_headers(connection: socket.socket, stopping: threading.Event) -> None:
        for byte in head(content_type="application/json", content_length=len(OK_JSON)):
            if stopping.wait(0.25):
                return
            connection.sendall(bytes([byte]))

    server = serve(slow_headers)
    async with httpx.AsyncClient() as http:
        request = http.build_request("POST", server.url + PATH, content=b"{}", timeout=1.0)
        with pytest.raises(APITimeoutError, match="within 1 s"):
            await abounded(
                http.send(request, stream=True),
                deadline=attempt_deadline(request),
                max_bytes=None,
                request=request,
            )


def test_the_watchdog_wakes_a_read_blocked_past_its_deadline() -> None:
    ours, theirs = socket.socketpair()

    class Stream:
        def get_extra_info(self, name: str) -> Any:
            return ours if name == "socket" else None

    response = httpx.Response(200, extensions={"network_stream": Stream()})
    ours.settimeout(30)  # without the watchdog, recv would wait this long and raise
    with ours, theirs:
        entry = _WATCHDOG.arm(time.monotonic() + 0.1, response)
        assert ours.recv(1) == b""  # shut down under the blocked read
    assert entry is not None
    assert entry[3] is True


def test_the_budget_is_the_largest_timeout_value_and_none_without_read_timeout() -> None:
    assert attempt_budget(httpx.Timeout(2.0)) == 2.0
    assert attempt_budget(httpx.Timeout(5.0, connect=10.0)) == 10.0
    assert attempt_budget(httpx.Timeout(None)) is None
    assert attempt_budget(httpx.Timeout(3.0, read=None)) is None


# -- the size cap counts decompressed bytes --------------------------------------------------


async def test_a_gzip_bomb_stops_at_max_response_bytes(
    kind: str, serve: Callable[[Scenario], Server], gzip_bomb: bytes
) -> None:
    server = serve(
        replying("200 OK", gzip_bomb, content_type="application/json", content_encoding="gzip")
    )
    api = Harness(kind, base_url=server.url, max_retries=0)
    tracemalloc.start()
    try:
        with pytest.raises(ResponseTooLargeError) as caught:
            await api.query()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
        await api.close()
    assert caught.value.limit == DEFAULT_MAX_RESPONSE_BYTES
    assert caught.value.message.startswith(
        f"the server's 200 answer to POST {server.url}{PATH} is larger than "
        "max_response_bytes=52,428,800 once decompressed (gzip)"
    )
    assert peak < 1.2 * DEFAULT_MAX_RESPONSE_BYTES  # the whole 200 MiB was never held


async def test_the_cap_is_a_client_option_and_applies_to_error_answers_too(
    kind: str, serve: Callable[[Scenario], Server]
) -> None:
    page = b"<html>" + b"x" * 5000 + b"</html>"
    server = serve(replying("500 Internal Server Error", page, content_type="text/html"))
    api = Harness(kind, base_url=server.url, max_retries=0, max_response_bytes=4096)
    try:
        with pytest.raises(ResponseTooLargeError, match=r"it declares 5,013 bytes") as caught:
            await api.query()
    finally:
        await api.close()
    assert caught.value.limit == 4096


async def test_a_large_answer_within_the_cap_is_read_whole(
    kind: str, serve: Callable[[Scenario], Server]
) -> None:
    squeezed = gzip.compress(OK_JSON)
    server = serve(
        replying("200 OK", squeezed, content_type="application/json", content_encoding="gzip")
    )
    api = Harness(kind, base_url=server.url, max_retries=0, max_response_bytes=len(OK_JSON))
    try:
        result = await api.query()
    finally:
        await api.close()
    assert result.names == ["accuracy", "latency-score"]


async def test_the_cap_applies_to_a_mocked_answer(
    make: Callable[..., Harness], httpx_mock: HTTPXMock
) -> None:
    reply(httpx_mock, json=OK_BODY)
    with pytest.raises(ResponseTooLargeError):
        await make(max_response_bytes=len(OK_JSON) - 1).query()


@pytest.mark.parametrize("wbits", [zlib.MAX_WBITS, -zlib.MAX_WBITS], ids=["zlib", "raw"])
def test_deflate_is_inflated_whether_zlib_wrapped_or_raw(wbits: int) -> None:
    compressor = zlib.compressobj(6, zlib.DEFLATED, wbits)
    body = compressor.compress(OK_JSON) + compressor.flush()
    response = httpx.Response(
        200, headers={"content-encoding": "deflate"}, stream=httpx.ByteStream(body)
    )
    read_response(response, deadline=None, max_bytes=len(OK_JSON))
    assert response.content == OK_JSON


def test_a_body_that_does_not_decompress_is_a_validation_error() -> None:
    response = httpx.Response(
        200,
        headers={"content-encoding": "gzip"},
        stream=httpx.ByteStream(b"this is not gzip"),
        request=httpx.Request("POST", "https://api.helicone.test" + PATH),
    )
    with pytest.raises(ResponseValidationError, match="Content-Encoding: gzip"):
        read_response(response, deadline=None, max_bytes=None)


# -- summarising any error body is linear and bounded ---------------------------------------

UNCLOSED = "<title>" * 5000 + "<script>" * 4000  # 67 KB of tags that never close


async def test_a_page_of_unclosed_tags_is_summarised_as_its_status(
    make: Callable[..., Harness], httpx_mock: HTTPXMock
) -> None:
    reply(httpx_mock, status_code=502, text=UNCLOSED, headers={"content-type": "text/html"})
    with pytest.raises(InternalServerError) as caught:
        await make(max_retries=0).query()
    assert caught.value.message == "502 Bad Gateway"


def test_html_summaries_scan_once_whatever_the_page() -> None:
    # A regex that retries from each unclosed tag would need hours on these 8 MB.
    hostile = UNCLOSED * 120 + "<p>never reached</p>"
    assert _html_excerpt(hostile) == ""
    open_tags = "<div " * 1_000_000
    assert _html_excerpt(open_tags) == ""


@pytest.mark.parametrize(
    ("page", "summary"),
    [
        ("<html><head><title>Oops &amp; co</title></head><body>x</body></html>", "Oops & co"),
        (
            "<body><script>var a = '<p>';</script><style>p{}</style><p>Gateway down</p>",
            "Gateway down",
        ),
        ("<TITLE>Upper</TITLE>", "Upper"),
        ("<p>Text <b>with</b>\n\n tags</p>", "Text with tags"),
        ("<title></title><p>Fallback</p>", "Fallback"),
    ],
)
def test_html_summaries_take_the_title_else_the_visible_text(page: str, summary: str) -> None:
    assert _html_excerpt(page) == summary


def test_a_huge_text_body_is_summarised_from_its_start_only() -> None:
    text = "upstream failed; " + "x" * (20 * 1024 * 1024)
    message, body = describe(httpx.Response(503, text=text))
    assert message.startswith("upstream failed; xxx")
    assert len(message) <= 300
    assert body == text


def test_no_key_leaks_from_a_hostile_answer(
    serve: Callable[[Scenario], Server],
) -> None:
    page = f"<html><title>{KEY}</title></html>".encode()
    server = serve(replying("401 Unauthorized", page, content_type="text/html"))
    api = Harness("sync", base_url=server.url, max_retries=0)
    with pytest.raises(AuthenticationError) as caught:
        api.client.query_score_distributions(start="2024-01-01T00:00:00Z")
    api.client.close()
    assert caught.value.message == "***"
    assert caught.value.body == "<html><title>***</title></html>"
