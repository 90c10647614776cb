"""The transports of the ``httpx`` clients the SDK makes itself (not one passed in).

``httpx.Client()`` loads the CA certificates (certifi's bundle, or ``SSL_CERT_FILE``) when it
is made: tens of milliseconds, most of what making a client costs, and of no use for a plain
``http://`` URL such as the emulator's. These transports make httpx's own default transport
(``httpx.HTTPTransport()``, the same TLS settings and certificates) when the first ``https``
request is sent, and send ``http`` requests through a pool whose TLS context has no
certificates at all: it is never used for TLS, and would fail verification if it were.

When the environment configures proxies (``HTTPS_PROXY``, ``NO_PROXY``, ...), httpx mounts them
only on a client made without a transport: then none is made here, and httpx does it all.
"""

from __future__ import annotations

import ssl
import threading
import urllib.request
from typing import Any

import httpx

__all__ = ["AsyncTransport", "SyncTransport", "default_transport"]


def default_transport(is_async: bool) -> SyncTransport | AsyncTransport | None:
    """The transport for a client the SDK makes, or None to let httpx make its own (when
    the environment configures proxies, which httpx applies only to its own)."""
    if urllib.request.getproxies():  # what httpx reads for its proxies
        return None
    return AsyncTransport() if is_async else SyncTransport()


def _plain_context() -> ssl.SSLContext:
    # Verification on (PROTOCOL_TLS_CLIENT's default) and no CA certificates: fails closed.
    return ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)


class _Pools:
    """One pool for ``https`` (made on first use, httpx's defaults) and one for the rest."""

    def __init__(self, make: Any) -> None:
        self._make = make
        self._lock = threading.Lock()
        self._tls: Any = None
        self._plain: Any = None

    def pool(self, url: httpx.URL) -> Any:
        if url.scheme == "https":
            tls = self._tls
            if tls is None:
                with self._lock:
                    tls = self._tls = self._tls or self._make()
            return tls
        plain = self._plain
        if plain is None:
            with self._lock:
                plain = self._plain = self._plain or self._make(verify=_plain_context())
        return plain

    def made(self) -> list[Any]:
        with self._lock:
            made = [t for t in (self._tls, self._plain) if t is not None]
            self._tls = self._plain = None
        return made


class SyncTransport(httpx.BaseTransport):
    """``httpx.HTTPTransport()``, with the CA certificates loaded on the first https request."""

    def __init__(self) -> None:
        self._pools = _Pools(httpx.HTTPTransport)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        transport: httpx.HTTPTransport = self._pools.pool(request.url)
        return transport.handle_request(request)

    def close(self) -> None:
        for transport in self._pools.made():
            transport.close()


class AsyncTransport(httpx.AsyncBaseTransport):
    """``httpx.AsyncHTTPTransport()``, with the CA certificates loaded on the first https
    request."""

    def __init__(self) -> None:
        self._pools = _Pools(httpx.AsyncHTTPTransport)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        transport: httpx.AsyncHTTPTransport = self._pools.pool(request.url)
        return await transport.handle_async_request(request)

    async def aclose(self) -> None:
        for transport in self._pools.made():
            await transport.aclose()
