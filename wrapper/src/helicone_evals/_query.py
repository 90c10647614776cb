"""Turn ``query_score_distributions`` arguments into the request body, or raise FilterError.

Everything here runs before a request is made, so a bad argument never costs a round trip.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import Any, TypeAlias

from ._exceptions import FilterError, shown
from ._times import shift, to_datetime, to_iso
from .filters import F, Filter

__all__ = [
    "ALL",
    "FilterLike",
    "TimeLike",
    "build_body",
    "coerce_filter",
    "encode_body",
    "time_window",
]

ALL = "all"
"""The wire form of ``F.all``: the default filter, matching every request."""

FilterLike: TypeAlias = Filter | Mapping[str, Any] | str
TimeLike: TypeAlias = datetime | str


def coerce_filter(value: object) -> dict[str, Any] | str:
    """The wire JSON of a ``Filter``, of wire JSON (validated), or of a text expression."""
    if isinstance(value, str):
        if value.strip() == ALL:
            return ALL
        return F.parse(value).to_dict()
    if isinstance(value, Filter):
        return value.to_dict()
    if isinstance(value, Mapping):
        return Filter.from_dict(dict(value)).to_dict()
    raise FilterError(
        "filter: expected a Filter (e.g. F.model.equals('gpt-4o')), its wire JSON "
        f"(a dict or 'all') or a text expression, got {type(value).__name__}"
    )


def time_window(start: TimeLike | timedelta, end: TimeLike | None) -> tuple[str, str]:
    """``(start, end)`` in UTC ISO-8601; ``end=None`` is now, a timedelta start is before end."""
    end_dt = datetime.now(UTC) if end is None else to_datetime(end, what="end")
    if isinstance(start, timedelta):
        if start <= timedelta(0):
            raise FilterError(
                f"start: a timedelta means 'that long before end' and must be positive, got {start}"
            )
        start_dt = shift(end_dt, start)
    else:
        start_dt = to_datetime(start, what="start")
    start_iso, end_iso = to_iso(start_dt, what="start"), to_iso(end_dt, what="end")
    if start_dt >= end_dt:
        raise FilterError(f"start ({start_iso}) must be before end ({end_iso})")
    return start_iso, end_iso


_MAX_COUNT = 2**31 - 1  # the server's integers are 32-bit
_MAX_TZ_MINUTES = 24 * 60


def _count(value: object, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise FilterError(f"{what}: expected a non-negative int, got {shown(value)}")
    if value < 0:
        raise FilterError(f"{what}: must not be negative, got {shown(value)}")
    if value > _MAX_COUNT:
        raise FilterError(f"{what}: must be at most {_MAX_COUNT:,}, got {shown(value)}")
    return value


def build_body(
    filter: object,
    start: TimeLike | timedelta,
    end: TimeLike | None,
    limit: int | None,
    offset: int | None,
    time_zone_difference: float | None,
) -> dict[str, Any]:
    """The ``EvalQueryParams`` JSON: ``filter``, ``timeFilter`` and only the options given."""
    start_iso, end_iso = time_window(start, end)
    return {
        "filter": coerce_filter(filter),
        "timeFilter": {"start": start_iso, "end": end_iso},
        **_options(limit, offset, time_zone_difference),
    }


def encode_body(
    filter: object,
    start: TimeLike | timedelta,
    end: TimeLike | None,
    limit: int | None,
    offset: int | None,
    time_zone_difference: float | None,
) -> bytes:
    """``build_body(...)`` encoded as the JSON request body.

    A ``Filter`` is encoded once per filter object (it is immutable), so reusing a filter
    across queries costs no re-encoding; only the time window is encoded per call.
    """
    start_iso, end_iso = time_window(start, end)
    options = _options(limit, offset, time_zone_difference)
    flt = (
        filter._wire_json()
        if isinstance(filter, Filter)
        else _ENCODER.encode(coerce_filter(filter))
    )
    # isoformat() writes only digits, '-', ':', '.', 'T' and '+': nothing JSON must escape.
    text = f'{{"filter":{flt},"timeFilter":{{"start":"{start_iso}","end":"{end_iso}"}}'
    if options:
        text += "," + _ENCODER.encode(options)[1:-1]
    return (text + "}").encode()


# One encoder for every call: json.dumps with options builds a new one each time.
_ENCODER = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False, allow_nan=False)


def _options(
    limit: int | None, offset: int | None, time_zone_difference: float | None
) -> dict[str, Any]:
    """The optional body keys that were given, checked."""
    body: dict[str, Any] = {}
    if limit is not None:
        body["limit"] = _count(limit, "limit")
    if offset is not None:
        body["offset"] = _count(offset, "offset")
    if time_zone_difference is not None:
        tzd = time_zone_difference
        if (
            isinstance(tzd, bool)
            or not isinstance(tzd, int | float)
            or not -_MAX_TZ_MINUTES <= tzd <= _MAX_TZ_MINUTES  # False for NaN
        ):
            raise FilterError(
                f"time_zone_difference: expected minutes between -{_MAX_TZ_MINUTES} and "
                f"{_MAX_TZ_MINUTES}, got {shown(tzd)}"
            )
        body["timeZoneDifference"] = tzd
    return body
