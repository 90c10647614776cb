#!/usr/bin/env python3
"""Emit ``helicone_evals_generated/filter_fields.py``: the filter leaf's fields, their kinds and
operators, and the typed mixins the wrapper's ``F`` is built on.

The facts come from the spec: the fields of the leaf schema
``Partial_RequestResponseRMTToOperators_``, the operator schema each field references, and the
operators (and value types) of each. The
conventions the spec does not state are the declared tables below: the kind name of each
operator schema, the Python comparison bound to each operator, the complementary operator
(for ``~``), the builder conveniences of each kind, and how the server binds number values
(``cost`` in nano-dollars, whole numbers as Int32). An operator schema the tables do not know
fails the emission with its name.

    emit(spec) -> {"filter_fields.py": text}    # called by scripts/regenerate.py
    python scripts/emit_filter_fields.py        # prints the module (unformatted, no header)
"""

from __future__ import annotations

import keyword
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any, NamedTuple

__all__ = ["EmitError", "emit"]

LEAF_SCHEMA = "Partial_RequestResponseRMTToOperators_"
MAP_KIND = "map"

# -- declared binding conventions (not in the spec) ------------------------------------------

# The kind of field each operator schema makes. An inline operator object is known by its title
# (the overlay gives property_key's one) or, untitled, by "<leaf schema>.<field>".
SCHEMA_KINDS: dict[str, str] = {
    "Partial_TextOperators_": "text",
    "Partial_NumberOperators_": "number",
    "Partial_TimestampOperatorsTyped_": "timestamp",
    "Partial_BooleanOperators_": "boolean",
    "PropertyKeyOperators": "property_key",
    f"{LEAF_SCHEMA}.property_key": "property_key",
}
# Kinds in the order of LeafFields' type parameters, and the stem of their class names.
KIND_CLASSES: dict[str, str] = {
    "text": "Text",
    "number": "Number",
    "timestamp": "Timestamp",
    "boolean": "Boolean",
    "property_key": "PropertyKey",
}
KIND_DOCS: dict[str, str] = {
    "text": "a text field",
    "number": "a number field",
    "timestamp": "a timestamp field",
    "boolean": "a boolean field",
    "property_key": "the property-name field",
}
# The Python comparison each wire operator is bound to.
SYMBOLS: dict[str, str] = {
    "equals": "==",
    "not-equals": "!=",
    "gt": ">",
    "gte": ">=",
    "lt": "<",
    "lte": "<=",
}
DUNDERS: dict[str, str] = {
    "==": "__eq__",
    "!=": "__ne__",
    ">": "__gt__",
    ">=": "__ge__",
    "<": "__lt__",
    "<=": "__le__",
}
# The operator matching exactly the rows an operator rejects (NULLs aside); used only when the
# complement exists in the same operator schema (timestamps have no not-equals, so their equals
# has none). Booleans negate by flipping the value instead.
COMPLEMENTS: dict[str, str] = {
    "equals": "not-equals",
    "not-equals": "equals",
    "contains": "not-contains",
    "not-contains": "contains",
    "gt": "lte",
    "lte": "gt",
    "gte": "lt",
    "lt": "gte",
}
# Python method names; any other operator is named by its wire name with - turned into _.
METHOD_NAMES: dict[str, str] = {"not-equals": "not_equals", "not-contains": "not_contains"}
OPERATOR_DOCS: dict[str, str] = {
    "equals": "The field is exactly ``value``.",
    "not-equals": "The field is not ``value``; rows where it is NULL do not match.",
    "like": "SQL LIKE, case-sensitive: ``%`` is any run of characters, ``_`` one character.",
    "ilike": "SQL ILIKE: LIKE ignoring case.",
    "contains": (
        "The field contains ``value``, ignoring case. The server runs\n"
        "``ILIKE '%' || value || '%'``, so ``%`` and ``_`` in ``value`` act as wildcards."
    ),
    "not-contains": "The field does not contain ``value`` (ignoring case); NULL rows do not match.",
    "gt": "The field is greater than ``value``.",
    "gte": "The field is greater than or equal to ``value``.",
    "lt": "The field is less than ``value``.",
    "lte": "The field is less than or equal to ``value``.",
}
# Builder conveniences per kind, each emitted only when the operators it needs exist.
CONVENIENCES: dict[str, tuple[str, ...]] = {
    "text": ("is_null", "is_not_null", "is_in"),
    "number": ("between", "is_in"),
    "timestamp": ("between",),
}
CONVENIENCE_NEEDS: dict[str, tuple[str, ...]] = {
    "is_null": ("==", "!="),
    "is_not_null": ("==", "!="),
    "is_in": ("==",),
    "between": (">=", "<="),
}
# Value type of an operator, from its JSON schema (type, format).
VALUE_TYPES: dict[tuple[str, str | None], str] = {
    ("string", None): "string",
    ("string", "date-time"): "timestamp",
    ("number", None): "number",
    ("number", "double"): "number",
    ("number", "float"): "number",
    ("integer", None): "number",
    ("integer", "int32"): "number",
    ("integer", "int64"): "number",
    ("boolean", None): "boolean",
}
ANNOTATIONS: dict[str, str] = {
    "string": "str",
    "number": "float",
    "timestamp": "datetime | str",
    "boolean": "bool",
}
# How the server binds number values (packages/filters/filters.ts; measured on ClickHouse):
# `cost` is compared as floor(value * 1e9) nano-dollars; a whole number is bound as Int32.
VALUE_SCALE: dict[str, int] = {"cost": 1_000_000_000}
INT32_RANGE = (-(2**31), 2**31 - 1)
# Names F already uses for itself: a field may not take them.
RESERVED = frozenset({"all", "all_of", "any_of", "parse"})


