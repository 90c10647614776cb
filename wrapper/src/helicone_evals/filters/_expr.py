"""The filter expression tree: ``Filter`` and its three node types, and its wire form.

A filter is one of ``F.all`` (match everything), a ``Leaf`` (one field, one operator, one
value) or a ``Junction`` (the AND or OR of two or more filters). Nodes are immutable and
compare structurally. Every walk over the tree is iterative, so trees of any depth work.

This module sits below the field classes and the builder, and above the table, the value
checks, the leaf wording (``_text``) and the wire reader (``_wire``), which it hands its own
constructors: the package has no import cycle.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, Final, NoReturn

from .._exceptions import FilterError
from ._table import BY_SYMBOL, EXAMPLE_COMPARISONS, KINDS, LEAF_TABLE, OPS, kind_phrase, leaf_kind
from ._text import leaf_repr, leaf_text
from ._values import Value
from ._wire import parse_wire

__all__ = [
    "ALL",
    "FieldMarker",
    "Filter",
    "Junction",
    "Leaf",
    "all_of",
    "any_of",
    "walk_postorder",
]

_BOOL_HINT = (
    "a Filter has no truth value: combine filters with & (and), | (or) and ~ (not) instead "
    f"of `and`, `or`, `not`, and parenthesize comparisons, e.g. {EXAMPLE_COMPARISONS}"
)


class FieldMarker:
    """Base of the field classes (``F.model``): lets a misuse of a field as a filter be named."""

    __slots__ = ()


class Filter:
    """An immutable filter expression for the score-distributions query.

    Build one from ``F`` (``F.model.equals("gpt-4o") & F.cost.gt(0.01)``), from the wire JSON
    (``Filter.from_dict``) or from its text form (``F.parse``). Combine with ``&``, ``|`` and
    ``~``. Filters compare structurally with ``==``, are hashable, and have no truth value.

    SQL NULL: a row whose field is NULL (or, for ``scores['k']``, has no such score) matches
    neither a condition nor its negation: ``F.user_id.equals("u1")`` and
    ``~F.user_id.equals("u1")`` both leave it out. Test for it with ``is_null()``.
    """

    # The encoded wire JSON, filled on first use: filters are immutable, so a filter reused
    # across queries is encoded once.
    __slots__ = ("_json",)
    _json: str

    if not TYPE_CHECKING:  # hidden from mypy, which then flags assignments statically too

        def __setattr__(self, name: str, value: object) -> NoReturn:
            raise AttributeError(f"Filter objects are immutable; cannot set {name!r}")

        def __delattr__(self, name: str) -> NoReturn:
            raise AttributeError(f"Filter objects are immutable; cannot delete {name!r}")

    # -- combining -----------------------------------------------------------------------

    def __and__(self, other: Filter) -> Filter:
        """Both filters match. ``F.all & x`` is ``x``."""
        return all_of(self, _operand(other, "&"))

    def __rand__(self, other: object) -> Filter:
        return all_of(_operand(other, "&"), self)

    def __or__(self, other: Filter) -> Filter:
        """Either filter matches. ``F.all | x`` is ``F.all``."""
        return any_of(self, _operand(other, "|"))

    def __ror__(self, other: object) -> Filter:
        return any_of(_operand(other, "|"), self)

    def __invert__(self) -> Filter:
        """The negation, pushed down to the leaves with De Morgan's laws.

        ``~(a & b)`` is ``~a | ~b``; a leaf flips to its complementary operator (equals <->
        not_equals, contains <-> not_contains, gt <-> lte, gte <-> lt, a boolean equals flips
        its value, is_null <-> is_not_null). Rows where the field is NULL match neither a leaf
        nor its negation. Raises FilterError for an operator without a complement in the API
        (like, ilike, a timestamp equals, property_key) and for ``~F.all``.
        """
        return _negate(self)

    # -- the wire form -------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any] | str:
        """The JSON the endpoint takes as ``filter``: a new object on every call.

        ``"all"`` for ``F.all``; ``{"request_response_rmt": {field: {op: value}}}`` for a leaf;
        ``{"left": ..., "operator": "and"|"or", "right": ...}`` for a junction, whose terms are
        laid out as a balanced binary tree (10,000 terms nest only 14 deep).
        """
        return _to_wire(self)

    def _wire_json(self) -> str:
        """``to_dict()`` as compact JSON text, encoded once per filter object."""
        try:
            return self._json
        except AttributeError:
            pass
        try:
            text = json.dumps(
                self.to_dict(), separators=(",", ":"), ensure_ascii=False, allow_nan=False
            )
        except RecursionError:
            raise FilterError(
                "filter: this tree nests too deeply to encode as JSON (alternating AND/OR "
                "thousands of levels deep); F.all_of/F.any_of keep long conjunctions shallow"
            ) from None
        object.__setattr__(self, "_json", text)
        return text

    @classmethod
    def from_dict(cls, obj: object) -> Filter:
        """Read the wire JSON of a filter (as ``json.loads`` returns it) strictly.

        Raises FilterError naming the JSON path (``$.left.request_response_rmt.cost``) of an
        unknown field or operator, a value of the wrong type, or a branch that is not
        ``{"left", "operator": "and"|"or", "right"}``. A leaf with several fields or operators
        becomes the AND of one-operator leaves (the server itself would silently use only the
        first). ``{}`` (a leaf without field) matches everything, as on the server.
        """
        return parse_wire(obj, leaf=Leaf, join=_join, all_=ALL)

    # -- text forms, equality ------------------------------------------------------------

    def __str__(self) -> str:
        """The text form, which ``F.parse`` reads back: ``model == 'gpt-4o' and cost > 0.01``."""
        return _render(self, leaf_text, {"and": " and ", "or": " or "}, "all")

    def __repr__(self) -> str:
        """The ``F`` expression that builds this filter."""
        return _render(self, leaf_repr, {"and": " & ", "or": " | "}, "F.all")

    def __bool__(self) -> NoReturn:
        raise FilterError(_BOOL_HINT)

    def __eq__(self, other: object) -> bool:
        if self is other:
            return True
        if not isinstance(other, Filter):
            return False
        return _equal(self, other)

    def __ne__(self, other: object) -> bool:
        return not self.__eq__(other)

    def __hash__(self) -> int:
        raise NotImplementedError  # pragma: no cover  (every node type defines it)

    def __reduce__(self) -> tuple[Callable[[object], Filter], tuple[object]]:
        return (Filter.from_dict, (self.to_dict(),))

    def __copy__(self) -> Filter:
        return self

    def __deepcopy__(self, memo: object) -> Filter:
        return self


class _All(Filter):
    """``F.all``: matches every row in the time window. The identity of ``&``."""

    __slots__ = ()
    _instance: _All | None = None

    def __new__(cls) -> _All:
        if cls._instance is None:
            cls._instance = object.__new__(cls)
        return cls._instance

    def __hash__(self) -> int:
        return hash("helicone_evals.F.all")

    def __reduce__(self) -> tuple[Callable[[], _All], tuple[()]]:  # type: ignore[override]
        return (_All, ())


ALL: Final[Filter] = _All()


class Leaf(Filter):
    """One condition: ``field`` (wire name), ``key`` (for map fields), ``op`` (wire name)."""

    __slots__ = ("_t",)
    _t: tuple[str, str | None, str, Value]

    def __init__(self, field: str, key: str | None, op: str, value: Value) -> None:
        # Callers have checked field, op and value (see _values.check).
        object.__setattr__(self, "_t", (field, key, op, value))

    def __hash__(self) -> int:
        return hash(self._t)

    @property
    def field(self) -> str:
        return self._t[0]

    @property
    def key(self) -> str | None:
        return self._t[1]

    @property
    def op(self) -> str:
        return self._t[2]

    @property
    def value(self) -> Value:
        return self._t[3]

    @property
    def kind(self) -> str:
        """The kind of the leaf's field (a map field's item kind): a key of the table's KINDS."""
        return leaf_kind(self._t[0])

    def wire(self) -> dict[str, Any]:
        field, key, op, value = self._t
        ops = {op: value}
        return {LEAF_TABLE: {field: ops if key is None else {key: ops}}}

    def describe(self) -> str:
        """``F.model.like('gpt%')``, for error messages."""
        return leaf_repr(self._t)


