"""The emulator's HTTP layer: the five evaluation operations (and AddEval) as the server answers.

Each endpoint checks, in the server's order, the Bearer key (401), the body (422, tsoa's
shapes), then what the controller checks (the 500 envelopes), then runs. Writes answer
``201 {"data": null, "error": null}`` once committed.

Never a traceback: anything unexpected gets the server's uncaught-exception answer, 500
``{"message": "Internal Server Error", "details": ...}``, on a connection that stays usable.
The emulator's own bounds answer in the same shape (the real server has none but its 50 MB
body limit): ``MAX_BODY_BYTES``, ``MAX_NESTING`` levels of JSON, ``MAX_FILTER_LEAVES`` filter
leaves, ``MAX_HOURS`` hourly buckets (a 500 envelope, as a database error would be), and the
emulator's ``query_timeout``. A query whose client disconnects is cancelled.
"""

from __future__ import annotations

import asyncio
import json
import math
import threading
import time
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any, TypeVar

import duckdb
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ._evals import TooManyHours, hourly_buckets, summarise
from ._sql import Compiled, QueryFailed, ServerCrash, compile_filter
from ._store import Store
from ._timeparse import parse_js_date
from ._validate import Rejected, check_filter_size, crash, parse_json_body, validate_body
from ._writes import (
    FEEDBACK_SCORE,
    check_add_eval,
    check_feedback,
    check_scores,
    is_feedback_uuid,
    is_score_uuid,
    stored_scores,
)

__all__ = [
    "ADD_EVAL_PATH",
    "EVALS_QUERY_PATH",
    "EVAL_SCORES_PATH",
    "FEEDBACK_PATH",
    "MAX_BODY_BYTES",
    "PATH",
    "SCORE_PATH",
    "create_app",
]

PATH = "/v1/evals/score-distributions/query"
EVALS_QUERY_PATH = "/v1/evals/query"
EVAL_SCORES_PATH = "/v1/evals/scores"
SCORE_PATH = "/v1/request/{requestId}/score"
FEEDBACK_PATH = "/v1/request/{requestId}/feedback"
ADD_EVAL_PATH = "/v1/evals/{requestId}"
MAX_BODY_BYTES = 50 * 1024 * 1024  # the server's express.json limit

T = TypeVar("T")
Handler = Callable[[Request], Awaitable[Response]]


def _finite(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_finite(v) for v in value]
    return value


def render(body: Any) -> bytes:
    """JSON as ``JSON.stringify`` writes it: NaN and the infinities become ``null``."""
    try:
        text = json.dumps(body, allow_nan=False, separators=(",", ":"))
    except ValueError:
        text = json.dumps(_finite(body), separators=(",", ":"))
    return text.encode("ascii")


def _answer(body: Any, status: int = 200) -> Response:
    return Response(render(body), status_code=status, media_type="application/json")


def _envelope_error(message: str) -> Response:
    return _answer({"data": None, "error": message}, 500)


def _created() -> Response:
    return _answer({"data": None, "error": None}, 201)


def _check_key(request: Request, api_key: str | None) -> None:
    header = request.headers.get("authorization")
    if not header:
        raise Rejected(401, {"error": "No authorization header", "trace": "isAuthenticated.error"})
    scheme, _, key = header.partition(" ")
    if scheme.lower() != "bearer" or not key.strip():
        raise Rejected(
            401,
            {
                "error": "Invalid authorization header: expected 'Bearer <api key>'",
                "trace": "isAuthenticated.error",
            },
        )
    if api_key is not None and key.strip() != api_key:
        raise Rejected(401, {"error": "Invalid API key", "trace": "isAuthenticated.error"})


