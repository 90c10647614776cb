"""The helicone-evals command line: output, exit codes, and errors without tracebacks."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from helicone_evals.cli import cli
from helicone_evals.emulator import Emulator


@pytest.fixture(scope="module")
def emu() -> Iterator[Emulator]:
    with Emulator(rows=5000, seed=3) as emulator:
        yield emulator


Invoke = Callable[..., Result]


@pytest.fixture
def run(emu: Emulator, monkeypatch: pytest.MonkeyPatch) -> Invoke:
    monkeypatch.setenv("HELICONE_API_KEY", emu.api_key)
    monkeypatch.setenv("HELICONE_BASE_URL", emu.url)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "100")
    runner = CliRunner()

    def invoke(*args: str) -> Result:
        return runner.invoke(cli, list(args), catch_exceptions=False)

    return invoke


def no_traceback(result: Result) -> None:
    assert "Traceback" not in result.output


def test_query_draws_one_histogram_per_score(run: Invoke) -> None:
    result = run("query", "--filter", "model == 'gpt-4o'", "--since", "7d")
    assert result.exit_code == 0, result.output
    for name in ("accuracy", "helpfulness", "helicone-score-feedback"):
        assert name in result.stdout
    assert "mean" in result.stdout
    assert "█" in result.stdout


def test_query_json_is_the_distributions(run: Invoke, emu: Emulator) -> None:
    result = run("query", "--filter-json", '"all"', "--since", "30d", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert {d["name"] for d in data} >= {"accuracy", "relevance"}
    for item in data:
        assert set(item) == {"name", "distribution"}
        assert all(set(b) == {"lower", "upper", "value"} for b in item["distribution"])


def test_query_start_end_window(run: Invoke) -> None:
    result = run(
        "query", "--start", "2000-01-01T00:00:00Z", "--end", "2000-01-02T00:00:00Z", "--json"
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == []


def test_query_nothing_matched_says_so(run: Invoke) -> None:
    result = run("query", "--filter", "model == 'no-such-model'")
    assert result.exit_code == 0
    assert "No scored requests" in result.stdout


def test_query_plot_writes_a_png(run: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "chart.png"
    result = run("query", "--since", "30d", "--plot", str(target))
    assert result.exit_code == 0, result.output
    assert target.read_bytes().startswith(b"\x89PNG")


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--filter", "model === 'x'"], "Error: "),
        (["--filter", "nonsense_field == 1"], "Error: "),
        (["--since", "7 days"], "is not a duration"),
        (["--start", "2024-01-05T00:00:00"], "has no timezone"),
        (["--start", "2024-01-05T00:00:00Z", "--end", "2024-01-01T00:00:00Z"], "Error: "),
        (["--filter", "scores['accuracy'].contains('1')"], "Illegal type Int64"),
        (["--base-url", "http://127.0.0.1:9"], "Connection error"),
    ],
)
def test_query_errors_print_the_sdk_message_and_exit_1(
    run: Invoke, args: list[str], words: str
) -> None:
    result = run("query", "--max-retries", "0", *args)
    assert result.exit_code == 1, result.output
    assert words in result.stderr
    no_traceback(result)


def test_a_rejected_key_is_reported(run: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    with Emulator(rows=10, api_key="sk-right") as strict:
        result = run("query", "--base-url", strict.url, "--api-key", "sk-wrong")
    assert result.exit_code == 1
    assert "Invalid API key" in result.stderr
    no_traceback(result)


@pytest.mark.parametrize(
    "args",
    [
        ["--filter", "all", "--filter-json", '"all"'],
        ["--since", "7d", "--start", "2024-01-01T00:00:00Z"],
        ["--end", "2024-01-01T00:00:00Z"],
        ["--filter-json", "{nope"],
        ["--region", "mars"],
    ],
)
def test_misused_options_exit_2(run: Invoke, args: list[str]) -> None:
    result = run("query", *args)
    assert result.exit_code == 2
    no_traceback(result)


def test_demo_runs_end_to_end(run: Invoke) -> None:
    result = run("demo", "--rows", "3000")
    assert result.exit_code == 0, result.output
    assert "emulator on http://127.0.0.1:" in result.stdout
    assert result.stdout.count("ms over HTTP") == 4
    assert "accuracy" in result.stdout


def test_serve_refuses_a_bad_data_file(run: Invoke, tmp_path: Path) -> None:
    data = tmp_path / "rows.jsonl"
    data.write_text('{"request_created_at": "2024-01-01T00:00:00Z"}\n{"model": 1}\n')
    result = run("serve", "--data", str(data), "--port", "0")
    assert result.exit_code == 1
    assert f"{data}:2: " in result.stderr
    no_traceback(result)


def test_serve_on_a_busy_port_is_an_error(run: Invoke) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        port = sock.getsockname()[1]
        result = run("serve", "--port", str(port), "--rows", "10")
    assert result.exit_code == 1
    assert "cannot listen" in result.stderr


def test_version(run: Invoke) -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert "helicone-evals" in result.stdout


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT")
def test_serve_runs_until_interrupted() -> None:
    exe = Path(sys.executable).parent / "helicone-evals"
    proc = subprocess.Popen(
        [str(exe), "serve", "--port", "0", "--rows", "1000", "--api-key", "sk-serve"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
    )
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()
        assert "Helicone emulator on http://127.0.0.1:" in first
        url = first.split(" on ", 1)[1].split()[0]
        env = {**os.environ, "HELICONE_BASE_URL": url, "HELICONE_API_KEY": "sk-serve"}
        query = subprocess.run(
            [str(exe), "query", "--json", "--since", "30d"],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        )
        assert query.returncode == 0, query.stderr
        assert json.loads(query.stdout)
    finally:
        time.sleep(0.1)
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=20)
    assert proc.returncode == 0, err
    assert "Stopped." in out
    assert "Traceback" not in err
