"""``F.parse``: the text language read with Python's ``ast``, never evaluated.

Only the node types of the grammar in ``helicone_evals._filters`` are accepted; everything else
raises FilterError. Values go through the same field methods as ``F``, so they are checked the
same way. This module (and ``ast``) is imported on the first ``F.parse`` call.
"""

from __future__ import annotations

import ast
import difflib
import operator
from collections.abc import Callable
from typing import Any

from ._exceptions import FilterError
from ._fields import FIELD_TYPES, Field, MapField, NumberField, TextField
from ._filter_expr import ALL, Filter, all_of, any_of
from ._filter_schema import BOOLEAN, FIELDS, PY_TO_WIRE

__all__ = ["parse_text"]

_COMPARE: dict[str, Callable[[Any, Any], Any]] = {
    "Eq": operator.eq,
    "NotEq": operator.ne,
    "Lt": operator.lt,
    "LtE": operator.le,
    "Gt": operator.gt,
    "GtE": operator.ge,
}
_SYMBOL = {"Eq": "==", "NotEq": "!=", "Lt": "<", "LtE": "<=", "Gt": ">", "GtE": ">="}
_FLIP = {"Eq": "Eq", "NotEq": "NotEq", "Lt": "Gt", "LtE": "GtE", "Gt": "Lt", "GtE": "LtE"}


def parse_text(text: str) -> Filter:
    """The Filter for a text expression; see ``F.parse``."""
    if not isinstance(text, str):
        raise FilterError(f"F.parse() takes a string, got {type(text).__name__}")
    source = text.strip()
    try:
        tree = ast.parse(source, mode="eval")
    except SyntaxError as exc:
        where = f" at column {exc.offset}" if exc.offset else ""
        raise FilterError(f"F.parse: invalid syntax{where}: {exc.msg} in {_clip(source)}") from None
    except (RecursionError, MemoryError, ValueError) as exc:
        raise FilterError(f"F.parse: cannot read {_clip(source)}: {exc}") from None
    try:
        return _Reader(source).expr(tree.body)
    except RecursionError:
        raise FilterError(
            "F.parse: the expression is nested too deeply; build it with F or Filter.from_dict"
        ) from None


