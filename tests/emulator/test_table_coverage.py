"""The emulator handles every field and operator of the generated filter table.

The emulator's SQL is the server's (filters.ts), written by hand; which fields and operators
exist comes from ``helicone_evals_generated.filter_fields``. A field or operator added to the
spec must therefore either work in the emulator or fail here, never silently match nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest

from helicone_evals_generated import filter_fields

VALUES: dict[str, Any] = {
    "string": "x",
    "number": 1,
    "boolean": True,
    "timestamp": "2024-01-01T00:00:00Z",
}

CASES = [
    (field, op)
    for field in filter_fields.FIELDS
    for op in filter_fields.KINDS[
        field.item_kind if field.kind == filter_fields.MAP else field.kind
    ].operators
]


def leaf(field: filter_fields.FieldSpec, op: filter_fields.OperatorSpec) -> dict[str, Any]:
    condition = {op.wire: VALUES[op.value_type]}
    if field.kind == filter_fields.MAP:
        condition = {"k": condition}
    return {filter_fields.LEAF_TABLE: {field.wire: condition}}


@pytest.mark.parametrize(("field", "op"), CASES, ids=[f"{f.wire}-{o.wire}" for f, o in CASES])
def test_every_generated_field_and_operator_is_answered(
    post: Callable[[Any], httpx.Response],
    field: filter_fields.FieldSpec,
    op: filter_fields.OperatorSpec,
) -> None:
    window = {"start": "2024-01-01T00:00:00Z", "end": "2024-01-03T00:00:00Z"}
    response = post({"filter": leaf(field, op), "timeFilter": window})
    body = response.json()
    if response.status_code == 200:
        assert body["error"] is None
    else:
        # Where ClickHouse itself refuses the comparison (a text value against a UUID or map
        # column), the server passes the database error on in its envelope: still an answer
        # of the compiled query, not an unhandled crash ({"message": "Internal Server Error"}).
        assert response.status_code == 500, (field.wire, op.wire, response.text)
        assert body["data"] is None, body
        assert body["error"], body


def test_the_table_is_not_empty() -> None:
    # Guards the parametrization above: an empty table would make it pass vacuously.
    assert len(CASES) > 100