class EmitError(Exception):
    """The spec has something the declared tables do not cover; the message names it."""


class _Op(NamedTuple):
    wire: str
    method: str
    value_type: str
    symbol: str | None
    complement: str | None


class _Kind(NamedTuple):
    name: str
    schema: str
    operators: tuple[_Op, ...]


class _Field(NamedTuple):
    wire: str
    python: str
    kind: str
    item_kind: str | None


# -- reading the spec ------------------------------------------------------------------------


def _schemas(spec: Mapping[str, Any]) -> Mapping[str, Any]:
    try:
        schemas = spec["components"]["schemas"]
    except (KeyError, TypeError):
        raise EmitError("the spec has no components.schemas") from None
    if not isinstance(schemas, Mapping):
        raise EmitError("components.schemas is not an object")
    return schemas


def _ref_name(ref: object) -> str:
    prefix = "#/components/schemas/"
    if not isinstance(ref, str) or not ref.startswith(prefix):
        raise EmitError(f"unsupported $ref {ref!r} in the filter leaf")
    return ref[len(prefix) :]


def _operator_schema(
    schemas: Mapping[str, Any], node: Mapping[str, Any], where: str
) -> tuple[str, Mapping[str, Any]]:
    """(name, schema) of the operator object ``node`` is or refers to."""
    if "$ref" in node:
        name = _ref_name(node["$ref"])
        if name not in schemas:
            raise EmitError(f"{where}: $ref to missing schema {name!r}")
        return name, schemas[name]
    return str(node.get("title") or where), node


def _kind(schemas: Mapping[str, Any], node: Mapping[str, Any], where: str) -> _Kind:
    name, schema = _operator_schema(schemas, node, where)
    kind = SCHEMA_KINDS.get(name)
    if kind is None:
        raise EmitError(
            f"unknown operator schema {name!r} (used by {where}): declare its kind in "
            "SCHEMA_KINDS of scripts/emit_filter_fields.py, and give the wrapper a field class"
        )
    props = schema.get("properties")
    if not isinstance(props, Mapping) or not props:
        raise EmitError(f"operator schema {name!r} lists no operators")
    ops: list[_Op] = []
    for wire, prop in props.items():
        if not isinstance(prop, Mapping):
            raise EmitError(f"{name}.{wire}: not a schema")
        type_key = (str(prop.get("type")), prop.get("format"))
        value_type = VALUE_TYPES.get(type_key) or VALUE_TYPES.get((type_key[0], None))
        if value_type is None:
            raise EmitError(f"{name}.{wire}: unsupported operator value type {type_key}")
        method = METHOD_NAMES.get(wire, wire.replace("-", "_"))
        if not method.isidentifier() or keyword.iskeyword(method):
            raise EmitError(f"{name}.{wire}: no Python method name; declare one in METHOD_NAMES")
        complement = COMPLEMENTS.get(wire)
        ops.append(
            _Op(
                wire=wire,
                method=method,
                value_type=value_type,
                symbol=SYMBOLS.get(wire),
                complement=complement if complement in props else None,
            )
        )
    return _Kind(kind, name, tuple(ops))


