"""Building filters with F: operators, combinators, negation, equality and the errors users hit."""

from __future__ import annotations

import copy
import pickle
import subprocess
import sys
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest

from helicone_evals import F, Filter, FilterError, HeliconeError

LEAF = {"request_response_rmt": {"model": {"equals": "gpt-4o"}}}


def leaf(field: str, op: str, value: object) -> dict[str, Any]:
    return {"request_response_rmt": {field: {op: value}}}


def branch(left: object, op: str, right: object) -> dict[str, Any]:
    return {"left": left, "operator": op, "right": right}


# -- leaves ----------------------------------------------------------------------------------


def test_a_text_leaf_is_the_wire_leaf() -> None:
    assert F.model.equals("gpt-4o").to_dict() == LEAF
    assert F.model.not_contains("mini").to_dict() == leaf("model", "not-contains", "mini")


def test_map_fields_and_property_key_have_their_wire_shapes() -> None:
    assert F.properties["env"].equals("prod").to_dict() == {
        "request_response_rmt": {"properties": {"env": {"equals": "prod"}}}
    }
    assert F.scores["quality"].not_equals("1").to_dict() == {
        "request_response_rmt": {"scores": {"quality": {"not-equals": "1"}}}
    }
    assert F.property_key.equals("env").to_dict() == leaf("property_key", "equals", "env")


def test_the_hyphenated_field_is_reachable_both_ways() -> None:
    expected = leaf("helicone-score-feedback", "equals", True)
    assert F.helicone_score_feedback.equals(True).to_dict() == expected
    assert F["helicone-score-feedback"].equals(True).to_dict() == expected
    assert F["helicone_score_feedback"] is F.helicone_score_feedback


@pytest.mark.parametrize(
    ("built", "op", "value"),
    [
        (F.cost == 0.5, "equals", 0.5),
        (F.cost != 0.5, "not-equals", 0.5),
        (F.cost > 0.5, "gt", 0.5),
        (F.cost >= 0.5, "gte", 0.5),
        (F.cost < 0.5, "lt", 0.5),
        (F.cost <= 0.5, "lte", 0.5),
        (0.5 < F.cost, "gt", 0.5),  # noqa: SIM300  (reflected operators)
        (2 >= F.cost, "lte", 2),  # noqa: SIM300
    ],
)
def test_python_comparisons_on_number_fields_build_filters(
    built: Filter, op: str, value: float
) -> None:
    assert built.to_dict() == leaf("cost", op, value)


def test_text_and_boolean_fields_support_eq_and_ne() -> None:
    assert (F.model == "x") == F.model.equals("x")
    assert (F.model != "x") == F.model.not_equals("x")
    assert (F.model == None) == F.model.is_null()  # noqa: E711
    assert (F.cached == True) == F.cached.equals(True)  # noqa: E712
    assert (F.cached != True) == F.cached.equals(False)  # noqa: E712


def test_timestamps_are_sent_in_utc_with_an_explicit_offset() -> None:
    plus2 = timezone(timedelta(hours=2))
    a = F.request_created_at.gte(datetime(2024, 1, 5, 14, 0, tzinfo=plus2))
    b = F.request_created_at >= "2024-01-05T12:00:00Z"
    assert a.to_dict() == leaf("request_created_at", "gte", "2024-01-05T12:00:00+00:00")
    assert a == b  # the same instant is the same filter


def test_null_helpers_use_the_server_sentinel() -> None:
    assert F.user_id.is_null().to_dict() == leaf("user_id", "equals", "null")
    assert F.user_id.is_not_null().to_dict() == leaf("user_id", "not-equals", "null")


def test_between_is_gte_and_lte() -> None:
    assert F.latency.between(100, 200) == F.latency.gte(100) & F.latency.lte(200)
    t0 = datetime(2024, 1, 1, tzinfo=UTC)
    t1 = t0 + timedelta(days=1)
    assert F.response_created_at.between(t0, t1) == (
        (F.response_created_at >= t0) & (F.response_created_at <= t1)
    )


