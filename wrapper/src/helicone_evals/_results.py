"""What a score-distribution query returns: one histogram per score name, and its statistics.

The server answers with ClickHouse's ``histogram(10)(score)``: an adaptive histogram of at most
ten bins of unequal width. Each bin has a ``lower`` and ``upper`` edge and a ``value``; the
values of one distribution add up to the number of scored requests, but a single value is a
smoothed weight, not a plain count.

For centroids ``v[0] < ... < v[k-1]`` holding ``c[i]`` rows, bin ``i`` spans ``lower = min``
(first) or ``(v[i-1] + v[i]) / 2`` to ``upper = max`` (last) or ``(v[i] + v[i+1]) / 2``, and its
value is ``(L + U) / 2`` with ``L = c[0]`` (first) or ``(c[i-1] + 3 c[i]) / 4`` and ``U = c[-1]``
(last) or ``(c[i+1] + 3 c[i]) / 4``: ``(7 c[0] + c[1]) / 8``, ``(c[i-1] + 6 c[i] + c[i+1]) / 8``,
``(c[-2] + 7 c[-1]) / 8``. That tridiagonal system always gives back the counts ``c``; the edges
give the centroids up to one unknown, which ``lower = min`` pins down unless the lowest scores
were merged. With ten or fewer distinct scores (booleans, small integer scales) the centroids
are the distinct scores themselves: :meth:`ScoreDistribution.counts` is then exact, and so are
``mean()``, ``variance()``, ``std()`` and ``quantile()``. With more, the server has merged
neighbouring scores and these are estimates; :meth:`ScoreDistribution.mean_bounds` says how far
off the mean can be.

A response is validated in one pass against the generated schema (see ``_response``); the
``Bucket`` objects of a distribution are made the first time ``distribution`` is read.
"""

from __future__ import annotations

import math
import operator
from collections.abc import Iterable, Mapping, Sequence
from itertools import chain
from typing import TYPE_CHECKING, Any, NamedTuple, SupportsIndex, overload

from ._exceptions import ArgumentError, NotExactError, StatisticsError, missing_extra

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "BOOLEAN_SUFFIX",
    "FEEDBACK_SCORE",
    "Bucket",
    "ScoreDistribution",
    "ScoreDistributions",
    "is_boolean_score",
]

# ClickHouse's histogram(10): merging neighbours always leaves exactly this many bins.
_MAX_BINS = 10
BOOLEAN_SUFFIX = "-hcone-bool"
"""What the server appends to the name of a boolean score."""
FEEDBACK_SCORE = "helicone-score-feedback"
"""The score a ``feedback`` rating is stored as (1 or 0, no suffix)."""


def is_boolean_score(name: str) -> bool:
    """Whether ``name`` is a boolean score: ``<name>-hcone-bool`` or ``helicone-score-feedback``."""
    return name.endswith(BOOLEAN_SUFFIX) or name == FEEDBACK_SCORE


class Bucket(NamedTuple):
    """One histogram bin: scores from ``lower`` to ``upper`` carry weight ``value``."""

    lower: float
    upper: float
    value: float

    def to_dict(self) -> dict[str, float]:
        """The bin as the API sends it: ``{"lower": .., "upper": .., "value": ..}``."""
        return {"lower": self.lower, "upper": self.upper, "value": self.value}


