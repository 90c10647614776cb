"""The server's score quirks, as an SDK user sees them, against the emulator.

tests/emulator checks the raw HTTP answers; these check what the SDK shows for the same quirks
(server-semantics-scores.md), with values computed here independently.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from helicone_evals import F, HeliconeEvals, ScoresNotVisibleError
from helicone_evals.emulator import Emulator

NOW = datetime.now(UTC).replace(minute=30, second=0, microsecond=0) - timedelta(hours=1)


@pytest.fixture(scope="module")
def emu() -> Iterator[Emulator]:
    with Emulator(rows=0) as emulator:
        yield emulator


@pytest.fixture
def client(emu: Emulator) -> Iterator[HeliconeEvals]:
    emu.reset()
    with HeliconeEvals(emu.api_key, base_url=emu.url, max_retries=0) as http:
        yield http


def request(emu: Emulator, at: datetime, model: str = "m") -> str:
    (request_id,) = emu.add_requests(
        [{"request_id": str(uuid.uuid4()), "model": model, "request_created_at": at.isoformat()}]
    )
    return request_id


def scores_of(client: HeliconeEvals, request_id: str) -> dict[str, float]:
    """Each score of one request: a one-row histogram has a single bin at the value."""
    dists = client.query_score_distributions(
        F.request_id.equals(request_id), start=timedelta(days=30)
    )
    return {d.name: d.mean() for d in dists}


def test_a_boolean_score_is_stored_under_its_suffixed_name(
    emu: Emulator, client: HeliconeEvals
) -> None:
    rid = request(emu, NOW)
    client.scores.add(rid, {"helpful": True, "safe": False})
    assert scores_of(client, rid) == {"helpful-hcone-bool": 1, "safe-hcone-bool": 0}
    assert {"helpful-hcone-bool", "safe-hcone-bool"} <= set(client.evals.score_names())


def test_new_scores_merge_over_old_ones_and_none_can_be_deleted(
    emu: Emulator, client: HeliconeEvals
) -> None:
    rid = request(emu, NOW)
    client.scores.add(rid, {"a": 1})
    client.scores.add(rid, {"b": 2})
    client.scores.add(rid, {"a": 3})
    assert scores_of(client, rid) == {"a": 3, "b": 2}


def test_feedback_is_a_plain_score_that_the_latest_rating_replaces(
    emu: Emulator, client: HeliconeEvals
) -> None:
    rid = request(emu, NOW)
    client.scores.feedback(rid, True)
    assert scores_of(client, rid) == {"helicone-score-feedback": 1}
    client.scores.feedback(rid, False)
    assert scores_of(client, rid) == {"helicone-score-feedback": 0}


@pytest.mark.parametrize("age", [None, timedelta(days=31)], ids=["unknown id", "31 days old"])
def test_a_score_the_server_drops_is_accepted_and_never_becomes_visible(
    emu: Emulator, client: HeliconeEvals, age: timedelta | None
) -> None:
    rid = str(uuid.uuid4()) if age is None else request(emu, datetime.now(UTC) - age)
    assert client.scores.add(rid, {"accuracy": 90}) is None  # 201, as on the server
    with pytest.raises(ScoresNotVisibleError) as caught:
        client.scores.wait_until_visible(rid, ["accuracy"], timeout=0.3, poll_interval=0.1)
    assert caught.value.missing == ["accuracy"]
    assert "accuracy" not in client.evals.score_names()


def test_eval_summaries_pass_the_servers_totals_through_and_add_the_true_mean(
    emu: Emulator, client: HeliconeEvals
) -> None:
    # Hour A holds scores 2 and 4, hour B holds 6, hour C (also in the window) none.
    hour_a = NOW.replace(minute=0) - timedelta(hours=2)
    hour_b = hour_a + timedelta(hours=1)
    for at, value in [(hour_a, 2), (hour_a + timedelta(minutes=5), 4), (hour_b, 6)]:
        client.scores.add(request(emu, at, model="q"), {"quality": value})
    window_start, window_end = hour_a, hour_a + timedelta(hours=2, minutes=30)
    summaries = client.evals.query(F.model.equals("q"), start=window_start, end=window_end)
    quality = summaries["quality"]
    assert quality.count == 3
    assert quality.mean == pytest.approx((2 + 4 + 6) / 3)  # the true mean: 4
    assert quality.average_score == pytest.approx((3 + 6 + 0) / 3)  # the server's: 3
    assert quality.min_score == 0  # the empty hour C counts as a 0 on the server
    assert quality.max_score == 6
    assert [h.count for h in quality.over_time] == [2, 1, 0]
    assert all(h.date.tzinfo is not None for h in quality.over_time)


def test_a_score_name_without_data_in_the_window_has_no_mean(
    emu: Emulator, client: HeliconeEvals
) -> None:
    client.scores.add(request(emu, NOW - timedelta(days=3)), {"old-score": 5})
    summaries = client.evals.query(start=timedelta(hours=1))
    old = summaries["old-score"]  # every name the organization ever had is listed
    assert old.count == 0
    assert old.mean is None
    assert old.average_score is None  # the server's 0/0, sent as null
