"""The exceptions the SDK raises: one hierarchy, shaped like the major generated SDKs'.

The hierarchy::

    HeliconeError
    ├── FilterError (also a ValueError)      a filter, time or argument is not valid
    ├── APIConnectionError                   the request never got an HTTP answer
    │   └── APITimeoutError
    ├── APIStatusError                       the server answered with an error status
    │   ├── BadRequestError                  400
    │   ├── AuthenticationError              401
    │   ├── PermissionDeniedError            403
    │   ├── NotFoundError                    404
    │   ├── UnprocessableEntityError         422
    │   ├── RateLimitError                   429
    │   └── InternalServerError              >= 500
    └── ResultError                          a 2xx answer whose envelope holds an error
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import httpx

__all__ = [
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "FilterError",
    "HeliconeError",
    "InternalServerError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "ResultError",
    "UnprocessableEntityError",
]


class HeliconeError(Exception):
    """Base class of every error the SDK raises."""


class FilterError(HeliconeError, ValueError):
    """A filter, a time window or a query argument is not valid; nothing was sent."""


class APIConnectionError(HeliconeError):
    """The request did not get an HTTP response (DNS, refused connection, reset, ...)."""

    def __init__(self, message: str = "Connection error.", *, request: httpx.Request | None = None):
        super().__init__(message)
        self.message = message
        self.request = request


class APITimeoutError(APIConnectionError):
    """The request timed out."""

    def __init__(
        self, message: str = "Request timed out.", *, request: httpx.Request | None = None
    ):
        super().__init__(message, request=request)


class APIStatusError(HeliconeError):
    """The server answered with a 4xx/5xx status.

    ``message`` is what the server said (the envelope's ``error``, a 422's ``message`` and
    ``details``, a plain-text body, or an excerpt of an HTML page); ``body`` is the decoded
    JSON body, or the text when it is not JSON; ``response`` is the ``httpx.Response``.
    """

    def __init__(self, message: str, *, response: httpx.Response, body: Any) -> None:
        super().__init__(message)
        self.message = message
        self.response = response
        self.body = body
        self.status_code: int = response.status_code


class BadRequestError(APIStatusError):
    """400: the server refused the request (it answers ``Invalid token.`` for a broken key)."""


class AuthenticationError(APIStatusError):
    """401: the API key is missing or was rejected."""


class PermissionDeniedError(APIStatusError):
    """403: the key may not read this organization's scores."""


class NotFoundError(APIStatusError):
    """404: no such endpoint at this base URL."""


class UnprocessableEntityError(APIStatusError):
    """422: the request did not validate (unknown key, wrong type, missing field)."""


class RateLimitError(APIStatusError):
    """429: too many requests."""


class InternalServerError(APIStatusError):
    """A 5xx status."""


class ResultError(HeliconeError):
    """The server answered 2xx but its ``{data, error}`` envelope carried an error."""

    def __init__(self, message: str, *, response: httpx.Response | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.response = response
