"""The field classes behind ``F``: each offers exactly its kind's API operators.

The operator methods come from the generated mixins (``TextOperators`` ...), one typed method
per operator of the spec; these classes supply what the mixins call: ``_apply`` (check the
value, make the leaf) and the conveniences ``_null``, ``_is_in`` and ``_between``. A field the
spec adds appears here with no edit; an operator it removes disappears from the class (and
from what mypy sees).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import TYPE_CHECKING, ClassVar, Final, NoReturn

from helicone_evals_generated.filter_fields import (
    BooleanOperators,
    NumberOperators,
    PropertyKeyOperators,
    TextOperators,
    TimestampOperators,
)

from .._exceptions import FilterError
from ._expr import FieldMarker, Filter, Leaf, all_of, any_of, new_node, set_leaf_parts
from ._table import (
    BY_SYMBOL,
    FIELDS,
    INT32_RANGE,
    KINDS,
    MAP,
    OPS,
    VALUE_SCALE,
    FieldSpec,
    kind_phrase,
)
from ._values import NULL, Value, check, check_text, describe

__all__ = [
    "BY_NAME",
    "BY_PYTHON_NAME",
    "BooleanField",
    "Field",
    "MapField",
    "NumberField",
    "PropertyKeyField",
    "TextField",
    "TimestampField",
    "UnknownNameError",
    "make_field",
]


_LOW, _HIGH = INT32_RANGE


def _never(value: object) -> bool:
    return False


# Values valid as they are, per value type: checked with no call into _values.
_FAST: Final[dict[str, Callable[[object], bool]]] = {
    "string": lambda v: type(v) is str and v.isascii(),
    "boolean": lambda v: type(v) is bool,
    "number": lambda v: type(v) is int and _LOW <= v <= _HIGH,
}


def _scaled_fast(scale: int) -> Callable[[object], bool]:
    # floor(v * scale) is within Int32 exactly when v * scale is in [LOW, HIGH + 1).
    low, high = _LOW, _HIGH + 1

    def fast(v: object) -> bool:
        return (type(v) is float or type(v) is int) and low <= v * scale < high

    return fast


class UnknownNameError(FilterError, AttributeError):
    """No such field or operator (an AttributeError too, so ``hasattr`` keeps working)."""


class Field(FieldMarker):
    """A field of a filter leaf (or, for a map, the value under one key); its operator methods
    build one-leaf filters."""

    __slots__ = ("_ascii", "_fast", "_key", "_kind", "_scale", "_wire")
    KIND: ClassVar[str]
    METHODS: ClassVar[tuple[str, ...]] = ()
    SYMBOLS: ClassVar[tuple[str, ...]] = ()
    _wire: str
    _key: str | None
    _kind: str
    _scale: int | None
    _fast: Callable[[object], bool]
    _ascii: bool  # ASCII str values are valid as they are (text fields)

    def __init__(self, wire: str, key: str | None = None) -> None:
        setattr_ = object.__setattr__
        setattr_(self, "_wire", wire)
        setattr_(self, "_key", key)
        setattr_(self, "_kind", self.KIND)
        scale = VALUE_SCALE.get(wire)
        setattr_(self, "_scale", scale)
        value_types = {op.value_type for op in KINDS[self.KIND].operators}
        value_type = value_types.pop() if len(value_types) == 1 else None
        fast = _FAST.get(value_type) if value_type is not None else None
        if scale is not None:
            fast = _scaled_fast(scale) if value_type == "number" else None
        setattr_(self, "_fast", fast or _never)
        setattr_(self, "_ascii", fast is _FAST["string"])

    if not TYPE_CHECKING:

        def __setattr__(self, name: str, value: object) -> NoReturn:
            raise AttributeError(f"{self!r} is read-only")

        # Comparisons the kind lacks fail with the field's menu, not Python's TypeError; hidden
        # from mypy, which then reports them as type errors.
        def __eq__(self, other: object) -> NoReturn:
            raise FilterError(f"{self!r} == ... is not available: {self.accepts()}")

        def __lt__(self, other: object) -> NoReturn:
            raise FilterError(f"{self!r} < ... is not available: {self.accepts()}")

        def __le__(self, other: object) -> NoReturn:
            raise FilterError(f"{self!r} <= ... is not available: {self.accepts()}")

        def __gt__(self, other: object) -> NoReturn:
            raise FilterError(f"{self!r} > ... is not available: {self.accepts()}")

        def __ge__(self, other: object) -> NoReturn:
            raise FilterError(f"{self!r} >= ... is not available: {self.accepts()}")

        def __ne__(self, other: object) -> NoReturn:
            raise FilterError(f"{self!r} != ... is not available: {self.accepts()}")

        def __getattr__(self, name: str) -> NoReturn:
            if name.startswith("_"):
                raise AttributeError(name)
            raise UnknownNameError(f"{self!r} has no operator {name!r}: {self.accepts()}")

    __hash__ = None  # type: ignore[assignment]

    def _negated(self, op: str, value: object) -> Filter:
        """``field != value`` for a kind without a not-equals: the negation of the leaf."""
        return ~self._apply(op, value)

    def _not_negatable(self, op: str) -> Exception:
        hint = ""
        if (self._kind, "<") in BY_SYMBOL and (self._kind, ">") in BY_SYMBOL:
            hint = f"; write ({self!r} < t) | ({self!r} > t)"
        return FilterError(
            f"{self!r} != ... has no wire form: {kind_phrase(self._kind)} has no operator for "
            f"!=, and the API cannot negate its {OPS[self._kind, op].method}{hint}"
        )

    @property
    def name(self) -> str:
        """The field's wire name, e.g. ``model`` or ``helicone-score-feedback``."""
        return self._wire

    @property
    def key(self) -> str | None:
        """The map key (``F.properties['env'].key == 'env'``), or None."""
        return self._key

    def __repr__(self) -> str:
        head = f"F.{self._wire.replace('-', '_')}"
        return head if self._key is None else f"{head}[{self._key!r}]"

    def accepts(self) -> str:
        """What this field takes, for error messages."""
        what = ", ".join(self.METHODS)
        if self.SYMBOLS:
            what += ", and " + ", ".join(self.SYMBOLS)
        return f"{self!r} is {kind_phrase(self._kind)}; it accepts {what}"

    def _what(self, op: str) -> Callable[[], str]:
        return lambda: f"{self!r}.{OPS[self._kind, op].method}()"

    def _apply(self, op: str, value: object) -> Filter:
        # The common cases skip the full check: text inline, the others through _fast.
        if (type(value) is str and self._ascii and value.isascii()) or self._fast(value):
            leaf = new_node(Leaf)
            set_leaf_parts(leaf, (self._wire, self._key, op, value))  # type: ignore[arg-type]
            return leaf
        spec = OPS[self._kind, op]
        checked = check(
            spec.value_type, value, self._what(op), scale=self._scale, symbol=spec.symbol
        )
        return Leaf(self._wire, self._key, op, checked)

    def _leaf(self, symbol: str, value: object) -> Leaf:
        leaf = self._apply(BY_SYMBOL[self._kind, symbol].wire, value)
        assert isinstance(leaf, Leaf)
        return leaf

    def _null(self, null: bool) -> Filter:
        return self._leaf("==" if null else "!=", NULL)

    def _is_in(self, values: Iterable[object]) -> Filter:
        if isinstance(values, str | bytes) or not isinstance(values, Iterable):
            raise FilterError(f"{self!r}.is_in() takes a list of values, got {describe(values)}")
        items = list(values)
        if not items:
            raise FilterError(
                f"{self!r}.is_in([]) would match no row, and the API has no match-nothing filter"
            )
        return any_of(*(self._leaf("==", v) for v in items))

    def _between(self, low: object, high: object) -> Filter:
        lo, hi = self._leaf(">=", low), self._leaf("<=", high)
        if _after(lo.value, hi.value):
            raise FilterError(
                f"{self!r}.between({describe(low)}, {describe(high)}): low is above high "
                "(between takes the low end first)"
            )
        return all_of(lo, hi)


