"""The one transport: every operation of the SDK goes through ``SyncAPIClient._send`` or
``AsyncAPIClient._send``.

A call is first turned into a :class:`Plan` (which operation, its path parameters, the encoded
JSON body, how to read the answer's ``data``, per-call options). All argument checking happens
while the plan is made, so a bad argument never costs a request. The transport then sends the
plan through the generated endpoint module of the operation (``sync_raw``/``asyncio_raw``, from
``helicone_evals_generated.operations.OPERATIONS[...].module``), retries what is worth retrying,
turns error statuses into typed exceptions, unwraps the ``{data, error}`` envelope and logs each
attempt (the final URL when redirected; never the key).

Tests patch ``sleep``/``asleep``/``jitter``/``monotonic`` in this module, so they never wait.
"""

from __future__ import annotations

import copy
import importlib
import json
import logging
import random
import time
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Final, Generic, NamedTuple, Self, TypeVar

import httpx

from . import _config
from ._config import (
    MAX_RETRY_AFTER,
    RETRY_STATUSES,
    TimeoutLike,
    check_flag,
    check_http_client,
    check_max_response_bytes,
    check_max_retries,
    ensure_open,
    resolve_api_key,
    resolve_base_url,
    retry_after,
    to_timeout,
)
from ._exceptions import APITimeoutError, ArgumentError
from ._logging import logger, setup_logging
from ._reading import aread_response, attempt_budget, read_response
from ._response import RawResponse, connection_error, parse_data, status_error
from ._transport import default_transport
from ._version import __version__

if TYPE_CHECKING:
    from collections.abc import Awaitable

    from httpx._client import UseClientDefault

    from helicone_evals_generated.client import AuthenticatedClient
    from helicone_evals_generated.operations import Operation

__all__ = [
    "NOT_GIVEN",
    "AsyncAPIClient",
    "BaseClient",
    "NotGiven",
    "Plan",
    "RawResponse",
    "SyncAPIClient",
    "asleep",
    "endpoint",
    "jitter",
    "monotonic",
    "retry_after",
    "sleep",
]

T = TypeVar("T")

USER_AGENT: Final = f"helicone-evals-python/{__version__}"

# Patch points for tests: the loops look these up on the module at call time.
sleep = time.sleep


async def asleep(delay: float) -> None:
    """``asyncio.sleep``; asyncio is imported here, so a sync client never loads it."""
    import asyncio

    await asyncio.sleep(delay)


jitter = random.random
monotonic = time.monotonic


class NotGiven:
    """The default of options where ``None`` means something (``timeout=None``: no timeout)."""

    def __bool__(self) -> bool:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN: Final = NotGiven()


class _Secret(str):
    """The API key as handed to the generated client: its repr does not show it."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "'***'"


_HttpT = TypeVar("_HttpT", httpx.Client, httpx.AsyncClient)
_BUILDER: Final = object()  # key of the request-building generated client in ``_bound``


def backoff(retries: int) -> float:
    """0.5 s, 1 s, 2 s, ... capped at 8 s, each shortened by up to 25% at random."""
    return _config.backoff(retries, jitter())


# -- operations ----------------------------------------------------------------------------


class Endpoint(NamedTuple):
    """A selected operation and the generated functions that send it."""

    operation: Operation
    build_request: Callable[..., httpx.Request]
    sync_raw: Callable[..., httpx.Response]
    asyncio_raw: Callable[..., Awaitable[httpx.Response]]
    path_names: dict[str, str]
    """Both the wire (``requestId``) and the Python (``request_id``) name -> the Python name."""


_ENDPOINTS: dict[str, Endpoint] = {}


def endpoint(operation_id: str) -> Endpoint:
    """The generated endpoint of ``operation_id``, its module imported on first use."""
    found = _ENDPOINTS.get(operation_id)
    if found is not None:
        return found
    from helicone_evals_generated.operations import OPERATIONS

    operation = OPERATIONS.get(operation_id) if isinstance(operation_id, str) else None
    if operation is None:
        raise ArgumentError(
            f"operation_id: expected one of the operations this SDK was generated with "
            f"({', '.join(OPERATIONS)}), got {operation_id!r}"
        )
    module = importlib.import_module(operation.module)
    names = dict(operation.path_params)
    names.update({python: python for _, python in operation.path_params})
    found = Endpoint(operation, module.build_request, module.sync_raw, module.asyncio_raw, names)
    _ENDPOINTS[operation_id] = found
    return found


# One encoder for every body: json.dumps with options builds a new one each time.
_ENCODER: Final = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False, allow_nan=False)


def encode_json(value: object, what: str = "json") -> bytes:
    """``value`` as a compact UTF-8 JSON body; ArgumentError naming ``what`` if it cannot be."""
    try:
        return _ENCODER.encode(value).encode()
    except (TypeError, ValueError, RecursionError) as exc:
        raise ArgumentError(
            f"{what}: expected JSON-serialisable data (dicts, lists, str, int, finite floats, "
            f"bool, None): {exc}"
        ) from None


def _identity(data: Any) -> Any:
    return data


class Plan(Generic[T]):
    """One request, checked and encoded, and how to turn the answer's ``data`` into ``T``."""

    __slots__ = ("content", "endpoint", "max_retries", "parse", "path", "timeout")

    def __init__(
        self,
        operation_id: str,
        *,
        parse: Callable[[Any], T],
        content: bytes | None = None,
        path: Mapping[str, str] | None = None,
        max_retries: int | NotGiven = NOT_GIVEN,
        timeout: TimeoutLike | NotGiven = NOT_GIVEN,
    ) -> None:
        self.endpoint = endpoint(operation_id)
        self.parse = parse
        self.content = content
        self.path = _path_kwargs(self.endpoint, path)
        self.max_retries = max_retries
        self.timeout = timeout


