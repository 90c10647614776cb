"""The emulator's database: one DuckDB holding ``request_response_rmt``, in memory or in a file.

Reads: a query counts the matching rows per ``(score name, value)`` in DuckDB (vectorised, in
parallel) and runs ClickHouse's histogram on those pairs in Python, in ascending value order,
each pair as one weighted centroid. That is exact (the same as ClickHouse in any order) for a
score with at most 10 distinct values; with more, ClickHouse's own answer depends on the
order rows reach it, and the emulator's is the deterministic one of sorted, pre-aggregated
input. It costs one histogram step per distinct value instead of per row.

Writes (scores, feedback, ``add_requests``, ``reset``) are serialised by one lock and each is
committed before it returns, so a write answered 201 is visible to every later read and, with
a ``db`` file, survives the process being killed. Every query runs on its own cursor, which
``interrupt()`` cancels (a client that went away, a timeout, ``close()``).
"""

from __future__ import annotations

import contextlib
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

import duckdb

from ._data import (
    DataError,
    generate_rows,
    insert_rows,
    load_jsonl,
    parse_row,
    read_jsonl,
    row_count,
)
from ._histogram import weighted_histogram
from ._schema import TABLE, create_table

__all__ = ["Store"]

T = TypeVar("T")

SNAPSHOT = f"{TABLE}_initial"
INDEX = f"{TABLE}_request_id"
WRITE_WINDOW = timedelta(days=30)  # the server only merges scores into requests this recent

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

_HOURLY = f"""
SELECT bucket, name, avg(value), min(value), max(value), count(value)
FROM (
  SELECT date_trunc('hour', request_created_at - ?) + ? AS bucket,
         unnest(scores_keys) AS name, unnest(scores_values) AS value
  FROM {TABLE}
  WHERE request_created_at >= ? AND request_created_at <= ? AND ({{where}})
)
GROUP BY bucket, name
"""


def _number(value: float) -> float | int:
    # JSON.stringify writes 5, not 5.0: keep whole numbers whole on the wire.
    return int(value) if value.is_integer() and abs(value) < 2**53 else value


