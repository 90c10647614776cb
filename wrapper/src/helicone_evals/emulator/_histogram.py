"""ClickHouse's ``histogram(N)`` aggregate, ported to Python.

ClickHouse implements the streaming histogram of Ben-Haim & Tom-Tov (JMLR 11, 2010): every
value becomes a centroid of weight 1; whenever ``2 * N`` centroids are held they are sorted and
the two *nearest* neighbours are fused (weighted mean) until ``N`` remain. At the end the same
compression runs once more, centroids whose means are equal up to rounding are fused, and each
centroid becomes one bin:

* ``lower`` is the smallest value seen (first bin) or the midpoint with the previous centroid,
  ``upper`` the largest value seen (last bin) or the midpoint with the next one;
* ``value`` is a "linear density approximation" of the centroid's weight:
  ``(L + U) / 2`` with ``L = (w[i-1] + 3 w[i]) / 4`` (``w[0]`` for the first bin) and
  ``U = (w[i+1] + 3 w[i]) / 4`` (``w[-1]`` for the last), so the values add up to the count.

With at most ``N`` distinct values the bins are exactly the distinct values and their counts,
whatever the order of insertion. With more, the result depends on the order in which values
(or partial states, when ClickHouse merges per-thread states) arrive; this port reproduces the
algorithm step for step, including the tie-breaking of equal distances (leftmost pair first),
so for a given insertion order it gives ClickHouse's answer.
"""

from __future__ import annotations

import heapq
import math
import sys
from collections.abc import Iterable

__all__ = ["Histogram", "histogram", "weighted_histogram"]

_EPSILON = sys.float_info.epsilon
_LOWEST = -sys.float_info.max


def _fuse(
    mean: float, weight: float, other_mean: float, other_weight: float
) -> tuple[float, float]:
    # Same arithmetic as ClickHouse's WeightedValue::operator+, so results match to the bit.
    return (
        mean + other_weight * (other_mean - mean) / (other_weight + weight),
        other_weight + weight,
    )