def _leaf_table(schemas: Mapping[str, Any]) -> str:
    """The property name under which the leaf schema is referenced (request_response_rmt)."""
    ref = f"#/components/schemas/{LEAF_SCHEMA}"
    names = sorted(
        {
            prop_name
            for schema in schemas.values()
            if isinstance(schema, Mapping)
            for prop_name, prop in (schema.get("properties") or {}).items()
            if isinstance(prop, Mapping) and prop.get("$ref") == ref
        }
    )
    if len(names) != 1:
        raise EmitError(f"expected {LEAF_SCHEMA} under one property name, found {names}")
    return str(names[0])


def read(spec: Mapping[str, Any]) -> tuple[str, dict[str, _Kind], list[_Field]]:
    """(leaf table, kinds by name, fields in spec order) from the spec."""
    schemas = _schemas(spec)
    leaf = schemas.get(LEAF_SCHEMA)
    if not isinstance(leaf, Mapping) or not isinstance(leaf.get("properties"), Mapping):
        raise EmitError(f"the spec has no schema {LEAF_SCHEMA} with properties")
    kinds: dict[str, _Kind] = {}
    fields: list[_Field] = []
    pythons: dict[str, str] = {}

    def remember(kind: _Kind) -> None:
        seen = kinds.get(kind.name)
        if seen is not None and seen != kind:
            raise EmitError(
                f"kind {kind.name!r} comes from two different operator schemas: "
                f"{seen.schema!r} and {kind.schema!r}"
            )
        kinds[kind.name] = kind

    for wire, node in leaf["properties"].items():
        where = f"{LEAF_SCHEMA}.{wire}"
        if not isinstance(node, Mapping):
            raise EmitError(f"{where}: not a schema")
        python = wire.replace("-", "_")
        if not python.isidentifier() or keyword.iskeyword(python) or python in RESERVED:
            raise EmitError(f"{where}: {python!r} cannot be an attribute of F")
        if python in pythons:
            raise EmitError(f"{where}: Python name {python!r} also used by {pythons[python]!r}")
        pythons[python] = wire
        items = node.get("additionalProperties")
        if "$ref" not in node and isinstance(items, Mapping):
            item = _kind(schemas, items, f"{where}[key]")
            remember(item)
            fields.append(_Field(wire, python, MAP_KIND, item.name))
        else:
            kind = _kind(schemas, node, where)
            remember(kind)
            fields.append(_Field(wire, python, kind.name, None))
    for scaled in VALUE_SCALE:
        if scaled in pythons.values() and _field_kind(fields, scaled) != "number":
            raise EmitError(f"VALUE_SCALE names {scaled!r}, which is not a number field")
    ordered = {name: kinds[name] for name in KIND_CLASSES if name in kinds}
    return _leaf_table(schemas), ordered, fields


def _field_kind(fields: list[_Field], wire: str) -> str:
    return next(f.kind for f in fields if f.wire == wire)


# -- writing the module ----------------------------------------------------------------------

