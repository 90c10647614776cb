"""Terminal drawings: numbers are never cut, whatever the width; bars give way instead."""

from __future__ import annotations

from io import StringIO

import pytest
from rich.console import Console

from helicone_evals import Bucket, ScoreDistribution
from helicone_evals.cli._render import render_distributions


def _draw(width: int, *scores: ScoreDistribution) -> str:
    out = StringIO()
    console = Console(file=out, width=width, no_color=True, highlight=False)
    render_distributions(console, scores)
    return out.getvalue()


WIDE = ScoreDistribution(
    "latency-score",
    [
        Bucket(1_549.9, 2_875.25, 12_345.5),
        Bucket(2_875.25, 10_000_000.5, 1_549.9),
        Bucket(10_000_000.5, 10_000_000.5, 3),
    ],
)


@pytest.mark.parametrize("width", [60, 52, 80, 120])
def test_numbers_are_whole_at_any_width(width: int) -> None:
    text = _draw(width, WIDE)
    for number in ("1,549.9", "2,875.2", "10,000,000.5", "12,345.5", "3"):
        assert number in text, (number, text)
    assert "…" not in text
    assert max(len(line) for line in text.splitlines()) <= width
    assert "mean" in text
    assert "median" in text


def test_bars_shrink_to_fit_60_columns() -> None:
    narrow, wide = _draw(60, WIDE), _draw(120, WIDE)
    bars = [line.count("█") for line in (narrow, wide)]
    assert 0 < bars[0] < bars[1]


def test_the_longest_bar_is_the_largest_value() -> None:
    lines = [line for line in _draw(80, WIDE).splitlines() if "12,345.5" in line]
    assert len(lines) == 1
    assert lines[0].count("█") == max(line.count("█") for line in _draw(80, WIDE).splitlines())


def test_nothing_matched_says_so() -> None:
    assert "No scored requests." in _draw(60)
