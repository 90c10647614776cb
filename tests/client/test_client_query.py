"""What the clients send: the request body, times, filters, headers; and what they refuse."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
from client_support import END, KEY, OK_BODY, START, URL, Harness, reply, sent_body
from pytest_httpx import HTTPXMock

from helicone_evals import F, FilterError, ScoreDistribution, ScoreDistributions, __version__
from helicone_evals_generated.client.models import EvalQueryParams


async def test_a_query_returns_the_distributions_by_position_and_by_name(
    api: Harness, httpx_mock: HTTPXMock
) -> None:
    reply(httpx_mock, json=OK_BODY)
    result = await api.query()
    assert isinstance(result, ScoreDistributions)
    assert isinstance(result, list)
    assert result.names == ["accuracy", "latency-score"]
    assert result[0] is result["accuracy"] is result.by_name("accuracy")
    assert isinstance(result[1], ScoreDistribution)
    assert [(b.lower, b.upper, b.value) for b in result["accuracy"].distribution] == [
        (0, 0.5, 2.75),
        (0.5, 1, 1.25),
    ]
    assert "latency-score" in result
    assert result.to_list() == OK_BODY["data"]


async def test_the_body_holds_filter_and_time_filter_and_nothing_else_by_default(
    api: Harness, httpx_mock: HTTPXMock
) -> None:
    reply(httpx_mock, json=OK_BODY)
    await api.query()
    (request,) = httpx_mock.get_requests()
    assert request.method == "POST"
    assert str(request.url) == URL
    assert sent_body(request) == {"filter": "all", "timeFilter": {"start": START, "end": END}}
    assert request.headers["content-type"] == "application/json"


async def test_the_body_reproduces_what_the_generated_model_would_send(
    api: Harness, httpx_mock: HTTPXMock
) -> None:
    reply(httpx_mock, json=OK_BODY)
    await api.query(F.model.equals("gpt-4o") & F.cost.gt(0.01), limit=5)
    body = sent_body(httpx_mock.get_requests()[0])
    assert EvalQueryParams.from_dict(body).to_dict() == body


async def test_optional_keys_are_sent_only_when_given(api: Harness, httpx_mock: HTTPXMock) -> None:
    reply(httpx_mock, json=OK_BODY)
    await api.query(limit=10, offset=0, time_zone_difference=-120)
    body = sent_body(httpx_mock.get_requests()[0])
    assert body["limit"] == 10
    assert body["offset"] == 0
    assert body["timeZoneDifference"] == -120


async def test_headers_carry_the_key_and_the_sdk_user_agent(
    api: Harness, httpx_mock: HTTPXMock
) -> None:
    reply(httpx_mock, json=OK_BODY)
    await api.query()
    request = httpx_mock.get_requests()[0]
    assert request.headers["authorization"] == f"Bearer {KEY}"
    assert request.headers["user-agent"] == f"helicone-evals-python/{__version__}"


async def test_times_are_sent_in_utc_with_an_explicit_offset(
    api: Harness, httpx_mock: HTTPXMock
) -> None:
    reply(httpx_mock, json=OK_BODY)
    plus_two = timezone(timedelta(hours=2))
    await api.query(start="2024-01-05T14:00:00+02:00", end=datetime(2024, 1, 6, 2, tzinfo=plus_two))
    body = sent_body(httpx_mock.get_requests()[0])
    assert body["timeFilter"] == {
        "start": "2024-01-05T12:00:00+00:00",
        "end": "2024-01-06T00:00:00+00:00",
    }


async def test_a_timedelta_start_is_that_long_before_end(
    api: Harness, httpx_mock: HTTPXMock
) -> None:
    reply(httpx_mock, json=OK_BODY)
    await api.query(start=timedelta(days=7), end="2024-01-08T00:00:00Z")
    assert sent_body(httpx_mock.get_requests()[0])["timeFilter"] == {"start": START, "end": END}


async def test_no_end_means_now(api: Harness, httpx_mock: HTTPXMock) -> None:
    reply(httpx_mock, json=OK_BODY)
    before = datetime.now(UTC)
    await api.query(start=timedelta(hours=1), end=None)
    after = datetime.now(UTC)
    window = sent_body(httpx_mock.get_requests()[0])["timeFilter"]
    end = datetime.fromisoformat(window["end"])
    assert before <= end <= after
    assert end - datetime.fromisoformat(window["start"]) == timedelta(hours=1)


@pytest.mark.parametrize(
    ("filter_arg", "expected"),
    [
        pytest.param(F.all, "all", id="F.all"),
        pytest.param("all", "all", id="wire all"),
        pytest.param(
            F.model.equals("gpt-4o"),
            {"request_response_rmt": {"model": {"equals": "gpt-4o"}}},
            id="Filter",
        ),
        pytest.param(
            {"request_response_rmt": {"model": {"equals": "gpt-4o"}}},
            {"request_response_rmt": {"model": {"equals": "gpt-4o"}}},
            id="wire dict",
        ),
        pytest.param(
            "model == 'gpt-4o'",
            {"request_response_rmt": {"model": {"equals": "gpt-4o"}}},
            id="text",
        ),
    ],
)
async def test_filter_takes_a_filter_wire_json_or_text(
    api: Harness, httpx_mock: HTTPXMock, filter_arg: Any, expected: Any
) -> None:
    reply(httpx_mock, json=OK_BODY)
    await api.query(filter_arg)
    assert sent_body(httpx_mock.get_requests()[0])["filter"] == expected


@pytest.mark.parametrize(
    ("kwargs", "words"),
    [
        pytest.param({"start": datetime(2024, 1, 1)}, "no timezone", id="naive start"),
        pytest.param({"end": "2024-01-08T00:00:00"}, "no timezone", id="naive end string"),
        pytest.param({"start": "last tuesday"}, "not an ISO-8601", id="unparseable"),
        pytest.param({"start": END, "end": START}, "must be before", id="start after end"),
        pytest.param({"start": START, "end": START}, "must be before", id="start equals end"),
        pytest.param({"start": timedelta(0)}, "positive", id="zero timedelta"),
        pytest.param({"start": timedelta(days=-1)}, "positive", id="negative timedelta"),
        pytest.param({"start": 1704067200}, "expected a timezone-aware", id="epoch int"),
        pytest.param({"limit": -1}, "limit", id="negative limit"),
        pytest.param({"offset": -5}, "offset", id="negative offset"),
        pytest.param({"limit": "10"}, "limit", id="string limit"),
        pytest.param({"limit": True}, "limit", id="bool limit"),
        pytest.param({"time_zone_difference": float("nan")}, "time_zone", id="nan tz"),
        pytest.param({"filter": 42}, "filter", id="filter of a wrong type"),
        pytest.param({"filter": {"request_response_rmt": {"nope": {}}}}, "nope", id="bad wire"),
        pytest.param({"filter": "model ="}, "F.parse", id="bad text"),
    ],
)
async def test_bad_arguments_raise_filter_error_before_any_request(
    api: Harness, httpx_mock: HTTPXMock, kwargs: dict[str, Any], words: str
) -> None:
    kwargs = dict(kwargs)  # the parameter dict is shared by the sync and the async run
    filter_arg = kwargs.pop("filter", "all")
    with pytest.raises(FilterError, match=words) as caught:
        await api.query(filter_arg, **kwargs)
    assert isinstance(caught.value, ValueError)  # FilterError is also a ValueError
    assert httpx_mock.get_requests() == []


async def test_per_call_timeout_and_the_client_timeout_reach_the_request(
    make: Callable[..., Harness], httpx_mock: HTTPXMock
) -> None:
    reply(httpx_mock, json=OK_BODY, times=2)
    api = make(timeout=12.5)
    await api.query()
    await api.query(timeout=3.0)
    first, second = httpx_mock.get_requests()
    assert first.extensions["timeout"]["read"] == 12.5
    assert second.extensions["timeout"]["read"] == 3.0
