"""Read one attempt's answer within a total deadline and a size cap.

httpx's timeouts bound each network operation, not the call: a server that drips a byte
every 1.5 s never trips ``timeout=2``. Here an attempt (sending the request and reading the
whole answer) gets one deadline, the largest of the request's timeout values (for
``timeout=2``: 2 s), after which it fails with ``APITimeoutError``:

- async: the whole attempt runs under one ``anyio.fail_after``, so it ends at the deadline;
- sync: the body is read under a watchdog that shuts the socket at the deadline, so the read
  ends then too; the status line and headers are bounded by httpx's per-read timeout.

The body is counted after decompression (gzip and deflate are inflated here in bounded steps,
so a gzip bomb never expands past the cap plus one step); past ``max_bytes`` reading stops with
``ResponseTooLargeError``. Transport errors (``httpx.RequestError``) pass through unchanged for
the retry loop to judge.
"""

from __future__ import annotations

import contextlib
import itertools
import math
import socket
import threading
import time
import zlib
from collections.abc import AsyncIterator, Awaitable, Iterator
from typing import Any, Final

import anyio
import httpx

from ._exceptions import APITimeoutError, ResponseTooLargeError, ResponseValidationError

__all__ = [
    "abounded",
    "aread_response",
    "asend",
    "attempt_budget",
    "attempt_deadline",
    "read_response",
    "send",
]

_INFLATE_STEP: Final = 1024 * 1024  # at most this much is inflated per step


def attempt_budget(timeout: httpx.Timeout | httpx.Request) -> float | None:
    """Seconds one attempt may take in all: the largest of the timeout's values.

    Takes the ``httpx.Timeout`` of the call, or the request carrying it. None when there is no
    read timeout (``timeout=None``): then nothing is bounded.
    """
    if isinstance(timeout, httpx.Request):
        timeouts = timeout.extensions.get("timeout") or {}
    else:
        timeouts = timeout.as_dict()
    if timeouts.get("read") is None:
        return None
    values = [float(v) for v in timeouts.values() if v is not None]
    return max(values) if values else None


def attempt_deadline(timeout: httpx.Timeout | httpx.Request) -> float | None:
    """The ``time.monotonic()`` by which an attempt starting now must end, or None.

    Take it just before sending; pass it to :func:`read_response` or :func:`abounded`.
    """
    budget = attempt_budget(timeout)
    return None if budget is None else time.monotonic() + budget


def send(http: httpx.Client, request: httpx.Request, *, max_bytes: int | None) -> httpx.Response:
    """Send ``request`` and read its whole answer: one attempt, bounded in time and size.

    The returned response is read and closed (``.content`` works). Raises ``httpx.RequestError``
    for transport failures, ``APITimeoutError`` past the deadline, ``ResponseTooLargeError``
    past ``max_bytes`` and ``ResponseValidationError`` for a body that does not decompress.
    """
    deadline = attempt_deadline(request)
    response = http.send(request, stream=True)
    read_response(response, deadline=deadline, max_bytes=max_bytes)
    return response


async def asend(
    http: httpx.AsyncClient, request: httpx.Request, *, max_bytes: int | None
) -> httpx.Response:
    """The async :func:`send`; the deadline covers the whole attempt, headers included."""
    return await abounded(
        http.send(request, stream=True),
        deadline=attempt_deadline(request),
        max_bytes=max_bytes,
        request=request,
    )


async def abounded(
    sending: Awaitable[httpx.Response],
    *,
    deadline: float | None,
    max_bytes: int | None,
    request: httpx.Request | None = None,
) -> httpx.Response:
    """Await ``sending`` (a streamed send, e.g. ``asyncio_raw(..., stream=True)``) and read
    the answer, all before ``deadline``; the response comes back read and closed.

    ``request`` names the URL in a timeout that strikes before the response arrived.
    Raises as :func:`send`.
    """
    if deadline is None:
        response = await sending
        await aread_response(response, deadline=None, max_bytes=max_bytes)
        return response
    arrived: httpx.Response | None = None
    try:
        with anyio.fail_after(max(0.0, deadline - time.monotonic())):
            arrived = await sending
            await aread_response(arrived, deadline=None, max_bytes=max_bytes)
            return arrived
    except TimeoutError:
        if arrived is not None:
            request = arrived.request
        if request is None:
            raise APITimeoutError(
                "Request timed out: no complete answer within the timeout (the timeout "
                "bounds each attempt: connecting, sending and reading the whole answer)"
            ) from None
        raise _timeout(request, attempt_budget(request)) from None


