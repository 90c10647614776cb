"""Read an ``httpx.Response`` into the result, or into the exception the caller should see.

A 2xx body is validated in one pass against the operation's success shape (the generated
TypedDicts of ``helicone_evals_generated.shapes``): leniently by default (fields the schema
does not define are ignored and logged at debug, so a server-side addition breaks no deployed
client), strictly with ``strict_response_validation=True``. Either way a missing or mistyped
field, NaN/Infinity, or JSON nested too deep raises ``ResponseValidationError``; a 2xx whose
envelope reports an error raises ``ResultError``.

Error bodies are summarised in time linear in a capped prefix of the body, whatever it holds;
the API key is scrubbed from every message and from ``APIStatusError.body``.
"""

from __future__ import annotations

import html
import logging
import re
from dataclasses import dataclass
from typing import Any, Final, Generic, Protocol, TypeVar

import httpx
from pydantic_core import ValidationError, from_json

from ._exceptions import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ResponseValidationError,
    ResultError,
    UnprocessableEntityError,
)
from ._logging import logger
from ._results import ScoreDistribution, ScoreDistributions
from ._shapes import ShapeValidators, shape_validators

__all__ = [
    "SCORE_DISTRIBUTIONS_SHAPE",
    "RawResponse",
    "connection_error",
    "describe",
    "parse_data",
    "parse_result",
    "redact",
    "redact_body",
    "status_error",
    "validators",
]

_EXCERPT: Final = 300
_SUMMARY_CHARS: Final = 64 * 1024  # error summaries look at no more of a body than this
_JSON_BODY_LIMIT: Final = 4 * 1024 * 1024  # larger error bodies are kept as text, not parsed
_SHOWN_ERRORS: Final = 3
_STATUS_ERRORS: Final[dict[int, type[APIStatusError]]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}
_SPACE: Final = re.compile(r"\s+")
_LOWER: Final = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_HIDDEN_ELEMENTS: Final = ("script", "style", "head", "title")

SCORE_DISTRIBUTIONS_SHAPE: Final = "ResultSuccessScoreDistributionArray"


def validators(shape: str) -> ShapeValidators:
    """The strict and lenient validators of the ``shapes`` TypedDict named ``shape``.

    Strict forbids fields the schema does not define, everywhere; lenient ignores them, even
    in a TypedDict the generator marked ``closed``. Built once per shape, on first use.
    """
    return shape_validators(shape)


def __getattr__(name: str) -> Any:
    # SUCCESS is built on first access, not at import: a client builds only the validators
    # of the operations it calls.
    if name == "SUCCESS":
        return validators(SCORE_DISTRIBUTIONS_SHAPE)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class RawResponse(Generic[_T]):
    """What a ``client.with_raw_response`` call returns: the HTTP response and the result."""

    http_response: httpx.Response
    """The final ``httpx.Response`` (after retries and redirects), already read."""
    parsed: _T
    """The result, as the plain call would have returned it."""

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    def parse(self) -> _T:
        """The parsed result (the same object as ``parsed``)."""
        return self.parsed


RawResponse.__module__ = "helicone_evals"


def redact(text: str, secret: str) -> str:
    """``text`` with every occurrence of ``secret`` replaced by ``***``."""
    return text.replace(secret, "***") if secret and secret in text else text


def redact_body(body: Any, secret: str) -> Any:
    """A decoded JSON body (or text) with ``secret`` replaced by ``***`` in every string."""
    if not secret:
        return body
    if isinstance(body, str):
        return redact(body, secret)
    if isinstance(body, list):
        return [redact_body(item, secret) for item in body]
    if isinstance(body, dict):
        return {redact(k, secret): redact_body(v, secret) for k, v in body.items()}
    return body


# -- 2xx ---------------------------------------------------------------------------------


class _HasSuccessShape(Protocol):
    @property
    def success_shape(self) -> str: ...


def parse_data(
    response: httpx.Response,
    shape: str | _HasSuccessShape,
    api_key: str,
    *,
    strict: bool = False,
) -> Any:
    """The ``data`` of a 2xx answer validated against the success envelope ``shape``.

    ``shape`` is a ``shapes`` TypedDict name, or an ``operations.Operation`` (its
    ``success_shape``). Raises ResultError when the envelope reports an error,
    ResponseValidationError when the body does not match (with ``strict``, also for a field
    the schema does not define).
    """
    name = shape if isinstance(shape, str) else shape.success_shape
    return _validated(response, name, api_key, strict)["data"]


def parse_result(
    response: httpx.Response, api_key: str, *, strict: bool = False
) -> ScoreDistributions:
    """A score-distribution answer as ``ScoreDistributions`` (errors as :func:`parse_data`)."""
    success = _validated(response, SCORE_DISTRIBUTIONS_SHAPE, api_key, strict)
    wire = ScoreDistribution._from_wire
    return ScoreDistributions([wire(d["name"], d["distribution"]) for d in success["data"]])


