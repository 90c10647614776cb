"""The fluent filter builder ``F`` and the ``Filter`` expression type.

    from helicone_evals import F

    f = F.model.equals("gpt-4o") & (F.cost > 0.01) & F.properties["env"].equals("prod")
    f.to_dict()   # the wire JSON of the score-distributions query's `filter`
    str(f)        # "model == 'gpt-4o' and cost > 0.01 and properties['env'] == 'prod'"
    F.parse(str(f)) == f

Every field of the API is an attribute of ``F`` (``F["<wire name>"]`` works too, e.g.
``F["helicone-score-feedback"]``), typed by what it holds: text, number, timestamp, boolean,
``F.property_key``, and the maps ``F.properties``, ``F.search_properties`` and ``F.scores``
whose ``[key]`` is a text field. Each leaf the builder makes holds one field and one operator,
because the server silently ignores all but the first of either.

Text language (``str(filter)`` writes it, ``F.parse(text)`` reads it)::

    expr       := expr 'or' expr | expr 'and' expr | 'not' expr | '(' expr ')'
                | 'all' | condition
    condition  := field CMP literal | literal CMP field
                | field '.' method '(' literal, ... ')'
                | field 'in' list | field 'not in' list
                | field 'is None' | field 'is not None'
    field      := NAME | MAP '[' STRING ']'      e.g. model, helicone_score_feedback,
                                                    properties['env'], scores['quality']
    CMP        := '==' | '!=' | '>' | '>=' | '<' | '<='   (those the field type offers)
    method     := the field's operator methods: equals, not_equals, like, ilike, contains,
                  not_contains, is_null, is_not_null, is_in, gt, gte, lt, lte, between
    literal    := STRING | NUMBER | -NUMBER | True | False | None
    list       := '[' literal, ... ']' | '(' literal, ... ')'

``and`` binds tighter than ``or``; ``not`` negates with De Morgan (and fails where ``~`` does).
Timestamps are ISO-8601 strings with an offset. ``str()`` writes ``==``/``!=``/``<``... where
an operator has a symbol and a method call otherwise (``model.like('gpt%')``,
``model.is_null()``), and parenthesizes every nested group. Examples::

    model == 'gpt-4o' and (cost > 0.01 or cached == True)
    properties['env'] != 'prod' and not model.contains('mini')
    request_created_at >= '2024-01-05T00:00:00+00:00' and user_id is not None
    provider in ['openai', 'anthropic'] and helicone_score_feedback == True

``F.parse`` never evaluates the text: it walks Python's ``ast`` and accepts only the forms
above. Python's parser limits nesting to about 200 parentheses; deeper trees round-trip through
``to_dict``/``Filter.from_dict`` instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final, Literal, NoReturn, cast, overload

from ._exceptions import FilterError
from ._fields import (
    BooleanField,
    Field,
    MapField,
    NumberField,
    PropertyKeyField,
    TextField,
    TimestampField,
    UnknownNameError,
)
from ._filter_expr import ALL, Filter, Junction, Leaf, all_of, any_of
from ._filter_schema import FIELDS, PY_TO_WIRE

__all__ = ["F", "Filter"]

_TextName = Literal[
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
]
_NumberName = Literal[
    "latency",
    "cost",
    "time_to_first_token",
    "status",
    "prompt_tokens",
    "completion_tokens",
    "prompt_cache_read_tokens",
    "prompt_cache_write_tokens",
    "total_tokens",
]
_TimestampName = Literal["request_created_at", "response_created_at"]
_BooleanName = Literal[
    "threat", "cache_enabled", "cached", "helicone-score-feedback", "is_passthrough_billing"
]
_MapName = Literal["properties", "search_properties", "scores"]


class FilterBuilder:
    """The type of ``F``: one attribute per API field, plus ``all``, ``all_of``, ``any_of``
    and ``parse``."""

    __slots__ = ()

    all: Final[Filter] = ALL
    """Matches every row in the time window (wire: ``"all"``); ``F.all & x`` is ``x``."""

    country_code: Final = TextField("country_code")
    latency: Final = NumberField("latency")
    cost: Final = NumberField("cost")
    provider: Final = TextField("provider")
    time_to_first_token: Final = NumberField("time_to_first_token")
    status: Final = NumberField("status")
    request_created_at: Final = TimestampField("request_created_at")
    response_created_at: Final = TimestampField("response_created_at")
    model: Final = TextField("model")
    user_id: Final = TextField("user_id")
    organization_id: Final = TextField("organization_id")
    node_id: Final = TextField("node_id")
    job_id: Final = TextField("job_id")
    threat: Final = BooleanField("threat")
    request_id: Final = TextField("request_id")
    prompt_tokens: Final = NumberField("prompt_tokens")
    completion_tokens: Final = NumberField("completion_tokens")
    prompt_cache_read_tokens: Final = NumberField("prompt_cache_read_tokens")
    prompt_cache_write_tokens: Final = NumberField("prompt_cache_write_tokens")
    total_tokens: Final = NumberField("total_tokens")
    target_url: Final = TextField("target_url")
    property_key: Final = PropertyKeyField("property_key")
    """``F.property_key.equals('env')``: rows that have the custom property ``env``."""
    properties: Final = MapField("properties")
    """Custom properties: ``F.properties['env']`` is a text field."""
    search_properties: Final = MapField("search_properties")
    scores: Final = MapField("scores")
    """Scores by name: ``F.scores['quality']`` is a text field (as the spec types it)."""
    scores_column: Final = TextField("scores_column")
    request_body: Final = TextField("request_body")
    response_body: Final = TextField("response_body")
    cache_enabled: Final = BooleanField("cache_enabled")
    cache_reference_id: Final = TextField("cache_reference_id")
    cached: Final = BooleanField("cached")
    assets: Final = TextField("assets")
    helicone_score_feedback: Final = BooleanField("helicone-score-feedback")
    """The spec's ``helicone-score-feedback``: the user's thumbs up (True) or down (False)."""
    prompt_id: Final = TextField("prompt_id")
    prompt_version: Final = TextField("prompt_version")
    request_referrer: Final = TextField("request_referrer")
    is_passthrough_billing: Final = BooleanField("is_passthrough_billing")

    @staticmethod
    def all_of(*filters: Filter) -> Filter:
        """The AND of ``filters``; ``F.all_of()`` is ``F.all``."""
        return all_of(*_filters("all_of", filters))

    @staticmethod
    def any_of(*filters: Filter) -> Filter:
        """The OR of ``filters``; raises FilterError without any (nothing would match)."""
        return any_of(*_filters("any_of", filters))

    @staticmethod
    def parse(text: str) -> Filter:
        """Read the text form that ``str(filter)`` writes; see the module docs for the grammar.

        ``F.parse("model == 'gpt-4o' and cost > 0.01")``. Never evaluates code; raises
        FilterError for anything outside the language.
        """
        from ._filter_parse import parse_text

        return parse_text(text)

    @overload
    def __getitem__(self, name: _TextName) -> TextField: ...
    @overload
    def __getitem__(self, name: _NumberName) -> NumberField: ...
    @overload
    def __getitem__(self, name: _TimestampName) -> TimestampField: ...
    @overload
    def __getitem__(self, name: _BooleanName) -> BooleanField: ...
    @overload
    def __getitem__(self, name: Literal["property_key"]) -> PropertyKeyField: ...
    @overload
    def __getitem__(self, name: _MapName) -> MapField: ...
    @overload
    def __getitem__(self, name: str) -> Field: ...
    def __getitem__(self, name: str) -> Field:
        """The field by wire name (``F["helicone-score-feedback"]``) or Python name."""
        if not isinstance(name, str):
            raise FilterError(f"F[...] takes a field name, got {type(name).__name__}")
        wire = name if name in FIELDS else PY_TO_WIRE.get(name)
        if wire is None:
            raise FilterError(_unknown(name))
        field = getattr(self, wire.replace("-", "_"))
        assert isinstance(field, Field)
        return field

    if not TYPE_CHECKING:  # unknown fields stay a static error for mypy and IDEs

        def __getattr__(self, name: str) -> NoReturn:
            if name.startswith("__"):
                raise AttributeError(name)
            raise UnknownNameError(_unknown(name))

        def __setattr__(self, name: str, value: object) -> NoReturn:
            raise AttributeError("F is read-only")

    def __dir__(self) -> list[str]:
        return sorted({*PY_TO_WIRE, "all", "all_of", "any_of", "parse"})

    def __repr__(self) -> str:
        return "F"


def _unknown(name: str) -> str:
    import difflib

    close = difflib.get_close_matches(name, list(PY_TO_WIRE), n=3, cutoff=0.5)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    return f"F has no field {name!r}{hint} (fields: {', '.join(PY_TO_WIRE)})"


def _filters(name: str, filters: tuple[object, ...]) -> tuple[Filter, ...]:
    # One C-level pass over the types: F.all_of(*10_000 terms) should not pay a loop here.
    if not set(map(type, filters)) <= _NODE_TYPES:
        for f in filters:
            if isinstance(f, Field):
                raise FilterError(
                    f"F.{name}(): {f!r} is a field, not a filter; give it an operator"
                )
            if isinstance(f, list | tuple | set):
                raise FilterError(f"F.{name}() takes filters as arguments: F.{name}(*filters)")
            if not isinstance(f, Filter):
                raise FilterError(f"F.{name}() takes Filters, got {type(f).__name__} {f!r}")
    return cast("tuple[Filter, ...]", filters)


_NODE_TYPES: Final = frozenset({type(ALL), Leaf, Junction})


F: Final = FilterBuilder()
"""The filter builder: ``F.model.equals("gpt-4o") & (F.cost > 0.01)``."""
