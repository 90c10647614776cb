"""Schemathesis drives the emulator's ASGI app from the vendored spec.

Every answer is one the spec allows, or one of the server's documented 500s: "Invalid time
value" (``timeFilter`` strings that are not times, which the spec cannot rule out), the
"Internal Server Error" of a leaf without an operator, and ClickHouse's own refusals (an
``ILIKE`` on an Int64 score...), which come in the spec's ``ResultError`` envelope. Each case
runs twice: as generated, and with a valid time window so that the filter really runs.
The spec documents only the 200: the 401/422 statuses the real server also sends are checked
by tests/emulator/test_http.py. One 422 is expected here: the spec leaves ``timeFilter`` and
the operator objects open to extra keys (tsoa omits ``additionalProperties: false`` on inline
types), but the server validates with throw-on-extras everywhere, as the generated models do.
"""

from __future__ import annotations

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

SPEC = Path(__file__).resolve().parents[2] / "openapi" / "helicone-api.yaml"
STORE = Store(rows=2000, seed=5)
APP = create_app(STORE)

schema = schemathesis.openapi.from_path(SPEC)
schema.app = APP
schema.config.generation.update(modes=[GenerationMode.POSITIVE])
VALID_WINDOW = {"start": "2020-01-01T00:00:00Z", "end": "2100-01-01T00:00:00Z"}


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


def _check(case: Any, response: Any) -> None:
    body = response.json()
    if response.status_code == 500:
        if body == {"data": None, "error": "Invalid time value"}:
            return
        if body.get("message") == "Internal Server Error":
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
    assert response.status_code == 200, (response.status_code, body)
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
    if isinstance(case.body, dict):
        case.body = {**case.body, "timeFilter": VALID_WINDOW}
        _check(case, case.call())
