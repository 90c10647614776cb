"""The filter and the time window mean what they mean on the real server."""

from __future__ import annotations

from typing import Any

import pytest

from helicone_evals.emulator._sql import compile_filter

WINDOW = {"start": "2024-01-01T00:00:00Z", "end": "2024-01-03T00:00:00Z"}
Matched = Any


def leaf(**fields: Any) -> dict[str, Any]:
    return {"request_response_rmt": fields}


@pytest.mark.parametrize(
    ("flt", "rows"),
    [
        pytest.param("all", {"r1", "r2", "r3"}, id="all"),
        pytest.param({}, {"r1", "r2", "r3"}, id="empty-leaf"),
        # contains: case-insensitive substring
        pytest.param(leaf(model={"contains": "gpt"}), {"r1", "r2"}, id="contains-ci"),
        pytest.param(leaf(model={"not-contains": "GPT"}), {"r3"}, id="not-contains-ci"),
        # like: case-sensitive, ilike: not
        pytest.param(leaf(model={"like": "gpt%"}), {"r2"}, id="like-cs"),
        pytest.param(leaf(model={"ilike": "gpt%"}), {"r1", "r2"}, id="ilike"),
        # LIKE wildcards are live, a backslash escapes them
        pytest.param(leaf(model={"like": "100\\%\\_%"}), {"r3"}, id="like-escape"),
        pytest.param(leaf(model={"contains": "0%_p"}), {"r3"}, id="contains-wildcards"),
        pytest.param(leaf(model={"equals": "gpt-4o-mini"}), {"r2"}, id="equals"),
        pytest.param(leaf(model={"not-equals": "gpt-4o-mini"}), {"r1", "r3"}, id="not-equals"),
        pytest.param(leaf(request_body={"contains": "refund"}), {"r3"}, id="body-contains"),
        # numbers, with strings coerced
        pytest.param(leaf(latency={"gte": 180}), {"r2", "r3"}, id="gte"),
        pytest.param(leaf(latency={"lt": "180"}), {"r1"}, id="string-number"),
        pytest.param(leaf(status={"not-equals": 200}), {"r3"}, id="status"),
        # sentinels on plain columns
        pytest.param(leaf(country_code={"equals": "null"}), {"r2"}, id="null"),
        pytest.param(leaf(country_code={"not-equals": "null"}), {"r1", "r3"}, id="not-null"),
        pytest.param(leaf(user_id={"equals": "__empty__"}), {"r2"}, id="empty"),
        pytest.param(leaf(user_id={"equals": "null"}), set(), id="non-nullable-null"),
        pytest.param(leaf(country_code={"like": "null"}), set(), id="like-null"),
        # map fields
        pytest.param(leaf(properties={"env": {"equals": "prod"}}), {"r1"}, id="property"),
        pytest.param(
            leaf(properties={"env": {"not-equals": "prod"}}), {"r2", "r3"}, id="property-missing"
        ),
        pytest.param(leaf(properties={"env": {"contains": "STAG"}}), {"r2"}, id="property-ci"),
        pytest.param(leaf(properties={"feature": {"equals": "chat"}}), set(), id="key-case"),
        pytest.param(
            leaf(properties={"env": {"equals": "null"}}), set(), id="property-no-sentinel"
        ),
        pytest.param(leaf(property_key={"equals": "Feature"}), {"r1"}, id="property-key"),
        pytest.param(leaf(scores={"r2": {"equals": "2"}}), {"r2"}, id="score"),
        pytest.param(leaf(scores={"r2": {"not-equals": "5"}}), {"r2"}, id="score-has"),
        pytest.param(leaf(**{"helicone-score-feedback": {"equals": True}}), {"r2"}, id="feedback"),
        pytest.param(
            leaf(**{"helicone-score-feedback": {"equals": False}}),
            {"r1", "r3"},
            id="feedback-missing-is-0",
        ),
        pytest.param(leaf(cached={"equals": True}), {"r1"}, id="cached"),
        pytest.param(leaf(cached={"equals": False}), {"r2", "r3"}, id="not-cached"),
        pytest.param(leaf(threat={"equals": False}), {"r1"}, id="nullable-bool"),
        # cost: nano-dollars against floor(value * 1e9)
        pytest.param(leaf(cost={"gt": 0.001}), set(), id="cost-gt"),
        pytest.param(leaf(cost={"gte": 0.001}), {"r1"}, id="cost-gte"),
        pytest.param(leaf(cost={"equals": 0.0005}), {"r2"}, id="cost-equals"),
        # timestamps in the filter: whole seconds, naive = UTC
        pytest.param(
            leaf(request_created_at={"gte": "2024-01-01T12:00:00"}), {"r2", "r3"}, id="naive-time"
        ),
        pytest.param(leaf(request_created_at={"lt": "2024-01-02"}), {"r1", "r2"}, id="date-only"),
        pytest.param(
            leaf(request_created_at={"gte": "2024-01-02T07:00:00+02:00"}), {"r3"}, id="offset"
        ),
        # branches
        pytest.param(
            {
                "left": leaf(user_id={"equals": "alice"}),
                "operator": "or",
                "right": leaf(user_id={"equals": "bob"}),
            },
            {"r1", "r3"},
            id="or",
        ),
        pytest.param(
            {
                "left": leaf(model={"contains": "gpt"}),
                "operator": "and",
                "right": {"left": leaf(latency={"gt": 200}), "operator": "or", "right": "all"},
            },
            {"r1", "r2"},
            id="nested",
        ),
        # values are bound, never spliced
        pytest.param(leaf(model={"equals": "x' OR '1'='1"}), set(), id="injection"),
    ],
)
def test_filter_semantics(matched: Matched, flt: Any, rows: set[str]) -> None:
    assert matched(flt) == rows