def _validated(response: httpx.Response, shape: str, api_key: str, strict: bool) -> Any:
    content = response.content
    found = validators(shape)
    # By default the lenient validator runs alone (ignoring a field costs less than refusing
    # one). The strict one runs first with strict=True, or when debug logging is on, to name
    # the fields ignored.
    naming = not strict and logger.isEnabledFor(logging.DEBUG)
    errors: list[Any]
    if strict or naming:
        try:
            return found.strict.validate_json(content)
        except ValidationError as exc:
            errors = exc.errors(include_url=False, include_context=False, include_input=False)
    if not strict and (not naming or all(e["type"] == "extra_forbidden" for e in errors)):
        if naming:
            logger.debug(
                "Ignoring %d field(s) of the %d answer that the API schema (%s) does not "
                "define: %s (strict_response_validation=True refuses them)",
                len(errors),
                response.status_code,
                shape,
                ", ".join(_location(error["loc"]) for error in errors[:20]),
            )
        try:
            return found.lenient.validate_json(content)
        except ValidationError as exc:
            errors = exc.errors(include_url=False, include_context=False, include_input=False)
    envelope_error = _envelope_error(content)
    if envelope_error is not None:
        message = _excerpt(envelope_error, limit=2 * _EXCERPT)
        raise ResultError(redact(message, api_key), response=response)
    raise ResponseValidationError(
        redact(_mismatch(response, shape, errors), api_key), response=response
    )


def _envelope_error(content: bytes) -> str | None:
    """The ``error`` of a ``{data: null, error: "..."}`` envelope, or None."""
    try:
        failure = validators("ResultErrorString").lenient.validate_json(content)
    except ValidationError:
        return None
    return str(failure["error"])


def _mismatch(response: httpx.Response, shape: str, errors: list[Any]) -> str:
    status = response.status_code
    if not response.content.strip():
        return f"the server answered {status} with an empty body where {shape} was expected"
    first = errors[0] if errors else None
    excerpt, _ = describe(response)
    if first is not None and first["type"] == "json_invalid":
        reason = str(first.get("msg", "")).removeprefix("Invalid JSON: ")
        return f"the server answered {status} with a body that is not JSON ({reason}): {excerpt}"
    where = "; ".join(f"{_location(e['loc'])}: {e['msg']}" for e in errors[:_SHOWN_ERRORS])
    more = f" (and {len(errors) - _SHOWN_ERRORS} more)" if len(errors) > _SHOWN_ERRORS else ""
    return (
        f"the server answered {status} with a body that does not match the API's schema "
        f"({shape}): {where}{more}; body: {excerpt}"
    )


def _location(loc: tuple[int | str, ...]) -> str:
    return ".".join(str(part) for part in loc) or "(the body)"


# -- errors --------------------------------------------------------------------------------


def status_error(response: httpx.Response, api_key: str) -> APIStatusError:
    """The APIStatusError subclass for a non-2xx response, carrying the server's words.

    The message and ``body`` have the key replaced by ``***``; a 404 for a URL with ``/v1``
    twice adds a hint that the base URL should not end in ``/v1``.
    """
    status = response.status_code
    cls = _STATUS_ERRORS.get(status)
    if cls is None:
        cls = InternalServerError if status >= 500 else APIStatusError
    message, body = describe(response)
    if status == 404:
        message += _base_url_hint(response)
    return cls(redact(message, api_key), response=response, body=redact_body(body, api_key))


def _base_url_hint(response: httpx.Response) -> str:
    try:
        url = response.request.url
    except RuntimeError:  # a response made without a request
        return ""
    if "/v1/v1/" not in url.path:
        return ""
    base = str(url.copy_with(path="/", query=None, fragment=None)).rstrip("/")
    return (
        f" (the URL tried was {url.copy_with(query=None)}: the base URL seems to end in /v1, "
        f"which the SDK adds itself; use base_url={base!r})"
    )


def connection_error(
    exc: httpx.RequestError, api_key: str, *, url: str | None = None
) -> APIConnectionError:
    """The APIConnectionError (APITimeoutError for a timeout) for a transport failure.

    The message names the URL tried (``url``, else the failed request's) without userinfo;
    the httpx exception is kept as ``__cause__``.
    """
    try:
        request: httpx.Request | None = exc.request
    except RuntimeError:  # an httpx error raised outside a request
        request = None
    if url is None and request is not None:
        url = str(request.url.copy_with(username=None, password=None))
    target = f" {request.method if request is not None else 'request to'} {url}" if url else ""
    detail = redact(_excerpt(str(exc)), api_key) or type(exc).__name__
    error: APIConnectionError
    if isinstance(exc, httpx.TimeoutException):
        message = f"Request timed out: no answer from{target or ' the server'} ({detail})"
        error = APITimeoutError(redact(message, api_key), request=request, url=url)
    else:
        message = f"Connection error: could not reach{target or ' the server'}: {detail}"
        error = APIConnectionError(redact(message, api_key), request=request, url=url)
    error.__cause__ = exc
    error.__suppress_context__ = True
    return error


