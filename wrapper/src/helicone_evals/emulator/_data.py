"""Rows for the emulator: deterministic synthetic requests, or the user's own JSONL file.

Synthetic rows are generated inside DuckDB, in one vectorised ``INSERT ... SELECT``: every
random draw is a hash of (row, draw number, seed) scaled to [0, 1), so a given
``(rows, seed)`` gives the same rows whatever the thread count (for a given DuckDB version),
and a million rows take a few seconds. Request times are spread over the 30 days before ``now``.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb

from .._exceptions import HeliconeError
from ._schema import (
    BY_NAME,
    COLUMNS,
    DEFAULT_ORGANIZATION_ID,
    MAP_VALUE_TYPES,
    TABLE,
    ZERO_UUID,
    Column,
)

__all__ = [
    "DataError",
    "generate_rows",
    "insert_rows",
    "load_jsonl",
    "parse_json",
    "parse_row",
    "read_jsonl",
]

# model, provider, share of traffic, nano-dollars per prompt / completion token, base latency
# (ms), mean accuracy: what the synthetic scores are drawn around.
MODELS: tuple[tuple[str, str, float, int, int, int, int], ...] = (
    ("gpt-4o", "openai", 0.30, 2500, 10000, 700, 82),
    ("gpt-4o-mini", "openai", 0.25, 150, 600, 450, 72),
    ("claude-3-5-sonnet-20241022", "anthropic", 0.18, 3000, 15000, 900, 85),
    ("claude-3-5-haiku-20241022", "anthropic", 0.10, 800, 4000, 500, 75),
    ("gemini-1.5-pro", "google", 0.09, 1250, 5000, 800, 78),
    ("llama-3.1-70b-instruct", "together", 0.08, 880, 880, 600, 68),
)
TARGET_URLS = {
    "openai": "https://api.openai.com/v1/chat/completions",
    "anthropic": "https://api.anthropic.com/v1/messages",
    "google": "https://generativelanguage.googleapis.com/v1beta/chat/completions",
    "together": "https://api.together.xyz/v1/chat/completions",
}
FEATURES = ("chat", "summarize", "search", "extract", "classify")
PROMPTS = {
    "chat": "How do I reset my password?",
    "summarize": "Summarize this support ticket about a refund",
    "search": "Find the latest invoice for ACME Corp",
    "extract": "Extract the order id and amount from this email",
    "classify": "Is this message spam? Answer yes or no",
}
COUNTRIES = ("US", "GB", "DE", "FR", "IN", "BR", "JP", "CA")
SCORE_NAMES = (
    "accuracy",
    "relevance",
    "helpfulness",
    "hallucination-hcone-bool",
    "helicone-score-feedback",
)


class DataError(HeliconeError, ValueError):
    """Rows could not be loaded (a JSONL file, ``add_requests``, a ``db`` file): the message names
    the line or row and the problem, and nothing was added."""


def _sql_list(values: tuple[str, ...]) -> str:
    return "[" + ", ".join("'" + v.replace("'", "''") + "'" for v in values) + "]"


def _pick(index_sql: str, values: tuple[object, ...]) -> str:
    items = ", ".join(
        "'" + v.replace("'", "''") + "'" if isinstance(v, str) else str(v) for v in values
    )
    return f"[{items}][{index_sql}]"


def _synthetic_sql() -> str:
    # Every literal below is ours, never user input; rows, seed and now are bound parameters.
    # u(k): the k-th uniform draw of row i, in [0, 1). One single-argument hash per draw: DuckDB
    # combines the hashes of several arguments linearly, so hash(i, seed, k) for two k's would
    # be correlated.
    def u(k: int) -> str:
        return f"u{k}"

    draws = ",\n    ".join(
        f"hash(range * 64 + {k} + $salt)::DOUBLE / 18446744073709551616.0 AS u{k}"
        for k in range(1, 32)
    )

    cum = 0.0
    cases = []
    for index, model in enumerate(MODELS[:-1]):
        cum += model[2]
        cases.append(f"WHEN {u(1)} < {cum:.4f} THEN {index + 1}")
    model_index = f"CASE {' '.join(cases)} ELSE {len(MODELS)} END"
    column = list(zip(*MODELS, strict=True))
    urls = tuple(TARGET_URLS[p] for p in column[1])
    prompts = tuple(PROMPTS[f] for f in FEATURES)
    return f"""
