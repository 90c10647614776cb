"""compare_distributions against SciPy on the raw scores behind the histograms."""

from __future__ import annotations

import json
import math
import statistics
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy import stats

from helicone_evals import (
    ArgumentError,
    Bucket,
    MissingExtraError,
    ScoreDistribution,
    ScoreDistributions,
)
from helicone_evals._compare import Comparison, compare_distributions
from helicone_evals.emulator import histogram


def dist(name: str, scores: list[int]) -> ScoreDistribution:
    return ScoreDistribution(name, [Bucket(*b) for b in histogram(scores)])


def answer(**scores: list[int]) -> ScoreDistributions:
    """A query answer with one distribution per keyword (``_`` stands for ``-``)."""
    return ScoreDistributions(dist(name.replace("_", "-"), s) for name, s in scores.items())


def close(ours: float | None, theirs: float) -> bool:
    if ours is None:
        return math.isnan(theirs)
    return ours == pytest.approx(theirs, rel=1e-9, abs=1e-9)


@st.composite
def sample(draw: st.DrawFn) -> list[int]:
    """At least two scores taken from at most ten distinct values, shuffled."""
    pool = draw(st.lists(st.integers(-50, 50), min_size=1, max_size=10, unique=True))
    return draw(st.lists(st.sampled_from(pool), min_size=2, max_size=120))


# SciPy, the oracle, warns about its own precision on constant samples.
@pytest.mark.filterwarnings("ignore:Precision loss occurred:RuntimeWarning")
@given(sample(), sample(), st.floats(0.001, 0.3))
def test_means_intervals_and_p_values_are_welchs_on_the_raw_scores(
    base: list[int], cand: list[int], alpha: float
) -> None:
    row = compare_distributions(answer(q=base), answer(q=cand), alpha=alpha)["q"]
    welch = stats.ttest_ind(cand, base, equal_var=False)
    ci = welch.confidence_interval(1 - alpha)
    assert row.kind == "mean"
    assert row.exact
    assert row.baseline is not None
    assert row.candidate is not None
    assert (row.baseline.n, row.candidate.n) == (len(base), len(cand))
    assert close(row.baseline.mean, statistics.fmean(base))
    assert close(row.candidate.mean, statistics.fmean(cand))
    assert close(row.baseline.std, statistics.stdev(base))
    assert close(row.candidate.std, statistics.stdev(cand))
    assert close(row.difference, statistics.fmean(cand) - statistics.fmean(base))
    assert close(row.p_value, float(welch.pvalue))
    assert close(row.ci_low, float(ci.low))
    assert close(row.ci_high, float(ci.high))


@given(
    st.lists(st.integers(0, 1), min_size=1, max_size=200),
    st.lists(st.integers(0, 1), min_size=1, max_size=200),
    st.floats(0.001, 0.3),
)
def test_boolean_scores_are_compared_as_proportions(
    base: list[int], cand: list[int], alpha: float
) -> None:
    row = compare_distributions(
        answer(ok_hcone_bool=base), answer(ok_hcone_bool=cand), alpha=alpha
    )["ok-hcone-bool"]
    k1, n1, k2, n2 = sum(base), len(base), sum(cand), len(cand)
    assert row.kind == "proportion"
    assert row.exact
    assert row.baseline is not None
    assert row.baseline.successes == k1
    assert close(row.difference, k2 / n2 - k1 / n1)
    # The p-value is Pearson's chi-square test of the 2x2 table (no continuity correction).
    if 0 < k1 + k2 < n1 + n2:
        table = [[k1, n1 - k1], [k2, n2 - k2]]
        assert close(row.p_value, stats.chi2_contingency(table, correction=False).pvalue)
    else:
        assert row.p_value == 1.0
        assert row.difference == 0
    # The interval is Newcombe's, from SciPy's Wilson intervals of each side.
    w1 = stats.binomtest(k1, n1).proportion_ci(1 - alpha, method="wilson")
    w2 = stats.binomtest(k2, n2).proportion_ci(1 - alpha, method="wilson")
    p1, p2 = k1 / n1, k2 / n2
    assert close(row.ci_low, p2 - p1 - math.hypot(p2 - w2.low, w1.high - p1))
    assert close(row.ci_high, p2 - p1 + math.hypot(w2.high - p2, p1 - w1.low))


