"""Hostile and out-of-range inputs (issue 12): every one is a FilterError, raised at build time.

Covers huge integers (no raw ValueError from int->str digit limits), lone surrogates, values
and branches nested thousands deep, a leaf with 100,000 properties, long junk text for F.parse,
and numbers the real server would bind as a wrapping Int32 (cost in nano-dollars).
"""

from __future__ import annotations

import sys
from typing import Any

import pytest

from helicone_evals import ArgumentError, F, Filter, FilterError
from helicone_evals.filters import MAX_PARSE_LENGTH

HUGE = 10**5000  # str() of it raises ValueError (4300-digit limit)


def leaf(field: str, op: str, value: object) -> dict[str, Any]:
    return {"request_response_rmt": {field: {op: value}}}


def test_filter_error_is_an_argument_error() -> None:
    assert issubclass(FilterError, ArgumentError)


@pytest.mark.parametrize(
    "build",
    [
        lambda: str(F.cost > HUGE),
        lambda: F.cost.gt(HUGE),
        lambda: F.latency.lt(-HUGE),
        lambda: F.model.equals(HUGE),
        lambda: F.cached.equals(HUGE),
        lambda: F.request_created_at.gt(HUGE),
        lambda: F.status.is_in([1, HUGE]),
        lambda: Filter.from_dict(leaf("latency", "gt", HUGE)),
        lambda: Filter.from_dict(leaf("model", "equals", HUGE)),
        lambda: F.parse("cost > " + "9" * 5000),
    ],
)
def test_huge_integers_are_filter_errors_with_short_messages(build: Any) -> None:
    with pytest.raises(FilterError) as info:
        build()
    assert len(str(info.value)) < 1000
    assert "9" * 100 not in str(info.value)


@pytest.mark.parametrize(
    "build",
    [
        lambda: F.model.equals("\ud800"),
        lambda: F.model.like("gpt\udfff%"),
        lambda: F.properties["\ud800"],
        lambda: F.scores["q"].equals("x\udc00y"),
        lambda: F.property_key.equals("\ud800"),
        lambda: F.request_created_at.gt("2024-01-01T00:00:00Z\ud800"),
        lambda: F.model.is_in(["ok", "\ud800"]),
        lambda: Filter.from_dict(leaf("model", "equals", "\ud800")),
        lambda: Filter.from_dict(
            {"request_response_rmt": {"properties": {"\ud800": {"equals": "x"}}}}
        ),
        lambda: F.parse("model == '\ud800'"),
        lambda: F.parse("model\ud800 == 'x'"),
    ],
)
def test_lone_surrogates_are_refused_when_the_filter_is_built(build: Any) -> None:
    with pytest.raises(FilterError, match="surrogate"):
        build()


def test_real_non_ascii_text_is_kept() -> None:
    f = F.model.equals("café ☕ \U0001d518") & F.properties["ключ"].equals("值")
    assert Filter.from_dict(f.to_dict()) == f
    assert F.parse(str(f)) == f


def nested_list(depth: int) -> Any:
    value: Any = "x"
    for _ in range(depth):
        value = [value]
    return value


@pytest.mark.parametrize("depth", [1_000, 100_000])
def test_values_nested_deep_are_filter_errors_not_recursion_errors(depth: int) -> None:
    deep = nested_list(depth)
    for wire in (
        leaf("model", "equals", deep),
        leaf("cost", "gt", deep),
        {"request_response_rmt": {"properties": deep}},
        {"request_response_rmt": {"model": deep}},
        {"left": leaf("model", "equals", "x"), "operator": deep, "right": "all"},
        {"request_response_rmt": deep},
    ):
        with pytest.raises(FilterError):
            Filter.from_dict(wire)


def test_branches_nested_thousands_deep_read_and_round_trip() -> None:
    node: Any = leaf("cost", "gt", 0)
    for i in range(5_000):
        node = {
            "left": leaf("latency", "lt", i),
            "operator": "or" if i % 2 else "and",
            "right": node,
        }
    f = Filter.from_dict(node)
    assert Filter.from_dict(f.to_dict()) == f
    assert str(f).count("(") == 4_999


def test_a_leaf_with_100000_properties_reads_as_one_conjunction() -> None:
    wire = {
        "request_response_rmt": {
            "properties": {f"k{i}": {"equals": str(i)} for i in range(100_000)}
        }
    }
    f = Filter.from_dict(wire)
    terms = f.terms  # type: ignore[attr-defined]
    assert len(terms) == 100_000
    assert terms[0] == F.properties["k0"].equals("0")
    assert terms[-1] == F.properties["k99999"].equals("99999")
    assert str(f).count(" and ") == 99_999