class ScoreDistribution:
    """The histogram of one score name over the requests that matched the query.

    ``name`` is the score's name (boolean scores are named ``<name>-hcone-bool``), and
    ``distribution`` its bins, in ascending order. Read-only.

    ``is_exact`` says whether the bins give back every score exactly (at most ten distinct
    scores); then ``counts()`` maps each score to its number of requests and every statistic
    is exact. Otherwise ``counts()`` raises :class:`NotExactError`, the statistics are
    estimates, and ``mean_bounds()`` brackets the true mean.
    """

    __slots__ = ("_buckets", "_name", "_shape", "_wire")

    def __init__(self, name: str, distribution: Iterable[Bucket]) -> None:
        self._name = name
        self._buckets: list[Bucket] | None = [Bucket(*b) for b in distribution]
        self._wire: Sequence[Mapping[str, Any]] = ()
        self._shape: _Shape | None = None

    @classmethod
    def _from_wire(cls, name: str, wire: Sequence[Mapping[str, Any]]) -> ScoreDistribution:
        """From validated ``{"lower", "upper", "value"}`` dicts; buckets made on first read."""
        self = cls.__new__(cls)
        self._name = name
        self._buckets = None
        self._wire = wire
        self._shape = None
        return self

    @property
    def name(self) -> str:
        return self._name

    @property
    def distribution(self) -> list[Bucket]:
        """The bins, lowest first."""
        buckets = self._buckets
        if buckets is None:
            # tuple.__new__ skips the NamedTuple's Python-level __new__: 17,000 buckets of a
            # 1 MB response are made in 5 ms instead of 8.
            make = tuple.__new__
            buckets = self._buckets = [
                make(Bucket, (b["lower"], b["upper"], b["value"])) for b in self._wire
            ]
            self._wire = ()
        return buckets

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ScoreDistribution):
            return NotImplemented
        return self._name == other._name and self.distribution == other.distribution

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"ScoreDistribution(name={self._name!r}, distribution={self.distribution!r})"

    @property
    def _analysis(self) -> _Shape:
        shape = self._shape
        if shape is None:
            shape = self._shape = _analyse(self.distribution)
        return shape

    @property
    def total(self) -> float:
        """The number of scored requests (the sum of the bins' values)."""
        return sum(b.value for b in self.distribution)

    @property
    def is_boolean(self) -> bool:
        """Whether this is a boolean score: ``<name>-hcone-bool`` or ``helicone-score-feedback``."""
        return is_boolean_score(self._name)

    @property
    def is_exact(self) -> bool:
        """True when the bins give back every score and its count exactly.

        That is the case when the server saw at most ten distinct scores. With fewer than ten
        bins it is certain; with exactly ten, every centroid must be a whole number (the server
        stores integer scores, so a fractional centroid is a merge of neighbours). The one case
        no histogram can reveal is two interior neighbours merged into a whole-number average.
        """
        return self._analysis.exact

    def counts(self) -> dict[float, int]:
        """Each distinct score and its number of requests, recovered exactly from the bins.

        Raises :class:`NotExactError` saying why when the server merged neighbouring scores
        (more than ten distinct scores): the counts are then lost and only estimates remain.
        """
        shape = self._analysis
        if not shape.exact:
            raise NotExactError(f"score {self._name!r}: no exact counts, {shape.reason}")
        return {score: int(count) for score, count in zip(shape.points, shape.weights, strict=True)}

    @property
    def pass_rate(self) -> float:
        """The share of requests scored true (1), for boolean scores; exact.

        Raises :class:`StatisticsError` for a score that is not boolean (its name must end in
        ``-hcone-bool`` or be ``helicone-score-feedback``) or holds values other than 0 and 1.
        """
        if not self.is_boolean:
            raise StatisticsError(
                f"pass_rate is for boolean scores (named '<name>{BOOLEAN_SUFFIX}' or "
                f"{FEEDBACK_SCORE!r}); {self._name!r} is not one: use mean() instead"
            )
        counts = self._boolean_counts()
        return counts[1] / (counts[0] + counts[1])

    def _boolean_counts(self) -> dict[int, int]:
        """``{0: falses, 1: trues}``, or StatisticsError when the bins are not 0/1 counts."""
        counts = self.counts()  # {} when no bin holds a score
        if not counts:
            raise StatisticsError(f"score {self._name!r} has an empty distribution")
        if not set(counts) <= {0.0, 1.0}:
            raise StatisticsError(
                f"score {self._name!r} is named as a boolean but holds {sorted(counts)}, "
                "not only 0 and 1"
            )
        return {0: counts.get(0.0, 0), 1: counts.get(1.0, 0)}

    def mean(self) -> float:
        """The mean score: exact when ``is_exact``, else an estimate inside ``mean_bounds()``.

        Raises :class:`StatisticsError` (a ValueError) for an empty distribution.
        """
        return self._nonempty().mean

    def mean_bounds(self) -> tuple[float, float]:
        """``(low, high)``: the true mean lies between them, equal to ``mean()`` when exact.

        Each centroid of the server's histogram lies inside its bin, and neighbouring
        centroids are tied together by the edge between them (the edge is their midpoint), so
        the whole set of centroids can only slide within a range: these are the lowest and
        highest means that range allows, with the bins' recovered counts.
        """
        shape = self._nonempty()
        return shape.mean_low, shape.mean_high

    def variance(self, ddof: int = 1) -> float:
        """The variance of the scores: the sample variance (``ddof=1``) by default.

        Exact when ``is_exact``. Otherwise an estimate from the centroids, which cannot see the
        spread of the scores merged inside one centroid (so it leans low). Raises
        :class:`StatisticsError` with ``ddof`` or fewer scores.
        """
        if isinstance(ddof, bool) or not isinstance(ddof, int) or ddof < 0:
            raise ArgumentError(f"ddof: expected a non-negative int, got {ddof!r}")
        shape = self._nonempty()
        n = shape.n
        if n - ddof <= 0:
            raise StatisticsError(
                f"score {self._name!r}: a variance with ddof={ddof} needs more than {ddof} "
                f"score(s), the distribution has {n:g}"
            )
        return shape.squares / (n - ddof)

    def std(self, ddof: int = 1) -> float:
        """The standard deviation, ``sqrt(variance(ddof))``: exact when ``is_exact``."""
        return math.sqrt(self.variance(ddof))

    def quantile(self, q: float) -> float:
        """The ``q``-quantile (0 <= q <= 1) of the scores, e.g. ``quantile(0.5)`` the median.

        When ``is_exact`` this is the smallest score with at least ``q`` of the requests at or
        below it. Otherwise the bins are treated as uniform and the result is interpolated
        inside the bin where the cumulative count reaches ``q``.
        """
        if isinstance(q, bool) or not isinstance(q, int | float) or not 0.0 <= q <= 1.0:
            raise ArgumentError(f"quantile: q must be between 0 and 1, got {q!r}")
        shape = self._nonempty()
        buckets = self.distribution
        target = q * sum(shape.weights)
        seen = 0.0
        if shape.exact:
            tolerance = 1e-9 * max(1.0, target)
            for score, count in zip(shape.points, shape.weights, strict=True):
                seen += count
                if seen >= target - tolerance:
                    return float(score)
            return float(shape.points[-1])
        for b, weight in zip(buckets, shape.weights, strict=True):
            if weight > 0 and seen + weight >= target:
                return float(b.lower + (b.upper - b.lower) * (target - seen) / weight)
            seen += weight
        return float(buckets[-1].upper)

    def _nonempty(self) -> _Shape:
        shape = self._analysis
        if not shape.weights:
            raise StatisticsError(f"score {self._name!r} has an empty distribution")
        return shape

    def to_dict(self) -> dict[str, Any]:
        """The distribution as the API sends it: ``{"name": .., "distribution": [..]}``."""
        return {"name": self.name, "distribution": [b.to_dict() for b in self.distribution]}

    def to_pandas(self) -> pd.DataFrame:
        """A DataFrame with the columns ``lower``, ``upper``, ``value`` (needs pandas)."""
        try:
            import pandas
        except ImportError as exc:
            raise missing_extra("to_pandas()", "pandas", "pandas") from exc
        return pandas.DataFrame(
            [b.to_dict() for b in self.distribution], columns=["lower", "upper", "value"]
        )


