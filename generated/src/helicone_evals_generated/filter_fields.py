# Generated from openapi/helicone-public-api.json (openapi/selection.toml, openapi/patches.yaml) by scripts/emit_filter_fields.py.
# DO NOT EDIT: change the spec, selection, patches or generator options and run `nox -s regenerate`.
"""The filter leaf of the API, as tables and typed mixins.

Emitted by ``scripts/emit_filter_fields.py`` from the spec schema ``Partial_RequestResponseRMTToOperators_`` and the
operator schemas it references, plus the binding conventions declared in that script. Read by
``helicone_evals.filters`` (``F``), the emulator and the CLI. Cheap to import: typing only.

- ``FIELDS`` / ``BY_WIRE`` / ``BY_PYTHON``: every field of a leaf, in spec order.
- ``KINDS``: the operators of each kind of field (``OperatorSpec``: wire name, Python method,
  value type, bound comparison, complementary operator).
- ``VALUE_SCALE``, ``INT32_RANGE``: how the server binds numbers: a field in ``VALUE_SCALE`` is
  compared as ``floor(value * scale)``, and a whole number is bound as a 32-bit integer.
- ``LeafFields`` and the ``*Operators`` mixins: one typed attribute per field and one typed
  method per operator, so that type checkers see ``F.model`` as a text field.
"""

from __future__ import annotations

from typing import (
    TYPE_CHECKING,
    Any,
    ClassVar,
    Final,
    Generic,
    Literal,
    NamedTuple,
    NoReturn,
    Protocol,
    TypeVar,
    overload,
)

if TYPE_CHECKING:
    from collections.abc import Iterable
    from datetime import datetime

__all__ = [
    "BY_PYTHON",
    "BY_WIRE",
    "FIELDS",
    "INT32_RANGE",
    "KINDS",
    "LEAF_SCHEMA",
    "LEAF_TABLE",
    "MAP",
    "VALUE_SCALE",
    "FieldSpec",
    "KindSpec",
    "LeafFields",
    "MapOf",
    "OperatorSpec",
    "TextOperators",
    "NumberOperators",
    "TimestampOperators",
    "BooleanOperators",
    "PropertyKeyOperators",
]


class OperatorSpec(NamedTuple):
    """One operator of a kind of field."""

    wire: str
    """The wire name, e.g. ``not-equals``."""
    method: str
    """The Python method name, e.g. ``not_equals``."""
    value_type: str
    """``string``, ``number``, ``boolean`` or ``timestamp``."""
    symbol: str | None
    """The Python comparison bound to it (``==``, ``>``, ...), or None."""
    complement: str | None
    """The wire operator matching exactly the rows this one rejects (NULLs aside), or None."""


class KindSpec(NamedTuple):
    """A kind of field and its operators."""

    name: str
    """``text``, ``number``, ``timestamp``, ``boolean`` or ``property_key``."""
    schema: str
    """The spec schema of its operators, e.g. ``Partial_TextOperators_``."""
    operators: tuple[OperatorSpec, ...]
    """In spec order."""


class FieldSpec(NamedTuple):
    """One field of a filter leaf."""

    wire: str
    """The wire name, e.g. ``helicone-score-feedback``."""
    python: str
    """The attribute of ``F``, e.g. ``helicone_score_feedback``."""
    kind: str
    """A key of ``KINDS``, or ``MAP`` for a map of fields by key."""
    item_kind: str | None
    """For a map: the kind of ``field[key]``; else None."""


LEAF_SCHEMA: Final = "Partial_RequestResponseRMTToOperators_"
LEAF_TABLE: Final = "request_response_rmt"
"""The key of the leaf object: ``{'request_response_rmt': {field: {operator: value}}}``."""
MAP: Final = "map"
VALUE_SCALE: Final[dict[str, int]] = {"cost": 1000000000}
"""Fields the server compares as ``floor(value * scale)`` (cost is stored in nano-dollars)."""
INT32_RANGE: Final[tuple[int, int]] = (-2147483648, 2147483647)
"""The server binds a whole-number filter value as Int32: outside this range it wraps."""