_PREAMBLE = '''\
"""The filter leaf of the API, as tables and typed mixins.

Emitted by ``scripts/emit_filter_fields.py`` from the spec schema ``{leaf_schema}`` and the
operator schemas it references, plus the binding conventions declared in that script. Read by
``helicone_evals.filters`` (``F``), the emulator and the CLI. Cheap to import: typing only.

- ``FIELDS`` / ``BY_WIRE`` / ``BY_PYTHON``: every field of a leaf, in spec order.
- ``KINDS``: the operators of each kind of field (``OperatorSpec``: wire name, Python method,
  value type, bound comparison, complementary operator).
- ``VALUE_SCALE``, ``INT32_RANGE``: how the server binds numbers: a field in ``VALUE_SCALE`` is
  compared as ``floor(value * scale)``, and a whole number is bound as a 32-bit integer.
- ``LeafFields`` and the ``*Operators`` mixins: one typed attribute per field and one typed
  method per operator, so that type checkers see ``F.model`` as a text field.
"""

from __future__ import annotations

from typing import (
    TYPE_CHECKING,
    Any,
    ClassVar,
    Final,
    Generic,
    Literal,
    NamedTuple,
    NoReturn,
    Protocol,
    TypeVar,
    overload,
)

if TYPE_CHECKING:
    from collections.abc import Iterable
    from datetime import datetime

__all__ = [
    "BY_PYTHON",
    "BY_WIRE",
    "FIELDS",
    "INT32_RANGE",
    "KINDS",
    "LEAF_SCHEMA",
    "LEAF_TABLE",
    "MAP",
    "VALUE_SCALE",
    "FieldSpec",
    "KindSpec",
    "LeafFields",
    "MapOf",
    "OperatorSpec",
{mixin_names}]


class OperatorSpec(NamedTuple):
    """One operator of a kind of field."""

    wire: str
    """The wire name, e.g. ``not-equals``."""
    method: str
    """The Python method name, e.g. ``not_equals``."""
    value_type: str
    """``string``, ``number``, ``boolean`` or ``timestamp``."""
    symbol: str | None
    """The Python comparison bound to it (``==``, ``>``, ...), or None."""
    complement: str | None
    """The wire operator matching exactly the rows this one rejects (NULLs aside), or None."""


class KindSpec(NamedTuple):
    """A kind of field and its operators."""

    name: str
    """``text``, ``number``, ``timestamp``, ``boolean`` or ``property_key``."""
    schema: str
    """The spec schema of its operators, e.g. ``Partial_TextOperators_``."""
    operators: tuple[OperatorSpec, ...]
    """In spec order."""


class FieldSpec(NamedTuple):
    """One field of a filter leaf."""

    wire: str
    """The wire name, e.g. ``helicone-score-feedback``."""
    python: str
    """The attribute of ``F``, e.g. ``helicone_score_feedback``."""
    kind: str
    """A key of ``KINDS``, or ``MAP`` for a map of fields by key."""
    item_kind: str | None
    """For a map: the kind of ``field[key]``; else None."""


LEAF_SCHEMA: Final = {leaf_schema!r}
LEAF_TABLE: Final = {leaf_table!r}
"""The key of the leaf object: ``{{{leaf_table!r}: {{field: {{operator: value}}}}}}``."""
MAP: Final = {map_kind!r}
VALUE_SCALE: Final[dict[str, int]] = {value_scale!r}
"""Fields the server compares as ``floor(value * scale)`` (cost is stored in nano-dollars)."""
INT32_RANGE: Final[tuple[int, int]] = {int32!r}
"""The server binds a whole-number filter value as Int32: outside this range it wraps."""
'''


def _op_literal(op: _Op) -> str:
    return (
        f"OperatorSpec({op.wire!r}, {op.method!r}, {op.value_type!r}, "
        f"{op.symbol!r}, {op.complement!r})"
    )


def _doc(text: str, indent: str) -> str:
    body = text.replace("\n", "\n" + indent).replace(indent + "\n", "\n")
    end = f"\n{indent}" if "\n" in text else ""
    return f'{indent}"""{body}{end}"""\n'


