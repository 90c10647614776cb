"""The eval loop against the emulator over real HTTP: add requests, score them, read back.

Expected values are computed here from the scores the test writes, independently of the
emulator and the SDK.
"""

from __future__ import annotations

import statistics
import uuid
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from resources_support import Api

from helicone_evals import F, ScoresNotVisibleError
from helicone_evals.emulator import Emulator

NOW = datetime.now(UTC).replace(minute=30, second=0, microsecond=0) - timedelta(hours=3)
HOURS = [NOW - timedelta(hours=2), NOW - timedelta(hours=1)]  # two whole hours apart
ACCURACY = [[2, 4, 4], [6, 9]]  # per hour
HELPFUL = [[True, False, True], [True, True]]


@pytest.fixture(scope="module")
def emu() -> Iterator[Emulator]:
    with Emulator(rows=200, seed=3) as emulator:
        yield emulator


@pytest.fixture
async def loop_api(emu: Emulator, kind: str) -> AsyncIterator[Api]:
    api = Api(kind, api_key=emu.api_key, base_url=emu.url, max_retries=0)
    yield api
    await api.close()


async def test_scores_written_show_in_distributions_stats_and_names(
    emu: Emulator, loop_api: Api
) -> None:
    model = f"loop-{uuid.uuid4().hex[:8]}"
    rows: list[dict[str, Any]] = [
        {"request_created_at": (at + timedelta(minutes=i)).isoformat(), "model": model}
        for at, values in zip(HOURS, ACCURACY, strict=True)
        for i in range(len(values))
    ]
    ids = emu.add_requests(rows)
    flat_accuracy = [v for hour in ACCURACY for v in hour]
    flat_helpful = [v for hour in HELPFUL for v in hour]
    for rid, accuracy, helpful in zip(ids, flat_accuracy, flat_helpful, strict=True):
        written = {"accuracy": accuracy, "helpful": helpful}
        assert await loop_api.call(lambda c, r=rid, w=written: c.scores.add(r, w)) is None
    await loop_api.call(lambda c: c.scores.feedback(ids[0], False))
    await loop_api.call(lambda c: c.scores.feedback(ids[0], True))  # the last rating wins

    seen = await loop_api.call(
        lambda c: c.scores.wait_until_visible(ids[0], {"accuracy": 2, "helpful": True})
    )
    assert {"accuracy", "helpful-hcone-bool", "helicone-score-feedback"} <= set(seen.names)

    flt = F.model.equals(model)
    dists = await loop_api.call(lambda c: c.evals.score_distributions(flt, start=timedelta(days=1)))
    assert dists["accuracy"].total == len(flat_accuracy)
    assert dists["accuracy"].mean() == pytest.approx(statistics.mean(flat_accuracy))
    assert dists["helpful-hcone-bool"].mean() == pytest.approx(statistics.mean(flat_helpful))
    assert dists["helicone-score-feedback"].total == 1
    assert dists["helicone-score-feedback"].mean() == 1

    stats = await loop_api.call(
        lambda c: c.evals.query(flt, start=HOURS[0] - timedelta(minutes=30), end=NOW)
    )
    accuracy = stats["accuracy"]
    assert accuracy.count == len(flat_accuracy)
    assert accuracy.mean == pytest.approx(statistics.mean(flat_accuracy))
    hourly_means = [statistics.mean(hour) for hour in ACCURACY]
    # the server's averageScore: the sum of hourly averages over the count (not the mean)
    assert accuracy.average_score == pytest.approx(sum(hourly_means) / len(flat_accuracy))
    assert [h.count for h in accuracy.over_time if h.count] == [len(h) for h in ACCURACY]
    assert all(h.date.tzinfo is not None for h in accuracy.over_time)
    assert stats["helpful-hcone-bool"].mean == pytest.approx(statistics.mean(flat_helpful))

    names = await loop_api.call(lambda c: c.evals.score_names())
    assert {"accuracy", "helpful-hcone-bool", "helicone-score-feedback"} <= set(names)


async def test_a_score_for_an_unknown_request_is_accepted_and_never_shows(
    loop_api: Api,
) -> None:
    unknown = str(uuid.uuid4())
    assert await loop_api.call(lambda c: c.scores.add(unknown, {"ghost": 1})) is None
    with pytest.raises(ScoresNotVisibleError) as caught:
        await loop_api.call(
            lambda c: c.scores.wait_until_visible(unknown, ["ghost"], timeout=3, poll_interval=1)
        )
    assert caught.value.missing == ["ghost"]


async def test_every_operation_answers_through_the_low_level_entry_point(
    emu: Emulator, loop_api: Api
) -> None:
    (rid,) = emu.add_requests([{"request_created_at": NOW.isoformat(), "model": "raw-call"}])
    path = {"requestId": rid}
    assert (
        await loop_api.call(
            lambda c: c.request("AddScores", path_params=path, json={"scores": {"raw": 5}})
        )
        is None
    )
    raw = await loop_api.call(
        lambda c: c.with_raw_response.request(
            "FeedbackRequest", path_params=path, json={"rating": True}
        )
    )
    assert raw.status_code == 201
    assert "raw" in await loop_api.call(lambda c: c.request("GetEvalScores"))
