"""Shared helpers: a small hand-made table, and a client that names the rows a filter matches.

Every hand-made row carries one score named after the row ("r1", "r2"...), so the score names
in an answer are exactly the rows the filter and time window let through.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from helicone_evals.emulator import Emulator, Store
from helicone_evals.emulator._data import insert_rows, parse_row

PATH = "/v1/evals/score-distributions/query"
WINDOW = {"start": "2024-01-01T00:00:00Z", "end": "2024-01-03T00:00:00Z"}
CACHED = "3f2a1e9c-0000-4000-8000-000000000001"

ROWS: list[dict[str, Any]] = [
    {
        "request_created_at": "2024-01-01T00:00:00Z",
        "model": "GPT-4o",
        "provider": "openai",
        "user_id": "alice",
        "country_code": "US",
        "latency": 100,
        "status": 200,
        "cost": 1_000_000,  # $0.001
        "properties": {"env": "prod", "Feature": "chat"},
        "scores": {"r1": 1},
        "cache_reference_id": CACHED,
        "threat": False,
    },
    {
        "request_created_at": "2024-01-01T12:00:00.500Z",
        "model": "gpt-4o-mini",
        "provider": "openai",
        "user_id": "",
        "latency": 300,
        "status": 200,
        "cost": 500_000,
        "properties": {"env": "staging"},
        "scores": {"r2": 2, "helicone-score-feedback": 1},
    },
    {
        "request_created_at": "2024-01-02T06:00:00Z",
        "model": "100%_pure",
        "provider": "together",
        "user_id": "bob",
        "country_code": "DE",
        "latency": 180,
        "status": 500,
        "cost": 0,
        "scores": {"r3": 3, "helicone-score-feedback": 0},
        "request_body": "Please REFUND my order",
    },
    {
        # exactly the end of WINDOW: never in it
        "request_created_at": "2024-01-03T00:00:00Z",
        "model": "gpt-4o",
        "scores": {"r4": 4},
    },
]


def make_store(rows: list[dict[str, Any]]) -> Store:
    """A store holding exactly these rows (JSONL-shaped dicts)."""
    store = Store(rows=0)
    insert_rows(store.connection, [parse_row(r, line=i) for i, r in enumerate(rows, start=1)])
    return store


@pytest.fixture(scope="session")
def rows_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("emulator") / "rows.jsonl"
    path.write_text("\n".join(json.dumps(row) for row in ROWS) + "\n")
    return path


@pytest.fixture(scope="session")
def emulator(rows_file: Path) -> Iterator[Emulator]:
    """The hand-made rows, served over HTTP on a free port."""
    with Emulator(data=rows_file) as emu:
        yield emu


@pytest.fixture(scope="session")
def client(emulator: Emulator) -> Iterator[httpx.Client]:
    headers = {"Authorization": f"Bearer {emulator.api_key}"}
    with httpx.Client(base_url=emulator.url, headers=headers, timeout=30) as http:
        yield http


Post = Callable[[Any], httpx.Response]
Matched = Callable[..., set[str]]


@pytest.fixture(scope="session")
def post(client: httpx.Client) -> Post:
    def post(body: Any) -> httpx.Response:
        return client.post(PATH, json=body)

    return post


@pytest.fixture(scope="session")
def matched(post: Post) -> Matched:
    """The hand-made rows (r1..r4) a filter lets through."""

    def matched(flt: Any, window: dict[str, str] | None = None) -> set[str]:
        response = post({"filter": flt, "timeFilter": window or WINDOW})
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["error"] is None
        return {d["name"] for d in body["data"]} - {"helicone-score-feedback"}

    return matched
