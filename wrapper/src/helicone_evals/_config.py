"""Client options checked when a client is made, and the retry policy's numbers.

Every check raises ``ArgumentError`` (a ``HeliconeError`` and a ``ValueError``) naming the
option and the forms it accepts. Nothing here ever puts the API key into a message.
"""

from __future__ import annotations

import email.utils
import math
import os
from datetime import UTC, datetime
from typing import Final, TypeVar

import httpx

from ._exceptions import ArgumentError, HeliconeError, shown

__all__ = [
    "DEFAULT_MAX_RESPONSE_BYTES",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "INITIAL_RETRY_DELAY",
    "MAX_RETRY_AFTER",
    "MAX_RETRY_DELAY",
    "REGION_URLS",
    "RETRY_STATUSES",
    "TimeoutLike",
    "backoff",
    "check_flag",
    "check_http_client",
    "check_max_response_bytes",
    "check_max_retries",
    "ensure_open",
    "resolve_api_key",
    "resolve_base_url",
    "retry_after",
    "to_timeout",
]

REGION_URLS: Final = {"us": "https://api.helicone.ai", "eu": "https://eu.api.helicone.ai"}
DEFAULT_TIMEOUT: Final = 60.0
DEFAULT_MAX_RETRIES: Final = 2
DEFAULT_MAX_RESPONSE_BYTES: Final = 50 * 1024 * 1024
"""The default cap on a response body, counted after decompression: 50 MiB."""
INITIAL_RETRY_DELAY: Final = 0.5
MAX_RETRY_DELAY: Final = 8.0
MAX_RETRY_AFTER: Final = 60.0
RETRY_STATUSES: Final = frozenset({408, 409, 429})

TimeoutLike = float | httpx.Timeout | None

_KEY_HELP = (
    "set the HELICONE_API_KEY environment variable or pass api_key=... to the client "
    "(keys are made at https://us.helicone.ai/settings/api-keys)"
)
_SHOWN = 120  # at most this many characters of a bad option's value are echoed

_HttpT = TypeVar("_HttpT", httpx.Client, httpx.AsyncClient)


def resolve_api_key(api_key: str | None) -> str:
    """The key to send: ``api_key``, else ``HELICONE_API_KEY``, stripped of outer whitespace.

    Refused when missing or empty, or when it holds anything but printable ASCII (a line break,
    a NUL, a space, a non-ASCII character): such a key cannot be sent in an HTTP header. The
    message says where the bad character is, never what the key is.
    """
    source = "api_key" if api_key is not None else "HELICONE_API_KEY"
    key = api_key if api_key is not None else os.environ.get("HELICONE_API_KEY", "")
    if not isinstance(key, str):
        raise ArgumentError(f"api_key must be a string, got {type(key).__name__}")
    key = key.strip()
    if not key:
        given = source == "api_key" or "HELICONE_API_KEY" in os.environ
        what = f"{source} is empty" if given else "No Helicone API key"
        raise ArgumentError(f"{what}: {_KEY_HELP}")
    for position, char in enumerate(key, 1):
        if not "!" <= char <= "~":
            raise ArgumentError(
                f"{source} contains {_describe_char(char)} at position {position} of "
                f"{len(key)}; an API key is printable ASCII without spaces (look for a pasted "
                "line break or a typographic character). The key is not shown."
            )
    return key


def _describe_char(char: str) -> str:
    if char in "\r\n":
        return "a line break"
    if char == "\x00":
        return "a NUL character"
    if char.isspace():
        return "whitespace"
    if ord(char) < 0x20 or char == "\x7f":
        return "a control character"
    return "a non-ASCII character"


def resolve_base_url(base_url: str | None, region: str) -> str:
    """``base_url``, else ``HELICONE_BASE_URL``, else the ``region``'s API; no trailing slash.

    A URL must be absolute ``http://`` or ``https://`` with a host and no query or fragment;
    ``127.0.0.1:8586`` is refused with the ``http://127.0.0.1:8586`` it probably meant.
    """
    if not isinstance(region, str) or region not in REGION_URLS:
        accepted = " or ".join(repr(r) for r in REGION_URLS)
        raise ArgumentError(f"region must be {accepted}, got {_show(region)}")
    if base_url is not None and not isinstance(base_url, str):
        raise ArgumentError(f"base_url must be a string, got {type(base_url).__name__}")
    source = "base_url"
    url = base_url
    if not url:
        url, source = os.environ.get("HELICONE_BASE_URL", ""), "HELICONE_BASE_URL"
    if not url.strip():
        return REGION_URLS[region]
    url = url.strip()
    example = "e.g. 'https://api.helicone.ai' or 'http://127.0.0.1:8585'"
    if "://" not in url:
        url = url.rstrip("/")
        host = url.split("/", 1)[0].split(":", 1)[0]
        local = host in ("localhost", "0.0.0.0") or host.replace(".", "").isdigit()
        guess = ("http://" if local else "https://") + url
        raise ArgumentError(
            f"{source} must be an absolute URL starting with http:// or https:// ({example}); "
            f"got {_show(url)}: did you mean {_show(guess)}?"
        )
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, ValueError, TypeError):
        raise ArgumentError(f"{source} is not a valid URL ({example}): {_show(url)}") from None
    if parsed.scheme not in ("http", "https"):
        raise ArgumentError(
            f"{source} must start with http:// or https:// ({example}): {_show(url)}"
        )
    if not parsed.host:
        raise ArgumentError(f"{source} has no host ({example}): {_show(url)}")
    if parsed.query or parsed.fragment:
        raise ArgumentError(f"{source} must not have a query or fragment ({example}): {_show(url)}")
    return url.rstrip("/")


