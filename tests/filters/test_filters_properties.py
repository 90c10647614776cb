"""Property tests: the wire and text forms round-trip, and ~ is the real negation.

The evaluator below follows ../shared/notes/server-semantics.md: a leaf is one SQL comparison
(``"null"`` is the IS NULL sentinel, ``contains`` is ``ILIKE '%v%'``, cost is compared in
nano-dollars, ``scores['k']`` only matches rows that have the score), and AND/OR use SQL's
three-valued logic, where a comparison with NULL is unknown (None) and a row matches only if
the whole filter is True.
"""

from __future__ import annotations

import math
import re
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from helicone_evals import F, Filter, FilterError
from helicone_evals_generated.filter_fields import FIELDS, INT32_RANGE, KINDS, MAP, VALUE_SCALE
from helicone_evals_generated.models import EvalQueryParams

# -- strategies: any filter (for round trips) ------------------------------------------------

texts = st.one_of(st.text(max_size=12), st.sampled_from(["null", "gpt-4o", "%", 'it\'s "x"\\']))
LOW, HIGH = INT32_RANGE
# What the server can compare: whole numbers within Int32, any finite float with a fraction.
numbers = st.one_of(
    st.integers(LOW, HIGH),
    st.floats(allow_nan=False, allow_infinity=False).filter(
        lambda x: not x.is_integer() or LOW <= x <= HIGH
    ),
    st.sampled_from([0, -0.0, 1e-9, 1e300 * 1.5e-300, 2147483647.5, -2147483648.5]),
)


def scaled(scale: int) -> st.SearchStrategy[float]:
    # floor(value * scale) must fit Int32: the bounds below keep a margin for rounding.
    return st.floats(min_value=LOW / scale * 0.999, max_value=HIGH / scale * 0.999)


offsets = st.builds(
    timezone, st.timedeltas(min_value=timedelta(hours=-23), max_value=timedelta(hours=23))
)
times = st.datetimes(
    min_value=datetime(1970, 1, 1), max_value=datetime(2100, 1, 1), timezones=offsets
)
VALUES: dict[str, st.SearchStrategy[Any]] = {
    "string": texts,
    "number": numbers,
    "timestamp": st.one_of(times, times.map(datetime.isoformat)),
    "boolean": st.booleans(),
}


@st.composite
def any_leaf(draw: st.DrawFn) -> Filter:
    spec = draw(st.sampled_from(FIELDS))
    field: Any = F[spec.wire]
    if spec.kind == MAP:
        field = field[draw(texts)]
    op = draw(st.sampled_from(KINDS[spec.item_kind or spec.kind].operators))
    scale = VALUE_SCALE.get(spec.wire)
    value = draw(scaled(scale) if scale else VALUES[op.value_type])
    result: Filter = getattr(field, op.method)(value)
    return result


def try_not(f: Filter) -> Filter:
    try:
        return ~f
    except FilterError:
        return f


def trees(leaves: st.SearchStrategy[Filter]) -> st.SearchStrategy[Filter]:
    return st.recursive(
        leaves,
        lambda children: st.one_of(
            st.lists(children, min_size=2, max_size=4).map(lambda fs: F.all_of(*fs)),
            st.lists(children, min_size=1, max_size=4).map(lambda fs: F.any_of(*fs)),
            children.map(try_not),
        ),
        max_leaves=12,
    )


any_filter = st.one_of(st.just(F.all), trees(any_leaf()))


@given(any_filter)
def test_from_dict_reads_back_what_to_dict_writes(f: Filter) -> None:
    assert Filter.from_dict(f.to_dict()) == f


@given(any_filter)
def test_parse_reads_back_what_str_writes(f: Filter) -> None:
    assert F.parse(str(f)) == f


@given(any_filter)
def test_every_filter_is_spec_valid(f: Filter) -> None:
    window = {"start": "2024-01-01T00:00:00Z", "end": "2024-02-01T00:00:00Z"}
    EvalQueryParams.model_validate({"filter": f.to_dict(), "timeFilter": window})


# -- strategies: negatable filters over a small world of values, and rows --------------------

MODELS = ["gpt-4o", "GPT-4o-mini", "claude%", "null", ""]
LATENCIES = [0, 100, 250.5, 1000]
COSTS = [0.0, 1e-9, 0.01, 0.0100000001]
T0 = datetime(2024, 1, 5, tzinfo=UTC)
INSTANTS = [T0, T0 + timedelta(hours=1), T0 + timedelta(days=1)]
SCORE_KEYS = ["quality", "helicone-score-feedback"]
PROP_KEYS = ["env", "team"]


@st.composite
def negatable_leaf(draw: st.DrawFn) -> Filter:
    choice = draw(st.sampled_from(["model", "latency", "cost", "time", "cached", "prop", "score"]))
    if choice in ("model", "prop", "score"):
        if choice == "model":
            field: Any = F.model
        elif choice == "prop":
            field = F.properties[draw(st.sampled_from(PROP_KEYS))]
        else:
            field = F.scores["quality"]
        op = draw(st.sampled_from(["equals", "not_equals", "contains", "not_contains", "nulls"]))
        if op == "nulls":
            return draw(st.sampled_from([field.is_null(), field.is_not_null()]))  # type: ignore[no-any-return]
        value = draw(st.sampled_from([*MODELS, "gpt", "mini", "1", "prod", "%"]))
        return getattr(field, op)(value)  # type: ignore[no-any-return]
    if choice == "cached":
        return F.cached.equals(draw(st.booleans()))
    if choice == "time":
        op = draw(st.sampled_from(["gt", "gte", "lt", "lte"]))
        instant = draw(st.sampled_from(INSTANTS))
        shown = instant.astimezone(timezone(timedelta(hours=draw(st.integers(-12, 12)))))
        return getattr(F.request_created_at, op)(shown)  # type: ignore[no-any-return]
    op = draw(st.sampled_from(["equals", "not_equals", "gt", "gte", "lt", "lte"]))
    pool = LATENCIES if choice == "latency" else COSTS
    return getattr(F[choice], op)(draw(st.sampled_from(pool)))  # type: ignore[no-any-return]