INSERT INTO {TABLE} BY NAME
WITH r AS (
  SELECT range AS i,
    {draws}
  FROM range($rows)
),
s AS (
  SELECT *,
    {model_index} AS mi,
    CASE WHEN {u(2)} < 0.935 THEN 200 WHEN {u(2)} < 0.965 THEN 429
         WHEN {u(2)} < 0.985 THEN 500 ELSE 400 END AS st,
    40 + floor(pow({u(4)}, 2) * 3500)::BIGINT AS pt,
    floor({u(8)} * 2592000000)::BIGINT AS age_ms,
    1 + floor({u(15)} * {len(FEATURES)})::INT AS fi
  FROM r
),
t AS (
  SELECT *,
    {_pick("mi", column[5])} AS base_latency,
    {_pick("mi", column[6])} AS quality,
    u3 < 0.07 AS is_cached,
    CASE WHEN st = 200 THEN 5 + floor({u(5)} * 900)::BIGINT ELSE 0 END AS ct
  FROM s
),
v AS (
  SELECT *,
    -- accuracy centred on the model's quality, a little better on the simpler features
    least(100, greatest(0, round(quality - (fi - 3) * 2
        + ({u(18)} + {u(19)} + {u(20)} - 1.5) * 20)))::BIGINT AS acc,
    CASE WHEN is_cached AND st = 200 THEN 5 + floor({u(6)} * 40)::BIGINT
         WHEN st <> 200 THEN 50 + floor({u(6)} * 300)::BIGINT
         ELSE base_latency + floor(ct * 12 * (0.6 + {u(6)} * 0.8))::BIGINT END AS lat,
    $now::TIMESTAMP - to_milliseconds(age_ms) AS created
  FROM t
)
SELECT
  -- a version-4 UUID (version and variant digits set), which the server's write path accepts
  (substr(md5($seed::VARCHAR || '-' || i::VARCHAR), 1, 12) || '4'
   || substr(md5($seed::VARCHAR || '-' || i::VARCHAR), 14, 3) || '8'
   || substr(md5($seed::VARCHAR || '-' || i::VARCHAR), 18, 15))::UUID::VARCHAR AS request_id,
  '{DEFAULT_ORGANIZATION_ID}' AS organization_id,
  created AS request_created_at,
  created + to_milliseconds(lat) AS response_created_at,
  lat AS latency,
  CASE WHEN st = 200 AND NOT is_cached AND {u(7)} < 0.6
       THEN 120 + floor({u(7)} * base_latency)::BIGINT END AS time_to_first_token,
  st AS status,
  {_pick("mi", column[0])} AS model,
  {_pick("mi", column[1])} AS provider,
  CASE WHEN {u(9)} < 0.05 THEN ''
       ELSE 'user_' || lpad(floor(pow({u(10)}, 2.5) * 250)::BIGINT::VARCHAR, 3, '0') END
    AS user_id,
  CASE WHEN {u(11)} >= 0.03
       THEN {_pick(f"1 + floor({u(11)} * {len(COUNTRIES)})::INT", COUNTRIES)} END AS country_code,
  {_pick("mi", urls)} AS target_url,
  '' AS node_id,
  '' AS job_id,
  CASE WHEN {u(12)} >= 0.1 THEN {u(12)} > 0.995 END AS threat,
  pt AS prompt_tokens,
  ct AS completion_tokens,
  CASE WHEN {u(13)} < 0.3 THEN floor(pt * {u(13)})::BIGINT ELSE 0 END
    AS prompt_cache_read_tokens,
  0::BIGINT AS prompt_cache_write_tokens,
  pt + ct AS total_tokens,
  CASE WHEN is_cached OR st <> 200 THEN 0
       ELSE pt * {_pick("mi", column[3])} + ct * {_pick("mi", column[4])} END AS cost,
  CASE WHEN {u(16)} < 0.6 THEN ['environment', 'feature', 'customer_tier']
       ELSE ['environment', 'feature'] END AS properties_keys,
  list_filter([
      CASE WHEN {u(14)} < 0.7 THEN 'production' WHEN {u(14)} < 0.9 THEN 'staging'
           ELSE 'development' END,
      {_pick("fi", FEATURES)},
      CASE WHEN {u(16)} < 0.3 THEN 'free' WHEN {u(16)} < 0.5 THEN 'pro'
           WHEN {u(16)} < 0.6 THEN 'enterprise' END
    ], lambda x: x IS NOT NULL) AS properties_values,
  list_select(
    {_sql_list(SCORE_NAMES)},
    list_filter([
      CASE WHEN st = 200 AND {u(17)} < 0.85 THEN 1 END,
      CASE WHEN st = 200 AND {u(21)} < 0.6 THEN 2 END,
      CASE WHEN st = 200 AND {u(24)} < 0.4 THEN 3 END,
      CASE WHEN st = 200 AND {u(26)} < 0.5 THEN 4 END,
      CASE WHEN {u(28)} < 0.15 THEN 5 END
    ], lambda x: x IS NOT NULL)) AS scores_keys,
  list_filter([
      CASE WHEN st = 200 AND {u(17)} < 0.85 THEN acc END,
      CASE WHEN st = 200 AND {u(21)} < 0.6 THEN
        least(100, greatest(0, round(quality - 4 + ({u(22)} + {u(23)} - 1) * 30)))::BIGINT END,
      CASE WHEN st = 200 AND {u(24)} < 0.4 THEN
        least(5, greatest(1, round(acc / 20.0 + ({u(25)} - 0.5) * 2)))::BIGINT END,
      CASE WHEN st = 200 AND {u(26)} < 0.5 THEN
        ({u(27)} < (100 - acc) / 150.0)::BIGINT END,
      CASE WHEN {u(28)} < 0.15 THEN ({u(29)} < 0.3 + acc / 140.0)::BIGINT END
    ], lambda x: x IS NOT NULL) AS scores_values,
  '{{"model":"' || {_pick("mi", column[0])} || '","messages":[{{"role":"user","content":"'
    || {_pick("fi", prompts)} || '"}}]}}' AS request_body,
  '' AS response_body,
  u3 < 0.25 AS cache_enabled,
  CASE WHEN is_cached THEN md5('cache-' || $seed::VARCHAR || '-' || i::VARCHAR)::UUID::VARCHAR
       ELSE '{ZERO_UUID}' END AS cache_reference_id,
  []::VARCHAR[] AS asset_ids,
  CASE WHEN {u(30)} < 0.3
       THEN {_pick(f"1 + floor({u(30)} * 10)::INT", ("support-answer", "summarizer", "classifier"))}
       ELSE '' END AS prompt_id,
  CASE WHEN {u(30)} < 0.3 THEN 'v' || (1 + floor({u(31)} * 3)::INT)::VARCHAR ELSE '' END
    AS prompt_version,
  '' AS request_referrer,
  false AS is_passthrough_billing