KINDS: Final[dict[str, KindSpec]] = {
    "text": KindSpec(
        "text",
        "Partial_TextOperators_",
        (
            OperatorSpec("not-equals", "not_equals", "string", "!=", "equals"),
            OperatorSpec("equals", "equals", "string", "==", "not-equals"),
            OperatorSpec("like", "like", "string", None, None),
            OperatorSpec("ilike", "ilike", "string", None, None),
            OperatorSpec("contains", "contains", "string", None, "not-contains"),
            OperatorSpec("not-contains", "not_contains", "string", None, "contains"),
        ),
    ),
    "number": KindSpec(
        "number",
        "Partial_NumberOperators_",
        (
            OperatorSpec("not-equals", "not_equals", "number", "!=", "equals"),
            OperatorSpec("equals", "equals", "number", "==", "not-equals"),
            OperatorSpec("gte", "gte", "number", ">=", "lt"),
            OperatorSpec("lte", "lte", "number", "<=", "gt"),
            OperatorSpec("lt", "lt", "number", "<", "gte"),
            OperatorSpec("gt", "gt", "number", ">", "lte"),
        ),
    ),
    "timestamp": KindSpec(
        "timestamp",
        "Partial_TimestampOperatorsTyped_",
        (
            OperatorSpec("equals", "equals", "timestamp", "==", None),
            OperatorSpec("gte", "gte", "timestamp", ">=", "lt"),
            OperatorSpec("lte", "lte", "timestamp", "<=", "gt"),
            OperatorSpec("lt", "lt", "timestamp", "<", "gte"),
            OperatorSpec("gt", "gt", "timestamp", ">", "lte"),
        ),
    ),
    "boolean": KindSpec(
        "boolean",
        "Partial_BooleanOperators_",
        (OperatorSpec("equals", "equals", "boolean", "==", None),),
    ),
    "property_key": KindSpec(
        "property_key",
        "PropertyKeyOperators",
        (OperatorSpec("equals", "equals", "string", "==", None),),
    ),
}

FIELDS: Final[tuple[FieldSpec, ...]] = (
    FieldSpec("country_code", "country_code", "text", None),
    FieldSpec("latency", "latency", "number", None),
    FieldSpec("cost", "cost", "number", None),
    FieldSpec("provider", "provider", "text", None),
    FieldSpec("time_to_first_token", "time_to_first_token", "number", None),
    FieldSpec("status", "status", "number", None),
    FieldSpec("request_created_at", "request_created_at", "timestamp", None),
    FieldSpec("response_created_at", "response_created_at", "timestamp", None),
    FieldSpec("model", "model", "text", None),
    FieldSpec("user_id", "user_id", "text", None),
    FieldSpec("organization_id", "organization_id", "text", None),
    FieldSpec("node_id", "node_id", "text", None),
    FieldSpec("job_id", "job_id", "text", None),
    FieldSpec("threat", "threat", "boolean", None),
    FieldSpec("request_id", "request_id", "text", None),
    FieldSpec("prompt_tokens", "prompt_tokens", "number", None),
    FieldSpec("completion_tokens", "completion_tokens", "number", None),
    FieldSpec("prompt_cache_read_tokens", "prompt_cache_read_tokens", "number", None),
    FieldSpec("prompt_cache_write_tokens", "prompt_cache_write_tokens", "number", None),
    FieldSpec("total_tokens", "total_tokens", "number", None),
    FieldSpec("target_url", "target_url", "text", None),
    FieldSpec("property_key", "property_key", "property_key", None),
    FieldSpec("properties", "properties", "map", "text"),
    FieldSpec("search_properties", "search_properties", "map", "text"),
    FieldSpec("scores", "scores", "map", "text"),
    FieldSpec("scores_column", "scores_column", "text", None),
    FieldSpec("request_body", "request_body", "text", None),
    FieldSpec("response_body", "response_body", "text", None),
    FieldSpec("cache_enabled", "cache_enabled", "boolean", None),
    FieldSpec("cache_reference_id", "cache_reference_id", "text", None),
    FieldSpec("cached", "cached", "boolean", None),
    FieldSpec("assets", "assets", "text", None),
    FieldSpec("helicone-score-feedback", "helicone_score_feedback", "boolean", None),
    FieldSpec("prompt_id", "prompt_id", "text", None),
    FieldSpec("prompt_version", "prompt_version", "text", None),
    FieldSpec("request_referrer", "request_referrer", "text", None),
    FieldSpec("is_passthrough_billing", "is_passthrough_billing", "boolean", None),
)
BY_WIRE: Final[dict[str, FieldSpec]] = {f.wire: f for f in FIELDS}
BY_PYTHON: Final[dict[str, FieldSpec]] = {f.python: f for f in FIELDS}

