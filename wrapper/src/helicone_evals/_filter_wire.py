"""``Filter.from_dict``: the wire JSON of a filter, read strictly and iteratively.

Errors name the JSON path of the problem (``$.left.request_response_rmt.cost.gt``). Paths are
kept as parent links and only spelled out on error, so a 10,000-deep tree stays linear.
"""

from __future__ import annotations

import difflib
import re
from functools import partial
from typing import Any

from ._exceptions import FilterError
from ._filter_expr import ALL, Filter, Leaf, all_of, any_of
from ._filter_schema import FIELDS, MAP, OPERATORS, PROPERTY_KEY, check_value, kind_name

__all__ = ["parse_wire"]

# A path is (parent, segment) or None for the root "$".
_Path = tuple[Any, object] | None
_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")
_BRANCH_KEYS = frozenset({"left", "operator", "right"})


def _spell(path: _Path) -> str:
    segments: list[str] = []
    while path is not None:
        path, key = path
        text = str(key)
        segments.append(f".{text}" if _IDENT.match(text) else f"[{text!r}]")
    return "$" + "".join(reversed(segments))


def _child(path: _Path, key: object) -> _Path:
    return (path, key)


def _fail(path: _Path, message: str) -> FilterError:
    return FilterError(f"{_spell(path)}: {message}")


def _suggest(name: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(name, choices, n=3)
    return f"; did you mean {', '.join(map(repr, close))}?" if close else ""


def _branch_op(obj: object, path: _Path) -> str | None:
    """``"and"``/``"or"`` if ``obj`` is a (valid) branch, None if it is something else."""
    if not isinstance(obj, dict) or not (_BRANCH_KEYS & obj.keys()):
        return None
    extra = sorted(map(str, obj.keys() - _BRANCH_KEYS))
    if extra:
        raise _fail(path, f"a branch takes only left, operator and right, not {extra}")
    missing = sorted(_BRANCH_KEYS - obj.keys())
    if missing:
        raise _fail(path, f"a branch needs left, operator and right; {missing} missing")
    op = obj["operator"]
    if op not in ("and", "or") or not isinstance(op, str):
        raise _fail(_child(path, "operator"), f"expected 'and' or 'or', got {op!r}")
    return op


def parse_wire(root: object) -> Filter:
    """The Filter for a wire-format filter; see ``Filter.from_dict``."""
    results: list[Filter] = []
    # Tasks: ("node", obj, path) parses obj; ("join", op, n) combines the last n results.
    tasks: list[tuple[str, Any, Any]] = [("node", root, None)]
    while tasks:
        task, a, b = tasks.pop()
        if task == "join":
            n: int = b
            terms = results[-n:]
            del results[-n:]
            results.append(_join(a, terms))
            continue
        obj, path = a, b
        op = _branch_op(obj, path)
        if op is None:
            results.append(_parse_leaf(obj, path))
            continue
        # Gather the operands of the whole same-operator subtree at once (in order), so a long
        # chain becomes one flat junction in linear time.
        operands: list[tuple[object, _Path]] = []
        walk: list[tuple[object, _Path]] = [(obj, path)]
        while walk:
            o, p = walk.pop()
            if o is obj or _branch_op(o, p) == op:
                assert isinstance(o, dict)
                walk.append((o["right"], _child(p, "right")))
                walk.append((o["left"], _child(p, "left")))
            else:
                operands.append((o, p))
        tasks.append(("join", op, len(operands)))
        tasks.extend(("node", o, p) for o, p in reversed(operands))
    return results[0]


def _join(op: str, terms: list[Filter]) -> Filter:
    return all_of(*terms) if op == "and" else any_of(*terms)


def _parse_leaf(obj: object, path: _Path) -> Filter:
    if obj == "all":
        return ALL
    if not isinstance(obj, dict):
        got = f"the string {obj!r}" if isinstance(obj, str) else type(obj).__name__
        hint = " (to read a text expression, use F.parse)" if isinstance(obj, str) else ""
        raise _fail(
            path,
            f"expected 'all', a leaf {{'request_response_rmt': ...}} or a branch "
            f"{{'left', 'operator', 'right'}}, got {got}{hint}",
        )
    if not obj:
        return ALL  # the server reads a leaf without a table as `true`
    extra = sorted(map(str, obj.keys() - {"request_response_rmt"}))
    if extra:
        raise _fail(path, f"a leaf takes only 'request_response_rmt', not {extra}")
    path = _child(path, "request_response_rmt")
    fields = obj["request_response_rmt"]
    if not isinstance(fields, dict) or not fields:
        raise _fail(path, f"expected an object with one field, got {_short(fields)}")
    leaves: list[Filter] = []
    for field, body in fields.items():
        fpath = _child(path, field)
        kind = FIELDS.get(field) if isinstance(field, str) else None
        if kind is None:
            raise _fail(fpath, f"unknown field {field!r}{_suggest(str(field), list(FIELDS))}")
        if kind == MAP:
            if not isinstance(body, dict) or not body:
                raise _fail(
                    fpath, f"expected {{'<key>': {{'<operator>': value}}}}, got {_short(body)}"
                )
            for key, ops in body.items():
                if not isinstance(key, str):
                    raise _fail(fpath, f"map keys must be strings, got {key!r}")
                leaves.extend(_parse_ops(field, MAP, key, ops, _child(fpath, key)))
        else:
            leaves.extend(_parse_ops(field, kind, None, body, fpath))
    return all_of(*leaves)


def _parse_ops(field: str, kind: str, key: str | None, ops: object, path: _Path) -> list[Leaf]:
    allowed = OPERATORS[kind]
    if not isinstance(ops, dict) or not ops:
        raise _fail(
            path, f"expected {{'<operator>': value}} with one of {list(allowed)}, got {_short(ops)}"
        )
    leaves = []
    for op, value in ops.items():
        opath = _child(path, op)
        if op not in allowed:
            where = "property_key" if kind == PROPERTY_KEY else f"{field!r} ({kind_name(kind)})"
            raise _fail(
                opath, f"unknown operator {op!r} for {where}; expected one of {list(allowed)}"
            )
        leaves.append(Leaf(field, key, op, check_value(kind, op, value, partial(_spell, opath))))
    return leaves


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