def test_is_in_is_an_or_of_equals() -> None:
    assert F.model.is_in(["a", "b", "c"]) == F.model.equals("a") | F.model.equals(
        "b"
    ) | F.model.equals("c")
    assert F.status.is_in((200,)) == F.status.equals(200)


# -- combining -------------------------------------------------------------------------------


def test_and_or_build_branches() -> None:
    a, b = F.model.equals("gpt-4o"), F.cost.gt(0.01)
    assert (a & b).to_dict() == branch(LEAF, "and", leaf("cost", "gt", 0.01))
    assert (a | b).to_dict() == branch(LEAF, "or", leaf("cost", "gt", 0.01))


def test_F_all_is_the_identity_of_and_and_absorbs_or() -> None:
    x = F.model.equals("gpt-4o")
    assert F.all.to_dict() == "all"
    assert str(F.all) == "all"
    assert repr(F.all) == "F.all"
    assert F.all & x is x
    assert x & F.all is x
    assert F.all_of() is F.all
    assert F.all_of(x) is x
    assert (x | F.all) is F.all
    assert F.any_of(x, F.all) is F.all


def test_any_of_without_arguments_raises() -> None:
    with pytest.raises(FilterError, match="at least one"):
        F.any_of()


def test_long_conjunctions_are_flat_and_serialize_balanced() -> None:
    terms = [F.latency.gt(i) for i in range(8)]
    built_in_a_loop = terms[0]
    for t in terms[1:]:
        built_in_a_loop = built_in_a_loop & t
    assert built_in_a_loop == F.all_of(*terms)
    assert built_in_a_loop == terms[0] & (terms[1] & terms[2]) & F.all_of(*terms[3:])
    wire = built_in_a_loop.to_dict()
    assert depth(wire) == 3  # 8 terms: a balanced tree, not a chain of 7

    def leaves(node: Any) -> list[Any]:
        return leaves(node["left"]) + leaves(node["right"]) if "left" in node else [node]

    assert leaves(wire) == [t.to_dict() for t in terms]


def depth(node: Any) -> int:
    best, stack = 0, [(node, 0)]
    while stack:
        n, d = stack.pop()
        if isinstance(n, dict) and "left" in n:
            stack += [(n["left"], d + 1), (n["right"], d + 1)]
        best = max(best, d)
    return best


def test_a_10000_term_conjunction_serializes_without_recursion_error() -> None:
    terms = [F.latency.gt(i) for i in range(10_000)]
    looped = F.all
    for t in terms:
        looped = looped & t
    wire = looped.to_dict()
    assert depth(wire) == 14
    assert looped == F.all_of(*terms)
    assert len(str(looped).split(" and ")) == 10_000
    assert repr(looped).count(" & ") == 9_999
    assert Filter.from_dict(wire) == looped
    assert F.parse(str(looped)) == looped
    assert hash(looped) == hash(Filter.from_dict(wire))
    negated = ~looped
    assert negated == F.any_of(*[F.latency.lte(i) for i in range(10_000)])


# -- negation --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("f", "expected"),
    [
        (F.model.equals("x"), F.model.not_equals("x")),
        (F.model.contains("x"), F.model.not_contains("x")),
        (F.properties["env"].equals("p"), F.properties["env"].not_equals("p")),
        (F.user_id.is_null(), F.user_id.is_not_null()),
        (F.cost > 1, F.cost <= 1),
        (F.cost >= 1, F.cost < 1),
        (F.cost == 1, F.cost != 1),
        (
            F.request_created_at > "2024-01-01T00:00:00Z",
            F.request_created_at <= "2024-01-01T01:00:00+01:00",
        ),
        (F.cached.equals(True), F.cached.equals(False)),
    ],
)
def test_negation_uses_the_complementary_operator(f: Filter, expected: Filter) -> None:
    assert ~f == expected
    assert ~~f == f


def test_negation_follows_de_morgan() -> None:
    a, b, c = F.model.equals("x"), F.cost > 1, F.cached.equals(True)
    assert ~(a & (b | c)) == ~a | (~b & ~c)
    assert str(~(a & (b | c))) == "model != 'x' or (cost <= 1 and cached == False)"