R = TypeVar("R")


class TextOperators(Generic[R]):
    """The operators of a text field (``Partial_TextOperators_``); each returns R."""

    __slots__ = ()
    KIND: ClassVar[str] = "text"
    METHODS: ClassVar[tuple[str, ...]] = (
        "not_equals",
        "equals",
        "like",
        "ilike",
        "contains",
        "not_contains",
        "is_null",
        "is_not_null",
        "is_in",
    )
    SYMBOLS: ClassVar[tuple[str, ...]] = ("!=", "==")

    if TYPE_CHECKING:  # implemented by the wrapper's field classes

        def _apply(self, op: str, value: object) -> R:
            raise NotImplementedError

        def _null(self, null: bool) -> R:
            raise NotImplementedError

        def _is_in(self, values: Iterable[object]) -> R:
            raise NotImplementedError

    def not_equals(self, value: str) -> R:
        """The field is not ``value``; rows where it is NULL do not match.

        Wire: ``{'not-equals': value}``.
        """
        return self._apply("not-equals", value)

    def equals(self, value: str) -> R:
        """The field is exactly ``value``.

        Wire: ``{'equals': value}``.
        """
        return self._apply("equals", value)

    def like(self, value: str) -> R:
        """SQL LIKE, case-sensitive: ``%`` is any run of characters, ``_`` one character.
        Has no negation in the API (``~`` raises).

        Wire: ``{'like': value}``.
        """
        return self._apply("like", value)

    def ilike(self, value: str) -> R:
        """SQL ILIKE: LIKE ignoring case.
        Has no negation in the API (``~`` raises).

        Wire: ``{'ilike': value}``.
        """
        return self._apply("ilike", value)

    def contains(self, value: str) -> R:
        """The field contains ``value``, ignoring case. The server runs
        ``ILIKE '%' || value || '%'``, so ``%`` and ``_`` in ``value`` act as wildcards.

        Wire: ``{'contains': value}``.
        """
        return self._apply("contains", value)

    def not_contains(self, value: str) -> R:
        """The field does not contain ``value`` (ignoring case); NULL rows do not match.

        Wire: ``{'not-contains': value}``.
        """
        return self._apply("not-contains", value)

    def __ne__(self, other: str) -> R:  # type: ignore[override]
        """``field != value`` is ``not_equals(value)``."""
        return self._apply("not-equals", other)

    def __eq__(self, other: str) -> R:  # type: ignore[override]
        """``field == value`` is ``equals(value)``."""
        return self._apply("equals", other)

    def is_null(self) -> R:
        """The field is NULL (the server's ``equals "null"``)."""
        return self._null(True)

    def is_not_null(self) -> R:
        """The field is not NULL (the server's ``not-equals "null"``)."""
        return self._null(False)

    def is_in(self, values: Iterable[str]) -> R:
        """The field equals one of ``values`` (an OR of equals); an empty list raises."""
        return self._is_in(values)