class ScoreDistributions(list[ScoreDistribution]):
    """A list of :class:`ScoreDistribution`, also indexable by score name.

    ``result[0]`` is the first distribution, ``result["accuracy"]`` the one named ``accuracy``.
    The server returns the names in no particular order.
    """

    __slots__ = ()

    def __init__(self, distributions: Iterable[ScoreDistribution] = ()) -> None:
        super().__init__(distributions)

    @overload
    def __getitem__(self, key: SupportsIndex) -> ScoreDistribution: ...
    @overload
    def __getitem__(self, key: slice) -> list[ScoreDistribution]: ...
    @overload
    def __getitem__(self, key: str) -> ScoreDistribution: ...
    def __getitem__(
        self, key: SupportsIndex | slice | str
    ) -> ScoreDistribution | list[ScoreDistribution]:
        if isinstance(key, str):
            return self.by_name(key)
        return super().__getitem__(key)

    def __contains__(self, key: object) -> bool:
        if isinstance(key, str):
            return any(d.name == key for d in self)
        return super().__contains__(key)

    def __repr__(self) -> str:
        return f"ScoreDistributions({list.__repr__(self)})"

    @property
    def names(self) -> list[str]:
        """The score names, in the order the server sent them."""
        return [d.name for d in self]

    def by_name(self, name: str) -> ScoreDistribution:
        """The distribution of score ``name``; KeyError listing the names there are."""
        for d in self:
            if d.name == name:
                return d
        raise KeyError(f"no score named {name!r}; the result has {self.names!r}")

    def get(self, name: str) -> ScoreDistribution | None:
        """The distribution of score ``name``, or None."""
        for d in self:
            if d.name == name:
                return d
        return None

    def to_list(self) -> list[dict[str, Any]]:
        """The distributions as the API's ``data`` array."""
        return [d.to_dict() for d in self]

    def to_pandas(self) -> pd.DataFrame:
        """A long DataFrame: one row per bin, columns ``name``, ``lower``, ``upper``, ``value``."""
        try:
            import pandas
        except ImportError as exc:
            raise missing_extra("to_pandas()", "pandas", "pandas") from exc
        rows = [{"name": d.name, **b.to_dict()} for d in self for b in d.distribution]
        return pandas.DataFrame(rows, columns=["name", "lower", "upper", "value"])


