"""A faithful local emulator of Helicone's ``POST /v1/evals/score-distributions/query``.

    from helicone_evals import F, HeliconeEvals
    from helicone_evals.emulator import Emulator

    with Emulator(rows=50_000, seed=1) as emu, HeliconeEvals(emu.api_key, base_url=emu.url) as c:
        scores = c.query_score_distributions(F.model.equals("gpt-4o"), start=timedelta(days=7))

It answers like the real server (status codes and bodies, filter semantics, ClickHouse's
``histogram(10)``) from an in-memory DuckDB table shaped like ``request_response_rmt``, filled
with deterministic synthetic rows or your own JSONL file. Times without an offset are read
in UTC, the emulator's local zone. Needs the ``emulator`` extra (DuckDB, Starlette, uvicorn).
"""

from __future__ import annotations

from ._app import PATH, create_app
from ._data import DataError
from ._histogram import Histogram, histogram, weighted_histogram
from ._server import DEFAULT_PORT, Emulator
from ._store import Store

__all__ = [
    "DEFAULT_PORT",
    "PATH",
    "DataError",
    "Emulator",
    "Histogram",
    "Store",
    "create_app",
    "histogram",
    "weighted_histogram",
]