def test_more_than_ten_distinct_scores_are_flagged_with_the_true_means_inside() -> None:
    base = [s % 97 for s in range(0, 3_000, 11)]
    cand = [s % 89 + 5 for s in range(0, 2_000, 7)]
    row = compare_distributions(answer(acc=base), answer(acc=cand))["acc"]
    assert not row.exact
    assert row.note is not None
    assert "estimated" in row.note
    assert row.baseline is not None
    assert row.candidate is not None
    assert not row.baseline.exact
    assert not row.candidate.exact
    assert row.baseline.mean_low <= statistics.fmean(base) <= row.baseline.mean_high
    assert row.candidate.mean_low <= statistics.fmean(cand) <= row.candidate.mean_high
    assert row.p_value is not None
    assert row.ci_low is not None


BASE = [3, 4, 4, 5, 5, 5, 4, 3, 4, 5] * 5
WORSE = [2, 3, 3, 4, 4, 3, 2, 3, 4, 3] * 5


def test_verdicts_follow_the_direction_and_significance() -> None:
    result = compare_distributions(
        answer(quality=BASE, latency=BASE, same=BASE, ok_hcone_bool=[1] * 40 + [0] * 10),
        answer(quality=WORSE, latency=WORSE, same=BASE, ok_hcone_bool=[1] * 10 + [0] * 40),
        lower_is_better=["latency"],
    )
    assert result["quality"].verdict == "worse"
    assert result["quality"].is_regression
    assert result["latency"].verdict == "better"  # lower is better: down is up
    assert result["same"].verdict == "no change"
    assert result["same"].p_value == pytest.approx(1)
    assert result["ok-hcone-bool"].verdict == "worse"
    assert {r.name for r in result.regressions} == {"quality", "ok-hcone-bool"}
    assert result.has_regression
    assert [r.name for r in result.improvements] == ["latency"]
    assert result.names == sorted(result.names)  # sorted by name, whatever the server's order


def test_min_effect_ignores_smaller_differences() -> None:
    # The difference is -1.1: significant, but below a minimum effect of 1.5.
    result = compare_distributions(answer(q=BASE), answer(q=WORSE), min_effect=1.5)
    assert result["q"].significant
    assert result["q"].verdict == "no change"
    assert not result.has_regression
    per_score = compare_distributions(
        answer(q=BASE, r=BASE), answer(q=WORSE, r=WORSE), min_effect={"q": 1.5}
    )
    assert per_score["q"].verdict == "no change"
    assert per_score["r"].verdict == "worse"


def test_a_score_on_one_side_only_is_reported() -> None:
    result = compare_distributions(answer(old=[1, 2], both=BASE), answer(new=[3], both=BASE))
    assert result["old"].verdict == "only in baseline"
    assert result["old"].candidate is None
    assert result["new"].verdict == "only in candidate"
    assert result["new"].baseline is None
    assert result["new"].difference is None
    assert result["new"].p_value is None
    assert not result.empty
    assert not result.has_regression


def test_nothing_on_either_side_says_so() -> None:
    result = compare_distributions(ScoreDistributions(), ScoreDistributions())
    assert result.empty
    assert len(result) == 0
    assert "both queries matched no scored request" in result.message
    assert "matched no scored request" in repr(result)
    one_sided = compare_distributions(ScoreDistributions(), answer(q=[1, 2]))
    assert not one_sided.empty
    assert one_sided.baseline_empty
    assert "the baseline matched no scored request" in one_sided.message


