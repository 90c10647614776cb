"""``client.scores``: add, feedback and wait_until_visible, against a mocked server."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from pytest_httpx import HTTPXMock
from resources_support import BASE, OK_NULL, REQUEST_ID, UUID7, Api, FakeClock, sent_json

from helicone_evals import ArgumentError, HeliconeError, InternalServerError, ScoresNotVisibleError

SCORE_URL = f"{BASE}/v1/request/{REQUEST_ID}/score"
FEEDBACK_URL = f"{BASE}/v1/request/{REQUEST_ID}/feedback"
QUERY_URL = f"{BASE}/v1/evals/score-distributions/query"


def distributions(*names: str) -> dict[str, Any]:
    return {
        "data": [
            {"name": n, "distribution": [{"lower": 1, "upper": 1, "value": 1}]} for n in names
        ],
        "error": None,
    }


async def test_add_sends_the_scores_and_returns_none_on_201(
    api: Api, httpx_mock: HTTPXMock
) -> None:
    httpx_mock.add_response(url=SCORE_URL, method="POST", status_code=201, json=OK_NULL)
    result = await api.call(
        lambda c: c.scores.add(REQUEST_ID, {"accuracy": 87, "helpful": True, "delta": -3})
    )
    assert result is None
    (request,) = httpx_mock.get_requests()
    assert request.content == b'{"scores":{"accuracy":87,"helpful":true,"delta":-3}}'


async def test_add_normalises_an_upper_case_request_id(api: Api, httpx_mock: HTTPXMock) -> None:
    httpx_mock.add_response(url=SCORE_URL, status_code=201, json=OK_NULL)
    await api.call(lambda c: c.scores.add(REQUEST_ID.upper(), {"accuracy": 1}))
    assert len(httpx_mock.get_requests()) == 1


async def test_a_write_is_retried_like_a_query(
    api: Api, httpx_mock: HTTPXMock, clock: FakeClock
) -> None:
    httpx_mock.add_response(url=SCORE_URL, status_code=502, text="bad gateway")
    httpx_mock.add_response(url=SCORE_URL, status_code=201, json=OK_NULL)
    await api.call(lambda c: c.scores.add(REQUEST_ID, {"accuracy": 1}))
    first, second = httpx_mock.get_requests()
    assert first.content == second.content  # the same body: the server's merge makes it safe
    assert clock.slept == [0.5]


async def test_the_500_for_a_non_integer_score_would_surface_typed(
    api: Api, httpx_mock: HTTPXMock
) -> None:
    # What the server answers a raw 1.5 (the SDK refuses it first; see below).
    body = {"message": "Internal Server Error", "details": "Internal Server Error"}
    httpx_mock.add_response(url=SCORE_URL, status_code=500, json=body)
    with pytest.raises(InternalServerError, match="Internal Server Error"):
        await api.call(
            lambda c: c.request(
                "AddScores",
                path_params={"requestId": REQUEST_ID},
                json={"scores": {"x": 1.5}},
                max_retries=0,
            )
        )


@pytest.mark.parametrize(
    ("request_id", "scores", "words"),
    [
        pytest.param("req-1", {"a": 1}, "expected a UUID", id="not a uuid"),
        pytest.param(REQUEST_ID.replace("-", ""), {"a": 1}, "expected a UUID", id="no hyphens"),
        pytest.param(42, {"a": 1}, "request_id: expected the request's id", id="int id"),
        pytest.param(REQUEST_ID, {"accuracy": 0.87}, r"scores\['accuracy'\]: 0.87", id="float"),
        pytest.param(REQUEST_ID, {"accuracy": 87.0}, r"int\(87.0\)", id="integral float"),
        pytest.param(REQUEST_ID, {"x": float("nan")}, r"scores\['x'\]", id="nan"),
        pytest.param(REQUEST_ID, {"x": 2**63}, "64-bit", id="above int64"),
        pytest.param(REQUEST_ID, {"x": -(2**63) - 1}, "64-bit", id="below int64"),
        pytest.param(REQUEST_ID, {"": 1}, "non-empty string", id="empty name"),
        pytest.param(REQUEST_ID, {3: 1}, "non-empty string", id="int name"),
        pytest.param(REQUEST_ID, {"x": "5"}, "expected an int or a bool", id="numeric string"),
        pytest.param(REQUEST_ID, {"x": None}, "expected an int or a bool", id="None"),
        pytest.param(REQUEST_ID, {}, "at least one", id="no scores"),
        pytest.param(REQUEST_ID, [("a", 1)], "mapping", id="pairs"),
    ],
)
async def test_bad_scores_fail_before_any_request(
    api: Api, httpx_mock: HTTPXMock, request_id: Any, scores: Any, words: str
) -> None:
    with pytest.raises(ArgumentError, match=words):
        await api.call(lambda c: c.scores.add(request_id, scores))
    assert httpx_mock.get_requests() == []


async def test_a_float_score_is_refused_naming_the_score_and_why(api: Api) -> None:
    with pytest.raises(ArgumentError) as caught:
        await api.call(lambda c: c.scores.add(REQUEST_ID, {"accuracy": 87, "quality": 0.5}))
    message = str(caught.value)
    assert "quality" in message
    assert "500" in message
    assert "store nothing" in message


async def test_feedback_is_a_boolean_rating(api: Api, httpx_mock: HTTPXMock) -> None:
    httpx_mock.add_response(url=FEEDBACK_URL, status_code=201, json=OK_NULL)
    httpx_mock.add_response(url=FEEDBACK_URL, status_code=201, json=OK_NULL)
    assert await api.call(lambda c: c.scores.feedback(REQUEST_ID, True)) is None
    await api.call(lambda c: c.scores.feedback(REQUEST_ID, rating=False))
    assert [sent_json(r) for r in httpx_mock.get_requests()] == [
        {"rating": True},
        {"rating": False},
    ]


@pytest.mark.parametrize(
    ("request_id", "rating", "words"),
    [
        pytest.param(REQUEST_ID, 1, "rating: expected True or False", id="int rating"),
        pytest.param(REQUEST_ID, "true", "rating", id="string rating"),
        pytest.param(UUID7, True, "version-7 UUID", id="uuid v7"),
        pytest.param("nope", True, "expected a UUID", id="not a uuid"),
    ],
)
async def test_bad_feedback_fails_before_any_request(
    api: Api, httpx_mock: HTTPXMock, request_id: str, rating: Any, words: str
) -> None:
    with pytest.raises(ArgumentError, match=words):
        await api.call(lambda c: c.scores.feedback(request_id, rating))
    assert httpx_mock.get_requests() == []


async def test_a_uuid_v7_may_still_be_scored(api: Api, httpx_mock: HTTPXMock) -> None:
    httpx_mock.add_response(url=f"{BASE}/v1/request/{UUID7}/score", status_code=201, json=OK_NULL)
    await api.call(lambda c: c.scores.add(UUID7, {"a": 1}))


async def test_wait_until_visible_polls_that_request_until_every_name_shows(
    api: Api, httpx_mock: HTTPXMock, clock: FakeClock
) -> None:
    httpx_mock.add_response(url=QUERY_URL, json=distributions())
    httpx_mock.add_response(url=QUERY_URL, json=distributions("accuracy"))
    httpx_mock.add_response(url=QUERY_URL, json=distributions("accuracy", "helpful-hcone-bool"))
    before = datetime.now(UTC)
    found = await api.call(
        lambda c: c.scores.wait_until_visible(
            REQUEST_ID, ["accuracy", "helpful"], timeout=30, poll_interval=1.5
        )
    )
    assert found.names == ["accuracy", "helpful-hcone-bool"]
    assert clock.slept == [1.5, 1.5]
    requests = httpx_mock.get_requests()
    assert len(requests) == 3
    body = sent_json(requests[0])
    assert body["filter"] == {"request_response_rmt": {"request_id": {"equals": REQUEST_ID}}}
    start = datetime.fromisoformat(body["timeFilter"]["start"])
    end = datetime.fromisoformat(body["timeFilter"]["end"])
    assert end - start == timedelta(days=30)
    assert before <= end <= datetime.now(UTC)


async def test_given_the_scores_mapping_a_boolean_is_looked_for_under_its_stored_name(
    api: Api, httpx_mock: HTTPXMock, clock: FakeClock
) -> None:
    # A numeric "helpful" does not satisfy a boolean helpful=True.
    for _ in range(3):
        httpx_mock.add_response(url=QUERY_URL, json=distributions("accuracy", "helpful"))
    with pytest.raises(ScoresNotVisibleError) as caught:
        await api.call(
            lambda c: c.scores.wait_until_visible(
                REQUEST_ID, {"accuracy": 1, "helpful": True}, timeout=2, poll_interval=1
            )
        )
    assert caught.value.missing == ["helpful-hcone-bool"]
    assert caught.value.visible == ["accuracy", "helpful"]
    assert caught.value.request_id == REQUEST_ID


async def test_wait_until_visible_gives_up_naming_what_is_missing(
    api: Api, httpx_mock: HTTPXMock, clock: FakeClock
) -> None:
    for _ in range(4):
        httpx_mock.add_response(url=QUERY_URL, json=distributions("accuracy"))
    with pytest.raises(ScoresNotVisibleError) as caught:
        await api.call(
            lambda c: c.scores.wait_until_visible(
                REQUEST_ID,
                ["accuracy", "tone", "helicone-score-feedback"],
                timeout=10,
                poll_interval=4,
            )
        )
    error = caught.value
    assert isinstance(error, HeliconeError)
    assert error.missing == ["tone", "helicone-score-feedback"]
    assert "'tone'" in str(error)
    assert "after 10 s" in str(error)
    assert clock.slept == [4, 4, 2]  # never past the deadline
    assert len(httpx_mock.get_requests()) == 4


@pytest.mark.parametrize(
    ("kwargs", "words"),
    [
        pytest.param({"names": []}, "at least one", id="no names"),
        pytest.param({"names": [""]}, "non-empty", id="empty name"),
        pytest.param({"names": 5}, "names: expected", id="not names"),
        pytest.param({"timeout": 0}, "timeout", id="zero timeout"),
        pytest.param({"poll_interval": -1}, "poll_interval", id="negative interval"),
        pytest.param({"timeout": float("inf")}, "finite", id="infinite timeout"),
        pytest.param({"request_id": "x"}, "UUID", id="bad request id"),
    ],
)
async def test_bad_waits_fail_before_any_request(
    api: Api, httpx_mock: HTTPXMock, kwargs: dict[str, Any], words: str
) -> None:
    args: dict[str, Any] = {"request_id": REQUEST_ID, "names": ["a"], **kwargs}
    with pytest.raises(ArgumentError, match=words):
        await api.call(lambda c: c.scores.wait_until_visible(**args))
    assert httpx_mock.get_requests() == []


def test_waiting_has_no_raw_response_variant(api: Api) -> None:
    with pytest.raises(AttributeError, match="no raw-response variant"):
        api.client.with_raw_response.scores.wait_until_visible  # noqa: B018