def _now_utc() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Store:
    """Rows to query: ``rows`` synthetic ones (``seed``), or those of a JSONL file ``data``.

    With ``db`` the table lives in that DuckDB file: a new file is created and filled (then
    checkpointed), an existing one is opened as it is and ``rows``/``seed``/``data`` are
    ignored. Without ``db`` it lives in memory.
    """

    def __init__(
        self,
        *,
        rows: int = 10_000,
        seed: int = 0,
        data: str | Path | None = None,
        now: datetime | None = None,
        db: str | Path | None = None,
        query_timeout: float | None = None,
    ) -> None:
        self.db = Path(db) if db is not None else None
        self.query_timeout = query_timeout
        self._write_lock = threading.Lock()
        self._cursors_lock = threading.Lock()
        self._cursors: set[duckdb.DuckDBPyConnection] = set()
        self._closed = False
        self._snapshot_taken = False
        self._con = self._connect()
        try:
            self._con.execute("SET enable_progress_bar = false")
            if not self._has_table(TABLE):
                create_table(self._con)
                if data is not None:
                    load_jsonl(self._con, data)
                else:
                    generate_rows(self._con, rows, seed, now)
                self._con.execute(f"CREATE INDEX {INDEX} ON {TABLE} (request_id)")
                if self.db is not None:
                    self._con.execute("CHECKPOINT")
        except BaseException:
            self._con.close()
            raise

    def _connect(self) -> duckdb.DuckDBPyConnection:
        if self.db is None:
            return duckdb.connect(":memory:")
        try:
            return duckdb.connect(str(self.db))
        except duckdb.IOException as exc:
            raise DataError(f"{self.db}: cannot open the database file: {exc}") from None
        except duckdb.Error as exc:
            raise DataError(f"{self.db}: not a usable DuckDB database: {exc}") from None

    def _has_table(self, name: str, cur: duckdb.DuckDBPyConnection | None = None) -> bool:
        found = (
            (cur or self._con)
            .execute(
                "SELECT count(*) FROM duckdb_tables() WHERE table_name = ? AND database_name = "
                "current_database()",
                [name],
            )
            .fetchone()
        )
        return bool(found and found[0])

    @property
    def connection(self) -> duckdb.DuckDBPyConnection:
        """The DuckDB connection, for inspecting rows (table ``request_response_rmt``).

        Prefer ``add_requests`` and ``reset`` for changes: they take the write lock and keep
        ``reset`` able to restore the initial rows.
        """
        return self._con

    def __len__(self) -> int:
        with self.cursor() as cur:
            return row_count(cur)

    # -- cursors -----------------------------------------------------------------------------

    @contextlib.contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor of its own (DuckDB wants one per thread), cancelled by ``interrupt_all``."""
        with self._cursors_lock:
            if self._closed:
                raise RuntimeError("the emulator's database is closed")
            cur = self._con.cursor()
            self._cursors.add(cur)
        timer = None
        if self.query_timeout is not None:
            timer = threading.Timer(self.query_timeout, cur.interrupt)
            timer.daemon = True
            timer.start()
        try:
            yield cur
        finally:
            if timer is not None:
                timer.cancel()
            with self._cursors_lock:
                self._cursors.discard(cur)
            cur.close()

    def run(self, work: Callable[[duckdb.DuckDBPyConnection], T], cancel: threading.Event) -> T:
        """``work(cursor)``, interrupted as soon as ``cancel`` is set (e.g. the client left)."""
        with self.cursor() as cur:
            done = threading.Event()
            watcher = threading.Thread(
                target=_interrupt_when, args=(cancel, done, cur), daemon=True
            )
            watcher.start()
            try:
                return work(cur)
            finally:
                done.set()

    def interrupt_all(self) -> None:
        """Cancel every query in flight."""
        with self._cursors_lock:
            for cur in list(self._cursors):
                cur.interrupt()

    # -- reads -------------------------------------------------------------------------------

    def distributions(
        self,
        where: str,
        params: list[Any],
        start: datetime,
        end: datetime,
        cur: duckdb.DuckDBPyConnection | None = None,
    ) -> list[dict[str, Any]]:
        """One ``{"name", "distribution"}`` per score name present in the matching rows."""
        if cur is None:
            with self.cursor() as own:
                return self.distributions(where, params, start, end, own)
        pairs = cur.execute(_QUERY.format(where=where), [start, end, *params]).fetchall()
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

    def score_names(self, cur: duckdb.DuckDBPyConnection | None = None) -> list[str]:
        """Every score name of every row, of all time (sorted; the server's order is arbitrary)."""
        if cur is None:
            with self.cursor() as own:
                return self.score_names(own)
        found = cur.execute(
            f"SELECT DISTINCT unnest(scores_keys) AS name FROM {TABLE} ORDER BY name"
        ).fetchall()
        return [name for (name,) in found]

    def hourly(
        self,
        where: str,
        params: list[Any],
        start: datetime,
        end: datetime,
        tz_minutes: float,
        cur: duckdb.DuckDBPyConnection | None = None,
    ) -> list[tuple[datetime, str, float, float, float, int]]:
        """``(bucket, name, avg, min, max, count)`` of the rows with start <= time <= end."""
        if cur is None:
            with self.cursor() as own:
                return self.hourly(where, params, start, end, tz_minutes, own)
        shift = timedelta(minutes=tz_minutes)
        rows = cur.execute(
            _HOURLY.format(where=where), [shift, shift, start, end, *params]
        ).fetchall()
        return [(b, n, avg, low, high, count) for b, n, avg, low, high, count in rows]

    # -- writes ------------------------------------------------------------------------------

    def _ensure_snapshot(self, cur: duckdb.DuckDBPyConnection) -> None:
        # Taken before the first change, so that reset() can go back to the initial rows.
        if not self._snapshot_taken and not self._has_table(SNAPSHOT, cur):
            cur.execute(f"CREATE TABLE {SNAPSHOT} AS SELECT * FROM {TABLE}")
        self._snapshot_taken = True

    @contextlib.contextmanager
    def _writing(self) -> Iterator[duckdb.DuckDBPyConnection]:
        with self._write_lock, self.cursor() as cur:
            self._ensure_snapshot(cur)
            cur.execute("BEGIN TRANSACTION")
            try:
                yield cur
            except BaseException:
                cur.execute("ROLLBACK")
                raise
            cur.execute("COMMIT")

    def merge_scores(
        self, request_id: str, scores: Iterable[tuple[str, int]], now: datetime | None = None
    ) -> int:
        """Lay ``scores`` over the request's map, as the server's background write does.

        New keys are added, keys sent again overwritten, others kept; empty names are dropped.
        Only a request logged in the last 30 days is touched. Returns the rows changed (0 for
        an unknown or old request id: the server stores nothing there either).
        """
        new = [(name, value) for name, value in scores]
        oldest = (now or _now_utc()) - WRITE_WINDOW
        with self._writing() as cur:
            found = cur.execute(
                f"SELECT rowid, request_created_at, scores_keys, scores_values FROM {TABLE} "
                "WHERE request_id = ?",
                [request_id.lower()],
            ).fetchall()
            changed = 0
            for rowid, created, keys, values in found:
                if created <= oldest:
                    continue
                merged = dict(zip(keys, values, strict=True))
                merged.update(new)
                merged.pop("", None)
                cur.execute(
                    f"UPDATE {TABLE} SET scores_keys = ?::VARCHAR[], scores_values = ?::BIGINT[] "
                    "WHERE rowid = ?",
                    [list(merged), list(merged.values()), rowid],
                )
                changed += 1
            return changed

    def add_requests(self, rows: Iterable[Mapping[str, Any]] | str | Path) -> list[str]:
        """Add rows (JSONL-shaped dicts, or a JSONL file): all of them, or none.

        A row without ``request_id`` gets a random UUID v4. Returns the request ids added, in
        order. A bad row raises ``DataError`` naming it (``row 3: ...`` or ``file:line: ...``).
        """
        if isinstance(rows, (str, Path)):
            parsed = read_jsonl(rows, new_ids=True)
        elif isinstance(rows, Mapping):
            raise DataError("add_requests() takes a list of rows (dicts), not a single dict")
        else:
            parsed = []
            for number, row in enumerate(rows, start=1):
                try:
                    parsed.append(parse_row(row, line=number, request_id=str(uuid.uuid4())))
                except ValueError as exc:
                    raise DataError(f"row {number}: {exc}") from None
        with self._writing() as cur:
            try:
                insert_rows(cur, parsed)
            except duckdb.Error as exc:  # pragma: no cover - parse_row checks every value
                raise DataError(f"the rows could not be added: {exc}") from None
        return [row["request_id"] for row in parsed]

    def reset(self) -> None:
        """Back to the rows the store was created with: added rows and written scores go."""
        with self._writing() as cur:
            # Rebuilding beats deleting row by row out of the request-id index (~2x faster).
            cur.execute(f"DROP TABLE {TABLE}")
            create_table(cur)
            cur.execute(f"INSERT INTO {TABLE} SELECT * FROM {SNAPSHOT}")
            cur.execute(f"CREATE INDEX {INDEX} ON {TABLE} (request_id)")

    def close(self, timeout: float = 10.0) -> None:
        """Cancel queries in flight, wait for them (up to ``timeout`` s), close the database."""
        with self._cursors_lock:
            self._closed = True
        deadline = time.monotonic() + timeout
        while True:
            self.interrupt_all()
            with self._cursors_lock:
                busy = bool(self._cursors)
            if not busy or time.monotonic() > deadline:
                break
            time.sleep(0.01)
        with contextlib.suppress(duckdb.Error):  # a cursor still busy after the timeout
            self._con.close()


def _interrupt_when(
    cancel: threading.Event, done: threading.Event, cur: duckdb.DuckDBPyConnection
) -> None:
    # Interrupt again and again: an interrupt that lands before the query starts is lost.
    while not done.is_set():
        if cancel.wait(0.05) and not done.is_set():
            cur.interrupt()
            done.wait(0.05)
