"""What the sync and the async client share: configuration, the request, the retry policy.

The request goes through the generated layer: ``_get_kwargs`` of the generated endpoint module
gives its method, path and content type (once, at import: they do not vary per call), and the
generated ``AuthenticatedClient`` holds the ``httpx`` client that sends it. The body is sent
pre-encoded (``_query.encode_body``), so a reused ``Filter`` is encoded once.

The generated ``sync_detailed``/``asyncio_detailed`` are not used, because their response
handling would run ``response.json()`` and the attrs ``from_dict`` on every 200 (raising raw
JSONDecodeError/KeyError on an odd body, and ``HTTPStatus(...)`` raises ValueError on a status
such as 520): the wrapper validates the response bytes with the generated pydantic models
instead (see ``_response``).

Tests patch ``sleep``/``asleep``/``jitter`` in this module, so they never really wait.
"""

from __future__ import annotations

import asyncio
import copy
import email.utils
import logging
import math
import os
import random
import time
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Final, Self, TypeVar, cast

import httpx

from helicone_evals_generated.client import AuthenticatedClient
from helicone_evals_generated.client.api.evals import query_score_distributions as _endpoint

from ._exceptions import APIConnectionError, APITimeoutError, HeliconeError
from ._logging import logger, setup_logging
from ._query import encode_body
from ._response import redact
from ._version import __version__

if TYPE_CHECKING:
    from helicone_evals_generated.client.models import EvalQueryParams

__all__ = ["NOT_GIVEN", "BaseClient", "NotGiven", "asleep", "jitter", "retry_after", "sleep"]

REGION_URLS: Final = {"us": "https://api.helicone.ai", "eu": "https://eu.api.helicone.ai"}
DEFAULT_TIMEOUT: Final = 60.0
DEFAULT_MAX_RETRIES: Final = 2
INITIAL_RETRY_DELAY: Final = 0.5
MAX_RETRY_DELAY: Final = 8.0
MAX_RETRY_AFTER: Final = 60.0
RETRY_STATUSES: Final = frozenset({408, 409, 429})
USER_AGENT: Final = f"helicone-evals-python/{__version__}"

# Patch points for tests: the retry loops look these up on the module at call time.
sleep = time.sleep
asleep = asyncio.sleep
jitter = random.random

# Transport failures worth another attempt; a bad URL scheme or a redirect loop is not.
_RETRYABLE_ERRORS = (httpx.TimeoutException, httpx.NetworkError, httpx.ProtocolError)


class NotGiven:
    """The default of options where ``None`` means something (``timeout=None``: no timeout)."""

    def __bool__(self) -> bool:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN: Final = NotGiven()

TimeoutLike = float | httpx.Timeout | None


class _Secret(str):
    """The API key as handed to the generated client: its repr does not show it."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "'***'"


class _WireBody:
    """Stands in for the generated ``EvalQueryParams``: ``_get_kwargs`` only calls ``to_dict``."""

    __slots__ = ("_body",)

    def __init__(self, body: dict[str, Any]) -> None:
        self._body = body

    def to_dict(self) -> dict[str, Any]:
        return self._body


_HttpT = TypeVar("_HttpT", httpx.Client, httpx.AsyncClient)

# What the generated endpoint sends, less its body: {"method", "url", "headers"}.
_ENDPOINT: Final[dict[str, Any]] = {
    k: v
    for k, v in _endpoint._get_kwargs(body=cast("EvalQueryParams", _WireBody({}))).items()
    if k != "json"
}


def resolve_api_key(api_key: str | None) -> str:
    key = api_key if api_key is not None else os.environ.get("HELICONE_API_KEY", "")
    if not isinstance(key, str):
        raise HeliconeError(f"api_key must be a string, got {type(key).__name__}")
    key = key.strip()
    if not key:
        raise HeliconeError(
            "No Helicone API key: set the HELICONE_API_KEY environment variable or pass "
            "api_key=... to the client (keys are made at https://us.helicone.ai/settings/api-keys)"
        )
    return key


def resolve_base_url(base_url: str | None, region: str) -> str:
    if region not in REGION_URLS:
        raise ValueError(f"region must be one of {sorted(REGION_URLS)}, got {region!r}")
    url = base_url or os.environ.get("HELICONE_BASE_URL") or REGION_URLS[region]
    url = url.strip().rstrip("/")
    if not url.startswith(("http://", "https://")):
        raise ValueError(f"base_url must start with http:// or https://, got {url!r}")
    return url


def to_timeout(timeout: TimeoutLike) -> httpx.Timeout:
    if isinstance(timeout, bool) or (
        timeout is not None
        and not isinstance(timeout, httpx.Timeout)
        and not (isinstance(timeout, int | float) and timeout > 0)
    ):
        raise ValueError(f"timeout must be a positive number, httpx.Timeout or None: {timeout!r}")
    return httpx.Timeout(timeout)


def check_max_retries(max_retries: int) -> int:
    if isinstance(max_retries, bool) or not isinstance(max_retries, int) or max_retries < 0:
        raise ValueError(f"max_retries must be an int >= 0, got {max_retries!r}")
    return max_retries


def retry_after(headers: httpx.Headers) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (seconds or an HTTP date), or None."""
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        seconds = (when - datetime.now(UTC)).total_seconds()
    if math.isnan(seconds):
        return None
    return max(0.0, seconds)


def backoff(retries: int) -> float:
    """0.5 s, 1 s, 2 s, ... capped at 8 s, each shortened by up to 25% at random."""
    return min(INITIAL_RETRY_DELAY * 2.0**retries, MAX_RETRY_DELAY) * (1.0 - 0.25 * jitter())


