"""State: nothing acknowledged is lost (a db file, kill -9, concurrent writers), run-time rows,
reset, the clean fixture, a missing extra, and a quiet Ctrl-C."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import threading
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from helicone_evals import HeliconeError
from helicone_evals.emulator import DataError, Emulator

AUTH = {"Authorization": "Bearer k"}


def recent(hours: int = 1) -> str:
    return (datetime.now(UTC) - timedelta(hours=hours)).isoformat()


def scores_of(emu: Emulator, request_id: str) -> dict[str, int]:
    assert emu.store is not None
    found = emu.store.connection.execute(
        "SELECT scores_keys, scores_values FROM request_response_rmt WHERE request_id = ?",
        [request_id],
    ).fetchone()
    assert found is not None
    return dict(zip(found[0], found[1], strict=True))


_CHILD = textwrap.dedent(
    """
    import sys
    from helicone_evals.emulator import Emulator
    emu = Emulator(db=sys.argv[1], rows=0).start()
    ids = emu.add_requests([{"request_created_at": sys.argv[2]}])
    print(emu.url, ids[0], flush=True)
    emu.serve_forever()
    """
)


def test_a_201_score_survives_kill_9_and_restart(tmp_path: Path) -> None:
    db = tmp_path / "emu.duckdb"
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(db), recent()],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        url, request_id = child.stdout.readline().split()
        response = httpx.post(
            f"{url}/v1/request/{request_id}/score", json={"scores": {"kept": 42}}, headers=AUTH
        )
        assert response.status_code == 201
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.communicate(timeout=60)
    with Emulator(db=db, rows=999) as emu:  # an existing file is served as it is
        assert emu.store is not None
        assert len(emu.store) == 1
        assert scores_of(emu, request_id) == {"kept": 42}


def test_a_new_db_file_is_filled_once(tmp_path: Path) -> None:
    db = tmp_path / "fresh.duckdb"
    with Emulator(db=db, rows=300, seed=2) as emu:
        assert emu.store is not None
        assert len(emu.store) == 300
        assert "db=" in repr(emu)
    with Emulator(db=db, rows=5) as again:
        assert again.store is not None
        assert len(again.store) == 300


def test_a_db_in_use_is_a_data_error(tmp_path: Path) -> None:
    db = tmp_path / "busy.duckdb"
    holder = subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(db), recent()],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        holder.stdout.readline()
        with pytest.raises(DataError, match=r"busy\.duckdb"):
            Emulator(db=db).start()
    finally:
        holder.kill()
        holder.communicate(timeout=60)


def test_concurrent_writers_lose_no_update() -> None:
    with Emulator(rows=0) as emu:
        (request_id,) = emu.add_requests([{"request_created_at": recent()}])
        errors: list[Any] = []

        def writer(worker: int) -> None:
            with httpx.Client(base_url=emu.url, headers=AUTH, timeout=60) as http:
                for i in range(8):
                    body = {"scores": {f"w{worker}-{i}": worker * 100 + i}}
                    answer = http.post(f"/v1/request/{request_id}/score", json=body)
                    if answer.status_code != 201:
                        errors.append(answer.text)

        threads = [threading.Thread(target=writer, args=(w,)) for w in range(32)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []
        expected = {f"w{w}-{i}": w * 100 + i for w in range(32) for i in range(8)}
        assert scores_of(emu, request_id) == expected


def test_add_requests_all_or_nothing_and_reset(tmp_path: Path) -> None:
    with Emulator(rows=20, seed=4) as emu:
        assert emu.store is not None
        ids = emu.add_requests(
            [{"request_created_at": recent(), "model": "added", "scores": {"added": 1}}]
        )
        assert len(emu.store) == 21
        uuid.UUID(ids[0])  # a fresh UUID
        with pytest.raises(DataError, match=r"row 2: .*cost") as info:
            emu.add_requests(
                [{"request_created_at": recent()}, {"request_created_at": recent(), "cost": 0.5}]
            )
        assert isinstance(info.value, HeliconeError)
        assert len(emu.store) == 21  # the good first row was not added either
        jsonl = tmp_path / "more.jsonl"
        jsonl.write_text(json.dumps({"request_created_at": recent(), "model": "from-file"}) + "\n")
        assert len(emu.add_requests(jsonl)) == 1
        score = httpx.post(
            f"{emu.url}/v1/request/{ids[0]}/score", json={"scores": {"w": 1}}, headers=AUTH
        )
        assert score.status_code == 201
        emu.reset()
        assert len(emu.store) == 20
        assert "added" not in emu.store.score_names()
        assert "w" not in emu.store.score_names()


def test_add_requests_needs_a_running_emulator() -> None:
    with pytest.raises(HeliconeError, match="not running"):
        Emulator(rows=0).add_requests([])


def test_the_clean_fixture_resets(helicone_emulator_clean: Emulator) -> None:
    emu = helicone_emulator_clean
    assert emu.store is not None
    emu.add_requests([{"request_created_at": recent(), "scores": {"leftover": 1}}])
    assert "leftover" in emu.store.score_names()
    emu.reset()  # what the fixture does before every test that asks for it
    assert "leftover" not in emu.store.score_names()
    assert len(emu.store) == 10_000


def test_without_the_extra_the_import_and_the_fixture_say_what_to_install(
    tmp_path: Path,
) -> None:
    blocker = "import sys\nsys.modules['duckdb'] = None\n"
    code = blocker + (
        "try:\n"
        "    import helicone_evals.emulator\n"
        "except ImportError as exc:\n"
        "    from helicone_evals import HeliconeError\n"
        "    assert isinstance(exc, HeliconeError)\n"
        "    print(exc)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "'emulator' extra" in out.stdout
    assert "pip install" in out.stdout
    assert "[emulator]" in out.stdout
    (tmp_path / "conftest.py").write_text(blocker)
    (tmp_path / "test_user.py").write_text(
        "def test_uses(helicone_emulator):\n    pass\n\ndef test_other():\n    pass\n"
    )
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert "1 passed" in run.stdout, run.stdout
    assert "1 error" in run.stdout, run.stdout
    assert "pip install" in run.stdout
    assert "Traceback" not in run.stdout


def test_ctrl_c_stops_quietly() -> None:
    code = (
        "from helicone_evals.emulator import Emulator\n"
        "emu = Emulator(rows=10).start()\n"
        "print(emu.url, flush=True)\n"
        "emu.serve_forever()\n"
        "print('stopped', flush=True)\n"
    )
    for _ in range(3):
        child = subprocess.Popen(
            [sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        assert child.stdout is not None
        url = child.stdout.readline().strip()
        httpx.get(url + "/v1/evals/scores", headers=AUTH)  # leaves a keep-alive connection
        child.send_signal(signal.SIGINT)
        out, err = child.communicate(timeout=60)
        assert child.returncode == 0, err
        assert "stopped" in out
        assert "Traceback" not in err, err
        assert "Invalid file descriptor" not in err, err


def test_scores_written_show_in_every_read_at_once(helicone_emulator_clean: Emulator) -> None:
    emu = helicone_emulator_clean
    assert emu.store is not None
    picked = emu.store.connection.execute(
        "SELECT request_id FROM request_response_rmt WHERE request_created_at > ? "
        "ORDER BY request_id LIMIT 3",
        [datetime.now(UTC).replace(tzinfo=None) - timedelta(days=20)],
    ).fetchall()
    ids = [rid for (rid,) in picked]
    with httpx.Client(base_url=emu.url, headers=AUTH) as http:
        for value, rid in enumerate(ids, start=1):
            body = {"scores": {"loop-score": value, "loop-flag": value % 2 == 1}}
            assert http.post(f"/v1/request/{rid}/score", json=body).status_code == 201
        names = set(http.get("/v1/evals/scores").json()["data"])
        assert {"loop-score", "loop-flag-hcone-bool"} <= names
        window = {"start": recent(24 * 31), "end": datetime.now(UTC).isoformat()}
        flt: Any = "all"
        dist = http.post(
            "/v1/evals/score-distributions/query", json={"filter": flt, "timeFilter": window}
        ).json()["data"]
        by_name = {d["name"]: d["distribution"] for d in dist}
        assert by_name["loop-score"] == [
            # three distinct values, one row each: one bin each, edges at the midpoints
            {"lower": 1, "upper": 1.5, "value": 1},
            {"lower": 1.5, "upper": 2.5, "value": 1},
            {"lower": 2.5, "upper": 3, "value": 1},
        ]
        assert sum(b["value"] for b in by_name["loop-flag-hcone-bool"]) == 3
        stats = http.post("/v1/evals/query", json={"filter": flt, "timeFilter": window}).json()[
            "data"
        ]
        loop = next(e for e in stats if e["name"] == "loop-score")
        assert loop["count"] == 3
        assert loop["maxScore"] == 3
