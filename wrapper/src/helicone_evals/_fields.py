"""The typed fields behind ``F``: each field type offers exactly its API operators.

``F.model`` is a ``TextField``, ``F.cost`` a ``NumberField``, and so on; every operator method
checks its value and returns a one-leaf ``Filter``. Anything else raises ``FilterError`` naming
the field and what it accepts.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING, ClassVar, NoReturn

from ._exceptions import FilterError
from ._filter_expr import Filter, Leaf, all_of, any_of
from ._filter_schema import (
    BOOLEAN,
    MAP,
    NULL,
    NUMBER,
    PROPERTY_KEY,
    TEXT,
    TIMESTAMP,
    check_value,
    kind_name,
    py_name,
)
from ._times import to_datetime

__all__ = [
    "BooleanField",
    "Field",
    "MapField",
    "NumberField",
    "PropertyKeyField",
    "TextField",
    "TimestampField",
    "UnknownNameError",
]

Timestamp = datetime | str


class UnknownNameError(FilterError, AttributeError):
    """No such field or operator (an AttributeError too, so ``hasattr`` keeps working)."""


class Field:
    """A field of a filter leaf; its operator methods build filters."""

    __slots__ = ("_key", "_name")
    kind: ClassVar[str]
    # The operator methods and Python operators this field type offers (for errors and F.parse).
    methods: ClassVar[tuple[str, ...]]
    symbols: ClassVar[tuple[str, ...]] = ()
    # A value of exactly this type is valid as is (str for text, int for numbers, ...).
    plain: ClassVar[type | None] = None
    _name: str
    _key: str | None

    def __init__(self, name: str, key: str | None = None) -> None:
        object.__setattr__(self, "_name", name)
        object.__setattr__(self, "_key", key)

    if not TYPE_CHECKING:

        def __setattr__(self, name: str, value: object) -> NoReturn:
            raise AttributeError(f"{self!r} is read-only")

    @property
    def name(self) -> str:
        """The field's wire name, e.g. ``model`` or ``helicone-score-feedback``."""
        return self._name

    def __repr__(self) -> str:
        head = f"F.{self._name.replace('-', '_')}"
        return head if self._key is None else f"{head}[{self._key!r}]"

    def accepts(self) -> str:
        """What this field takes, for error messages."""
        what = ", ".join(self.methods)
        if self.symbols:
            what += ", and " + ", ".join(self.symbols)
        return f"{self!r} is {kind_name(self.kind)}; it accepts {what}"

    def _leaf(self, op: str, value: object) -> Leaf:
        if type(value) is not self.plain:  # the common case skips the full check
            value = check_value(self.kind, op, value, lambda: f"{self!r}.{py_name(op)}()")
        return Leaf(self._name, self._key, op, value)  # type: ignore[arg-type]

    def _is_in(self, values: Iterable[object]) -> Filter:
        if isinstance(values, str | bytes) or not isinstance(values, Iterable):
            raise FilterError(
                f"{self!r}.is_in() takes a list of values, got {type(values).__name__} {values!r}"
            )
        items = list(values)
        if not items:
            raise FilterError(
                f"{self!r}.is_in([]) would match no row, and the API has no match-nothing filter"
            )
        return any_of(*(self._leaf("equals", v) for v in items))

    if not TYPE_CHECKING:  # keep unknown operators a static error for mypy and IDEs

        def __getattr__(self, name: str) -> NoReturn:
            if name.startswith("_"):
                raise AttributeError(name)
            raise UnknownNameError(f"{self!r} has no operator {name!r}: {self.accepts()}")


