"""Synthetic rows are deterministic and realistic; a JSONL file loads whole or not at all."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from helicone_evals import HeliconeError
from helicone_evals.emulator import DataError, Store

NOW = datetime(2026, 1, 31, 12, tzinfo=UTC)


def dump(store: Store) -> list[tuple[Any, ...]]:
    return store.connection.execute(
        "SELECT * FROM request_response_rmt ORDER BY request_id"
    ).fetchall()


def test_same_seed_same_rows_other_seed_other_rows() -> None:
    a, b, c = (Store(rows=500, seed=s, now=NOW) for s in (1, 1, 2))
    try:
        assert dump(a) == dump(b)
        assert dump(a) != dump(c)
        assert len(a) == 500
    finally:
        for store in (a, b, c):
            store.close()


def test_synthetic_rows_look_like_traffic() -> None:
    store = Store(rows=5000, seed=3, now=NOW)
    con = store.connection
    try:
        (first, last) = con.execute(
            "SELECT min(request_created_at), max(request_created_at) FROM request_response_rmt"
        ).fetchone() or (None, None)
        naive_now = NOW.replace(tzinfo=None)
        assert naive_now - timedelta(days=30) <= first
        assert last <= naive_now
        models = {
            m for (m,) in con.execute("SELECT DISTINCT model FROM request_response_rmt").fetchall()
        }
        assert {"gpt-4o", "gpt-4o-mini"} <= models
        names = {
            n
            for (n,) in con.execute(
                "SELECT DISTINCT unnest(scores_keys) FROM request_response_rmt"
            ).fetchall()
        }
        assert names == {
            "accuracy", "relevance", "helpfulness", "hallucination-hcone-bool",
            "helicone-score-feedback",
        }  # fmt: skip
        bools = con.execute(
            "SELECT DISTINCT v FROM (SELECT unnest(scores_values) v, unnest(scores_keys) k "
            "FROM request_response_rmt) "
            "WHERE k LIKE '%-hcone-bool' OR k = 'helicone-score-feedback'"
        ).fetchall()
        assert {v for (v,) in bools} == {0, 1}
        (low, high) = con.execute(
            "SELECT min(v), max(v) FROM (SELECT unnest(scores_values) v FROM request_response_rmt)"
        ).fetchone() or (None, None)
        assert low >= 0
        assert high <= 100
        (costly,) = con.execute(
            "SELECT count(*) FROM request_response_rmt WHERE model = 'gpt-4o' AND cost > 500000"
        ).fetchone() or (0,)
        assert costly > 0
    finally:
        store.close()


def write(tmp_path: Path, lines: list[Any]) -> Path:
    path = tmp_path / "rows.jsonl"
    path.write_text(
        "\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines) + "\n"
    )
    return path


GOOD = {"request_created_at": "2024-01-05T12:00:00Z", "model": "m", "scores": {"q": 3}}


def test_a_good_file_loads_with_defaults(tmp_path: Path) -> None:
    rows = [
        GOOD,
        "",
        {**GOOD, "cost": 2500, "properties": {"env": "prod"}, "cached": True, "latency": None},
    ]
    store = Store(data=write(tmp_path, rows))
    try:
        assert len(store) == 2
        got = store.connection.execute(
            "SELECT model, user_id, status, cost, latency, properties_keys, scores_values, "
            "cache_reference_id <> '00000000-0000-0000-0000-000000000000' "
            "FROM request_response_rmt ORDER BY cost"
        ).fetchall()
        assert got == [
            ("m", "", 200, 0, None, [], [3], False),
            ("m", "", 200, 2500, None, ["env"], [3], True),
        ]
    finally:
        store.close()


@pytest.mark.parametrize(
    ("bad", "reason"),
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "expected a JSON object"),
        ({**GOOD, "modle": "typo"}, "unknown column 'modle'"),
        ({"model": "m"}, "request_created_at is required"),
        ({**GOOD, "request_created_at": "yesterday"}, "not an ISO-8601 time"),
        ({**GOOD, "scores": {"q": 0.5}}, "must be an integer"),
        ({**GOOD, "scores": {"ok": True}}, "'ok-hcone-bool': 0 or 1"),
        ({**GOOD, "cost": 0.002}, "nano-dollars"),
        ({**GOOD, "status": "200"}, "status must be an integer"),
        ({**GOOD, "model": None}, None),  # not nullable, but has a default: accepted
        ({**GOOD, "threat": "no"}, "threat must be true or false"),
        ({**GOOD, "properties": {"k": 1}}, "properties['k'] must be a string"),
        ({**GOOD, "request_id": "123"}, "request_id must be a UUID"),
        ({**GOOD, "latency": 2**70}, "out of the Int64 range"),
    ],
)
def test_a_bad_row_names_its_line_and_nothing_is_loaded(
    tmp_path: Path, bad: Any, reason: str | None
) -> None:
    path = write(tmp_path, [GOOD, GOOD, bad, GOOD])
    if reason is None:
        store = Store(data=path)
        assert len(store) == 4
        store.close()
        return
    with pytest.raises(DataError) as info:
        Store(data=path)
    message = str(info.value)
    assert message.startswith(f"{path}:3: ")
    assert reason in message


def test_a_missing_file_is_a_data_error(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="No such file"):
        Store(data=tmp_path / "nope.jsonl")


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (b'{"request_created_at": "2024-01-01T00:00:00Z", "model": "caf\xe9"}', "not valid UTF-8"),
        (b'{"request_created_at": "2024-01-01T00:00:00Z", "model": "\\ud800"}', "lone surrogate"),
        (
            b'{"request_created_at": "2024-01-01T00:00:00Z", "properties": {"\\udfff": "x"}}',
            "lone surrogate",
        ),
        (b'{"request_created_at": "0001-01-01T00:00:00+01:00"}', "out of range"),
        (b'{"request_created_at": "9999-12-31T23:30:00-01:00"}', "out of range"),
        (b"[" * 50_000 + b"]" * 50_000, "not valid JSON"),
    ],
)
def test_hostile_lines_are_data_errors_naming_the_line(
    tmp_path: Path, line: bytes, reason: str
) -> None:
    path = tmp_path / "rows.jsonl"
    path.write_bytes(json.dumps(GOOD).encode() + b"\n" + line + b"\n")
    with pytest.raises(DataError) as info:
        Store(data=path)
    assert str(info.value).startswith(f"{path}:2: ")
    assert reason in str(info.value)
    assert isinstance(info.value, HeliconeError)
