"""Constructing, configuring, copying and closing the clients; raw responses; logging."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import timedelta

import httpx
import pytest
from client_support import BASE, KEY, OK_BODY, URL, Harness, reply
from pytest_httpx import HTTPXMock

from helicone_evals import (
    ArgumentError,
    AsyncHeliconeEvals,
    HeliconeError,
    HeliconeEvals,
    _logging,
)
from helicone_evals_generated.client import AuthenticatedClient
from helicone_evals_generated.client.api.evals import query_score_distributions
from helicone_evals_generated.client.models import EvalQueryParams

CLIENTS = [HeliconeEvals, AsyncHeliconeEvals]


@pytest.mark.parametrize("cls", CLIENTS)
def test_no_key_anywhere_says_how_to_set_one(cls: type[HeliconeEvals]) -> None:
    with pytest.raises(HeliconeError) as caught:
        cls()
    assert "HELICONE_API_KEY" in str(caught.value)
    assert "api_key=" in str(caught.value)


@pytest.mark.parametrize("cls", CLIENTS)
def test_an_empty_key_counts_as_none(
    cls: type[HeliconeEvals], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HELICONE_API_KEY", "  ")
    with pytest.raises(HeliconeError, match="HELICONE_API_KEY"):
        cls()


async def test_key_and_base_url_come_from_the_environment(
    kind: str, monkeypatch: pytest.MonkeyPatch, httpx_mock: HTTPXMock
) -> None:
    monkeypatch.setenv("HELICONE_API_KEY", KEY)
    monkeypatch.setenv("HELICONE_BASE_URL", "http://localhost:8585/")
    httpx_mock.add_response(
        url="http://localhost:8585/v1/evals/score-distributions/query", json=OK_BODY
    )
    api = Harness(kind, api_key=None, base_url=None)
    assert api.client.base_url == "http://localhost:8585"
    await api.query()
    await api.close()
    assert httpx_mock.get_requests()[0].headers["authorization"] == f"Bearer {KEY}"


@pytest.mark.parametrize("cls", CLIENTS)
@pytest.mark.parametrize(
    ("region", "url"), [("us", "https://api.helicone.ai"), ("eu", "https://eu.api.helicone.ai")]
)
def test_region_picks_the_default_base_url(cls: type[HeliconeEvals], region: str, url: str) -> None:
    assert cls(KEY, region=region).base_url == url


@pytest.mark.parametrize("cls", CLIENTS)
@pytest.mark.parametrize(
    ("options", "words"),
    [
        pytest.param({"region": "asia"}, "region must be 'us' or 'eu', got 'asia'", id="region"),
        pytest.param({"region": None}, "region must be 'us' or 'eu'", id="region None"),
        pytest.param({"max_retries": -1}, "max_retries must be an int >= 0", id="max_retries"),
        pytest.param({"max_retries": 1.5}, "max_retries must be an int >= 0", id="float retries"),
        pytest.param({"timeout": -5}, "timeout must be a positive number of seconds", id="neg"),
        pytest.param({"timeout": float("nan")}, "an httpx.Timeout, or None", id="nan timeout"),
        pytest.param({"timeout": 10**400}, "timeout must be a positive number", id="huge int"),
        pytest.param({"timeout": "5"}, "timeout must be a positive number", id="str timeout"),
        pytest.param(
            {"base_url": "127.0.0.1:8586"},
            "base_url must be an absolute URL starting with http:// or https:// (e.g. "
            "'https://api.helicone.ai' or 'http://127.0.0.1:8585'); got '127.0.0.1:8586': "
            "did you mean 'http://127.0.0.1:8586'?",
            id="no scheme, local",
        ),
        pytest.param(
            {"base_url": "api.helicone.ai"},
            "did you mean 'https://api.helicone.ai'?",
            id="no scheme, remote",
        ),
        pytest.param({"base_url": "ftp://x.example"}, "must start with http://", id="ftp"),
        pytest.param({"base_url": "https://"}, "has no host", id="no host"),
        pytest.param({"base_url": "https://x.example/?a=1"}, "query or fragment", id="query"),
        pytest.param({"base_url": 8585}, "base_url must be a string", id="int url"),
        pytest.param(
            {"http_client": object()},
            "http_client must be an httpx.",
            id="http_client of a wrong type",
        ),
        pytest.param(
            {"max_response_bytes": 0}, "max_response_bytes must be a positive int", id="zero cap"
        ),
        pytest.param(
            {"strict_response_validation": "yes"},
            "strict_response_validation must be True or False, got 'yes'",
            id="strict not a bool",
        ),
    ],
)
def test_bad_settings_are_argument_errors_saying_what_is_accepted(
    cls: type[HeliconeEvals], options: dict[str, object], words: str
) -> None:
    with pytest.raises(ArgumentError) as caught:
        cls(KEY, **options)  # type: ignore[arg-type]
    assert words in str(caught.value)
    assert isinstance(caught.value, ValueError)


def test_a_wrong_kind_of_http_client_names_the_right_one() -> None:
    with (
        httpx.Client() as sync_pool,
        pytest.raises(ArgumentError, match=r"httpx.AsyncClient for AsyncHeliconeEvals"),
    ):
        AsyncHeliconeEvals(KEY, http_client=sync_pool)  # type: ignore[arg-type]


def test_a_base_url_without_scheme_from_the_environment_names_the_variable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("HELICONE_BASE_URL", "127.0.0.1:8585")
    with pytest.raises(ArgumentError, match=r"^HELICONE_BASE_URL must be an absolute URL"):
        HeliconeEvals(KEY)


@pytest.mark.parametrize("cls", CLIENTS)
@pytest.mark.parametrize(
    ("bad", "words"),
    [
        pytest.param("\n", "a line break at position 11", id="newline"),
        pytest.param("\x00", "a NUL character at position 11", id="nul"),
        pytest.param("é", "a non-ASCII character at position 11", id="non-ascii"),
        pytest.param(" ", "whitespace at position 11", id="space"),
        pytest.param("\x7f", "a control character at position 11", id="del"),
    ],
)
def test_a_key_that_cannot_be_a_header_is_refused_without_showing_it(
    cls: type[HeliconeEvals], bad: str, words: str
) -> None:
    key = "sk-helicon" + bad + "e-test-7f3a9c2e1b5d"
    with pytest.raises(ArgumentError) as caught:
        cls(key)
    message = str(caught.value)
    assert message.startswith("api_key contains " + words)
    assert "The key is not shown." in message
    for text in (message, repr(caught.value)):
        assert "helicon" not in text
        assert "7f3a9c" not in text


def test_a_bad_key_from_the_environment_names_the_variable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("HELICONE_API_KEY", "sk-abc\ndef")
    with pytest.raises(ArgumentError, match=r"^HELICONE_API_KEY contains a line break"):
        HeliconeEvals()


def test_a_key_with_a_trailing_newline_is_stripped_and_accepted(
    monkeypatch: pytest.MonkeyPatch, httpx_mock: HTTPXMock
) -> None:
    monkeypatch.setenv("HELICONE_API_KEY", KEY + "\n")
    reply(httpx_mock, json=OK_BODY)
    with HeliconeEvals(base_url=BASE) as client:
        client.query_score_distributions(start=timedelta(hours=1))
    assert httpx_mock.get_requests()[0].headers["authorization"] == f"Bearer {KEY}"


@pytest.mark.parametrize("cls", CLIENTS)
def test_an_empty_api_key_argument_is_refused(cls: type[HeliconeEvals]) -> None:
    with pytest.raises(ArgumentError, match=r"^api_key is empty: set the HELICONE_API_KEY"):
        cls("")


async def test_a_call_on_a_closed_client_is_a_helicone_error(api: Harness) -> None:
    await api.close()
    with pytest.raises(HeliconeError, match="this client is closed"):
        await api.query()


async def test_a_call_through_a_closed_passed_in_client_says_so(kind: str) -> None:
    passed: httpx.Client | httpx.AsyncClient = (
        httpx.Client() if kind == "sync" else httpx.AsyncClient()
    )
    api = Harness(kind, http_client=passed)
    if isinstance(passed, httpx.Client):
        passed.close()
    else:
        await passed.aclose()
    with pytest.raises(HeliconeError, match="the http_client passed to this client is closed"):
        await api.query()


@pytest.mark.parametrize("cls", CLIENTS)
def test_the_key_is_never_in_repr_or_str(cls: type[HeliconeEvals]) -> None:
    client = cls(KEY)
    for text in (repr(client), str(client), repr(client.generated_client)):
        assert KEY not in text
    assert (
        repr(client)
        == f"{cls.__name__}(base_url='https://api.helicone.ai', timeout=60.0, max_retries=2)"
    )
    copy = client.with_options(api_key=KEY + "-other")
    assert KEY not in repr(copy) + repr(copy.generated_client)


async def test_with_options_returns_a_configured_copy_sharing_the_pool(
    api: Harness, httpx_mock: HTTPXMock, sleeps: list[float]
) -> None:
    copy = api.with_options(max_retries=0, timeout=5.0)
    assert copy.client is not api.client
    assert copy.client.max_retries == 0
    assert api.client.max_retries == 2
    assert copy.client._http is api.client._http  # one connection pool
    reply(httpx_mock, status_code=500, text="x")
    with pytest.raises(HeliconeError):
        await copy.query()
    assert len(httpx_mock.get_requests()) == 1
    assert httpx_mock.get_requests()[0].extensions["timeout"]["read"] == 5.0


async def test_with_options_can_change_the_key_without_touching_the_original(
    api: Harness, httpx_mock: HTTPXMock
) -> None:
    reply(httpx_mock, json=OK_BODY, times=2)
    other = api.with_options(api_key="sk-other-key")
    await other.query()
    await api.query()
    first, second = httpx_mock.get_requests()
    assert first.headers["authorization"] == "Bearer sk-other-key"
    assert second.headers["authorization"] == f"Bearer {KEY}"


async def test_with_raw_response_gives_the_http_response_and_the_result(
    api: Harness, httpx_mock: HTTPXMock
) -> None:
    reply(httpx_mock, json=OK_BODY, headers={"x-request-id": "abc"})
    raw = await api.raw()
    assert isinstance(raw.http_response, httpx.Response)
    assert raw.status_code == 200
    assert raw.headers["x-request-id"] == "abc"
    assert raw.parse() is raw.parsed
    assert raw.parsed["accuracy"].total == 4


def test_the_generated_client_is_reachable_and_works_on_the_same_pool(
    httpx_mock: HTTPXMock,
) -> None:
    reply(httpx_mock, json=OK_BODY)
    with HeliconeEvals(KEY, base_url=BASE) as client:
        generated = client.generated_client
        assert isinstance(generated, AuthenticatedClient)
        assert generated.get_httpx_client() is client._http
        body = EvalQueryParams.from_dict(
            {
                "filter": "all",
                "timeFilter": {"start": "2024-01-01T00:00:00Z", "end": "2024-01-02T00:00:00Z"},
            }
        )
        response = query_score_distributions.sync_detailed(client=generated, body=body)
    assert response.status_code == 200
    assert httpx_mock.get_requests()[0].headers["authorization"] == f"Bearer {KEY}"


def test_a_passed_http_client_is_used_and_left_open(httpx_mock: HTTPXMock) -> None:
    reply(httpx_mock, json=OK_BODY)
    mine = httpx.Client()
    with HeliconeEvals(KEY, base_url=BASE, http_client=mine) as client:
        client.query_score_distributions(start=timedelta(hours=1))
    assert not mine.is_closed
    request = httpx_mock.get_requests()[0]
    assert request.headers["authorization"] == f"Bearer {KEY}"
    assert request.headers["user-agent"].startswith("helicone-evals-python/")
    mine.close()


async def test_a_passed_async_http_client_is_used_and_left_open(httpx_mock: HTTPXMock) -> None:
    reply(httpx_mock, json=OK_BODY)
    mine = httpx.AsyncClient()
    async with AsyncHeliconeEvals(KEY, base_url=BASE, http_client=mine) as client:
        await client.query_score_distributions(start=timedelta(hours=1))
    assert not mine.is_closed
    await mine.aclose()


def test_the_client_closes_the_pool_it_made() -> None:
    with HeliconeEvals(KEY) as client:
        pool = client._http
        assert not pool.is_closed
    assert pool.is_closed


async def test_the_async_client_closes_the_pool_it_made() -> None:
    async with AsyncHeliconeEvals(KEY) as client:
        pool = client._http
    assert pool.is_closed
    await client.aclose()  # closing twice is harmless


async def test_a_redirect_to_another_host_does_not_carry_the_key(
    api: Harness, httpx_mock: HTTPXMock
) -> None:
    elsewhere = "https://elsewhere.example/v1/evals/score-distributions/query"
    reply(httpx_mock, status_code=307, headers={"Location": elsewhere})
    httpx_mock.add_response(url=elsewhere, method="POST", json=OK_BODY)
    result = await api.query()
    assert result.names == ["accuracy", "latency-score"]
    first, second = httpx_mock.get_requests()
    assert first.headers["authorization"] == f"Bearer {KEY}"
    assert "authorization" not in second.headers
    assert str(second.url) == elsewhere


async def test_a_redirect_on_the_same_host_keeps_the_key(
    api: Harness, httpx_mock: HTTPXMock
) -> None:
    moved = BASE + "/v2/evals/score-distributions/query"
    reply(httpx_mock, status_code=308, headers={"Location": moved})
    httpx_mock.add_response(url=moved, method="POST", json=OK_BODY)
    await api.query()
    assert httpx_mock.get_requests()[1].headers["authorization"] == f"Bearer {KEY}"


async def test_a_redirect_from_a_passed_http_client_drops_the_key_too(
    kind: str, httpx_mock: HTTPXMock
) -> None:
    elsewhere = "https://elsewhere.example/q"
    reply(httpx_mock, status_code=307, headers={"Location": elsewhere})
    httpx_mock.add_response(url=elsewhere, method="POST", json=OK_BODY)
    passed = (
        httpx.Client(follow_redirects=True)
        if kind == "sync"
        else httpx.AsyncClient(follow_redirects=True)
    )
    api = Harness(kind, http_client=passed)
    await api.query()
    assert "authorization" not in httpx_mock.get_requests()[1].headers
    if kind == "sync":
        passed.close()  # type: ignore[union-attr]
    else:
        await passed.aclose()  # type: ignore[union-attr]


async def test_logs_name_method_url_status_retry_and_elapsed_but_never_the_key(
    api: Harness, httpx_mock: HTTPXMock, caplog: pytest.LogCaptureFixture
) -> None:
    reply(httpx_mock, status_code=503, text="busy")
    reply(httpx_mock, json=OK_BODY)
    await api.query()
    lines = [r.getMessage() for r in caplog.records if r.name == "helicone_evals"]
    assert any(
        line.startswith(f"POST {URL} -> 503 Service Unavailable (retry 0, ")
        and line.endswith(" ms)")
        for line in lines
    )
    assert any("Retrying POST" in line and "(retry 1 of 2)" in line for line in lines)
    assert any(line.startswith(f"POST {URL} -> 200 OK (retry 1, ") for line in lines)
    assert KEY not in caplog.text


@pytest.mark.parametrize(("value", "level"), [("debug", logging.DEBUG), ("INFO", logging.INFO)])
def test_helicone_log_configures_the_logger(
    monkeypatch: pytest.MonkeyPatch, value: str, level: int
) -> None:
    logger = logging.getLogger("helicone_evals")
    monkeypatch.setattr(logger, "handlers", [])
    monkeypatch.setattr(logger, "level", logging.NOTSET)
    monkeypatch.setenv("HELICONE_LOG", value)
    HeliconeEvals(KEY).close()
    assert logger.level == level
    assert len(logger.handlers) == 1
    assert _logging._configured


def test_without_helicone_log_the_logger_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    logger = logging.getLogger("helicone_evals")
    monkeypatch.setattr(logger, "handlers", [])
    monkeypatch.setattr(logger, "level", logging.NOTSET)
    HeliconeEvals(KEY).close()
    assert logger.level == logging.NOTSET
    assert logger.handlers == []


async def test_no_exception_text_from_any_failure_contains_the_key(
    make: Callable[..., Harness], httpx_mock: HTTPXMock
) -> None:
    api = make(max_retries=0)
    failures: list[BaseException] = []
    for response in (
        {"status_code": 400, "text": "Invalid token."},
        {"status_code": 401, "json": {"error": f"bad key {KEY}", "trace": "x"}},
        {"status_code": 422, "json": {"message": "Validation Failed", "details": {"k": KEY}}},
        {"status_code": 500, "text": f"<html><title>{KEY}</title></html>"},
        {"status_code": 200, "json": {"data": None, "error": f"org of {KEY} not found"}},
        {"status_code": 200, "text": f"not json {KEY}"},
    ):
        reply(httpx_mock, **response)
        with pytest.raises(HeliconeError) as caught:
            await api.query()
        failures.append(caught.value)
    httpx_mock.add_exception(httpx.ConnectError(f"refused {KEY}"), url=URL)
    with pytest.raises(HeliconeError) as caught:
        await api.query()
    failures.append(caught.value)
    for failure in failures:
        assert KEY not in str(failure)
        assert KEY not in repr(failure)
        assert KEY not in getattr(failure, "message", "")
