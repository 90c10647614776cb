"""Issue 10: writing scores against the emulator, and starting it on a large database file.

The emulator runs in a process of its own (``bench/emulator_proc.py``), so what is measured is
the client's calls and the emulator's answers, not the two sharing one interpreter.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from measure import HERE, KEY, Figure, child_env, percentile, spread_of

TABLE = "request_response_rmt"  # the emulator's documented table
CACHE = Path(tempfile.gettempdir()) / "helicone-evals-bench"
SEED = 7


# -- the emulator process ------------------------------------------------------------------


class Served:
    """A running ``emulator_proc.py serve``: its URL and start-up figures."""

    def __init__(self, db: Path, data: Path | None = None) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="helicone-bench-"))
        info = self.dir / "info.json"
        args = [sys.executable, str(HERE / "emulator_proc.py"), "serve", str(info), str(db), KEY]
        args.append(repr(time.time()))
        if data is not None:
            args.append(str(data))
        self.proc = subprocess.Popen(args, env=child_env())
        deadline = time.monotonic() + 120
        while not info.exists():
            if time.monotonic() > deadline or self.proc.poll() is not None:
                self.kill()
                raise RuntimeError("the emulator process did not start")
            time.sleep(0.005)
        self.info: dict[str, float] = json.loads(info.read_text())
        self.url = f"http://127.0.0.1:{int(self.info['port'])}"

    def stop(self) -> None:
        """SIGTERM: a clean stop."""
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        shutil.rmtree(self.dir, ignore_errors=True)

    def kill(self) -> None:
        """SIGKILL: what was acknowledged must still be in the file."""
        self.proc.kill()
        self.proc.wait()
        shutil.rmtree(self.dir, ignore_errors=True)


def _source_digest() -> str:
    # A cached file is reused only by the same emulator code and DuckDB, on the same day (the
    # synthetic rows cover the 30 days before their creation).
    import duckdb

    import helicone_evals.emulator as emulator

    digest = hashlib.sha256(duckdb.__version__.encode())
    for path in sorted(Path(emulator.__file__).parent.glob("*.py")):
        digest.update(path.read_bytes())
    digest.update(datetime.now(UTC).date().isoformat().encode())
    return digest.hexdigest()[:16]


def cached_db(rows: int) -> tuple[Path, str]:
    """A DuckDB file of ``rows`` synthetic requests, made once; (path, how it was had)."""
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"emulator-{rows}-{_source_digest()}.duckdb"
    if path.exists():
        return path, "cached"
    for stale in CACHE.glob(f"emulator-{rows}-*.duckdb*"):
        stale.unlink()
    partial = path.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    t = time.perf_counter()
    subprocess.run(
        [sys.executable, str(HERE / "emulator_proc.py"), "create", str(partial), str(rows), "7"],
        check=True,
        env=child_env(),
    )
    partial.rename(path)
    return path, f"created in {time.perf_counter() - t:.1f} s"


# -- start-up on a large file ------------------------------------------------------------------


def bench_start_and_query(rows: int, runs: int, queries: int) -> list[Figure]:
    from helicone_evals import F, HeliconeEvals

    db, how = cached_db(rows)
    process: list[float] = []
    start: list[float] = []
    imports: list[float] = []
    served: Served | None = None
    for i in range(runs):
        served = Served(db)
        process.append(served.info["process"])
        start.append(served.info["start"])
        imports.append(served.info["imports"])
        if i < runs - 1:
            served.stop()
    assert served is not None
    try:
        flt = F.model.equals("gpt-4o") & F.cost.gt(0.0005)
        with HeliconeEvals(KEY, base_url=served.url, timeout=60) as client:
            found: list[int] = []

            def query() -> float:
                t = time.perf_counter()
                found[:] = [len(client.query_score_distributions(flt, start=timedelta(days=30)))]
                return time.perf_counter() - t

            query()
            times = [query() for _ in range(queries)]
    finally:
        served.stop()
    ms = 1e3
    return [
        Figure(
            "10",
            f"emulator start on a {rows:,}-row db file: fresh process to ready",
            statistics.median(process),
            spread_of(process, 1.0, "s"),
            1.0,
            "s",
            f"Emulator(db=...).start() {statistics.median(start) * ms:.0f} ms of it, importing "
            f"the emulator {statistics.median(imports) * ms:.0f} ms; "
            f"{db.stat().st_size / 2**20:.0f} MiB file, {how}",
        ),
        Figure(
            "10",
            f"filtered score-distribution query over {rows:,} rows",
            statistics.median(times),
            spread_of(times, 1.0, "s"),
            0.5,
            "s",
            f"HTTP end to end through HeliconeEvals; {found[0]} score names",
        ),
    ]


# -- writes ------------------------------------------------------------------------------------


def _requests_file(path: Path, count: int) -> list[str]:
    """A JSONL file of ``count`` requests logged an hour ago; their ids (UUID v4)."""
    created = (datetime.now(UTC) - timedelta(hours=1)).isoformat()
    ids = [str(uuid.UUID(int=random.Random(i).getrandbits(128), version=4)) for i in range(count)]
    with path.open("w") as fh:
        for rid in ids:
            row = {"request_id": rid, "request_created_at": created, "model": "gpt-4o"}
            fh.write(json.dumps(row) + "\n")
    return ids


def _sequential(url: str, writes: list[tuple[str, str, int]]) -> tuple[float, list[float], int]:
    from helicone_evals import HeliconeError, HeliconeEvals

    latencies: list[float] = []
    errors = 0
    with HeliconeEvals(KEY, base_url=url) as client:
        client.evals.score_names()  # the connection, opened before the clock starts
        wall = time.perf_counter()
        for rid, name, value in writes:
            t = time.perf_counter()
            try:
                client.scores.add(rid, {name: value})
            except HeliconeError:
                errors += 1
                continue
            latencies.append(time.perf_counter() - t)
        wall = time.perf_counter() - wall
    return wall, latencies, errors


def _concurrent(
    url: str, writes: list[tuple[str, str, int]], concurrency: int
) -> tuple[float, list[float], int]:
    from helicone_evals import AsyncHeliconeEvals, HeliconeError

    latencies: list[float] = []

    async def main() -> tuple[float, int]:
        async with AsyncHeliconeEvals(KEY, base_url=url) as client:
            await client.evals.score_names()
            gate = asyncio.Semaphore(concurrency)

            async def one(rid: str, name: str, value: int) -> None:
                async with gate:
                    t = time.perf_counter()
                    await client.scores.add(rid, {name: value})
                    latencies.append(time.perf_counter() - t)

            wall = time.perf_counter()
            outcomes = await asyncio.gather(*(one(*w) for w in writes), return_exceptions=True)
            wall = time.perf_counter() - wall
        failed = [o for o in outcomes if isinstance(o, BaseException)]
        for exc in failed:
            if not isinstance(exc, HeliconeError):
                raise exc
        return wall, len(failed)

    wall, errors = asyncio.run(main())
    return wall, latencies, errors


def _read_back_api(url: str, expected: dict[str, list[int]]) -> list[str]:
    """What ``client.evals`` shows against what was written: the discrepancies."""
    from helicone_evals import HeliconeEvals

    problems = []
    with HeliconeEvals(KEY, base_url=url, timeout=60) as client:
        names = set(client.evals.score_names())
        summaries = client.evals.query(start=timedelta(hours=3), end=datetime.now(UTC))
        for name, values in expected.items():
            if name not in names:
                problems.append(f"{name} not in score_names()")
                continue
            got = summaries[name]
            mean = statistics.fmean(values)
            if got.count != len(values) or got.mean is None or abs(got.mean - mean) > 1e-6:
                problems.append(
                    f"{name}: count {got.count} mean {got.mean} (wrote {len(values)}, mean {mean})"
                )
    return problems


def _lost_on_disk(db: Path, expected: dict[tuple[str, str], int]) -> int:
    """The acknowledged writes not in the db file (each (request, name) -> value)."""
    import duckdb

    con = duckdb.connect(str(db))  # read-write: replays what the killed process left in the WAL
    try:
        rows = con.execute(f"SELECT request_id, scores_keys, scores_values FROM {TABLE}").fetchall()
    finally:
        con.close()
    stored = {
        (rid, name): value
        for rid, keys, values in rows
        for name, value in zip(keys, values, strict=True)
    }
    return sum(1 for key, value in expected.items() if stored.get(key) != value)


def bench_writes(calls: int, concurrency: int) -> list[Figure]:
    """``calls`` sequential writes (one request each), then ``calls`` writes from
    ``concurrency`` concurrent tasks, four score names per request, so that writes to one
    request race; then everything read back, through the API and from the file after kill -9."""
    with tempfile.TemporaryDirectory(prefix="helicone-bench-") as tmp:
        data = Path(tmp) / "requests.jsonl"
        ids = _requests_file(data, calls + calls // 4)
        seq = [(rid, "bench-seq", i) for i, rid in enumerate(ids[:calls])]
        conc = [
            (rid, f"bench-conc-{j}", 1000 * k + j)
            for k, rid in enumerate(ids[calls:])
            for j in range(4)
        ]
        random.Random(SEED).shuffle(conc)
        db = Path(tmp) / "writes.duckdb"
        served = Served(db, data)
        try:
            seq_wall, seq_lat, seq_err = _sequential(served.url, seq)
            conc_wall, conc_lat, conc_err = _concurrent(served.url, conc, concurrency)
            by_name: dict[str, list[int]] = {}
            for _, name, value in seq + conc:
                by_name.setdefault(name, []).append(value)
            problems = _read_back_api(served.url, by_name)
        finally:
            served.kill()
        expected = {(rid, name): value for rid, name, value in seq + conc}
        lost = _lost_on_disk(db, expected)
    figures = []
    for label, wall, lat, err, n in (
        ("sequential", seq_wall, seq_lat, seq_err, len(seq)),
        (f"{concurrency} concurrent", conc_wall, conc_lat, conc_err, len(conc)),
    ):
        p50, p99 = percentile(lat, 50) * 1e3, percentile(lat, 99) * 1e3
        figures.append(
            Figure(
                "10",
                f"scores.add x{n:,}, {label}: throughput",
                n / wall,
                "one run",
                None,
                "/s",
                f"{wall:.2f} s in all; latency p50 {p50:.1f} ms, p99 {p99:.1f} ms; {err} errors",
            )
        )
        figures.append(
            Figure(
                "10",
                f"scores.add x{n:,}, {label}: p99 latency",
                percentile(lat, 99),
                f"p50 {p50:.1f} ms, max {max(lat) * 1e3:.1f} ms",
                None,
                "ms",
            )
        )
    total = len(seq) + len(conc) - seq_err - conc_err
    # Counted write by write in the file; a mismatch seen through the API is at least one more.
    measured = lost if not problems else max(lost, 1)
    figures.append(
        Figure(
            "10",
            "lost writes (answered 201, then missing)",
            float(measured),
            "",
            0,
            "n",
            f"of {total:,} acknowledged: read back through client.evals (score_names, query "
            f"counts and means: {'; '.join(problems) or 'all match'}) and from the db file "
            "after kill -9",
        )
    )
    return figures
