"""Fixtures for the client tests: one harness over the sync and the async client.

Every test runs with a distinctive API key and fails if that key shows up in captured output
or log records; retry sleeps are recorded instead of slept.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest

from helicone_evals import AsyncHeliconeEvals, HeliconeEvals, _base_client, _logging
from helicone_evals._response import RawResponse
from helicone_evals._results import ScoreDistributions

KEY = "sk-helicone-test-7f3a9c2e1b5d"
BASE = "https://api.helicone.test"
URL = BASE + "/v1/evals/score-distributions/query"
START = "2024-01-01T00:00:00+00:00"
END = "2024-01-08T00:00:00+00:00"
OK_BODY: dict[str, Any] = {
    "data": [
        {
            "name": "accuracy",
            "distribution": [
                {"lower": 0, "upper": 0.5, "value": 2.75},
                {"lower": 0.5, "upper": 1, "value": 1.25},
            ],
        },
        {"name": "latency-score", "distribution": [{"lower": 5, "upper": 5, "value": 4}]},
    ],
    "error": None,
}


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("HELICONE_API_KEY", "HELICONE_BASE_URL", "HELICONE_LOG"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(autouse=True)
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The delays the retry loops asked for (sync and async); nothing really sleeps."""
    slept: list[float] = []

    async def fake_asleep(delay: float) -> None:
        slept.append(delay)

    monkeypatch.setattr(_base_client, "sleep", slept.append)
    monkeypatch.setattr(_base_client, "asleep", fake_asleep)
    monkeypatch.setattr(_base_client, "jitter", lambda: 0.0)
    return slept


@pytest.fixture(autouse=True)
def key_never_leaks(caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]) -> Any:
    """No test's log records or printed output contain the API key."""
    caplog.set_level(logging.DEBUG, logger="helicone_evals")
    yield
    assert KEY not in caplog.text
    captured = capsys.readouterr()
    assert KEY not in captured.out
    assert KEY not in captured.err


@pytest.fixture(autouse=True)
def reset_logging_setup(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_logging, "_configured", False)


class Harness:
    """Drives either client with the same awaited calls."""

    def __init__(self, kind: str, **options: Any) -> None:
        self.kind = kind
        options.setdefault("base_url", BASE)
        options.setdefault("api_key", KEY)
        cls = HeliconeEvals if kind == "sync" else AsyncHeliconeEvals
        self.client: Any = cls(**options)

    async def query(self, *args: Any, **kwargs: Any) -> ScoreDistributions:
        kwargs.setdefault("start", START)
        kwargs.setdefault("end", END)
        result = self.client.query_score_distributions(*args, **kwargs)
        return await result if self.kind == "async" else result  # type: ignore[no-any-return]

    async def raw(self, *args: Any, **kwargs: Any) -> RawResponse:
        kwargs.setdefault("start", START)
        kwargs.setdefault("end", END)
        result = self.client.with_raw_response.query_score_distributions(*args, **kwargs)
        return await result if self.kind == "async" else result  # type: ignore[no-any-return]

    def with_options(self, **options: Any) -> Harness:
        copy = object.__new__(Harness)
        copy.kind = self.kind
        copy.client = self.client.with_options(**options)
        return copy

    async def close(self) -> None:
        if self.kind == "async":
            await self.client.aclose()
        else:
            self.client.close()


@pytest.fixture(params=["sync", "async"])
def kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
async def make(kind: str) -> AsyncIterator[Callable[..., Harness]]:
    """``make(**client_options)``: a harness over the parametrized client, closed afterwards."""
    made: list[Harness] = []

    def factory(**options: Any) -> Harness:
        harness = Harness(kind, **options)
        made.append(harness)
        return harness

    yield factory
    for harness in made:
        await harness.close()


@pytest.fixture
def api(make: Callable[..., Harness]) -> Harness:
    """The default harness: test key, test base URL, default retries and timeout."""
    return make()


def reply(httpx_mock: Any, *, times: int = 1, **response: Any) -> None:
    """Register ``times`` identical responses for the query URL."""
    for _ in range(times):
        httpx_mock.add_response(url=URL, method="POST", **response)


def sent_body(request: httpx.Request) -> Any:
    import json

    return json.loads(request.content)
