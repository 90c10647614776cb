"""What ``client.evals.query(...)`` returns: one summary per score name, with hourly series.

The server (``POST /v1/evals/query``) groups the matching requests by hour, from the hour of
``start`` to the hour of ``end`` (both included, hours without data filled in), and sends per
score name the hourly counts and averages plus four totals. Two of those totals are not what
their names say, so the summaries add a correct ``mean``; see :class:`EvalSummary`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, SupportsIndex, overload

from ._exceptions import ResponseValidationError, missing_extra

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["EvalSummaries", "EvalSummary", "HourlyAverage", "HourlyCount"]


@dataclass(frozen=True, slots=True)
class HourlyCount:
    """How many scores of one name the requests of one hour carried."""

    date: datetime
    """The start of the hour, timezone-aware (UTC unless the query shifted the buckets)."""
    count: int


@dataclass(frozen=True, slots=True)
class HourlyAverage:
    """The average of one score name over one hour (0 when the hour had none)."""

    date: datetime
    value: float


@dataclass(frozen=True, slots=True)
class EvalSummary:
    """The statistics of one score name over the queried window.

    ``over_time``/``average_over_time`` hold one entry per hour of the window, hours without
    that score included (count 0, average 0). ``count`` is the number of scores (the sum of the
    hourly counts). ``mean`` is the true mean, computed here from the hourly series:
    ``sum(average_h * count_h) / sum(count_h)``; None when there is no score.

    The three other totals are the server's, as sent:

    - ``average_score`` is the sum of the hourly averages (empty hours counting 0) divided by
      ``count``: not the mean unless each hour holds at most one score. With scores 2 and 4 in
      one hour and 6 in the next it is (3 + 6) / 3 = 3, while the mean is 4. None when
      ``count`` is 0 (the server's 0/0).
    - ``min_score``/``max_score`` count every hour without the score as a 0: ``min_score`` is
      at most 0 and ``max_score`` at least 0 unless the score appears in every hour of the
      window. A negative minimum or a positive maximum is exact. None when nothing matched.

    The server counts row versions it has not merged yet (a request whose scores were just
    written can be counted twice for a while); the emulator does not.
    """

    name: str
    """The score name as stored (boolean scores end in ``-hcone-bool``)."""
    average_score: float | None
    min_score: float | None
    max_score: float | None
    count: int
    over_time: tuple[HourlyCount, ...]
    average_over_time: tuple[HourlyAverage, ...]
    mean: float | None
    """The mean of the scores, from the hourly series (see the class docstring)."""

    @classmethod
    def _from_wire(cls, wire: Mapping[str, Any]) -> EvalSummary:
        """From one validated ``Eval`` object of the API."""
        name = wire["name"]
        over_time = tuple(
            HourlyCount(_date(item["date"], name), _count(item["count"], name))
            for item in wire["overTime"]
        )
        average_over_time = tuple(
            HourlyAverage(_date(item["date"], name), float(item["value"]))
            for item in wire["averageOverTime"]
        )
        return cls(
            name=name,
            average_score=_number(wire["averageScore"]),
            min_score=_number(wire["minScore"]),
            max_score=_number(wire["maxScore"]),
            count=_count(wire["count"], name),
            over_time=over_time,
            average_over_time=average_over_time,
            mean=_mean(over_time, average_over_time),
        )

    def to_dict(self) -> dict[str, Any]:
        """The summary as JSON-ready data (dates as ISO-8601 strings)."""
        return {
            "name": self.name,
            "count": self.count,
            "mean": self.mean,
            "average_score": self.average_score,
            "min_score": self.min_score,
            "max_score": self.max_score,
            "over_time": [{"date": h.date.isoformat(), "count": h.count} for h in self.over_time],
            "average_over_time": [
                {"date": h.date.isoformat(), "value": h.value} for h in self.average_over_time
            ],
        }


def _mean(counts: Sequence[HourlyCount], averages: Sequence[HourlyAverage]) -> float | None:
    by_date = {h.date: h.value for h in averages}
    total = sum(h.count for h in counts)
    if total == 0:
        return None
    return math.fsum(by_date.get(h.date, 0.0) * h.count for h in counts if h.count) / total


def _date(value: str, name: str) -> datetime:
    try:
        when = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        when = None
    if when is None or when.tzinfo is None:
        raise ResponseValidationError(
            f"the server sent an hour of score {name!r} that is not an ISO-8601 time with a "
            f"timezone: {value!r}"
        )
    return when


def _count(value: float, name: str) -> int:
    if not (math.isfinite(value) and value >= 0 and value == int(value)):
        raise ResponseValidationError(
            f"the server sent a count of score {name!r} that is not a whole number: {value!r}"
        )
    return int(value)


def _number(value: float | None) -> float | None:
    return None if value is None else float(value)


class EvalSummaries(list[EvalSummary]):
    """The summaries of a query, in the server's order, also indexable by score name.

    A list of :class:`EvalSummary`: ``result[0]``, ``result["accuracy"]``,
    ``"accuracy" in result``, ``result.names``. Every score name the organization has ever had
    is listed, with count 0 when it has no score in the window.
    """

    def __init__(self, summaries: Iterable[EvalSummary] = ()) -> None:
        super().__init__(summaries)
        self._by_name = {s.name: s for s in self}

    @property
    def names(self) -> list[str]:
        return [s.name for s in self]

    def by_name(self, name: str) -> EvalSummary:
        """The summary of ``name``; KeyError listing the names there are if none."""
        try:
            return self._by_name[name]
        except KeyError:
            raise KeyError(f"no score named {name!r}; there are: {self.names}") from None

    @overload
    def __getitem__(self, key: SupportsIndex) -> EvalSummary: ...
    @overload
    def __getitem__(self, key: slice) -> list[EvalSummary]: ...
    @overload
    def __getitem__(self, key: str) -> EvalSummary: ...
    def __getitem__(self, key: SupportsIndex | slice | str) -> EvalSummary | list[EvalSummary]:
        if isinstance(key, str):
            return self.by_name(key)
        return super().__getitem__(key)

    def __contains__(self, key: object) -> bool:
        if isinstance(key, str):
            return key in self._by_name
        return super().__contains__(key)

    def __repr__(self) -> str:
        return f"EvalSummaries({self.names!r})"

    def to_list(self) -> list[dict[str, Any]]:
        """Every summary as JSON-ready data (see :meth:`EvalSummary.to_dict`)."""
        return [s.to_dict() for s in self]

    def to_pandas(self, *, hourly: bool = False) -> pd.DataFrame:
        """A DataFrame (needs pandas).

        One row per score (``name, count, mean, average_score, min_score, max_score``), or with
        ``hourly=True`` one row per score and hour (``name, date, count, average``).
        """
        try:
            import pandas
        except ImportError as exc:
            raise missing_extra("to_pandas()", "pandas", "pandas") from exc
        if hourly:
            rows: list[tuple[Any, ...]] = []
            for s in self:
                averages = {h.date: h.value for h in s.average_over_time}
                rows.extend((s.name, h.date, h.count, averages.get(h.date)) for h in s.over_time)
            return pandas.DataFrame(rows, columns=["name", "date", "count", "average"])
        columns = ["name", "count", "mean", "average_score", "min_score", "max_score"]
        return pandas.DataFrame(
            [(s.name, s.count, s.mean, s.average_score, s.min_score, s.max_score) for s in self],
            columns=columns,
        )


def parse_summaries(data: Sequence[Mapping[str, Any]]) -> EvalSummaries:
    """The validated ``data`` of a QueryEvals answer as summaries."""
    return EvalSummaries(EvalSummary._from_wire(item) for item in data)