class NumberOperators(Generic[R]):
    """The operators of a number field (``Partial_NumberOperators_``); each returns R."""

    __slots__ = ()
    KIND: ClassVar[str] = "number"
    METHODS: ClassVar[tuple[str, ...]] = (
        "not_equals",
        "equals",
        "gte",
        "lte",
        "lt",
        "gt",
        "between",
        "is_in",
    )
    SYMBOLS: ClassVar[tuple[str, ...]] = ("!=", "==", ">=", "<=", "<", ">")

    if TYPE_CHECKING:  # implemented by the wrapper's field classes

        def _apply(self, op: str, value: object) -> R:
            raise NotImplementedError

        def _is_in(self, values: Iterable[object]) -> R:
            raise NotImplementedError

        def _between(self, low: object, high: object) -> R:
            raise NotImplementedError

    def not_equals(self, value: float) -> R:
        """The field is not ``value``; rows where it is NULL do not match.

        Wire: ``{'not-equals': value}``.
        """
        return self._apply("not-equals", value)

    def equals(self, value: float) -> R:
        """The field is exactly ``value``.

        Wire: ``{'equals': value}``.
        """
        return self._apply("equals", value)

    def gte(self, value: float) -> R:
        """The field is greater than or equal to ``value``.

        Wire: ``{'gte': value}``.
        """
        return self._apply("gte", value)

    def lte(self, value: float) -> R:
        """The field is less than or equal to ``value``.

        Wire: ``{'lte': value}``.
        """
        return self._apply("lte", value)

    def lt(self, value: float) -> R:
        """The field is less than ``value``.

        Wire: ``{'lt': value}``.
        """
        return self._apply("lt", value)

    def gt(self, value: float) -> R:
        """The field is greater than ``value``.

        Wire: ``{'gt': value}``.
        """
        return self._apply("gt", value)

    def __ne__(self, other: float) -> R:  # type: ignore[override]
        """``field != value`` is ``not_equals(value)``."""
        return self._apply("not-equals", other)

    def __eq__(self, other: float) -> R:  # type: ignore[override]
        """``field == value`` is ``equals(value)``."""
        return self._apply("equals", other)

    def __ge__(self, other: float) -> R:
        """``field >= value`` is ``gte(value)``."""
        return self._apply("gte", other)

    def __le__(self, other: float) -> R:
        """``field <= value`` is ``lte(value)``."""
        return self._apply("lte", other)

    def __lt__(self, other: float) -> R:
        """``field < value`` is ``lt(value)``."""
        return self._apply("lt", other)

    def __gt__(self, other: float) -> R:
        """``field > value`` is ``gt(value)``."""
        return self._apply("gt", other)

    def is_in(self, values: Iterable[float]) -> R:
        """The field equals one of ``values`` (an OR of equals); an empty list raises."""
        return self._is_in(values)

    def between(self, low: float, high: float) -> R:
        """``low <= field <= high`` (gte AND lte); raises if ``low > high``."""
        return self._between(low, high)