class _Reader:
    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, node: ast.AST, message: str) -> FilterError:
        segment = ast.get_source_segment(self.source, node) or ""
        col = getattr(node, "col_offset", 0) + 1
        return FilterError(f"F.parse: {message} (column {col}: {_clip(segment)})")

    def expr(self, node: ast.expr) -> Filter:
        if isinstance(node, ast.BoolOp):
            terms = [self.expr(v) for v in node.values]
            return all_of(*terms) if isinstance(node.op, ast.And) else any_of(*terms)
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            return ~self.expr(node.operand)
        if isinstance(node, ast.Name) and node.id == "all":
            return ALL
        if isinstance(node, ast.Compare):
            return self.compare(node)
        if isinstance(node, ast.Call):
            return self.call(node)
        if isinstance(node, ast.BinOp | ast.UnaryOp) and isinstance(
            node.op, ast.BitAnd | ast.BitOr | ast.Invert
        ):
            raise self.fail(node, "use `and`, `or` and `not` in text expressions, not &, | and ~")
        if isinstance(node, ast.Name | ast.Subscript):
            field = self.field(node)
            hint = " == True" if field.kind == BOOLEAN else ".equals(...)"
            raise self.fail(
                node, f"a field alone is not a condition; write e.g. {_text(field)}{hint}"
            )
        raise self.fail(node, f"unsupported syntax ({type(node).__name__})")

    def field(self, node: ast.expr) -> Field:
        if isinstance(node, ast.Name):
            wire = PY_TO_WIRE.get(node.id)
            if wire is None:
                raise self.fail(node, _unknown_field(node.id))
            return FIELD_TYPES[FIELDS[wire]](wire)
        if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name):
            base = self.field(node.value)
            if not isinstance(base, MapField):
                raise self.fail(node, "only properties, search_properties and scores take [key]")
            key = node.slice
            if not (isinstance(key, ast.Constant) and isinstance(key.value, str)):
                raise self.fail(node, "a map key must be a string literal, e.g. properties['env']")
            return base[key.value]
        raise self.fail(node, "expected a field name, e.g. model or properties['env']")

    def is_field(self, node: ast.expr) -> bool:
        return isinstance(node, ast.Name | ast.Subscript) and not (
            isinstance(node, ast.Name) and node.id in ("True", "False", "None")
        )

    def literal(self, node: ast.expr) -> Any:
        if isinstance(node, ast.Constant) and isinstance(
            node.value, str | int | float | bool | type(None)
        ):
            return node.value
        if (
            isinstance(node, ast.UnaryOp)
            and isinstance(node.op, ast.USub | ast.UAdd)
            and isinstance(node.operand, ast.Constant)
            and isinstance(node.operand.value, int | float)
            and not isinstance(node.operand.value, bool)
        ):
            value = node.operand.value
            return -value if isinstance(node.op, ast.USub) else value
        raise self.fail(node, "expected a literal value (a string, number, True, False or None)")

    def literals(self, node: ast.expr) -> list[Any]:
        if not isinstance(node, ast.List | ast.Tuple | ast.Set):
            raise self.fail(node, "`in` takes a list of literals, e.g. model in ['a', 'b']")
        return [self.literal(e) for e in node.elts]

    def compare(self, node: ast.Compare) -> Filter:
        for side in (node.left, *node.comparators):
            if isinstance(side, ast.BinOp) and isinstance(side.op, ast.BitAnd | ast.BitOr):
                raise self.fail(node, "use `and` and `or` in text expressions, not & and |")
        if len(node.ops) != 1:
            raise self.fail(node, "chained comparisons are not supported; use between() or `and`")
        op, left, right = node.ops[0], node.left, node.comparators[0]
        name = type(op).__name__
        if isinstance(op, ast.In | ast.NotIn):
            field = self.field(left)
            if not isinstance(field, TextField | NumberField):
                raise self.fail(node, f"`in` is not available: {field.accepts()}")
            result = field.is_in(self.literals(right))
            return ~result if isinstance(op, ast.NotIn) else result
        if isinstance(op, ast.Is | ast.IsNot):
            field = self.field(left)
            if not (isinstance(right, ast.Constant) and right.value is None):
                raise self.fail(node, "`is` only compares with None: model is None")
            if not isinstance(field, TextField):
                raise self.fail(node, f"`is None` needs a text field: {field.accepts()}")
            return field.is_null() if isinstance(op, ast.Is) else field.is_not_null()
        if name not in _COMPARE:
            raise self.fail(node, f"unsupported comparison {type(op).__name__}")
        if self.is_field(left):
            field, value = self.field(left), self.literal(right)
        elif self.is_field(right):
            field, value, name = self.field(right), self.literal(left), _FLIP[name]
        else:
            raise self.fail(node, "a comparison needs a field on one side")
        if _SYMBOL[name] not in field.symbols:
            raise self.fail(node, f"{_SYMBOL[name]} is not available: {field.accepts()}")
        built = _COMPARE[name](field, value)
        assert isinstance(built, Filter)
        return built

    def call(self, node: ast.Call) -> Filter:
        func = node.func
        if not isinstance(func, ast.Attribute):
            raise self.fail(node, "only operator methods can be called, e.g. model.like('gpt%')")
        field = self.field(func.value)
        if func.attr not in field.methods:
            raise self.fail(node, f"no operator {func.attr!r}: {field.accepts()}")
        if node.keywords:
            raise self.fail(node, "operator methods take positional arguments only")
        args = [self.literals(a) if func.attr == "is_in" else self.literal(a) for a in node.args]
        method = getattr(field, func.attr)
        try:
            result = method(*args)
        except TypeError as exc:  # wrong number of arguments
            raise self.fail(node, str(exc)) from None
        assert isinstance(result, Filter)
        return result


def _text(field: Field) -> str:
    return repr(field).removeprefix("F.")


def _unknown_field(name: str) -> str:
    close = difflib.get_close_matches(name, list(PY_TO_WIRE), n=3)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    return f"unknown field {name!r}{hint}"


def _clip(text: str) -> str:
    return repr(text) if len(text) <= 80 else repr(text[:77]) + "..."
