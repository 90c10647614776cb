"""``client.evals``: score distributions, per-score statistics, names, comparisons."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from pytest_httpx import HTTPXMock
from resources_support import BASE, Api, sent_json

from helicone_evals import (
    ArgumentError,
    Comparison,
    EvalSummaries,
    EvalSummary,
    F,
    FilterError,
    RawResponse,
    ResponseValidationError,
    ScoreDistributions,
)

QUERY_URL = f"{BASE}/v1/evals/query"
DIST_URL = f"{BASE}/v1/evals/score-distributions/query"
START = "2024-01-05T10:00:00+00:00"
END = "2024-01-05T11:30:00+00:00"


def hour(h: int) -> str:
    return f"2024-01-05T{h:02d}:00:00.000Z"


# Hour 10 has scores 2 and 4, hour 11 has 6: the notes' example of the server's arithmetic.
# "tone" has no score in the window: the server still lists it.
EVALS: dict[str, Any] = {
    "data": [
        {
            "name": "accuracy",
            "averageScore": 3,
            "minScore": 2,
            "maxScore": 6,
            "count": 3,
            "overTime": [{"date": hour(10), "count": 2}, {"date": hour(11), "count": 1}],
            "averageOverTime": [{"date": hour(10), "value": 3}, {"date": hour(11), "value": 6}],
        },
        {
            "name": "tone",
            "averageScore": None,
            "minScore": None,
            "maxScore": None,
            "count": 0,
            "overTime": [{"date": hour(10), "count": 0}, {"date": hour(11), "count": 0}],
            "averageOverTime": [{"date": hour(10), "value": 0}, {"date": hour(11), "value": 0}],
        },
    ],
    "error": None,
}


async def test_query_returns_one_summary_per_score_with_a_correct_mean(
    api: Api, httpx_mock: HTTPXMock
) -> None:
    httpx_mock.add_response(url=QUERY_URL, method="POST", json=EVALS)
    result = await api.call(lambda c: c.evals.query(F.model.equals("gpt-4o"), start=START, end=END))
    assert isinstance(result, EvalSummaries)
    assert result.names == ["accuracy", "tone"]
    accuracy = result["accuracy"]
    assert isinstance(accuracy, EvalSummary)
    assert accuracy.average_score == 3  # the server's (3 + 6) / 3
    assert accuracy.mean == 4  # (3 * 2 + 6 * 1) / 3
    assert (accuracy.min_score, accuracy.max_score, accuracy.count) == (2, 6, 3)
    ten = datetime(2024, 1, 5, 10, tzinfo=UTC)
    assert [(h.date, h.count) for h in accuracy.over_time] == [
        (ten, 2),
        (ten + timedelta(hours=1), 1),
    ]
    assert accuracy.average_over_time[1].value == 6
    assert accuracy.over_time[0].date.tzinfo is not None
    tone = result["tone"]
    assert (tone.count, tone.mean, tone.average_score, tone.min_score) == (0, None, None, None)
    body = sent_json(httpx_mock.get_requests()[0])
    assert body == {
        "filter": {"request_response_rmt": {"model": {"equals": "gpt-4o"}}},
        "timeFilter": {"start": START, "end": END},
    }


async def test_query_sends_a_time_zone_difference_when_given(
    api: Api, httpx_mock: HTTPXMock
) -> None:
    httpx_mock.add_response(url=QUERY_URL, json={"data": [], "error": None})
    assert (
        await api.call(lambda c: c.evals.query(start=START, end=END, time_zone_difference=-330))
        == []
    )
    assert sent_json(httpx_mock.get_requests()[0])["timeZoneDifference"] == -330


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        pytest.param({"time_zone_difference": 1441}, ArgumentError, id="tz too large"),
        pytest.param({"time_zone_difference": 1.5}, ArgumentError, id="tz not whole"),
        pytest.param({"start": END, "end": START}, FilterError, id="start after end"),
        pytest.param({"filter": "model ="}, FilterError, id="bad filter text"),
    ],
)
async def test_bad_query_arguments_fail_before_any_request(
    api: Api, httpx_mock: HTTPXMock, kwargs: dict[str, Any], error: type[Exception]
) -> None:
    args: dict[str, Any] = {"start": START, "end": END, **kwargs}
    with pytest.raises(error):
        await api.call(lambda c: c.evals.query(**args))
    assert httpx_mock.get_requests() == []


async def test_an_hour_that_is_not_a_time_is_a_response_validation_error(
    api: Api, httpx_mock: HTTPXMock
) -> None:
    bad = {"data": [dict(EVALS["data"][0], overTime=[{"date": "soon", "count": 1}])], "error": None}
    httpx_mock.add_response(url=QUERY_URL, json=bad)
    with pytest.raises(ResponseValidationError, match="soon"):
        await api.call(lambda c: c.evals.query(start=START, end=END))


def test_summaries_to_pandas_per_score_and_per_hour() -> None:
    from helicone_evals._evals import parse_summaries

    summaries = parse_summaries(EVALS["data"])
    frame = summaries.to_pandas()
    assert list(frame["name"]) == ["accuracy", "tone"]
    assert frame.loc[0, "mean"] == 4
    assert frame.loc[0, "average_score"] == 3
    hourly = summaries.to_pandas(hourly=True)
    assert list(hourly.columns) == ["name", "date", "count", "average"]
    assert len(hourly) == 4
    assert list(hourly["count"])[:2] == [2, 1]
    assert summaries.to_list()[0]["over_time"][0] == {
        "date": "2024-01-05T10:00:00+00:00",
        "count": 2,
    }


async def test_score_names_are_the_names_as_stored(api: Api, httpx_mock: HTTPXMock) -> None:
    names = ["accuracy", "helpful-hcone-bool", "helicone-score-feedback"]
    httpx_mock.add_response(
        url=f"{BASE}/v1/evals/scores", method="GET", json={"data": names, "error": None}
    )
    assert await api.call(lambda c: c.evals.score_names()) == names


async def test_query_score_distributions_is_evals_score_distributions(
    api: Api, httpx_mock: HTTPXMock
) -> None:
    body = {
        "data": [{"name": "a", "distribution": [{"lower": 1, "upper": 1, "value": 2}]}],
        "error": None,
    }
    httpx_mock.add_response(url=DIST_URL, json=body)
    httpx_mock.add_response(url=DIST_URL, json=body)
    flt = F.cost > 0.5
    first = await api.call(
        lambda c: c.query_score_distributions(flt, start=START, end=END, limit=3)
    )
    second = await api.call(
        lambda c: c.evals.score_distributions(flt, start=START, end=END, limit=3)
    )
    assert isinstance(first, ScoreDistributions)
    assert first.to_list() == second.to_list() == body["data"]
    one, two = httpx_mock.get_requests()
    assert one.content == two.content
    assert type(api.client).query_score_distributions is type(api.client.evals).score_distributions


async def test_every_single_request_method_has_a_raw_response_variant(
    api: Api, httpx_mock: HTTPXMock
) -> None:
    httpx_mock.add_response(url=QUERY_URL, json=EVALS, headers={"x-request": "q"})
    raw = await api.call(lambda c: c.with_raw_response.evals.query(start=START, end=END))
    assert isinstance(raw, RawResponse)
    assert raw.headers["x-request"] == "q"
    assert raw.parsed["accuracy"].mean == 4
    httpx_mock.add_response(url=DIST_URL, json={"data": [], "error": None})
    raw = await api.call(
        lambda c: c.with_raw_response.query_score_distributions(start=START, end=END)
    )
    assert raw.status_code == 200
    assert raw.parsed == []


def _histogram(name: str, values: dict[float, int]) -> dict[str, Any]:
    """The server's histogram of <= 10 distinct values (bins at midpoints, exact counts)."""
    keys = sorted(values)
    buckets = []
    for i, v in enumerate(keys):
        lower = v if i == 0 else (keys[i - 1] + 3 * v) / 4
        upper = v if i == len(keys) - 1 else (keys[i + 1] + 3 * v) / 4
        buckets.append({"lower": lower, "upper": upper, "value": values[v]})
    return {"name": name, "distribution": buckets}