def _path_kwargs(ep: Endpoint, given: Mapping[str, str] | None) -> dict[str, str]:
    """The path parameters as the generated functions take them (Python names), checked."""
    operation = ep.operation
    if not operation.path_params:
        if given:
            raise ArgumentError(
                f"path_params: {operation.operation_id} takes no path parameters, got "
                f"{sorted(given)}"
            )
        return {}
    if given is None:
        given = {}
    if not isinstance(given, Mapping):
        raise ArgumentError(
            f"path_params: expected a mapping of names to strings, got {type(given).__name__}"
        )
    kwargs: dict[str, str] = {}
    for name, value in given.items():
        python = ep.path_names.get(name)
        if python is None:
            raise ArgumentError(
                f"path_params: {operation.operation_id} has no path parameter {name!r}; it "
                f"takes {', '.join(wire for wire, _ in operation.path_params)}"
            )
        if not isinstance(value, str) or not value:
            raise ArgumentError(
                f"path_params[{name!r}]: expected a non-empty string, got {value!r}"
            )
        kwargs[python] = value
    missing = [wire for wire, python in operation.path_params if python not in kwargs]
    if missing:
        raise ArgumentError(
            f"path_params: {operation.operation_id} ({operation.method} {operation.path}) "
            f"needs {', '.join(missing)}"
        )
    return kwargs


def plan_request(
    operation_id: str,
    path_params: Mapping[str, str] | None,
    json: object,
    max_retries: int | NotGiven,
    timeout: TimeoutLike | NotGiven,
) -> Plan[Any]:
    """The plan of ``client.request(...)``: any selected operation, its ``data`` as parsed."""
    ep = endpoint(operation_id)
    operation = ep.operation
    content: bytes | None = None
    if operation.request_schema is None:
        if json is not None:
            raise ArgumentError(
                f"json: {operation_id} ({operation.method} {operation.path}) takes no body"
            )
    elif json is None:
        raise ArgumentError(
            f"json: {operation_id} ({operation.method} {operation.path}) needs a JSON body "
            f"({operation.request_schema} in the API's schema)"
        )
    else:
        content = encode_json(json)
    return Plan(
        operation_id,
        parse=_identity,
        content=content,
        path=path_params,
        max_retries=max_retries,
        timeout=timeout,
    )


# -- the clients ---------------------------------------------------------------------------