class TextField(Field):
    """A text field: ``equals``, ``not_equals``, ``like``, ``ilike``, ``contains``,
    ``not_contains``, ``is_null``, ``is_not_null``, ``is_in``, ``==`` and ``!=``."""

    __slots__ = ()
    kind = TEXT
    plain = str
    methods = (
        "equals",
        "not_equals",
        "like",
        "ilike",
        "contains",
        "not_contains",
        "is_null",
        "is_not_null",
        "is_in",
    )
    symbols = ("==", "!=")

    def equals(self, value: str) -> Filter:
        """The field is exactly ``value`` (the string ``"null"`` means IS NULL on the server)."""
        return self._leaf("equals", value)

    def not_equals(self, value: str) -> Filter:
        """The field is not ``value``; NULL rows do not match."""
        return self._leaf("not-equals", value)

    def like(self, pattern: str) -> Filter:
        """SQL LIKE, case-sensitive: ``%`` is any run of characters, ``_`` one character.

        Has no negation in the API (``~`` raises).
        """
        return self._leaf("like", pattern)

    def ilike(self, pattern: str) -> Filter:
        """SQL ILIKE: LIKE ignoring case. Has no negation in the API (``~`` raises)."""
        return self._leaf("ilike", pattern)

    def contains(self, value: str) -> Filter:
        """The field contains ``value``, ignoring case.

        The server runs ``ILIKE '%' || value || '%'``, so ``%`` and ``_`` in ``value`` act as
        wildcards.
        """
        return self._leaf("contains", value)

    def not_contains(self, value: str) -> Filter:
        """The field does not contain ``value`` (ignoring case); NULL rows do not match."""
        return self._leaf("not-contains", value)

    def is_null(self) -> Filter:
        """The field is NULL (the server's ``equals "null"``)."""
        return self._leaf("equals", NULL)

    def is_not_null(self) -> Filter:
        """The field is not NULL (the server's ``not-equals "null"``)."""
        return self._leaf("not-equals", NULL)

    def is_in(self, values: Iterable[str]) -> Filter:
        """The field equals one of ``values`` (an OR of ``equals``); an empty list raises."""
        return self._is_in(values)

    def __eq__(self, other: str | None) -> Filter:  # type: ignore[override]
        """``F.model == 'gpt-4o'`` is ``equals``; ``== None`` is ``is_null()``."""
        return self.is_null() if other is None else self.equals(other)

    def __ne__(self, other: str | None) -> Filter:  # type: ignore[override]
        """``F.model != 'gpt-4o'`` is ``not_equals``; ``!= None`` is ``is_not_null()``."""
        return self.is_not_null() if other is None else self.not_equals(other)

    __hash__ = None  # type: ignore[assignment]


class NumberField(Field):
    """A number field: ``equals``, ``not_equals``, ``gt``, ``gte``, ``lt``, ``lte``,
    ``between``, ``is_in`` and ``==``, ``!=``, ``>``, ``>=``, ``<``, ``<=``.

    Values are int or float; bool, NaN and infinity raise FilterError.
    """

    __slots__ = ()
    kind = NUMBER
    plain = int
    methods = ("equals", "not_equals", "gt", "gte", "lt", "lte", "between", "is_in")
    symbols = ("==", "!=", ">", ">=", "<", "<=")

    def equals(self, value: float) -> Filter:
        """The field equals ``value``."""
        return self._leaf("equals", value)

    def not_equals(self, value: float) -> Filter:
        """The field differs from ``value``; NULL rows do not match."""
        return self._leaf("not-equals", value)

    def gt(self, value: float) -> Filter:
        """The field is greater than ``value``."""
        return self._leaf("gt", value)

    def gte(self, value: float) -> Filter:
        """The field is greater than or equal to ``value``."""
        return self._leaf("gte", value)

    def lt(self, value: float) -> Filter:
        """The field is less than ``value``."""
        return self._leaf("lt", value)

    def lte(self, value: float) -> Filter:
        """The field is less than or equal to ``value``."""
        return self._leaf("lte", value)

    def between(self, low: float, high: float) -> Filter:
        """``low <= field <= high`` (``gte`` AND ``lte``); raises if ``low > high``."""
        lo, hi = self._leaf("gte", low), self._leaf("lte", high)
        if (
            isinstance(lo.value, int | float)
            and isinstance(hi.value, int | float)
            and lo.value > hi.value
        ):
            raise FilterError(f"{self!r}.between({low!r}, {high!r}): low is above high")
        return all_of(lo, hi)

    def is_in(self, values: Iterable[float]) -> Filter:
        """The field equals one of ``values`` (an OR of ``equals``); an empty list raises."""
        return self._is_in(values)

    def __eq__(self, other: float) -> Filter:  # type: ignore[override]
        return self.equals(other)

    def __ne__(self, other: float) -> Filter:  # type: ignore[override]
        return self.not_equals(other)

    def __gt__(self, other: float) -> Filter:
        return self.gt(other)

    def __ge__(self, other: float) -> Filter:
        return self.gte(other)

    def __lt__(self, other: float) -> Filter:
        return self.lt(other)

    def __le__(self, other: float) -> Filter:
        return self.lte(other)

    __hash__ = None  # type: ignore[assignment]