def test_too_few_scores_give_no_test_but_a_note() -> None:
    row = compare_distributions(answer(q=[4]), answer(q=[1, 2, 3]))["q"]
    assert row.p_value is None
    assert row.ci_low is None
    assert row.verdict == "no change"
    assert row.note is not None
    assert "fewer than 2 scores in the baseline" in row.note
    assert row.difference == pytest.approx(2 - 4)


def test_constant_sides_follow_scipy() -> None:
    row = compare_distributions(answer(q=[5, 5, 5]), answer(q=[4, 4, 4]))["q"]
    assert row.p_value == 0.0
    assert (row.ci_low, row.ci_high) == (-1.0, -1.0)
    assert row.verdict == "worse"
    assert row.note == "both sides are constant"


def test_only_restricts_the_names_and_reports_unknown_ones() -> None:
    result = compare_distributions(
        answer(q=BASE, r=BASE), answer(q=WORSE, r=WORSE), only=["q", "typo"]
    )
    assert result.names == ["q"]
    assert any("typo" in note for note in result.notes)


def test_outputs_are_json_pandas_and_a_readable_table() -> None:
    result = compare_distributions(
        answer(quality=BASE, old=[1, 2]), answer(quality=WORSE, ok_hcone_bool=[1, 0])
    )
    data = json.loads(json.dumps(result.to_dict(), allow_nan=False))
    assert data["has_regression"] is True
    assert [s["name"] for s in data["scores"]] == ["ok-hcone-bool", "old", "quality"]
    assert data["scores"][2]["verdict"] == "worse"
    frame = result.to_pandas()
    assert list(frame["name"]) == ["ok-hcone-bool", "old", "quality"]
    assert frame.loc[frame["name"] == "quality", "baseline_n"].item() == len(BASE)
    text = repr(result)
    assert "95% CI" in text
    assert "only in candidate" in text
    assert "worse" in text
    with pytest.raises(KeyError, match="no score named 'nope'"):
        result["nope"]
    assert isinstance(result, Comparison)
    assert "quality" in result
    assert result[0].name == "ok-hcone-bool"


@pytest.mark.parametrize("alpha", [0, 1, -0.1, 1.5, math.nan, True, "0.05", None])
def test_bad_alpha_is_refused(alpha: object) -> None:
    with pytest.raises(ArgumentError, match="alpha"):
        compare_distributions(answer(q=BASE), answer(q=WORSE), alpha=alpha)  # type: ignore[arg-type]


@pytest.mark.parametrize("effect", [-1, -0.01, math.nan, math.inf, "1", {"q": -1}, {"": 1}])
def test_bad_min_effect_is_refused(effect: object) -> None:
    with pytest.raises(ArgumentError, match="min_effect"):
        compare_distributions(answer(q=BASE), answer(q=WORSE), min_effect=effect)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"lower_is_better": 3}, "lower_is_better"),
        ({"lower_is_better": ["ok", ""]}, "lower_is_better"),
        ({"only": []}, "only: give at least one"),
    ],
)
def test_bad_names_are_refused(kwargs: dict[str, object], match: str) -> None:
    with pytest.raises(ArgumentError, match=match):
        compare_distributions(answer(q=BASE), answer(q=WORSE), **kwargs)  # type: ignore[arg-type]


def test_without_scipy_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "scipy", None)
    monkeypatch.setitem(sys.modules, "scipy.stats", None)
    with pytest.raises(MissingExtraError, match=r'pip install "helicone-evals\[stats\]"'):
        compare_distributions(answer(q=BASE), answer(q=WORSE))
    # A bad argument is still named first, and one-sided scores need no statistics.
    with pytest.raises(ArgumentError, match="alpha"):
        compare_distributions(answer(q=BASE), answer(q=WORSE), alpha=2)
    assert compare_distributions(answer(q=BASE), answer(r=BASE))["q"].verdict == "only in baseline"
