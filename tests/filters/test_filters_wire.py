"""Filter.from_dict: strict reading of the wire JSON, with JSON paths in every error."""

from __future__ import annotations

import json
from typing import Any

import pytest

from helicone_evals import F, Filter, FilterError


def leaf(field: str, op: str, value: object) -> dict[str, Any]:
    return {"request_response_rmt": {field: {op: value}}}


def branch(left: object, op: str, right: object) -> dict[str, Any]:
    return {"left": left, "operator": op, "right": right}


MODEL = leaf("model", "equals", "gpt-4o")
COST = leaf("cost", "gt", 0.01)


def test_reads_leaves_branches_and_all() -> None:
    assert Filter.from_dict("all") is F.all
    assert Filter.from_dict(MODEL) == F.model.equals("gpt-4o")
    assert Filter.from_dict(branch(MODEL, "or", COST)) == F.model.equals("gpt-4o") | (F.cost > 0.01)
    assert Filter.from_dict(
        {"request_response_rmt": {"properties": {"env": {"not-contains": "dev"}}}}
    ) == F.properties["env"].not_contains("dev")
    assert Filter.from_dict(leaf("property_key", "equals", "env")) == F.property_key.equals("env")
    assert Filter.from_dict(
        leaf("helicone-score-feedback", "equals", False)
    ) == F.helicone_score_feedback.equals(False)


def test_reads_what_json_loads_returns() -> None:
    text = json.dumps((F.model.equals("x") & (F.latency.lt(5) | F.cached.equals(True))).to_dict())
    assert Filter.from_dict(json.loads(text)) == F.model.equals("x") & (
        F.latency.lt(5) | F.cached.equals(True)
    )


def test_all_inside_a_tree_follows_and_or_identities() -> None:
    assert Filter.from_dict(branch("all", "and", MODEL)) == F.model.equals("gpt-4o")
    assert Filter.from_dict(branch(MODEL, "or", "all")) is F.all
    assert Filter.from_dict({}) is F.all  # the server reads an empty leaf as `true`


def test_timestamps_are_normalized_to_utc() -> None:
    f = Filter.from_dict(leaf("request_created_at", "gte", "2024-01-05T14:00:00+02:00"))
    assert f.to_dict() == leaf("request_created_at", "gte", "2024-01-05T12:00:00+00:00")


def test_a_leaf_with_several_operators_becomes_an_and() -> None:
    # The server would silently use only `lte` here; the SDK keeps both conditions.
    f = Filter.from_dict({"request_response_rmt": {"latency": {"lte": 200, "gte": 100}}})
    assert f == F.latency.lte(200) & F.latency.gte(100)
    assert f.to_dict() == branch(leaf("latency", "lte", 200), "and", leaf("latency", "gte", 100))


def test_a_leaf_with_several_fields_or_keys_becomes_an_and() -> None:
    f = Filter.from_dict(
        {
            "request_response_rmt": {
                "model": {"equals": "a"},
                "properties": {"env": {"equals": "prod"}, "team": {"like": "ml%"}},
            }
        }
    )
    assert f == F.all_of(
        F.model.equals("a"), F.properties["env"].equals("prod"), F.properties["team"].like("ml%")
    )