class _Shape(NamedTuple):
    """What the bins of one distribution say about the scores behind them (computed once)."""

    weights: tuple[float, ...]  # rows per bin: the recovered counts, else the bins' values
    points: tuple[float, ...]  # the score each bin stands for: centroid, estimate or midpoint
    exact: bool
    reason: str  # why not exact ("" when exact)
    mean: float  # of points by weights
    mean_low: float
    mean_high: float
    n: float  # sum of weights
    squares: float  # sum of weight * (point - mean) ** 2, for the variance


_EMPTY = _Shape((), (), True, "", math.nan, math.nan, math.nan, 0, 0.0)


def _shape(
    weights: tuple[float, ...],
    points: tuple[float, ...],
    exact: bool,
    reason: str,
    mean: float,
    mean_low: float,
    mean_high: float,
) -> _Shape:
    squares = 0.0
    for p, w in zip(points, weights, strict=True):
        deviation = p - mean
        squares += w * (deviation * deviation)  # not ** 2: libm's pow may differ by an ulp
    return _Shape(weights, points, exact, reason, mean, mean_low, mean_high, sum(weights), squares)


def _weighted_mean(points: Sequence[float], weights: Sequence[float]) -> float:
    total = 0.0
    for p, w in zip(points, weights, strict=True):
        total += p * w
    return total / sum(weights)


def _solve_counts(values: Sequence[float]) -> list[float]:
    """The counts ``c`` whose smoothed values are ``values`` (see the module docstring).

    Thomas algorithm on the tridiagonal system: diagonal 7, 6, ..., 6, 7; off-diagonals 1;
    right side ``8 * value``. Diagonally dominant, so stable without pivoting.
    """
    n = len(values)
    if n == 1:
        return [float(values[0])]
    factor = [0.0] * n
    rhs = [0.0] * n
    factor[0] = 1.0 / 7.0
    rhs[0] = 8.0 * values[0] / 7.0
    for i in range(1, n):
        pivot = (7.0 if i == n - 1 else 6.0) - factor[i - 1]
        factor[i] = 1.0 / pivot
        rhs[i] = (8.0 * values[i] - rhs[i - 1]) / pivot
    counts = rhs  # back substitution in place
    for i in range(n - 2, -1, -1):
        counts[i] = rhs[i] - factor[i] * counts[i + 1]
    return counts


def _whole_counts(values: Sequence[float]) -> tuple[float, ...] | None:
    """The whole-number counts behind ``values``, verified by smoothing them again, or None."""
    solved = _solve_counts(values)
    counts = []
    for c in solved:
        whole = float(round(c))
        if whole < 1 or abs(whole - c) > max(1e-6, 1e-9 * abs(c)):
            return None
        counts.append(whole)
    # Smooth them again (the server's formula) and compare with what it sent.
    n = len(counts)
    tolerance = 1e-9 * max(1.0, sum(values))
    for i, c in enumerate(counts):
        low = c if i == 0 else (counts[i - 1] + 3 * c) / 4
        high = c if i == n - 1 else (counts[i + 1] + 3 * c) / 4
        if abs((low + high) / 2 - values[i]) > tolerance:
            return None
    return tuple(counts)