class BaseClient:
    """Configuration and per-attempt decisions; subclasses own the ``httpx`` client."""

    _generated: AuthenticatedClient
    _http: httpx.Client | httpx.AsyncClient
    _is_async: bool = False

    def __init__(
        self,
        api_key: str | None,
        *,
        base_url: str | None,
        region: str,
        timeout: TimeoutLike,
        max_retries: int,
        max_response_bytes: int | None,
        strict_response_validation: bool,
    ) -> None:
        setup_logging()
        self._api_key = resolve_api_key(api_key)
        self._base_url = resolve_base_url(base_url, region)
        self._timeout_arg = timeout
        self._timeout = to_timeout(timeout)
        self._max_retries = check_max_retries(max_retries)
        self._max_response_bytes = check_max_response_bytes(max_response_bytes)
        self._strict = check_flag(strict_response_validation, "strict_response_validation")
        self._headers = self._make_headers()
        # True when the httpx client does not carry this client's URL and headers (one passed
        # in, or a with_options copy with another key or URL): requests are then built apart
        # (``_build``) and sent; the usual path is the generated ``sync_raw``/``asyncio_raw``.
        self._foreign_http = False
        self._owns_http = True
        # The timeout the httpx client was made with (None: not ours); a call with this very
        # timeout lets httpx apply it rather than build an httpx.Timeout per request.
        self._http_timeout: httpx.Timeout | None = None
        # _attempts() for the client's own options, worked out on the first call
        self._defaults: (
            tuple[int, httpx.Timeout, httpx.Timeout | UseClientDefault, float | None] | None
        ) = None
        self._bound: dict[object, Any] = {}  # resources and bound operations, made once
        self._client = self  # what the operations send through (see resources._resource)
        self._raw = False

    def __repr__(self) -> str:  # never the key
        return (
            f"{type(self).__name__}(base_url={self._base_url!r}, "
            f"timeout={self._timeout_arg!r}, max_retries={self._max_retries!r})"
        )

    @property
    def base_url(self) -> str:
        return self._base_url

    @property
    def max_retries(self) -> int:
        return self._max_retries

    @property
    def timeout(self) -> httpx.Timeout:
        return self._timeout

    @property
    def generated_client(self) -> AuthenticatedClient:
        """The generated client, sharing this client's ``httpx`` connection pool.

        For code that pins and calls ``helicone_evals_generated`` directly. When an
        ``http_client`` was passed in, it is used as is (with its own base URL and headers).
        """
        return self._generated

    def with_options(
        self,
        *,
        api_key: str | None = None,
        base_url: str | None = None,
        timeout: TimeoutLike | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
    ) -> Self:
        """A copy with some options changed, sharing the connection pool.

        Closing the copy or the original closes the pool they share (if the client made it).
        """
        new = copy.copy(self)
        new._bound = {}
        new._defaults = None
        new._client = new
        if api_key is not None:
            new._api_key = resolve_api_key(api_key)
        if base_url is not None:
            new._base_url = resolve_base_url(base_url, "us")
        if not isinstance(timeout, NotGiven):
            new._timeout_arg, new._timeout = timeout, to_timeout(timeout)
        if max_retries is not None:
            new._max_retries = check_max_retries(max_retries)
        if api_key is not None or base_url is not None:
            new._headers = new._make_headers()
            new._foreign_http = True
            new._generated = new._new_generated()
            new._attach(new._generated)
        return new

    # -- helpers for the subclasses --------------------------------------------------------

    def _make_headers(self) -> dict[str, str]:
        return {
            "Authorization": f"Bearer {self._api_key}",
            "User-Agent": USER_AGENT,
            "Accept": "application/json",
        }

    def _open_http(self, http_client: object, cls: type[_HttpT]) -> _HttpT:
        """The httpx client to send with: the caller's (theirs to close) or a new one of ours."""
        given = check_http_client(http_client, cls)
        self._owns_http = given is None
        if given is not None:
            self._foreign_http = True  # the caller's client lacks our URL and headers
            return given
        # httpx's default transport, but CA certificates are loaded on the first https
        # request rather than here (never for an http URL such as the emulator's).
        transport = default_transport(cls is httpx.AsyncClient)
        self._http_timeout = self._timeout
        return cls(
            base_url=self._base_url,
            headers=self._headers,
            timeout=self._timeout,
            follow_redirects=True,
            transport=transport,  # type: ignore[arg-type]
        )

    def _new_generated(self) -> AuthenticatedClient:
        from helicone_evals_generated.client import AuthenticatedClient

        return AuthenticatedClient(
            base_url=self._base_url,
            token=_Secret(self._api_key),
            timeout=self._timeout,
            follow_redirects=True,
            headers={"User-Agent": USER_AGENT, "Accept": "application/json"},
        )

    def _attach(self, generated: AuthenticatedClient) -> None:
        raise NotImplementedError

    def _send(self, plan: Plan[Any], raw: bool = False) -> Any:
        """Send ``plan``: its result (a coroutine of it on the async client)."""
        raise NotImplementedError

    def _build(self, plan: Plan[Any], timeout: httpx.Timeout) -> httpx.Request:
        """The generated endpoint's request with this client's URL and headers.

        For an ``httpx`` client that lacks them (see ``_foreign_http``): the request is built
        by the generated ``build_request`` on a generated client of this client's settings that
        never sends anything (it only builds), then sent by the ``httpx`` client in use.
        """
        builder = self._bound.get(_BUILDER)
        if builder is None:
            builder = self._bound[_BUILDER] = self._new_generated()
        request: httpx.Request = plan.endpoint.build_request(
            client=builder, **plan.path, content=plan.content, timeout=timeout
        )
        return request

    def _close_builder(self) -> None:
        builder = self._bound.pop(_BUILDER, None)
        if builder is not None:
            builder.get_httpx_client().close()

    def _options(
        self, max_retries: int | NotGiven, timeout: TimeoutLike | NotGiven
    ) -> tuple[int, httpx.Timeout]:
        return (
            self._max_retries
            if isinstance(max_retries, NotGiven)
            else check_max_retries(max_retries),
            self._timeout if isinstance(timeout, NotGiven) else to_timeout(timeout),
        )

    def _attempts(
        self, plan: Plan[Any]
    ) -> tuple[int, httpx.Timeout, httpx.Timeout | UseClientDefault, float | None]:
        """``(max_retries, timeout, the timeout to pass the endpoint, seconds per attempt)``.

        The endpoint is passed httpx's ``USE_CLIENT_DEFAULT`` when the httpx client already
        has the timeout (no ``httpx.Timeout`` made per request); an attempt's budget is
        :func:`attempt_budget` of the timeout. Worked out once for the client's own options.
        """
        if isinstance(plan.max_retries, NotGiven) and isinstance(plan.timeout, NotGiven):
            found = self._defaults
            if found is None:
                found = self._defaults = self._attempts_with(self._max_retries, self._timeout)
            return found
        return self._attempts_with(*self._options(plan.max_retries, plan.timeout))

    def _attempts_with(
        self, max_retries: int, timeout: httpx.Timeout
    ) -> tuple[int, httpx.Timeout, httpx.Timeout | UseClientDefault, float | None]:
        sent = httpx.USE_CLIENT_DEFAULT if timeout is self._http_timeout else timeout
        return max_retries, timeout, sent, attempt_budget(timeout)

    # What each attempt's outcome means, shared by the sync and the async loop (which differ
    # only in how they send, read and sleep).

    def _succeeded(
        self, plan: Plan[T], response: httpx.Response, retries: int, started: float, raw: bool
    ) -> T | RawResponse[T]:
        """The result of a read 2xx answer: the envelope's ``data`` validated, then parsed."""
        self._log_success(plan, response, retries, started)
        shape = plan.endpoint.operation.success_shape
        result = plan.parse(parse_data(response, shape, self._api_key, strict=self._strict))
        return RawResponse(response, result) if raw else result

    def _rejected(
        self,
        plan: Plan[Any],
        response: httpx.Response,
        retries: int,
        max_retries: int,
        started: float,
    ) -> tuple[Exception, float | None]:
        """The typed error of an error status, and the delay before a retry (None: give up)."""
        error = status_error(response, self._api_key)
        return error, self._retry_delay(plan, retries, max_retries, started, response)

    def _failed(
        self,
        plan: Plan[Any],
        exc: httpx.RequestError | APITimeoutError,
        retries: int,
        max_retries: int,
        started: float,
    ) -> tuple[Exception, float | None]:
        """The typed error of an attempt with no (complete) answer, and the retry delay."""
        error = connection_error(exc, self._api_key) if isinstance(exc, httpx.RequestError) else exc
        return error, self._retry_delay(plan, retries, max_retries, started, exc=exc)

    def _retry_delay(
        self,
        plan: Plan[Any],
        retries: int,
        max_retries: int,
        started: float,
        response: httpx.Response | None = None,
        exc: Exception | None = None,
    ) -> float | None:
        """Log the attempt; the seconds to wait before the next one, or None to give up."""
        elapsed = (time.monotonic() - started) * 1000
        method = plan.endpoint.operation.method
        if response is not None:
            url: object = response.url  # the final URL, after any redirect
            status = response.status_code
            outcome = f"{status} {response.reason_phrase}".strip()
            retryable = status in RETRY_STATUSES or status >= 500
        else:
            url = _url_of(exc, plan)
            outcome = type(exc).__name__
            retryable = isinstance(exc, _RETRYABLE_ERRORS)
        logger.debug("%s %s -> %s (retry %d, %.1f ms)", method, url, outcome, retries, elapsed)
        if not retryable or retries >= max_retries:
            return None
        delay = retry_after(response.headers) if response is not None else None
        if delay is None:
            delay = backoff(retries)
        elif delay > MAX_RETRY_AFTER:
            logger.info(
                "Not retrying %s %s: Retry-After asks for %.0f s (more than %.0f s)",
                method,
                url,
                delay,
                MAX_RETRY_AFTER,
            )
            return None
        logger.info(
            "Retrying %s %s in %.2f s after %s (retry %d of %d)",
            method,
            url,
            delay,
            outcome,
            retries + 1,
            max_retries,
        )
        return delay

    def _log_success(
        self, plan: Plan[Any], response: httpx.Response, retries: int, started: float
    ) -> None:
        if logger.isEnabledFor(logging.DEBUG):
            elapsed = (time.monotonic() - started) * 1000
            logger.debug(
                "%s %s -> %d %s (retry %d, %.1f ms)",
                plan.endpoint.operation.method,
                response.url,  # the final URL, after any redirect
                response.status_code,
                response.reason_phrase,
                retries,
                elapsed,
            )


