"""A filter tree compiled to parameterised DuckDB SQL, with the real server's semantics.

The rules are Helicone's ``packages/filters/filters.ts`` (see the server notes), read on the
*raw JSON*, because key order matters there:

* a leaf uses ONE field: ``property_key``, ``properties``, ``search_properties``, ``scores``,
  ``cached`` and ``cost`` are looked at first, in that order, else the first key of the leaf;
  and ONE operator: the first key of that field's operator object (the rest are dropped);
* ``contains`` is ``ILIKE '%' || v || '%'`` (so ``%`` and ``_`` in ``v`` are wildcards),
  ``like`` is case-sensitive, ``equals "null"`` is ``IS NULL``, ``not-equals "null"`` is
  ``IS NOT NULL`` and ``equals "__empty__"`` is ``empty(column)``, on plain columns only (a
  ``properties``/``scores`` value is always bound, so ``"null"`` there is the string);
* a missing map key reads as ``''`` (properties) or ``0`` (``helicone-score-feedback``), as a
  ClickHouse ``Map`` does; ``scores`` filters add ``has(scores, k)``;
* ``cost`` compares the stored nano-dollars with ``floor(value * 1e9)``;
* a whole-number value is bound as ``Int32``, as the server binds it: ``3000000000`` wraps to
  ``-1294967296`` (so ``cost > 3`` compares with a negative number and matches other rows than
  asked), a whole number of 1e21 or more (``String(n)`` is ``1e+21`` in JavaScript) is refused by
  ClickHouse as an Int32 parameter, and other numbers (fractions, the infinities ``cost`` can
  reach: ``cost gt 1e300``) are bound as ``Float64``;
* times compare at whole seconds (the server binds a ``DateTime``).

What would make ClickHouse fail (an ``ILIKE`` on an ``Int64`` score, a non-numeric score value,
a ``UUID`` compared with a non-UUID) raises ``QueryFailed`` with a message in ClickHouse's
words; a leaf without an operator raises ``ServerCrash``, as the server throws there.

Values are only ever bound as parameters; column names come only from the whitelist below,
itself derived from the generated model of the leaf.
"""

from __future__ import annotations

import json
import math
import re
import typing
from decimal import Decimal
from functools import cache
from typing import Any, Literal

from pydantic import TypeAdapter

from helicone_evals_generated import filter_fields

from ._schema import BY_NAME, ZERO_UUID
from ._timeparse import parse_iso8601

__all__ = ["Compiled", "QueryFailed", "ServerCrash", "compile_filter", "field_kinds"]

FieldKind = Literal["text", "number", "boolean", "timestamp", "map", "property_key"]

# Fields the server looks at before the leaf's first key, in this order.
SPECIAL_ORDER = ("property_key", "properties", "search_properties", "scores", "cached", "cost")
# How the server binds numbers: cost scaled to nano-dollars, whole values as Int32. The same
# generated table tells the SDK which filters to refuse, so the two cannot disagree.
COST_PRECISION_MULTIPLIER = filter_fields.VALUE_SCALE["cost"]

_FEEDBACK = "helicone-score-feedback"
_UUID = re.compile(
    r"^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$"
)
# At most 19 digits: a longer one is out of Int64 anyway, and int() of it would be slow.
_INT64_TEXT = re.compile(r"^[+-]?\d{1,19}$")
_INT64_MIN = -(2**63)
_INT32_MIN, _INT32_MAX = filter_fields.INT32_RANGE
_LIKE_FUNCTIONS = {
    "like": "like",
    "ilike": "ilike",
    "contains": "ilike",
    "not-contains": "notILike",
}


class ServerCrash(Exception):
    """The server would throw outside its error handling: 500 ``Internal Server Error``."""


class QueryFailed(Exception):
    """The database would reject the query: 500 ``{"data": null, "error": <message>}``."""


@cache
def field_kinds() -> dict[str, FieldKind]:
    """The kind of every leaf field (wire name), from the generated table of the spec's fields."""
    kinds: dict[str, FieldKind] = {}
    for spec in filter_fields.FIELDS:
        if spec.kind not in _KNOWN_KINDS:  # pragma: no cover - a new operator type in the spec
            raise RuntimeError(f"emulator: no SQL rule for the field {spec.wire!r} ({spec.kind})")
        kinds[spec.wire] = typing.cast(FieldKind, spec.kind)
    return kinds


_KNOWN_KINDS = frozenset(typing.get_args(FieldKind))


# The DuckDB expression of each plain field; anything not here is never put into SQL.
_COLUMN_OF: dict[str, str] = {
    "assets": "asset_ids",
    "scores_column": "scores",
    _FEEDBACK: (f"coalesce(scores_values[list_position(scores_keys, '{_FEEDBACK}')], 0)"),
}

_COMPARISONS = {"equals": "=", "not-equals": "<>", "gte": ">=", "gt": ">", "lte": "<=", "lt": "<"}