def read_response(
    response: httpx.Response, *, deadline: float | None, max_bytes: int | None
) -> None:
    """Read the body of a streamed ``response`` into ``response.content``; close it either way.

    ``deadline`` is a ``time.monotonic()`` value (None: none).
    """
    entry = None
    try:
        body = _Body(response, max_bytes)
        if body.done:
            return
        if deadline is not None:
            entry = _WATCHDOG.arm(deadline, response)
        chunks: Iterator[bytes] = response.iter_raw() if body.raw else response.iter_bytes()
        for chunk in chunks:
            body.feed(chunk)
            if deadline is not None and time.monotonic() >= deadline:
                raise _timeout(response.request, attempt_budget(response.request))
        if entry is not None and entry[3]:  # the watchdog cut a body that had no length
            raise _timeout(response.request, attempt_budget(response.request))
        body.finish()
    except httpx.RequestError:
        if deadline is not None and time.monotonic() >= deadline:
            raise _timeout(response.request, attempt_budget(response.request)) from None
        raise
    finally:
        if entry is not None:
            _WATCHDOG.disarm(entry)
        response.close()


async def aread_response(
    response: httpx.Response, *, deadline: float | None, max_bytes: int | None
) -> None:
    """The async :func:`read_response`."""
    try:
        body = _Body(response, max_bytes)
        if body.done:
            return
        if deadline is None:
            await _aread(response, body)
            return
        try:
            with anyio.fail_after(max(0.0, deadline - time.monotonic())):
                await _aread(response, body)
        except TimeoutError:
            raise _timeout(response.request, attempt_budget(response.request)) from None
    finally:
        await response.aclose()


async def _aread(response: httpx.Response, body: _Body) -> None:
    chunks: AsyncIterator[bytes] = response.aiter_raw() if body.raw else response.aiter_bytes()
    async for chunk in chunks:
        body.feed(chunk)
    body.finish()


class _Body:
    """The decompressed body so far, refusing to grow past ``max_bytes``."""

    def __init__(self, response: httpx.Response, max_bytes: int | None) -> None:
        self._response = response
        self._limit = max_bytes
        self._parts: list[bytes] = []
        self._size = 0
        # Already read (an httpx.Response made with content=, as mocks are): only counted.
        self.done = hasattr(response, "_content")
        coding, declared = _framing(response.headers)
        codings = [c.strip() for c in coding.split(",") if c.strip() not in ("", "identity")]
        self._coding = ",".join(codings)
        self._inflater: Any = None
        # gzip and deflate are inflated here, bounded; anything else (br, zstd, stacked
        # codings) is decoded by httpx and only counted.
        self.raw = self._coding in ("", "gzip", "x-gzip", "deflate")
        if self._coding in ("gzip", "x-gzip"):
            self._inflater = zlib.decompressobj(zlib.MAX_WBITS | 16)
        elif self._coding == "deflate":
            self._inflater = zlib.decompressobj()
        self._deflate_started = False
        if self.done:
            if max_bytes is not None and len(response.content) > max_bytes:
                raise self._too_large(f"it is {len(response.content):,} bytes")
            return
        if max_bytes is None or self._coding:
            return
        if declared.isascii() and declared.isdigit() and int(declared) > max_bytes:
            raise self._too_large(f"it declares {int(declared):,} bytes")

    def feed(self, chunk: bytes) -> None:
        if self._inflater is None:
            self._add(chunk)
            return
        try:
            self._inflate(chunk)
        except zlib.error:
            if self._coding != "deflate" or self._deflate_started:
                raise self._undecodable() from None
            # "deflate" is meant to be zlib-wrapped, but some servers send it raw.
            self._inflater = zlib.decompressobj(-zlib.MAX_WBITS)
            try:
                self._inflate(chunk)
            except zlib.error:
                raise self._undecodable() from None
        self._deflate_started = True

    def _inflate(self, data: bytes) -> None:
        inflater = self._inflater
        while data:
            room = _INFLATE_STEP
            if self._limit is not None:
                room = min(room, self._limit - self._size + 1)
            self._add(inflater.decompress(data, room))
            data = inflater.unconsumed_tail
            if inflater.eof:
                return  # trailing bytes after the stream are ignored, as httpx does

    def _add(self, data: bytes) -> None:
        if not data:
            return
        self._size += len(data)
        if self._limit is not None and self._size > self._limit:
            self._parts.clear()
            raise self._too_large("reading stopped there")
        self._parts.append(data)

    def finish(self) -> None:
        if self._inflater is not None:
            try:
                self._add(self._inflater.flush())
            except zlib.error:
                raise self._undecodable() from None
        # httpx keeps a read body here; .content, .text and .json() then work as usual.
        self._response._content = b"".join(self._parts)
        self._parts.clear()
        self.done = True

    def _too_large(self, detail: str) -> ResponseTooLargeError:
        limit = self._limit or 0
        after = f" once decompressed ({self._coding})" if self._coding else ""
        return ResponseTooLargeError(
            f"the server's {self._response.status_code} answer to {_where(self._response)} "
            f"is larger than max_response_bytes={limit:,}{after}: {detail}. Pass a larger "
            "max_response_bytes (or None for no limit) to the client if this answer is expected",
            limit=limit,
            response=self._response,
        )

    def _undecodable(self) -> ResponseValidationError:
        return ResponseValidationError(
            f"the server's {self._response.status_code} answer to {_where(self._response)} "
            f"says Content-Encoding: {self._coding}, but its body does not decompress",
            response=self._response,
        )