class BaseClient:
    """Configuration and per-attempt decisions; subclasses own the ``httpx`` client."""

    _generated: AuthenticatedClient

    def __init__(
        self,
        api_key: str | None,
        *,
        base_url: str | None,
        region: str,
        timeout: TimeoutLike,
        max_retries: int,
    ) -> None:
        setup_logging()
        self._api_key = resolve_api_key(api_key)
        self._base_url = resolve_base_url(base_url, region)
        self._timeout_arg = timeout
        self._timeout = to_timeout(timeout)
        self._max_retries = check_max_retries(max_retries)
        self._headers = self._make_headers()
        # Sent with each request only when the httpx client does not already carry them (one
        # passed in, or a with_options copy with another key): merging costs per call.
        self._request_headers: dict[str, str] = {}
        self._owns_http = True

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
        if api_key is not None:
            new._api_key = resolve_api_key(api_key)
        if base_url is not None:
            new._base_url = resolve_base_url(base_url, "us")
        if not isinstance(timeout, NotGiven):
            new._timeout_arg, new._timeout = timeout, to_timeout(timeout)
        if max_retries is not None:
            new._max_retries = check_max_retries(max_retries)
        if api_key is not None or base_url is not None:
            new._headers = new._request_headers = new._make_headers()
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

    def _open_http(self, http_client: _HttpT | None, cls: type[_HttpT]) -> _HttpT:
        """The httpx client to send with: the caller's (theirs to close) or a new one of ours."""
        if http_client is not None and not isinstance(http_client, cls):
            raise TypeError(
                f"http_client must be an httpx.{cls.__name__}, got {type(http_client)!r}"
            )
        self._owns_http = http_client is None
        if http_client is not None:
            self._request_headers = self._headers  # the caller's client lacks our headers
            return http_client
        return cls(
            base_url=self._base_url,
            headers=self._headers,
            timeout=self._timeout,
            follow_redirects=True,
        )

    def _new_generated(self) -> AuthenticatedClient:
        return AuthenticatedClient(
            base_url=self._base_url,
            token=_Secret(self._api_key),
            timeout=self._timeout,
            follow_redirects=True,
            headers={"User-Agent": USER_AGENT},
        )

    def _attach(self, generated: AuthenticatedClient) -> None:
        raise NotImplementedError

    def _build_request(
        self,
        filter: object,
        start: Any,
        end: Any,
        limit: int | None,
        offset: int | None,
        time_zone_difference: float | None,
    ) -> dict[str, Any]:
        """The keyword arguments for ``httpx.Client.request``.

        Method, path and headers are the generated endpoint's (``_ENDPOINT``); the body is sent
        pre-encoded, the same JSON the generated ``json=`` would send (a test checks it).
        """
        content = encode_body(filter, start, end, limit, offset, time_zone_difference)
        headers = _ENDPOINT["headers"]
        if self._request_headers:
            headers = {**headers, **self._request_headers}
        return {
            "method": _ENDPOINT["method"],
            "url": self._base_url + _ENDPOINT["url"],
            "headers": headers,
            "content": content,
        }

    def _options(
        self, max_retries: int | NotGiven, timeout: TimeoutLike | NotGiven
    ) -> tuple[int, httpx.Timeout]:
        return (
            self._max_retries
            if isinstance(max_retries, NotGiven)
            else check_max_retries(max_retries),
            self._timeout if isinstance(timeout, NotGiven) else to_timeout(timeout),
        )

    def _connection_error(self, exc: httpx.RequestError) -> APIConnectionError:
        cls = APITimeoutError if isinstance(exc, httpx.TimeoutException) else APIConnectionError
        what = "Request timed out" if cls is APITimeoutError else "Connection error"
        detail = redact(str(exc), self._api_key)
        error = cls(f"{what}: {detail}" if detail else f"{what}.", request=exc.request)
        error.__cause__ = exc
        error.__suppress_context__ = True
        return error

    def _retry_delay(
        self,
        url: str,
        retries: int,
        max_retries: int,
        started: float,
        response: httpx.Response | None = None,
        exc: httpx.RequestError | None = None,
    ) -> float | None:
        """Log the attempt; the seconds to wait before the next one, or None to give up."""
        elapsed = (time.perf_counter() - started) * 1000
        if response is not None:
            status = response.status_code
            outcome = f"{status} {response.reason_phrase}".strip()
            retryable = status in RETRY_STATUSES or status >= 500
        else:
            outcome = type(exc).__name__
            retryable = isinstance(exc, _RETRYABLE_ERRORS)
        logger.debug("POST %s -> %s (retry %d, %.1f ms)", url, outcome, retries, elapsed)
        if not retryable or retries >= max_retries:
            return None
        delay = retry_after(response.headers) if response is not None else None
        if delay is None:
            delay = backoff(retries)
        elif delay > MAX_RETRY_AFTER:
            logger.info(
                "Not retrying POST %s: Retry-After asks for %.0f s (more than %.0f s)",
                url,
                delay,
                MAX_RETRY_AFTER,
            )
            return None
        logger.info(
            "Retrying POST %s in %.2f s after %s (retry %d of %d)",
            url,
            delay,
            outcome,
            retries + 1,
            max_retries,
        )
        return delay

    def _log_success(
        self, url: str, response: httpx.Response, retries: int, started: float
    ) -> None:
        if logger.isEnabledFor(logging.DEBUG):
            elapsed = (time.perf_counter() - started) * 1000
            logger.debug(
                "POST %s -> %d %s (retry %d, %.1f ms)",
                url,
                response.status_code,
                response.reason_phrase,
                retries,
                elapsed,
            )
