"""plan_comparison and Window: the two queries of a comparison, checked before any request."""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta

import pytest

from helicone_evals import ArgumentError, F, FilterError, MissingExtraError
from helicone_evals._compare import QueryArgs, Window, plan_comparison

START = "2024-06-01T00:00:00Z"
END = "2024-06-08T00:00:00+02:00"


def test_two_filters_over_one_window() -> None:
    base, cand = plan_comparison(
        baseline=F.model.equals("a"), candidate="model == 'b'", start=START, end=END
    )
    assert base.filter == F.model.equals("a")  # a Filter is kept: the client encodes it once
    assert cand.filter == F.model.equals("b").to_dict()  # text is parsed and checked now
    assert base.start == cand.start == "2024-06-01T00:00:00+00:00"
    assert base.end == cand.end == "2024-06-07T22:00:00+00:00"
    assert base._asdict().keys() == {"filter", "start", "end"}


def test_one_filter_over_two_windows() -> None:
    this_week = Window.last(timedelta(days=7), end="2024-06-15T00:00:00Z")
    plan = plan_comparison(
        filter=F.model.equals("x"), baseline_window=this_week.previous(), candidate_window=this_week
    )
    base, cand = plan
    assert base.filter == cand.filter == F.model.equals("x")
    assert (base.start, base.end) == ("2024-06-01T00:00:00+00:00", "2024-06-08T00:00:00+00:00")
    assert (cand.start, cand.end) == ("2024-06-08T00:00:00+00:00", "2024-06-15T00:00:00+00:00")
    assert plan.alpha == 0.05


def test_open_windows_share_one_now() -> None:
    base, cand = plan_comparison(baseline_window="14d..7d", candidate_window=timedelta(days=7))
    assert base.filter == cand.filter == "all"
    assert base.end == cand.start  # the same "now", minus 7 days
    now = datetime.fromisoformat(cand.end)
    assert abs(now - datetime.now(UTC)) < timedelta(minutes=5)
    assert datetime.fromisoformat(base.start) == now - timedelta(days=14)
    # start/end give the window of a side that has none of its own
    base, cand = plan_comparison(start=timedelta(days=1), candidate_window="2d..1d")
    assert base.start == cand.end


def test_windows() -> None:
    week = Window("2024-06-08T00:00:00Z", "2024-06-15T00:00:00Z")
    assert week.duration == timedelta(days=7)
    assert week.previous() == Window(datetime(2024, 6, 1, tzinfo=UTC), "2024-06-08T00:00:00Z")
    assert week.shift(timedelta(days=-7)) == week.previous()
    assert Window.last("7d", end="2024-06-15T00:00:00Z") == week
    now = datetime(2024, 6, 15, tzinfo=UTC)
    assert Window.parse("7d", now=now) == week
    assert Window.parse("14d..7d", now=now) == week.previous()
    assert Window.parse("2024-06-08T00:00:00Z..", now=now) == week
    assert Window.parse("2024-06-08T00:00:00Z..2024-06-15T00:00:00Z") == week
    assert repr(week) == "Window('2024-06-08T00:00:00+00:00', '2024-06-15T00:00:00+00:00')"
    assert len({week, Window.parse("7d", now=now)}) == 1


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("7x", "duration"),
        ("..7d", "no start"),
        ("2024-06-08T00:00:00..", "timezone"),
        ("7d..14d", "before"),
        ("0d", "greater than zero"),
    ],
)
def test_bad_window_text_is_refused(text: str, match: str) -> None:
    with pytest.raises(ArgumentError, match=match):
        Window.parse(text)


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"filter": "all", "baseline": "all", "start": START}, ArgumentError, "either filter="),
        ({"end": END}, ArgumentError, "end: given without start"),
        ({"baseline_window": "7d"}, ArgumentError, "candidate_window: missing"),
        (
            {"start": START, "baseline_window": "14d..7d", "candidate_window": "7d"},
            ArgumentError,
            "would be unused",
        ),
        ({"start": START, "end": END}, ArgumentError, "the same query"),
        ({"baseline_window": "7d", "candidate_window": "7d"}, ArgumentError, "the same query"),
        (
            {"baseline": F.all, "candidate": "nosuchfield == 1", "start": START},
            FilterError,
            "candidate",
        ),
        ({"baseline": 3, "start": START}, FilterError, "baseline: filter"),
        ({"baseline_window": 7, "candidate_window": "7d"}, ArgumentError, "baseline_window"),
        (
            {"baseline_window": ("2024-06-01", None), "candidate_window": "7d"},
            FilterError,
            "baseline_window",
        ),
        (
            {"baseline": "all", "candidate": F.cost > 1, "start": START, "end": START},
            FilterError,
            "before end",
        ),
        (
            {"baseline": "all", "candidate": F.cost > 1, "start": START, "alpha": 0},
            ArgumentError,
            "alpha",
        ),
        (
            {"baseline": "all", "candidate": F.cost > 1, "start": START, "min_effect": -1},
            ArgumentError,
            "min_effect",
        ),
    ],
)
def test_bad_plans_are_refused_before_any_request(
    kwargs: dict[str, object], error: type[Exception], match: str
) -> None:
    with pytest.raises(error, match=match):
        plan_comparison(**kwargs)  # type: ignore[arg-type]


def test_without_scipy_the_plan_fails_before_any_request(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "scipy", None)
    with pytest.raises(MissingExtraError, match=r"helicone-evals\[stats\].*'./wrapper\[stats\]'"):
        plan_comparison(baseline="all", candidate=F.cost > 1, start=START)


def test_the_plan_compares_with_its_settings() -> None:
    plan = plan_comparison(
        baseline="all", candidate=F.cost > 1, start=START, alpha=0.1, lower_is_better="latency"
    )
    assert isinstance(plan.baseline, QueryArgs)
    assert plan.lower_is_better == frozenset({"latency"})
    result = plan.compare([], [])
    assert result.alpha == 0.1
    assert result.empty