class TimestampOperators(Generic[R]):
    """The operators of a timestamp field (``Partial_TimestampOperatorsTyped_``); each returns R."""

    __slots__ = ()
    KIND: ClassVar[str] = "timestamp"
    METHODS: ClassVar[tuple[str, ...]] = ("equals", "gte", "lte", "lt", "gt", "between")
    SYMBOLS: ClassVar[tuple[str, ...]] = ("==", ">=", "<=", "<", ">")

    if TYPE_CHECKING:  # implemented by the wrapper's field classes

        def _apply(self, op: str, value: object) -> R:
            raise NotImplementedError

        def _not_negatable(self, op: str) -> Exception:
            raise NotImplementedError

        def _between(self, low: object, high: object) -> R:
            raise NotImplementedError

    def equals(self, value: datetime | str) -> R:
        """The field is exactly ``value``.
        Has no negation in the API (``~`` raises).

        Wire: ``{'equals': value}``.
        """
        return self._apply("equals", value)

    def gte(self, value: datetime | str) -> R:
        """The field is greater than or equal to ``value``.

        Wire: ``{'gte': value}``.
        """
        return self._apply("gte", value)

    def lte(self, value: datetime | str) -> R:
        """The field is less than or equal to ``value``.

        Wire: ``{'lte': value}``.
        """
        return self._apply("lte", value)

    def lt(self, value: datetime | str) -> R:
        """The field is less than ``value``.

        Wire: ``{'lt': value}``.
        """
        return self._apply("lt", value)

    def gt(self, value: datetime | str) -> R:
        """The field is greater than ``value``.

        Wire: ``{'gt': value}``.
        """
        return self._apply("gt", value)

    def __eq__(self, other: datetime | str) -> R:  # type: ignore[override]
        """``field == value`` is ``equals(value)``."""
        return self._apply("equals", other)

    def __ge__(self, other: datetime | str) -> R:
        """``field >= value`` is ``gte(value)``."""
        return self._apply("gte", other)

    def __le__(self, other: datetime | str) -> R:
        """``field <= value`` is ``lte(value)``."""
        return self._apply("lte", other)

    def __lt__(self, other: datetime | str) -> R:
        """``field < value`` is ``lt(value)``."""
        return self._apply("lt", other)

    def __gt__(self, other: datetime | str) -> R:
        """``field > value`` is ``gt(value)``."""
        return self._apply("gt", other)

    def __ne__(self, other: object) -> NoReturn:
        """Raises: the API has no operator for ``field != value``."""
        raise self._not_negatable("equals")

    def between(self, low: datetime | str, high: datetime | str) -> R:
        """``low <= field <= high`` (gte AND lte); raises if ``low > high``."""
        return self._between(low, high)


class BooleanOperators(Generic[R]):
    """The operators of a boolean field (``Partial_BooleanOperators_``); each returns R."""

    __slots__ = ()
    KIND: ClassVar[str] = "boolean"
    METHODS: ClassVar[tuple[str, ...]] = ("equals",)
    SYMBOLS: ClassVar[tuple[str, ...]] = ("==",)

    if TYPE_CHECKING:  # implemented by the wrapper's field classes

        def _apply(self, op: str, value: object) -> R:
            raise NotImplementedError

        def _negated(self, op: str, value: object) -> R:
            raise NotImplementedError

    def equals(self, value: bool) -> R:
        """The field is exactly ``value``.
        ``~`` flips the value.

        Wire: ``{'equals': value}``.
        """
        return self._apply("equals", value)

    def __eq__(self, other: bool) -> R:  # type: ignore[override]
        """``field == value`` is ``equals(value)``."""
        return self._apply("equals", other)

    def __ne__(self, other: bool) -> R:  # type: ignore[override]
        """``field != value`` is ``~field.equals(value)``."""
        return self._negated("equals", other)


class PropertyKeyOperators(Generic[R]):
    """The operators of the property-name field (``PropertyKeyOperators``); each returns R."""

    __slots__ = ()
    KIND: ClassVar[str] = "property_key"
    METHODS: ClassVar[tuple[str, ...]] = ("equals",)
    SYMBOLS: ClassVar[tuple[str, ...]] = ("==",)

    if TYPE_CHECKING:  # implemented by the wrapper's field classes

        def _apply(self, op: str, value: object) -> R:
            raise NotImplementedError

        def _not_negatable(self, op: str) -> Exception:
            raise NotImplementedError

    def equals(self, value: str) -> R:
        """The field is exactly ``value``.
        Has no negation in the API (``~`` raises).

        Wire: ``{'equals': value}``.
        """
        return self._apply("equals", value)

    def __eq__(self, other: str) -> R:  # type: ignore[override]
        """``field == value`` is ``equals(value)``."""
        return self._apply("equals", other)

    def __ne__(self, other: object) -> NoReturn:
        """Raises: the API has no operator for ``field != value``."""
        raise self._not_negatable("equals")


TextT = TypeVar("TextT")
NumberT = TypeVar("NumberT")
TimestampT = TypeVar("TimestampT")
BooleanT = TypeVar("BooleanT")
PropertyKeyT = TypeVar("PropertyKeyT")
ItemT_co = TypeVar("ItemT_co", covariant=True)


