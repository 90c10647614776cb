"""Retries: which failures, how many, how long between them, and Retry-After."""

from __future__ import annotations

import email.utils
import socket
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from client_support import OK_BODY, URL, Harness, reply
from pytest_httpx import HTTPXMock

from helicone_evals import (
    APIConnectionError,
    APITimeoutError,
    AsyncHeliconeEvals,
    AuthenticationError,
    BadRequestError,
    HeliconeEvals,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    UnprocessableEntityError,
    _base_client,
)


async def test_a_5xx_is_retried_twice_by_default_with_exponential_backoff(
    api: Harness, httpx_mock: HTTPXMock, sleeps: list[float]
) -> None:
    reply(httpx_mock, status_code=503, json={"data": None, "error": "overloaded"}, times=3)
    with pytest.raises(InternalServerError, match="overloaded"):
        await api.query()
    assert len(httpx_mock.get_requests()) == 3
    assert sleeps == [0.5, 1.0]


async def test_a_retry_that_succeeds_returns_the_data(
    api: Harness, httpx_mock: HTTPXMock, sleeps: list[float]
) -> None:
    reply(httpx_mock, status_code=502, text="<html><title>502 Bad Gateway</title></html>")
    reply(httpx_mock, json=OK_BODY)
    result = await api.query()
    assert result.names == ["accuracy", "latency-score"]
    assert sleeps == [0.5]


@pytest.mark.parametrize("status", [408, 409, 429, 500, 502, 503, 504])
async def test_retryable_statuses(
    api: Harness, httpx_mock: HTTPXMock, sleeps: list[float], status: int
) -> None:
    reply(httpx_mock, status_code=status, text="busy")
    reply(httpx_mock, json=OK_BODY)
    await api.query()
    assert len(httpx_mock.get_requests()) == 2


