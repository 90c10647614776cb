"""Filters for Helicone's evaluation queries: the fluent builder ``F`` and the ``Filter`` type.

    from helicone_evals import F

    f = F.model.equals("gpt-4o") & (F.cost > 0.01) & F.properties["env"].equals("prod")
    f.to_dict()   # the wire JSON of the score-distributions query's `filter`
    str(f)        # "model == 'gpt-4o' and cost > 0.01 and properties['env'] == 'prod'"
    F.parse(str(f)) == f

Every field of the API's filter leaf is an attribute of ``F`` (``F["<wire name>"]`` works
too, e.g. ``F["helicone-score-feedback"]``), typed by what it holds: text, number,
timestamp, boolean, ``F.property_key``, and the maps ``F.properties``,
``F.search_properties`` and ``F.scores`` whose ``[key]`` is a text field. The fields, their
kinds and operators come from the spec through the generated table
``helicone_evals_generated.filter_fields``: a field the spec adds is an attribute of ``F``
after ``nox -s regenerate``, with no edit here. Each leaf the builder makes holds one field and
one operator, because the server silently ignores all but the first of either.

Numbers are checked as the server binds them: a whole number is bound as a 32-bit integer
(beyond -2147483648..2147483647 it would wrap and match other rows), and ``cost`` is compared
as ``floor(value * 1e9)`` nano-dollars, so cost bounds of $2.147483648 or more are refused
with a FilterError that says how to express the intent.

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
    method     := the field's operator methods (equals, not_equals, like, ...) and the
                  conveniences is_null, is_not_null, is_in, between
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
above, in time linear in the text, up to ``MAX_PARSE_LENGTH`` (500,000) characters. Python's
parser limits nesting to about 200 parentheses; deeper trees round-trip through
``to_dict``/``Filter.from_dict`` instead, which read any depth.

Layout: ``_table`` (lookups over the generated table) < ``_values`` (value checks) <
``_text`` (leaf wording), ``_wire`` (wire reader) < ``_expr`` (the tree) < ``_fields`` (field
classes on the generated mixins) < ``_builder`` (``F``) < ``_parse`` (``F.parse``, lazy).
"""

from __future__ import annotations

from ._builder import MAX_PARSE_LENGTH, F, FilterBuilder
from ._expr import Filter
from ._fields import (
    BooleanField,
    Field,
    MapField,
    NumberField,
    PropertyKeyField,
    TextField,
    TimestampField,
)

# The public type is documented and pickled as helicone_evals.Filter.
Filter.__module__ = "helicone_evals"

__all__ = [
    "MAX_PARSE_LENGTH",
    "BooleanField",
    "F",
    "Field",
    "Filter",
    "FilterBuilder",
    "MapField",
    "NumberField",
    "PropertyKeyField",
    "TextField",
    "TimestampField",
]
