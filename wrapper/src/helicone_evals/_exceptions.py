"""The exceptions the SDK raises: one hierarchy, shaped like the major generated SDKs'.

Every failure of a public call is a ``HeliconeError``; nothing else escapes. The hierarchy::

    HeliconeError
    ├── ArgumentError (also a ValueError)    a bad argument or client option; nothing was sent
    │   └── FilterError                      a bad filter or time window
    ├── APIConnectionError                   the request never got an HTTP answer
    │   └── APITimeoutError                  ... within the timeout
    ├── APIStatusError                       the server answered with an error status
    │   ├── BadRequestError                  400
    │   ├── AuthenticationError              401
    │   ├── PermissionDeniedError            403
    │   ├── NotFoundError                    404
    │   ├── ConflictError                    409
    │   ├── UnprocessableEntityError         422
    │   ├── RateLimitError                   429
    │   └── InternalServerError              >= 500
    ├── ResultError                          a 2xx whose envelope reports an error
    ├── ResponseValidationError              the answer does not match the API's schema
    ├── ResponseTooLargeError                the answer is larger than max_response_bytes
    ├── ScoresNotVisibleError                wait_until_visible gave up
    ├── StatisticsError (also a ValueError)  a statistic the data cannot give
    │   └── NotExactError                    exact counts of merged histogram bins
    └── MissingExtraError (also ImportError) an optional dependency is not installed

A call on a closed client raises ``HeliconeError`` itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import httpx

__all__ = [
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "ArgumentError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "FilterError",
    "HeliconeError",
    "InternalServerError",
    "MissingExtraError",
    "NotExactError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "ResponseTooLargeError",
    "ResponseValidationError",
    "ResultError",
    "ScoresNotVisibleError",
    "StatisticsError",
    "UnprocessableEntityError",
]


class HeliconeError(Exception):
    """Base class of every error the SDK raises."""


class ArgumentError(HeliconeError, ValueError):
    """An argument or a client option is not valid; nothing was sent.

    The message names the argument and the accepted forms (never the API key's value).
    """


class FilterError(ArgumentError):
    """A filter or a time window is not valid; nothing was sent."""


class APIConnectionError(HeliconeError):
    """The request did not get an HTTP response (DNS, refused connection, reset, ...).

    ``url`` is the URL that was tried, when known; the message names it too.
    """

    def __init__(
        self,
        message: str = "Connection error.",
        *,
        request: httpx.Request | None = None,
        url: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.request = request
        self.url = url if url is not None or request is None else str(request.url)


class APITimeoutError(APIConnectionError):
    """No complete answer came within the timeout (which bounds each attempt)."""

    def __init__(
        self,
        message: str = "Request timed out.",
        *,
        request: httpx.Request | None = None,
        url: str | None = None,
    ) -> None:
        super().__init__(message, request=request, url=url)


class APIStatusError(HeliconeError):
    """The server answered with a 4xx/5xx status.

    ``message`` is what the server said (the envelope's ``error``, a 422's ``message`` and
    ``details``, a plain-text body, or an excerpt of an HTML page); ``body`` is the decoded
    JSON body, or the text when it is not JSON, with the API key replaced by ``***``;
    ``response`` is the ``httpx.Response``.
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
    """404: no such endpoint (or object) at this base URL."""


class ConflictError(APIStatusError):
    """409: the request conflicts with the server's state (retried like a 429)."""


class UnprocessableEntityError(APIStatusError):
    """422: the request did not validate (unknown key, wrong type, missing field)."""


class RateLimitError(APIStatusError):
    """429: too many requests."""


class InternalServerError(APIStatusError):
    """A 5xx status."""


class ResultError(HeliconeError):
    """The server answered 2xx, but its ``{data, error}`` envelope reports an error.

    ``message`` is the server's ``error``; ``response`` the ``httpx.Response``.
    """

    def __init__(self, message: str, *, response: httpx.Response | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.response = response


class ResponseValidationError(HeliconeError):
    """The answer does not match the API's schema: not JSON, a missing or mistyped field,
    a NaN or infinite number, nesting too deep, or (with ``strict_response_validation``)
    a field the schema does not know.

    ``message`` says where (``data.0.distribution.1.value: ...``) with an excerpt of the body;
    ``response`` is the ``httpx.Response``.
    """

    def __init__(self, message: str, *, response: httpx.Response | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.response = response


class ResponseTooLargeError(HeliconeError):
    """The answer (decompressed) exceeds the client's ``max_response_bytes``; reading stopped.

    ``limit`` is that limit in bytes; ``response`` the ``httpx.Response`` (its body unread).
    """

    def __init__(self, message: str, *, limit: int, response: httpx.Response | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.limit = limit
        self.response = response


class ScoresNotVisibleError(HeliconeError):
    """``wait_until_visible`` gave up: some scores did not show up within ``timeout``.

    ``request_id`` is the request, ``missing`` the names still not visible (as stored, e.g.
    ``helpful-hcone-bool``), ``visible`` the score names that request has.
    """

    def __init__(
        self, message: str, *, request_id: str, missing: list[str], visible: list[str]
    ) -> None:
        super().__init__(message)
        self.message = message
        self.request_id = request_id
        self.missing = missing
        self.visible = visible


class StatisticsError(HeliconeError, ValueError):
    """A statistic the distribution cannot give: it is empty, too small, or not boolean."""


class NotExactError(StatisticsError):
    """Exact counts were asked for, but the server merged neighbouring scores into one bin."""


class MissingExtraError(HeliconeError, ImportError):
    """An optional dependency is not installed; the message names the extra that brings it."""


def shown(value: object, limit: int = 80) -> str:
    """``repr(value)`` for an error message: cut to ``limit`` characters, and never raising
    (an int too long to print, a hostile ``__repr__``)."""
    try:
        text = repr(value)
    except ValueError:  # an int past the interpreter's digit limit
        text = f"an int of more than {limit} digits"
    except Exception:
        text = f"<{type(value).__name__}>"
    return text if len(text) <= limit else text[: limit - 1] + "…"


def missing_extra(what: str, module: str, extra: str) -> MissingExtraError:
    """The error for ``what`` needing ``module``, with the pip command that installs it."""
    return MissingExtraError(
        f'{what} needs {module}: pip install "helicone-evals[{extra}]" '
        f"(or './wrapper[{extra}]' from a clone of the repository)"
    )


# Tracebacks and reprs show the public path (helicone_evals.NotFoundError), not this module.
for _name in __all__:
    globals()[_name].__module__ = "helicone_evals"
del _name