@pytest.mark.parametrize(
    ("status", "error_type"),
    [
        (400, BadRequestError),
        (401, AuthenticationError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (422, UnprocessableEntityError),
    ],
)
async def test_client_errors_are_not_retried(
    api: Harness,
    httpx_mock: HTTPXMock,
    sleeps: list[float],
    status: int,
    error_type: type[Exception],
) -> None:
    reply(httpx_mock, status_code=status, text="no")
    with pytest.raises(error_type):
        await api.query()
    assert len(httpx_mock.get_requests()) == 1
    assert sleeps == []


async def test_max_retries_from_the_client_and_per_call(
    make: Callable[..., Harness], httpx_mock: HTTPXMock, sleeps: list[float]
) -> None:
    api = make(max_retries=0)
    reply(httpx_mock, status_code=500, text="x", times=1 + 2)
    with pytest.raises(InternalServerError):
        await api.query()
    assert len(httpx_mock.get_requests()) == 1
    with pytest.raises(InternalServerError):
        await api.query(max_retries=1)
    assert len(httpx_mock.get_requests()) == 3
    assert sleeps == [0.5]


async def test_backoff_doubles_up_to_eight_seconds(
    make: Callable[..., Harness], httpx_mock: HTTPXMock, sleeps: list[float]
) -> None:
    reply(httpx_mock, status_code=500, text="x", times=7)
    with pytest.raises(InternalServerError):
        await make(max_retries=6).query()
    assert sleeps == [0.5, 1.0, 2.0, 4.0, 8.0, 8.0]


async def test_jitter_shortens_each_wait_by_at_most_a_quarter(
    api: Harness, httpx_mock: HTTPXMock, sleeps: list[float], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_base_client, "jitter", lambda: 1.0)  # the largest draw of random()
    reply(httpx_mock, status_code=500, text="x", times=3)
    with pytest.raises(InternalServerError):
        await api.query()
    assert sleeps == [0.375, 0.75]


def test_real_jitter_stays_within_its_bounds(monkeypatch: pytest.MonkeyPatch) -> None:
    import random

    monkeypatch.setattr(_base_client, "jitter", random.random)
    delays = [_base_client.backoff(2) for _ in range(200)]
    assert all(1.5 < d <= 2.0 for d in delays)
    assert len(set(delays)) > 1


async def test_retry_after_in_seconds_is_honoured(
    api: Harness, httpx_mock: HTTPXMock, sleeps: list[float]
) -> None:
    reply(httpx_mock, status_code=429, headers={"Retry-After": "7"}, json={"error": "slow down"})
    reply(httpx_mock, json=OK_BODY)
    await api.query()
    assert sleeps == [7.0]


async def test_retry_after_as_an_http_date_is_honoured(
    api: Harness, httpx_mock: HTTPXMock, sleeps: list[float]
) -> None:
    when = datetime.now(UTC) + timedelta(seconds=30)
    header = email.utils.format_datetime(when, usegmt=True)
    reply(httpx_mock, status_code=503, headers={"Retry-After": header}, text="maintenance")
    reply(httpx_mock, json=OK_BODY)
    await api.query()
    (delay,) = sleeps
    assert 27 < delay <= 30


async def test_a_retry_after_date_in_the_past_retries_at_once(
    api: Harness, httpx_mock: HTTPXMock, sleeps: list[float]
) -> None:
    header = email.utils.format_datetime(datetime.now(UTC) - timedelta(hours=1), usegmt=True)
    reply(httpx_mock, status_code=503, headers={"Retry-After": header}, text="x")
    reply(httpx_mock, json=OK_BODY)
    await api.query()
    assert sleeps == [0.0]


async def test_sixty_seconds_of_retry_after_is_still_waited(
    api: Harness, httpx_mock: HTTPXMock, sleeps: list[float]
) -> None:
    reply(httpx_mock, status_code=429, headers={"Retry-After": "60"}, text="x")
    reply(httpx_mock, json=OK_BODY)
    await api.query()
    assert sleeps == [60.0]


@pytest.mark.parametrize(
    "retry_after",
    [
        "61",
        "3600",
        email.utils.format_datetime(datetime.now(UTC) + timedelta(hours=2), usegmt=True),
    ],
    ids=["61 s", "an hour", "a date two hours ahead"],
)
async def test_a_retry_after_over_sixty_seconds_raises_at_once(
    api: Harness, httpx_mock: HTTPXMock, sleeps: list[float], retry_after: str
) -> None:
    reply(
        httpx_mock, status_code=429, headers={"Retry-After": retry_after}, json={"error": "quota"}
    )
    with pytest.raises(RateLimitError, match="quota") as caught:
        await api.query()
    assert caught.value.response.headers["retry-after"] == retry_after
    assert len(httpx_mock.get_requests()) == 1
    assert sleeps == []


async def test_an_unreadable_retry_after_falls_back_to_backoff(
    api: Harness, httpx_mock: HTTPXMock, sleeps: list[float]
) -> None:
    reply(httpx_mock, status_code=429, headers={"Retry-After": "soon-ish"}, text="x")
    reply(httpx_mock, json=OK_BODY)
    await api.query()
    assert sleeps == [0.5]


async def test_timeouts_are_retried_then_raise_api_timeout_error(
    api: Harness, httpx_mock: HTTPXMock, sleeps: list[float]
) -> None:
    for _ in range(3):
        httpx_mock.add_exception(httpx.ReadTimeout("read timed out"), url=URL)
    with pytest.raises(APITimeoutError) as caught:
        await api.query()
    assert isinstance(caught.value, APIConnectionError)
    assert "timed out" in caught.value.message
    assert isinstance(caught.value.__cause__, httpx.ReadTimeout)
    assert caught.value.request is not None
    assert sleeps == [0.5, 1.0]


async def test_connection_errors_are_retried_then_raise_api_connection_error(
    api: Harness, httpx_mock: HTTPXMock, sleeps: list[float]
) -> None:
    httpx_mock.add_exception(httpx.ConnectError("[Errno 111] Connection refused"), url=URL)
    httpx_mock.add_exception(httpx.RemoteProtocolError("Server disconnected"), url=URL)
    reply(httpx_mock, json=OK_BODY)
    result = await api.query()
    assert result.names == ["accuracy", "latency-score"]
    assert sleeps == [0.5, 1.0]


async def test_a_redirect_loop_is_not_retried(
    api: Harness, httpx_mock: HTTPXMock, sleeps: list[float]
) -> None:
    httpx_mock.add_exception(httpx.TooManyRedirects("Exceeded maximum allowed redirects."), url=URL)
    with pytest.raises(APIConnectionError, match="redirects"):
        await api.query()
    assert sleeps == []


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_connection_refused_by_a_real_socket(sleeps: list[float]) -> None:
    url = f"http://127.0.0.1:{closed_port()}"
    with (
        HeliconeEvals("sk-local", base_url=url, max_retries=1) as client,
        pytest.raises(APIConnectionError) as caught,
    ):
        client.query_score_distributions(start=timedelta(hours=1))
    assert not isinstance(caught.value, APITimeoutError)
    assert caught.value.message.startswith("Connection error")
    assert sleeps == [0.5]


async def test_connection_refused_by_a_real_socket_async(sleeps: list[float]) -> None:
    url = f"http://127.0.0.1:{closed_port()}"
    async with AsyncHeliconeEvals("sk-local", base_url=url, max_retries=0) as client:
        with pytest.raises(APIConnectionError):
            await client.query_score_distributions(start=timedelta(hours=1))
    assert sleeps == []
