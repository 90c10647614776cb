"""F exposes exactly the generated table: every field, with exactly its kind's operators.

The table (``helicone_evals_generated.filter_fields``) is emitted from the spec by
``scripts/emit_filter_fields.py``; these tests replace the old hand-copy drift tests.
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import pytest

import helicone_evals.filters as filters_package
from helicone_evals import F, FilterError
from helicone_evals.filters import Field, MapField
from helicone_evals_generated import filter_fields as table
from helicone_evals_generated.models import EvalQueryParams

WINDOW = {"start": "2024-01-01T00:00:00Z", "end": "2024-02-01T00:00:00Z"}
SAMPLE = {"string": "x", "number": 1, "timestamp": "2024-01-05T12:00:00+00:00", "boolean": True}
# Builder methods that are not wire operators.
CONVENIENCES = {"between", "is_in", "is_null", "is_not_null"}


def leaf_field(spec: table.FieldSpec) -> Any:
    field: Any = getattr(F, spec.python)
    return field["k"] if spec.kind == table.MAP else field


@pytest.mark.parametrize("spec", table.FIELDS, ids=lambda s: s.wire)
def test_every_field_of_the_table_is_an_attribute_of_F_by_both_names(
    spec: table.FieldSpec,
) -> None:
    field = getattr(F, spec.python)
    assert F[spec.wire] is field
    assert F[spec.python] is field
    assert field.name == spec.wire
    if spec.kind == table.MAP:
        assert isinstance(field, MapField)
        assert spec.item_kind == field["k"].KIND
    else:
        assert isinstance(field, Field)
        assert spec.kind == field.KIND


@pytest.mark.parametrize("spec", table.FIELDS, ids=lambda s: s.wire)
def test_each_field_has_exactly_its_kinds_operators_and_each_builds_its_wire_leaf(
    spec: table.FieldSpec,
) -> None:
    kind = table.KINDS[spec.item_kind or spec.kind]
    field = leaf_field(spec)
    operators = {op.method for op in kind.operators}
    assert set(field.METHODS) - CONVENIENCES == operators
    public = {n for n in dir(field) if not n.startswith("_") and n.islower()}
    assert public - {"accepts", "name", "key"} == set(field.METHODS)
    for op in kind.operators:
        value = SAMPLE[op.value_type]
        wire = getattr(field, op.method)(value).to_dict()
        body = {op.wire: value}
        assert wire == {table.LEAF_TABLE: {spec.wire: {"k": body} if spec.item_kind else body}}
        EvalQueryParams.model_validate({"filter": wire, "timeFilter": WINDOW})


def test_an_operator_of_another_kind_is_not_offered() -> None:
    for spec in table.FIELDS:
        field = leaf_field(spec)
        mine = {op.method for op in table.KINDS[field.KIND].operators}
        others = {op.method for k in table.KINDS.values() for op in k.operators} - mine
        for name in others:
            assert not hasattr(field, name), (spec.wire, name)
            with pytest.raises(FilterError, match=f"has no operator '{name}'"):
                getattr(field, name)


def test_dir_and_unknown_names_follow_the_table() -> None:
    assert set(dir(F)) == {s.python for s in table.FIELDS} | {"all", "all_of", "any_of", "parse"}
    with pytest.raises(FilterError, match="no field 'nosuch'"):
        F["nosuch"]


def test_complements_and_symbols_stay_within_their_kind() -> None:
    for kind in table.KINDS.values():
        wires = {op.wire for op in kind.operators}
        for op in kind.operators:
            assert op.complement is None or op.complement in wires
            if op.complement is not None:  # `~` really flips it
                field: Any = next(
                    leaf_field(s) for s in table.FIELDS if kind.name == leaf_field(s).KIND
                )
                value = SAMPLE[op.value_type]
                negated = ~getattr(field, op.method)(value)
                assert next(iter(negated.to_dict()[table.LEAF_TABLE].values())) in (
                    {op.complement: value},
                    {"k": {op.complement: value}},
                )


def test_value_scale_and_int32_range_are_the_servers_binding() -> None:
    assert table.INT32_RANGE == (-(2**31), 2**31 - 1)
    for wire, scale in table.VALUE_SCALE.items():
        assert table.BY_WIRE[wire].kind == "number"
        assert scale == 1_000_000_000  # cost: nano-dollars


def _code_strings(path: Path) -> set[str]:
    """Every string constant in a module's code; docstrings (bare string statements) left out."""
    tree = ast.parse(path.read_text())
    docs = {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
    }
    return {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs
    }


def test_the_filter_package_holds_no_field_or_operator_name() -> None:
    # Docstrings may show examples; code may not hold a name: all comes from the table.
    exact = {s.wire for s in table.FIELDS} | {s.python for s in table.FIELDS}
    exact |= {op.wire for k in table.KINDS.values() for op in k.operators}
    exact |= {op.method for k in table.KINDS.values() for op in k.operators}
    exact |= {table.LEAF_TABLE}
    # Names that cannot be English words must not appear inside any string of the code either.
    compound = {name for name in exact if "_" in name or "-" in name}
    package = Path(filters_package.__file__).parent
    modules = sorted(package.glob("*.py"))
    assert len(modules) >= 8
    for module in modules:
        strings = _code_strings(module)
        found = exact & strings
        found |= {name for name in compound for text in strings if name in text}
        assert not found, f"{module.name} names {sorted(found)}: take them from the table"


def test_no_module_of_the_filter_package_mentions_a_field_even_in_docs() -> None:
    package = Path(filters_package.__file__).parent
    for module in package.glob("*.py"):
        assert "time_to_first_token" not in module.read_text(), module.name
