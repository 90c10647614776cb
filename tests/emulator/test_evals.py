"""QueryEvals: hourly buckets filled from start to end, and the server's own arithmetic."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from helicone_evals.emulator import Emulator

PATH = "/v1/evals/query"
# Hour A (10:00) has accuracy 2 and 4, hour B (12:00) has 6; 11:00 has a row without scores.
ROWS = [
    {"request_created_at": "2024-01-05T10:05:00Z", "model": "m1", "scores": {"accuracy": 2}},
    {"request_created_at": "2024-01-05T10:55:00Z", "model": "m1", "scores": {"accuracy": 4}},
    {"request_created_at": "2024-01-05T11:30:00Z", "model": "m2"},
    {
        "request_created_at": "2024-01-05T12:00:00Z",
        "model": "m2",
        "scores": {"accuracy": 6, "helpful-hcone-bool": 1},
    },
    {"request_created_at": "2023-01-01T00:00:00Z", "scores": {"old-name": 9}},
]
WINDOW = {"start": "2024-01-05T10:00:00Z", "end": "2024-01-05T12:00:00Z"}


@pytest.fixture(scope="module")
def emu() -> Iterator[Emulator]:
    with Emulator(rows=0) as emulator:
        emulator.add_requests(ROWS)
        yield emulator


def query(emu: Emulator, body: dict[str, Any]) -> httpx.Response:
    return httpx.post(emu.url + PATH, json=body, headers={"Authorization": "Bearer k"})


def evals(emu: Emulator, **body: Any) -> dict[str, dict[str, Any]]:
    response = query(emu, {"filter": "all", "timeFilter": WINDOW, **body})
    assert response.status_code == 200, response.text
    assert response.json()["error"] is None
    return {e["name"]: e for e in response.json()["data"]}


def test_hourly_buckets_are_filled_from_start_to_end_inclusive(emu: Emulator) -> None:
    accuracy = evals(emu)["accuracy"]
    dates = ["2024-01-05T10:00:00.000Z", "2024-01-05T11:00:00.000Z", "2024-01-05T12:00:00.000Z"]
    assert accuracy["overTime"] == [
        {"date": dates[0], "count": 2},
        {"date": dates[1], "count": 0},
        {"date": dates[2], "count": 1},  # exactly the end: included
    ]
    assert accuracy["averageOverTime"] == [
        {"date": dates[0], "value": 3},
        {"date": dates[1], "value": 0},
        {"date": dates[2], "value": 6},
    ]


def test_average_is_the_sum_of_hourly_averages_over_the_count(emu: Emulator) -> None:
    accuracy = evals(emu)["accuracy"]
    assert accuracy["count"] == 3
    hourly = [3, 0, 6]
    assert accuracy["averageScore"] == sum(hourly) / 3  # 3, while the mean of 2, 4, 6 is 4
    # Min and max count the empty hour as 0.
    assert (accuracy["minScore"], accuracy["maxScore"]) == (0, 6)


def test_every_name_of_all_time_appears_even_without_data(emu: Emulator) -> None:
    found = evals(emu)
    assert set(found) == {"accuracy", "helpful-hcone-bool", "old-name"}
    old = found["old-name"]
    assert old["count"] == 0
    assert old["averageScore"] is None  # 0 / 0 = NaN, sent as null
    assert (old["minScore"], old["maxScore"]) == (0, 0)
    assert [p["count"] for p in old["overTime"]] == [0, 0, 0]


def test_the_filter_applies(emu: Emulator) -> None:
    flt = {"request_response_rmt": {"model": {"equals": "m2"}}}
    accuracy = evals(emu, filter=flt)["accuracy"]
    assert [p["count"] for p in accuracy["overTime"]] == [0, 0, 1]
    assert accuracy["averageScore"] == 6


def test_a_half_hour_time_zone_shifts_the_buckets(emu: Emulator) -> None:
    accuracy = evals(emu, timeZoneDifference=330)["accuracy"]
    # Buckets start at :30 (and bucket(start) is 09:30).
    assert [p["date"] for p in accuracy["overTime"]] == [
        "2024-01-05T09:30:00.000Z",
        "2024-01-05T10:30:00.000Z",
        "2024-01-05T11:30:00.000Z",
    ]
    assert [p["count"] for p in accuracy["overTime"]] == [1, 1, 1]


@pytest.mark.parametrize(
    ("body", "error"),
    [
        ({"timeFilter": {"start": "soon", "end": WINDOW["end"]}}, "Invalid time filter"),
        ({"timeFilter": {"start": WINDOW["end"], "end": WINDOW["start"]}}, "Invalid time filter"),
        ({"timeZoneDifference": 1441}, "Invalid time zone difference"),
        ({"timeZoneDifference": "-2000"}, "Invalid time zone difference"),
    ],
)
def test_controller_errors_are_500_envelopes(emu: Emulator, body: Any, error: str) -> None:
    response = query(emu, {"filter": "all", "timeFilter": WINDOW, **body})
    assert response.status_code == 500
    assert response.json() == {"data": None, "error": error}


def test_validation_errors_name_eval_query_params(emu: Emulator) -> None:
    response = query(emu, {"timeFilter": WINDOW, "limit": "many"})
    assert response.status_code == 422
    assert set(response.json()["details"]) == {"evalQueryParams.filter", "evalQueryParams.limit"}


def test_limit_and_offset_are_ignored(emu: Emulator) -> None:
    assert evals(emu, limit=1, offset=5) == evals(emu)


def test_a_window_beyond_the_bucket_limit_is_a_500_envelope(emu: Emulator) -> None:
    response = query(
        emu,
        {
            "filter": "all",
            "timeFilter": {"start": "0001-01-01T00:00:00+01:00", "end": "2024-01-05"},
        },
    )
    assert response.status_code == 500
    body = response.json()
    assert body["data"] is None
    assert "hourly buckets" in body["error"]


def test_the_answer_matches_the_generated_models(emu: Emulator) -> None:
    from helicone_evals_generated.models import ResultSuccessEvalArray

    response = query(emu, {"filter": "all", "timeFilter": WINDOW})
    parsed = ResultSuccessEvalArray.model_validate(response.json())
    assert [e.name for e in parsed.data] == ["accuracy", "helpful-hcone-bool", "old-name"]
