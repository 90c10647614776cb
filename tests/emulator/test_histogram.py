"""The port of ClickHouse's histogram(10), against results worked out by hand."""

from __future__ import annotations

import itertools
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helicone_evals.emulator import Histogram, histogram, weighted_histogram


def test_the_servers_examples() -> None:
    # server notes: three 0s and one 1; a single value 5 seen 4 times
    assert histogram([0, 0, 0, 1]) == [(0, 0.5, 2.75), (0.5, 1, 1.25)]
    assert histogram([5, 5, 5, 5]) == [(5, 5, 4)]


def test_nothing_gives_no_bins() -> None:
    assert histogram([]) == []


def test_ten_distinct_values_are_exact_centroids() -> None:
    values = [v for v in range(10) for _ in range(v + 1)]  # v seen v+1 times
    bins = histogram(values)
    assert [(lo, up) for lo, up, _ in bins] == [
        (0, 0.5), (0.5, 1.5), (1.5, 2.5), (2.5, 3.5), (3.5, 4.5),
        (4.5, 5.5), (5.5, 6.5), (6.5, 7.5), (7.5, 8.5), (8.5, 9),
    ]  # fmt: skip
    # value: (L + U) / 2 with L = (c[i-1] + 3c[i]) / 4, U = (c[i+1] + 3c[i]) / 4
    counts = [v + 1 for v in range(10)]
    expected = []
    for i, c in enumerate(counts):
        lower = c if i == 0 else (counts[i - 1] + 3 * c) / 4
        upper = c if i == 9 else (counts[i + 1] + 3 * c) / 4
        expected.append((lower + upper) / 2)
    assert [v for *_, v in bins] == expected
    assert sum(v for *_, v in bins) == len(values)


def test_eleven_unevenly_spaced_values_fuse_the_nearest_pair() -> None:
    # Gaps 1, 2, 3, ... 10: the only fusion is 1 and 2 -> centroid 1.5 of weight 2.
    values = [1, 2, 4, 7, 11, 16, 22, 29, 37, 46, 56]
    bins = histogram(values)
    assert bins[0] == (1, 2.75, 1.875)  # lower = min; upper = (1.5 + 4) / 2; (2 + 1.75) / 2
    assert bins[1] == (2.75, 5.5, 1.125)  # L = (2 + 3) / 4, U = (1 + 3) / 4
    assert bins[2:] == [
        (5.5, 9, 1), (9, 13.5, 1), (13.5, 19, 1), (19, 25.5, 1),
        (25.5, 33, 1), (33, 41.5, 1), (41.5, 51, 1), (51, 56, 1),
    ]  # fmt: skip
    assert sum(v for *_, v in bins) == 11


def test_equal_gaps_fuse_leftmost_first() -> None:
    # 0..11, all gaps 1: ClickHouse's queue pops (1, 0) then (1, 2): 0+1 and 2+3 fuse.
    assert histogram(range(12)) == [
        (0, 1.5, 2),
        (1.5, 3.25, 1.875),
        (3.25, 4.5, 1.125),
        (4.5, 5.5, 1), (5.5, 6.5, 1), (6.5, 7.5, 1), (7.5, 8.5, 1),
        (8.5, 9.5, 1), (9.5, 10.5, 1), (10.5, 11, 1),
    ]  # fmt: skip


def test_compression_while_adding() -> None:
    # The 20th value triggers a compression to 10 centroids: pairs (0,1), (2,3) ... (18,19).
    bins = histogram(range(20))
    assert [(lo, up, v) for lo, up, v in bins] == [
        (0 if i == 0 else 2 * i - 0.5, 19 if i == 9 else 2 * i + 1.5, 2) for i in range(10)
    ]


def test_insertion_order_matters_beyond_ten_distinct_values() -> None:
    # Documented ClickHouse behaviour: the emulator picks sorted, pre-aggregated input.
    # Order only matters once 20 values are held and compressed mid-stream.
    values = [27, 2, 3, 40, 5, 32, 30, 32, 23, 6, 20, 2, 8, 34, 2, 28, 8, 25, 28, 1, 33]
    assert histogram(values) != histogram(sorted(values))
    assert histogram(values[:19]) == histogram(sorted(values[:19]))


def test_merging_states_like_parallel_threads() -> None:
    left, right = Histogram(), Histogram()
    for v in [0, 0, 1]:
        left.add(v)
    for v in [0, 5]:
        right.add(v)
    left.merge(right)
    assert left.bins() == histogram([0, 0, 0, 1, 5])


def test_rejects_nan_and_inf() -> None:
    with pytest.raises(ValueError, match="inf or nan"):
        histogram([1, float("nan")])


@given(st.lists(st.integers(-4, 5), min_size=1, max_size=300), st.randoms())
def test_at_most_ten_distinct_values_do_not_depend_on_order(
    values: list[int], rnd: random.Random
) -> None:
    shuffled = list(values)
    rnd.shuffle(shuffled)
    pairs = sorted((v, values.count(v)) for v in set(values))
    expected = weighted_histogram(pairs)
    assert histogram(values) == expected
    assert histogram(shuffled) == expected
    assert next(lo for lo, _, _ in expected) == min(values)
    assert len(expected) == len(set(values))


@given(st.lists(st.integers(0, 100), min_size=1, max_size=400))
def test_bins_cover_the_range_and_values_add_up(values: list[int]) -> None:
    for bins in (
        histogram(values),
        weighted_histogram(sorted((v, values.count(v)) for v in set(values))),
    ):
        assert 1 <= len(bins) <= 10
        assert bins[0][0] == min(values)
        assert bins[-1][1] == max(values)
        assert all(a[1] == b[0] for a, b in itertools.pairwise(bins))
        assert sum(v for *_, v in bins) == pytest.approx(len(values))