def _analyse(buckets: Sequence[Bucket]) -> _Shape:
    """Counts, centroids, exactness and the bounds of the mean of one histogram."""
    k = len(buckets)
    if k == 0:
        return _EMPTY
    lows, highs, values = (list(column) for column in zip(*buckets, strict=True))
    if not sum(values) > 0:
        return _EMPTY  # bins that weigh nothing hold no score
    return _finish(lows, highs, values, _whole_counts(values))


def _finish(
    lows: list[float],
    highs: list[float],
    values: list[float],
    counts: tuple[float, ...] | None,
    pinned: list[float] | None = None,
    chained: bool | None = None,
) -> _Shape:
    """The shape of bins that hold scores, from their recovered ``counts`` (None: the values
    are not the smoothing of whole counts). ``pinned`` and ``chained`` when already known."""
    k = len(values)
    if counts is None:
        # Not something the server sends (hand-made bins?): treat each bin as uniform.
        mids = tuple((lo + hi) / 2 for lo, hi in zip(lows, highs, strict=True))
        reason = "the bins' values are not the smoothing of whole-number counts"
        return _shape(
            tuple(values),
            mids,
            False,
            reason,
            _weighted_mean(mids, values),
            _weighted_mean(lows, values),
            _weighted_mean(highs, values),
        )

    tolerance = 1e-9 * max(1.0, abs(lows[0]), abs(highs[-1]))
    if chained is None:
        # Neighbouring bins share their edge, the midpoint of their centroids.
        chained = True
        for i in range(k - 1):
            if abs(highs[i] - lows[i + 1]) > tolerance:
                chained = False
                break
        # The centroids, if the first is the lowest score (lower = min) and they end on the
        # highest (upper = max), each inside its bin: v[i+1] = 2 * edge[i] - v[i].
        pinned = _pinned(lows, highs, tolerance) if chained else None
    if pinned is not None:
        # Merging always leaves exactly ten bins, and merged integer scores average to a
        # fraction unless the merged neighbours happen to average to a whole number.
        fractional = [] if k < _MAX_BINS else [v for v in pinned if abs(v - round(v)) > tolerance]
        if not fractional:
            mean = _weighted_mean(pinned, counts)
            return _shape(counts, tuple(pinned), True, "", mean, mean, mean)
        reason = _fraction_reason(k, fractional[0])
    else:
        reason = _MERGED_ENDS
    return _bounded(lows, highs, counts, pinned, chained, tolerance, reason)


_MERGED_ENDS = (
    "the lowest or highest scores were merged with their neighbours (more than 10 distinct scores)"
)


def _fraction_reason(k: int, centroid: float) -> str:
    return (
        f"the histogram has {k} bins and centroid {centroid:g} is not a whole number: "
        "the server merged neighbouring scores (more than 10 distinct scores)"
    )


def _pinned(lows: list[float], highs: list[float], tolerance: float) -> list[float] | None:
    """The centroids of chained bins when the first is ``lows[0]`` and they end on
    ``highs[-1]``, each inside its bin; else None."""
    v = lows[0]
    pinned = [v]
    for i in range(len(lows) - 1):
        nxt = 2 * highs[i] - v
        if nxt <= v or not lows[i + 1] - tolerance <= nxt <= highs[i + 1] + tolerance:
            return None
        pinned.append(nxt)
        v = nxt
    return None if abs(v - highs[-1]) > tolerance else pinned


def _bounded(
    lows: list[float],
    highs: list[float],
    counts: tuple[float, ...],
    pinned: list[float] | None,
    chained: bool,
    tolerance: float,
    reason: str,
) -> _Shape:
    """The estimates and bounds of a histogram whose centroids are not all known."""
    k = len(counts)
    n = sum(counts)
    if chained:
        # Centroid i is offset[i] + sign[i] * t, with t the (unknown) first centroid; each
        # centroid inside its bin bounds t, and the mean is linear in t.
        offsets = [0.0]
        for edge in highs[:-1]:
            offsets.append(2 * edge - offsets[-1])
        signs = [1.0 if i % 2 == 0 else -1.0 for i in range(k)]
        t_low, t_high = -math.inf, math.inf
        for lo, hi, offset, sign in zip(lows, highs, offsets, signs, strict=True):
            if sign > 0:
                t_low, t_high = max(t_low, lo - offset), min(t_high, hi - offset)
            else:
                t_low, t_high = max(t_low, offset - hi), min(t_high, offset - lo)
        if t_low <= t_high + tolerance:
            t_high = max(t_low, t_high)
            base = sum(c * o for c, o in zip(counts, offsets, strict=True))
            slope = sum(c * s for c, s in zip(counts, signs, strict=True))
            low, high = sorted(((base + slope * t_low) / n, (base + slope * t_high) / n))
            t = (t_low + t_high) / 2
            points = pinned or [o + s * t for o, s in zip(offsets, signs, strict=True)]
            mean = _weighted_mean(points, counts)
            return _shape(counts, tuple(points), False, reason, mean, low, high)
    mids = [(lo + hi) / 2 for lo, hi in zip(lows, highs, strict=True)]
    return _shape(
        counts,
        tuple(mids),
        False,
        reason,
        _weighted_mean(mids, counts),
        _weighted_mean(lows, counts),
        _weighted_mean(highs, counts),
    )


