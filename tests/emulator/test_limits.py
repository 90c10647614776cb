"""Hostile inputs get the real server's answer shapes, never a traceback or a dropped connection,
and the emulator bounds its work (issue 12, section 3)."""

from __future__ import annotations

import json
import socket
import threading
import time
from typing import Any

import duckdb
import httpx
import pytest

from helicone_evals.emulator import MAX_FILTER_LEAVES, Emulator, Store
from helicone_evals.emulator._sql import Compiled, QueryFailed, compile_filter

PATH = "/v1/evals/score-distributions/query"
WINDOW = {"start": "2024-01-01T00:00:00Z", "end": "2024-01-03T00:00:00Z"}  # conftest's rows
Post = Any
Matched = Any


def leaf(**fields: Any) -> dict[str, Any]:
    return {"request_response_rmt": fields}


def chain(depth: int) -> Any:
    node: Any = leaf(latency={"gt": 0})
    for _ in range(depth):
        node = {"left": node, "operator": "and", "right": leaf(latency={"gt": 0})}
    return node


def read_response(reader: Any) -> tuple[int, bytes]:
    """One HTTP/1.1 response from a socket file; fails if the server asks to close."""
    status = int(reader.readline().split()[1])
    length = 0
    while (line := reader.readline()) not in (b"\r\n", b""):
        name, _, value = line.decode().partition(":")
        if name.lower() == "content-length":
            length = int(value)
        assert not (name.lower() == "connection" and "close" in value.lower())
    return status, reader.read(length)


def raw_exchange(emu: Emulator, bodies: list[bytes]) -> list[tuple[int, bytes]]:
    """Send each body in turn on ONE keep-alive connection; the status and body of each."""
    answers = []
    assert emu.port is not None
    with socket.create_connection(("127.0.0.1", emu.port), timeout=30) as sock:
        reader = sock.makefile("rb")
        for body in bodies:
            head = (
                f"POST {PATH} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer k\r\n"
                f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
            )
            sock.sendall(head.encode() + body)
            answers.append(read_response(reader))
    return answers


def test_hostile_bodies_keep_the_connection_usable(emulator: Emulator) -> None:
    good = json.dumps({"filter": "all", "timeFilter": WINDOW}).encode()
    hostile = [
        json.dumps({"filter": chain(800), "timeFilter": WINDOW}).encode(),
        json.dumps({"filter": leaf(cost={"gt": 1e300}), "timeFilter": WINDOW}).encode(),
        b'{"filter": {"request_response_rmt": {"scores": {"r1": {"equals": '
        + b"9" * 5000
        + b'}}}}, "timeFilter": {"start": "2024-01-01", "end": "2024-01-03"}}',
        json.dumps(
            {"filter": "all", "timeFilter": {"start": "0001-01-01T00:00:00+01:00", "end": "2025"}}
        ).encode(),
        b"[" * 100_000 + b"]" * 100_000,
    ]
    answers = raw_exchange(emulator, [item for body in hostile for item in (body, good)])
    for (status, body), (good_status, _) in zip(answers[::2], answers[1::2], strict=True):
        assert good_status == 200
        parsed = json.loads(body)  # JSON, never a text/plain traceback
        assert isinstance(parsed, dict)
        if status == 500:
            assert parsed.get("message") == "Internal Server Error" or set(parsed) == {
                "data",
                "error",
            }
        else:
            assert status in (200, 422), (status, parsed)
    statuses = [status for status, _ in answers[::2]]
    # deep chain: the emulator's nesting bound; cost > inf: no row; a 5,000-digit number where
    # a string is due: 422; year 1 with an offset: a valid (early) start; 100,000 brackets: 500.
    assert statuses == [500, 200, 422, 200, 500]


def test_cost_beyond_a_double_matches_nothing(matched: Matched) -> None:
    assert matched(leaf(cost={"gt": 1e300})) == set()
    assert matched(leaf(cost={"lt": 1e300})) == {"r1", "r2", "r3"}


def test_a_5000_digit_score_filter_string_is_a_database_refusal(post: Post) -> None:
    flt = leaf(scores={"r1": {"equals": "9" * 5000}})
    response = post({"filter": flt, "timeFilter": WINDOW})
    assert response.status_code == 500
    assert response.json()["data"] is None
    assert "Int64" in response.json()["error"]


def test_year_one_with_an_offset_is_a_valid_start(matched: Matched) -> None:
    window = {"start": "0001-01-01T00:00:00+01:00", "end": "9999-12-31T23:59:59-01:00"}
    assert matched("all", window) == {"r1", "r2", "r3", "r4"}


