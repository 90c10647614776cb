"""``HeliconeEvals`` and ``AsyncHeliconeEvals``: configuration, resources, one transport.

from datetime import timedelta
from helicone_evals import F, HeliconeEvals

with HeliconeEvals() as client:  # HELICONE_API_KEY from the environment
    result = client.evals.score_distributions(F.all, start=timedelta(days=7))
    print(result["accuracy"].mean())
"""

from __future__ import annotations

from collections.abc import Mapping
from types import TracebackType
from typing import Any, Self, TypeVar

import httpx

from ._base_client import (
    NOT_GIVEN,
    AsyncAPIClient,
    BaseClient,
    NotGiven,
    Plan,
    RawResponse,
    SyncAPIClient,
    plan_request,
)
from ._config import (
    DEFAULT_MAX_RESPONSE_BYTES,
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    TimeoutLike,
)
from .resources._resource import Async, AsyncRaw, Surface, Sync, SyncRaw, operation
from .resources.evals import Evals
from .resources.scores import Scores

__all__ = ["AsyncHeliconeEvals", "HeliconeEvals", "RawResponse", "WithRawResponse"]

M = TypeVar("M")


class _Operations(Surface[M]):
    """The methods a client and its ``with_raw_response`` view share."""

    @operation
    def request(
        self,
        operation_id: str,
        *,
        path_params: Mapping[str, str] | None = None,
        json: object = None,
        max_retries: int | NotGiven = NOT_GIVEN,
        timeout: TimeoutLike | NotGiven = NOT_GIVEN,
    ) -> Plan[Any]:
        """Call any operation of the API this SDK was generated with, by its operationId.

        The low-level entry point: every operation selected in ``openapi/selection.toml`` is
        callable here, before (or without) a friendlier method, with the same retries, typed
        errors, envelope unwrapping and logging. ``path_params`` maps the path parameters by
        their API name (``{"requestId": ...}``) or Python name (``request_id``); ``json`` is
        the body, for operations that take one. Returns the answer's ``data``, validated
        against the operation's success schema (plain dicts and lists)::

            client.request("GetEvalScores")  # -> ["accuracy", "helpful-hcone-bool"]
            client.request(
                "AddScores", path_params={"requestId": rid}, json={"scores": {"accuracy": 87}}
            )

        Raises ArgumentError before sending for an unknown operation, missing or unknown path
        parameters, a body where none is taken (or none where one is needed) or a body that
        is not JSON; otherwise as every call (APIStatusError, APIConnectionError, ResultError,
        ResponseValidationError).
        """
        return plan_request(operation_id, path_params, json, max_retries, timeout)

    # The documented entry point of the first release: the same method as client.evals'.
    query_score_distributions = Evals.score_distributions

    @property
    def evals(self) -> Evals[M]:
        """Score distributions, per-score statistics (``query``) and score names."""
        return self._resource(Evals)

    @property
    def scores(self) -> Scores[M]:
        """Write scores and feedback, and wait until they are visible."""
        return self._resource(Scores)


class WithRawResponse(_Operations[M]):
    """``client.with_raw_response``: the same calls, each returning a :class:`RawResponse`
    (the final ``httpx.Response`` and the parsed result)."""

    def __init__(self, client: BaseClient) -> None:
        self._client = client
        self._raw = True
        self._bound = {}

    def __repr__(self) -> str:
        return f"<with_raw_response of {self._client!r}>"


_RAW = object()  # key of the with_raw_response view in a client's ``_bound``


class HeliconeEvals(SyncAPIClient, _Operations[Sync]):
    """The synchronous client. Use it as a context manager, or call ``close()``.

    ``api_key`` defaults to ``HELICONE_API_KEY``; ``base_url`` to ``HELICONE_BASE_URL``, else
    the ``region``'s API (``"us"`` or ``"eu"``). ``timeout`` (seconds, or an ``httpx.Timeout``,
    or None for none) and ``max_retries`` apply to every call. An ``http_client`` you pass is
    used for the requests (with this client's URL, headers and timeout) and is not closed here.
    ``max_response_bytes`` caps an answer's size once decompressed (None: no cap), and
    ``strict_response_validation=True`` refuses answers with fields the API schema does not
    define (by default they are ignored).

    ``client.evals`` and ``client.scores`` hold the API's methods; ``client.request(...)``
    calls any operation by its id; ``client.with_raw_response`` returns raw responses.
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
        max_response_bytes: int | None = DEFAULT_MAX_RESPONSE_BYTES,
        strict_response_validation: bool = False,
    ) -> None:
        super().__init__(
            api_key,
            base_url=base_url,
            region=region,
            timeout=timeout,
            max_retries=max_retries,
            max_response_bytes=max_response_bytes,
            strict_response_validation=strict_response_validation,
        )
        self._http = self._open_http(http_client, httpx.Client)
        self._generated = self._new_generated()
        self._attach(self._generated)

    @property
    def with_raw_response(self) -> WithRawResponse[SyncRaw]:
        """The same calls, returning a :class:`RawResponse` (``httpx.Response`` + result)."""
        view = self._bound.get(_RAW)
        if view is None:
            view = self._bound[_RAW] = WithRawResponse[SyncRaw](self)
        return view

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class AsyncHeliconeEvals(AsyncAPIClient, _Operations[Async]):
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
        max_response_bytes: int | None = DEFAULT_MAX_RESPONSE_BYTES,
        strict_response_validation: bool = False,
    ) -> None:
        super().__init__(
            api_key,
            base_url=base_url,
            region=region,
            timeout=timeout,
            max_retries=max_retries,
            max_response_bytes=max_response_bytes,
            strict_response_validation=strict_response_validation,
        )
        self._http = self._open_http(http_client, httpx.AsyncClient)
        self._generated = self._new_generated()
        self._attach(self._generated)

    @property
    def with_raw_response(self) -> WithRawResponse[AsyncRaw]:
        """The same calls, returning a :class:`RawResponse` (``httpx.Response`` + result)."""
        view = self._bound.get(_RAW)
        if view is None:
            view = self._bound[_RAW] = WithRawResponse[AsyncRaw](self)
        return view

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()
