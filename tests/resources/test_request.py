"""``client.request(operation_id, ...)``: every selected operation through the one transport."""

from __future__ import annotations

import logging
import typing
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from pytest_httpx import HTTPXMock
from resources_support import BASE, KEY, OK_NULL, REQUEST_ID, Api, FakeClock, sent_json

from helicone_evals import (
    ArgumentError,
    AsyncHeliconeEvals,
    HeliconeEvals,
    InternalServerError,
    NotFoundError,
    RawResponse,
    ResultError,
)
from helicone_evals_generated import shapes
from helicone_evals_generated.operations import OPERATIONS

SCORE_URL = f"{BASE}/v1/request/{REQUEST_ID}/score"


def _empty_data(shape: str) -> Any:
    """The smallest valid ``data`` of a success envelope: None, or an empty list."""
    data_type = typing.get_type_hints(getattr(shapes, shape))["data"]
    return None if data_type is type(None) else []


@pytest.mark.parametrize("operation_id", list(OPERATIONS))
async def test_every_selected_operation_is_callable_through_request(
    api: Api, httpx_mock: HTTPXMock, operation_id: str
) -> None:
    operation = OPERATIONS[operation_id]
    path_params = {wire: REQUEST_ID for wire, _ in operation.path_params}
    path = operation.path.format(**path_params)
    data = _empty_data(operation.success_shape)
    httpx_mock.add_response(
        method=operation.method,
        url=BASE + path,
        status_code=operation.success_statuses[0],
        json={"data": data, "error": None},
    )
    body = {} if operation.request_schema else None
    result = await api.call(
        lambda c: c.request(operation_id, path_params=path_params or None, json=body)
    )
    assert result == data
    (request,) = httpx_mock.get_requests()
    assert request.headers["authorization"] == f"Bearer {KEY}"
    if body is None:
        assert request.content == b""
    else:
        assert sent_json(request) == {}
        assert request.headers["content-type"] == "application/json"


async def test_path_params_take_the_api_name_or_the_python_name_and_are_quoted(
    api: Api, httpx_mock: HTTPXMock
) -> None:
    httpx_mock.add_response(url=SCORE_URL, status_code=201, json=OK_NULL)
    httpx_mock.add_response(url=f"{BASE}/v1/request/a%2Fb%3F/score", status_code=201, json=OK_NULL)
    body = {"scores": {"accuracy": 87}}
    assert (
        await api.call(
            lambda c: c.request("AddScores", path_params={"requestId": REQUEST_ID}, json=body)
        )
        is None
    )
    await api.call(lambda c: c.request("AddScores", path_params={"request_id": "a/b?"}, json=body))
    first, second = httpx_mock.get_requests()
    assert sent_json(first) == body
    assert second.url.raw_path == b"/v1/request/a%2Fb%3F/score"


@pytest.mark.parametrize(
    ("args", "words"),
    [
        pytest.param(("NoSuchOperation",), {}, id="unknown operation"),
        pytest.param(("AddScores",), {"json": {"scores": {}}}, id="missing path param"),
        pytest.param(
            ("AddScores",),
            {"path_params": {"requestId": REQUEST_ID, "org": "x"}, "json": {}},
            id="unknown path param",
        ),
        pytest.param(
            ("AddScores",), {"path_params": {"requestId": ""}, "json": {}}, id="empty path param"
        ),
        pytest.param(("AddScores",), {"path_params": {"requestId": REQUEST_ID}}, id="no body"),
        pytest.param(("GetEvalScores",), {"json": {"a": 1}}, id="body where none is taken"),
        pytest.param(("GetEvalScores",), {"path_params": {"x": "y"}}, id="params where none"),
        pytest.param(("QueryEvals",), {"json": {"limit": float("nan")}}, id="NaN is not JSON"),
        pytest.param(("QueryEvals",), {"json": {"when": {1, 2}}}, id="a set is not JSON"),
    ],
)
async def test_bad_low_level_calls_fail_before_any_request(
    api: Api, httpx_mock: HTTPXMock, args: tuple[str, ...], words: dict[str, Any]
) -> None:
    with pytest.raises(ArgumentError) as caught:
        await api.call(lambda c: c.request(*args, **words))
    assert isinstance(caught.value, ValueError)
    assert httpx_mock.get_requests() == []
    message = str(caught.value)
    assert message.split(":")[0] in ("operation_id", "path_params", "json") or message.startswith(
        "path_params["
    )
    if args[0] == "NoSuchOperation":
        assert "QueryScoreDistributions" in message
        assert "AddScores" in message


