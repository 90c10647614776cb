"""Constants and helpers shared by the client tests (fixtures live in conftest.py)."""

from __future__ import annotations

import json
from typing import Any

import httpx

from helicone_evals import AsyncHeliconeEvals, HeliconeEvals
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


def reply(httpx_mock: Any, *, times: int = 1, **response: Any) -> None:
    """Register ``times`` identical responses for the query URL."""
    for _ in range(times):
        httpx_mock.add_response(url=URL, method="POST", **response)


def sent_body(request: httpx.Request) -> Any:
    return json.loads(request.content)


# A valid answer with fields the API schema does not define, at every level.
EXTRA_FIELDS = {
    "data": [
        {
            "name": "accuracy",
            "unit": "ratio",
            "distribution": [{"lower": 0, "upper": 1, "value": 4, "count": 4}],
        }
    ],
    "error": None,
    "meta": {"took_ms": 3},
}
