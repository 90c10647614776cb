"""Failures on the command line: one line in CLI terms, exit 1 or 2, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from cli_support import Invoke, no_traceback

from helicone_evals import APIConnectionError, FilterError
from helicone_evals.cli import _app
from helicone_evals.cli._errors import cli_terms

EXE = Path(sys.executable).parent / "helicone-evals"


def _run_missing(module: str) -> subprocess.CompletedProcess[str]:
    code = (
        f"import sys; sys.modules[{module!r}] = None\n"
        "from helicone_evals.cli import main\n"
        "main(['query', '--since', '1d'])\n"
    )
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )


@pytest.mark.parametrize("module", ["click", "rich"])
def test_without_the_cli_extra_the_command_says_how_to_add_it(module: str) -> None:
    done = _run_missing(module)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "'cli' extra" in done.stderr
    assert 'pip install "helicone-evals[cli]"' in done.stderr
    assert "'./wrapper[cli]'" in done.stderr


def test_a_base_url_without_scheme_in_the_environment_is_one_line() -> None:
    env = {**os.environ, "HELICONE_BASE_URL": "127.0.0.1:8585", "HELICONE_API_KEY": "sk-x"}
    done = subprocess.run(
        [str(EXE), "query"], capture_output=True, text=True, env=env, timeout=60, check=False
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert "HELICONE_BASE_URL" in lines[0]
    assert "'127.0.0.1:8585'" in lines[0]
    assert "http://HOST:PORT" in lines[0]


def test_a_base_url_option_without_scheme_names_the_option(invoke: Invoke) -> None:
    result = invoke("query", "--base-url", "localhost:8585")
    assert result.exit_code == 2
    assert "--base-url" in result.stderr
    assert "http://HOST:PORT" in result.stderr


def test_no_api_key_names_the_flag_and_the_variable(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("HELICONE_API_KEY")
    result = invoke("query")
    assert result.exit_code == 2
    assert "--api-key" in result.stderr
    assert "HELICONE_API_KEY" in result.stderr
    assert "api_key=" not in result.stderr
    no_traceback(result)


@pytest.mark.parametrize("key", ["sk-bad\nkey-1234", "sk-typographic\u2019key"])
def test_a_malformed_key_is_misuse_named_by_flag_and_never_shown(invoke: Invoke, key: str) -> None:
    result = invoke("query", "--api-key", key, "--base-url", "http://127.0.0.1:9")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: --api-key (or HELICONE_API_KEY) ")
    assert "api_key" not in result.stderr
    assert key not in result.output
    assert key.split("\n")[0] not in result.output
    no_traceback(result)


def test_a_filter_value_the_server_would_misread_is_misuse(invoke: Invoke) -> None:
    result = invoke("query", "--filter", "cost > 5")
    assert result.exit_code == 2
    assert "--filter" in result.stderr
    assert "F.cost" not in result.stderr


@pytest.mark.parametrize(
    ("sdk_message", "present", "absent"),
    [
        (
            "No Helicone API key: set the HELICONE_API_KEY environment variable or pass "
            "api_key=... to the client (keys are made at https://us.helicone.ai/settings)",
            ["pass --api-key", "HELICONE_API_KEY"],
            ["api_key=", "the client"],
        ),
        (
            "start: '2024-01-05T00:00:00' has no timezone; pass an aware datetime "
            "(datetime(..., tzinfo=timezone.utc)) or an ISO string ending in Z or +HH:MM",
            ["--start", "Z or +HH:MM"],
            ["datetime(", "tzinfo", "aware datetime"],
        ),
        (
            "base_url must start with http:// or https://, got '127.0.0.1:8586'",
            ["--base-url (or HELICONE_BASE_URL) must start"],
            ["base_url"],
        ),
        (
            "max_retries must be an int >= 0, got -1",
            ["--max-retries must be"],
            ["max_retries"],
        ),
        (
            "start: expected a timezone-aware datetime or an ISO-8601 string, or a timedelta",
            ["--start/--since:", "a time with Z or +HH:MM"],
            ["timezone-aware datetime"],
        ),
    ],
)
def test_sdk_messages_are_put_in_command_line_terms(
    sdk_message: str, present: list[str], absent: list[str]
) -> None:
    text = cli_terms(sdk_message)
    for words in present:
        assert words in text
    for words in absent:
        assert words not in text


class _Raising:
    def __init__(self, exc: BaseException) -> None:
        self.exc = exc

    def __enter__(self) -> Any:
        raise self.exc

    def __exit__(self, *args: object) -> None:
        return None


def _client_raising(monkeypatch: pytest.MonkeyPatch, exc: BaseException) -> None:
    monkeypatch.setattr(_app, "open_client", lambda settings: _Raising(exc))


def test_an_sdk_argument_error_is_misuse_in_cli_terms(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    _client_raising(
        monkeypatch,
        FilterError(
            "end: '2024-01-05T00:00' has no timezone; pass an aware datetime "
            "(datetime(..., tzinfo=timezone.utc))"
        ),
    )
    result = invoke("query")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: --end: ")
    assert "tzinfo" not in result.stderr
    no_traceback(result)


def test_an_sdk_failure_exits_1_with_its_message(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    _client_raising(monkeypatch, APIConnectionError("Connection error: https://x.test/v1 refused"))
    result = invoke("scores")
    assert result.exit_code == 1
    assert result.stderr == "Error: Connection error: https://x.test/v1 refused\n"


def test_an_unexpected_exception_is_one_line_without_the_key(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    _client_raising(monkeypatch, RuntimeError("boom with sk-test-key inside"))
    result = invoke("query", "--since", "1d")
    assert result.exit_code == 1
    assert "unexpected RuntimeError" in result.stderr
    assert "sk-test-key" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1
    no_traceback(result)


def test_ctrl_c_during_a_call_exits_130_quietly(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    _client_raising(monkeypatch, KeyboardInterrupt())
    result = invoke("scores")
    assert result.exit_code == 130
    assert result.stderr == "Interrupted.\n"


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("model = 'gpt-4o'", "compare with =="),
        ("model === 'gpt-4o'", "compare with =="),
        ("model == 'gpt-4o' AND cost > 0.01", "lowercase and, or, not"),
        ("model == 'gpt-4o' && cost > 0.01", "lowercase and, or, not"),
        ("model == 'a' || model == 'b'", "lowercase and, or, not"),
        ("model == gpt-4o", "write 'gpt-4o', not gpt-4o"),
        ("provider in [openai, 'anthropic']", "write 'openai', not openai"),
        ("model == 'x' and cache_enabled == true", "True, False and None"),
    ],
)
def test_filter_mistakes_get_a_hint(invoke: Invoke, text: str, hint: str) -> None:
    result = invoke("query", "--filter", text)
    assert result.exit_code == 2
    assert "--filter" in result.stderr
    assert hint in result.stderr
    assert "F.parse" not in result.stderr
    no_traceback(result)


def test_a_right_filter_gets_no_hint(invoke: Invoke) -> None:
    result = invoke("query", "--filter", "model == 'a' and nosuchfield == 'b'")
    assert result.exit_code == 2
    assert "unknown field" in result.stderr
    assert "hint" not in result.stderr


def test_serve_without_the_emulator_extra_says_how_to_add_it() -> None:
    code = (
        "import sys; sys.modules['duckdb'] = None\n"
        "from helicone_evals.cli import main\n"
        "main(['serve', '--port', '0', '--rows', '10'])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "'emulator' extra" in done.stderr
    assert "[emulator]" in done.stderr


def test_plot_without_matplotlib_says_which_extra(
    run: Invoke, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    result = run("query", "--since", "1d", "--plot", str(tmp_path / "chart.png"))
    assert result.exit_code == 1
    assert "'plot' extra" in result.stderr
    assert 'pip install "helicone-evals[plot]"' in result.stderr
    no_traceback(result)
