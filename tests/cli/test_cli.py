"""The helicone-evals command line: output, exit codes, and errors without tracebacks."""

from __future__ import annotations

import inspect
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from cli_support import Invoke, no_traceback

from helicone_evals.emulator import Emulator


def test_query_draws_one_histogram_per_score(run: Invoke) -> None:
    result = run("query", "--filter", "model == 'gpt-4o'", "--since", "7d")
    assert result.exit_code == 0, result.output
    for name in ("accuracy", "helpfulness", "helicone-score-feedback"):
        assert name in result.stdout
    assert "mean" in result.stdout
    assert "█" in result.stdout


def test_query_header_names_the_filter_and_the_window(run: Invoke) -> None:
    result = run(
        "query",
        "--filter",
        "model == 'gpt-4o'",
        "--start",
        "2024-01-05",
        "--end",
        "2024-01-06T12:00:00+02:00",
    )
    assert result.exit_code == 0, result.output
    header = result.stdout.splitlines()[0]
    assert "model == 'gpt-4o'" in header
    assert "2024-01-05 00:00 \u2192 2024-01-06 10:00 UTC" in header


def test_query_header_names_a_relative_window(run: Invoke) -> None:
    result = run("query", "--since", "12h")
    assert result.exit_code == 0, result.output
    header = result.stdout.splitlines()[0]
    assert "all requests" in header
    assert "last 12h (" in header
    assert "UTC)" in header


def test_a_date_alone_is_midnight_utc(run: Invoke, emu: Emulator) -> None:
    # The emulator's rows are the 30 days before now: a date-only window ending today at 00:00
    # UTC holds the same rows as the ISO form.
    from datetime import UTC, datetime, timedelta

    today = datetime.now(UTC).date()
    first = (today - timedelta(days=3)).isoformat()
    by_date = run("query", "--start", first, "--end", today.isoformat(), "--json")
    by_time = run(
        "query", "--start", f"{first}T00:00:00Z", "--end", f"{today}T00:00:00+00:00", "--json"
    )
    assert by_date.exit_code == 0, by_date.output
    assert json.loads(by_date.stdout) == json.loads(by_time.stdout) != []


def test_query_help_says_a_date_is_midnight_utc(run: Invoke) -> None:
    result = run("query", "--help")
    assert "midnightUTC" in "".join(result.stdout.split())


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
        (["--filter", "scores['accuracy'].contains('1')"], "Illegal type Int64"),
        (["--base-url", "http://127.0.0.1:9"], "Connection error"),
    ],
)
def test_query_failures_print_the_message_and_exit_1(
    run: Invoke, args: list[str], words: str
) -> None:
    result = run("query", "--max-retries", "0", *args)
    assert result.exit_code == 1, result.output
    assert words in result.stderr
    assert result.stderr.startswith("Error: ")
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
        ["--filter", "model === 'x'"],
        ["--filter", "nonsense_field == 1"],
        ["--since", "7 days"],
        ["--since", "7days"],
        ["--since", "0d"],
        ["--start", "2024-01-05T00:00:00"],
        ["--start", "2024-01-05T00:00:00Z", "--end", "2024-01-01T00:00:00Z"],
        ["--start", "yesterday"],
        ["--timeout", "0"],
        ["--base-url", "127.0.0.1:8585"],
    ],
)
def test_misused_options_exit_2(run: Invoke, args: list[str]) -> None:
    result = run("query", *args)
    assert result.exit_code == 2, result.output
    assert "Error: " in result.stderr
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
        assert "API key sk-serve (the only key accepted)" in first
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


def test_serve_help_says_which_key_to_use(run: Invoke) -> None:
    # Compared without whitespace: click wraps the help, also after hyphens.
    text = "".join(run("serve", "--help").stdout.split())
    assert "anynon-emptyHELICONE_API_KEY" in text
    assert "--db" in text


def _serve(*args: str) -> tuple[subprocess.Popen[str], str, str]:
    exe = Path(sys.executable).parent / "helicone-evals"
    proc = subprocess.Popen(
        [str(exe), "serve", "--port", "0", "--api-key", "sk-db-test", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    first = proc.stdout.readline()
    assert " on http://" in first, proc.communicate(timeout=20)
    return proc, first.split(" on ", 1)[1].split()[0], first


def _stop(proc: subprocess.Popen[str]) -> str:
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    assert "Traceback" not in err
    return out


@pytest.mark.skipif(
    "db" not in inspect.signature(Emulator).parameters, reason="Emulator(db=...) not there yet"
)
@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT")
def test_serve_db_keeps_written_scores_across_a_restart(tmp_path: Path) -> None:
    from datetime import UTC, datetime, timedelta

    from cli_support import REQUEST_ID

    exe = Path(sys.executable).parent / "helicone-evals"
    data = tmp_path / "rows.jsonl"
    created = (datetime.now(UTC) - timedelta(hours=1)).isoformat()
    data.write_text(json.dumps({"request_id": REQUEST_ID, "request_created_at": created}))
    db = tmp_path / "emulator.duckdb"

    def cli(url: str, *args: str) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "HELICONE_BASE_URL": url, "HELICONE_API_KEY": "sk-db-test"}
        return subprocess.run(
            [str(exe), *args], capture_output=True, text=True, env=env, timeout=60, check=False
        )

    proc, url, first = _serve("--db", str(db), "--data", str(data))
    try:
        written = cli(url, "score", REQUEST_ID, "accuracy=87")
        assert written.returncode == 0, written.stderr
    finally:
        _stop(proc)
    assert f"kept in {db}" in first

    proc, url, _ = _serve("--db", str(db))
    try:
        stats = cli(url, "stats", "--since", "1d", "--json")
    finally:
        _stop(proc)
    assert stats.returncode == 0, stats.stderr
    accuracy = next(s for s in json.loads(stats.stdout) if s["name"] == "accuracy")
    assert (accuracy["count"], accuracy["mean"]) == (1, 87)