class Histogram:
    """The state of one ``histogram(max_bins)`` aggregation: ``add`` values, then ``bins()``."""

    def __init__(self, max_bins: int = 10) -> None:
        if max_bins < 1:
            raise ValueError("max_bins must be positive")
        self.max_bins = max_bins
        self._points: list[tuple[float, float]] = []  # (mean, weight)
        self._lower = sys.float_info.max
        self._upper = _LOWEST
        self._sorted_prefix = 0
        self._last_inserted = _LOWEST

    def add(self, value: float, weight: float = 1.0) -> None:
        """Insert one value (or a pre-aggregated centroid of ``weight`` values)."""
        value = float(value)
        if not math.isfinite(value):
            raise ValueError("Invalid value (inf or nan) for aggregation by 'histogram' function")
        self._points.append((value, float(weight)))
        # ClickHouse tracks an already sorted prefix only to sort faster; kept for fidelity.
        if self._sorted_prefix == len(self._points) - 1 and self._last_inserted <= value:
            self._sorted_prefix += 1
        self._last_inserted = value
        self._lower = min(self._lower, value)
        self._upper = max(self._upper, value)
        if len(self._points) >= self.max_bins * 2:
            self._compress()

    def merge(self, other: Histogram) -> None:
        """Fold another state in, as ClickHouse merges per-thread states."""
        self._lower = min(self._lower, other._lower)
        self._upper = max(self._upper, other._upper)
        for mean, weight in list(other._points):
            # add() would widen the bounds with centroid means, which lie inside them anyway.
            self.add(mean, weight)

    def _compress(self) -> None:
        points = self._points
        # Sorting by mean alone: centroids with equal means fuse at distance 0 whatever their
        # order, so Python's stable sort and ClickHouse's unstable one give the same result.
        points.sort(key=lambda p: p[0])
        size = len(points)
        self._sorted_prefix = size
        self._last_inserted = points[-1][0] if size else _LOWEST
        max_bins = self.max_bins
        if size <= max_bins:
            return

        means = [p[0] for p in points]
        weights = [p[1] for p in points]
        # A doubly linked list of live centroids over indices 0..size-1, with ``size`` as the
        # sentinel that is never active.
        prev = [i - 1 for i in range(size + 1)]
        nxt = [i + 1 for i in range(size + 1)]
        nxt[size] = 0
        prev[0] = size
        active = [True] * size + [False]

        def quality(i: int) -> float:
            return means[nxt[i]] - means[i]

        # A min-heap of (distance, left index): equal distances pop leftmost first, exactly as
        # std::priority_queue<pair<Mean, UInt32>, ..., std::greater<>> does.
        queue = [(quality(i), i) for i in range(size - 1)]
        heapq.heapify(queue)
        new_size = size
        while new_size > max_bins and queue:
            distance, left = heapq.heappop(queue)
            right = nxt[left]
            # Stale entries: a side was already fused away, or the gap has grown since.
            if not active[left] or not active[right] or quality(left) > distance:
                continue
            means[left], weights[left] = _fuse(
                means[left], weights[left], means[right], weights[right]
            )
            prev[nxt[right]] = prev[right]
            nxt[prev[right]] = nxt[right]
            active[right] = False
            if active[nxt[left]]:
                heapq.heappush(queue, (quality(left), left))
            if active[prev[left]]:
                heapq.heappush(queue, (quality(prev[left]), prev[left]))
            new_size -= 1

        self._points = [(means[i], weights[i]) for i in range(size) if active[i]]
        self._sorted_prefix = len(self._points)
        self._last_inserted = self._points[-1][0] if self._points else _LOWEST

    def _unique(self) -> None:
        # Fuse neighbours whose means differ only by rounding (ClickHouse's unique()).
        points = self._points
        if not points:
            return
        out = [points[0]]
        for mean, weight in points[1:]:
            last_mean, last_weight = out[-1]
            min_diff = 10 * (last_mean + mean) * _EPSILON
            if last_mean + abs(min_diff) >= mean:
                out[-1] = _fuse(last_mean, last_weight, mean, weight)
            else:
                out.append((mean, weight))
        self._points = out

    def bins(self) -> list[tuple[float, float, float]]:
        """The ``(lower, upper, value)`` bins ClickHouse returns for this state.

        Like ClickHouse's ``insertResultInto`` this compresses the state in place, so it is
        meant to be called once, after the last ``add``.
        """
        self._compress()
        self._unique()
        points = self._points
        n = len(points)
        out: list[tuple[float, float, float]] = []
        for i, (mean, weight) in enumerate(points):
            lower = self._lower if i == 0 else (mean + points[i - 1][0]) / 2
            upper = self._upper if i + 1 == n else (mean + points[i + 1][0]) / 2
            lower_weight = weight if i == 0 else (points[i - 1][1] + weight * 3) / 4
            upper_weight = weight if i + 1 == n else (points[i + 1][1] + weight * 3) / 4
            out.append((lower, upper, (lower_weight + upper_weight) / 2))
        return out


def histogram(values: Iterable[float], max_bins: int = 10) -> list[tuple[float, float, float]]:
    """``histogram(max_bins)(x)`` over ``values`` inserted one by one, in the order given."""
    state = Histogram(max_bins)
    for value in values:
        state.add(value)
    return state.bins()


def weighted_histogram(
    pairs: Iterable[tuple[float, float]], max_bins: int = 10
) -> list[tuple[float, float, float]]:
    """The histogram of pre-aggregated ``(value, count)`` pairs, each inserted as one centroid.

    This is what ClickHouse computes when it merges a partial state holding those exact
    centroids. It is exact (equal to ``histogram`` in any order) when there are at most
    ``max_bins`` distinct values; with more, the emulator feeds the pairs in ascending value
    order, which is deterministic and costs one step per distinct value instead of per row.
    """
    state = Histogram(max_bins)
    for value, count in pairs:
        state.add(value, count)
    return state.bins()