def test_too_many_leaves_is_refused_with_the_crash_shape(post: Post) -> None:
    def balanced(lo: int, hi: int) -> Any:
        if hi - lo == 1:
            return leaf(latency={"equals": lo})
        mid = (lo + hi) // 2
        return {"left": balanced(lo, mid), "operator": "or", "right": balanced(mid, hi)}

    response = post({"filter": balanced(0, MAX_FILTER_LEAVES + 1), "timeFilter": WINDOW})
    assert response.status_code == 500
    assert response.json()["message"] == "Internal Server Error"
    assert "leaves" in response.json()["details"]


def test_a_body_over_50_mb_is_refused_without_reading_it(emulator: Emulator) -> None:
    assert emulator.port is not None
    with socket.create_connection(("127.0.0.1", emulator.port), timeout=30) as sock:
        sock.sendall(
            f"POST {PATH} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer k\r\n"
            "Content-Type: application/json\r\nContent-Length: 60000000\r\n\r\n".encode()
        )
        status, body = read_response(sock.makefile("rb"))
    assert status == 500
    assert json.loads(body) == {
        "message": "Internal Server Error",
        "details": "request entity too large",
    }


# -- Int32: whole numbers are bound as the server binds them ---------------------------------


def test_whole_numbers_wrap_as_int32(matched: Matched) -> None:
    # 3000000000 is bound as Int32: -1294967296. Latencies are 100..300.
    assert matched(leaf(latency={"lt": 3_000_000_000})) == set()
    assert matched(leaf(latency={"gt": 3_000_000_000})) == {"r1", "r2", "r3"}
    # cost > 3 is floor(3e9) nano-dollars, wrapped too: every row matches, even cost 0.
    assert matched(leaf(cost={"gt": 3})) == {"r1", "r2", "r3"}
    # 2**32 + 150 wraps to 150.
    assert matched(leaf(latency={"gt": 2**32 + 150})) == {"r2", "r3"}


def test_the_wrap_in_the_compiled_sql() -> None:
    _, params = compile_filter(leaf(latency={"gt": 3_000_000_000}), Compiled())
    assert params == [-1_294_967_296]
    _, params = compile_filter(leaf(cost={"gt": 3}), Compiled())
    assert params == [-1_294_967_296]
    _, params = compile_filter(leaf(cost={"gt": 0.5}), Compiled())
    assert params == [500_000_000]  # in range: unchanged
    _, params = compile_filter(leaf(latency={"gt": 2.5}), Compiled())
    assert params == [2.5]  # a fraction is a Float64


def test_a_whole_number_of_1e21_or_more_is_refused_like_clickhouse() -> None:
    with pytest.raises(QueryFailed, match=r"Value 1e\+21 cannot be parsed as Int32"):
        compile_filter(leaf(latency={"gt": 1e21}), Compiled())


# -- work is bounded and cancellable ------------------------------------------------------------

_ENDLESS = "SELECT count(*) FROM range(1000000000000) t(i) WHERE i % 7 = 3"


def test_a_cancelled_query_is_interrupted() -> None:
    store = Store(rows=0)
    try:
        cancel = threading.Event()
        cancel.set()  # the client is already gone
        with pytest.raises(duckdb.InterruptException):
            store.run(lambda cur: cur.execute(_ENDLESS).fetchall(), cancel)
    finally:
        store.close()


def _wait_until(condition: Any, limit: float = 60.0) -> bool:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def test_a_client_that_leaves_cancels_its_query(monkeypatch: pytest.MonkeyPatch) -> None:
    with Emulator(rows=0) as emu:
        store = emu.store
        assert store is not None
        monkeypatch.setattr(store, "score_names", lambda cur: cur.execute(_ENDLESS).fetchall())
        with pytest.raises(httpx.ReadTimeout):
            httpx.get(
                emu.url + "/v1/evals/scores", headers={"Authorization": "Bearer k"}, timeout=1
            )
        assert _wait_until(lambda: not store._cursors), "the query kept running"


def test_stop_with_a_query_in_flight_does_not_raise() -> None:
    emu = Emulator(rows=0).start()
    store = emu.store
    assert store is not None
    failures: list[BaseException] = []

    def endless() -> None:
        try:
            store.run(lambda cur: cur.execute(_ENDLESS).fetchall(), threading.Event())
        except BaseException as exc:
            failures.append(exc)

    worker = threading.Thread(target=endless)
    worker.start()
    assert _wait_until(lambda: bool(store._cursors))
    emu.stop()  # must neither raise nor hang
    worker.join(timeout=60)
    assert not worker.is_alive()
    assert emu.port is None
    assert failures
    assert isinstance(failures[0], duckdb.Error)
