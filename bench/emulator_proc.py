"""The emulator in a process of its own, for the benchmarks (so its work is not the client's).

    python bench/emulator_proc.py create DB ROWS SEED     fill a new DuckDB file, then exit
    python bench/emulator_proc.py serve INFO DB KEY T0 [JSONL]

``serve`` starts ``Emulator(db=DB)`` (a new file is filled from JSONL), writes to INFO, as JSON,
the port and how long it took: ``start`` from ``Emulator(db=...)`` to ready (the port bound
and uvicorn serving), ``imports`` (the emulator package), ``process`` from T0 (the parent's
``time.time()`` just before it launched this process) to ready. Then serves until SIGTERM.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def create(db: str, rows: int, seed: int) -> None:
    from helicone_evals.emulator import Store

    Store(db=db, rows=rows, seed=seed).close()


def serve(info: str, db: str, key: str, t0: float, data: str | None) -> None:
    t = time.perf_counter()
    from helicone_evals.emulator import Emulator

    imports = time.perf_counter() - t
    t = time.perf_counter()
    emulator = Emulator(db=db, data=data, api_key=key).start()
    start = time.perf_counter() - t
    process = time.time() - t0
    tmp = Path(info + ".tmp")
    tmp.write_text(
        json.dumps({"port": emulator.port, "start": start, "imports": imports, "process": process})
    )
    tmp.rename(info)  # whole, for the parent polling it
    emulator.serve_forever()  # until SIGTERM, then a clean stop (every write on disk)


if __name__ == "__main__":
    command, *rest = sys.argv[1:]
    if command == "create":
        create(rest[0], int(rest[1]), int(rest[2]))
    else:
        serve(rest[0], rest[1], rest[2], float(rest[3]), rest[4] if len(rest) > 4 else None)