def test_only_the_first_operator_of_a_leaf_is_used(matched: Matched) -> None:
    # lte 200 alone: r1 (100) and r3 (180); the dropped gte 150 would have removed r1
    assert matched(leaf(latency={"lte": 200, "gte": 150})) == {"r1", "r3"}
    assert matched(leaf(latency={"gte": 150, "lte": 200})) == {"r2", "r3"}


def test_only_the_first_field_of_a_leaf_is_used(matched: Matched) -> None:
    assert matched(leaf(user_id={"equals": "bob"}, model={"equals": "GPT-4o"})) == {"r3"}
    assert matched(leaf(model={"equals": "GPT-4o"}, user_id={"equals": "bob"})) == {"r1"}


@pytest.mark.parametrize(
    ("fields", "rows"),
    [
        # cost is looked at before model, wherever it is
        ({"model": {"equals": "gpt-4o-mini"}, "cost": {"gte": 0.001}}, {"r1"}),
        # cached before cost
        ({"cost": {"gte": 0.001}, "cached": {"equals": False}}, {"r2", "r3"}),
        # scores before cached
        ({"cached": {"equals": True}, "scores": {"r3": {"equals": "3"}}}, {"r3"}),
        # properties before scores
        ({"scores": {"r3": {"equals": "3"}}, "properties": {"env": {"equals": "staging"}}}, {"r2"}),
        # property_key before everything
        ({"properties": {"env": {"equals": "x"}}, "property_key": {"equals": "env"}}, {"r1", "r2"}),
        # only the first key inside properties
        ({"properties": {"env": {"equals": "prod"}, "Feature": {"equals": "nope"}}}, {"r1"}),
    ],
)
def test_special_fields_are_looked_at_first(
    matched: Matched, fields: dict[str, Any], rows: set[str]
) -> None:
    assert matched({"request_response_rmt": fields}) == rows


def test_time_window_is_start_inclusive_end_exclusive(matched: Matched) -> None:
    everything = {"start": "2024-01-01T00:00:00Z", "end": "2024-01-03T00:00:00Z"}
    assert matched("all", everything) == {"r1", "r2", "r3"}
    wider = {"start": "2024-01-01T00:00:00Z", "end": "2024-01-03T00:00:01Z"}
    assert matched("all", wider) == {"r1", "r2", "r3", "r4"}
    later = {"start": "2024-01-01T00:00:01Z", "end": "2024-01-03T00:00:00Z"}
    assert matched("all", later) == {"r2", "r3"}


def test_time_window_drops_milliseconds_and_reads_naive_times_as_utc(matched: Matched) -> None:
    # .900 is dropped: the window starts at 00:00:00 and still holds r1
    window = {"start": "2024-01-01T00:00:00.900Z", "end": "2024-01-01T12:00:00.999"}
    # r2 is at 12:00:00.500, after the end 12:00:00 once its milliseconds are dropped
    assert matched("all", window) == {"r1"}
    assert matched("all", {"start": "2024-01-01T01:00:00+01:00", "end": "2024-01-02"}) == {
        "r1",
        "r2",
    }


def test_lenient_time_forms_are_read_like_javascript_dates(matched: Matched) -> None:
    window = {"start": "Jan 1 2024", "end": "2024/01/02 00:00:00"}
    assert matched("all", window) == {"r1", "r2"}


def test_distributions_are_clickhouse_histograms(post: Any) -> None:
    body = post({"filter": "all", "timeFilter": WINDOW}).json()
    by_name = {d["name"]: d["distribution"] for d in body["data"]}
    assert by_name["helicone-score-feedback"] == [
        {"lower": 0, "upper": 0.5, "value": 1},
        {"lower": 0.5, "upper": 1, "value": 1},
    ]
    assert by_name["r1"] == [{"lower": 1, "upper": 1, "value": 1}]


def test_nothing_matched_is_an_empty_list(post: Any) -> None:
    response = post({"filter": leaf(model={"equals": "nope"}), "timeFilter": WINDOW})
    assert response.json() == {"data": [], "error": None}


def test_the_sql_binds_every_value() -> None:
    flt = {
        "left": leaf(model={"contains": "evil'--"}),
        "operator": "or",
        "right": leaf(properties={"k'; DROP": {"equals": "v"}}),
    }
    sql, params = compile_filter(flt)
    assert "evil" not in sql
    assert "DROP" not in sql
    assert "evil'--" in params
    assert "k'; DROP" in params
    assert sql.count("?") == len(params)
