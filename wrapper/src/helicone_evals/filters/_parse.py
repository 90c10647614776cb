"""``F.parse``: the text language read with Python's ``ast``, never evaluated.

Only the node types of the grammar (see ``helicone_evals.filters``) are accepted; everything
else raises FilterError. Values go through the same field methods as ``F``, so they are
checked the same way. Reading is linear in the text's length. This module (and ``ast``) is
imported on the first ``F.parse`` call.
"""

from __future__ import annotations

import ast
import operator
from collections.abc import Callable
from typing import Any, Final

from .._exceptions import FilterError
from ._expr import ALL, Filter, all_of, any_of
from ._fields import BY_PYTHON_NAME, Field, MapField
from ._table import BY_PYTHON, BY_SYMBOL, EXAMPLE_MAP_FIELD, EXAMPLE_TEXT_FIELD, KINDS
from ._values import check_text

_T = EXAMPLE_TEXT_FIELD
_M = f"{EXAMPLE_MAP_FIELD}['k']"

__all__ = ["parse_text"]

_COMPARE: Final[dict[type[ast.cmpop], tuple[str, Callable[[Any, Any], Any]]]] = {
    ast.Eq: ("==", operator.eq),
    ast.NotEq: ("!=", operator.ne),
    ast.Lt: ("<", operator.lt),
    ast.LtE: ("<=", operator.le),
    ast.Gt: (">", operator.gt),
    ast.GtE: (">=", operator.ge),
}
# `literal OP field` is `field FLIPPED(OP) literal`.
_FLIP: Final[dict[type[ast.cmpop], type[ast.cmpop]]] = {
    ast.Eq: ast.Eq,
    ast.NotEq: ast.NotEq,
    ast.Lt: ast.Gt,
    ast.LtE: ast.GtE,
    ast.Gt: ast.Lt,
    ast.GtE: ast.LtE,
}
_LITERAL_TYPES: Final = (str, int, float, bool, type(None))
# A method with no comparison symbol, for examples: text forms of such calls are method calls.
_CALL: Final = next(
    (op.method for op in KINDS[BY_PYTHON[_T].kind].operators if op.symbol is None),
    "method",
)


# How deeply `and`/`or`/`not` may nest in a text expression (Python's own parser refuses
# more than 200 nested parentheses).
MAX_PARSE_DEPTH: Final = 200


def parse_text(text: str, max_length: int) -> Filter:
    """The Filter for a text expression; see ``F.parse``."""
    if not isinstance(text, str):
        raise FilterError(f"F.parse() takes a string, got {type(text).__name__}")
    if len(text) > max_length:
        raise FilterError(
            f"F.parse: the text is {len(text):,} characters, more than the {max_length:,} it "
            "reads; build long filters with F (F.all_of/F.any_of) or pass their wire JSON"
        )
    check_text(text, lambda: "F.parse()")  # a lone surrogate could not be sent anyway
    source = text.strip()
    try:
        tree = ast.parse(source, mode="eval")
    except SyntaxError as exc:
        where = f" at column {exc.offset}" if exc.offset else ""
        raise FilterError(f"F.parse: invalid syntax{where}: {exc.msg} in {_clip(source)}") from None
    except (RecursionError, MemoryError, ValueError) as exc:
        raise FilterError(f"F.parse: cannot read {_clip(source)}: {_clip(str(exc))}") from None
    try:
        return _Reader(source).expr(tree.body)
    except RecursionError:
        raise FilterError(
            "F.parse: the expression is nested too deeply; build it with F or Filter.from_dict"
        ) from None