@st.composite
def rows(draw: st.DrawFn) -> dict[str, Any]:
    def maybe(values: list[Any]) -> Any:
        return draw(st.one_of(st.none(), st.sampled_from(values)))

    return {
        "model": maybe(MODELS),
        "latency": maybe(LATENCIES),
        # cost is stored as integer nano-dollars
        "cost": maybe([0, 1, 10_000_000, 10_000_001, 20_000_000]),
        "request_created_at": draw(st.sampled_from(INSTANTS)),
        "cached": draw(st.booleans()),
        "properties": draw(
            st.dictionaries(st.sampled_from(PROP_KEYS), st.sampled_from(["prod", "dev", ""]))
        ),
        "scores": draw(st.dictionaries(st.sampled_from(SCORE_KEYS), st.integers(0, 3))),
    }


# -- the evaluator -----------------------------------------------------------------------------


def like(value: str, pattern: str, *, ignore_case: bool) -> bool:
    regex = "".join(".*" if c == "%" else "." if c == "_" else re.escape(c) for c in pattern)
    return re.fullmatch(regex, value, re.DOTALL | (re.IGNORECASE if ignore_case else 0)) is not None


def compare(column: Any, op: str, value: Any) -> bool | None:
    if op == "equals" and value == "null":
        return column is None
    if op == "not-equals" and value == "null":
        return column is not None
    if column is None:
        return None  # SQL: a comparison with NULL is unknown
    if op == "equals":
        return bool(column == value)
    if op == "not-equals":
        return bool(column != value)
    if op == "like":
        return like(column, value, ignore_case=False)
    if op == "ilike":
        return like(column, value, ignore_case=True)
    if op == "contains":
        return like(column, f"%{value}%", ignore_case=True)
    if op == "not-contains":
        return not like(column, f"%{value}%", ignore_case=True)
    result: bool = {
        "gt": column > value,
        "gte": column >= value,
        "lt": column < value,
        "lte": column <= value,
    }[op]
    return result


def evaluate_leaf(row: dict[str, Any], wire: dict[str, Any]) -> bool | None:
    ((field, body),) = wire["request_response_rmt"].items()
    if field in ("properties", "scores"):
        ((key, ops),) = body.items()
    else:
        key, ops = None, body
    ((op, value),) = ops.items()
    if field == "properties":
        column = row["properties"].get(key, "")  # a missing map key reads as ''
    elif field == "scores":
        if key not in row["scores"]:
            return None  # has(scores, k) is false: the row matches neither side
        column = str(row["scores"][key])
    elif field == "cost":
        column, value = row["cost"], math.floor(value * 1e9)
    elif field == "request_created_at":
        column, value = row[field], datetime.fromisoformat(value)
    else:
        column = row[field]
    return compare(column, op, value)


def evaluate(row: dict[str, Any], wire: Any) -> bool | None:
    """Three-valued: True, False or None (unknown); iterative post-order over the wire JSON."""
    if wire == "all":
        return True
    out: list[bool | None] = []
    stack: list[tuple[Any, bool]] = [(wire, False)]
    while stack:
        node, done = stack.pop()
        if "request_response_rmt" in node:
            out.append(evaluate_leaf(row, node))
        elif not done:
            stack += [(node, True), (node["right"], False), (node["left"], False)]
        else:
            right, left = out.pop(), out.pop()
            if node["operator"] == "and":
                out.append(
                    False if False in (left, right) else None if None in (left, right) else True
                )
            else:
                out.append(
                    True if True in (left, right) else None if None in (left, right) else False
                )
    return out[0]


def kleene_not(value: bool | None) -> bool | None:
    return None if value is None else not value


@settings(max_examples=300)  # a wrong complement must be found on every run, not sometimes
@given(trees(negatable_leaf()), st.lists(rows(), min_size=1, max_size=8))
def test_negation_is_the_complement_row_by_row(f: Filter, sample: list[dict[str, Any]]) -> None:
    positive, negative = f.to_dict(), (~f).to_dict()
    for row in sample:
        yes, no = evaluate(row, positive), evaluate(row, negative)
        assert no == kleene_not(yes)
        # What a user sees: no row matches both; a row with no NULL involved matches exactly one.
        assert not (yes is True and no is True)
        if yes is not None:
            assert (yes is True) != (no is True)


def test_the_evaluator_can_tell_filters_apart() -> None:
    # Guards the property test above against an evaluator that says the same for everything.
    row = {
        "model": "gpt-4o",
        "latency": 100,
        "cost": 10_000_000,
        "request_created_at": T0,
        "cached": False,
        "properties": {"env": "prod"},
        "scores": {"quality": 1},
    }
    assert evaluate(row, (F.model.contains("GPT") & (F.cost == 0.01)).to_dict()) is True
    assert evaluate(row, (F.model.like("GPT%")).to_dict()) is False
    assert evaluate(row, F.properties["team"].not_equals("x").to_dict()) is True
    assert evaluate(row, F.scores["helicone-score-feedback"].equals("1").to_dict()) is None
    assert evaluate({**row, "model": None}, F.model.not_equals("x").to_dict()) is None
    assert evaluate({**row, "model": None}, F.model.is_null().to_dict()) is True
    assert evaluate(row, (F.request_created_at > T0).to_dict()) is False
