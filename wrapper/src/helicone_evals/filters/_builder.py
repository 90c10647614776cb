"""``F``, the fluent filter builder: one typed attribute per field of the API.

The attributes and their types come from the generated ``LeafFields`` mixin (one property
per field of the spec's filter leaf); this class binds them to the field classes and adds
``all``, ``all_of``, ``any_of``, ``parse`` and ``F[name]``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final, NoReturn, cast

from helicone_evals_generated.filter_fields import LeafFields

from .._exceptions import FilterError
from ._expr import ALL, FieldMarker, Filter, Junction, Leaf, all_of, any_of
from ._fields import (
    BY_NAME,
    BY_PYTHON_NAME,
    BooleanField,
    Field,
    MapField,
    NumberField,
    PropertyKeyField,
    TextField,
    TimestampField,
    UnknownNameError,
)

__all__ = ["MAX_PARSE_LENGTH", "F", "FilterBuilder"]

MAX_PARSE_LENGTH: Final = 500_000
"""The longest text ``F.parse`` reads, in characters (about 25,000 conditions)."""


class FilterBuilder(
    LeafFields[TextField, NumberField, TimestampField, BooleanField, PropertyKeyField]
):
    """The type of ``F``: one attribute per API field, plus ``all``, ``all_of``, ``any_of``,
    ``parse`` and ``F[name]``."""

    __slots__ = ()

    all: Final[Filter] = ALL
    """Matches every row in the time window (wire: ``"all"``); ``F.all & x`` is ``x``."""

    @staticmethod
    def all_of(*filters: Filter) -> Filter:
        """The AND of ``filters``; ``F.all_of()`` is ``F.all``."""
        types = set(map(type, filters))  # one C-level pass, for the checks and the fast path
        if types == _LEAVES and len(filters) > 1:  # nothing to check or flatten
            return Junction("and", filters, flat=True)
        return all_of(*_filters("all_of", filters, types))

    @staticmethod
    def any_of(*filters: Filter) -> Filter:
        """The OR of ``filters``; raises FilterError without any (nothing would match)."""
        types = set(map(type, filters))
        if types == _LEAVES and len(filters) > 1:
            return Junction("or", filters, flat=True)
        return any_of(*_filters("any_of", filters, types))

    @staticmethod
    def parse(text: str) -> Filter:
        """Read the text form that ``str(filter)`` writes; see ``helicone_evals.filters``.

        ``F.parse("model == 'gpt-4o' and cost > 0.01")``. Never evaluates code; raises
        FilterError for anything outside the language, for a text longer than
        ``MAX_PARSE_LENGTH`` (500,000 characters: pass longer filters as ``Filter`` objects
        or wire JSON), and for `and`/`or`/`not` nested more than 200 levels deep. Reading
        takes time linear in the text's length.
        """
        from ._parse import parse_text

        return parse_text(text, MAX_PARSE_LENGTH)

    def _field(self, name: str) -> Field | MapField:
        """The field by wire or Python name (``F[name]`` and the typed attributes)."""
        if not isinstance(name, str):
            raise FilterError(f"F[...] takes a field name, got {type(name).__name__}")
        field = BY_NAME.get(name)
        if field is None:
            raise FilterError(_unknown(name))
        return field

    if not TYPE_CHECKING:  # unknown fields stay a static error for mypy and IDEs

        def __getattr__(self, name: str) -> NoReturn:
            if name.startswith("__"):
                raise AttributeError(name)
            raise UnknownNameError(_unknown(name))

        def __setattr__(self, name: str, value: object) -> NoReturn:
            raise AttributeError("F is read-only")

    def __dir__(self) -> list[str]:
        return sorted({*BY_PYTHON_NAME, "all", "all_of", "any_of", "parse"})

    def __repr__(self) -> str:
        return "F"


# Plain class attributes shadow the mixin's properties: same objects, a faster lookup.
for _name, _field in BY_PYTHON_NAME.items():
    setattr(FilterBuilder, _name, _field)
del _name, _field


def _unknown(name: str) -> str:
    import difflib  # only on this error path

    names = list(BY_PYTHON_NAME)
    close = difflib.get_close_matches(name, names, n=3, cutoff=0.5) if len(name) < 100 else []
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    shown = name if len(name) <= 60 else name[:57] + "..."
    return f"F has no field {shown!r}{hint} (fields: {', '.join(names)})"


def _filters(name: str, filters: tuple[object, ...], types: set[type]) -> tuple[Filter, ...]:
    # The types in one C-level pass: F.all_of(*10_000 terms) should not pay a loop here.
    if not types <= _NODE_TYPES:
        for f in filters:
            if isinstance(f, FieldMarker):
                raise FilterError(
                    f"F.{name}(): {f!r} is a field, not a filter; give it an operator"
                )
            if isinstance(f, list | tuple | set):
                raise FilterError(f"F.{name}() takes filters as arguments: F.{name}(*filters)")
            if not isinstance(f, Filter):
                raise FilterError(f"F.{name}() takes Filters, got {type(f).__name__}")
    return cast("tuple[Filter, ...]", filters)


_NODE_TYPES: Final = frozenset({type(ALL), Leaf, Junction})
_LEAVES: Final = {Leaf}


F: Final = FilterBuilder()
"""The filter builder: ``F.model.equals("gpt-4o") & (F.cost > 0.01)``."""
