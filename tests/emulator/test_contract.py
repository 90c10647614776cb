"""Schemathesis drives the emulator's ASGI app from the spec the SDK is generated from.

The spec is Helicone's published one, patched and pruned exactly as ``scripts/regenerate.py``
does (``openapi/patches.yaml``, ``openapi/selection.toml``): the five operations, with their
real success statuses (201 for writes). Every answer is one the spec allows, or one of the
server's documented 500s: "Invalid time value" / "Invalid time filter" / "Invalid time zone
difference" (strings and numbers the spec cannot rule out), feedback's UUID check, the
"Internal Server Error" of a leaf without an operator or of a non-integer score, and
ClickHouse's own refusals (an ``ILIKE`` on an Int64 score...), which come in the spec's
``ResultError`` envelope. Each case with a body runs twice: as generated, and with a valid
time window so that the filter really runs. One 422 is expected: the spec leaves
``timeFilter`` and the operator objects open to extra keys (tsoa omits
``additionalProperties: false`` on inline types), but the server validates with
throw-on-extras everywhere.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.generation.modes import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
)

from helicone_evals.emulator import Store, create_app

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import spec_io  # noqa: E402

_, _FULL = spec_io.load(ROOT / "openapi" / "helicone-public-api.json")
SPEC = spec_io.subset(_FULL, ROOT / "openapi" / "selection.toml", ROOT / "openapi" / "patches.yaml")
STORE = Store(rows=2000, seed=5)
APP = create_app(STORE)

schema = schemathesis.openapi.from_dict(SPEC)
schema.app = APP
schema.config.generation.update(modes=[GenerationMode.POSITIVE])
_NOW = datetime.now(UTC)
VALID_WINDOW = {"start": "2020-01-01T00:00:00Z", "end": "2100-01-01T00:00:00Z"}
# QueryEvals fills every hour of its window: two days, where the synthetic rows are.
HOURLY_WINDOW = {"start": (_NOW - timedelta(days=2)).isoformat(), "end": _NOW.isoformat()}
CONTROLLER_ERRORS = (
    {"data": None, "error": "Invalid time value"},
    {"data": None, "error": "Invalid time filter"},
    {"data": None, "error": "Invalid time zone difference"},
    {"data": None, "error": "Invalid requestId: must be a valid UUID"},
)


def _operator_missing(node: Any) -> bool:
    """True if the server would throw on this filter: a chosen field without operator."""
    if not isinstance(node, dict):
        return False
    if "left" in node:
        return _operator_missing(node.get("left")) or _operator_missing(node.get("right"))
    fields = node.get("request_response_rmt")
    if not isinstance(fields, dict):
        return False
    special = [f for f in ("property_key", "properties", "search_properties", "scores", "cached",
                           "cost") if f in fields]  # fmt: skip
    chosen = special[0] if special else next(iter(fields), None)
    if chosen is None:
        return True
    ops = fields[chosen]
    if chosen in ("properties", "search_properties", "scores"):
        if not ops:
            return True
        ops = next(iter(ops.values()))
    return not ops


def _non_integer_score(body: Any) -> bool:
    scores = body.get("scores") if isinstance(body, dict) else None
    return isinstance(scores, dict) and any(
        isinstance(v, float) and not v.is_integer() for v in scores.values()
    )


def _check(case: Any, response: Any) -> None:
    body = response.json()
    if response.status_code == 500:
        if body in CONTROLLER_ERRORS:
            return
        if body.get("message") == "Internal Server Error":
            if _non_integer_score(case.body):
                return
            assert _operator_missing(case.body.get("filter")), body
            return
        # A database refusal: must be the spec's error envelope.
        assert set(body) == {"data", "error"}, body
        assert body["data"] is None, body
        return
    if response.status_code == 422:
        # Only for the extra keys the spec does not forbid but the server does.
        assert "excess property" in str(body["details"]), body
        return
    assert response.status_code in (200, 201), (response.status_code, body)
    case.validate_response(
        response,
        checks=[not_a_server_error, response_schema_conformance, content_type_conformance],
    )


@schema.parametrize()
@settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_the_emulator_honours_the_spec(case: Any) -> None:
    case.headers = {**(case.headers or {}), "Authorization": "Bearer contract"}
    _check(case, case.call())
    if isinstance(case.body, dict) and "filter" in case.body:
        hourly = case.operation.path == "/v1/evals/query"
        case.body = {**case.body, "timeFilter": HOURLY_WINDOW if hourly else VALID_WINDOW}
        _check(case, case.call())