def _framing(headers: httpx.Headers) -> tuple[str, str]:
    """``(Content-Encoding, Content-Length)``, lower-cased, "" when absent; several
    Content-Encoding headers are joined with commas, as ``headers.get`` does."""
    coding: list[bytes] = []
    length = b""
    for key, value in headers.raw:  # one pass over bytes: cheaper than two headers.get()
        key = key.lower()
        if key == b"content-encoding":
            coding.append(value)
        elif key == b"content-length":
            length = value
    return b",".join(coding).decode("latin-1").lower(), length.decode("latin-1").strip()


def _where(response: httpx.Response) -> str:
    try:
        request = response.request
    except RuntimeError:
        return "the request"
    return f"{request.method} {request.url.copy_with(username=None, password=None)}"


def _timeout(request: httpx.Request, budget: float | None) -> APITimeoutError:
    url = str(request.url.copy_with(username=None, password=None))
    within = f" within {budget:g} s" if budget is not None else ""
    return APITimeoutError(
        f"Request timed out: no complete answer from {request.method} {url}{within} "
        "(the timeout bounds each attempt: connecting, sending and reading the whole answer)",
        request=request,
        url=url,
    )


class _Watchdog:
    """One daemon thread that shuts the sockets of sync reads whose deadline has passed.

    Shutting a socket down wakes a thread blocked in ``recv`` on it; the read then fails and
    ``read_response`` reports the timeout. One thread serves every client in the process.
    Only reads in progress are held (a finished read leaves nothing behind), and the thread is
    woken only when a read must end before the one it is waiting for.
    """

    def __init__(self) -> None:
        self._cond = threading.Condition(threading.Lock())
        self._armed: dict[int, list[Any]] = {}  # seq -> [deadline, seq, socket, fired]
        self._wake_at = math.inf  # when the thread next looks at the deadlines
        self._seq = itertools.count()
        self._thread: threading.Thread | None = None

    def arm(self, deadline: float, response: httpx.Response) -> list[Any] | None:
        sock = _socket_of(response)
        if sock is None:  # a mocked or custom transport: the between-chunk check remains
            return None
        seq = next(self._seq)
        entry: list[Any] = [deadline, seq, sock, False]
        with self._cond:
            self._armed[seq] = entry
            if self._thread is None or not self._thread.is_alive():  # also after a fork
                self._thread = threading.Thread(
                    target=self._run, name="helicone-evals-deadlines", daemon=True
                )
                self._thread.start()
            elif deadline < self._wake_at:
                self._cond.notify()
        return entry

    def disarm(self, entry: list[Any]) -> None:
        with self._cond:
            self._armed.pop(entry[1], None)

    def _run(self) -> None:
        with self._cond:
            while True:
                now = time.monotonic()
                for entry in [e for e in self._armed.values() if e[0] <= now]:
                    del self._armed[entry[1]]
                    entry[3] = True
                    # socket.socket's own shutdown: on an SSLSocket it leaves TLS state alone.
                    with contextlib.suppress(OSError):
                        socket.socket.shutdown(entry[2], socket.SHUT_RDWR)
                self._wake_at = min((e[0] for e in self._armed.values()), default=math.inf)
                if self._wake_at == math.inf:
                    self._cond.wait()
                else:
                    self._cond.wait(self._wake_at - now)


def _socket_of(response: httpx.Response) -> socket.socket | None:
    stream = response.extensions.get("network_stream")
    if stream is None:
        return None
    try:
        sock = stream.get_extra_info("socket")
    except Exception:  # a transport with its own stream type
        return None
    return sock if isinstance(sock, socket.socket) else None


_WATCHDOG: Final = _Watchdog()