class MapOf(Protocol[ItemT_co]):
    """A map of fields by key: ``F.properties["env"]``."""

    def __getitem__(self, key: str, /) -> ItemT_co: ...


class LeafFields(Generic[TextT, NumberT, TimestampT, BooleanT, PropertyKeyT]):
    """One read-only attribute per field of a filter leaf, typed by its kind."""

    __slots__ = ()

    if TYPE_CHECKING:  # implemented by the wrapper's builder

        def _field(self, name: str) -> Any:
            raise NotImplementedError

    @property
    def country_code(self) -> TextT:
        """``country_code``: a text field."""
        field: TextT = self._field("country_code")
        return field

    @property
    def latency(self) -> NumberT:
        """``latency``: a number field."""
        field: NumberT = self._field("latency")
        return field

    @property
    def cost(self) -> NumberT:
        """``cost``: a number field.
        The server compares ``floor(value * 1_000_000_000)`` as a 32-bit integer.
        """
        field: NumberT = self._field("cost")
        return field

    @property
    def provider(self) -> TextT:
        """``provider``: a text field."""
        field: TextT = self._field("provider")
        return field

    @property
    def time_to_first_token(self) -> NumberT:
        """``time_to_first_token``: a number field."""
        field: NumberT = self._field("time_to_first_token")
        return field

    @property
    def status(self) -> NumberT:
        """``status``: a number field."""
        field: NumberT = self._field("status")
        return field

    @property
    def request_created_at(self) -> TimestampT:
        """``request_created_at``: a timestamp field."""
        field: TimestampT = self._field("request_created_at")
        return field

    @property
    def response_created_at(self) -> TimestampT:
        """``response_created_at``: a timestamp field."""
        field: TimestampT = self._field("response_created_at")
        return field

    @property
    def model(self) -> TextT:
        """``model``: a text field."""
        field: TextT = self._field("model")
        return field

    @property
    def user_id(self) -> TextT:
        """``user_id``: a text field."""
        field: TextT = self._field("user_id")
        return field

    @property
    def organization_id(self) -> TextT:
        """``organization_id``: a text field."""
        field: TextT = self._field("organization_id")
        return field

    @property
    def node_id(self) -> TextT:
        """``node_id``: a text field."""
        field: TextT = self._field("node_id")
        return field

    @property
    def job_id(self) -> TextT:
        """``job_id``: a text field."""
        field: TextT = self._field("job_id")
        return field

    @property
    def threat(self) -> BooleanT:
        """``threat``: a boolean field."""
        field: BooleanT = self._field("threat")
        return field

    @property
    def request_id(self) -> TextT:
        """``request_id``: a text field."""
        field: TextT = self._field("request_id")
        return field

    @property
    def prompt_tokens(self) -> NumberT:
        """``prompt_tokens``: a number field."""
        field: NumberT = self._field("prompt_tokens")
        return field

    @property
    def completion_tokens(self) -> NumberT:
        """``completion_tokens``: a number field."""
        field: NumberT = self._field("completion_tokens")
        return field

    @property
    def prompt_cache_read_tokens(self) -> NumberT:
        """``prompt_cache_read_tokens``: a number field."""
        field: NumberT = self._field("prompt_cache_read_tokens")
        return field

    @property
    def prompt_cache_write_tokens(self) -> NumberT:
        """``prompt_cache_write_tokens``: a number field."""
        field: NumberT = self._field("prompt_cache_write_tokens")
        return field

    @property
    def total_tokens(self) -> NumberT:
        """``total_tokens``: a number field."""
        field: NumberT = self._field("total_tokens")
        return field

    @property
    def target_url(self) -> TextT:
        """``target_url``: a text field."""
        field: TextT = self._field("target_url")
        return field

    @property
    def property_key(self) -> PropertyKeyT:
        """``property_key``: the property-name field."""
        field: PropertyKeyT = self._field("property_key")
        return field

    @property
    def properties(self) -> MapOf[TextT]:
        """``properties``: a map of a text fields by key."""
        field: MapOf[TextT] = self._field("properties")
        return field

    @property
    def search_properties(self) -> MapOf[TextT]:
        """``search_properties``: a map of a text fields by key."""
        field: MapOf[TextT] = self._field("search_properties")
        return field

    @property
    def scores(self) -> MapOf[TextT]:
        """``scores``: a map of a text fields by key."""
        field: MapOf[TextT] = self._field("scores")
        return field

    @property
    def scores_column(self) -> TextT:
        """``scores_column``: a text field."""
        field: TextT = self._field("scores_column")
        return field

    @property
    def request_body(self) -> TextT:
        """``request_body``: a text field."""
        field: TextT = self._field("request_body")
        return field

    @property
    def response_body(self) -> TextT:
        """``response_body``: a text field."""
        field: TextT = self._field("response_body")
        return field

    @property
    def cache_enabled(self) -> BooleanT:
        """``cache_enabled``: a boolean field."""
        field: BooleanT = self._field("cache_enabled")
        return field

    @property
    def cache_reference_id(self) -> TextT:
        """``cache_reference_id``: a text field."""
        field: TextT = self._field("cache_reference_id")
        return field

    @property
    def cached(self) -> BooleanT:
        """``cached``: a boolean field."""
        field: BooleanT = self._field("cached")
        return field

    @property
    def assets(self) -> TextT:
        """``assets``: a text field."""
        field: TextT = self._field("assets")
        return field

    @property
    def helicone_score_feedback(self) -> BooleanT:
        """``helicone-score-feedback``: a boolean field."""
        field: BooleanT = self._field("helicone-score-feedback")
        return field

    @property
    def prompt_id(self) -> TextT:
        """``prompt_id``: a text field."""
        field: TextT = self._field("prompt_id")
        return field

    @property
    def prompt_version(self) -> TextT:
        """``prompt_version``: a text field."""
        field: TextT = self._field("prompt_version")
        return field

    @property
    def request_referrer(self) -> TextT:
        """``request_referrer``: a text field."""
        field: TextT = self._field("request_referrer")
        return field

    @property
    def is_passthrough_billing(self) -> BooleanT:
        """``is_passthrough_billing``: a boolean field."""
        field: BooleanT = self._field("is_passthrough_billing")
        return field

    @overload
    def __getitem__(
        self,
        name: Literal[
            "country_code",
            "provider",
            "model",
            "user_id",
            "organization_id",
            "node_id",
            "job_id",
            "request_id",
            "target_url",
            "scores_column",
            "request_body",
            "response_body",
            "cache_reference_id",
            "assets",
            "prompt_id",
            "prompt_version",
            "request_referrer",
        ],
    ) -> TextT: ...

    @overload
    def __getitem__(
        self,
        name: Literal[
            "latency",
            "cost",
            "time_to_first_token",
            "status",
            "prompt_tokens",
            "completion_tokens",
            "prompt_cache_read_tokens",
            "prompt_cache_write_tokens",
            "total_tokens",
        ],
    ) -> NumberT: ...

    @overload
    def __getitem__(
        self, name: Literal["request_created_at", "response_created_at"]
    ) -> TimestampT: ...

    @overload
    def __getitem__(
        self,
        name: Literal[
            "threat",
            "cache_enabled",
            "cached",
            "helicone-score-feedback",
            "helicone_score_feedback",
            "is_passthrough_billing",
        ],
    ) -> BooleanT: ...

    @overload
    def __getitem__(self, name: Literal["property_key"]) -> PropertyKeyT: ...

    @overload
    def __getitem__(
        self, name: Literal["properties", "search_properties", "scores"]
    ) -> MapOf[TextT]: ...

    @overload
    def __getitem__(
        self, name: str
    ) -> TextT | NumberT | TimestampT | BooleanT | PropertyKeyT | MapOf[TextT]: ...

    def __getitem__(self, name: str) -> Any:
        """The field by wire name (``F["helicone-score-feedback"]``) or Python name."""
        return self._field(name)
