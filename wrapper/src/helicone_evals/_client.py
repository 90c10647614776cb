"""``HeliconeEvals`` and ``AsyncHeliconeEvals``: one call, typed data or a typed error.

from datetime import timedelta
from helicone_evals import F, HeliconeEvals

with HeliconeEvals() as client:  # HELICONE_API_KEY from the environment
    result = client.query_score_distributions(F.all, start=timedelta(days=7))
    print(result["accuracy"].mean())
"""

from __future__ import annotations

import time
from datetime import timedelta
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self

import httpx

from . import _base_client
from ._base_client import (
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    NOT_GIVEN,
    BaseClient,
    NotGiven,
    TimeoutLike,
)
from ._query import ALL, TimeLike
from ._response import RawResponse, parse_result, status_error

if TYPE_CHECKING:
    from helicone_evals_generated.client import AuthenticatedClient

    from ._query import FilterLike
    from ._results import ScoreDistributions

__all__ = ["AsyncHeliconeEvals", "HeliconeEvals", "RawResponse"]

_QUERY_DOC = """Score histograms of the requests that match ``filter`` in ``[start, end)``.

``filter`` is a ``Filter`` (default ``F.all``), its wire JSON (a dict, or ``"all"``) or a text
expression for ``F.parse``. ``start``/``end`` are aware datetimes or ISO-8601 strings with an
offset; ``start`` may also be a ``timedelta`` (that long before ``end``); ``end=None`` is now.
Times are sent in UTC. ``limit``, ``offset`` and ``time_zone_difference`` (minutes) are sent
when given, but the server currently ignores them. ``max_retries`` and ``timeout`` override
the client's settings for this call.

Raises FilterError (nothing sent) for a bad filter, a naive or unparseable time,
``start >= end`` or a negative ``limit``/``offset``; APIStatusError subclasses for error
statuses; APIConnectionError/APITimeoutError when no answer came; ResultError when a 2xx
answer carries an error or is not the documented envelope.
"""