def describe(response: httpx.Response) -> tuple[str, Any]:
    """``(message, body)``: what the server said, and the JSON body (or the text).

    Works on any body in time linear in at most ``_SUMMARY_CHARS`` of it (plus one bounded
    JSON parse): nothing here can raise RecursionError or backtrack over the whole body.
    """
    content = response.content
    reason = f"{response.status_code} {response.reason_phrase}".strip()
    if not content.strip():
        return f"{reason} (empty body)", None
    text = _text(response)
    body: Any = text
    if len(content) <= _JSON_BODY_LIMIT:
        try:
            body = from_json(content)  # recursion-limited; raises ValueError on bad JSON
        except ValueError:
            body = text
    if body is not text:
        return _json_message(body) or _excerpt(text) or reason, body
    head = text[:_SUMMARY_CHARS]
    content_type = response.headers.get("content-type", "").lower()
    if "html" in content_type or head.lstrip()[:1] == "<":
        return _html_excerpt(head) or reason, text
    return _excerpt(head) or reason, text


def _text(response: httpx.Response) -> str:
    try:
        return response.text
    except (LookupError, ValueError):  # an unknown or broken charset in Content-Type
        return response.content.decode("utf-8", errors="replace")


def _json_message(body: Any) -> str:
    if not isinstance(body, dict):
        return ""
    error = body.get("error")
    if isinstance(error, str) and error:
        return _excerpt(error, limit=2 * _EXCERPT)  # the envelope, or a 401 {"error", "trace"}
    if isinstance(error, dict) and isinstance(error.get("message"), str):
        return _excerpt(str(error["message"]), limit=2 * _EXCERPT)
    message = body.get("message")
    if not isinstance(message, str) or not message:
        return ""
    message = _excerpt(message, limit=2 * _EXCERPT)
    details = _details(body.get("details"))
    return f"{message}: {details}" if details else message


def _details(details: Any) -> str:
    """A 422's ``{path: {message, value}}`` as ``path: message; ...``; a 500's string as is."""
    if details is None or details in ("", {}, []):
        return ""
    if isinstance(details, str):
        return _excerpt(details)
    if isinstance(details, dict):
        parts: list[str] = []
        length = 0
        for path, detail in details.items():
            if isinstance(detail, dict) and isinstance(detail.get("message"), str):
                part = f"{path}: {detail['message']}"
            else:
                part = f"{path}: {_excerpt(_dumps(detail))}"
            parts.append(part)
            length += len(part)
            if length > 2 * _EXCERPT:
                break
        return _excerpt("; ".join(parts), limit=2 * _EXCERPT)
    return _excerpt(_dumps(details))


def _dumps(value: Any) -> str:
    import json

    try:
        return json.dumps(value, ensure_ascii=False, default=str)
    except (ValueError, RecursionError):
        return repr(value)


def _excerpt(text: str, limit: int = _EXCERPT) -> str:
    """One printable line of at most ``limit`` characters (a lone surrogate becomes ``?``)."""
    text = _SPACE.sub(" ", text[:_SUMMARY_CHARS]).strip()
    text = text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
    return text.encode("utf-8", "replace").decode("utf-8")


def _html_excerpt(page: str) -> str:
    """A proxy's error page in a line: its title, else its visible text.

    One forward scan with ``str.find``: linear in ``page`` however its tags are (un)closed.
    """
    low = page.translate(_LOWER)  # ASCII-only lowering keeps every index valid
    start = low.find("<title")
    if start >= 0:
        opened = low.find(">", start)
        closed = low.find("</title", opened) if opened >= 0 else -1
        if closed >= 0:
            inner = slice(opened + 1, closed)
            title = _excerpt(html.unescape(_visible(page[inner], low[inner])))
            if title:
                return title
    return _excerpt(html.unescape(_visible(page, low)))


def _visible(page: str, low: str) -> str:
    """The text of ``page`` outside tags, skipping script/style/head/title elements."""
    out: list[str] = []
    position, size = 0, len(page)
    while position < size:
        tag = page.find("<", position)
        if tag < 0:
            out.append(page[position:])
            break
        out.append(page[position:tag])
        out.append(" ")
        end = page.find(">", tag)
        if end < 0:
            break  # an unclosed tag: the rest is markup
        words = low[tag + 1 : end].split(None, 1)
        name = words[0] if words else ""
        position = end + 1
        if name in _HIDDEN_ELEMENTS:
            close = low.find("</" + name, position)
            if close < 0:
                break  # never closed: the rest is its content
            after = page.find(">", close)
            position = size if after < 0 else after + 1
    return "".join(out)