class TimestampField(Field):
    """A timestamp field: ``equals``, ``gt``, ``gte``, ``lt``, ``lte``, ``between`` and
    ``==``, ``>``, ``>=``, ``<``, ``<=``.

    Values are timezone-aware datetimes or ISO-8601 strings with an offset (``Z``, ``+02:00``);
    they are sent as UTC ISO-8601 with an explicit offset. A naive time raises FilterError.
    """

    __slots__ = ()
    kind = TIMESTAMP
    methods = ("equals", "gt", "gte", "lt", "lte", "between")
    symbols = ("==", ">", ">=", "<", "<=")

    def equals(self, value: Timestamp) -> Filter:
        """The field is exactly this instant. Has no negation in the API (``~`` raises)."""
        return self._leaf("equals", value)

    def gt(self, value: Timestamp) -> Filter:
        """The field is after ``value``."""
        return self._leaf("gt", value)

    def gte(self, value: Timestamp) -> Filter:
        """The field is at or after ``value``."""
        return self._leaf("gte", value)

    def lt(self, value: Timestamp) -> Filter:
        """The field is before ``value``."""
        return self._leaf("lt", value)

    def lte(self, value: Timestamp) -> Filter:
        """The field is at or before ``value``."""
        return self._leaf("lte", value)

    def between(self, start: Timestamp, end: Timestamp) -> Filter:
        """``start <= field <= end`` (``gte`` AND ``lte``); raises if ``start > end``."""
        lo, hi = self._leaf("gte", start), self._leaf("lte", end)
        if to_datetime(str(lo.value)) > to_datetime(str(hi.value)):
            raise FilterError(f"{self!r}.between({start!r}, {end!r}): start is after end")
        return all_of(lo, hi)

    def __eq__(self, other: Timestamp) -> Filter:  # type: ignore[override]
        return self.equals(other)

    def __ne__(self, other: object) -> NoReturn:
        raise FilterError(
            f"{self!r} != ... has no wire form (timestamps have no not-equals); "
            f"write ({self!r} < t) | ({self!r} > t)"
        )

    def __gt__(self, other: Timestamp) -> Filter:
        return self.gt(other)

    def __ge__(self, other: Timestamp) -> Filter:
        return self.gte(other)

    def __lt__(self, other: Timestamp) -> Filter:
        return self.lt(other)

    def __le__(self, other: Timestamp) -> Filter:
        return self.lte(other)

    __hash__ = None  # type: ignore[assignment]


class BooleanField(Field):
    """A boolean field: ``equals(True | False)``, ``==`` and ``!=``."""

    __slots__ = ()
    kind = BOOLEAN
    plain = bool
    methods = ("equals",)
    symbols = ("==", "!=")

    def equals(self, value: bool) -> Filter:
        """The field is ``value``; ``~`` flips it."""
        return self._leaf("equals", value)

    def __eq__(self, other: bool) -> Filter:  # type: ignore[override]
        return self.equals(other)

    def __ne__(self, other: bool) -> Filter:  # type: ignore[override]
        leaf = self.equals(other)
        return ~leaf

    __hash__ = None  # type: ignore[assignment]


class PropertyKeyField(Field):
    """``F.property_key``: ``equals(name)`` matches rows that have the property ``name``.

    Has no negation in the API (``~`` raises).
    """

    __slots__ = ()
    kind = PROPERTY_KEY
    plain = str
    methods = ("equals",)
    symbols = ("==",)

    def equals(self, name: str) -> Filter:
        """The row has a custom property called ``name``."""
        return self._leaf("equals", name)

    def __eq__(self, other: str) -> Filter:  # type: ignore[override]
        return self.equals(other)

    def __ne__(self, other: object) -> NoReturn:
        raise FilterError(f"{self!r} != ... has no wire form: the API cannot negate property_key")

    __hash__ = None  # type: ignore[assignment]


class MapField(Field):
    """A map of text fields: ``F.properties['env']`` is a ``TextField`` for that key."""

    __slots__ = ()
    kind = MAP
    methods = ()

    def __getitem__(self, key: str) -> TextField:
        """The text field for ``key``, e.g. ``F.properties['env'].equals('prod')``."""
        if not isinstance(key, str):
            raise FilterError(f"{self!r}[...] takes a string key, got {type(key).__name__}")
        return TextField(self._name, key)

    def accepts(self) -> str:
        return (
            f"{self!r} is a map of text fields; pick a key first, "
            f"e.g. {self!r}['name'].equals('value')"
        )


FIELD_TYPES: dict[str, type[Field]] = {
    TEXT: TextField,
    NUMBER: NumberField,
    TIMESTAMP: TimestampField,
    BOOLEAN: BooleanField,
    PROPERTY_KEY: PropertyKeyField,
    MAP: MapField,
}