_FLOAT = TypeAdapter(float)
_BOOL = TypeAdapter(bool)


class Compiled:
    """SQL text with ``?`` placeholders, and the values to bind, in order."""

    def __init__(self) -> None:
        self.params: list[Any] = []

    def bind(self, value: Any) -> str:
        self.params.append(value)
        return "?"


def _first_operator(ops: Any) -> tuple[str, Any]:
    # JS ``for (const key in operator) return ...``: the first key wins; none is a throw.
    if isinstance(ops, dict):
        for key, value in ops.items():
            return key, value
    raise ServerCrash(f"Invalid operator {json.dumps(ops) if ops is not None else 'undefined'}")


def _first_key(mapping: dict[str, Any]) -> tuple[str | None, Any]:
    for key, value in mapping.items():
        return key, value
    return None, None


def _js_string(number: float) -> str:
    """``String(number)`` in JavaScript, for a whole number."""
    if abs(number) < 1e21:
        return str(int(Decimal(repr(number))))  # shortest round-trip digits, zero-padded
    return repr(number)  # 1e+21, 1.5e+300: the same exponent form as JavaScript's


def _bind_number(number: float, out: Compiled) -> str:
    """Bind a JS number as the server does: a whole one as Int32 (wrapping), else Float64."""
    if not number.is_integer():  # fractions, and the infinities
        return out.bind(number)
    text = _js_string(number)
    if "e" in text:
        digits = len(text) - len(text.lstrip("-0123456789"))
        raise QueryFailed(
            f"Value {text} cannot be parsed as Int32 for query parameter 'val_{len(out.params)}' "
            f"because it isn't parsed completely: only {digits} of {len(text)} bytes was parsed: "
            f"{text[:digits]}. (BAD_QUERY_PARAMETER)"
        )
    # ClickHouse reads the digits into an Int32 and wraps: 3000000000 -> -1294967296.
    return out.bind((int(text) - _INT32_MIN) % (_INT32_MAX - _INT32_MIN + 1) + _INT32_MIN)


def _text_comparison(column: str, op: str, value: str, out: Compiled) -> str:
    if op in ("equals", "not-equals"):
        return f"{column} {_COMPARISONS[op]} {out.bind(value)}"
    pattern = out.bind(value)
    if op in ("contains", "not-contains"):
        pattern = f"('%' || {pattern} || '%')"
    keyword = {"like": "LIKE", "ilike": "ILIKE", "contains": "ILIKE", "not-contains": "NOT ILIKE"}
    # ClickHouse's LIKE escapes with a backslash; DuckDB's only when told so.
    return f"{column} {keyword[op]} {pattern} ESCAPE '\\'"


def _sentinel(column: str, op: str, value: str) -> str | None:
    """The SQL of a ``"null"``/``"__empty__"`` value on a plain column, as the server builds it."""
    if value == "null":
        if op == "equals":
            return f"{column} IS NULL"
        if op == "not-equals":
            return f"{column} IS NOT NULL"
        if op in ("contains", "not-contains"):
            # '%' || null::text || '%': ClickHouse refuses to cast NULL to a String.
            raise QueryFailed(
                "Cannot convert NULL value to non-Nullable type: while executing "
                "'FUNCTION CAST(NULL :: 0, 'String' :: 1)'"
            )
        return "false"  # LIKE NULL is NULL: no row
    if value == "__empty__":
        if op == "equals":
            return _empty(column)
        # The sentinel is spliced unquoted, so ClickHouse reads an identifier.
        raise QueryFailed(
            "Unknown expression identifier `__empty__` in scope SELECT ... FROM "
            "request_response_rmt. (UNKNOWN_IDENTIFIER)"
        )
    return None


def _empty(column: str) -> str:
    if column == "asset_ids":
        return "len(asset_ids) = 0"
    if column == "scores":
        return "len(scores_keys) = 0"
    if column in ("request_id", "organization_id", "cache_reference_id"):
        return f"{column} = '{ZERO_UUID}'"
    return f"{column} = ''"


