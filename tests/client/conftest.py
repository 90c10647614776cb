"""Fixtures for the client tests: one harness over the sync and the async client.

Every test runs with a distinctive API key and fails if that key shows up in captured output
or log records; retry sleeps are recorded instead of slept.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest
from client_support import KEY, Harness

from helicone_evals import _base_client, _logging


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
