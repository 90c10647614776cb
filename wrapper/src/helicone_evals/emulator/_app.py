"""The emulator's HTTP layer: ``POST /v1/evals/score-distributions/query`` as the server answers it.

In the server's order: the Bearer key (401), the body (422), the filter (500 "Internal Server
Error" for a leaf without an operator), the time window (500 "Invalid time value"), the
query (500 with the database's message), then 200 ``{"data": [...], "error": null}``.
``limit``, ``offset`` and ``timeZoneDifference`` are validated and ignored, like the server.
"""

from __future__ import annotations

from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from ._sql import Compiled, QueryFailed, ServerCrash, compile_filter
from ._store import Store
from ._timeparse import parse_js_date
from ._validate import Rejected, parse_json_body, validate_body

__all__ = ["PATH", "create_app"]

PATH = "/v1/evals/score-distributions/query"


def _unauthorized(message: str) -> JSONResponse:
    return JSONResponse({"error": message, "trace": "isAuthenticated.error"}, status_code=401)


def _check_key(request: Request, api_key: str | None) -> JSONResponse | None:
    header = request.headers.get("authorization")
    if not header:
        return _unauthorized("No authorization header")
    scheme, _, key = header.partition(" ")
    if scheme.lower() != "bearer" or not key.strip():
        return _unauthorized("Invalid authorization header: expected 'Bearer <api key>'")
    if api_key is not None and key.strip() != api_key:
        return _unauthorized("Invalid API key")
    return None


def create_app(store: Store, *, api_key: str | None = None) -> Starlette:
    """The ASGI app over ``store``. With ``api_key`` only that key is accepted, else any."""

    async def query(request: Request) -> JSONResponse:
        refused = _check_key(request, api_key)
        if refused is not None:
            return refused
        try:
            body = validate_body(
                parse_json_body(await request.body(), request.headers.get("content-type"))
            )
        except Rejected as exc:
            return JSONResponse(exc.body, status_code=exc.status)

        # The filter is built first; a database refusal only shows when the query runs.
        failure: QueryFailed | None = None
        compiled = Compiled()
        try:
            where, params = compile_filter(body["filter"], compiled)
        except ServerCrash as exc:
            return JSONResponse(
                {"message": "Internal Server Error", "details": str(exc)}, status_code=500
            )
        except QueryFailed as exc:
            failure, where, params = exc, "false", []

        time_filter: dict[str, Any] = body["timeFilter"]
        start = parse_js_date(str(time_filter["start"]))
        end = parse_js_date(str(time_filter["end"]))
        if start is None or end is None:
            return JSONResponse({"data": None, "error": "Invalid time value"}, status_code=500)
        if failure is not None:
            return JSONResponse({"data": None, "error": str(failure)}, status_code=500)
        try:
            data = await run_in_threadpool(
                # The server binds whole seconds: its milliseconds are dropped.
                store.distributions,
                where,
                params,
                start.replace(microsecond=0),
                end.replace(microsecond=0),
            )
        except Exception as exc:  # a database error passes its raw message, as on the server
            return JSONResponse({"data": None, "error": str(exc)}, status_code=500)
        return JSONResponse({"data": data, "error": None})

    return Starlette(routes=[Route(PATH, query, methods=["POST"])])
