"""The result helpers, checked against histograms computed by hand from the server's formula.

For centroids v1 < ... < vk with counts c1..ck the server sends bins
``[v1, (v1+v2)/2], ..., [(v(k-1)+vk)/2, vk]`` with values ``(7c1 + c2)/8``,
``(c(i-1) + 6ci + c(i+1))/8`` and ``(c(k-1) + 7ck)/8``.
"""

from __future__ import annotations

import pytest

from helicone_evals import Bucket, ScoreDistribution, ScoreDistributions


def dist(name: str, *bins: tuple[float, float, float]) -> ScoreDistribution:
    return ScoreDistribution(
        name=name, distribution=[Bucket(lower=lo, upper=hi, value=v) for lo, hi, v in bins]
    )


# Three 0s and one 1 (the server notes' example): a boolean score.
BOOLEAN = dist("helpful-hcone-bool", (0, 0.5, 2.75), (0.5, 1, 1.25))
# Scores 1, 1, 2, 4: centroids (1, 2, 4) with counts (2, 1, 1).
SMALL_SCALE = dist("quality", (1, 1.5, 15 / 8), (1.5, 3, 9 / 8), (3, 4, 1))
# One value 5 seen four times.
CONSTANT = dist("five", (5, 5, 4))
# Bins whose centroids cannot be recovered (merged neighbours): treated as uniform bins.
MERGED = dist("latency", (0, 2, 1), (2, 5, 3))


def test_total_is_the_number_of_scored_requests() -> None:
    assert BOOLEAN.total == 4
    assert SMALL_SCALE.total == pytest.approx(4)
    assert CONSTANT.total == 4


def test_mean_is_exact_when_the_distinct_scores_are_few() -> None:
    assert BOOLEAN.mean() == pytest.approx(0.25)  # one of four requests scored 1
    assert SMALL_SCALE.mean() == pytest.approx((1 + 1 + 2 + 4) / 4)
    assert CONSTANT.mean() == 5


def test_mean_of_merged_bins_weights_each_bin_midpoint() -> None:
    assert MERGED.mean() == pytest.approx((1 * 1 + 3.5 * 3) / 4)


@pytest.mark.parametrize(
    ("distribution", "q", "expected"),
    [
        (BOOLEAN, 0.0, 0),
        (BOOLEAN, 0.5, 0),
        (BOOLEAN, 0.75, 0),
        (BOOLEAN, 0.76, 1),
        (BOOLEAN, 1.0, 1),
        (SMALL_SCALE, 0.5, 1),
        (SMALL_SCALE, 0.51, 2),
        (SMALL_SCALE, 0.75, 2),
        (SMALL_SCALE, 0.9, 4),
        (CONSTANT, 0.3, 5),
        (MERGED, 0.0, 0),
        (MERGED, 0.25, 2),  # the first bin holds a quarter of the weight
        (MERGED, 0.5, 3),  # a third of the way into [2, 5]
        (MERGED, 1.0, 5),
    ],
)
def test_quantile(distribution: ScoreDistribution, q: float, expected: float) -> None:
    assert distribution.quantile(q) == pytest.approx(expected)


def test_quantile_and_mean_refuse_what_has_no_answer() -> None:
    with pytest.raises(ValueError, match="between 0 and 1"):
        BOOLEAN.quantile(1.5)
    empty = dist("empty")
    with pytest.raises(ValueError, match="empty"):
        empty.mean()
    with pytest.raises(ValueError, match="empty"):
        empty.quantile(0.5)


def test_to_dict_is_the_wire_shape() -> None:
    assert BOOLEAN.to_dict() == {
        "name": "helpful-hcone-bool",
        "distribution": [
            {"lower": 0, "upper": 0.5, "value": 2.75},
            {"lower": 0.5, "upper": 1, "value": 1.25},
        ],
    }
    assert Bucket(lower=1, upper=2, value=3).to_dict() == {"lower": 1, "upper": 2, "value": 3}


def test_results_are_read_only() -> None:
    with pytest.raises(AttributeError):
        BOOLEAN.name = "other"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        BOOLEAN.distribution[0].value = 1.0  # type: ignore[misc]
    lower, upper, value = BOOLEAN.distribution[1]  # a Bucket unpacks like a tuple
    assert (lower, upper, value) == (0.5, 1, 1.25)


def test_a_parsed_distribution_equals_one_built_by_hand() -> None:
    import httpx

    from helicone_evals._response import parse_result

    body = {"data": [BOOLEAN.to_dict()], "error": None}
    (parsed,) = parse_result(httpx.Response(200, json=body), "k")
    assert parsed == BOOLEAN
    assert parsed.mean() == pytest.approx(0.25)


def test_the_success_schema_is_the_generated_models_schema() -> None:
    """The parser's TypedDicts must accept exactly what the generated pydantic model accepts."""
    from typing import Any

    from helicone_evals._response import SUCCESS
    from helicone_evals_generated.models import ResultSuccessScoreDistributionArray

    def inline(schema: Any, defs: dict[str, Any]) -> Any:
        if isinstance(schema, dict):
            if "$ref" in schema:
                return inline(defs[schema["$ref"].rsplit("/", 1)[1]], defs)
            return {k: inline(v, defs) for k, v in schema.items() if k not in ("title", "$defs")}
        if isinstance(schema, list):
            return [inline(v, defs) for v in schema]
        return schema

    def normalized(schema: dict[str, Any]) -> Any:
        result = inline(schema, schema.get("$defs", {}))
        return result

    def sort_required(schema: Any) -> Any:
        if isinstance(schema, dict):
            return {
                k: sorted(v) if k == "required" else sort_required(v) for k, v in schema.items()
            }
        if isinstance(schema, list):
            return [sort_required(v) for v in schema]
        return schema

    ours = sort_required(normalized(SUCCESS.json_schema()))
    generated = sort_required(normalized(ResultSuccessScoreDistributionArray.model_json_schema()))
    assert ours == generated


def test_lookup_by_name() -> None:
    result = ScoreDistributions([BOOLEAN, CONSTANT])
    assert result["five"] is CONSTANT
    assert result.get("missing") is None
    assert "five" in result
    assert "missing" not in result
    assert result[-1] is CONSTANT
    assert result[:1] == [BOOLEAN]
    with pytest.raises(KeyError, match=r"'missing'.*helpful-hcone-bool"):
        result["missing"]


def test_to_pandas() -> None:
    pytest.importorskip("pandas")
    result = ScoreDistributions([BOOLEAN, CONSTANT])
    frame = result.to_pandas()
    assert list(frame.columns) == ["name", "lower", "upper", "value"]
    assert frame.to_dict("records") == [
        {"name": "helpful-hcone-bool", "lower": 0, "upper": 0.5, "value": 2.75},
        {"name": "helpful-hcone-bool", "lower": 0.5, "upper": 1, "value": 1.25},
        {"name": "five", "lower": 5, "upper": 5, "value": 4},
    ]
    assert BOOLEAN.to_pandas()["value"].sum() == 4


def test_pandas_is_not_imported_by_the_results_module() -> None:
    import subprocess
    import sys

    code = (
        "import sys, helicone_evals._results, helicone_evals._client; "
        "assert 'pandas' not in sys.modules, 'pandas imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
