"""QueryEvals' answer from hourly aggregates, with the server's arithmetic (EvalManager.getEvals).

Per score name and hour bucket the database gives the average, minimum, maximum and count. The
server then, for every name it has ever seen and every hour from bucket(start) to bucket(end):

* ``overTime``: ``{date, count}``, 0 where the name is absent that hour;
* ``averageOverTime``: ``{date, value}``, that hour's average, 0 where absent;
* ``count``: the sum of the hourly counts;
* ``averageScore``: the sum of the hourly averages divided by ``count`` (not the mean; 0/0 is
  NaN, sent as ``null``);
* ``minScore``/``maxScore``: over the hours, an absent hour counting as 0.

A bucket is the UTC hour of ``time - tz`` shifted back by ``tz`` (minutes): with ``tz = 330``
buckets start at :30.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

__all__ = ["MAX_HOURS", "TooManyHours", "bucket_of", "hourly_buckets", "summarise"]

MAX_HOURS = 10_000  # about 14 months of hourly buckets: the emulator's bound on one answer

_HOUR = timedelta(hours=1)


class TooManyHours(Exception):
    """The window spans more hourly buckets than the emulator fills."""


def bucket_of(moment: datetime, tz_minutes: float) -> datetime:
    """The hour bucket of ``moment`` (naive UTC) for a time zone difference in minutes."""
    shift = timedelta(minutes=tz_minutes)
    try:
        shifted = moment - shift
    except OverflowError:
        shifted = moment
    return shifted.replace(minute=0, second=0, microsecond=0) + shift


def hourly_buckets(start: datetime, end: datetime, tz_minutes: float) -> list[datetime]:
    """Every bucket from bucket(start) to bucket(end), both included."""
    try:
        first, last = bucket_of(start, tz_minutes), bucket_of(end, tz_minutes)
        hours = (last - first) // _HOUR + 1
    except OverflowError:
        hours = MAX_HOURS + 1
        first = start
    if hours > MAX_HOURS:
        raise TooManyHours(
            f"Emulator limit: the time filter spans {hours:,} hourly buckets; the emulator "
            f"fills at most {MAX_HOURS:,} (about {MAX_HOURS // 24} days)"
        )
    return [first + i * _HOUR for i in range(hours)]


def _js(value: float) -> float | int | None:
    # JSON.stringify: NaN and the infinities become null; whole numbers print without ".0".
    if not math.isfinite(value):
        return None
    return int(value) if value.is_integer() and abs(value) < 2**53 else value


def iso(moment: datetime) -> str:
    """``Date.toISOString()``: ``2024-01-05T10:00:00.000Z``."""
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def summarise(
    names: Iterable[str],
    buckets: list[datetime],
    rows: Iterable[tuple[datetime, str, float, float, float, int]],
) -> list[dict[str, Any]]:
    """One Eval per name (in the order given) from ``(bucket, name, avg, min, max, count)``."""
    by_name: dict[str, dict[datetime, tuple[float, float, float, int]]] = {}
    for bucket, name, avg, low, high, count in rows:
        by_name.setdefault(name, {})[bucket] = (float(avg), float(low), float(high), int(count))
    dates = [iso(b) for b in buckets]
    out: list[dict[str, Any]] = []
    for name in names:
        hours = by_name.get(name, {})
        over_time, average_over_time = [], []
        total, sum_of_averages = 0, 0.0
        lowest, highest = math.inf, -math.inf
        for bucket, date in zip(buckets, dates, strict=True):
            avg, low, high, count = hours.get(bucket, (0.0, 0.0, 0.0, 0))
            over_time.append({"date": date, "count": count})
            average_over_time.append({"date": date, "value": _js(avg)})
            total += count
            sum_of_averages += avg
            lowest, highest = min(lowest, low), max(highest, high)
        out.append(
            {
                "name": name,
                "averageScore": _js(sum_of_averages / total if total else math.nan),
                "minScore": _js(lowest),
                "maxScore": _js(highest),
                "count": total,
                "overTime": over_time,
                "averageOverTime": average_over_time,
            }
        )
    return out