# Transport failures worth another attempt; a bad URL scheme or a redirect loop is not. An
# attempt that timed out as a whole (``_reading``'s deadline) is retried like any timeout.
_RETRYABLE_ERRORS = (
    httpx.TimeoutException,
    httpx.NetworkError,
    httpx.ProtocolError,
    APITimeoutError,
)


def _url_of(exc: Exception | None, plan: Plan[Any]) -> object:
    url = getattr(exc, "url", None)  # APITimeoutError
    if url is not None:
        return url
    try:
        return (
            exc.request.url if isinstance(exc, httpx.RequestError) else plan.endpoint.operation.path
        )
    except RuntimeError:  # an httpx error raised before a request existed
        return plan.endpoint.operation.path


class SyncAPIClient(BaseClient):
    """The synchronous transport."""

    _http: httpx.Client

    def _attach(self, generated: AuthenticatedClient) -> None:
        generated.set_httpx_client(self._http)

    def _send(self, plan: Plan[T], raw: bool = False) -> Any:
        """Send ``plan`` with retries: its result, or a RawResponse of it when ``raw``."""
        ensure_open(self._http, owned=self._owns_http)
        retries_allowed, timeout, sent_timeout, budget = self._attempts(plan)
        ep = plan.endpoint
        retries = 0
        while True:
            started = time.monotonic()
            error: Exception
            try:
                if self._foreign_http:
                    response = self._http.send(self._build(plan, timeout), stream=True)
                else:
                    response = ep.sync_raw(
                        client=self._generated,
                        **plan.path,
                        content=plan.content,
                        timeout=sent_timeout,
                        stream=True,
                    )
                read_response(
                    response,
                    deadline=None if budget is None else started + budget,
                    max_bytes=self._max_response_bytes,
                )
            except (httpx.RequestError, APITimeoutError) as exc:
                error, delay = self._failed(plan, exc, retries, retries_allowed, started)
            else:
                if response.is_success:
                    return self._succeeded(plan, response, retries, started, raw)
                error, delay = self._rejected(plan, response, retries, retries_allowed, started)
            if delay is None:
                raise error
            sleep(delay)
            retries += 1

    def close(self) -> None:
        """Close the connection pool (unless it is an ``http_client`` that was passed in)."""
        self._close_builder()
        if self._owns_http:
            self._http.close()


