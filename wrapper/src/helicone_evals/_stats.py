"""The two tests behind ``compare``, on many scores at once, with SciPy (extra ``stats``).

* Means: Welch's unequal-variances t-test from each side's n, mean and standard deviation
  (``scipy.stats.ttest_ind_from_stats(equal_var=False)``), and the confidence interval of the
  difference from the Welch-Satterthwaite degrees of freedom and ``scipy.stats.t``. This is
  what ``scipy.stats.ttest_ind(candidate, baseline, equal_var=False)`` gives on the raw scores,
  degenerate cases included (two constant samples: t = ±inf, p = 0; df falls back to 1).
* Proportions (boolean scores): the two-sided score test for two proportions, i.e. Pearson's
  chi-square test of the 2x2 table without continuity correction (what
  ``scipy.stats.chi2_contingency(table, correction=False)`` reports), with the normal tail
  from ``scipy.stats.norm``; and Newcombe's hybrid score interval for the difference (Newcombe
  1998, method 10), built from each side's Wilson score interval (what
  ``scipy.stats.binomtest(k, n).proportion_ci(method="wilson")`` reports). Both are score
  methods, so the test and the interval agree closely; both behave at 0 % and 100 %, where the
  Wald interval collapses. The closed forms are written out so that hundreds of scores cost one
  vectorised call instead of one SciPy object each; the tests check them against the SciPy
  functions named above.

Differences are always ``candidate - baseline``.
"""

from __future__ import annotations

import importlib.util
import math
import warnings
from typing import TYPE_CHECKING, Any, NamedTuple

from ._exceptions import missing_extra

if TYPE_CHECKING:
    from collections.abc import Sequence

    import numpy as np
    from numpy.typing import NDArray

__all__ = [
    "Outcome",
    "proportions_test",
    "require_scipy",
    "sample_std_of_proportion",
    "scipy_available",
    "welch_test",
]

_WHAT = "comparing score distributions"


def scipy_available() -> bool:
    """Whether SciPy can be imported (without importing it: a cheap check before requests)."""
    try:
        return importlib.util.find_spec("scipy") is not None
    except (ImportError, ValueError):
        return False


def require_scipy() -> None:
    """Raise MissingExtraError naming the ``stats`` extra when SciPy is not installed."""
    if not scipy_available():
        raise missing_extra(_WHAT, "scipy", "stats")


class Outcome(NamedTuple):
    """Per score: the difference, its confidence interval and the two-sided p-value.

    NaN where the figure does not exist (e.g. a p-value with no variation at all).
    """

    difference: list[float]
    ci_low: list[float]
    ci_high: list[float]
    p_value: list[float]


def welch_test(
    baseline: Sequence[tuple[float, float, float]],
    candidate: Sequence[tuple[float, float, float]],
    alpha: float,
) -> Outcome:
    """Welch's t-test of ``(n, mean, std)`` triples (``std`` with ddof=1, every n >= 2)."""
    if not baseline:
        return Outcome([], [], [], [])
    import numpy as np

    stats = _scipy_stats()
    n1, m1, s1 = (np.array(column, dtype=float) for column in zip(*baseline, strict=True))
    n2, m2, s2 = (np.array(column, dtype=float) for column in zip(*candidate, strict=True))
    with np.errstate(divide="ignore", invalid="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        _, p_value = stats.ttest_ind_from_stats(m2, s2, n2, m1, s1, n1, equal_var=False)
        v1, v2 = s1**2 / n1, s2**2 / n2
        df = (v1 + v2) ** 2 / (v1**2 / (n1 - 1) + v2**2 / (n2 - 1))
        df = np.where(np.isnan(df), 1.0, df)  # as SciPy does when both variances are zero
        # scipy.stats.t.ppf(q, df) is special.stdtrit(df, q) for these arguments (df >= 1),
        # without the generic wrapper's cost.
        half = _scipy_special().stdtrit(df, 1 - alpha / 2) * np.sqrt(v1 + v2)
    difference = m2 - m1
    return Outcome(
        _floats(difference),
        _floats(difference - half),
        _floats(difference + half),
        _floats(p_value),
    )


def proportions_test(
    baseline: Sequence[tuple[int, int]],
    candidate: Sequence[tuple[int, int]],
    alpha: float,
) -> Outcome:
    """Score test and Newcombe interval for ``(successes, n)`` pairs (every n >= 1)."""
    if not baseline:
        return Outcome([], [], [], [])
    import numpy as np

    # scipy.stats.norm.ppf and .sf are special.ndtri(q) and special.ndtr(-x), called directly.
    special = _scipy_special()
    k1, n1 = (np.array(column, dtype=float) for column in zip(*baseline, strict=True))
    k2, n2 = (np.array(column, dtype=float) for column in zip(*candidate, strict=True))
    p1, p2 = k1 / n1, k2 / n2
    difference = p2 - p1
    z = float(special.ndtri(1 - alpha / 2))
    low1, high1 = _wilson(k1, n1, z)
    low2, high2 = _wilson(k2, n2, z)
    ci_low = difference - np.sqrt((p2 - low2) ** 2 + (high1 - p1) ** 2)
    ci_high = difference + np.sqrt((high2 - p2) ** 2 + (p1 - low1) ** 2)
    pooled = (k1 + k2) / (n1 + n2)
    se = np.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    with np.errstate(divide="ignore", invalid="ignore"):
        # No variation at all (everything 0, or everything 1): no difference, nothing to test.
        p_value = np.where(se > 0, 2 * special.ndtr(-(np.abs(difference) / se)), 1.0)
    return Outcome(_floats(difference), _floats(ci_low), _floats(ci_high), _floats(p_value))


def _wilson(k: NDArray[np.float64], n: NDArray[np.float64], z: float) -> tuple[Any, Any]:
    """Wilson's score interval for k successes out of n, at the normal quantile z."""
    import numpy as np

    total = n + z * z
    center = (k + z * z / 2) / total
    half = z / total * np.sqrt(k * (n - k) / n + z * z / 4)
    return center - half, center + half


def _floats(values: Any) -> list[float]:
    import numpy as np

    return [float(v) for v in np.atleast_1d(values)]


def _scipy_special() -> Any:
    """``scipy.special`` (untyped), or MissingExtraError naming the ``stats`` extra."""
    try:
        from scipy import special  # type: ignore[import-untyped,unused-ignore]
    except ImportError as exc:
        raise missing_extra(_WHAT, "scipy", "stats") from exc
    return special


def _scipy_stats() -> Any:
    """``scipy.stats`` (untyped), or MissingExtraError naming the ``stats`` extra."""
    try:
        from scipy import stats  # type: ignore[import-untyped,unused-ignore]
    except ImportError as exc:
        raise missing_extra(_WHAT, "scipy", "stats") from exc
    return stats


def sample_std_of_proportion(successes: int, n: int) -> float:
    """The sample standard deviation (ddof=1) of ``n`` zeros and ones, NaN for n < 2."""
    if n < 2:
        return math.nan
    return math.sqrt(successes * (n - successes) / (n * (n - 1)))
