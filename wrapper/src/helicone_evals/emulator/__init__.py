"""A faithful, stateful local emulator of Helicone's evaluation API.

    from helicone_evals import F, HeliconeEvals
    from helicone_evals.emulator import Emulator

    with Emulator(rows=50_000, seed=1) as emu, HeliconeEvals(emu.api_key, base_url=emu.url) as c:
        scores = c.query_score_distributions(F.model.equals("gpt-4o"), start=timedelta(days=7))

It serves, with the real server's statuses, bodies and quirks: score distributions
(``POST /v1/evals/score-distributions/query``), QueryEvals (``POST /v1/evals/query``),
GetEvalScores (``GET /v1/evals/scores``), AddScores (``POST /v1/request/{id}/score``),
FeedbackRequest (``POST /v1/request/{id}/feedback``) and AddEval (``POST /v1/evals/{id}``,
which validates, answers 201 and stores nothing, as on the server). Rows live in a DuckDB table
shaped like ``request_response_rmt``, in memory or in a file (``db=``), filled with
deterministic synthetic rows or your own JSONL file; ``emu.add_requests(rows)`` adds more while
it runs and ``emu.reset()`` goes back to the initial rows. Times without an offset are read in
UTC, the emulator's local zone. Needs the ``emulator`` extra (DuckDB, Starlette, uvicorn).

Where it differs from the real server, on purpose:

* Scores are written at once and serialised: a score answered 201 is committed before the
  answer (and, with ``db``, on disk: it survives ``kill -9``) and visible to every read at
  once. The server answers 201 *before* writing, merges in the background with an unlocked
  read-modify-write (two concurrent posts to one request can lose keys), re-applies each body
  10 minutes later in production (an older body can briefly win again), and caches score names
  for up to 5 minutes. None of that is reproduced: no write is ever lost or reordered.
* Rows are updated in place, so QueryEvals' ``count`` never double-counts unmerged row
  versions as ClickHouse can right after a write.
* A score that does not fit Int64 (the server's insert fails after answering 201) is answered
  201 and not stored, which is the visible outcome on the server too.
* The request id must be a UUID (versions 1-8, as the ``uuid`` package checks) for AddScores to
  store anything; FeedbackRequest checks versions 1-5 and answers 500 otherwise, as the server.
* Bounds the server does not have, answered in its error shapes: JSON nested more than
  ``MAX_NESTING`` (200) levels or a filter of more than ``MAX_FILTER_LEAVES`` (10,000) leaves
  → 500 ``Internal Server Error``; a QueryEvals window of more than ``MAX_HOURS`` (10,000)
  hourly buckets → 500 envelope; a query running longer than ``query_timeout`` (60 s) → 500
  envelope; a body over 50 MB → 500 (the server's limit). A query whose client disconnects is
  cancelled.
* ``histogram(10)`` is exact for up to 10 distinct values of a score; with more, ClickHouse's
  bins depend on insertion order and threads, and the emulator gives the deterministic result
  of sorted input.
"""

from __future__ import annotations

from pathlib import Path

from .._exceptions import MissingExtraError


def _install_hint() -> str:
    # In a clone the wrapper's pyproject sits three levels up; installed, use the index name.
    wrapper = Path(__file__).resolve().parents[3]
    if (wrapper / "pyproject.toml").is_file():
        return f"pip install '{wrapper}[emulator]'"
    return "pip install 'helicone-evals[emulator]'"


try:
    import duckdb as _duckdb  # noqa: F401
    import starlette as _starlette  # noqa: F401
    import uvicorn as _uvicorn  # noqa: F401
except ImportError as _missing:
    raise MissingExtraError(
        f"the Helicone emulator needs the 'emulator' extra ({_missing.name} is not installed): "
        f"{_install_hint()}"
    ) from None

from ._app import (  # noqa: E402
    ADD_EVAL_PATH,
    EVAL_SCORES_PATH,
    EVALS_QUERY_PATH,
    FEEDBACK_PATH,
    MAX_BODY_BYTES,
    PATH,
    SCORE_PATH,
    create_app,
)
from ._data import DataError  # noqa: E402
from ._evals import MAX_HOURS  # noqa: E402
from ._histogram import Histogram, histogram, weighted_histogram  # noqa: E402
from ._server import DEFAULT_PORT, DEFAULT_QUERY_TIMEOUT, Emulator, NotRunningError  # noqa: E402
from ._store import Store  # noqa: E402
from ._validate import MAX_FILTER_LEAVES, MAX_NESTING  # noqa: E402

__all__ = [
    "ADD_EVAL_PATH",
    "DEFAULT_PORT",
    "DEFAULT_QUERY_TIMEOUT",
    "EVALS_QUERY_PATH",
    "EVAL_SCORES_PATH",
    "FEEDBACK_PATH",
    "MAX_BODY_BYTES",
    "MAX_FILTER_LEAVES",
    "MAX_HOURS",
    "MAX_NESTING",
    "PATH",
    "SCORE_PATH",
    "DataError",
    "Emulator",
    "Histogram",
    "MissingExtraError",
    "NotRunningError",
    "Store",
    "create_app",
    "histogram",
    "weighted_histogram",
]
