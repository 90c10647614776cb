"""Reading a filter's wire JSON strictly and iteratively (``Filter.from_dict``).

The reader does not know the tree's classes: the caller passes how to make a leaf, how to join
terms and what "all" is, so the tree module can call it without an import cycle. Errors name
the JSON path of the problem (``$.left.request_response_rmt.cost.gt``); paths are parent links,
spelled out only on error, so a 10,000-deep tree reads in linear time and any depth works.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial
from typing import Any, Final, TypeVar

from .._exceptions import FilterError
from ._table import BY_WIRE, KINDS, LEAF_TABLE, MAP, OPS, VALUE_SCALE, kind_phrase
from ._values import Value, check, check_text, describe

__all__ = ["parse_wire"]

T = TypeVar("T")
# A path is (parent, segment) or None for the root "$".
_Path = tuple[Any, object] | None
_IDENT: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
_BRANCH_KEYS: Final = frozenset({"left", "operator", "right"})
_LIST_AT_MOST: Final = 5  # names listed in a message; a hostile object can have 100,000


def _segment(key: object) -> str:
    if isinstance(key, str):
        if _IDENT.fullmatch(key):
            return f".{key}"
        return f"[{describe(key).partition(' ')[2]}]"
    return f"[<{describe(key)}>]"


def _spell(path: _Path) -> str:
    segments: list[str] = []
    while path is not None:
        path, key = path
        segments.append(_segment(key))
    return "$" + "".join(reversed(segments))


def _spell_key(path: _Path) -> str:
    return f"{_spell(path)} (a map key)"


def _fail(path: _Path, message: str) -> FilterError:
    return FilterError(f"{_spell(path)}: {message}")


def _names(keys: Any) -> str:
    shown = sorted(describe(k).partition(" ")[2] or describe(k) for k in list(keys)[:_LIST_AT_MOST])
    more = len(keys) - len(shown)
    return "[" + ", ".join(shown) + (f", and {more} more" if more > 0 else "") + "]"


def _suggest(name: object, choices: list[str]) -> str:
    if not isinstance(name, str) or len(name) > 100:
        return ""
    import difflib  # only on this error path: building filters never loads it

    close = difflib.get_close_matches(name, choices, n=3)
    return f"; did you mean {', '.join(map(repr, close))}?" if close else ""


def _branch_op(obj: object, path: _Path) -> str | None:
    """``"and"``/``"or"`` if ``obj`` is a (valid) branch, None if it is something else."""
    if type(obj) is not dict and not isinstance(obj, dict):
        return None
    if "operator" not in obj and "left" not in obj and "right" not in obj:
        return None
    if len(obj) != len(_BRANCH_KEYS) or not (obj.keys() >= _BRANCH_KEYS):
        extra = obj.keys() - _BRANCH_KEYS
        if extra:
            raise _fail(path, f"a branch takes only left, operator and right, not {_names(extra)}")
        missing = sorted(_BRANCH_KEYS - obj.keys())
        raise _fail(path, f"a branch needs left, operator and right; {missing} missing")
    op = obj["operator"]
    if not isinstance(op, str) or op not in ("and", "or"):
        raise _fail((path, "operator"), f"expected 'and' or 'or', got {_short(op)}")
    return op


def parse_wire(
    root: object,
    *,
    leaf: Callable[[str, str | None, str, Value], T],
    join: Callable[[str, list[T]], T],
    all_: T,
) -> T:
    """The tree for a wire-format filter: ``leaf(field, key, op, value)`` makes a checked leaf,
    ``join("and"|"or", terms)`` a junction, ``all_`` is the match-everything filter."""
    results: list[T] = []
    # Tasks: ("node", obj, path) reads obj; ("join", op, n) combines the last n results.
    tasks: list[tuple[str, Any, Any]] = [("node", root, None)]
    while tasks:
        task, a, b = tasks.pop()
        if task == "join":
            n: int = b
            terms = results[-n:]
            del results[-n:]
            results.append(join(a, terms))
            continue
        obj, path = a, b
        op = _branch_op(obj, path)
        if op is None:
            results.append(_read_leaf(obj, path, leaf, join, all_))
            continue
        # Gather the operands of the whole same-operator subtree at once (in order), so a long
        # chain becomes one flat junction in linear time.
        operands: list[tuple[object, _Path]] = []
        walk: list[tuple[object, _Path]] = [(obj, path)]
        while walk:
            o, p = walk.pop()
            if o is obj or _branch_op(o, p) == op:
                assert isinstance(o, dict)
                walk.append((o["right"], (p, "right")))
                walk.append((o["left"], (p, "left")))
            else:
                operands.append((o, p))
        tasks.append(("join", op, len(operands)))
        tasks.extend(("node", o, p) for o, p in reversed(operands))
    return results[0]


def _read_leaf(
    obj: object,
    path: _Path,
    leaf: Callable[[str, str | None, str, Value], T],
    join: Callable[[str, list[T]], T],
    all_: T,
) -> T:
    if obj == "all":
        return all_
    if not isinstance(obj, dict):
        got = f"the string {_short(obj)}" if isinstance(obj, str) else describe(obj)
        hint = " (to read a text expression, use F.parse)" if isinstance(obj, str) else ""
        raise _fail(
            path,
            f"expected 'all', a leaf {{{LEAF_TABLE!r}: ...}} or a branch "
            f"{{'left', 'operator', 'right'}}, got {got}{hint}",
        )
    if not obj:
        return all_  # the server reads a leaf without a table as `true`
    if len(obj) != 1 or LEAF_TABLE not in obj:
        raise _fail(
            path, f"a leaf takes only {LEAF_TABLE!r}, not {_names(obj.keys() - {LEAF_TABLE})}"
        )
    path = (path, LEAF_TABLE)
    fields = obj[LEAF_TABLE]
    if not isinstance(fields, dict) or not fields:
        raise _fail(path, f"expected an object with one field, got {_short(fields)}")
    leaves: list[T] = []
    for field, body in fields.items():
        fpath = (path, field)
        spec = BY_WIRE.get(field) if isinstance(field, str) else None
        if spec is None:
            raise _fail(fpath, f"unknown field {_short(field)}{_suggest(field, list(BY_WIRE))}")
        if spec.kind == MAP:
            if not isinstance(body, dict) or not body:
                raise _fail(
                    fpath, f"expected {{'<key>': {{'<operator>': value}}}}, got {_short(body)}"
                )
            for key, ops in body.items():
                kpath = (fpath, key)
                if not isinstance(key, str):
                    raise _fail(fpath, f"map keys must be strings, got {describe(key)}")
                check_text(key, partial(_spell_key, kpath))
                assert spec.item_kind is not None
                _read_ops(field, spec.item_kind, key, ops, kpath, leaf, leaves)
        else:
            _read_ops(field, spec.kind, None, body, fpath, leaf, leaves)
    return leaves[0] if len(leaves) == 1 else join("and", leaves)


def _read_ops(
    field: str,
    kind: str,
    key: str | None,
    ops: object,
    path: _Path,
    leaf: Callable[[str, str | None, str, Value], T],
    out: list[T],
) -> None:
    allowed = [op.wire for op in KINDS[kind].operators]
    if not isinstance(ops, dict) or not ops:
        raise _fail(
            path, f"expected {{'<operator>': value}} with one of {allowed}, got {_short(ops)}"
        )
    scale = VALUE_SCALE.get(field)
    for op, value in ops.items():
        opath = (path, op)
        spec = OPS.get((kind, op)) if isinstance(op, str) else None
        if spec is None:
            raise _fail(
                opath,
                f"unknown operator {_short(op)} for {field!r} ({kind_phrase(kind)}); "
                f"expected one of {allowed}",
            )
        checked = check(
            spec.value_type, value, partial(_spell, opath), scale=scale, symbol=spec.symbol
        )
        out.append(leaf(field, key, op, checked))


def _short(value: object) -> str:
    text = describe(value)
    return text.partition(" ")[2] if isinstance(value, str) else text
