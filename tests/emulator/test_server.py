"""The emulator as users run it (a context manager, a pytest fixture); light imports."""

from __future__ import annotations

import socket
import subprocess
import sys
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from helicone_evals.emulator import DEFAULT_PORT, Emulator

PATH = "/v1/evals/score-distributions/query"


def window() -> dict[str, str]:
    now = datetime.now(UTC)
    return {"start": (now - timedelta(days=31)).isoformat(), "end": now.isoformat()}


def test_runs_on_a_free_local_port_and_stops_cleanly() -> None:
    emu = Emulator(rows=200, seed=1)
    with pytest.raises(RuntimeError, match="not running"):
        _ = emu.url
    with emu:
        assert emu.url.startswith("http://127.0.0.1:")
        assert emu.api_key.startswith("sk-helicone-emulator-")
        assert "rows=200" in repr(emu)
        response = httpx.post(
            emu.url + PATH,
            json={"filter": "all", "timeFilter": window()},
            headers={"Authorization": f"Bearer {emu.api_key}"},
        )
        assert response.status_code == 200
        names = {d["name"] for d in response.json()["data"]}
        assert {"accuracy", "helicone-score-feedback"} <= names
        port = emu.port
    assert emu.port is None
    assert "stopped" in repr(emu)
    with socket.socket() as sock:  # the port is free again
        sock.bind(("127.0.0.1", port or 0))


def test_a_busy_port_is_an_error_and_nothing_leaks() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        busy = sock.getsockname()[1]
        with pytest.raises(OSError), Emulator(rows=10, port=busy):
            pass


def test_default_port_is_the_specs_local_server() -> None:
    assert DEFAULT_PORT == 8585


def test_the_pytest_fixture(helicone_emulator: Emulator) -> None:
    response = httpx.post(
        helicone_emulator.url + PATH,
        json={"filter": "all", "timeFilter": window()},
        headers={"Authorization": f"Bearer {helicone_emulator.api_key}"},
    )
    assert response.status_code == 200
    assert response.json()["data"]
    assert helicone_emulator.store is not None
    assert len(helicone_emulator.store) == 10_000


@pytest.mark.parametrize("module", ["helicone_evals", "helicone_evals.pytest_plugin"])
def test_importing_stays_light(module: str) -> None:
    code = (
        f"import sys, {module}\n"
        "heavy = {'duckdb', 'uvicorn', 'starlette', 'rich', 'matplotlib'} & set(sys.modules)\n"
        "assert not heavy, heavy\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