# Below this many distributions, numpy's per-call overhead outweighs what it saves.
_BATCH = 16
_COLUMNS = operator.itemgetter("lower", "upper", "value")


def analyse_all(distributions: Iterable[ScoreDistribution]) -> None:
    """Analyse the bins of many distributions at once, each as ``_analyse`` would.

    Compare reads every score of two answers: one numpy pass per bin count replaces hundreds
    of small Python loops. The arithmetic is the same, operation for operation and sums in the
    same order, so the figures are the same to the last bit (tests/results/test_results_batch).
    What numpy cannot finish (bins that are not the smoothing of whole counts, which the
    server never sends; non-float bins made by hand) is analysed one by one in Python, and so
    is everything without numpy or for fewer than 16 distributions.
    """
    todo = [d for d in distributions if d._shape is None]
    if len(todo) >= _BATCH:
        try:
            import numpy as np
        except ImportError:
            pass
        else:
            _analyse_batch(np, todo)
    for d in todo:
        if d._shape is None:
            d._shape = _analyse(d.distribution)


def _analyse_batch(np: Any, todo: list[ScoreDistribution]) -> None:
    groups: dict[int, tuple[list[ScoreDistribution], list[float]]] = {}
    for d in todo:
        bins: Iterable[tuple[float, ...]]
        if d._buckets is None:  # validated answers hold floats
            k, bins = len(d._wire), map(_COLUMNS, d._wire)
        elif all(type(x) is float for b in d._buckets for x in b):
            k, bins = len(d._buckets), d._buckets
        else:
            continue  # ints and the like: _analyse keeps their types
        if k:
            members, flat = groups.setdefault(k, ([], []))
            members.append(d)
            flat.extend(chain.from_iterable(bins))
    for k, (members, flat) in groups.items():
        # A flat list converts far faster than nested rows; then one row per bin and one
        # column per distribution, so that every operation runs along contiguous memory.
        table = np.array(flat, dtype=float).reshape(len(members), k, 3).transpose(2, 1, 0)
        _analyse_group(np, k, members, np.ascontiguousarray(table))