@pytest.mark.parametrize(
    ("f", "named"),
    [
        (F.model.like("gpt%"), "like"),
        (F.model.ilike("GPT%"), "ilike"),
        (F.request_created_at.equals("2024-01-01T00:00:00Z"), "equals"),
        (F.property_key.equals("env"), "equals"),
        (F.cost.gt(1) & F.scores["s"].like("1%"), "like"),
    ],
)
def test_negating_an_operator_without_complement_raises_naming_it(f: Filter, named: str) -> None:
    with pytest.raises(FilterError, match=f"cannot negate .*'{named}'"):
        ~f  # noqa: B018


def test_negating_F_all_raises() -> None:
    with pytest.raises(FilterError, match="no wire form"):
        ~F.all  # noqa: B018


# -- equality, hashing, immutability --------------------------------------------------------


def test_filters_compare_structurally_and_hash_alike() -> None:
    a = F.model.equals("gpt-4o") & (F.cost.gt(0.01) | F.cached.equals(True))
    b = F.model.equals("gpt-4o") & (F.cost.gt(0.01) | F.cached.equals(True))
    assert a == b
    assert hash(a) == hash(b)
    assert len({a, b, F.all}) == 2
    assert a != F.model.equals("gpt-4o")
    assert a != "not a filter"
    assert (F.cost > 1) & (F.cost < 2) != (F.cost < 2) & (F.cost > 1)  # order is structure


def test_bool_of_a_filter_raises_with_a_hint() -> None:
    f = F.cost > 0.01
    with pytest.raises(FilterError, match="&"):
        bool(f)
    with pytest.raises(FilterError):
        _ = (F.cost > 0.01) and (F.latency < 5)
    with pytest.raises(FilterError):
        _ = 0 < F.cost < 1  # a chained comparison calls bool() in between


def test_filters_are_immutable() -> None:
    f = F.model.equals("x")
    with pytest.raises(AttributeError):
        f.op = "like"  # type: ignore[attr-defined]
    with pytest.raises(AttributeError):
        f.anything = 1  # type: ignore[attr-defined]
    with pytest.raises(AttributeError):
        F.model = F.cost  # type: ignore[misc]
    assert f.to_dict() == leaf("model", "equals", "x")


def test_to_dict_returns_a_fresh_object_each_time() -> None:
    f = F.model.equals("x") & F.cost.gt(1)
    first = f.to_dict()
    assert isinstance(first, dict)
    first["operator"] = "or"
    assert f.to_dict()["operator"] == "and"  # type: ignore[index]


def test_filters_pickle_and_copy() -> None:
    f = F.model.equals("x") & (F.cost.gt(1) | F.user_id.is_null())
    assert pickle.loads(pickle.dumps(f)) == f
    assert pickle.loads(pickle.dumps(F.all)) is F.all
    assert copy.deepcopy(f) is f


def test_repr_shows_the_F_expression() -> None:
    f = F.model.equals("gpt-4o") & F.cost.gt(0.01)
    assert repr(f) == "F.model.equals('gpt-4o') & F.cost.gt(0.01)"
    g = (F.properties["env"] == "prod") | (
        F.helicone_score_feedback.equals(True) & F.user_id.is_null()
    )
    assert repr(g) == (
        "F.properties['env'].equals('prod') | "
        "(F.helicone_score_feedback.equals(True) & F.user_id.is_null())"
    )
    assert repr(F.model) == "F.model"
    assert repr(F.scores["q"]) == "F.scores['q']"


# -- errors at build time -------------------------------------------------------------------


def test_errors_are_filter_errors_and_value_errors() -> None:
    with pytest.raises(FilterError) as info:
        F.cost.gt("x")  # type: ignore[arg-type]
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, HeliconeError)


