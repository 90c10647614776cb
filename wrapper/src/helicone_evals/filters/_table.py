"""Lookups over the generated filter table, the one source of what a filter leaf can hold.

Every field, kind and operator comes from ``helicone_evals_generated.filter_fields``, which
``scripts/regenerate.py`` emits from the spec: nothing here names a field or an operator.
"""

from __future__ import annotations

from typing import Final

from helicone_evals_generated import filter_fields as table
from helicone_evals_generated.filter_fields import (
    BY_PYTHON,
    BY_WIRE,
    FIELDS,
    INT32_RANGE,
    KINDS,
    LEAF_TABLE,
    MAP,
    VALUE_SCALE,
    FieldSpec,
    KindSpec,
    OperatorSpec,
)

__all__ = [
    "BY_PYTHON",
    "BY_SYMBOL",
    "BY_WIRE",
    "EXAMPLE_COMPARISONS",
    "EXAMPLE_MAP_FIELD",
    "EXAMPLE_TEXT_FIELD",
    "FIELDS",
    "INT32_RANGE",
    "KINDS",
    "LEAF_TABLE",
    "MAP",
    "METHODS",
    "OPS",
    "VALUE_SCALE",
    "FieldSpec",
    "KindSpec",
    "OperatorSpec",
    "kind_phrase",
    "leaf_kind",
]

OPS: Final[dict[tuple[str, str], OperatorSpec]] = {
    (kind.name, op.wire): op for kind in KINDS.values() for op in kind.operators
}
"""``(kind, wire operator) -> OperatorSpec``."""

BY_SYMBOL: Final[dict[tuple[str, str], OperatorSpec]] = {
    (kind.name, op.symbol): op
    for kind in KINDS.values()
    for op in kind.operators
    if op.symbol is not None
}
"""``(kind, Python comparison) -> OperatorSpec``, e.g. the operator ``==`` stands for."""

METHODS: Final[dict[str, tuple[str, ...]]] = {
    mixin.KIND: mixin.METHODS
    for mixin in (getattr(table, name) for name in table.__all__ if name.endswith("Operators"))
}
"""The builder methods of each kind (operators, then conveniences such as ``is_null``)."""

_LEAF_KIND: Final[dict[str, str]] = {f.wire: f.item_kind or f.kind for f in FIELDS}


def leaf_kind(wire: str) -> str:
    """The kind of a leaf on field ``wire``: a map field's leaves have its item kind."""
    return _LEAF_KIND[wire]


def kind_phrase(kind: str, item_kind: str | None = None) -> str:
    """``a text field``, ``a map of text fields``: for messages."""
    if kind == MAP:
        return f"a map of {str(item_kind).replace('_', ' ')} fields"
    return f"a {kind.replace('_', ' ')} field"


def _fields_with(symbols: tuple[str, ...], value_type: str) -> list[str]:
    return [
        f.python
        for f in FIELDS
        if f.kind != MAP
        and all((f.kind, s) in BY_SYMBOL for s in symbols)
        and BY_SYMBOL[f.kind, symbols[0]].value_type == value_type
    ] + ["a", "b"]


_NUMBERS: Final = _fields_with((">", "<"), "number")
_TEXTS: Final = _fields_with(("==", "!="), "string")
_MAPS: Final = [f.python for f in FIELDS if f.kind == MAP] + ["a_map"]

EXAMPLE_TEXT_FIELD: Final = _TEXTS[0]
"""A text field's name, for examples in messages."""
EXAMPLE_MAP_FIELD: Final = _MAPS[0]
"""A map field's name, for examples in messages."""
EXAMPLE_COMPARISONS: Final = f"(F.{_NUMBERS[0]} > 1) & (F.{_NUMBERS[1]} < 2)"
"""Two parenthesized comparisons joined with ``&``, for examples in messages."""