async def test_the_transport_retries_and_types_errors_for_any_operation(
    api: Api, httpx_mock: HTTPXMock, clock: FakeClock
) -> None:
    url = f"{BASE}/v1/evals/scores"
    httpx_mock.add_response(url=url, status_code=503, text="busy")
    httpx_mock.add_response(url=url, json={"data": ["accuracy"], "error": None})
    assert await api.call(lambda c: c.request("GetEvalScores")) == ["accuracy"]
    assert clock.slept == [0.5]

    httpx_mock.add_response(url=url, status_code=404, text="Cannot GET /v1/evals/scores")
    with pytest.raises(NotFoundError, match="Cannot GET"):
        await api.call(lambda c: c.request("GetEvalScores"))

    httpx_mock.add_response(url=url, status_code=500, json={"data": None, "error": "db down"})
    httpx_mock.add_response(url=url, status_code=500, json={"data": None, "error": "db down"})
    with pytest.raises(InternalServerError, match="db down"):
        await api.call(lambda c: c.request("GetEvalScores", max_retries=1))
    assert len(httpx_mock.get_requests()) == 5


async def test_a_2xx_envelope_with_an_error_is_a_result_error(
    api: Api, httpx_mock: HTTPXMock
) -> None:
    httpx_mock.add_response(json={"data": None, "error": "Failed to fetch eval scores"})
    with pytest.raises(ResultError, match="Failed to fetch eval scores"):
        await api.call(lambda c: c.request("GetEvalScores"))


async def test_with_raw_response_request_gives_the_response_and_the_data(
    api: Api, httpx_mock: HTTPXMock
) -> None:
    httpx_mock.add_response(url=SCORE_URL, status_code=201, json=OK_NULL, headers={"x-id": "7"})
    raw = await api.call(
        lambda c: c.with_raw_response.request(
            "AddScores", path_params={"requestId": REQUEST_ID}, json={"scores": {"a": 1}}
        )
    )
    assert isinstance(raw, RawResponse)
    assert raw.status_code == 201
    assert raw.headers["x-id"] == "7"
    assert raw.parsed is None
    assert raw.parse() is None


async def test_the_final_url_of_a_redirected_call_is_logged(
    api: Api, httpx_mock: HTTPXMock, caplog: pytest.LogCaptureFixture
) -> None:
    moved = "https://eu.api.helicone.test/v1/evals/scores"
    httpx_mock.add_response(
        url=f"{BASE}/v1/evals/scores", status_code=307, headers={"Location": moved}
    )
    httpx_mock.add_response(url=moved, json={"data": [], "error": None})
    assert await api.call(lambda c: c.request("GetEvalScores")) == []
    lines = [r.getMessage() for r in caplog.records if r.levelno == logging.DEBUG]
    assert any(line.startswith(f"GET {moved} -> 200") for line in lines), lines


async def test_an_http_client_of_your_own_gets_this_clients_url_and_key(
    kind: str, httpx_mock: HTTPXMock
) -> None:
    httpx_mock.add_response(url=SCORE_URL, status_code=201, json=OK_NULL)
    http: Any = httpx.Client() if kind == "sync" else httpx.AsyncClient()
    cls: Callable[..., Any] = HeliconeEvals if kind == "sync" else AsyncHeliconeEvals
    api = Api.__new__(Api)
    api.kind, api.client = kind, cls(KEY, base_url=BASE, http_client=http)
    await api.call(lambda c: c.scores.add(REQUEST_ID, {"accuracy": 1}))
    await api.close()
    (request,) = httpx_mock.get_requests()
    assert request.headers["authorization"] == f"Bearer {KEY}"
    assert sent_json(request) == {"scores": {"accuracy": 1}}
    assert not http.is_closed  # yours to close
    if kind == "sync":
        http.close()
    else:
        await http.aclose()


async def test_with_options_sends_the_new_key_through_the_shared_pool(
    api: Api, httpx_mock: HTTPXMock
) -> None:
    httpx_mock.add_response(json={"data": [], "error": None})
    httpx_mock.add_response(json={"data": [], "error": None})
    other = api.client.with_options(api_key="sk-other-key")
    copy = Api.__new__(Api)
    copy.kind, copy.client = api.kind, other
    await copy.call(lambda c: c.request("GetEvalScores"))
    await api.call(lambda c: c.request("GetEvalScores"))
    first, second = httpx_mock.get_requests()
    assert first.headers["authorization"] == "Bearer sk-other-key"
    assert second.headers["authorization"] == f"Bearer {KEY}"


def test_the_low_level_entry_point_is_documented_where_editors_look() -> None:
    doc = HeliconeEvals.request.__doc__ or ""
    assert "operationId" in doc
    assert "path_params" in doc
    with HeliconeEvals(KEY, base_url=BASE) as client:
        assert client.request.__doc__ == doc
        assert client.with_raw_response.request.__doc__ == doc
        import inspect

        params = list(inspect.signature(client.request).parameters)
        assert params == ["operation_id", "path_params", "json", "max_retries", "timeout"]
