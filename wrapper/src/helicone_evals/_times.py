"""Times as the API takes them: timezone-aware, sent as ISO-8601 with an explicit offset."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from ._exceptions import FilterError, shown

__all__ = ["parse_duration", "shift", "to_datetime", "to_iso"]

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|m|h|d|w)\s*$")
_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


def to_datetime(value: datetime | str, *, what: str = "time") -> datetime:
    """An aware datetime from an aware datetime or an ISO-8601 string with an offset or Z.

    Raises FilterError naming ``what`` for a naive time or an unparseable string: the server
    would read a naive time in its own local zone, which is rarely what the caller meant.
    """
    if isinstance(value, datetime):
        dt = value
    elif isinstance(value, str):
        try:
            dt = datetime.fromisoformat(value.strip())
        except ValueError:
            raise FilterError(
                f"{what}: {shown(value)} is not an ISO-8601 time; expected e.g. "
                "'2024-01-05T12:00:00Z' or '2024-01-05T12:00:00+02:00'"
            ) from None
    else:
        raise FilterError(
            f"{what}: expected a timezone-aware datetime or an ISO-8601 string, "
            f"got {type(value).__name__}"
        )
    if dt.tzinfo is None or dt.tzinfo.utcoffset(dt) is None:
        raise FilterError(
            f"{what}: {shown(value)} has no timezone; pass an aware datetime "
            "(datetime(..., tzinfo=timezone.utc)) or an ISO string ending in Z or +HH:MM"
        )
    return dt


def to_iso(value: datetime | str, *, what: str = "time") -> str:
    """The time in UTC as ISO-8601 with an explicit offset: ``2024-01-05T12:00:00+00:00``.

    Raises FilterError for a time that falls outside years 1 to 9999 once in UTC.
    """
    dt = to_datetime(value, what=what)
    try:
        return dt.astimezone(UTC).isoformat()
    except OverflowError:
        raise FilterError(
            f"{what}: '{dt.isoformat()}' is outside the years 1 to 9999 once converted to UTC"
        ) from None


def shift(end: datetime, span: timedelta, *, what: str = "start") -> datetime:
    """``end - span``, or FilterError naming ``what`` when that is before year 1."""
    try:
        return end - span
    except OverflowError:
        raise FilterError(
            f"{what}: a timedelta of {span} before {end.isoformat()} is before year 1; "
            "pass a shorter timedelta or an explicit start time"
        ) from None


def parse_duration(text: str) -> timedelta:
    """``"90s"``, ``"15m"``, ``"12h"``, ``"7d"`` or ``"2w"`` as a timedelta."""
    m = _DURATION.match(text)
    if not m:
        raise FilterError(
            f"{shown(text)} is not a duration; expected a number and a unit s, m, h, d or w, "
            "e.g. '7d'"
        )
    amount = float(m.group(1))
    if amount <= 0:
        raise FilterError(f"{text!r}: a duration must be greater than zero")
    try:
        return timedelta(**{_UNITS[m.group(2)]: amount})
    except OverflowError:
        raise FilterError(f"{shown(text)}: a duration must be under 1,000,000,000 days") from None
