"""Fixtures for the resource tests: both clients behind one awaitable call, a fake clock.

Retry and polling waits are recorded instead of slept, and advance a fake clock, so a test of
``wait_until_visible(timeout=10)`` runs at once. Every test fails if the API key shows up in
captured output or logs.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest
from resources_support import KEY, Api, FakeClock

from helicone_evals import _base_client, _logging


@pytest.fixture(autouse=True)
def clock(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    fake = FakeClock()
    monkeypatch.setattr(_base_client, "sleep", fake.sleep)
    monkeypatch.setattr(_base_client, "asleep", fake.asleep)
    monkeypatch.setattr(_base_client, "monotonic", fake.monotonic)
    monkeypatch.setattr(_base_client, "jitter", lambda: 0.0)
    return fake


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("HELICONE_API_KEY", "HELICONE_BASE_URL", "HELICONE_LOG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(_logging, "_configured", False)


@pytest.fixture(autouse=True)
def key_never_leaks(caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]) -> Any:
    caplog.set_level(logging.DEBUG, logger="helicone_evals")
    yield
    assert KEY not in caplog.text
    captured = capsys.readouterr()
    assert KEY not in captured.out + captured.err


@pytest.fixture(params=["sync", "async"])
def kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
async def make(kind: str) -> AsyncIterator[Callable[..., Api]]:
    made: list[Api] = []

    def factory(**options: Any) -> Api:
        made.append(Api(kind, **options))
        return made[-1]

    yield factory
    for api in made:
        await api.close()


@pytest.fixture
def api(make: Callable[..., Api]) -> Api:
    return make()
