"""What a score-distribution query returns: one histogram per score name.

The server answers with ClickHouse's ``histogram(10)(score)``: an adaptive histogram of at most
ten bins of unequal width. Each bin has a ``lower`` and ``upper`` edge and a ``value``; the
values of one distribution add up to the number of scored requests, but a single value is a
smoothed weight, not a plain count. With ten or fewer distinct scores (booleans, small integer
scales) the server's centroids are exactly the distinct scores, and :meth:`ScoreDistribution.mean`
and :meth:`ScoreDistribution.quantile` recover them (and their counts) exactly. With more distinct
scores the server has merged neighbours and both are estimates.

A response is validated in one pass against the generated schema (see ``_response``); the
``Bucket`` objects of a distribution are made the first time ``distribution`` is read.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, SupportsIndex, overload

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Bucket", "ScoreDistribution", "ScoreDistributions"]

_PANDAS_HINT = "to_pandas() needs pandas: pip install 'helicone-evals[pandas]'"


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
    """

    __slots__ = ("_buckets", "_name", "_wire")

    def __init__(self, name: str, distribution: Iterable[Bucket]) -> None:
        self._name = name
        self._buckets: list[Bucket] | None = [Bucket(*b) for b in distribution]
        self._wire: Sequence[Mapping[str, Any]] = ()

    @classmethod
    def _from_wire(cls, name: str, wire: Sequence[Mapping[str, Any]]) -> ScoreDistribution:
        """From validated ``{"lower", "upper", "value"}`` dicts; buckets made on first read."""
        self = cls.__new__(cls)
        self._name = name
        self._buckets = None
        self._wire = wire
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
    def total(self) -> float:
        """The number of scored requests (the sum of the bins' values)."""
        return sum(b.value for b in self.distribution)

    def mean(self) -> float:
        """The mean score: exact with ten or fewer distinct scores, else an estimate.

        Raises ValueError for an empty distribution.
        """
        points = _points(self.distribution, self.name)
        total = sum(weight for _, weight in points)
        return float(sum(score * weight for score, weight in points) / total)

    def quantile(self, q: float) -> float:
        """The ``q``-quantile (0 <= q <= 1) of the scores, e.g. ``quantile(0.5)`` the median.

        With ten or fewer distinct scores this is the smallest score with at least ``q`` of
        the requests at or below it. Otherwise the bins are treated as uniform and the result
        is interpolated inside the bin where the cumulative weight reaches ``q``.
        """
        if not 0.0 <= q <= 1.0:
            raise ValueError(f"quantile: q must be between 0 and 1, got {q!r}")
        buckets = self.distribution
        if not buckets:
            raise ValueError(f"score {self.name!r} has an empty distribution")
        exact = _centroids(buckets)
        if exact is not None:
            scores, counts = exact
            target = q * sum(counts)
            tolerance = 1e-9 * max(1.0, target)
            seen = 0.0
            for score, count in zip(scores, counts, strict=True):
                seen += count
                if seen >= target - tolerance:
                    return float(score)
            return float(scores[-1])
        target = q * self.total
        seen = 0.0
        for b in buckets:
            if b.value > 0 and seen + b.value >= target:
                return float(b.lower + (b.upper - b.lower) * (target - seen) / b.value)
            seen += b.value
        return float(buckets[-1].upper)

    def to_dict(self) -> dict[str, Any]:
        """The distribution as the API sends it: ``{"name": .., "distribution": [..]}``."""
        return {"name": self.name, "distribution": [b.to_dict() for b in self.distribution]}

    def to_pandas(self) -> pd.DataFrame:
        """A DataFrame with the columns ``lower``, ``upper``, ``value`` (needs pandas)."""
        try:
            import pandas
        except ImportError as exc:
            raise ImportError(_PANDAS_HINT) from exc
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
            raise ImportError(_PANDAS_HINT) from exc
        rows = [{"name": d.name, **b.to_dict()} for d in self for b in d.distribution]
        return pandas.DataFrame(rows, columns=["name", "lower", "upper", "value"])


def _points(buckets: list[Bucket], name: str) -> list[tuple[float, float]]:
    """(score, weight) pairs: the server's centroids when recoverable, else bin midpoints."""
    if not buckets:
        raise ValueError(f"score {name!r} has an empty distribution")
    exact = _centroids(buckets)
    if exact is not None:
        return list(zip(*exact, strict=True))
    return [((b.lower + b.upper) / 2, b.value) for b in buckets]


def _centroids(buckets: list[Bucket]) -> tuple[list[float], list[float]] | None:
    """The centroids and their counts behind a ClickHouse histogram, or None if inconsistent.

    The server's bins span ``lower = min`` (first) or ``(v[i-1] + v[i]) / 2`` and
    ``upper = max`` (last) or ``(v[i] + v[i+1]) / 2``, so ``v[0] = lower[0]`` and
    ``v[i+1] = 2 * upper[i] - v[i]``. Their values are ``(c[i-1] + 6 c[i] + c[i+1]) / 8``
    (``(7 c[0] + c[1]) / 8`` and ``(c[-2] + 7 c[-1]) / 8`` at the ends), a tridiagonal system
    solved here for the counts ``c``. When the leftmost centroids were merged the recovered
    centroids do not land back on ``max``: then this returns None.
    """
    n = len(buckets)
    scale = max(1.0, abs(buckets[0].lower), abs(buckets[-1].upper))
    tolerance = 1e-9 * scale
    if n == 1:
        b = buckets[0]
        return ([b.lower], [b.value]) if abs(b.upper - b.lower) <= tolerance else None
    scores = [buckets[0].lower]
    for b in buckets[:-1]:
        scores.append(2 * b.upper - scores[-1])
    for score, b in zip(scores, buckets, strict=True):
        if not b.lower - tolerance <= score <= b.upper + tolerance:
            return None
    if abs(scores[-1] - buckets[-1].upper) > tolerance:
        return None
    if any(later <= earlier for earlier, later in itertools.pairwise(scores)):
        return None
    # Thomas algorithm on: diagonal 7, 6, ..., 6, 7; off-diagonals 1; right side 8 * value.
    diagonal = [7.0] + [6.0] * (n - 2) + [7.0]
    upper_factor = [0.0] * n
    rhs = [0.0] * n
    upper_factor[0] = 1.0 / diagonal[0]
    rhs[0] = 8.0 * buckets[0].value / diagonal[0]
    for i in range(1, n):
        pivot = diagonal[i] - upper_factor[i - 1]
        upper_factor[i] = 1.0 / pivot
        rhs[i] = (8.0 * buckets[i].value - rhs[i - 1]) / pivot
    counts = [0.0] * n
    counts[-1] = rhs[-1]
    for i in range(n - 2, -1, -1):
        counts[i] = rhs[i] - upper_factor[i] * counts[i + 1]
    # The server counts rows: snap the floating-point noise back onto whole numbers.
    counts = [float(round(c)) if abs(c - round(c)) < 1e-6 else c for c in counts]
    if any(c < 0 for c in counts):
        return None
    return scores, counts