def _after(a: Value, b: Value) -> bool:
    if isinstance(a, str) and isinstance(b, str):  # checked timestamps: UTC ISO strings
        return datetime.fromisoformat(a) > datetime.fromisoformat(b)
    return bool(a > b)  # type: ignore[operator]


class TextField(TextOperators[Filter], Field):
    """A text field: ``F.model``, ``F.properties['env']``."""

    __slots__ = ()

    def __eq__(self, other: str | None) -> Filter:  # type: ignore[override]
        """``F.model == 'gpt-4o'`` is ``equals``; ``== None`` is ``is_null()``."""
        return self._null(True) if other is None else super().__eq__(other)

    def __ne__(self, other: str | None) -> Filter:  # type: ignore[override]
        """``F.model != 'gpt-4o'`` is ``not_equals``; ``!= None`` is ``is_not_null()``."""
        return self._null(False) if other is None else super().__ne__(other)


class NumberField(NumberOperators[Filter], Field):
    """A number field: ``F.cost``, ``F.latency``. Values are int or float; bool, NaN,
    infinity and values the server would bind out of its Int32 range raise FilterError."""

    __slots__ = ()


class TimestampField(TimestampOperators[Filter], Field):
    """A timestamp field: values are timezone-aware datetimes or ISO-8601 strings with an
    offset (``Z``, ``+02:00``), sent as UTC ISO-8601. A naive time raises FilterError."""

    __slots__ = ()


