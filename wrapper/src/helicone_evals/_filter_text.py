"""The text forms of a filter: ``str()`` (read back by ``F.parse``) and ``repr()``.

See the module docstring of ``helicone_evals._filters`` for the text language. Rendering is
iterative, so trees of any depth render.
"""

from __future__ import annotations

from collections.abc import Callable

from ._filter_expr import ALL, Filter, Junction, Leaf
from ._filter_schema import MAP, NULL, TEXT, py_name

__all__ = ["render_repr", "render_text"]

_SYMBOLS = {"equals": "==", "not-equals": "!=", "gt": ">", "gte": ">=", "lt": "<", "lte": "<="}


def _field_name(leaf: Leaf) -> str:
    name = leaf.field.replace("-", "_")
    return name if leaf.key is None else f"{name}[{leaf.key!r}]"


def _leaf_text(leaf: Leaf) -> str:
    name = _field_name(leaf)
    if leaf.value == NULL and leaf.kind in (TEXT, MAP) and leaf.op in ("equals", "not-equals"):
        return f"{name}.is_null()" if leaf.op == "equals" else f"{name}.is_not_null()"
    symbol = _SYMBOLS.get(leaf.op)
    if symbol is not None:
        return f"{name} {symbol} {leaf.value!r}"
    return f"{name}.{py_name(leaf.op)}({leaf.value!r})"


def _leaf_repr(leaf: Leaf) -> str:
    name = f"F.{_field_name(leaf)}"
    if leaf.value == NULL and leaf.kind in (TEXT, MAP) and leaf.op in ("equals", "not-equals"):
        return f"{name}.is_null()" if leaf.op == "equals" else f"{name}.is_not_null()"
    return f"{name}.{py_name(leaf.op)}({leaf.value!r})"


def _render(root: Filter, leaf: Callable[[Leaf], str], ops: dict[str, str], all_: str) -> str:
    if root is ALL:
        return all_
    pieces: list[str] = []
    stack: list[Filter | str] = [root]
    while stack:  # a flat token stream, joined once: linear even for a 10,000-deep tree
        item = stack.pop()
        if isinstance(item, str):
            pieces.append(item)
        elif isinstance(item, Leaf):
            pieces.append(leaf(item))
        elif isinstance(item, Junction):
            sep = ops[item.op]
            seq: list[Filter | str] = []
            for i, term in enumerate(item.terms):
                if i:
                    seq.append(sep)
                # Parentheses around every nested junction: clearer than relying on precedence.
                seq.extend(("(", term, ")") if isinstance(term, Junction) else (term,))
            stack.extend(reversed(seq))
    return "".join(pieces)


def render_text(root: Filter) -> str:
    """``model == 'gpt-4o' and (cost > 0.01 or cached == True)``."""
    return _render(root, _leaf_text, {"and": " and ", "or": " or "}, "all")


def render_repr(root: Filter) -> str:
    """``F.model.equals('gpt-4o') & (F.cost.gt(0.01) | F.cached.equals(True))``."""
    return _render(root, _leaf_repr, {"and": " & ", "or": " | "}, "F.all")