def test_a_leaf_with_100000_bad_keys_fails_with_a_short_message() -> None:
    extra = {f"k{i}": 1 for i in range(100_000)}
    with pytest.raises(FilterError, match=r"and 99995 more") as info:
        Filter.from_dict({"request_response_rmt": {"model": {"equals": "x"}}, **extra})
    assert len(str(info.value)) < 500
    with pytest.raises(FilterError, match=r"^\$\.left: a branch takes only") as info:
        Filter.from_dict({"left": {**extra, "left": 1}, "operator": "and", "right": "all"})
    assert len(str(info.value)) < 500


def test_parse_refuses_text_over_its_documented_limit_at_once() -> None:
    junk = "model == 'x' and " * (1_000_000 // 17)
    with pytest.raises(FilterError, match=f"more than the {MAX_PARSE_LENGTH:,}"):
        F.parse(junk)
    with pytest.raises(FilterError):
        F.parse("\x00(" * 500_000)


def test_parse_fails_cleanly_on_long_invalid_text_within_the_limit() -> None:
    chain = "model == 'x' and " * (MAX_PARSE_LENGTH // 20)
    with pytest.raises(FilterError, match=r"unknown field 'nosuch'"):
        F.parse(chain + "nosuch == 1")
    with pytest.raises(FilterError, match="invalid syntax"):
        F.parse(chain + "model ==")
    assert len(F.parse(chain + "cost > 0").terms) == MAX_PARSE_LENGTH // 20 + 1  # type: ignore[attr-defined]


# -- Int32: what the real server would silently wrap -------------------------------------------


@pytest.mark.parametrize(
    "build",
    [
        lambda: F.cost > 3,
        lambda: F.cost >= 2.147483648,
        lambda: F.cost.lt(-2.147483649),
        lambda: F.cost.between(0, 5),
        lambda: F.cost.is_in([0.5, 10]),
        lambda: Filter.from_dict(leaf("cost", "gt", 3)),
        lambda: F.parse("cost > 3"),
        lambda: F.cost.gt(1e300),
    ],
)
def test_cost_bounds_the_server_would_wrap_are_refused(build: Any) -> None:
    with pytest.raises(FilterError, match=r"32-bit integer.*2\.147483647.*match other rows"):
        build()


def test_the_cost_message_says_what_the_server_would_compare() -> None:
    with pytest.raises(FilterError) as info:
        F.cost.gt(3)
    message = str(info.value)
    assert message.startswith("F.cost.gt(): ")
    assert "floor(value * 1_000_000_000)" in message
    assert "wrap to -1.294967296" in message  # 3e9 nano-dollars as Int32: -1294967296


@pytest.mark.parametrize("value", [2.147483647, -2.147483648, 0.0001, 1, 2, -2, 0])
def test_cost_bounds_within_range_are_kept(value: float) -> None:
    assert (F.cost > value).to_dict() == leaf("cost", "gt", value)


@pytest.mark.parametrize(
    ("build", "hint"),
    [
        (lambda: F.latency > 2**31, r"`> 2147483648` is `> 2147483648\.5`"),
        (lambda: F.prompt_tokens >= 3_000_000_000, r"`>= 3000000000` is `>= 2999999999\.5`"),
        (lambda: F.total_tokens < -(2**31) - 1, r"`< -2147483649` is `< -2147483649\.5`"),
        (lambda: F.status.equals(3e9), r"between\(2999999999\.5, 3000000000\.5\)"),
        (lambda: F.latency.gt(1e300), r"no filter expresses a value this large"),
    ],
)
def test_whole_numbers_beyond_int32_are_refused_with_a_float_hint(build: Any, hint: str) -> None:
    with pytest.raises(FilterError, match=r"32-bit integer.*wrap") as info:
        build()
    assert info.match(hint)


@pytest.mark.parametrize("value", [2**31 - 1, -(2**31), 2_147_483_648.5, 1e12 + 0.5, 0.25])
def test_numbers_the_server_binds_exactly_are_kept(value: float) -> None:
    assert (F.latency > value).to_dict() == leaf("latency", "gt", value)


def test_how_deep_a_text_may_nest_does_not_depend_on_the_recursion_limit() -> None:
    # A host program (mypy in-process, for one) may raise the interpreter's limit; the text
    # language keeps its own bound, so the same text is refused everywhere.
    previous = sys.getrecursionlimit()
    sys.setrecursionlimit(50_000)
    try:
        with pytest.raises(FilterError, match="nested more than 200 levels"):
            F.parse("not " * 5000 + "cached == True")
    finally:
        sys.setrecursionlimit(previous)
    assert F.parse("not " * 200 + "cached == True") == F.cached.equals(True)