def _mixin(kind: _Kind) -> str:
    stem = KIND_CLASSES[kind.name]
    symbols = {op.symbol: op for op in kind.operators if op.symbol}
    needs_negated = needs_not_negatable = False
    conveniences = [
        name
        for name in CONVENIENCES.get(kind.name, ())
        if all(s in symbols for s in CONVENIENCE_NEEDS[name])
    ]
    methods = [op.method for op in kind.operators] + conveniences
    out = [
        f"class {stem}Operators(Generic[R]):\n",
        _doc(
            f"The operators of {KIND_DOCS[kind.name]} (``{kind.schema}``); each returns R.",
            "    ",
        ),
        "\n    __slots__ = ()\n",
        f"    KIND: ClassVar[str] = {kind.name!r}\n",
        f"    METHODS: ClassVar[tuple[str, ...]] = {tuple(methods)!r}\n",
        f"    SYMBOLS: ClassVar[tuple[str, ...]] = {tuple(symbols)!r}\n",
        "\n    if TYPE_CHECKING:  # implemented by the wrapper's field classes\n\n",
        "        def _apply(self, op: str, value: object) -> R:\n",
        "            raise NotImplementedError\n",
    ]
    stubs_at = len(out)
    if "is_null" in conveniences:
        out += [
            "\n        def _null(self, null: bool) -> R:\n",
            "            raise NotImplementedError\n",
        ]
    if "is_in" in conveniences:
        out += [
            "\n        def _is_in(self, values: Iterable[object]) -> R:\n",
            "            raise NotImplementedError\n",
        ]
    if "between" in conveniences:
        out += [
            "\n        def _between(self, low: object, high: object) -> R:\n",
            "            raise NotImplementedError\n",
        ]
    for op in kind.operators:
        annotation = ANNOTATIONS[op.value_type]
        doc = OPERATOR_DOCS.get(op.wire, f"The API's ``{op.wire}`` operator.")
        if op.complement is None and op.value_type != "boolean":
            doc += "\nHas no negation in the API (``~`` raises)."
        elif op.value_type == "boolean":
            doc += "\n``~`` flips the value."
        doc += f"\n\nWire: ``{{{op.wire!r}: value}}``."
        out += [
            f"\n    def {op.method}(self, value: {annotation}) -> R:\n",
            _doc(doc, "        "),
            f"        return self._apply({op.wire!r}, value)\n",
        ]
    for symbol, op in symbols.items():
        dunder = DUNDERS[symbol]
        ignore = "  # type: ignore[override]" if symbol in ("==", "!=") else ""
        out += [
            f"\n    def {dunder}(self, other: {ANNOTATIONS[op.value_type]}) -> R:{ignore}\n",
            _doc(f"``field {symbol} value`` is ``{op.method}(value)``.", "        "),
            f"        return self._apply({op.wire!r}, other)\n",
        ]
    equals = symbols.get("==")
    if equals is not None and "!=" not in symbols:
        # No not-equals operator: `!=` negates `==` where the API can, else it explains why not.
        if equals.complement is not None or equals.value_type == "boolean":
            out += [
                f"\n    def __ne__(self, other: {ANNOTATIONS[equals.value_type]}) -> R:"
                "  # type: ignore[override]\n",
                _doc(f"``field != value`` is ``~field.{equals.method}(value)``.", "        "),
                f"        return self._negated({equals.wire!r}, other)\n",
            ]
            needs_negated = True
        else:
            out += [
                "\n    def __ne__(self, other: object) -> NoReturn:\n",
                _doc("Raises: the API has no operator for ``field != value``.", "        "),
                f"        raise self._not_negatable({equals.wire!r})\n",
            ]
            needs_not_negatable = True
    value = ANNOTATIONS[kind.operators[0].value_type] if kind.operators else "object"
    if "is_null" in conveniences:
        out += [
            "\n    def is_null(self) -> R:\n",
            _doc('The field is NULL (the server\'s ``equals "null"``).', "        "),
            "        return self._null(True)\n",
            "\n    def is_not_null(self) -> R:\n",
            _doc('The field is not NULL (the server\'s ``not-equals "null"``).', "        "),
            "        return self._null(False)\n",
        ]
    if "is_in" in conveniences:
        out += [
            f"\n    def is_in(self, values: Iterable[{value}]) -> R:\n",
            _doc(
                "The field equals one of ``values`` (an OR of equals); an empty list raises.",
                "        ",
            ),
            "        return self._is_in(values)\n",
        ]
    if "between" in conveniences:
        out += [
            f"\n    def between(self, low: {value}, high: {value}) -> R:\n",
            _doc("``low <= field <= high`` (gte AND lte); raises if ``low > high``.", "        "),
            "        return self._between(low, high)\n",
        ]
    stubs: list[str] = []
    if needs_negated:
        stubs += [
            "\n        def _negated(self, op: str, value: object) -> R:\n",
            "            raise NotImplementedError\n",
        ]
    if needs_not_negatable:
        stubs += [
            "\n        def _not_negatable(self, op: str) -> Exception:\n",
            "            raise NotImplementedError\n",
        ]
    out[stubs_at:stubs_at] = stubs
    return "".join(out)


