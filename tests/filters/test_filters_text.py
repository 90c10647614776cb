"""The text form: str(filter) and F.parse, which reads it back without evaluating anything."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from helicone_evals import F, Filter, FilterError


@pytest.mark.parametrize(
    ("f", "text"),
    [
        (
            F.model.equals("gpt-4o") & F.cost.gt(0.01) & F.properties["env"].equals("prod"),
            "model == 'gpt-4o' and cost > 0.01 and properties['env'] == 'prod'",
        ),
        (
            F.model.equals("a") & (F.cost.gt(1) | F.cached.equals(True)),
            "model == 'a' and (cost > 1 or cached == True)",
        ),
        (
            (F.model.equals("a") & F.cost.gt(1)) | F.user_id.is_null(),
            "(model == 'a' and cost > 1) or user_id.is_null()",
        ),
        (
            F.model.like("gpt%") | F.model.ilike("CLAUDE%"),
            "model.like('gpt%') or model.ilike('CLAUDE%')",
        ),
        (F.model.not_contains("mini"), "model.not_contains('mini')"),
        (F.helicone_score_feedback.equals(False), "helicone_score_feedback == False"),
        (F.property_key.equals("env"), "property_key == 'env'"),
        (F.latency.lte(-1.5), "latency <= -1.5"),
        (
            F.request_created_at.gte(datetime(2024, 1, 5, tzinfo=UTC)),
            "request_created_at >= '2024-01-05T00:00:00+00:00'",
        ),
        (F.scores["it's"].not_equals('say "hi"\n'), 'scores["it\'s"] != \'say "hi"\\n\''),
        (F.all, "all"),
    ],
)
def test_str_writes_the_text_form_and_parse_reads_it_back(f: Filter, text: str) -> None:
    assert str(f) == text
    assert F.parse(text) == f


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("model == 'x'", F.model.equals("x")),
        ("'x' == model", F.model.equals("x")),
        ("0.5 < cost", F.cost.gt(0.5)),
        ("  cost >= 1e-3  ", F.cost.gte(0.001)),
        ("latency > +5", F.latency.gt(5)),
        ("model.equals('x')", F.model.equals("x")),
        ("cost.between(1, 2)", F.cost.between(1, 2)),
        ("model in ['a', 'b']", F.model.is_in(["a", "b"])),
        ("status not in (200, 201)", F.status.not_equals(200) & F.status.not_equals(201)),
        ("user_id is None", F.user_id.is_null()),
        ("user_id is not None", F.user_id.is_not_null()),
        ("user_id == 'null'", F.user_id.is_null()),
        ("not model.contains('x')", F.model.not_contains("x")),
        ("not (model == 'a' and cost > 1)", F.model.not_equals("a") | F.cost.lte(1)),
        (
            "model == 'a' and cost > 1 or cached == True",
            (F.model == "a") & (F.cost > 1) | F.cached.equals(True),
        ),
        (
            "model == 'a' and (cost > 1 and latency < 2)",
            F.all_of(F.model == "a", F.cost > 1, F.latency < 2),
        ),
        ("all and model == 'a'", F.model.equals("a")),
        ("helicone_score_feedback == True", F["helicone-score-feedback"].equals(True)),
        ("search_properties['q'].contains('x')", F.search_properties["q"].contains("x")),
        (
            "request_created_at < '2024-01-05T14:00:00+02:00'",
            F.request_created_at.lt("2024-01-05T12:00:00Z"),
        ),
    ],
)
def test_parse_accepts_the_documented_forms(text: str, expected: Filter) -> None:
    assert F.parse(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("__import__('os').system('echo hacked')", "expected a field name"),
        ("__import__('os')", "only operator methods can be called"),
        ("open('/etc/passwd')", "only operator methods"),
        ("model.__class__", "unsupported syntax"),
        ("model == 'a' + 'b'", "literal value"),
        ("model == x", "literal value"),
        ("nosuch == 1", "unknown field 'nosuch'"),
        ("modle == 'x'", "did you mean model"),
        ("cost.contains('x')", "no operator 'contains'.*number field"),
        ("latency > 'fast'", "expected a number"),
        ("cost == True", "expected a number"),
        ("model > 'a'", r"> is not available.*text field"),
        ("request_created_at != '2024-01-01T00:00:00Z'", "has no operator for !="),
        ("model < 'a'", "< is not available"),
        ("request_created_at > '2024-01-01T00:00:00'", "no timezone"),
        ("1 < cost < 2", "chained comparisons"),
        ("model == 'a' & cost > 1", "use `and` and `or`"),
        ("~(model == 'a')", "use `and`, `or` and `not`"),
        ("not model.like('a%')", "cannot negate"),
        ("not all", "no wire form"),
        ("cached", "a field alone is not a condition; write e.g. cached == True"),
        ("model['x'] == 'a'", "only properties, search_properties, scores take"),
        ("properties[0] == 'a'", "string literal"),
        ("properties == 'a'", "map of text fields"),
        ("model.like('a', 'b')", "arguments"),
        ("model.like(pattern='a')", "positional"),
        ("model in 'abc'", "list of literals"),
        ("cached in [True]", "`in` is not available"),
        ("cost is None", "needs a text field"),
        ("model is 'x'", "only compares with None"),
        ("model == 'a' and", "invalid syntax"),
        ("", "invalid syntax"),
        ("model == 'x'; import os", "invalid syntax"),
        ("lambda: 1", "unsupported syntax"),
        ("1 == 1", "needs a field"),
        ("model == b'x'", "literal value"),
        ("(" * 300 + "model == 'x'" + ")" * 300, "F.parse"),
        ("not " * 5000 + "cached == True", "F.parse"),
    ],
)
def test_parse_rejects_everything_else_with_filter_error(text: str, message: str) -> None:
    with pytest.raises(FilterError, match=message):
        F.parse(text)


def test_parse_needs_a_string() -> None:
    with pytest.raises(FilterError, match="takes a string"):
        F.parse(F.model.equals("x"))  # type: ignore[arg-type]
