"""The emulator's database: one in-memory DuckDB holding ``request_response_rmt``.

A query counts the matching rows per ``(score name, value)`` in DuckDB (vectorised, in
parallel) and runs ClickHouse's histogram on those pairs in Python, in ascending value order,
each pair as one weighted centroid. That is exact (the same as ClickHouse in any order) for a
score with at most 10 distinct values; with more, ClickHouse's own answer depends on the
order rows reach it, and the emulator's is the deterministic one of sorted, pre-aggregated
input. It costs one histogram step per distinct value instead of per row, which keeps a
filtered query over a million rows at tens of milliseconds.
"""

from __future__ import annotations

import threading
from datetime import datetime
from pathlib import Path
from typing import Any

import duckdb

from ._data import generate_rows, load_jsonl, row_count
from ._histogram import weighted_histogram
from ._schema import TABLE, create_table

__all__ = ["Store"]

_QUERY = f"""
SELECT name, value, count(*) AS n
FROM (
  SELECT unnest(scores_keys) AS name, unnest(scores_values) AS value
  FROM {TABLE}
  WHERE request_created_at >= ? AND request_created_at < ? AND ({{where}})
)
GROUP BY name, value
ORDER BY name, value
"""


def _number(value: float) -> float | int:
    # JSON.stringify writes 5, not 5.0: keep whole numbers whole on the wire.
    return int(value) if value.is_integer() and abs(value) < 2**53 else value


class Store:
    """Rows to query: ``rows`` synthetic ones (``seed``), or those of a JSONL file ``data``."""

    def __init__(
        self,
        *,
        rows: int = 10_000,
        seed: int = 0,
        data: str | Path | None = None,
        now: datetime | None = None,
    ) -> None:
        self._con = duckdb.connect(":memory:")
        self._lock = threading.Lock()
        try:
            self._con.execute("SET enable_progress_bar = false")
            create_table(self._con)
            if data is not None:
                load_jsonl(self._con, data)
            else:
                generate_rows(self._con, rows, seed, now)
        except BaseException:
            self._con.close()
            raise

    @property
    def connection(self) -> duckdb.DuckDBPyConnection:
        """The DuckDB connection, for inspecting or adding rows (table ``request_response_rmt``)."""
        return self._con

    def __len__(self) -> int:
        return row_count(self._con)

    def distributions(
        self, where: str, params: list[Any], start: datetime, end: datetime
    ) -> list[dict[str, Any]]:
        """One ``{"name", "distribution"}`` per score name present in the matching rows."""
        with self._lock:
            cursor = self._con.cursor()  # one connection per thread, as DuckDB requires
        try:
            pairs = cursor.execute(_QUERY.format(where=where), [start, end, *params]).fetchall()
        finally:
            cursor.close()
        out: list[dict[str, Any]] = []
        i = 0
        while i < len(pairs):
            name = pairs[i][0]
            j = i
            while j < len(pairs) and pairs[j][0] == name:
                j += 1
            bins = weighted_histogram((float(v), float(n)) for _, v, n in pairs[i:j])
            out.append(
                {
                    "name": name,
                    "distribution": [
                        {"lower": _number(lo), "upper": _number(up), "value": _number(val)}
                        for lo, up, val in bins
                    ],
                }
            )
            i = j
        return out

    def close(self) -> None:
        self._con.close()