def _leaf_fields(kinds: dict[str, _Kind], fields: list[_Field]) -> str:
    tvars = {name: f"{KIND_CLASSES[name]}T" for name in kinds}

    def annotation(field: _Field) -> str:
        if field.kind == MAP_KIND:
            assert field.item_kind is not None
            return f"MapOf[{tvars[field.item_kind]}]"
        return tvars[field.kind]

    out = [f'{t} = TypeVar("{t}")\n' for t in tvars.values()]
    out += [
        'ItemT_co = TypeVar("ItemT_co", covariant=True)\n\n\n',
        "class MapOf(Protocol[ItemT_co]):\n",
        '    """A map of fields by key: ``F.properties["env"]``."""\n\n',
        "    def __getitem__(self, key: str, /) -> ItemT_co: ...\n\n\n",
        f"class LeafFields(Generic[{', '.join(tvars.values())}]):\n",
        '    """One read-only attribute per field of a filter leaf, typed by its kind."""\n\n',
        "    __slots__ = ()\n\n",
        "    if TYPE_CHECKING:  # implemented by the wrapper's builder\n\n",
        "        def _field(self, name: str) -> Any:\n",
        "            raise NotImplementedError\n",
    ]
    for field in fields:
        kind_doc = (
            f"a map of {KIND_DOCS[field.item_kind]}s by key"
            if field.item_kind
            else KIND_DOCS[field.kind]
        )
        doc = f"``{field.wire}``: {kind_doc}."
        if field.wire in VALUE_SCALE:
            doc += (
                f"\nThe server compares ``floor(value * {VALUE_SCALE[field.wire]:_})`` as a 32-bit"
                " integer."
            )
        out += [
            f"\n    @property\n    def {field.python}(self) -> {annotation(field)}:\n",
            _doc(doc, "        "),
            f"        field: {annotation(field)} = self._field({field.wire!r})\n",
            "        return field\n",
        ]
    groups: dict[str, list[str]] = {}
    for field in fields:
        names = groups.setdefault(annotation(field), [])
        names += [field.wire] if field.wire == field.python else [field.wire, field.python]
    for ann, names in groups.items():
        literal = ", ".join(repr(n) for n in names)
        out += [
            "\n    @overload\n",
            f"    def __getitem__(self, name: Literal[{literal}]) -> {ann}: ...\n",
        ]
    union = " | ".join(groups)
    out += [
        "\n    @overload\n",
        f"    def __getitem__(self, name: str) -> {union}: ...\n",
        "\n    def __getitem__(self, name: str) -> Any:\n",
        '        """The field by wire name (``F["helicone-score-feedback"]``) or Python name."""\n',
        "        return self._field(name)\n",
    ]
    return "".join(out)


def render(leaf_table: str, kinds: dict[str, _Kind], fields: list[_Field]) -> str:
    """The module text (unformatted, without the generated-file header)."""
    mixin_names = "".join(f'    "{KIND_CLASSES[k]}Operators",\n' for k in kinds)
    parts = [
        _PREAMBLE.format(
            leaf_schema=LEAF_SCHEMA,
            leaf_table=leaf_table,
            map_kind=MAP_KIND,
            value_scale=dict(VALUE_SCALE),
            int32=INT32_RANGE,
            mixin_names=mixin_names,
        ),
        "\nKINDS: Final[dict[str, KindSpec]] = {\n",
    ]
    for kind in kinds.values():
        ops = "".join(f"            {_op_literal(op)},\n" for op in kind.operators)
        parts.append(f"    {kind.name!r}: KindSpec(\n        {kind.name!r},\n")
        parts.append(f"        {kind.schema!r},\n        (\n{ops}        ),\n    ),\n")
    parts.append("}\n\nFIELDS: Final[tuple[FieldSpec, ...]] = (\n")
    for field in fields:
        parts.append(
            f"    FieldSpec({field.wire!r}, {field.python!r}, {field.kind!r}, "
            f"{field.item_kind!r}),\n"
        )
    parts.append(")\n")
    parts.append("BY_WIRE: Final[dict[str, FieldSpec]] = {f.wire: f for f in FIELDS}\n")
    parts.append("BY_PYTHON: Final[dict[str, FieldSpec]] = {f.python: f for f in FIELDS}\n\n")
    parts.append('R = TypeVar("R")\n\n\n')
    parts.append("\n\n".join(_mixin(kind) for kind in kinds.values()))
    parts.append("\n\n")
    parts.append(_leaf_fields(kinds, fields))
    return "".join(parts)


def emit(spec: dict[str, Any]) -> dict[str, str]:
    """``{"filter_fields.py": text}`` for the pruned, patched spec; raises EmitError."""
    leaf_table, kinds, fields = read(spec)
    return {"filter_fields.py": render(leaf_table, kinds, fields)}


# -- standalone use: print the module (scripts/regenerate.py writes it) -------------------------


def main() -> int:
    import importlib

    root = Path(__file__).resolve().parent.parent
    sys.path.insert(0, str(root / "scripts"))
    spec_io: Any = importlib.import_module("spec_io")  # the pipeline's own reading of the spec
    _, doc = spec_io.load(root / "openapi/helicone-public-api.json")
    spec = spec_io.subset(doc, root / "openapi/selection.toml", root / "openapi/patches.yaml")
    for text in emit(spec).values():
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    try:
        raise SystemExit(main())
    except EmitError as exc:
        raise SystemExit(f"emit_filter_fields: {exc}") from None