def _analyse_group(np: Any, k: int, members: list[ScoreDistribution], table: Any) -> None:
    """Shapes for ``members``, which all have ``k`` bins: ``table[0]``, ``[1]`` and ``[2]``
    hold the lower edges, upper edges and values, bin by bin (k x members).

    Mirrors ``_whole_counts``, ``_finish``, ``_pinned`` and ``_bounded`` on whole arrays, with
    the same operations in the same order (sums as running sums, as Python adds them); rows
    it cannot finish keep no shape, for ``_analyse`` to make one by one.
    """
    lows, highs, values = table
    with np.errstate(all="ignore"):
        # Non-finite or non-positive values never come from whole counts: left to _analyse.
        ok = np.isfinite(table).all(axis=(0, 1)) & (values > 0).all(axis=0)
        # _solve_counts: the Thomas algorithm, whose pivots depend on k only.
        solved = values.copy()
        if k > 1:
            factor = [1.0 / 7.0]
            solved[0] = 8.0 * values[0] / 7.0
            for i in range(1, k):
                pivot = (7.0 if i == k - 1 else 6.0) - factor[i - 1]
                factor.append(1.0 / pivot)
                solved[i] = (8.0 * values[i] - solved[i - 1]) / pivot
            for i in range(k - 2, -1, -1):
                solved[i] -= factor[i] * solved[i + 1]
        # _whole_counts: whole, at least one, and smoothing them again gives the values back.
        counts = np.round(solved)
        ok &= (
            (counts >= 1) & (np.abs(counts - solved) <= np.maximum(1e-6, 1e-9 * np.abs(solved)))
        ).all(axis=0)
        low = counts.copy()
        low[1:] = (counts[:-1] + 3 * counts[1:]) / 4
        high = counts.copy()
        high[:-1] = (counts[1:] + 3 * counts[:-1]) / 4
        total = np.cumsum(values, axis=0)[-1]
        ok &= (np.abs((low + high) / 2 - values) <= 1e-9 * np.maximum(1.0, total)).all(axis=0)

        # _finish and _pinned: chained edges, then the centroids pinned by the lowest score.
        edge = 1e-9 * np.maximum(np.maximum(1.0, np.abs(lows[0])), np.abs(highs[-1]))
        chained = ok & (np.abs(highs[:-1] - lows[1:]) <= edge).all(axis=0)
        points = lows.copy()
        offsets = np.zeros_like(lows)
        for i in range(k - 1):
            points[i + 1] = 2 * highs[i] - points[i]
            offsets[i + 1] = 2 * highs[i] - offsets[i]
        after = points[1:]
        inside = (after > points[:-1]) & (lows[1:] - edge <= after) & (after <= highs[1:] + edge)
        pinned = chained & inside.all(axis=0) & (np.abs(points[-1] - highs[-1]) <= edge)
        fractional = (np.abs(points - np.round(points)) > edge).any(axis=0)
        exact = pinned & ~fractional if k >= _MAX_BINS else pinned

        # _bounded: centroid i is offsets[i] + signs[i] * t, each inside its bin.
        signs = np.where(np.arange(k) % 2 == 0, 1.0, -1.0)[:, None]
        even = signs > 0
        t_low = np.where(even, lows - offsets, offsets - highs).max(axis=0)
        t_high = np.where(even, highs - offsets, offsets - lows).min(axis=0)
        bounded = chained & ~exact & (t_low <= t_high + edge)
        t_high = np.maximum(t_low, t_high)
        n = counts.sum(axis=0)  # whole numbers: exact in any order
        base = np.cumsum(counts * offsets, axis=0)[-1] + 0.0
        slope = np.cumsum(counts * signs, axis=0)[-1] + 0.0
        first, second = (base + slope * t_low) / n, (base + slope * t_high) / n
        swap = second < first  # as sorted() orders the pair
        estimated = offsets + signs * ((t_low + t_high) / 2)
        points = np.where(bounded & ~pinned, estimated, points)

        # _weighted_mean and _shape's squares, as running sums (0.0 + ...: never -0.0).
        mean = (np.cumsum(points * counts, axis=0)[-1] + 0.0) / n
        deviation = points - mean
        squares = np.cumsum(counts * (deviation * deviation), axis=0)[-1] + 0.0
        mean_low = np.where(bounded, np.where(swap, second, first), mean)
        mean_high = np.where(bounded, np.where(swap, first, second), mean)

    # tuple.__new__ skips the NamedTuple's Python-level __new__ (hundreds of shapes).
    make = tuple.__new__
    rows = zip(
        members,
        counts.T.tolist(),
        points.T.tolist(),
        ok.tolist(),
        exact.tolist(),
        bounded.tolist(),
        mean.tolist(),
        mean_low.tolist(),
        mean_high.tolist(),
        n.tolist(),
        squares.tolist(),
        strict=True,
    )
    for i, (d, weights, centroids, good, is_exact, is_bounded, m, lo, hi, size, sq) in enumerate(
        rows
    ):
        if is_exact:
            d._shape = make(_Shape, (tuple(weights), tuple(centroids), True, "", m, m, m, size, sq))
        elif is_bounded:
            if pinned[i]:
                tol = float(edge[i])
                reason = _fraction_reason(k, next(v for v in centroids if abs(v - round(v)) > tol))
            else:
                reason = _MERGED_ENDS
            shape = (tuple(weights), tuple(centroids), False, reason, m, lo, hi, size, sq)
            d._shape = make(_Shape, shape)
        elif good:  # estimated from the bins' midpoints: rare, left to Python
            lows_, highs_, values_ = (column.tolist() for column in table[:, :, i])
            known = centroids if pinned[i] else None
            d._shape = _finish(lows_, highs_, values_, tuple(weights), known, bool(chained[i]))
        # else _analyse decides (not whole counts, or values it must judge)