# Building a 10,000-term filter makes 10,000 leaves: the field classes make them as
# `new_node(Leaf)` + `set_leaf_parts(leaf, parts)` (two C calls), the same object that
# `Leaf(...)` makes through its Python-level __init__ at twice the cost.
new_node: Final = object.__new__
_LEAF_SLOT: Final[Any] = Leaf.__dict__["_t"]
set_leaf_parts: Final[Callable[[Leaf, tuple[str, str | None, str, Value]], None]] = (
    _LEAF_SLOT.__set__
)


class Junction(Filter):
    """The AND (``op == "and"``) or OR of two or more terms, none itself a same-op junction.

    ``a & b`` costs O(1): the new node keeps its two parts and flattens them into ``terms``
    on first use, so a long chain built with ``&`` in a loop stays linear.
    """

    __slots__ = ("_hash", "_parts", "_terms", "op")
    op: str
    _hash: int | None
    _parts: tuple[Filter, ...]
    _terms: tuple[Filter, ...] | None

    def __init__(self, op: str, parts: tuple[Filter, ...], *, flat: bool = False) -> None:
        setattr_ = object.__setattr__
        setattr_(self, "op", op)
        setattr_(self, "_parts", parts)
        setattr_(self, "_terms", parts if flat else None)
        setattr_(self, "_hash", None)

    def __hash__(self) -> int:
        h = self._hash
        if h is None:
            h = _compute_hashes(self)
        return h

    @property
    def terms(self) -> tuple[Filter, ...]:
        """The operands, with nested junctions of the same operator spliced in, in order."""
        terms = self._terms
        if terms is None:
            out: list[Filter] = []
            stack: list[Filter] = list(reversed(self._parts))
            op = self.op
            while stack:
                node = stack.pop()
                if isinstance(node, Junction) and node.op == op:
                    if node._terms is not None:
                        out.extend(node._terms)
                    else:
                        stack.extend(reversed(node._parts))
                else:
                    out.append(node)
            terms = tuple(out)
            object.__setattr__(self, "_terms", terms)
        return terms


