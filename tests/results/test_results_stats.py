"""Exact counts and statistics recovered from the server's smoothed histogram(10).

The oracle is the emulator's port of ClickHouse's histogram: the bins a distribution is built
from are exactly what the server would send for the raw scores the test knows.
"""

from __future__ import annotations

import math
import statistics
import sys
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helicone_evals import (
    ArgumentError,
    Bucket,
    HeliconeError,
    MissingExtraError,
    NotExactError,
    ScoreDistribution,
    StatisticsError,
)
from helicone_evals.emulator import histogram, weighted_histogram


def dist(name: str, scores: list[float]) -> ScoreDistribution:
    return ScoreDistribution(name, [Bucket(*b) for b in histogram(scores)])


@st.composite
def few_distinct(draw: st.DrawFn, max_distinct: int = 10) -> list[int]:
    """A shuffled multiset of integer scores with 1..max_distinct distinct values."""
    values = draw(
        st.lists(st.integers(-10_000, 10_000), min_size=1, max_size=max_distinct, unique=True)
    )
    counts = draw(st.lists(st.integers(1, 60), min_size=len(values), max_size=len(values)))
    scores = [v for v, c in zip(values, counts, strict=True) for _ in range(c)]
    return draw(st.permutations(scores))


@given(few_distinct())
def test_counts_invert_the_servers_smoothing(scores: list[int]) -> None:
    d = dist("quality", scores)
    assert d.is_exact
    assert d.counts() == Counter(scores)
    # The pre-aggregated form the emulator uses gives the same bins, hence the same counts.
    pairs = sorted(Counter(scores).items())
    same = ScoreDistribution("quality", [Bucket(*b) for b in weighted_histogram(pairs)])
    assert same.counts() == Counter(scores)


@given(few_distinct())
def test_exact_statistics_equal_those_of_the_raw_scores(scores: list[int]) -> None:
    d = dist("quality", scores)
    true_mean = statistics.fmean(scores)
    assert d.mean() == pytest.approx(true_mean, rel=1e-12, abs=1e-9)
    assert d.mean_bounds() == (d.mean(), d.mean())
    assert d.quantile(0.5) == statistics.median_low(scores)
    assert d.quantile(0.0) == min(scores)
    assert d.quantile(1.0) == max(scores)
    if len(scores) >= 2:
        assert d.variance() == pytest.approx(statistics.variance(scores), rel=1e-9, abs=1e-9)
        assert d.std() == pytest.approx(statistics.stdev(scores), rel=1e-9, abs=1e-9)
    assert d.variance(ddof=0) == pytest.approx(statistics.pvariance(scores), rel=1e-9, abs=1e-9)


@given(st.lists(st.integers(0, 1), min_size=1, max_size=300))
def test_pass_rate_is_the_share_of_true(scores: list[int]) -> None:
    d = dist("helpful-hcone-bool", scores)
    assert d.pass_rate == sum(scores) / len(scores)
    assert dist("helicone-score-feedback", scores).pass_rate == d.pass_rate


def test_fractional_scores_with_fewer_than_ten_bins_are_exact() -> None:
    scores = [0.25, 0.25, 1.5, 2.75, 2.75, 2.75, -3.5]
    assert dist("ratio", scores).counts() == Counter(scores)


def test_ten_whole_distinct_scores_are_exact() -> None:
    scores = [v for v in range(1, 11) for _ in range(v)]  # a 1-10 scale
    assert dist("rating", scores).counts() == Counter(scores)


@pytest.mark.parametrize(
    "scores",
    [
        list(range(1, 12)),  # eleven distinct: the lowest two merge
        [s % 101 for s in range(0, 5_000, 7)],  # a 0-100 scale
        [0, 10, 11, 30, 40, 50, 60, 70, 80, 90, 100, 100],  # an interior merge: 10.5
        [1, 2, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 11],  # both ends merged
    ],
)
def test_merged_scores_are_flagged_and_bounded(scores: list[int]) -> None:
    d = dist("accuracy", scores)
    assert not d.is_exact
    with pytest.raises(NotExactError, match="more than 10 distinct") as info:
        d.counts()
    assert isinstance(info.value, HeliconeError)
    low, high = d.mean_bounds()
    assert low <= statistics.fmean(scores) <= high
    assert low <= d.mean() <= high
    assert d.total == len(scores)


def test_an_interior_merge_onto_a_whole_number_cannot_be_seen_but_keeps_the_mean() -> None:
    # 10 and 12 merge into 11: ten bins of whole numbers, as ten distinct scores would give.
    scores = [0, 10, 12, 30, 40, 50, 60, 70, 80, 90, 100]
    d = dist("accuracy", scores)
    assert d.is_exact
    assert d.counts()[11] == 2
    assert d.mean() == pytest.approx(statistics.fmean(scores), rel=1e-12)


@given(st.lists(st.integers(-500, 500), min_size=1, max_size=400))
def test_the_true_mean_is_always_inside_the_bounds(scores: list[int]) -> None:
    d = dist("any", scores)
    low, high = d.mean_bounds()
    true_mean = statistics.fmean(scores)
    slack = 1e-9 * max(1.0, abs(true_mean))
    assert low - slack <= true_mean <= high + slack
    assert low - slack <= d.mean() <= high + slack
    if len(set(scores)) <= 10 or (d.is_exact and len(d.distribution) < 10):
        # Fewer than ten bins prove nothing was merged; ten whole centroids may hide a merge.
        assert d.counts() == Counter(scores)


def test_hand_made_bins_that_no_server_sends_are_estimates() -> None:
    d = ScoreDistribution("latency", [Bucket(0, 2, 1), Bucket(2, 5, 3)])
    assert not d.is_exact
    with pytest.raises(NotExactError, match="not the smoothing of whole-number counts"):
        d.counts()
    low, high = d.mean_bounds()
    assert low <= d.mean() <= high


def test_statistics_refuse_what_has_no_answer() -> None:
    with pytest.raises(StatisticsError, match="boolean") as info:
        _ = dist("quality", [1, 2]).pass_rate
    assert isinstance(info.value, HeliconeError)
    with pytest.raises(StatisticsError, match="not only 0 and 1"):
        _ = dist("stars-hcone-bool", [0, 1, 2]).pass_rate
    with pytest.raises(StatisticsError, match="more than 1"):
        dist("quality", [3]).variance()
    assert dist("quality", [3]).variance(ddof=0) == 0
    empty = ScoreDistribution("nothing", [])
    for call in (empty.mean, empty.mean_bounds, empty.variance, empty.std):
        with pytest.raises(StatisticsError, match="empty"):
            call()
    for bad in (-1, 1.5, True, "1"):
        with pytest.raises(ArgumentError, match="ddof"):
            dist("quality", [1, 2]).variance(ddof=bad)  # type: ignore[arg-type]
    with pytest.raises(ArgumentError, match="between 0 and 1"):
        dist("quality", [1, 2]).quantile(math.nan)


def test_parsed_answers_give_the_same_statistics() -> None:
    wire = [{"lower": lo, "upper": hi, "value": v} for lo, hi, v in histogram([1, 1, 2, 5])]
    parsed = ScoreDistribution._from_wire("quality", wire)
    assert parsed.counts() == {1: 2, 2: 1, 5: 1}
    assert parsed.std() == pytest.approx(statistics.stdev([1, 1, 2, 5]))


def test_to_pandas_without_pandas_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(MissingExtraError, match=r"helicone-evals\[pandas\]") as info:
        dist("quality", [1, 2]).to_pandas()
    assert isinstance(info.value, ImportError)
    assert isinstance(info.value, HeliconeError)