def _plain_field(field: str, kind: FieldKind, op: str, value: Any, out: Compiled) -> str:
    column = _COLUMN_OF.get(field, field)
    if kind == "boolean":
        flag = _BOOL.validate_python(value)
        if field == _FEEDBACK:
            return f"{column} = {out.bind(int(flag))}"
        return f"{column} = {out.bind(flag)}"
    if kind == "number":
        return f"{column} {_COMPARISONS[op]} {_bind_number(_FLOAT.validate_python(value), out)}"
    if kind == "timestamp":
        moment = parse_iso8601(str(value))
        if moment is None:  # pragma: no cover - rejected by validation already
            raise QueryFailed(f"Cannot parse DateTime: {value}")
        return f"{column} {_COMPARISONS[op]} {out.bind(moment.replace(microsecond=0))}"
    # text
    text = str(value)
    sentinel = _sentinel(column, op, text)
    if sentinel is not None:
        return sentinel
    clickhouse_type = BY_NAME[column].clickhouse_type if column in BY_NAME else ""
    if clickhouse_type in ("Array(String)", "Map(LowCardinality(String), Int64)"):
        function = _LIKE_FUNCTIONS.get(op)
        if function is None:
            name = "equals" if op == "equals" else "notEquals"
            raise QueryFailed(
                f"Illegal types of arguments ({clickhouse_type}, String) of function {name}"
            )
        raise QueryFailed(f"Illegal type {clickhouse_type} of argument of function {function}")
    if clickhouse_type == "UUID":
        if op in _LIKE_FUNCTIONS:
            raise QueryFailed(f"Illegal type UUID of argument of function {_LIKE_FUNCTIONS[op]}")
        if not _UUID.match(text):
            raise QueryFailed(f"Cannot parse uuid {text}: Cannot parse UUID from String")
        text = text.lower()
    return _text_comparison(column, op, text, out)


def _score(key: str, op: str, value: Any, out: Compiled) -> str:
    # has(scores, k) AND scores[k] <op> {String}: ClickHouse compares the Int64 with the string
    # parsed as a number, and refuses LIKE on an Int64.
    text = str(value)
    if op in _LIKE_FUNCTIONS:
        raise QueryFailed(f"Illegal type Int64 of argument of function {_LIKE_FUNCTIONS[op]}")
    if not _INT64_TEXT.match(text) or not _INT64_MIN <= int(text) <= -_INT64_MIN - 1:
        shown = text if len(text) <= 40 else text[:40] + "..."
        raise QueryFailed(f"Cannot parse string '{shown}' as Int64: syntax error")
    has = f"list_contains(scores_keys, {out.bind(key)})"
    item = f"scores_values[list_position(scores_keys, {out.bind(key)})]"
    return f"({has} AND {item} {_COMPARISONS[op]} {out.bind(int(text))})"


def _property(key: str, op: str, value: Any, out: Compiled) -> str:
    item = f"coalesce(properties_values[list_position(properties_keys, {out.bind(key)})], '')"
    return _text_comparison(item, op, str(value), out)


def _leaf_fields(fields: dict[str, Any], out: Compiled) -> str:
    if "property_key" in fields:
        _op, value = _first_operator(fields["property_key"])
        return f"list_contains(properties_keys, {out.bind(str(value))})"
    for name in ("properties", "search_properties", "scores"):
        if name in fields:
            key, operators = _first_key(fields[name] or {})
            op, value = _first_operator(operators)
            if name == "properties":
                return _property(str(key), op, value, out)
            if name == "scores":
                return _score(str(key), op, value, out)
            raise QueryFailed(
                "Unknown expression identifier `key` in scope SELECT ... FROM "
                "request_response_rmt. (UNKNOWN_IDENTIFIER)"
            )
    if "cached" in fields:
        op, value = _first_operator(fields["cached"])
        if op != "equals":  # pragma: no cover - the schema only has equals
            raise ServerCrash("Cached filter only supports 'equals' operator")
        comparison = "<>" if _BOOL.validate_python(value) is True else "="
        return f"cache_reference_id {comparison} {out.bind(ZERO_UUID)}"
    if "cost" in fields:
        op, value = _first_operator(fields["cost"])
        nano = _FLOAT.validate_python(value) * COST_PRECISION_MULTIPLIER
        if math.isfinite(nano):
            nano = float(math.floor(nano))
        return f"cost {_COMPARISONS[op]} {_bind_number(nano, out)}"
    field, operators = _first_key(fields)
    if field is None:
        raise ServerCrash("Invalid operator undefined")
    op, value = _first_operator(operators)
    kind = field_kinds().get(field)
    if kind is None or kind in ("map", "property_key"):  # pragma: no cover - validated before
        raise ServerCrash(f"Unknown filter field {field!r}")
    return _plain_field(field, kind, op, value, out)


def _node(node: Any, out: Compiled) -> str:
    if node == "all":
        return "true"
    if not isinstance(node, dict):  # pragma: no cover - validated before
        raise ServerCrash(f"Invalid filter {node!r}")
    if "left" in node:
        left = _node(node["left"], out)
        right = _node(node["right"], out)
        operator = {"and": "AND", "or": "OR"}[node["operator"]]
        return f"({left} {operator} {right})"
    clauses = []
    for table, fields in node.items():
        if table != "request_response_rmt":  # pragma: no cover - validated before
            raise ServerCrash(f"Unknown table {table!r}")
        clauses.append(f"({_leaf_fields(fields if isinstance(fields, dict) else {}, out)})")
    return " AND ".join(clauses) if clauses else "true"


def compile_filter(node: Any, out: Compiled | None = None) -> tuple[str, list[Any]]:
    """The WHERE clause for a validated filter (raw JSON, key order kept), and its parameters."""
    compiled = out or Compiled()
    return _node(node, compiled), compiled.params