def test_an_operator_the_field_type_lacks_names_the_field_and_what_it_accepts() -> None:
    with pytest.raises(FilterError, match=r"F\.cost has no operator 'contains'.*number.*gte"):
        F.cost.contains("x")  # type: ignore[attr-defined]
    with pytest.raises(FilterError, match=r"F\.cached has no operator 'gt'.*boolean.*equals"):
        F.cached.gt(1)  # type: ignore[attr-defined]
    assert not hasattr(F.cost, "contains")  # still an AttributeError for hasattr()


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: F.latency.gt("fast"), r"F\.latency\.gt\(\): expected a number.*'fast'"),  # type: ignore[arg-type]
        (lambda: F.latency.gt(True), r"expected a number.*bool"),
        (lambda: F.cost.lt(float("nan")), r"finite"),
        (lambda: F.cost.lt(float("inf")), r"finite"),
        (lambda: F.model.equals(5), r"F\.model\.equals\(\): expected a string, got int"),  # type: ignore[arg-type]
        (lambda: F.cached.equals("yes"), r"expected True or False"),  # type: ignore[arg-type]
        (lambda: F.property_key.equals(1), r"expected a string"),  # type: ignore[arg-type]
        (lambda: F.properties[1], r"string key"),  # type: ignore[index]
        (lambda: F.request_created_at.gt(datetime(2024, 1, 1)), r"has no timezone"),
        (lambda: F.request_created_at.gt("2024-01-01T00:00:00"), r"has no timezone"),
        (lambda: F.request_created_at.gt("Jan 5 2024"), r"not an ISO-8601"),
        (lambda: F.request_created_at.gt(1704067200), r"timezone-aware datetime"),  # type: ignore[arg-type]
        (lambda: F.request_created_at != "2024-01-01T00:00:00Z", r"no operator for !=.*< t"),
        (lambda: F.property_key != "env", r"cannot negate"),
        (lambda: F.latency.between(5, 1), r"low is above high"),
        (
            lambda: F.request_created_at.between("2024-01-02T00:00:00Z", "2024-01-01T00:00:00Z"),
            r"low is above high",
        ),
        (lambda: F.model > "a", r"F\.model > \.\.\. is not available.*text field"),  # type: ignore[operator]
        (lambda: F.model.is_in([]), r"match no row"),
        (lambda: F.model.is_in("abc"), r"takes a list"),
        (lambda: F.all_of(F.model), r"field, not a filter"),  # type: ignore[arg-type]
        (lambda: F.all_of([F.model.equals("x")]), r"F\.all_of\(\*filters\)"),  # type: ignore[arg-type]
        (lambda: F.model.equals("x") & "cost > 1", r"cannot combine str"),  # type: ignore[operator]
        (lambda: F.model.equals("x") | F.cost, r"F\.cost is a field"),  # type: ignore[operator]
        (lambda: F["nosuch"], r"F has no field 'nosuch'"),
    ],
)
def test_bad_values_raise_filter_error_naming_the_field(build: Any, message: str) -> None:
    with pytest.raises(FilterError, match=message):
        build()


def test_a_misplaced_comparison_in_an_expression_fails_loudly() -> None:
    with pytest.raises(FilterError, match="parenthesize"):
        _ = F.cost > 1 & F.model.equals("x")  # type: ignore[operator]
    with pytest.raises(FilterError, match=r"F\.cost is a field, not a filter"):
        _ = F.model.equals("x") & F.cost > 1  # type: ignore[operator]


def test_an_unknown_field_names_it_and_suggests_close_matches() -> None:
    with pytest.raises(FilterError, match=r"no field 'nosuchfield'") as info:
        F.nosuchfield  # type: ignore[attr-defined]  # noqa: B018
    assert isinstance(info.value, AttributeError)
    with pytest.raises(FilterError, match=r"did you mean (completion_tokens|prompt_tokens)"):
        F.prompt_token  # type: ignore[attr-defined]  # noqa: B018
    with pytest.raises(FilterError, match="did you mean model"):
        F.modle  # type: ignore[attr-defined]  # noqa: B018


def test_building_filters_loads_neither_ast_nor_pydantic() -> None:
    # `from helicone_evals import F` is on every user's import path: keep it light.
    code = (
        "import sys\n"
        "from helicone_evals import F\n"
        "f = F.model.equals('x') & ~(F.cost > 1)\n"
        "f.to_dict(); str(f); repr(f)\n"
        "print(sorted(m for m in ('ast', 'pydantic', 'difflib') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