def all_of(*filters: Filter) -> Filter:
    """The AND of ``filters``; ``F.all`` terms drop out, and no terms at all give ``F.all``."""
    if len(filters) == 2:  # `a & b`: O(1), flattened later (keeps a loop of `&` linear)
        a, b = filters
        return b if a is ALL else a if b is ALL else Junction("and", filters)
    terms: list[Filter] = []
    for f in filters:  # many terms at once: flatten now, in one pass
        if type(f) is Junction and f.op == "and":
            terms.extend(f.terms)
        elif f is not ALL:
            terms.append(f)
    if len(terms) <= 1:
        return terms[0] if terms else ALL
    return Junction("and", tuple(terms), flat=True)


def any_of(*filters: Filter) -> Filter:
    """The OR of ``filters`` (at least one); an ``F.all`` term makes the whole ``F.all``."""
    if not filters:
        raise FilterError(
            "F.any_of() needs at least one filter: an OR of nothing would match no row, "
            "and the API has no match-nothing filter"
        )
    if len(filters) == 2:
        a, b = filters
        return ALL if a is ALL or b is ALL else Junction("or", filters)
    terms: list[Filter] = []
    for f in filters:
        if f is ALL:
            return ALL
        if type(f) is Junction and f.op == "or":
            terms.extend(f.terms)
        else:
            terms.append(f)
    return terms[0] if len(terms) == 1 else Junction("or", tuple(terms), flat=True)


def _join(op: str, terms: list[Filter]) -> Filter:
    return all_of(*terms) if op == "and" else any_of(*terms)


def _operand(other: object, symbol: str) -> Filter:
    if isinstance(other, Filter):
        return other
    if isinstance(other, FieldMarker):
        raise FilterError(
            f"{other!r} is a field, not a filter: give it an operator, e.g. {other!r} == ..."
        )
    raise FilterError(
        f"cannot combine {type(other).__name__} {other!r} with a Filter using {symbol}; "
        f"if you wrote a comparison, parenthesize it: {EXAMPLE_COMPARISONS}"
    )


def walk_postorder(root: Filter) -> Iterator[Filter]:
    """Every node under ``root`` (duplicates included), children before their parent."""
    stack: list[tuple[Filter, bool]] = [(root, False)]
    while stack:
        node, expanded = stack.pop()
        if expanded or not isinstance(node, Junction):
            yield node
        else:
            stack.append((node, True))
            stack.extend((t, False) for t in reversed(node.terms))


def _compute_hashes(root: Junction) -> int:
    # Children first, so hash() of a term is a cached value or a leaf's tuple hash.
    for node in walk_postorder(root):
        if isinstance(node, Junction) and node._hash is None:
            object.__setattr__(node, "_hash", hash((node.op, *map(hash, node.terms))))
    return hash(root)


