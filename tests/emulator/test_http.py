"""Status codes and bodies: the real server's, case by case."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from helicone_evals.emulator import Emulator

PATH = "/v1/evals/score-distributions/query"
WINDOW = {"start": "2024-01-01T00:00:00Z", "end": "2024-01-03T00:00:00Z"}


def leaf(**fields: Any) -> dict[str, Any]:
    return {"request_response_rmt": fields}


def details(response: httpx.Response) -> dict[str, Any]:
    assert response.status_code == 422, response.text
    body = response.json()
    assert body["message"] == "Validation Failed"
    return dict(body["details"])


# -- 401 ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("header", [None, "", "Bearer", "Basic abc", "sk-no-scheme"])
def test_a_missing_or_malformed_key_is_401(emulator: Emulator, header: str | None) -> None:
    headers = {} if header is None else {"Authorization": header}
    response = httpx.post(
        emulator.url + PATH, json={"filter": "all", "timeFilter": WINDOW}, headers=headers
    )
    assert response.status_code == 401
    body = response.json()
    assert body["trace"] == "isAuthenticated.error"
    assert body["error"]


def test_any_key_is_accepted_unless_one_is_configured(emulator: Emulator, rows_file: Any) -> None:
    body = {"filter": "all", "timeFilter": WINDOW}
    anything = httpx.post(emulator.url + PATH, json=body, headers={"Authorization": "Bearer x"})
    assert anything.status_code == 200
    with Emulator(data=rows_file, api_key="sk-right") as strict:
        assert strict.api_key == "sk-right"
        wrong = httpx.post(strict.url + PATH, json=body, headers={"Authorization": "Bearer x"})
        assert wrong.status_code == 401
        assert wrong.json()["trace"] == "isAuthenticated.error"
        right = httpx.post(
            strict.url + PATH, json=body, headers={"Authorization": "Bearer sk-right"}
        )
        assert right.status_code == 200


def test_the_key_is_checked_before_the_body(emulator: Emulator) -> None:
    response = httpx.post(emulator.url + PATH, json={"nonsense": 1})
    assert response.status_code == 401


# -- 422 ---------------------------------------------------------------------------------------


def test_missing_fields(post: Any) -> None:
    assert details(post({})) == {
        "requestBody.filter": {"message": "'filter' is required"},
        "requestBody.timeFilter": {"message": "'timeFilter' is required"},
    }
    assert details(post({"filter": "all", "timeFilter": {"start": "x"}})) == {
        "requestBody.timeFilter.end": {"message": "'end' is required"}
    }


def test_an_extra_key_is_an_excess_property(post: Any) -> None:
    got = details(post({"filter": "all", "timeFilter": WINDOW, "extra": 1}))
    assert got == {
        "requestBody.extra": {
            "message": '"extra" is an excess property and therefore is not allowed',
            "value": "extra",  # tsoa reports a model's excess key by name
        }
    }


def test_wrong_types(post: Any) -> None:
    got = details(post({"filter": "all", "timeFilter": {"start": 5, "end": "x"}, "limit": "ten"}))
    assert got["requestBody.timeFilter.start"] == {"message": "invalid string value", "value": 5}
    assert got["requestBody.limit"] == {"message": "invalid float number", "value": "ten"}


def test_a_bad_filter_is_a_union_mismatch_naming_the_issue(post: Any) -> None:
    got = details(post({"filter": leaf(model={"equals": 5}), "timeFilter": WINDOW}))
    message = got["requestBody.filter"]["message"]
    assert message.startswith("Could not match the union against any of the items. Issues: ")
    assert "requestBody.filter.request_response_rmt.model.equals" in message
    assert "invalid string value" in message
    assert got["requestBody.filter"]["value"] == leaf(model={"equals": 5})


@pytest.mark.parametrize(
    "flt",
    [
        leaf(model={"gt": "a"}),  # not a text operator
        leaf(latency={"contains": "1"}),  # not a number operator
        leaf(threat={"not-equals": True}),  # booleans only have equals
        leaf(unknown_field={"equals": "x"}),
        leaf(property_key={"not-equals": "x"}),
        {"left": "all", "operator": "xor", "right": "all"},
        {"left": "all", "operator": "and"},
        "everything",
        leaf(model={"equals": None}),  # null is not a string
        leaf(model=None),
        leaf(latency={"equals": "NaN"}),
    ],
)
def test_invalid_filters_are_422(post: Any, flt: Any) -> None:
    assert "requestBody.filter" in details(post({"filter": flt, "timeFilter": WINDOW}))


@pytest.mark.parametrize("value", ["Jan 5 2024", "yesterday", 1704412800, "2024-13-01"])
def test_timestamp_operators_want_iso8601(post: Any, value: Any) -> None:
    got = details(post({"filter": leaf(request_created_at={"gte": value}), "timeFilter": WINDOW}))
    assert "invalid ISO 8601 datetime format, i.e. YYYY-MM-DDTHH:mm:ss" in str(got)


@pytest.mark.parametrize(
    "value", ["2024-01-05", "2024-01-05T12:00:00", "2024-01-05T12:00:00.123Z", "2024-01-05 12:00"]
)
def test_iso8601_timestamps_pass(post: Any, value: str) -> None:
    body = {"filter": leaf(request_created_at={"gte": value}), "timeFilter": WINDOW}
    assert post(body).status_code == 200


def test_a_body_that_is_not_an_object_is_422(post: Any) -> None:
    assert "requestBody" in details(post([1, 2]))


def test_a_body_not_sent_as_json_reads_as_empty(client: httpx.Client) -> None:
    response = client.post(
        PATH, content=b'{"filter": "all"}', headers={"Content-Type": "text/plain"}
    )
    assert "requestBody.filter" in details(response)


def test_unparseable_json_is_the_servers_500(client: httpx.Client) -> None:
    # Express's body parser fails; the server's catch-all handler answers, not with a 400.
    response = client.post(PATH, content=b"{nope", headers={"Content-Type": "application/json"})
    assert response.status_code == 500
    assert response.json()["message"] == "Internal Server Error"


# -- 500 ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "window",
    [
        {"start": "not a time", "end": "2024-01-03T00:00:00Z"},
        {"start": "2024-01-01T00:00:00Z", "end": ""},
    ],
)
def test_an_unparseable_time_is_500_invalid_time_value(post: Any, window: Any) -> None:
    response = post({"filter": "all", "timeFilter": window})
    assert response.status_code == 500
    assert response.json() == {"data": None, "error": "Invalid time value"}


@pytest.mark.parametrize(
    "flt",
    [
        leaf(model={}),
        {"request_response_rmt": {}},
        leaf(properties={}),
        leaf(properties={"env": {}}),
        leaf(scores={"r1": {}}),
        leaf(cached={}),
        {"left": "all", "operator": "and", "right": leaf(cost={})},
    ],
)
def test_a_leaf_without_operator_is_an_internal_server_error(post: Any, flt: Any) -> None:
    response = post({"filter": flt, "timeFilter": WINDOW})
    assert response.status_code == 500
    body = response.json()
    assert body["message"] == "Internal Server Error"
    assert "data" not in body


@pytest.mark.parametrize(
    ("flt", "words"),
    [
        (leaf(scores={"r1": {"contains": "1"}}), "Illegal type Int64"),
        (leaf(scores={"r1": {"equals": "one"}}), "Cannot parse string 'one' as Int64"),
        (leaf(scores_column={"equals": "x"}), "Illegal types of arguments"),
        (leaf(request_id={"equals": "not-a-uuid"}), "Cannot parse uuid"),
        (leaf(request_id={"contains": "abc"}), "Illegal type UUID"),
        (leaf(search_properties={"k": {"equals": "v"}}), "Unknown expression identifier `key`"),
        (leaf(model={"contains": "null"}), "Cannot convert NULL value"),
        (leaf(model={"not-equals": "__empty__"}), "`__empty__`"),
    ],
)
def test_what_clickhouse_would_refuse_is_a_500_envelope(post: Any, flt: Any, words: str) -> None:
    response = post({"filter": flt, "timeFilter": WINDOW})
    assert response.status_code == 500
    body = response.json()
    assert body["data"] is None
    assert words in body["error"]


def test_an_invalid_time_is_reported_before_a_database_refusal(post: Any) -> None:
    body = {
        "filter": leaf(scores={"r1": {"contains": "1"}}),
        "timeFilter": {"start": "nope", "end": "nope"},
    }
    assert post(body).json()["error"] == "Invalid time value"


# -- 200 ---------------------------------------------------------------------------------------


def test_limit_offset_and_time_zone_difference_are_accepted_and_ignored(post: Any) -> None:
    plain = post({"filter": "all", "timeFilter": WINDOW}).json()
    extras = {"limit": "1", "offset": 2, "timeZoneDifference": -120}
    assert post({"filter": "all", "timeFilter": WINDOW, **extras}).json() == plain


def test_success_envelope(post: Any) -> None:
    response = post({"filter": "all", "timeFilter": WINDOW})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"data", "error"}
    assert body["error"] is None
    for item in body["data"]:
        assert set(item) == {"name", "distribution"}
        for bucket in item["distribution"]:
            assert set(bucket) == {"lower", "upper", "value"}


def test_other_paths_and_methods(client: httpx.Client) -> None:
    assert client.get(PATH).status_code == 405
    assert client.post("/v1/nope", json={}).status_code == 404
    # /v1/evals/{requestId} is AddEval: any id, and its body is checked.
    assert client.post("/v1/evals/nope", json={}).status_code == 422