async def _body(request: Request) -> Any:
    """The JSON body, read up to the server's 50 MB limit (then 500, as the server answers)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        raise crash("request entity too large")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            raise crash("request entity too large")
        chunks.append(chunk)
    return parse_json_body(b"".join(chunks), request.headers.get("content-type"))


def _guard(handler: Handler) -> Handler:
    async def guarded(request: Request) -> Response:
        try:
            return await handler(request)
        except Rejected as exc:
            return _answer(exc.body, exc.status)
        except ServerCrash as exc:
            return _answer({"message": "Internal Server Error", "details": str(exc)}, 500)
        except Exception as exc:  # the server's catch-all handler
            return _answer(
                {"message": "Internal Server Error", "details": f"{type(exc).__name__}: {exc}"},
                500,
            )

    return guarded


class _Query:
    """Runs database work on a worker thread; cancels it if the client disconnects."""

    def __init__(self, store: Store, timeout: float | None) -> None:
        self.store = store
        self.timeout = timeout

    async def __call__(self, request: Request, work: Callable[[duckdb.DuckDBPyConnection], T]) -> T:
        cancel = threading.Event()
        started = time.monotonic()
        task = asyncio.ensure_future(run_in_threadpool(self.store.run, work, cancel))
        try:
            while True:
                done, _ = await asyncio.wait({task}, timeout=0.1)
                if done:
                    return task.result()
                if await request.is_disconnected():
                    cancel.set()
        except duckdb.InterruptException:
            elapsed = time.monotonic() - started
            if self.timeout is not None and elapsed >= self.timeout:
                raise QueryFailed(
                    f"Timeout exceeded: elapsed {elapsed:.1f} seconds, maximum: "
                    f"{self.timeout:g} (the emulator's query_timeout). (TIMEOUT_EXCEEDED)"
                ) from None
            raise QueryFailed("Query was cancelled. (QUERY_WAS_CANCELLED)") from None
        finally:
            cancel.set()


def _window(time_filter: dict[str, Any]) -> tuple[datetime | None, datetime | None]:
    start = parse_js_date(str(time_filter["start"]))
    end = parse_js_date(str(time_filter["end"]))
    # The server binds whole seconds: its milliseconds are dropped.
    return (
        start.replace(microsecond=0) if start is not None else None,
        end.replace(microsecond=0) if end is not None else None,
    )


def create_app(
    store: Store, *, api_key: str | None = None, query_timeout: float | None = None
) -> ASGIApp:
    """The ASGI app over ``store``. With ``api_key`` only that key is accepted, else any."""
    run = _Query(store, query_timeout)

    async def score_distributions(request: Request) -> Response:
        _check_key(request, api_key)
        body = validate_body(await _body(request))
        check_filter_size(body["filter"])
        # The filter is built first; a database refusal only shows when the query runs.
        failure: QueryFailed | None = None
        try:
            where, params = compile_filter(body["filter"], Compiled())
        except QueryFailed as exc:
            failure, where, params = exc, "false", []
        start, end = _window(body["timeFilter"])
        if start is None or end is None:
            return _envelope_error("Invalid time value")
        if failure is not None:
            return _envelope_error(str(failure))
        try:
            data = await run(
                request, lambda cur: store.distributions(where, params, start, end, cur)
            )
        except (QueryFailed, duckdb.Error) as exc:  # the database's raw message, as on the server
            return _envelope_error(str(exc))
        return _answer({"data": data, "error": None})

    async def query_evals(request: Request) -> Response:
        _check_key(request, api_key)
        body = validate_body(await _body(request), prefix="evalQueryParams")
        check_filter_size(body["filter"])
        start, end = _window(body["timeFilter"])
        if start is None or end is None or start > end:
            return _envelope_error("Invalid time filter")
        tz = float(body.get("timeZoneDifference") or 0)
        if not -1440 <= tz <= 1440:
            return _envelope_error("Invalid time zone difference")
        try:
            where, params = compile_filter(body["filter"], Compiled())
            buckets = hourly_buckets(start, end, tz)

            def work(cur: duckdb.DuckDBPyConnection) -> bytes:
                rows = store.hourly(where, params, start, end, tz, cur)
                names = store.score_names(cur)
                return render({"data": summarise(names, buckets, rows), "error": None})

            rendered = await run(request, work)
        except (QueryFailed, TooManyHours, duckdb.Error) as exc:
            return _envelope_error(str(exc))
        return Response(rendered, media_type="application/json")

    async def eval_scores(request: Request) -> Response:
        _check_key(request, api_key)
        try:
            names = await run(request, store.score_names)
        except (QueryFailed, duckdb.Error) as exc:
            return _envelope_error(str(exc))
        return _answer({"data": names, "error": None})

    async def write(request_id: str, pairs: list[tuple[str, int]]) -> Response:
        try:
            await run_in_threadpool(store.merge_scores, request_id, pairs)
        except Exception:  # nothing was committed: never answer 201 for it
            return _envelope_error("Error adding scores to request.")
        return _created()

    async def add_scores(request: Request) -> Response:
        _check_key(request, api_key)
        scores = check_scores(await _body(request))
        pairs = stored_scores(scores)
        request_id = request.path_params["requestId"]
        if pairs is None or not is_score_uuid(request_id):
            return _created()  # answered before the write, which then stores nothing
        return await write(request_id, pairs)

    async def feedback(request: Request) -> Response:
        _check_key(request, api_key)
        rating = check_feedback(await _body(request))
        request_id = request.path_params["requestId"]
        if not is_feedback_uuid(request_id):
            return _envelope_error("Invalid requestId: must be a valid UUID")
        return await write(request_id, [(FEEDBACK_SCORE, int(rating))])

    async def add_eval(request: Request) -> Response:
        _check_key(request, api_key)
        check_add_eval(await _body(request))
        return _created()  # a placeholder on the server: nothing is stored

    routes = [
        Route(PATH, _guard(score_distributions), methods=["POST"]),
        Route(EVALS_QUERY_PATH, _guard(query_evals), methods=["POST"]),
        Route(EVAL_SCORES_PATH, _guard(eval_scores), methods=["GET"]),
        Route(SCORE_PATH, _guard(add_scores), methods=["POST"]),
        Route(FEEDBACK_PATH, _guard(feedback), methods=["POST"]),
        Route(ADD_EVAL_PATH, _guard(add_eval), methods=["POST"]),
    ]
    app = Starlette(routes=routes, exception_handlers={Exception: _crash_handler})
    return _CatchAll(app)


async def _crash_handler(request: Request, exc: Exception) -> Response:
    return _answer({"message": "Internal Server Error", "details": "Internal Server Error"}, 500)


class _CatchAll:
    """Outermost: an exception that escapes the app never reaches uvicorn, which would print a
    traceback and drop the keep-alive connection."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking)
        except Exception:
            if not started:
                response = _answer(
                    {"message": "Internal Server Error", "details": "Internal Server Error"}, 500
                )
                await response(scope, receive, send)
