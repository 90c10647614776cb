"""Times read the way the server reads them (JavaScript ``Date``), with UTC as its local zone.

* ``parse_iso8601``: timestamp operator values, which the server's validation requires to be
  ISO-8601 (``2024-01-05``, ``2024-01-05T12:00``, ``2024-01-05T12:00:00.5+02:00``...).
* ``parse_js_date``: ``timeFilter.start``/``end``, which are only checked to be strings and then
  go through ``new Date(text)``: ISO-8601 plus the common forms V8 also accepts
  (``Jan 5 2024``, ``2024/01/05 12:00``, RFC 2822). Anything else is an invalid time.

As in JavaScript, a date alone is midnight UTC and a date-time without an offset is local
time, which for the emulator is UTC. Results are naive datetimes in UTC; a time that an offset
moves before year 1 or after year 9999 becomes ``datetime.min``/``datetime.max``.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

__all__ = ["parse_iso8601", "parse_js_date"]

_YEAR = re.compile(r"^\d{4}$")
_YEAR_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_ISO_START = re.compile(r"^\d{4}(-?\d{2}|-?W\d{2})")
_FALLBACK_FORMATS = (
    "%b %d %Y",
    "%B %d %Y",
    "%b %d %Y %H:%M:%S",
    "%B %d %Y %H:%M:%S",
    "%a %b %d %Y",
    "%a %b %d %Y %H:%M:%S",
    "%d %b %Y",
    "%d %B %Y",
    "%Y/%m/%d",
    "%Y/%m/%d %H:%M",
    "%Y/%m/%d %H:%M:%S",
    "%m/%d/%Y",
    "%m/%d/%Y %H:%M",
    "%m/%d/%Y %H:%M:%S",
)


def _utc(value: datetime) -> datetime:
    if value.tzinfo is None:
        return value
    try:
        return value.astimezone(UTC).replace(tzinfo=None)
    except OverflowError:
        # Year 1 or 9999 pushed past Python's range by its offset: JavaScript still has a date
        # there, earlier (or later) than any row, so the nearest representable one stands in.
        return datetime.min if value.year == 1 else datetime.max


def parse_iso8601(text: str) -> datetime | None:
    """An ISO-8601 date or date-time as naive UTC, or ``None`` if it is not ISO-8601."""
    text = text.strip()
    try:
        if _YEAR.match(text):
            return datetime(int(text), 1, 1)
        m = _YEAR_MONTH.match(text)
        if m:
            return datetime(int(m.group(1)), int(m.group(2)), 1)
        if not _ISO_START.match(text):
            return None
        parsed = datetime.fromisoformat(text.replace("z", "Z").replace("t", "T"))
    except ValueError:
        return None
    return _utc(parsed)


def parse_js_date(text: str) -> datetime | None:
    """What ``new Date(text)`` gives, as naive UTC, or ``None`` for an "Invalid Date"."""
    parsed = parse_iso8601(text)
    if parsed is not None:
        return parsed
    stripped = " ".join(text.replace(",", " ").split())
    if not stripped:
        return None
    for layout in _FALLBACK_FORMATS:
        try:
            return datetime.strptime(stripped, layout)
        except ValueError:
            continue
    try:
        return _utc(parsedate_to_datetime(text))
    except (TypeError, ValueError, IndexError):
        return None
