"""Both clients against the emulator, over real HTTP on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from helicone_evals import (
    AsyncHeliconeEvals,
    AuthenticationError,
    F,
    FilterError,
    HeliconeEvals,
    InternalServerError,
)
from helicone_evals.emulator import Emulator

NOW = datetime(2026, 3, 1, tzinfo=UTC)
WEEK = {"start": NOW - timedelta(days=7), "end": NOW}


@pytest.fixture(scope="module")
def emu() -> Iterator[Emulator]:
    with Emulator(rows=20_000, seed=11, now=NOW) as emulator:
        yield emulator


@pytest.fixture
def client(emu: Emulator) -> Iterator[HeliconeEvals]:
    with HeliconeEvals(emu.api_key, base_url=emu.url, max_retries=0) as c:
        yield c


def raw(emu: Emulator, flt: object) -> list[dict[str, object]]:
    body = {
        "filter": flt,
        "timeFilter": {k: v.isoformat() for k, v in WEEK.items()},
    }
    response = httpx.post(
        emu.url + "/v1/evals/score-distributions/query",
        json=body,
        headers={"Authorization": f"Bearer {emu.api_key}"},
    )
    assert response.status_code == 200
    data: list[dict[str, object]] = response.json()["data"]
    return data


def test_the_sync_client_gets_what_the_endpoint_sends(emu: Emulator, client: HeliconeEvals) -> None:
    flt = F.model.equals("gpt-4o") & (F.cost > 0.0005)
    result = client.query_score_distributions(flt, **WEEK)
    assert sorted(result.to_list(), key=lambda d: str(d["name"])) == sorted(
        raw(emu, flt.to_dict()), key=lambda d: str(d["name"])
    )
    assert {"accuracy", "helicone-score-feedback"} <= set(result.names)
    everything = client.query_score_distributions(F.all, **WEEK)
    assert 0 < result["accuracy"].total < everything["accuracy"].total


def test_exact_centroids_give_exact_statistics(client: HeliconeEvals) -> None:
    # helpfulness is 1..5: five distinct values, so the bins are the exact counts
    helpfulness = client.query_score_distributions(F.all, **WEEK)["helpfulness"]
    assert helpfulness.distribution[0].lower == 1
    assert len(helpfulness.distribution) == 5
    assert 1 <= helpfulness.mean() <= 5
    assert helpfulness.quantile(0.5) in {1, 2, 3, 4, 5}


def test_text_filters_and_dict_filters_agree(client: HeliconeEvals) -> None:
    text = client.query_score_distributions("provider == 'anthropic' and latency < 5000", **WEEK)
    built = client.query_score_distributions(
        F.provider.equals("anthropic") & (F.latency < 5000), **WEEK
    )
    assert text == built


def test_a_timedelta_window_ends_now(emu: Emulator) -> None:
    with HeliconeEvals(emu.api_key, base_url=emu.url) as c:
        # rows are in the 30 days before NOW (in the past): a week back from today may or may
        # not hold some, but the call itself must succeed
        c.query_score_distributions(F.all, start=timedelta(days=7))


def test_server_errors_arrive_as_typed_exceptions(client: HeliconeEvals) -> None:
    with pytest.raises(InternalServerError) as info:
        client.query_score_distributions(F.scores["accuracy"].contains("1"), **WEEK)
    assert "Illegal type Int64" in info.value.message
    with pytest.raises(FilterError):  # refused before sending: a leaf without operator
        client.query_score_distributions({"request_response_rmt": {"model": {}}}, **WEEK)


def test_a_wrong_key_is_an_authentication_error() -> None:
    with (
        Emulator(rows=10, api_key="sk-right") as strict,
        HeliconeEvals("sk-wrong", base_url=strict.url, max_retries=0) as c,
        pytest.raises(AuthenticationError) as info,
    ):
        c.query_score_distributions(F.all, **WEEK)
    assert info.value.status_code == 401


async def test_the_async_client_agrees_with_the_sync_one(
    emu: Emulator, client: HeliconeEvals
) -> None:
    flt = F.properties["environment"].equals("production") | F.cached.equals(True)
    async with AsyncHeliconeEvals(emu.api_key, base_url=emu.url) as aclient:
        got = await aclient.query_score_distributions(flt, **WEEK)
    assert got == client.query_score_distributions(flt, **WEEK)
    assert got.names
