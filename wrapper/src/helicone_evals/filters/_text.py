"""The text of one leaf, in ``str()`` form (read back by ``F.parse``) and ``repr()`` form.

The tree's walk lives with the tree (``_expr``); this module only words leaves, from the
generated table: an operator with a Python comparison is written with it
(``cost > 0.01``), any other as a method call (``model.like('gpt%')``), and the server's
``"null"`` sentinel as ``is_null()``/``is_not_null()`` where the field offers them.
"""

from __future__ import annotations

from ._table import BY_WIRE, METHODS, OPS, leaf_kind
from ._values import NULL, Value

__all__ = ["field_text", "leaf_repr", "leaf_text"]

LeafTuple = tuple[str, str | None, str, Value]


def field_text(wire: str, key: str | None) -> str:
    """``model``, ``helicone_score_feedback``, ``properties['env']``."""
    name = BY_WIRE[wire].python
    return name if key is None else f"{name}[{key!r}]"


def _null_method(kind: str, op: str, value: Value) -> str | None:
    if value != NULL or "is_null" not in METHODS.get(kind, ()):
        return None
    symbol = OPS[kind, op].symbol
    return "is_null" if symbol == "==" else "is_not_null" if symbol == "!=" else None


def leaf_text(t: LeafTuple) -> str:
    """``model == 'gpt-4o'``, ``model.like('gpt%')``, ``user_id.is_null()``."""
    wire, key, op, value = t
    name = field_text(wire, key)
    kind = leaf_kind(wire)
    null = _null_method(kind, op, value)
    if null is not None:
        return f"{name}.{null}()"
    spec = OPS[kind, op]
    if spec.symbol is not None:
        return f"{name} {spec.symbol} {value!r}"
    return f"{name}.{spec.method}({value!r})"


def leaf_repr(t: LeafTuple) -> str:
    """``F.model.equals('gpt-4o')``: the builder call that makes the leaf."""
    wire, key, op, value = t
    name = f"F.{field_text(wire, key)}"
    kind = leaf_kind(wire)
    null = _null_method(kind, op, value)
    if null is not None:
        return f"{name}.{null}()"
    return f"{name}.{OPS[kind, op].method}({value!r})"
