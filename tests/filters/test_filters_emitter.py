"""scripts/emit_filter_fields.py: the table and typed mixins behind F come from the spec.

A field added to the spec's leaf schema becomes a working, parseable attribute of ``F`` with no
wrapper edit; an operator removed from an operator schema disappears from ``F``; a schema the
emitter's declared tables do not know fails the emission with its name.
"""

from __future__ import annotations

import copy
import shutil
import subprocess
import sys
import textwrap
import types
from pathlib import Path
from typing import Any

import pytest

import helicone_evals_generated
from helicone_evals_generated import filter_fields as committed

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import emit_filter_fields as emitter  # noqa: E402
import spec_io  # noqa: E402

LEAF = emitter.LEAF_SCHEMA


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    _, doc = spec_io.load(ROOT / "openapi/helicone-public-api.json")
    selected: dict[str, Any] = spec_io.subset(
        doc, ROOT / "openapi/selection.toml", ROOT / "openapi/patches.yaml"
    )
    return selected


def load(text: str) -> Any:
    module = types.ModuleType("emitted_filter_fields")
    exec(compile(text, "<emitted>", "exec"), module.__dict__)  # our own generated code
    return module


def test_the_committed_table_is_what_the_emitter_makes(spec: dict[str, Any]) -> None:
    ((name, text),) = emitter.emit(spec).items()
    assert name == "filter_fields.py"
    assert emitter.emit(spec) == {name: text}  # deterministic
    emitted = load(text)
    assert emitted.FIELDS == committed.FIELDS
    assert emitted.KINDS == committed.KINDS
    assert (emitted.LEAF_TABLE, emitted.VALUE_SCALE, emitted.INT32_RANGE) == (
        committed.LEAF_TABLE,
        committed.VALUE_SCALE,
        committed.INT32_RANGE,
    )


def test_the_emitted_table_follows_the_spec(spec: dict[str, Any]) -> None:
    schemas = spec["components"]["schemas"]
    assert [f.wire for f in committed.FIELDS] == list(schemas[LEAF]["properties"])
    for kind in committed.KINDS.values():
        props = schemas[kind.schema]["properties"] if kind.schema in schemas else None
        if props is not None:
            assert [op.wire for op in kind.operators] == list(props)


def changed(spec: dict[str, Any], edit: Any) -> dict[str, Any]:
    new = copy.deepcopy(spec)
    edit(new["components"]["schemas"])
    return new


def add_field(schemas: dict[str, Any]) -> None:
    schemas[LEAF]["properties"]["reviewer_note"] = {
        "$ref": "#/components/schemas/Partial_TextOperators_"
    }


def drop_gte(schemas: dict[str, Any]) -> None:
    del schemas["Partial_NumberOperators_"]["properties"]["gte"]


def test_a_new_field_gets_a_row_and_a_typed_attribute(spec: dict[str, Any]) -> None:
    emitted = load(emitter.emit(changed(spec, add_field))["filter_fields.py"])
    assert emitted.BY_WIRE["reviewer_note"] == emitted.FieldSpec(
        "reviewer_note", "reviewer_note", "text", None
    )
    prop = emitted.LeafFields.__dict__["reviewer_note"]
    assert isinstance(prop, property)
    assert "-> TextT" in emitter.emit(changed(spec, add_field))["filter_fields.py"]


def test_a_removed_operator_leaves_the_kind_and_its_mixin(spec: dict[str, Any]) -> None:
    emitted = load(emitter.emit(changed(spec, drop_gte))["filter_fields.py"])
    number = emitted.KINDS["number"]
    assert "gte" not in {op.wire for op in number.operators}
    assert not hasattr(emitted.NumberOperators, "gte")
    assert "__ge__" not in emitted.NumberOperators.__dict__
    assert "between" not in emitted.NumberOperators.METHODS  # it needs gte
    lt = next(op for op in number.operators if op.wire == "lt")
    assert lt.complement is None  # its complement is gone


def run_with_table(tmp_path: Path, text: str, code: str) -> str:
    """Run ``code`` in a process whose helicone_evals_generated has this filter table."""
    source = Path(helicone_evals_generated.__file__).parent
    target = tmp_path / "helicone_evals_generated"
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
    (target / "filter_fields.py").write_text(text)
    out = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(tmp_path), "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert out.returncode == 0, out.stderr
    return out.stdout


def test_the_builder_follows_a_new_field_with_no_wrapper_change(
    spec: dict[str, Any], tmp_path: Path
) -> None:
    text = emitter.emit(changed(spec, add_field))["filter_fields.py"]
    out = run_with_table(
        tmp_path,
        text,
        """
        import helicone_evals_generated
        from helicone_evals import F, Filter
        f = F.reviewer_note.equals("ok") & F["reviewer_note"].contains("x")
        assert F.parse(str(f)) == f
        assert Filter.from_dict(f.to_dict()) == f
        assert ~F.reviewer_note.equals("ok") == F.reviewer_note.not_equals("ok")
        print(helicone_evals_generated.__file__)
        print(str(f))
        """,
    )
    assert out.splitlines()[0].startswith(str(tmp_path))  # the edited table was the one used
    assert out.splitlines()[1] == "reviewer_note == 'ok' and reviewer_note.contains('x')"


def test_the_builder_drops_a_removed_operator_with_no_wrapper_change(
    spec: dict[str, Any], tmp_path: Path
) -> None:
    text = emitter.emit(changed(spec, drop_gte))["filter_fields.py"]
    run_with_table(
        tmp_path,
        text,
        """
        from helicone_evals import F, Filter, FilterError
        assert not hasattr(F.latency, "gte") and not hasattr(F.latency, "between")
        for attempt in (
            lambda: F.latency >= 1,
            lambda: ~(F.latency < 1),
            lambda: F.parse("latency >= 1"),
            lambda: Filter.from_dict({"request_response_rmt": {"latency": {"gte": 1}}}),
        ):
            try:
                attempt()
            except FilterError:
                pass
            else:
                raise AssertionError("accepted a removed operator")
        assert (F.latency > 1).to_dict() == {"request_response_rmt": {"latency": {"gt": 1}}}
        """,
    )


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (
            lambda s: (
                s[LEAF]["properties"].update(
                    embedding={"$ref": "#/components/schemas/Partial_VectorOperators_"}
                )
                or s.update(Partial_VectorOperators_={"properties": {"near": {"type": "string"}}})
            ),
            "unknown operator schema 'Partial_VectorOperators_'",
        ),
        (
            lambda s: s["Partial_TextOperators_"]["properties"].update(
                matches={"type": "array", "items": {"type": "string"}}
            ),
            "Partial_TextOperators_.matches: unsupported operator value type",
        ),
        (
            lambda s: s[LEAF]["properties"].update(
                all={"$ref": "#/components/schemas/Partial_TextOperators_"}
            ),
            "'all' cannot be an attribute of F",
        ),
        (lambda s: s.pop(LEAF), f"no schema {LEAF}"),
    ],
)
def test_what_the_tables_do_not_cover_fails_naming_it(
    spec: dict[str, Any], edit: Any, message: str
) -> None:
    with pytest.raises(emitter.EmitError, match=message):
        emitter.emit(changed(spec, edit))