def to_timeout(timeout: TimeoutLike, *, what: str = "timeout") -> httpx.Timeout:
    """An ``httpx.Timeout`` from seconds (a positive finite number), an ``httpx.Timeout`` or None.

    The number bounds each attempt as a whole (see ``_reading``): ``timeout=2`` ends an attempt
    whose answer is not complete after about two seconds.
    """
    if isinstance(timeout, httpx.Timeout) or timeout is None:
        return httpx.Timeout(timeout)
    if (
        isinstance(timeout, bool)
        or not isinstance(timeout, int | float)
        or not _positive_finite(timeout)
    ):
        raise ArgumentError(
            f"{what} must be a positive number of seconds, an httpx.Timeout, or None for no "
            f"timeout; got {_show(timeout)}"
        )
    return httpx.Timeout(float(timeout))


def _positive_finite(value: float) -> bool:
    try:
        return math.isfinite(value) and value > 0
    except OverflowError:  # an int beyond float range
        return False


def check_max_retries(max_retries: int, *, what: str = "max_retries") -> int:
    """``max_retries``, an int >= 0 (0: one attempt only)."""
    if isinstance(max_retries, bool) or not isinstance(max_retries, int) or max_retries < 0:
        raise ArgumentError(f"{what} must be an int >= 0 (0: no retry), got {_show(max_retries)}")
    return max_retries


def check_max_response_bytes(value: int | None) -> int | None:
    """``max_response_bytes``: a positive int (bytes, after decompression) or None (no cap)."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise ArgumentError(
            "max_response_bytes must be a positive int (bytes, counted after decompression; "
            f"default {DEFAULT_MAX_RESPONSE_BYTES:,}) or None for no limit; got {_show(value)}"
        )
    return value


def check_flag(value: bool, what: str) -> bool:
    """A bool option, e.g. ``strict_response_validation``: True or False, nothing truthy."""
    if not isinstance(value, bool):
        raise ArgumentError(f"{what} must be True or False, got {_show(value)}")
    return value


def check_http_client(http_client: object, cls: type[_HttpT]) -> _HttpT | None:
    """``http_client`` when it is None or an instance of ``cls``; else ArgumentError."""
    if http_client is None or isinstance(http_client, cls):
        return http_client
    client = "HeliconeEvals" if cls is httpx.Client else "AsyncHeliconeEvals"
    got = type(http_client)
    raise ArgumentError(
        f"http_client must be an httpx.{cls.__name__} for {client} (or None), "
        f"got {got.__module__}.{got.__qualname__}"
    )


def ensure_open(http: httpx.Client | httpx.AsyncClient, *, owned: bool) -> None:
    """Raise HeliconeError when the connection pool of a client is closed.

    ``owned`` says whether the client made the pool (then the client itself was closed) or
    it is an ``http_client`` the caller passed in and closed.
    """
    if not http.is_closed:
        return
    if owned:
        raise HeliconeError(
            "this client is closed (close() was called, or its `with` block ended); "
            "make a new client for further calls"
        )
    raise HeliconeError(
        "the http_client passed to this client is closed; pass an open one to a new client"
    )


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
        except (TypeError, ValueError, IndexError, OverflowError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        try:
            seconds = (when - datetime.now(UTC)).total_seconds()
        except OverflowError:
            return None
    if math.isnan(seconds):
        return None
    return max(0.0, seconds)


def backoff(retries: int, jitter: float) -> float:
    """0.5 s, 1 s, 2 s, ... capped at 8 s, shortened by ``25% * jitter`` (jitter in [0, 1))."""
    return min(INITIAL_RETRY_DELAY * 2.0**retries, MAX_RETRY_DELAY) * (1.0 - 0.25 * jitter)


def _show(value: object) -> str:
    """A bad option's repr, cut short."""
    return shown(value, _SHOWN)
