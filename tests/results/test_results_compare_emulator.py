"""End to end: rows the test writes, two queries to the emulator, compared, checked by SciPy."""

from __future__ import annotations

import json
import random
import statistics
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from scipy import stats

from helicone_evals import F, HeliconeEvals
from helicone_evals._compare import Window, plan_comparison
from helicone_evals.emulator import Emulator

DAY_1 = "2024-03-01T00:00:00Z"
DAY_2 = "2024-03-02T00:00:00Z"
DAY_3 = "2024-03-03T00:00:00Z"


def make_rows() -> tuple[list[dict[str, Any]], dict[str, dict[str, list[int]]]]:
    """Rows of models a (day 1) and b (day 2), and the raw scores of each model."""
    rng = random.Random(11)
    rows: list[dict[str, Any]] = []
    raw: dict[str, dict[str, list[int]]] = {"a": {}, "b": {}}
    for model, day, shift in (("a", 1, 0), ("b", 2, 1)):
        for i in range(150):
            scores = {
                "quality": min(5, rng.randint(1, 5) + (shift if rng.random() < 0.3 else 0)),
                "helpful-hcone-bool": int(rng.random() < 0.55 + 0.15 * shift),
                "accuracy": rng.randint(0, 100),  # many distinct values: estimates
            }
            if model == "a" or i % 2:  # b scores latency on half its rows only
                scores["latency"] = rng.randint(100, 109) - 3 * shift
            for name, value in scores.items():
                raw[model].setdefault(name, []).append(value)
            rows.append(
                {
                    "request_created_at": f"2024-03-0{day}T{i % 24:02d}:{i % 60:02d}:00Z",
                    "model": model,
                    "scores": scores,
                }
            )
    return rows, raw


ROWS, RAW = make_rows()


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HeliconeEvals]:
    data = Path(tmp_path_factory.mktemp("compare")) / "rows.jsonl"
    data.write_text("\n".join(json.dumps(row) for row in ROWS))
    with Emulator(data=data) as emu, HeliconeEvals(emu.api_key, base_url=emu.url) as c:
        yield c


def test_two_filters_compared_equal_scipy_on_the_raw_scores(client: HeliconeEvals) -> None:
    plan = plan_comparison(
        baseline=F.model.equals("a"),
        candidate=F.model.equals("b"),
        start=DAY_1,
        end=DAY_3,
        lower_is_better="latency",
    )
    base, cand = plan
    result = plan.compare(
        client.query_score_distributions(**base._asdict()),
        client.query_score_distributions(**cand._asdict()),
    )
    assert result.names == ["accuracy", "helpful-hcone-bool", "latency", "quality"]
    a, b = RAW["a"], RAW["b"]
    for name in ("quality", "latency"):
        row = result[name]
        welch = stats.ttest_ind(b[name], a[name], equal_var=False)
        ci = welch.confidence_interval(0.95)
        assert row.exact
        assert row.kind == "mean"
        assert row.baseline is not None
        assert row.baseline.n == len(a[name])
        assert row.candidate is not None
        assert row.candidate.n == len(b[name])
        assert row.baseline.mean == pytest.approx(statistics.fmean(a[name]), abs=1e-9)
        assert row.candidate.std == pytest.approx(statistics.stdev(b[name]), abs=1e-9)
        assert row.difference == pytest.approx(
            statistics.fmean(b[name]) - statistics.fmean(a[name]), abs=1e-9
        )
        assert row.p_value == pytest.approx(welch.pvalue, rel=1e-9, abs=1e-12)
        assert (row.ci_low, row.ci_high) == pytest.approx((ci.low, ci.high), abs=1e-9)
    assert result["latency"].verdict == "better"  # 3 ms faster, and lower is better

    helpful = result["helpful-hcone-bool"]
    k1, n1 = sum(a["helpful-hcone-bool"]), len(a["helpful-hcone-bool"])
    k2, n2 = sum(b["helpful-hcone-bool"]), len(b["helpful-hcone-bool"])
    assert helpful.kind == "proportion"
    assert helpful.difference == pytest.approx(k2 / n2 - k1 / n1)
    table = [[k1, n1 - k1], [k2, n2 - k2]]
    assert helpful.p_value == pytest.approx(
        stats.chi2_contingency(table, correction=False).pvalue, rel=1e-9
    )

    accuracy = result["accuracy"]
    assert not accuracy.exact
    assert accuracy.baseline is not None
    assert accuracy.candidate is not None
    assert accuracy.baseline.mean_low <= statistics.fmean(a["accuracy"])
    assert statistics.fmean(a["accuracy"]) <= accuracy.baseline.mean_high
    assert accuracy.candidate.mean_low <= statistics.fmean(b["accuracy"])
    assert statistics.fmean(b["accuracy"]) <= accuracy.candidate.mean_high


def test_one_filter_over_two_windows(client: HeliconeEvals) -> None:
    first = Window(DAY_1, DAY_2)
    plan = plan_comparison(filter="all", baseline_window=first, candidate_window=(DAY_2, DAY_3))
    base, cand = plan
    result = plan.compare(
        client.query_score_distributions(**base._asdict()),
        client.query_score_distributions(**cand._asdict()),
    )
    # Day 1 holds model a, day 2 model b: the same figures as comparing the two models.
    latency = result["latency"]
    assert latency.verdict == "worse"  # higher is better by default
    welch = stats.ttest_ind(RAW["b"]["latency"], RAW["a"]["latency"], equal_var=False)
    assert latency.p_value == pytest.approx(welch.pvalue, rel=1e-9, abs=1e-12)


def test_filters_that_match_nothing_say_so(client: HeliconeEvals) -> None:
    plan = plan_comparison(
        baseline=F.model.equals("nobody"), candidate=F.model.equals("nothing"), start=DAY_1
    )
    base, cand = plan
    result = plan.compare(
        client.query_score_distributions(**base._asdict()),
        client.query_score_distributions(**cand._asdict()),
    )
    assert result.empty
    assert not result.has_regression
    assert "both queries matched no scored request" in result.message