class AsyncAPIClient(BaseClient):
    """The asyncio transport: the same loop, awaited."""

    _http: httpx.AsyncClient
    _is_async = True

    def _attach(self, generated: AuthenticatedClient) -> None:
        generated.set_async_httpx_client(self._http)

    async def _send(self, plan: Plan[T], raw: bool = False) -> Any:
        """Send ``plan`` with retries: its result, or a RawResponse of it when ``raw``."""
        ensure_open(self._http, owned=self._owns_http)
        retries_allowed, timeout, sent_timeout, budget = self._attempts(plan)
        ep = plan.endpoint
        retries = 0
        while True:
            started = time.monotonic()
            error: Exception
            try:
                if self._foreign_http:
                    response = await self._http.send(self._build(plan, timeout), stream=True)
                else:
                    response = await ep.asyncio_raw(
                        client=self._generated,
                        **plan.path,
                        content=plan.content,
                        timeout=sent_timeout,
                        stream=True,
                    )
                await aread_response(
                    response,
                    deadline=None if budget is None else started + budget,
                    max_bytes=self._max_response_bytes,
                )
            except (httpx.RequestError, APITimeoutError) as exc:
                error, delay = self._failed(plan, exc, retries, retries_allowed, started)
            else:
                if response.is_success:
                    return self._succeeded(plan, response, retries, started, raw)
                error, delay = self._rejected(plan, response, retries, retries_allowed, started)
            if delay is None:
                raise error
            await asleep(delay)
            retries += 1

    async def aclose(self) -> None:
        """Close the connection pool (unless it is an ``http_client`` that was passed in)."""
        self._close_builder()
        if self._owns_http:
            await self._http.aclose()
