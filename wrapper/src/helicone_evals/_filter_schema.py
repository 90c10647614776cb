"""What the API accepts in a filter leaf: its fields, their operators and their values.

This mirrors ``Partial_RequestResponseRMTToOperators_`` of the vendored spec; a test compares the
two, so a regenerated spec cannot drift away from the builder unnoticed.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable
from datetime import datetime
from typing import Final, Literal

from ._exceptions import FilterError
from ._times import to_iso

__all__ = [
    "BOOLEAN",
    "COMPLEMENT",
    "FIELDS",
    "MAP",
    "NULL",
    "NUMBER",
    "OPERATORS",
    "PROPERTY_KEY",
    "PY_TO_WIRE",
    "TEXT",
    "TIMESTAMP",
    "Kind",
    "Value",
    "check_value",
    "kind_name",
    "py_name",
]

Kind = Literal["text", "number", "timestamp", "boolean", "property_key", "map"]
TEXT: Final = "text"
NUMBER: Final = "number"
TIMESTAMP: Final = "timestamp"
BOOLEAN: Final = "boolean"
PROPERTY_KEY: Final = "property_key"
MAP: Final = "map"  # a map of text fields: properties['k'], search_properties['k'], scores['k']

# A leaf value after checking: text and timestamps are str, numbers int or float.
Value = str | int | float | bool

# The server's sentinel: ``equals "null"`` is IS NULL, ``not-equals "null"`` is IS NOT NULL.
NULL: Final = "null"

# Wire operator names per operator type, in the spec's order.
OPERATORS: Final[dict[str, tuple[str, ...]]] = {
    TEXT: ("not-equals", "equals", "like", "ilike", "contains", "not-contains"),
    NUMBER: ("not-equals", "equals", "gte", "lte", "lt", "gt"),
    TIMESTAMP: ("equals", "gte", "lte", "lt", "gt"),
    BOOLEAN: ("equals",),
    PROPERTY_KEY: ("equals",),
    MAP: ("not-equals", "equals", "like", "ilike", "contains", "not-contains"),
}

# Every field of a leaf, by wire name, in the spec's order.
FIELDS: Final[dict[str, Kind]] = {
    "country_code": TEXT,
    "latency": NUMBER,
    "cost": NUMBER,
    "provider": TEXT,
    "time_to_first_token": NUMBER,
    "status": NUMBER,
    "request_created_at": TIMESTAMP,
    "response_created_at": TIMESTAMP,
    "model": TEXT,
    "user_id": TEXT,
    "organization_id": TEXT,
    "node_id": TEXT,
    "job_id": TEXT,
    "threat": BOOLEAN,
    "request_id": TEXT,
    "prompt_tokens": NUMBER,
    "completion_tokens": NUMBER,
    "prompt_cache_read_tokens": NUMBER,
    "prompt_cache_write_tokens": NUMBER,
    "total_tokens": NUMBER,
    "target_url": TEXT,
    "property_key": PROPERTY_KEY,
    "properties": MAP,
    "search_properties": MAP,
    "scores": MAP,
    "scores_column": TEXT,
    "request_body": TEXT,
    "response_body": TEXT,
    "cache_enabled": BOOLEAN,
    "cache_reference_id": TEXT,
    "cached": BOOLEAN,
    "assets": TEXT,
    "helicone-score-feedback": BOOLEAN,
    "prompt_id": TEXT,
    "prompt_version": TEXT,
    "request_referrer": TEXT,
    "is_passthrough_billing": BOOLEAN,
}

# Python identifier -> wire name (only helicone-score-feedback differs).
PY_TO_WIRE: Final[dict[str, str]] = {name.replace("-", "_"): name for name in FIELDS}

# The operator that matches exactly the rows an operator rejects (NULLs aside), per kind.
# Missing entries (like, ilike, timestamp equals, property_key) have no complement in the API.
COMPLEMENT: Final[dict[tuple[str, str], str]] = {
    **{
        (kind, a): b
        for kind in (TEXT, MAP)
        for a, b in [
            ("equals", "not-equals"),
            ("not-equals", "equals"),
            ("contains", "not-contains"),
            ("not-contains", "contains"),
        ]
    },
    **{
        (NUMBER, a): b
        for a, b in [
            ("equals", "not-equals"),
            ("not-equals", "equals"),
            ("gt", "lte"),
            ("lte", "gt"),
            ("gte", "lt"),
            ("lt", "gte"),
        ]
    },
    **{(TIMESTAMP, a): b for a, b in [("gt", "lte"), ("lte", "gt"), ("gte", "lt"), ("lt", "gte")]},
}

_KIND_NAMES: Final[dict[str, str]] = {
    TEXT: "a text field",
    NUMBER: "a number field",
    TIMESTAMP: "a timestamp field",
    BOOLEAN: "a boolean field",
    PROPERTY_KEY: "the property-name field",
    MAP: "a map of text fields",
}


def py_name(op: str) -> str:
    """The Python method name of a wire operator: ``not-equals`` -> ``not_equals``."""
    return op.replace("-", "_")


def kind_name(kind: str) -> str:
    """``a text field``, ``a number field``, ... for error messages."""
    return _KIND_NAMES[kind]


def check_value(kind: str, op: str, value: object, what: Callable[[], str]) -> Value:
    """The value a leaf of ``kind`` holds for ``op``, or FilterError naming ``what()``.

    Text takes str; numbers int or float (not bool, NaN or infinity); timestamps an aware
    datetime or ISO-8601 string, kept as a UTC ISO string; booleans True or False. ``what`` is
    only called to word an error, so a valid value costs no message formatting.
    """
    # Exact-type checks first: the common case skips the slow numbers.Real ABC check.
    if kind in _TEXTUAL:
        if isinstance(value, str):
            return value
        raise FilterError(f"{what()}: expected a string, got {_describe(value)}")
    if kind == NUMBER:
        if type(value) is int or (type(value) is float and math.isfinite(value)):
            return value
        # bool is an int subclass, but True as a latency is surely a mistake.
        if isinstance(value, bool) or not isinstance(value, numbers.Real):
            raise FilterError(f"{what()}: expected a number (int or float), got {_describe(value)}")
        if isinstance(value, numbers.Integral):
            return int(value)
        number = float(value)
        if not math.isfinite(number):
            raise FilterError(f"{what()}: expected a finite number, got {number!r}")
        return number
    if kind == TIMESTAMP:
        if not isinstance(value, datetime | str):
            raise FilterError(
                f"{what()}: expected a timezone-aware datetime or an ISO-8601 string, "
                f"got {_describe(value)}"
            )
        try:
            return to_iso(value, what=what())
        except OverflowError:  # an offset that pushes year 1 or 9999 out of range in UTC
            raise FilterError(f"{what()}: {value!r} is out of range in UTC") from None
    if kind == BOOLEAN:
        if isinstance(value, bool):
            return value
        raise FilterError(f"{what()}: expected True or False, got {_describe(value)}")
    raise AssertionError(kind)  # pragma: no cover


_TEXTUAL: Final = frozenset({TEXT, MAP, PROPERTY_KEY})


def _describe(value: object) -> str:
    text = repr(value)
    if len(text) > 60:
        text = text[:57] + "..."
    return f"{type(value).__name__} {text}"
