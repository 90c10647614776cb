"""The emulator's copy of ClickHouse's ``request_response_rmt`` table, as DuckDB columns.

The two map columns are stored as parallel lists (``properties_keys``/``properties_values``,
``scores_keys``/``scores_values``): DuckDB builds lists an order of magnitude faster than
MAPs, which is what makes a million synthetic rows quick to generate.

Nullability follows ClickHouse: ``model``, ``user_id``, ``provider`` and the bodies are plain
``String`` there (empty, never NULL), while ``latency``, the token counts, ``country_code``,
``target_url``, ``threat`` and ``response_created_at`` are ``Nullable``. A missing map key reads
as the type's default (``''`` / ``0``), as in ClickHouse. Times are stored as naive UTC.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import duckdb

__all__ = ["COLUMNS", "DEFAULT_ORGANIZATION_ID", "TABLE", "ZERO_UUID", "Column", "create_table"]

TABLE = "request_response_rmt"
ZERO_UUID = "00000000-0000-0000-0000-000000000000"
DEFAULT_ORGANIZATION_ID = "6f7f3c86-6ad0-4bd4-9d3e-1d2c0e5f7a10"

# How a value is written in a JSONL row, and what ClickHouse type the column has there.
Kind = Literal["uuid", "text", "int", "bool", "timestamp", "text_map", "int_map", "text_list"]


@dataclass(frozen=True)
class Column:
    name: str
    duckdb_type: str
    kind: Kind
    nullable: bool
    default: object = None  # for a non-nullable column a JSONL row may omit
    clickhouse_type: str = ""  # only where it shows in an error message the server would give


COLUMNS: tuple[Column, ...] = (
    Column("request_id", "VARCHAR", "uuid", False, None, "UUID"),
    Column("organization_id", "VARCHAR", "uuid", False, DEFAULT_ORGANIZATION_ID, "UUID"),
    Column("request_created_at", "TIMESTAMP", "timestamp", False),
    Column("response_created_at", "TIMESTAMP", "timestamp", True),
    Column("latency", "BIGINT", "int", True),
    Column("time_to_first_token", "BIGINT", "int", True),
    Column("status", "BIGINT", "int", False, 200),
    Column("model", "VARCHAR", "text", False, ""),
    Column("provider", "VARCHAR", "text", False, ""),
    Column("user_id", "VARCHAR", "text", False, ""),
    Column("country_code", "VARCHAR", "text", True),
    Column("target_url", "VARCHAR", "text", True),
    Column("node_id", "VARCHAR", "text", False, ""),
    Column("job_id", "VARCHAR", "text", False, ""),
    Column("threat", "BOOLEAN", "bool", True),
    Column("prompt_tokens", "BIGINT", "int", True),
    Column("completion_tokens", "BIGINT", "int", True),
    Column("prompt_cache_read_tokens", "BIGINT", "int", True),
    Column("prompt_cache_write_tokens", "BIGINT", "int", True),
    Column("total_tokens", "BIGINT", "int", True),
    Column("cost", "BIGINT", "int", False, 0),  # nano-dollars
    Column("properties", "", "text_map", False, {}),
    Column("scores", "", "int_map", False, {}, "Map(LowCardinality(String), Int64)"),
    Column("request_body", "VARCHAR", "text", False, ""),
    Column("response_body", "VARCHAR", "text", False, ""),
    Column("cache_enabled", "BOOLEAN", "bool", False, False),
    Column("cache_reference_id", "VARCHAR", "uuid", False, ZERO_UUID, "UUID"),
    Column("asset_ids", "VARCHAR[]", "text_list", False, [], "Array(String)"),
    Column("prompt_id", "VARCHAR", "text", False, ""),
    Column("prompt_version", "VARCHAR", "text", False, ""),
    Column("request_referrer", "VARCHAR", "text", False, ""),
    Column("is_passthrough_billing", "BOOLEAN", "bool", False, False),
)

BY_NAME = {c.name: c for c in COLUMNS}


MAP_VALUE_TYPES = {"text_map": "VARCHAR", "int_map": "BIGINT"}


def storage_columns() -> list[tuple[str, str, bool]]:
    """``(name, DuckDB type, nullable)`` of the stored columns, maps split in two lists."""
    out: list[tuple[str, str, bool]] = []
    for c in COLUMNS:
        if c.kind in MAP_VALUE_TYPES:
            out.append((f"{c.name}_keys", "VARCHAR[]", False))
            out.append((f"{c.name}_values", f"{MAP_VALUE_TYPES[c.kind]}[]", False))
        else:
            out.append((c.name, c.duckdb_type, c.nullable))
    return out


def create_table(con: duckdb.DuckDBPyConnection) -> None:
    """Create the empty table on a DuckDB connection."""
    cols = ",\n  ".join(
        f"{name} {type_}{'' if nullable else ' NOT NULL'}"
        for name, type_, nullable in storage_columns()
    )
    con.execute(f"CREATE TABLE {TABLE} (\n  {cols}\n)")