def _equal(a: Filter, b: Filter) -> bool:
    if hash(a) != hash(b):  # this fills every junction's cached hash, which the loop uses
        return False
    stack: list[tuple[Filter, Filter]] = [(a, b)]
    while stack:
        x, y = stack.pop()
        if x is y:
            continue
        if type(x) is not type(y):
            return False
        if isinstance(x, Leaf):
            assert isinstance(y, Leaf)
            if x._t != y._t:
                return False
        elif isinstance(x, Junction):
            assert isinstance(y, Junction)
            if x._hash != y._hash or x.op != y.op or len(x.terms) != len(y.terms):
                return False
            stack.extend(zip(x.terms, y.terms, strict=True))
    return True


def _negate(root: Filter) -> Filter:
    if root is ALL:
        raise FilterError(
            "~F.all has no wire form: the API has no filter that matches nothing; "
            "drop the query instead"
        )
    done: dict[int, Filter] = {}
    for node in walk_postorder(root):
        if id(node) in done:
            continue
        if isinstance(node, Leaf):
            done[id(node)] = _negate_leaf(node)
        elif isinstance(node, Junction):
            flipped = "or" if node.op == "and" else "and"
            # The terms of an AND are never ANDs, so their negations are never ORs: the
            # negated OR needs no flattening (and likewise the other way round).
            terms = tuple(done[id(t)] for t in node.terms)
            done[id(node)] = Junction(flipped, terms, flat=True)
    return done[id(root)]


def _negate_leaf(leaf: Leaf) -> Leaf:
    field, key, op, value = leaf._t
    kind = leaf_kind(field)
    spec = OPS[kind, op]
    if spec.value_type == "boolean" and isinstance(value, bool):
        return Leaf(field, key, op, not value)
    if spec.complement is None:
        raise FilterError(
            f"cannot negate {leaf.describe()}: {spec.method!r} on {kind_phrase(kind)} has no "
            f"complement in the API ({_no_complement_hint(kind, spec.symbol)})"
        )
    # The "null" sentinel carries over: not-equals "null" (IS NOT NULL) complements IS NULL.
    return Leaf(field, key, spec.complement, value)


def _no_complement_hint(kind: str, symbol: str | None) -> str:
    if symbol == "==" and (kind, "<") in BY_SYMBOL and (kind, ">") in BY_SYMBOL:
        return "write (field < t) | (field > t) instead"
    if len(KINDS[kind].operators) == 1:
        return f"{kind_phrase(kind)} has only {KINDS[kind].operators[0].method!r}"
    return "no operator matches exactly the rows it rejects"


def _to_wire(root: Filter) -> dict[str, Any] | str:
    if root is ALL:
        return "all"
    if isinstance(root, Leaf):
        return root.wire()
    assert isinstance(root, Junction)
    done: dict[int, Any] = {}
    table = LEAF_TABLE
    stack: list[tuple[Junction, bool]] = [(root, False)]
    while stack:  # junctions only, children first; leaves are written inline (the hot path)
        node, expanded = stack.pop()
        if not expanded:
            stack.append((node, True))
            stack.extend((t, False) for t in node.terms if isinstance(t, Junction))
            continue
        items: list[Any] = []
        append = items.append
        for t in node.terms:
            if type(t) is Leaf:
                field, key, op, value = t._t
                ops = {op: value}
                append({table: {field: ops if key is None else {key: ops}}})
            else:
                append(done[id(t)])
        done[id(node)] = _balanced(items, node.op)
    return done[id(root)]  # type: ignore[no-any-return]


def _balanced(items: list[Any], op: str) -> Any:
    # Pair neighbours level by level: order is kept, depth is ceil(log2(n)).
    while len(items) > 1:
        paired = [
            {"left": items[i], "operator": op, "right": items[i + 1]}
            for i in range(0, len(items) - 1, 2)
        ]
        if len(items) % 2:
            paired.append(items[-1])
        items = paired
    return items[0]


def _render(
    root: Filter,
    leaf: Callable[[tuple[str, str | None, str, Value]], str],
    ops: dict[str, str],
    all_: str,
) -> str:
    if root is ALL:
        return all_
    pieces: list[str] = []
    stack: list[Filter | str] = [root]
    while stack:  # a flat token stream, joined once: linear even for a 10,000-deep tree
        item = stack.pop()
        if isinstance(item, str):
            pieces.append(item)
        elif isinstance(item, Leaf):
            pieces.append(leaf(item._t))
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