class HeliconeEvals(BaseClient):
    """The synchronous client. Use it as a context manager, or call ``close()``.

    ``api_key`` defaults to ``HELICONE_API_KEY``; ``base_url`` to ``HELICONE_BASE_URL``, else
    the ``region``'s API (``"us"`` or ``"eu"``). ``timeout`` (seconds, or an ``httpx.Timeout``,
    or None for none) and ``max_retries`` apply to every call. An ``http_client`` you pass is
    used for the requests (with this client's URL, headers and timeout) and is not closed here.
    """

    def __init__(
        self,
        api_key: str | None = None,
        *,
        base_url: str | None = None,
        region: str = "us",
        timeout: TimeoutLike = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.Client | None = None,
    ) -> None:
        super().__init__(
            api_key, base_url=base_url, region=region, timeout=timeout, max_retries=max_retries
        )
        self._http = self._open_http(http_client, httpx.Client)
        self._generated = self._new_generated()
        self._attach(self._generated)

    def _attach(self, generated: AuthenticatedClient) -> None:
        generated.set_httpx_client(self._http)

    @property
    def with_raw_response(self) -> HeliconeEvalsWithRawResponse:
        """The same calls, returning a :class:`RawResponse` (``httpx.Response`` + result)."""
        return HeliconeEvalsWithRawResponse(self)

    def query_score_distributions(
        self,
        filter: FilterLike = ALL,
        *,
        start: TimeLike | timedelta,
        end: TimeLike | None = None,
        limit: int | None = None,
        offset: int | None = None,
        time_zone_difference: float | None = None,
        max_retries: int | NotGiven = NOT_GIVEN,
        timeout: TimeoutLike | NotGiven = NOT_GIVEN,
    ) -> ScoreDistributions:
        kwargs = self._build_request(filter, start, end, limit, offset, time_zone_difference)
        return self._send(kwargs, max_retries, timeout)[1]

    query_score_distributions.__doc__ = _QUERY_DOC

    def _send(
        self,
        kwargs: dict[str, Any],
        max_retries: int | NotGiven,
        timeout: TimeoutLike | NotGiven,
    ) -> tuple[httpx.Response, ScoreDistributions]:
        retries_allowed, request_timeout = self._options(max_retries, timeout)
        url: str = kwargs["url"]
        retries = 0
        while True:
            started = time.perf_counter()
            try:
                response = self._http.request(**kwargs, timeout=request_timeout)
            except httpx.RequestError as exc:
                error: Exception = self._connection_error(exc)
                delay = self._retry_delay(url, retries, retries_allowed, started, exc=exc)
            else:
                if response.is_success:
                    self._log_success(url, response, retries, started)
                    return response, parse_result(response, self._api_key)
                error = status_error(response, self._api_key)
                delay = self._retry_delay(url, retries, retries_allowed, started, response)
            if delay is None:
                raise error
            _base_client.sleep(delay)
            retries += 1

    def close(self) -> None:
        """Close the connection pool (unless it is an ``http_client`` that was passed in)."""
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class AsyncHeliconeEvals(BaseClient):
    """The asyncio client: the same as :class:`HeliconeEvals`, awaited.

    Use it with ``async with``, or call ``await client.aclose()``. ``http_client`` takes an
    ``httpx.AsyncClient`` (not closed here).
    """

    def __init__(
        self,
        api_key: str | None = None,
        *,
        base_url: str | None = None,
        region: str = "us",
        timeout: TimeoutLike = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.AsyncClient | None = None,
    ) -> None:
        super().__init__(
            api_key, base_url=base_url, region=region, timeout=timeout, max_retries=max_retries
        )
        self._http = self._open_http(http_client, httpx.AsyncClient)
        self._generated = self._new_generated()
        self._attach(self._generated)

    def _attach(self, generated: AuthenticatedClient) -> None:
        generated.set_async_httpx_client(self._http)

    @property
    def with_raw_response(self) -> AsyncHeliconeEvalsWithRawResponse:
        """The same calls, returning a :class:`RawResponse` (``httpx.Response`` + result)."""
        return AsyncHeliconeEvalsWithRawResponse(self)

    async def query_score_distributions(
        self,
        filter: FilterLike = ALL,
        *,
        start: TimeLike | timedelta,
        end: TimeLike | None = None,
        limit: int | None = None,
        offset: int | None = None,
        time_zone_difference: float | None = None,
        max_retries: int | NotGiven = NOT_GIVEN,
        timeout: TimeoutLike | NotGiven = NOT_GIVEN,
    ) -> ScoreDistributions:
        kwargs = self._build_request(filter, start, end, limit, offset, time_zone_difference)
        return (await self._send(kwargs, max_retries, timeout))[1]

    query_score_distributions.__doc__ = _QUERY_DOC

    async def _send(
        self,
        kwargs: dict[str, Any],
        max_retries: int | NotGiven,
        timeout: TimeoutLike | NotGiven,
    ) -> tuple[httpx.Response, ScoreDistributions]:
        retries_allowed, request_timeout = self._options(max_retries, timeout)
        url: str = kwargs["url"]
        retries = 0
        while True:
            started = time.perf_counter()
            try:
                response = await self._http.request(**kwargs, timeout=request_timeout)
            except httpx.RequestError as exc:
                error: Exception = self._connection_error(exc)
                delay = self._retry_delay(url, retries, retries_allowed, started, exc=exc)
            else:
                if response.is_success:
                    self._log_success(url, response, retries, started)
                    return response, parse_result(response, self._api_key)
                error = status_error(response, self._api_key)
                delay = self._retry_delay(url, retries, retries_allowed, started, response)
            if delay is None:
                raise error
            await _base_client.asleep(delay)
            retries += 1

    async def aclose(self) -> None:
        """Close the connection pool (unless it is an ``http_client`` that was passed in)."""
        if self._owns_http:
            await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()


class HeliconeEvalsWithRawResponse:
    """``client.with_raw_response``: each call returns a :class:`RawResponse`."""

    def __init__(self, client: HeliconeEvals) -> None:
        self._client = client

    def query_score_distributions(
        self,
        filter: FilterLike = ALL,
        *,
        start: TimeLike | timedelta,
        end: TimeLike | None = None,
        limit: int | None = None,
        offset: int | None = None,
        time_zone_difference: float | None = None,
        max_retries: int | NotGiven = NOT_GIVEN,
        timeout: TimeoutLike | NotGiven = NOT_GIVEN,
    ) -> RawResponse:
        client = self._client
        kwargs = client._build_request(filter, start, end, limit, offset, time_zone_difference)
        return RawResponse(*client._send(kwargs, max_retries, timeout))


class AsyncHeliconeEvalsWithRawResponse:
    """``client.with_raw_response`` on the async client: awaited calls return RawResponse."""

    def __init__(self, client: AsyncHeliconeEvals) -> None:
        self._client = client

    async def query_score_distributions(
        self,
        filter: FilterLike = ALL,
        *,
        start: TimeLike | timedelta,
        end: TimeLike | None = None,
        limit: int | None = None,
        offset: int | None = None,
        time_zone_difference: float | None = None,
        max_retries: int | NotGiven = NOT_GIVEN,
        timeout: TimeoutLike | NotGiven = NOT_GIVEN,
    ) -> RawResponse:
        client = self._client
        kwargs = client._build_request(filter, start, end, limit, offset, time_zone_difference)
        return RawResponse(*(await client._send(kwargs, max_retries, timeout)))