@pytest.mark.parametrize(
    ("wire", "path", "message"),
    [
        (branch(MODEL, "xor", COST), r"\$\.operator", r"expected 'and' or 'or', got 'xor'"),
        (
            branch(branch(MODEL, "and", COST), "or", branch(MODEL, "AND", COST)),
            r"\$\.right\.operator",
            "'AND'",
        ),
        (
            branch(leaf("cost", "gt", "x"), "and", MODEL),
            r"\$\.left\.request_response_rmt\.cost\.gt",
            "number",
        ),
        (
            branch(MODEL, "and", leaf("costs", "gt", 1)),
            r"\$\.right\.request_response_rmt\.costs",
            "unknown field 'costs'; did you mean 'cost'",
        ),
        (
            leaf("cost", "contains", "x"),
            r"\$\.request_response_rmt\.cost\.contains",
            "unknown operator",
        ),
        (leaf("latency", "not_equals", 1), r"\.latency\.not_equals", r"not-equals"),
        (leaf("cost", "gt", True), r"\.cost\.gt", "got bool"),
        (leaf("cost", "gt", float("nan")), r"\.cost\.gt", "finite"),
        (leaf("latency", "gt", "10"), r"\.latency\.gt", "expected a number"),
        (leaf("model", "equals", 5), r"\.model\.equals", "expected a string"),
        (leaf("cached", "equals", "true"), r"\.cached\.equals", "True or False"),
        (leaf("request_created_at", "gt", "2024-01-05"), r"\.request_created_at\.gt", "timezone"),
        (leaf("request_created_at", "gt", "Jan 5 2024"), r"\.request_created_at\.gt", "ISO-8601"),
        (leaf("property_key", "like", "e%"), r"\.property_key\.like", "unknown operator"),
        (
            {"request_response_rmt": {"properties": {"env": {"gt": "x"}}}},
            r"\$\.request_response_rmt\.properties\.env\.gt",
            "unknown operator",
        ),
        (
            {"request_response_rmt": {"properties": {"my key": {"gt": "x"}}}},
            r"\$\.request_response_rmt\.properties\['my key'\]\.gt",
            "unknown operator",
        ),
        ({"request_response_rmt": {"properties": {}}}, r"\.properties", "expected"),
        ({"request_response_rmt": {"model": {}}}, r"\.model", "one of"),
        ({"request_response_rmt": {}}, r"\$\.request_response_rmt", "one field"),
        ({"request_response_rmt": {"model": "gpt-4o"}}, r"\.model", "one of"),
        ({"left": MODEL, "operator": "and"}, r"\$", "'right'"),
        ({**branch(MODEL, "and", COST), "extra": 1}, r"\$", "extra"),
        ({"request_response_rmt": {}, "extra": 1}, r"\$", "extra"),
        ({"requests": {}}, r"\$", "only 'request_response_rmt'"),
        (branch(MODEL, "and", None), r"\$\.right", "got NoneType"),
        (branch(MODEL, "and", "model == 'x'"), r"\$\.right", "F.parse"),
        ([MODEL], r"\$", "got list"),
        ("ALL", r"\$", "the string 'ALL'"),
    ],
)
def test_bad_wire_raises_naming_the_json_path(wire: object, path: str, message: str) -> None:
    full = path if path.startswith(r"\$") else r"\$\.request_response_rmt" + path
    with pytest.raises(FilterError, match=rf"^{full}: .*{message}"):
        Filter.from_dict(wire)


def test_a_10000_deep_tree_reads_without_recursion_error() -> None:
    # A left-deep chain of alternating operators: nothing to flatten, 10,000 levels of nesting.
    node: Any = leaf("cost", "gt", 0)
    for i in range(10_000):
        node = branch(node, "and" if i % 2 else "or", leaf("latency", "lt", i))
    f = Filter.from_dict(node)
    assert str(f).count("(") == 9_999
    assert Filter.from_dict(f.to_dict()) == f
    assert hash(f) == hash(Filter.from_dict(f.to_dict()))
    assert ~~f == f
    assert repr(f).startswith("(" * 9_999 + "F.cost.gt(0) | F.latency.lt(0))")


def test_a_10000_deep_error_still_names_its_path() -> None:
    node: Any = leaf("costt", "gt", 0)
    for i in range(10_000):
        node = branch(node, "and" if i % 2 else "or", leaf("latency", "lt", i))
    with pytest.raises(FilterError, match=r"^\$(\.left){10000}\.request_response_rmt\.costt: "):
        Filter.from_dict(node)


def test_a_10000_long_chain_reads_as_one_flat_conjunction() -> None:
    node: Any = leaf("latency", "gt", 0)
    for i in range(1, 10_000):
        node = branch(node, "and", leaf("latency", "gt", i))
    f = Filter.from_dict(node)
    assert f == F.all_of(*[F.latency.gt(i) for i in range(10_000)])