class BooleanField(BooleanOperators[Filter], Field):
    """A boolean field: ``F.cached == True``; ``~`` flips the value."""

    __slots__ = ()


class PropertyKeyField(PropertyKeyOperators[Filter], Field):
    """``F.property_key.equals('env')``: rows that have the custom property ``env``."""

    __slots__ = ()


class MapField(FieldMarker):
    """A map of fields by key: ``F.properties['env']`` is the field for that key."""

    __slots__ = ("_item", "_wire")
    METHODS: ClassVar[tuple[str, ...]] = ()
    SYMBOLS: ClassVar[tuple[str, ...]] = ()
    _wire: str
    _item: type[Field]

    def __init__(self, wire: str, item: type[Field]) -> None:
        object.__setattr__(self, "_wire", wire)
        object.__setattr__(self, "_item", item)

    if not TYPE_CHECKING:

        def __setattr__(self, name: str, value: object) -> NoReturn:
            raise AttributeError(f"{self!r} is read-only")

        def __getattr__(self, name: str) -> NoReturn:
            if name.startswith("_"):
                raise AttributeError(name)
            raise UnknownNameError(f"{self!r} has no operator {name!r}: {self.accepts()}")

    @property
    def name(self) -> str:
        """The field's wire name, e.g. ``properties``."""
        return self._wire

    def __getitem__(self, key: str) -> Field:
        """The field for ``key``, e.g. ``F.properties['env'].equals('prod')``."""
        if not isinstance(key, str):
            raise FilterError(f"{self!r}[...] takes a string key, got {describe(key)}")
        check_text(key, lambda: f"{self!r}[...] key")
        return self._item(self._wire, key)

    def __repr__(self) -> str:
        return f"F.{self._wire.replace('-', '_')}"

    def accepts(self) -> str:
        """What this field takes, for error messages."""
        return (
            f"{self!r} is {kind_phrase(MAP, self._item.KIND)}; pick a key first, "
            f"e.g. {self!r}['name'] == 'value'"
        )


_CLASSES: Final[dict[str, type[Field]]] = {
    cls.KIND: cls
    for cls in (TextField, NumberField, TimestampField, BooleanField, PropertyKeyField)
}


def make_field(spec: FieldSpec) -> Field | MapField:
    """The field object for a row of the generated table."""
    if spec.kind == MAP:
        assert spec.item_kind is not None
        return MapField(spec.wire, _CLASSES[spec.item_kind])
    return _CLASSES[spec.kind](spec.wire)


BY_NAME: Final[dict[str, Field | MapField]] = {spec.wire: make_field(spec) for spec in FIELDS}
"""Every field of ``F`` by wire name (``helicone-score-feedback``) and by Python name."""
BY_NAME.update({spec.python: BY_NAME[spec.wire] for spec in FIELDS})
BY_PYTHON_NAME: Final[dict[str, Field | MapField]] = {
    spec.python: BY_NAME[spec.wire] for spec in FIELDS
}
