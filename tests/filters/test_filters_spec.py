"""F against the vendored spec: same fields, same operators, and every leaf it builds is valid."""

from __future__ import annotations

import typing
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml  # type: ignore[import-untyped]

from helicone_evals import F, Filter
from helicone_evals import _filters as filters_module
from helicone_evals._fields import (
    BooleanField,
    Field,
    MapField,
    NumberField,
    PropertyKeyField,
    TextField,
    TimestampField,
)
from helicone_evals._filter_schema import FIELDS, OPERATORS
from helicone_evals_generated.models import (
    EvalQueryParams,
    PartialBooleanOperators,
    PartialNumberOperators,
    PartialRequestResponseRMTToOperators,
    PartialTextOperators,
    PartialTimestampOperatorsTyped,
)

SPEC = Path(__file__).resolve().parents[2] / "openapi" / "helicone-api.yaml"
SCHEMAS: dict[str, Any] = yaml.safe_load(SPEC.read_text())["components"]["schemas"]
REF_KIND = {
    "#/components/schemas/Partial_TextOperators_": "text",
    "#/components/schemas/Partial_NumberOperators_": "number",
    "#/components/schemas/Partial_TimestampOperatorsTyped_": "timestamp",
    "#/components/schemas/Partial_BooleanOperators_": "boolean",
}
FIELD_CLASS: dict[str, type[Field]] = {
    "text": TextField,
    "number": NumberField,
    "timestamp": TimestampField,
    "boolean": BooleanField,
    "property_key": PropertyKeyField,
    "map": MapField,
}
# Builder conveniences that are not wire operators.
HELPERS = {"between", "is_in", "is_null", "is_not_null"}
WINDOW = {"start": "2024-01-01T00:00:00Z", "end": "2024-02-01T00:00:00Z"}


def spec_kind(schema: dict[str, Any]) -> str:
    if "$ref" in schema:
        return REF_KIND[schema["$ref"]]
    if schema.get("additionalProperties", {}).get("$ref") in REF_KIND:
        assert REF_KIND[schema["additionalProperties"]["$ref"]] == "text"
        return "map"
    assert schema["required"] == ["equals"], schema
    assert schema["properties"] == {"equals": {"type": "string"}}, schema
    return "property_key"


def spec_fields() -> dict[str, str]:
    props = SCHEMAS["Partial_RequestResponseRMTToOperators_"]["properties"]
    return {name: spec_kind(schema) for name, schema in props.items()}


def test_the_builder_knows_exactly_the_spec_fields_with_their_types() -> None:
    assert spec_fields() == FIELDS
    assert len(FIELDS) == 37


@pytest.mark.parametrize(
    ("schema", "kind"),
    [
        ("Partial_TextOperators_", "text"),
        ("Partial_NumberOperators_", "number"),
        ("Partial_TimestampOperatorsTyped_", "timestamp"),
        ("Partial_BooleanOperators_", "boolean"),
    ],
)
def test_the_builder_offers_exactly_the_spec_operators(schema: str, kind: str) -> None:
    assert set(OPERATORS[kind]) == set(SCHEMAS[schema]["properties"])
    ops = {op.replace("-", "_") for op in OPERATORS[kind]}
    assert set(FIELD_CLASS[kind].methods) - HELPERS == ops


def test_the_generated_models_agree_with_the_builder() -> None:
    # The generated layer is what the client sends through: it must accept the same names.
    fields = PartialRequestResponseRMTToOperators.model_fields
    assert {f.alias or name for name, f in fields.items()} == set(FIELDS)
    for model, kind in [
        (PartialTextOperators, "text"),
        (PartialNumberOperators, "number"),
        (PartialTimestampOperatorsTyped, "timestamp"),
        (PartialBooleanOperators, "boolean"),
    ]:
        names = {f.alias or name for name, f in model.model_fields.items()}  # type: ignore[attr-defined]
        assert names == set(OPERATORS[kind])


@pytest.mark.parametrize("wire", list(FIELDS))
def test_every_field_is_reachable_by_attribute_and_by_wire_name(wire: str) -> None:
    field = getattr(F, wire.replace("-", "_"))
    assert type(field) is FIELD_CLASS[FIELDS[wire]]
    assert F[wire] is field
    assert field.name == wire
    assert wire.replace("-", "_") in dir(F)
    for method in field.methods:
        assert callable(getattr(field, method))


def test_the_static_types_of_F_getitem_match_the_fields() -> None:
    # The Literal overloads are what mypy and IDEs see for F["..."]: they must not drift either.
    seen: dict[str, type[Field]] = {}
    for overload in typing.get_overloads(filters_module.FilterBuilder.__getitem__):
        hints = typing.get_type_hints(overload, vars(filters_module))
        if typing.get_origin(hints["name"]) is typing.Literal:
            for name in typing.get_args(hints["name"]):
                seen[name] = hints["return"]
    assert seen == {wire: FIELD_CLASS[kind] for wire, kind in FIELDS.items()}


SAMPLE: dict[str, object] = {
    "text": "gpt-4o",
    "map": "prod",
    "number": 0.25,
    "timestamp": datetime(2024, 1, 5, 12, tzinfo=UTC),
    "boolean": True,
    "property_key": "env",
}


def every_leaf() -> list[tuple[str, str, Filter]]:
    out = []
    for wire, kind in FIELDS.items():
        field: Any = F[wire]
        if kind == "map":
            field = field["env"]
        for op in OPERATORS[kind]:
            method = getattr(field, op.replace("-", "_"))
            out.append((wire, op, method(SAMPLE[kind])))
    return out


LEAVES = every_leaf()


def validate(wire: object) -> EvalQueryParams:
    return EvalQueryParams.model_validate({"filter": wire, "timeFilter": WINDOW})


@pytest.mark.parametrize(("wire", "op", "leaf"), LEAVES, ids=[f"{w}-{o}" for w, o, _ in LEAVES])
def test_every_field_and_operator_builds_one_spec_valid_leaf(
    wire: str, op: str, leaf: Filter
) -> None:
    body = leaf.to_dict()
    assert isinstance(body, dict)
    fields = body["request_response_rmt"]
    assert list(fields) == [wire]
    ops = fields[wire]["env"] if FIELDS[wire] == "map" else fields[wire]
    assert list(ops) == [op]
    validate(body)
    assert Filter.from_dict(body) == leaf


def test_all_leaves_together_are_one_spec_valid_tree() -> None:
    leaves = [leaf for _, _, leaf in LEAVES]
    assert len(leaves) == 190  # 17 text x 6 + 9 number x 6 + 2 timestamp x 5 + 5 + 1 + 3 maps x 6
    validate(F.all_of(*leaves).to_dict())
    validate(F.any_of(*leaves).to_dict())
    validate(F.all.to_dict())


def test_helpers_build_spec_valid_json() -> None:
    t0, t1 = "2024-01-01T00:00:00+02:00", datetime(2024, 1, 2, tzinfo=UTC)
    for f in [
        F.latency.between(100, 200),
        F.request_created_at.between(t0, t1),
        F.model.is_in(["a", "b", "c"]),
        F.status.is_in([200, 201]),
        F.user_id.is_null(),
        F.scores["quality"].is_not_null(),
        F.search_properties["q"].contains("x"),
    ]:
        validate(f.to_dict())