async def test_compare_runs_both_queries_and_compares_them(api: Api, httpx_mock: HTTPXMock) -> None:
    base = {"data": [_histogram("accuracy", {1: 40, 2: 40, 3: 20})], "error": None}
    cand = {"data": [_histogram("accuracy", {1: 5, 2: 30, 3: 65})], "error": None}

    def answer(request: Any) -> Any:
        import httpx

        model = sent_json(request)["filter"]["request_response_rmt"]["model"]["equals"]
        return httpx.Response(200, json=base if model == "a" else cand)

    httpx_mock.add_callback(answer, url=DIST_URL, is_reusable=True)
    result = await api.call(
        lambda c: c.evals.compare(
            baseline=F.model.equals("a"), candidate=F.model.equals("b"), start=timedelta(days=7)
        )
    )
    assert isinstance(result, Comparison)
    assert result["accuracy"].verdict == "better"
    assert len(httpx_mock.get_requests()) == 2


async def test_bad_comparisons_fail_before_any_request(api: Api, httpx_mock: HTTPXMock) -> None:
    with pytest.raises(ArgumentError, match="alpha"):
        await api.call(
            lambda c: c.evals.compare(
                baseline=F.all, candidate=F.model.equals("b"), start=timedelta(days=7), alpha=2
            )
        )
    assert httpx_mock.get_requests() == []
