"""AddScores, FeedbackRequest, AddEval and GetEvalScores: the server's answers, quirks included.

Every write is checked by reading the stored map back, and by what the read endpoints show.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from helicone_evals.emulator import Emulator

CREATED = {"data": None, "error": None}


@pytest.fixture(scope="module")
def emu() -> Iterator[Emulator]:
    with Emulator(rows=0) as emulator:
        yield emulator


@pytest.fixture(scope="module")
def http(emu: Emulator) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=emu.url, headers={"Authorization": "Bearer k"}) as client:
        yield client


def new_request(emu: Emulator, age: timedelta = timedelta(hours=1), **row: Any) -> str:
    created = (datetime.now(UTC) - age).isoformat()
    (request_id,) = emu.add_requests([{"request_created_at": created, **row}])
    return request_id


def stored(emu: Emulator, request_id: str) -> dict[str, int]:
    assert emu.store is not None
    found = emu.store.connection.execute(
        "SELECT scores_keys, scores_values FROM request_response_rmt WHERE request_id = ?",
        [request_id],
    ).fetchone()
    assert found is not None
    return dict(zip(found[0], found[1], strict=True))


def score(http: httpx.Client, request_id: str, body: Any) -> httpx.Response:
    return http.post(f"/v1/request/{request_id}/score", json=body)


# -- AddScores -----------------------------------------------------------------------------------


def test_scores_answer_201_and_merge_over_existing_keys(emu: Emulator, http: httpx.Client) -> None:
    rid = new_request(emu, scores={"kept": 5, "accuracy": 1})
    response = score(http, rid, {"scores": {"accuracy": 87, "helpful": True, "bad": False}})
    assert response.status_code == 201
    assert response.json() == CREATED
    assert stored(emu, rid) == {
        "kept": 5,
        "accuracy": 87,
        "helpful-hcone-bool": 1,
        "bad-hcone-bool": 0,
    }
    # The same body again gives the same map: a retry is harmless.
    assert score(http, rid, {"scores": {"accuracy": 87, "helpful": True}}).status_code == 201
    assert stored(emu, rid)["accuracy"] == 87


@pytest.mark.parametrize(
    ("value", "key", "expected"),
    [
        ("5", "s", 5),
        ("-2", "s", -2),
        ([7], "s", 7),
        ("1e3", "s", 1000),
        ("TRUE", "s-hcone-bool", 1),
        ("false", "s-hcone-bool", 0),
        (None, "s-hcone-bool", 0),  # tsoa turns null into false
        ([True], "s-hcone-bool", 1),
    ],
)
def test_tsoa_coerces_values(
    emu: Emulator, http: httpx.Client, value: Any, key: str, expected: int
) -> None:
    rid = new_request(emu)
    assert score(http, rid, {"scores": {"s": value}}).status_code == 201
    assert stored(emu, rid) == {key: expected}


def test_a_number_too_large_for_a_double_is_stored_as_false(
    emu: Emulator, http: httpx.Client
) -> None:
    # JSON.parse gives Infinity, which tsoa's union check turns into null, then false.
    rid = new_request(emu)
    body = b'{"scores": {"huge": ' + b"9" * 5000 + b"}}"
    response = http.post(
        f"/v1/request/{rid}/score", content=body, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 201
    assert stored(emu, rid) == {"huge-hcone-bool": 0}


@pytest.mark.parametrize("value", [1.5, "2.5", 0.1])
def test_a_non_integer_is_the_500_exception_shape_and_nothing_is_stored(
    emu: Emulator, http: httpx.Client, value: Any
) -> None:
    rid = new_request(emu, scores={"before": 1})
    response = score(http, rid, {"scores": {"fine": 3, "bad": value}})
    assert response.status_code == 500
    assert response.json()["message"] == "Internal Server Error"
    assert "data" not in response.json()
    assert stored(emu, rid) == {"before": 1}  # all or nothing


@pytest.mark.parametrize("value", ["abc", "", {}, [1, 2], []])
def test_other_values_are_422_union_errors(http: httpx.Client, value: Any) -> None:
    response = score(http, str(uuid.uuid4()), {"scores": {"x": value}})
    assert response.status_code == 422
    detail = response.json()["details"]["requestBody.scores.x"]
    assert detail["message"].startswith("Could not match the union against any of the items.")
    assert "invalid float number" in detail["message"]
    assert "invalid boolean value" in detail["message"]
    assert detail["value"] == value


@pytest.mark.parametrize(
    ("body", "key", "message"),
    [
        ({}, "requestBody.scores", "'scores' is required"),
        ({"scores": [1]}, "requestBody.scores", "invalid object"),
        ({"scores": None}, "requestBody.scores", "invalid object"),
        ({"scores": 3}, "requestBody.scores", "invalid object"),
        (
            {"scores": {}, "extra": 1},
            "requestBody.extra",
            '"extra" is an excess property and therefore is not allowed',
        ),
    ],
)
def test_body_shape_422s(http: httpx.Client, body: Any, key: str, message: str) -> None:
    response = score(http, str(uuid.uuid4()), body)
    assert response.status_code == 422
    assert response.json()["message"] == "Validation Failed"
    assert response.json()["details"][key]["message"] == message


def test_an_empty_name_is_dropped(emu: Emulator, http: httpx.Client) -> None:
    rid = new_request(emu)
    assert score(http, rid, {"scores": {"": 4, "kept": 2}}).status_code == 201
    assert stored(emu, rid) == {"kept": 2}


@pytest.mark.parametrize(
    "request_id",
    [
        "not-a-uuid",
        str(uuid.uuid4()),  # unknown
        "12345678-1234-0234-8234-123456789abc",  # version 0: the uuid package refuses it
    ],
)
def test_unknown_or_invalid_ids_answer_201_and_store_nothing(
    emu: Emulator, http: httpx.Client, request_id: str
) -> None:
    assert emu.store is not None
    before = emu.store.score_names()
    response = score(http, request_id, {"scores": {f"ghost-{uuid.uuid4().hex}": 1}})
    assert (response.status_code, response.json()) == (201, CREATED)
    assert emu.store.score_names() == before


def test_a_request_older_than_30_days_is_not_scored(emu: Emulator, http: httpx.Client) -> None:
    old = new_request(emu, age=timedelta(days=31), scores={"a": 1})
    assert score(http, old, {"scores": {"a": 2}}).status_code == 201
    assert stored(emu, old) == {"a": 1}


def test_an_id_in_capitals_finds_the_request(emu: Emulator, http: httpx.Client) -> None:
    rid = new_request(emu)
    assert score(http, rid.upper(), {"scores": {"a": 1}}).status_code == 201
    assert stored(emu, rid) == {"a": 1}


def test_a_score_out_of_int64_answers_201_and_is_not_stored(
    emu: Emulator, http: httpx.Client
) -> None:
    rid = new_request(emu, scores={"a": 1})
    assert score(http, rid, {"scores": {"a": 5, "b": 10**20}}).status_code == 201
    assert stored(emu, rid) == {"a": 1}


# -- FeedbackRequest -----------------------------------------------------------------------------


def test_feedback_is_stored_as_a_number_score_without_suffix(
    emu: Emulator, http: httpx.Client
) -> None:
    rid = new_request(emu, scores={"a": 3})
    response = http.post(f"/v1/request/{rid}/feedback", json={"rating": True})
    assert (response.status_code, response.json()) == (201, CREATED)
    assert stored(emu, rid) == {"a": 3, "helicone-score-feedback": 1}
    assert http.post(f"/v1/request/{rid}/feedback", json={"rating": "FALSE"}).status_code == 201
    assert stored(emu, rid)["helicone-score-feedback"] == 0
    assert http.post(f"/v1/request/{rid}/feedback", json={"rating": None}).status_code == 201
    assert stored(emu, rid)["helicone-score-feedback"] == 0


@pytest.mark.parametrize(
    "request_id",
    ["nope", "0190a5e4-8a1b-7c3d-8e4f-123456789abc", "12345678-1234-4234-c234-123456789abc"],
)
def test_feedback_checks_uuid_versions_1_to_5(http: httpx.Client, request_id: str) -> None:
    # A UUIDv7 (second id) and a wrong variant (third) are refused with the envelope.
    response = http.post(f"/v1/request/{request_id}/feedback", json={"rating": True})
    assert response.status_code == 500
    assert response.json() == {"data": None, "error": "Invalid requestId: must be a valid UUID"}


def test_feedback_body_errors(http: httpx.Client) -> None:
    rid = str(uuid.uuid4())
    one = http.post(f"/v1/request/{rid}/feedback", json={"rating": 1})
    assert one.status_code == 422
    assert one.json()["details"] == {
        "requestBody.rating": {"message": "invalid boolean value", "value": 1}
    }
    missing = http.post(f"/v1/request/{rid}/feedback", json={})
    assert missing.json()["details"] == {"requestBody.rating": {"message": "'rating' is required"}}
    extra = http.post(f"/v1/request/{rid}/feedback", json={"rating": True, "why": "x"})
    assert extra.json()["details"] == {
        "requestBody": {
            "message": '"why" is an excess property and therefore is not allowed',
            "value": {"why": "x"},
        }
    }


# -- AddEval and GetEvalScores -------------------------------------------------------------------


def test_add_eval_validates_answers_201_and_stores_nothing(
    emu: Emulator, http: httpx.Client
) -> None:
    assert emu.store is not None
    before = emu.store.score_names()
    ok = http.post("/v1/evals/anything", json={"name": "quality", "score": "5"})
    assert (ok.status_code, ok.json()) == (201, CREATED)
    assert emu.store.score_names() == before
    bad = http.post("/v1/evals/anything", json={"name": 3, "extra": 1})
    assert bad.status_code == 422
    assert set(bad.json()["details"]) == {"evalData", "evalData.name", "evalData.score"}


def test_score_names_are_raw_all_time_and_at_once(emu: Emulator, http: httpx.Client) -> None:
    old = new_request(emu, age=timedelta(days=400), scores={"ancient": 1})
    assert old
    rid = new_request(emu)
    name = f"fresh-{uuid.uuid4().hex[:8]}"
    assert score(http, rid, {"scores": {name: True}}).status_code == 201
    response = http.get("/v1/evals/scores")
    assert response.status_code == 200
    body = response.json()
    assert body["error"] is None
    assert {"ancient", f"{name}-hcone-bool"} <= set(body["data"])
    assert name not in body["data"]


def test_writes_need_a_key(emu: Emulator) -> None:
    response = httpx.post(f"{emu.url}/v1/request/{uuid.uuid4()}/score", json={"scores": {}})
    assert response.status_code == 401
    assert response.json()["trace"] == "isAuthenticated.error"


def test_the_write_answers_match_the_generated_models(emu: Emulator, http: httpx.Client) -> None:
    from helicone_evals_generated.models import (
        ResultSuccessNull,
        ResultSuccessStringArray,
        ValidationErrorBody,
    )

    rid = new_request(emu)
    ResultSuccessNull.model_validate(score(http, rid, {"scores": {"a": 1}}).json())
    ResultSuccessStringArray.model_validate(http.get("/v1/evals/scores").json())
    ValidationErrorBody.model_validate(score(http, rid, {"scores": {"a": "x"}}).json())
