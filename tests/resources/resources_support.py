"""Constants and helpers shared by the resource tests (fixtures live in conftest.py)."""

from __future__ import annotations

import inspect
import json
from collections.abc import Callable
from typing import Any

import httpx

from helicone_evals import AsyncHeliconeEvals, HeliconeEvals

KEY = "sk-helicone-resources-91c3e7a2"
BASE = "https://api.helicone.test"


class Api:
    """One client (sync or async); ``await api.call(lambda c: c.evals.query(...))`` runs it."""

    def __init__(self, kind: str, **options: Any) -> None:
        self.kind = kind
        options.setdefault("base_url", BASE)
        options.setdefault("api_key", KEY)
        cls = HeliconeEvals if kind == "sync" else AsyncHeliconeEvals
        self.client: Any = cls(**options)

    async def call(self, fn: Callable[[Any], Any]) -> Any:
        result = fn(self.client)
        return await result if inspect.isawaitable(result) else result

    async def close(self) -> None:
        if self.kind == "async":
            await self.client.aclose()
        else:
            self.client.close()


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0
        self.slept: list[float] = []

    def sleep(self, delay: float) -> None:
        self.slept.append(delay)
        self.now += delay

    async def asleep(self, delay: float) -> None:
        self.sleep(delay)

    def monotonic(self) -> float:
        return self.now


REQUEST_ID = "0f8fad5b-d9cb-469f-a165-70867728950e"  # a UUIDv4, as Helicone gives requests
UUID7 = "01890a5d-ac96-774b-bcce-b302099a8057"
OK_NULL: dict[str, Any] = {"data": None, "error": None}


def sent_json(request: httpx.Request) -> Any:
    return json.loads(request.content)
