"""The eval loop on the command line: score, feedback, scores, stats."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from io import StringIO
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import httpx
import pytest
from cli_support import REQUEST_ID, Invoke, no_traceback
from rich.console import Console

from helicone_evals import HeliconeEvals
from helicone_evals.cli import _app
from helicone_evals.cli._stats import render_stats, sparkline
from helicone_evals.emulator import Emulator

HOUR = datetime(2024, 1, 5, 10, tzinfo=UTC)


def _summary(name: str, hours: list[tuple[int, float]], **figures: float) -> SimpleNamespace:
    """A summary as client.evals.query gives it: (count, hourly mean) per hour."""
    dates = [HOUR + timedelta(hours=i) for i in range(len(hours))]
    return SimpleNamespace(
        name=name,
        over_time=[
            SimpleNamespace(date=d, count=c) for d, (c, _) in zip(dates, hours, strict=True)
        ],
        average_over_time=[
            SimpleNamespace(date=d, value=v) for d, (_, v) in zip(dates, hours, strict=True)
        ],
        **figures,
    )


ACCURACY = _summary(
    "accuracy",
    [(2, 80.0), (0, 0.0), (1, 95.0), (3, 60.0)],
    count=6,
    mean=72.5,
    average_score=39.1,
    min_score=0.0,
    max_score=99.0,
)


class FakeClient:
    """Records what the commands ask of the SDK, and answers like it."""

    def __init__(self, summaries: list[Any] | None = None, names: list[str] | None = None):
        self.calls: list[tuple[Any, ...]] = []
        self.summaries = summaries or []
        self.names = names or []
        self.scores = SimpleNamespace(
            add=lambda rid, values: self.calls.append(("add", rid, values)),
            feedback=lambda rid, rating: self.calls.append(("feedback", rid, rating)),
            wait_until_visible=lambda rid, names, timeout: self.calls.append(
                ("wait", rid, names, timeout)
            ),
        )
        self.evals = SimpleNamespace(
            score_names=lambda: list(self.names),
            query=lambda flt, start, end: (
                self.calls.append(("query", str(flt), start, end)) or list(self.summaries)
            ),
        )

    def __enter__(self) -> FakeClient:
        return self

    def __exit__(self, *args: object) -> None:
        return None


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> FakeClient:
    client = FakeClient(summaries=[ACCURACY], names=["accuracy", "helpful-hcone-bool"])
    monkeypatch.setattr(_app, "open_client", lambda settings: client)
    return client


# --- score ----------------------------------------------------------------------------------------


def test_score_sends_whole_numbers_and_booleans(invoke: Invoke, fake: FakeClient) -> None:
    result = invoke("score", REQUEST_ID.upper(), "accuracy=87", "helpful=TRUE", "delta=-3")
    assert result.exit_code == 0, result.output
    assert fake.calls == [("add", REQUEST_ID, {"accuracy": 87, "helpful": True, "delta": -3})]
    assert result.stdout == f"Scored {REQUEST_ID}: accuracy=87, helpful=true, delta=-3\n"


def test_score_can_wait_until_visible(invoke: Invoke, fake: FakeClient) -> None:
    result = invoke("score", REQUEST_ID, "accuracy=87", "--wait", "5")
    assert result.exit_code == 0, result.output
    assert fake.calls[-1] == ("wait", REQUEST_ID, {"accuracy": 87}, 5.0)


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["not-a-uuid", "accuracy=87"], "UUID"),
        ([REQUEST_ID, "accuracy=8.5"], "whole numbers only"),
        ([REQUEST_ID, "accuracy=high"], "whole number or true/false"),
        ([REQUEST_ID, "accuracy"], "NAME=VALUE"),
        ([REQUEST_ID, "=5"], "no name"),
        ([REQUEST_ID, "a=1", "a=2"], "twice"),
        ([REQUEST_ID, f"a={2**63}"], "64-bit"),
        ([REQUEST_ID], "Missing argument"),
    ],
)
def test_score_misuse_exits_2_and_sends_nothing(
    invoke: Invoke, fake: FakeClient, args: list[str], words: str
) -> None:
    result = invoke("score", *args)
    assert result.exit_code == 2
    assert words in result.stderr
    assert fake.calls == []
    no_traceback(result)


# --- feedback, scores ---------------------------------------------------------------------------


@pytest.mark.parametrize(("flag", "rating"), [("--good", True), ("--bad", False)])
def test_feedback(invoke: Invoke, fake: FakeClient, flag: str, rating: bool) -> None:
    result = invoke("feedback", REQUEST_ID, flag)
    assert result.exit_code == 0, result.output
    assert fake.calls == [("feedback", REQUEST_ID, rating)]


def test_feedback_needs_a_rating(invoke: Invoke, fake: FakeClient) -> None:
    result = invoke("feedback", REQUEST_ID)
    assert result.exit_code == 2
    assert "--good or --bad" in result.stderr
    assert fake.calls == []


def test_scores_lists_the_names(invoke: Invoke, fake: FakeClient) -> None:
    assert invoke("scores").stdout == "accuracy\nhelpful-hcone-bool\n"
    assert json.loads(invoke("scores", "--json").stdout) == ["accuracy", "helpful-hcone-bool"]


# --- stats --------------------------------------------------------------------------------------


def test_stats_table_has_n_mean_min_max_and_a_sparkline(invoke: Invoke, fake: FakeClient) -> None:
    result = invoke("stats", "--filter", "model == 'gpt-4o'", "--since", "4h")
    assert result.exit_code == 0, result.output
    header, *rest = result.stdout.splitlines()
    assert "model == 'gpt-4o'" in header
    assert "last 4h" in header
    row = next(line for line in rest if "accuracy" in line)
    # the second hour has no score: the server's min of 0 is flagged as its arithmetic
    assert row.split()[:5] == ["accuracy", "6", "72.50", "0*", "99"]
    assert "* the server counts hours without this score as 0" in result.stdout
    # hours: 80, none, 95, 60 -> mid-high, blank, top, bottom
    assert "▅ █▁" in row
    (_, flt, start, end) = fake.calls[0]
    assert flt == "model == 'gpt-4o'"
    assert end - start == timedelta(hours=4)


def test_stats_json(invoke: Invoke, fake: FakeClient) -> None:
    result = invoke("stats", "--start", "2024-01-05", "--json")
    assert result.exit_code == 0, result.output
    (item,) = json.loads(result.stdout)
    assert item["name"] == "accuracy"
    assert (item["count"], item["mean"], item["min_score"], item["max_score"]) == (6, 72.5, 0, 99)
    assert item["over_time"][0] == {"date": "2024-01-05T10:00:00+00:00", "count": 2}
    assert [p["value"] for p in item["average_over_time"]] == [80.0, 0.0, 95.0, 60.0]


def test_stats_misuse_exits_2(invoke: Invoke, fake: FakeClient) -> None:
    result = invoke("stats", "--since", "7days")
    assert result.exit_code == 2
    assert fake.calls == []


def test_sparkline_merges_hours_by_their_counts() -> None:
    points = [(None, 1.0, 0.0), (None, 3.0, 4.0), (None, 0.0, None), (None, 0.0, None)]
    # two cells: (1*0 + 3*4) / 4 = 3, then nothing: one level (drawn mid-height) and a blank
    assert sparkline(points, 2) == "▄ "
    assert sparkline(points, 10) == "▁█  "


def test_stats_fit_60_columns_with_whole_numbers() -> None:
    out = StringIO()
    big = _summary(
        "latency", [(1, 1549.9)] * 200, count=123456, mean=1549.9, min_score=0, max_score=1_000_000
    )
    render_stats(Console(file=out, width=60, no_color=True), [big])
    text = out.getvalue()
    for number in ("123,456", "1,549.9", "1,000,000"):
        assert number in text
    assert max(len(line) for line in text.splitlines()) <= 60


# --- against the emulator -----------------------------------------------------------------------

needs_sdk = pytest.mark.skipif(
    not hasattr(HeliconeEvals, "scores"), reason="client.scores/client.evals not in the SDK yet"
)


@pytest.fixture(scope="module")
def loop_emu(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Emulator]:
    now = datetime.now(UTC)
    rows = [
        {"request_id": REQUEST_ID, "request_created_at": (now - timedelta(hours=2)).isoformat()},
        {
            "request_id": "1c8f6b4d-2e3a-4f6b-8c9d-8e7f6a5b4c3d",
            "request_created_at": (now - timedelta(hours=1)).isoformat(),
        },
    ]
    data = Path(tmp_path_factory.mktemp("loop")) / "rows.jsonl"
    data.write_text("\n".join(json.dumps(row) for row in rows))
    with Emulator(data=data) as emulator:
        probe = httpx.get(
            f"{emulator.url}/v1/evals/scores",
            headers={"Authorization": f"Bearer {emulator.api_key}"},
        )
        if probe.status_code == 404:
            pytest.skip("the emulator does not serve the eval-loop operations yet")
        yield emulator


@pytest.fixture
def loop(loop_emu: Emulator, invoke: Invoke, monkeypatch: pytest.MonkeyPatch) -> Invoke:
    monkeypatch.setenv("HELICONE_API_KEY", loop_emu.api_key)
    monkeypatch.setenv("HELICONE_BASE_URL", loop_emu.url)
    return invoke


@needs_sdk
def test_the_loop_against_the_emulator(loop: Invoke) -> None:
    other = "1c8f6b4d-2e3a-4f6b-8c9d-8e7f6a5b4c3d"
    assert loop("score", REQUEST_ID, "accuracy=80", "helpful=true").exit_code == 0
    assert loop("score", other, "accuracy=90", "helpful=false").exit_code == 0
    assert loop("feedback", other, "--good").exit_code == 0

    names = json.loads(loop("scores", "--json").stdout)
    assert {"accuracy", "helpful-hcone-bool", "helicone-score-feedback"} <= set(names)

    result = loop("stats", "--since", "1d", "--json")
    assert result.exit_code == 0, result.output
    stats = {item["name"]: item for item in json.loads(result.stdout)}
    assert stats["accuracy"]["count"] == 2
    assert stats["accuracy"]["mean"] == pytest.approx(85.0)
    assert stats["helpful-hcone-bool"]["mean"] == pytest.approx(0.5)
    assert stats["helicone-score-feedback"]["count"] == 1

    drawn = loop("stats", "--since", "1d")
    assert drawn.exit_code == 0, drawn.output
    assert "accuracy" in drawn.stdout


def test_an_id_the_sdk_refuses_is_misuse_named_in_cli_terms(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Feedback takes UUIDs of versions 1 to 5 only; the SDK refuses the nil UUID before sending.
    monkeypatch.setenv("HELICONE_BASE_URL", "http://127.0.0.1:9")
    result = invoke("feedback", "00000000-0000-0000-0000-000000000000", "--good")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: REQUEST_ID")
    no_traceback(result)


def test_an_unreachable_server_exits_1(invoke: Invoke) -> None:
    result = invoke(
        "score", REQUEST_ID, "a=1", "--base-url", "http://127.0.0.1:9", "--max-retries", "0"
    )
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ")
    no_traceback(result)


def test_exact_server_figures_are_not_flagged() -> None:
    out = StringIO()
    full = _summary("quality", [(1, 3.0), (2, 4.0)], count=3, mean=11 / 3, min_score=0, max_score=5)
    render_stats(Console(file=out, width=80, no_color=True), [full])
    assert "*" not in out.getvalue()
    assert out.getvalue().split("\n")[3].split()[:5] == ["quality", "3", "3.67", "0", "5"]