FROM v
"""


def generate_rows(
    con: duckdb.DuckDBPyConnection, rows: int, seed: int, now: datetime | None = None
) -> None:
    """Insert ``rows`` deterministic synthetic requests (same ``seed``, same rows)."""
    if rows < 0:
        raise ValueError("rows must be >= 0")
    anchor = _naive_utc(now or datetime.now(UTC)).replace(microsecond=0)
    salt = (seed * 0x9E3779B97F4A7C15) % 2**62  # spreads nearby seeds apart
    con.execute(_synthetic_sql(), {"rows": rows, "seed": seed, "salt": salt, "now": anchor})


# -- JSONL ------------------------------------------------------------------------------------

_INT64 = (-(2**63), 2**63 - 1)
_UUID = re.compile(
    r"^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$"
)


def _naive_utc(value: datetime) -> datetime:
    if value.tzinfo is None:
        return value  # the emulator's local zone is UTC
    return value.astimezone(UTC).replace(tzinfo=None)


def _type_name(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"


def _check_int(name: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        else:
            hint = ""
            if name == "cost":
                hint = " (cost is in nano-dollars: an integer, 1 USD = 1000000000)"
            raise ValueError(f"{name} must be an integer, got {json.dumps(value)}{hint}")
    if not _INT64[0] <= value <= _INT64[1]:
        raise ValueError(f"{name} is out of the Int64 range: {value}")
    return value


def _check_value(column: Column, value: Any) -> Any:
    name, kind = column.name, column.kind
    if value is None:
        if column.nullable:
            return None
        if column.default is not None:
            return column.default
        raise ValueError(f"{name} may not be null")
    if kind == "text":
        if not isinstance(value, str):
            raise ValueError(f"{name} must be a string, got {_type_name(value)}")
        return _text(name, value)
    if kind == "uuid":
        if not isinstance(value, str) or not _UUID.match(value):
            raise ValueError(f"{name} must be a UUID string, got {json.dumps(value)}")
        return str(value).lower()
    if kind == "int":
        return _check_int(name, value)
    if kind == "bool":
        if not isinstance(value, bool):
            raise ValueError(f"{name} must be true or false, got {json.dumps(value)}")
        return value
    if kind == "timestamp":
        if not isinstance(value, str):
            raise ValueError(f"{name} must be an ISO-8601 time string, got {_type_name(value)}")
        try:
            parsed = datetime.fromisoformat(value.strip().replace("z", "Z"))
        except ValueError:
            raise ValueError(
                f"{name} is not an ISO-8601 time: {value!r} (e.g. '2024-01-05T12:00:00Z')"
            ) from None
        try:
            return _naive_utc(parsed)
        except OverflowError:  # year 1 or 9999 moved out of range by its offset
            raise ValueError(
                f"{name} is out of range once converted to UTC: {value!r} "
                "(times must fall between years 1 and 9999 in UTC)"
            ) from None
    if kind == "text_map":
        if not isinstance(value, dict):
            raise ValueError(f"{name} must be an object of name -> string")
        for k, v in value.items():
            if not isinstance(v, str):
                raise ValueError(f"{name}[{k!r}] must be a string, got {_type_name(v)}")
            _text(f"{name} key", k)
            _text(f"{name}[{k!r}]", v)
        return value
    if kind == "int_map":
        if not isinstance(value, dict):
            raise ValueError(f"{name} must be an object of score name -> integer")
        out: dict[str, int] = {}
        for k, v in value.items():
            _text(f"{name} key", k)
            if isinstance(v, bool):
                raise ValueError(
                    f"{name}[{k!r}] must be an integer; store a boolean score as "
                    f"'{k}-hcone-bool': 0 or 1"
                )
            if isinstance(v, float) and not v.is_integer():
                raise ValueError(
                    f"{name}[{k!r}] must be an integer, got {v} (Helicone scores are Int64)"
                )
            out[k] = _check_int(f"{name}[{k!r}]", v)
        return out
    # text_list
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{name} must be an array of strings")
    for item in value:
        _text(name, item)
    return value


def _text(name: str, value: str) -> str:
    # JSON can carry a lone surrogate ("\\ud800"), which no UTF-8 column can store.
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ValueError(
            f"{name} holds a lone surrogate {value[exc.start]!r} at character {exc.start}, "
            "which is not valid Unicode text"
        ) from None
    return value


def parse_row(obj: object, *, line: int = 0, request_id: str | None = None) -> dict[str, Any]:
    """One JSONL object as a complete row (defaults filled in); ``ValueError`` if it is wrong.

    A row without ``request_id`` gets ``request_id`` if given, else one derived from ``line``.
    """
    if not isinstance(obj, dict):
        raise ValueError(f"expected a JSON object, got {_type_name(obj)}")
    data = dict(obj)
    # ``cached`` is not a column (the server derives it from cache_reference_id); accepted here
    # as a convenience.
    cached = data.pop("cached", None)
    unknown = sorted(set(data) - set(BY_NAME))
    if unknown:
        raise ValueError(
            f"unknown column {unknown[0]!r}; the columns are: " + ", ".join(c.name for c in COLUMNS)
        )
    if "request_created_at" not in data:
        raise ValueError("request_created_at is required")
    if data.get("request_id") is None:
        data["request_id"] = request_id or f"00000000-0000-4000-a000-{line:012d}"
    row: dict[str, Any] = {}
    for column in COLUMNS:
        row[column.name] = _check_value(column, data.get(column.name))
    if cached is not None:
        if not isinstance(cached, bool):
            raise ValueError(f"cached must be true or false, got {json.dumps(cached)}")
        if cached and row["cache_reference_id"] == ZERO_UUID:
            row["cache_reference_id"] = f"00000000-0000-4000-8000-{line:012d}"
        elif not cached:
            row["cache_reference_id"] = ZERO_UUID
    return row


def _read_rows(path: Path, new_ids: bool = False) -> Iterator[tuple[int, dict[str, Any]]]:
    with path.open("rb") as fh:
        for number, raw in enumerate(fh, start=1):
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise DataError(
                    f"{path}:{number}: not valid UTF-8 (byte {raw[exc.start]:#04x} at "
                    f"offset {exc.start})"
                ) from None
            if not text.strip():
                continue
            try:
                fresh = str(uuid.uuid4()) if new_ids else None
                yield number, parse_row(parse_json(text), line=number, request_id=fresh)
            except ValueError as exc:
                raise DataError(f"{path}:{number}: {exc}") from None


def parse_json(text: str | bytes) -> Any:
    """One JSON value, or ``ValueError`` saying why not (no NaN/Infinity, bounded nesting)."""
    try:
        return json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not valid JSON: {exc.msg} (column {exc.colno})") from None
    except RecursionError:
        raise ValueError("not valid JSON: nested too deeply") from None
    except ValueError as exc:
        raise ValueError(f"not valid JSON: {exc}") from None


def _no_constant(name: str) -> float:
    raise ValueError(f"{name} is not a JSON number")


def read_jsonl(path: str | Path, *, new_ids: bool = False) -> list[dict[str, Any]]:
    """Every row of a JSONL file, checked; a bad row raises ``DataError`` naming its line.

    A row without ``request_id`` gets one derived from its line number, or with ``new_ids`` a
    random UUID v4.
    """
    path = Path(path)
    try:
        return [row for _, row in _read_rows(path, new_ids)]
    except OSError as exc:
        raise DataError(f"{path}: {exc.strerror or exc}") from None


def load_jsonl(con: duckdb.DuckDBPyConnection, path: str | Path) -> int:
    """Load every row of a JSONL file, or none: a bad row raises ``DataError`` naming its line.

    Rows are validated in Python first, then inserted in one statement from column lists.
    """
    rows = read_jsonl(path)
    insert_rows(con, rows)
    return len(rows)


def insert_rows(con: duckdb.DuckDBPyConnection, rows: list[dict[str, Any]]) -> None:
    """Insert complete rows (as ``parse_row`` returns them) in one vectorised statement."""
    if not rows:
        return
    params: dict[str, Any] = {}
    inner: list[str] = []
    for column in COLUMNS:
        values = [row[column.name] for row in rows]
        name = column.name
        if column.kind in MAP_VALUE_TYPES:
            value_type = MAP_VALUE_TYPES[column.kind]
            params[f"{name}_keys"] = [list(v) for v in values]
            params[f"{name}_values"] = [list(v.values()) for v in values]
            inner.append(f"unnest(${name}_keys::VARCHAR[][]) AS {name}_keys")
            inner.append(f"unnest(${name}_values::{value_type}[][]) AS {name}_values")
        else:
            params[name] = values
            inner.append(f"unnest(${name}::{column.duckdb_type}[]) AS {name}")
    con.execute(f"INSERT INTO {TABLE} BY NAME SELECT {', '.join(inner)}", params)


def row_count(con: duckdb.DuckDBPyConnection) -> int:
    result = con.execute(f"SELECT count(*) FROM {TABLE}").fetchone()
    return int(result[0]) if result else 0