class _Reader:
    def __init__(self, source: str) -> None:
        self.source = source
        self._lines: list[str] | None = None

    def fail(self, node: ast.AST, message: str) -> FilterError:
        line = getattr(node, "lineno", 1)
        col = getattr(node, "col_offset", 0)
        end = getattr(node, "end_col_offset", None)
        if self._lines is None:
            self._lines = self.source.splitlines() or [""]
        # col_offset counts UTF-8 bytes; slice the encoded line (only once, on error).
        raw = self._lines[min(line, len(self._lines)) - 1].encode("utf-8", "surrogatepass")
        segment = raw[col : end if end is not None and end >= col else col + 80]
        text = segment[:240].decode("utf-8", errors="replace")
        return FilterError(f"F.parse: {message} (column {col + 1}: {_clip(text)})")

    def expr(self, node: ast.expr, depth: int = 0) -> Filter:
        if depth > MAX_PARSE_DEPTH:
            # A fixed bound, not the interpreter's recursion limit (which the host program
            # may have raised): the same text is accepted or refused everywhere.
            raise self.fail(
                node,
                f"the expression is nested more than {MAX_PARSE_DEPTH} levels deep; build it "
                "with F or Filter.from_dict",
            )
        if isinstance(node, ast.BoolOp):
            terms = [self.expr(v, depth + 1) for v in node.values]
            return all_of(*terms) if isinstance(node.op, ast.And) else any_of(*terms)
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            return ~self.expr(node.operand, depth + 1)
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
            equals = BY_SYMBOL.get((field.KIND, "=="))
            hint = " == True" if equals is not None and equals.value_type == "boolean" else ""
            hint = hint or ".equals(...)"
            raise self.fail(
                node, f"a field alone is not a condition; write e.g. {_text(field)}{hint}"
            )
        raise self.fail(node, f"unsupported syntax ({type(node).__name__})")

    def field(self, node: ast.expr) -> Field:
        found = self.any_field(node)
        if isinstance(found, MapField):
            raise self.fail(node, found.accepts())
        return found

    def any_field(self, node: ast.expr) -> Field | MapField:
        if isinstance(node, ast.Name):
            field = BY_PYTHON_NAME.get(node.id)
            if field is None:
                raise self.fail(node, _unknown_field(node.id))
            return field
        if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name):
            base = self.any_field(node.value)
            if not isinstance(base, MapField):
                maps = ", ".join(n for n, f in BY_PYTHON_NAME.items() if isinstance(f, MapField))
                raise self.fail(node, f"only {maps} take [key]")
            key = node.slice
            if not (isinstance(key, ast.Constant) and isinstance(key.value, str)):
                raise self.fail(node, f"a map key must be a string literal, e.g. {_M}")
            return base[key.value]
        raise self.fail(node, f"expected a field name, e.g. {_T} or {_M}")

    def is_field(self, node: ast.expr) -> bool:
        return isinstance(node, ast.Name | ast.Subscript) and not (
            isinstance(node, ast.Name) and node.id in ("True", "False", "None")
        )

    def literal(self, node: ast.expr) -> Any:
        if isinstance(node, ast.Constant) and isinstance(node.value, _LITERAL_TYPES):
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
            raise self.fail(node, f"`in` takes a list of literals, e.g. {_T} in ['a', 'b']")
        return [self.literal(e) for e in node.elts]

    def compare(self, node: ast.Compare) -> Filter:
        for side in (node.left, *node.comparators):
            if isinstance(side, ast.BinOp) and isinstance(side.op, ast.BitAnd | ast.BitOr):
                raise self.fail(node, "use `and` and `or` in text expressions, not & and |")
        if len(node.ops) != 1:
            raise self.fail(node, "chained comparisons are not supported; use between() or `and`")
        op, left, right = node.ops[0], node.left, node.comparators[0]
        if isinstance(op, ast.In | ast.NotIn):
            field = self.field(left)
            if "is_in" not in field.METHODS:
                raise self.fail(node, f"`in` is not available: {field.accepts()}")
            result = self.method(node, field, "is_in", [self.literals(right)])
            return ~result if isinstance(op, ast.NotIn) else result
        if isinstance(op, ast.Is | ast.IsNot):
            field = self.field(left)
            if not (isinstance(right, ast.Constant) and right.value is None):
                raise self.fail(node, f"`is` only compares with None: {_T} is None")
            if "is_null" not in field.METHODS:
                raise self.fail(node, f"`is None` needs a text field: {field.accepts()}")
            name = "is_null" if isinstance(op, ast.Is) else "is_not_null"
            return self.method(node, field, name, [])
        kind = type(op)
        if kind not in _COMPARE:
            raise self.fail(node, f"unsupported comparison {kind.__name__}")
        if self.is_field(left):
            field, value = self.field(left), self.literal(right)
        elif self.is_field(right):
            field, value, kind = self.field(right), self.literal(left), _FLIP[kind]
        else:
            raise self.fail(node, "a comparison needs a field on one side")
        symbol, compare = _COMPARE[kind]
        if symbol not in field.SYMBOLS and not (symbol == "!=" and "==" in field.SYMBOLS):
            raise self.fail(node, f"{symbol} is not available: {field.accepts()}")
        built = compare(field, value)
        assert isinstance(built, Filter)
        return built

    def call(self, node: ast.Call) -> Filter:
        func = node.func
        if not isinstance(func, ast.Attribute):
            raise self.fail(node, f"only operator methods can be called, e.g. {_T}.{_CALL}('x')")
        field = self.field(func.value)
        if func.attr not in field.METHODS:
            raise self.fail(node, f"no operator {func.attr!r}: {field.accepts()}")
        if node.keywords:
            raise self.fail(node, "operator methods take positional arguments only")
        args = [self.literals(a) if func.attr == "is_in" else self.literal(a) for a in node.args]
        return self.method(node, field, func.attr, args)

    def method(self, node: ast.AST, field: Field, name: str, args: list[Any]) -> Filter:
        try:
            result = getattr(field, name)(*args)
        except TypeError as exc:  # wrong number of arguments
            raise self.fail(node, str(exc)) from None
        assert isinstance(result, Filter)
        return result


def _text(field: Field) -> str:
    return repr(field).removeprefix("F.")


def _unknown_field(name: str) -> str:
    import difflib

    close = difflib.get_close_matches(name, list(BY_PYTHON_NAME), n=3) if len(name) < 100 else []
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    return f"unknown field {_clip(name)}{hint}"


def _clip(text: str) -> str:
    return repr(text) if len(text) <= 80 else repr(text[:77]) + "..."
