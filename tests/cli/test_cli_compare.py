"""``helicone-evals compare``: verdicts, outputs and the exit status as a CI gate.

The emulator serves rows written here, so every verdict is known in advance: the candidate's
``quality`` is 2 points worse, its ``ok-hcone-bool`` pass rate better, ``latency_ms`` the same.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import socket
import statistics
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from cli_support import Invoke, no_traceback

from helicone_evals.emulator import Emulator

EXE = Path(sys.executable).parent / "helicone-evals"
N = 40
BASE = "model == 'base'"
CAND = "model == 'cand'"
REGRESSION = ["--baseline", BASE, "--candidate", CAND, "--since", "1d"]
STEADY = ["--baseline", "model == 'steady-a'", "--candidate", "model == 'steady-b'"]


def _scores(model: str, i: int) -> dict[str, int]:
    if model == "base":
        return {
            "quality": 3 + i % 3,
            "latency_ms": 100 + i % 4,
            "ok-hcone-bool": int(i % 4 != 0),
            "only_base": 7,
            # ~30 distinct values: the server merges bins, so the figures are estimates.
            "wide": (i * i) % 97,
        }
    if model == "cand":
        return {
            "quality": 1 + i % 3,
            "latency_ms": 100 + i % 4,
            "ok-hcone-bool": 1,
            "wide": (i * i) % 97 + 2,
        }
    return {"quality": 3 + i % 3}  # steady-a and steady-b: the same scores


def _rows(now: datetime) -> list[dict[str, Any]]:
    rows = []
    for i in range(N):
        at = (now - timedelta(hours=1 + i % 20)).isoformat()
        for model in ("base", "cand", "steady-a", "steady-b"):
            rows.append({"request_created_at": at, "model": model, "scores": _scores(model, i)})
        # One model over two windows: 3 the week before last, 4 in the last two days.
        rows.append(
            {
                "request_created_at": (now - timedelta(days=10, hours=i % 20)).isoformat(),
                "model": "timed",
                "scores": {"quality": 3 + i % 2},
            }
        )
        rows.append(
            {
                "request_created_at": (now - timedelta(days=1, hours=i % 20)).isoformat(),
                "model": "timed",
                "scores": {"quality": 4 + i % 2},
            }
        )
    return rows


@pytest.fixture(scope="module")
def cmp_emu(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Emulator]:
    data = tmp_path_factory.mktemp("compare") / "rows.jsonl"
    data.write_text("\n".join(json.dumps(row) for row in _rows(datetime.now(UTC))))
    with Emulator(data=data) as emulator:
        yield emulator


@pytest.fixture
def run(cmp_emu: Emulator, invoke: Invoke, monkeypatch: pytest.MonkeyPatch) -> Invoke:
    """``helicone-evals compare ARGS`` against the emulator with the rows above."""
    monkeypatch.setenv("HELICONE_API_KEY", cmp_emu.api_key)
    monkeypatch.setenv("HELICONE_BASE_URL", cmp_emu.url)

    def compare(*args: str) -> Any:
        return invoke("compare", *args)

    return compare


@pytest.fixture
def closed_port() -> str:
    """The URL of a local port nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def _json(output: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(output)
    return data


def _verdicts(data: dict[str, Any]) -> dict[str, str]:
    return {row["name"]: row["verdict"] for row in data["scores"]}


# --- verdicts and the gate ----------------------------------------------------------------------


def test_json_has_the_known_verdicts_and_figures(run: Invoke) -> None:
    result = run(*REGRESSION, "--json")
    assert result.exit_code == 0, result.output  # no gate: a completed comparison exits 0
    data = _json(result.stdout)
    assert _verdicts(data) == {
        "latency_ms": "no change",
        "ok-hcone-bool": "better",
        "only_base": "only in baseline",
        "quality": "worse",
        "wide": "no change",
    }
    assert data["has_regression"] is True
    quality = next(row for row in data["scores"] if row["name"] == "quality")
    base = [_scores("base", i)["quality"] for i in range(N)]
    cand = [_scores("cand", i)["quality"] for i in range(N)]
    assert quality["baseline"]["n"] == quality["candidate"]["n"] == N
    assert quality["baseline"]["mean"] == pytest.approx(statistics.mean(base), abs=1e-12)
    assert quality["baseline"]["std"] == pytest.approx(statistics.stdev(base), abs=1e-12)
    assert quality["difference"] == pytest.approx(
        statistics.mean(cand) - statistics.mean(base), abs=1e-12
    )
    assert quality["ci_low"] < quality["difference"] < quality["ci_high"] < 0
    ok = next(row for row in data["scores"] if row["name"] == "ok-hcone-bool")
    assert ok["kind"] == "proportion"
    assert (ok["baseline"]["mean"], ok["candidate"]["mean"]) == (0.75, 1.0)
    wide = next(row for row in data["scores"] if row["name"] == "wide")
    assert wide["exact"] is False


def test_a_regression_fails_the_gate_with_1_and_names_the_score(run: Invoke) -> None:
    result = run(*REGRESSION, "--fail-on-regression")
    assert result.exit_code == 1
    assert "worse" in result.stdout
    assert "quality" in result.stderr
    assert "significantly worse" in result.stderr
    assert "ok-hcone-bool" not in result.stderr


def test_no_regression_passes_the_gate_with_0(run: Invoke) -> None:
    result = run(*STEADY, "--fail-on-regression")
    assert result.exit_code == 0, result.output
    assert "no change" in result.stdout
    assert result.stderr == ""


def test_min_effect_larger_than_the_drop_passes_the_gate(run: Invoke) -> None:
    result = run(*REGRESSION, "--min-effect", "quality=2.5", "--json", "--fail-on-regression")
    assert result.exit_code == 0, result.output
    data = _json(result.stdout)
    assert _verdicts(data)["quality"] == "no change"
    assert _verdicts(data)["ok-hcone-bool"] == "better"  # the default (0) for the others
    # One number for every score: the pass rate rose by 0.25 < 0.3, quality fell by 2 >= 0.3.
    result = run(*REGRESSION, "--min-effect", "0.3", "--json", "--fail-on-regression")
    assert result.exit_code == 1
    assert _verdicts(_json(result.stdout))["ok-hcone-bool"] == "no change"


def test_lower_is_better_turns_the_drop_into_an_improvement(run: Invoke) -> None:
    result = run(*REGRESSION, "--lower-is-better", "quality", "--json", "--fail-on-regression")
    assert result.exit_code == 0, result.output
    row = next(r for r in _json(result.stdout)["scores"] if r["name"] == "quality")
    assert (row["verdict"], row["lower_is_better"]) == ("better", True)


def test_only_restricts_the_scores_and_reports_unknown_names(run: Invoke) -> None:
    result = run(*REGRESSION, "--only", "latency_ms", "--only", "nosuch", "--json")
    assert result.exit_code == 0, result.output
    data = _json(result.stdout)
    assert _verdicts(data) == {"latency_ms": "no change"}
    assert any("nosuch" in note for note in data["notes"])


def test_one_filter_over_two_windows(run: Invoke) -> None:
    result = run(
        "--filter",
        "model == 'timed'",
        "--baseline-window",
        "14d..7d",
        "--candidate-window",
        "2d",
        "--json",
        "--fail-on-regression",
    )
    assert result.exit_code == 0, result.output
    row = _json(result.stdout)["scores"][0]
    assert (row["name"], row["verdict"]) == ("quality", "better")
    assert row["baseline"]["mean"] == 3.5
    assert row["candidate"]["mean"] == 4.5


# --- what the table, Markdown and chart show --------------------------------------------------


def test_table_shows_both_sides_interval_verdicts_and_estimates(run: Invoke) -> None:
    result = run(*REGRESSION)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "model == 'base'" in out
    assert "model == 'cand'" in out
    assert "3.975 ± 0.832" in out  # baseline quality: mean ± std
    assert "n=40" in out
    assert "[-2.37, -1.63]" in out  # its 95% interval
    assert "+25.0 pp" in out  # a pass rate's difference, in percentage points
    assert "only in baseline" in out
    assert "only_base: no data in the candidate" in out
    assert re.search(r"~\d", out)  # the estimated means of `wide`
    assert "~ estimate" in out
    lines = out.splitlines()
    assert max(map(len, lines)) <= 100  # the test terminal's width: nothing runs over


def test_colours_on_a_terminal(run: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("FORCE_COLOR", "1")
    out = run(*REGRESSION).stdout
    assert re.search(r"\x1b\[[0-9;]*31m" + "worse", out)  # red
    assert re.search(r"\x1b\[[0-9;]*32m" + "better", out)  # green


def test_markdown_is_a_github_table(run: Invoke) -> None:
    result = run(*REGRESSION, "--markdown", "--fail-on-regression")
    assert result.exit_code == 1  # the table is printed, and the gate still fails
    table = [line for line in result.stdout.splitlines() if line.startswith("|")]
    assert len(table) == 2 + 5  # header, alignment row, one row per score
    assert re.fullmatch(r"\|( :?-{3,}:? \|)+", table[1])
    widths = {len(re.findall(r"(?<!\\)\|", line)) for line in table}
    assert widths == {10}  # nine cells in every row
    quality = next(line for line in table if line.startswith("| `quality`"))
    assert "**worse**" in quality
    assert "[-2.37, -1.63]" in quality
    assert "`model == 'base'`" in result.stdout
    assert "Traceback" not in result.output


def test_plot_writes_a_png(run: Invoke, tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    path = tmp_path / "compare.png"
    result = run(*REGRESSION, "--plot", str(path), "--json")
    assert result.exit_code == 0, result.output
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert json.loads(result.stdout)["has_regression"] is True  # stdout stays pure JSON
    assert str(path) in result.stderr


def test_plot_without_matplotlib_names_the_extra(
    run: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name == "matplotlib" else real(name, *a),
    )
    result = run(*REGRESSION, "--plot", str(tmp_path / "x.png"), "--fail-on-regression")
    assert result.exit_code == 3
    assert "'plot' extra" in result.stderr
    assert not (tmp_path / "x.png").exists()
    assert result.stdout == ""  # refused before the comparison


def test_without_scipy_the_stats_extra_is_named_before_any_request(
    run: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "scipy" else real(name, *a)
    )
    gated = run(*REGRESSION, "--fail-on-regression")
    assert gated.exit_code == 3
    assert 'pip install "helicone-evals[stats]"' in gated.stderr
    assert gated.stdout == ""
    assert run(*REGRESSION).exit_code == 1


# --- nothing to compare, failures, misuse -------------------------------------------------------


def test_filters_matching_nothing_say_so(run: Invoke) -> None:
    nothing = ["--baseline", "model == 'nobody'", "--candidate", "model == 'no-one'"]
    result = run(*nothing)
    assert result.exit_code == 0, result.output
    assert "matched no scored request" in result.stdout
    data = _json(run(*nothing, "--json").stdout)
    assert data["empty"] is True
    assert data["scores"] == []
    gated = run(*nothing, "--fail-on-regression")
    assert gated.exit_code == 3  # a gate never passes on no data
    assert "could not compare" in gated.stderr


def test_a_side_without_data_is_reported_and_cannot_pass_the_gate(run: Invoke) -> None:
    result = run("--baseline", "model == 'nobody'", "--candidate", CAND, "--json")
    assert result.exit_code == 0, result.output
    data = _json(result.stdout)
    assert set(_verdicts(data).values()) == {"only in candidate"}
    assert "the baseline matched no scored request" in data["message"]
    gated = run("--baseline", "model == 'nobody'", "--candidate", CAND, "--fail-on-regression")
    assert gated.exit_code == 3
    assert "no score has data on both sides" in gated.stderr


def test_an_unreachable_server_is_3_with_the_gate_and_1_without(
    invoke: Invoke, closed_port: str
) -> None:
    args = ["compare", *REGRESSION, "--base-url", closed_port, "--max-retries", "0"]
    gated = invoke(*args, "--fail-on-regression")
    assert gated.exit_code == 3
    assert "could not reach" in gated.stderr
    no_traceback(gated)
    plain = invoke(*args)
    assert plain.exit_code == 1
    assert "could not reach" in plain.stderr


def test_the_installed_command_gates_with_3_in_one_line(closed_port: str) -> None:
    env = {**os.environ, "HELICONE_API_KEY": "sk-compare-test-key", "NO_COLOR": "1"}
    command = [str(EXE), "compare", *REGRESSION, "--fail-on-regression"]
    done = subprocess.run(
        [*command, "--base-url", closed_port, "--max-retries", "0"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 3
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert "sk-compare-test-key" not in done.stderr


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--alpha", "0"], "--alpha"),
        (["--alpha", "1"], "strictly between 0 and 1"),
        (["--alpha", "nan"], "--alpha"),
        (["--min-effect", "-0.1"], "--min-effect"),
        (["--min-effect", "quality=-1"], ">= 0"),
        (["--baseline-window", "7d..14d"], "--baseline-window"),
        (["--candidate-window", "7days"], "not a duration"),
        (["--baseline-window", "2024-06-01T00:00:00..2024-06-08"], "no timezone"),
        (["--baseline", "model = 'a'", "--candidate", CAND], "=="),
        (["--baseline", BASE, "--candidate", "cost > 'x'"], "--candidate"),
        (["--filter", BASE, "--baseline", CAND], "not both"),
        (["--since", "1d"], "same query"),
        (["--baseline-window", "2d", "--candidate-window", "1d", "--since", "3d"], "unused"),
        ([*STEADY, "--json", "--markdown"], "--json or --markdown"),
        ([*STEADY, "--only", " "], "--only"),
    ],
)
def test_misuse_is_2_before_any_request(
    invoke: Invoke, closed_port: str, args: list[str], words: str
) -> None:
    # A request would reach the closed port and exit 3: 2 proves nothing was sent.
    result = invoke(
        "compare", *args, "--fail-on-regression", "--base-url", closed_port, "--max-retries", "0"
    )
    assert result.exit_code == 2, result.output
    assert words in result.stderr
    assert "could not reach" not in result.stderr
    no_traceback(result)


def test_help_documents_windows_and_exit_statuses(invoke: Invoke) -> None:
    out = invoke("compare", "--help").stdout
    assert "14d..7d" in out
    assert "2024-06-01..2024-06-08" in out
    for status in ("0  compared", "1  with --fail-on-regression", "2  misused", "3  with"):
        assert status in out
