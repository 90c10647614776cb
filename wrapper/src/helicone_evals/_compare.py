"""Compare two sets of score distributions: did the candidate get better or worse?

``compare_distributions(baseline, candidate)`` is the pure part: per score name on either side,
each side's n, mean and standard deviation, the difference of means (candidate - baseline) with
a ``1 - alpha`` confidence interval, a p-value, whether the figures are exact, and a verdict.
Numeric scores use Welch's t-test, boolean scores a test of two proportions (see ``_stats``).

``plan_comparison(...)`` turns the arguments of ``client.evals.compare`` into the two queries
to run, checking everything first so that a bad argument never costs a request::

    plan = plan_comparison(baseline=F.model.equals("a"), candidate=F.model.equals("b"),
                           start=timedelta(days=7))
    base, cand = plan                      # two QueryArgs
    result = plan.compare(client.query_score_distributions(**base._asdict()),
                          client.query_score_distributions(**cand._asdict()))
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, TypeAlias, overload

from ._exceptions import ArgumentError, FilterError, StatisticsError, missing_extra
from ._query import ALL, FilterLike, TimeLike, coerce_filter, time_window
from ._results import ScoreDistribution, analyse_all, is_boolean_score
from ._stats import proportions_test, require_scipy, sample_std_of_proportion, welch_test
from ._times import parse_duration, to_datetime
from .filters import Filter

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "Comparison",
    "ComparisonPlan",
    "QueryArgs",
    "ScoreComparison",
    "Side",
    "Verdict",
    "Window",
    "WindowLike",
    "compare_distributions",
    "plan_comparison",
]

Verdict: TypeAlias = Literal[
    "better", "worse", "no change", "only in baseline", "only in candidate"
]
_VERDICTS: tuple[Verdict, ...] = (
    "worse",
    "better",
    "no change",
    "only in baseline",
    "only in candidate",
)


@dataclass(frozen=True, slots=True)
class Side:
    """One side's figures for one score.

    ``mean`` is the pass rate for a boolean score. ``std`` is the sample standard deviation
    (None with fewer than two scores). ``exact`` is False when the server merged neighbouring
    scores: ``mean`` and ``std`` are then estimates and the true mean lies in
    ``[mean_low, mean_high]``. ``successes`` is the number of true (1) scores of a boolean score.
    """

    n: int
    mean: float
    std: float | None
    exact: bool
    mean_low: float
    mean_high: float
    successes: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "mean": self.mean,
            "std": self.std,
            "exact": self.exact,
            "mean_low": self.mean_low,
            "mean_high": self.mean_high,
            "successes": self.successes,
        }


@dataclass(frozen=True, slots=True)
class ScoreComparison:
    """The comparison of one score name: both sides, the difference and the verdict.

    ``difference`` is ``candidate.mean - baseline.mean``, with the confidence interval
    ``[ci_low, ci_high]`` and the two-sided ``p_value`` (None where they do not exist: a side
    without data or with a single score). ``kind`` is ``"proportion"`` for boolean scores,
    ``"mean"`` otherwise. ``exact`` is True when both sides' figures are exact.
    """

    name: str
    kind: Literal["mean", "proportion"]
    baseline: Side | None
    candidate: Side | None
    difference: float | None
    ci_low: float | None
    ci_high: float | None
    p_value: float | None
    significant: bool
    exact: bool
    lower_is_better: bool
    verdict: Verdict
    note: str | None = None

    @property
    def is_regression(self) -> bool:
        """Significantly worse, by at least the minimum effect."""
        return self.verdict == "worse"

    def to_dict(self) -> dict[str, Any]:
        """The row as JSON-ready data (None for figures that do not exist)."""
        return {
            "name": self.name,
            "kind": self.kind,
            "verdict": self.verdict,
            "baseline": None if self.baseline is None else self.baseline.to_dict(),
            "candidate": None if self.candidate is None else self.candidate.to_dict(),
            "difference": self.difference,
            "ci_low": self.ci_low,
            "ci_high": self.ci_high,
            "p_value": self.p_value,
            "significant": self.significant,
            "exact": self.exact,
            "lower_is_better": self.lower_is_better,
            "note": self.note,
        }


class Comparison:
    """The result of a comparison: one :class:`ScoreComparison` per score name, sorted by name.

    Iterate over it for the rows, or index it by score name (``comparison["accuracy"]``).
    ``regressions`` lists the scores significantly worse by at least ``min_effect``, and
    ``has_regression`` says whether there is any (a CI gate). ``empty`` is True when neither
    side had any scored request (both queries matched nothing); ``message`` says so in words.
    """

    __slots__ = ("_rows", "alpha", "baseline_empty", "candidate_empty", "min_effect", "notes")

    def __init__(
        self,
        rows: Iterable[ScoreComparison],
        *,
        alpha: float,
        min_effect: float | Mapping[str, float],
        baseline_empty: bool,
        candidate_empty: bool,
        notes: Iterable[str] = (),
    ) -> None:
        self._rows = tuple(rows)
        self.alpha = alpha
        self.min_effect = min_effect
        self.baseline_empty = baseline_empty
        self.candidate_empty = candidate_empty
        self.notes = tuple(notes)

    def __iter__(self) -> Iterator[ScoreComparison]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)

    @overload
    def __getitem__(self, key: str) -> ScoreComparison: ...
    @overload
    def __getitem__(self, key: int) -> ScoreComparison: ...
    def __getitem__(self, key: str | int) -> ScoreComparison:
        if isinstance(key, str):
            for row in self._rows:
                if row.name == key:
                    return row
            raise KeyError(f"no score named {key!r}; the comparison has {self.names!r}")
        return self._rows[key]

    def __contains__(self, name: object) -> bool:
        return any(row.name == name for row in self._rows)

    @property
    def names(self) -> list[str]:
        return [row.name for row in self._rows]

    @property
    def regressions(self) -> list[ScoreComparison]:
        """The scores significantly worse than the baseline by at least ``min_effect``."""
        return [row for row in self._rows if row.verdict == "worse"]

    @property
    def improvements(self) -> list[ScoreComparison]:
        """The scores significantly better than the baseline by at least ``min_effect``."""
        return [row for row in self._rows if row.verdict == "better"]

    @property
    def has_regression(self) -> bool:
        return any(row.verdict == "worse" for row in self._rows)

    @property
    def empty(self) -> bool:
        """True when neither side had a single scored request."""
        return self.baseline_empty and self.candidate_empty

    @property
    def message(self) -> str:
        """One line saying what the comparison found."""
        if self.empty:
            return "no scores on either side: both queries matched no scored request"
        found = [row.verdict for row in self._rows]
        counted = ", ".join(
            f"{found.count(verdict)} {verdict}" for verdict in _VERDICTS if verdict in found
        )
        text = f"{len(self._rows)} score(s): {counted}" if self._rows else "no score compared"
        if self.baseline_empty:
            text += "; the baseline matched no scored request"
        if self.candidate_empty:
            text += "; the candidate matched no scored request"
        return text

    def to_dict(self) -> dict[str, Any]:
        """Everything as JSON-ready data: settings, summary and one dict per score."""
        effect = self.min_effect
        return {
            "alpha": self.alpha,
            "min_effect": dict(effect) if isinstance(effect, Mapping) else effect,
            "empty": self.empty,
            "baseline_empty": self.baseline_empty,
            "candidate_empty": self.candidate_empty,
            "has_regression": self.has_regression,
            "message": self.message,
            "notes": list(self.notes),
            "scores": [row.to_dict() for row in self._rows],
        }

    def to_pandas(self) -> pd.DataFrame:
        """One row per score: both sides' n/mean/std, difference, interval, p, verdict."""
        try:
            import pandas
        except ImportError as exc:
            raise missing_extra("Comparison.to_pandas()", "pandas", "pandas") from exc
        records = []
        for row in self._rows:
            record: dict[str, Any] = {"name": row.name, "kind": row.kind}
            for label, side in (("baseline", row.baseline), ("candidate", row.candidate)):
                record[f"{label}_n"] = None if side is None else side.n
                record[f"{label}_mean"] = None if side is None else side.mean
                record[f"{label}_std"] = None if side is None else side.std
            record.update(
                difference=row.difference,
                ci_low=row.ci_low,
                ci_high=row.ci_high,
                p_value=row.p_value,
                exact=row.exact,
                verdict=row.verdict,
            )
            records.append(record)
        return pandas.DataFrame.from_records(records, columns=_PANDAS_COLUMNS)

    def __repr__(self) -> str:
        head = f"Comparison(alpha={self.alpha:g}, {self.message})"
        if not self._rows:
            return head
        level = f"{100 * (1 - self.alpha):g}% CI"
        header = ("score", "n base", "mean base", "n cand", "mean cand", "diff", level, "p")
        lines: list[tuple[str, ...]] = [(*header, "verdict")]
        for row in self._rows:
            lines.append(_table_row(row))
        widths = [max(len(line[i]) for line in lines) for i in range(len(lines[0]))]
        text = [
            "  ".join(
                cell.ljust(w) if i in (0, 6, 8) else cell.rjust(w)
                for i, (cell, w) in enumerate(zip(line, widths, strict=True))
            ).rstrip()
            for line in lines
        ]
        return "\n".join([head, *("  " + t for t in text), *("  note: " + n for n in self.notes)])


_PANDAS_COLUMNS = [
    "name",
    "kind",
    "baseline_n",
    "baseline_mean",
    "baseline_std",
    "candidate_n",
    "candidate_mean",
    "candidate_std",
    "difference",
    "ci_low",
    "ci_high",
    "p_value",
    "exact",
    "verdict",
]


def _fmt(value: float | None, digits: int = 4) -> str:
    return "-" if value is None else f"{value:.{digits}g}"


def _table_row(row: ScoreComparison) -> tuple[str, ...]:
    base, cand = row.baseline, row.candidate
    approx = "" if row.exact else "~"
    interval = (
        "-"
        if row.ci_low is None or row.ci_high is None
        else f"[{_fmt(row.ci_low)}, {_fmt(row.ci_high)}]"
    )
    return (
        row.name,
        "-" if base is None else str(base.n),
        "-" if base is None else approx + _fmt(base.mean),
        "-" if cand is None else str(cand.n),
        "-" if cand is None else approx + _fmt(cand.mean),
        "-" if row.difference is None else f"{row.difference:+.4g}",
        interval,
        _fmt(row.p_value, 3),
        row.verdict + (" (lower is better)" if row.lower_is_better else ""),
    )


# ---------------------------------------------------------------------------------------------
# The comparison itself


def compare_distributions(
    baseline: Iterable[ScoreDistribution],
    candidate: Iterable[ScoreDistribution],
    *,
    alpha: float = 0.05,
    min_effect: float | Mapping[str, float] = 0.0,
    lower_is_better: str | Iterable[str] = (),
    only: str | Iterable[str] | None = None,
) -> Comparison:
    """Compare two query results (``ScoreDistributions``), score name by score name.

    ``alpha`` is the significance level (the interval is ``1 - alpha``); a difference smaller
    than ``min_effect`` (in the score's units, a proportion for boolean scores; or a mapping
    from score name to its own minimum) is never a verdict. Higher is better unless the name is
    in ``lower_is_better``. ``only`` restricts the comparison to these score names.

    Verdicts: ``better``/``worse`` when ``p < alpha`` and ``|difference| >= min_effect``,
    else ``no change``; ``only in baseline``/``only in candidate`` when one side has no data.
    Needs SciPy (``pip install "helicone-evals[stats]"``) as soon as both sides share a score.
    """
    alpha = _check_alpha(alpha)
    min_effect = _check_min_effect(min_effect)
    lower = frozenset(_names(lower_is_better, "lower_is_better", allow_empty=True))
    wanted = None if only is None else _names(only, "only", allow_empty=False)
    return _compare(baseline, candidate, alpha, min_effect, lower, wanted)


def _compare(
    baseline: Iterable[ScoreDistribution],
    candidate: Iterable[ScoreDistribution],
    alpha: float,
    min_effect: float | Mapping[str, float],
    lower: frozenset[str],
    wanted: tuple[str, ...] | None,
) -> Comparison:
    base_list, cand_list = _checked(baseline, "baseline"), _checked(candidate, "candidate")
    analyse_all(base_list + cand_list)  # every score's bins in one vectorised pass
    base, cand = _by_name(base_list), _by_name(cand_list)
    notes: list[str] = []
    names = sorted(base.keys() | cand.keys())
    if wanted is not None:
        missing = [n for n in wanted if n not in base and n not in cand]
        if missing:
            notes.append(f"no data on either side for {', '.join(map(repr, missing))}")
        names = [n for n in names if n in wanted]
    stray = sorted(lower - base.keys() - cand.keys())
    if stray:
        notes.append(f"lower_is_better names no score in the results: {', '.join(stray)}")

    # Each side's figures, then one vectorised test per kind.
    sides: dict[str, tuple[Side | None, Side | None, bool]] = {}
    means: list[str] = []
    shares: list[str] = []
    for name in names:
        b, c = base.get(name), cand.get(name)
        kb = kc = None
        proportion = (
            is_boolean_score(name)
            and (b is None or (kb := _boolean(b)) is not None)
            and (c is None or (kc := _boolean(c)) is not None)
        )
        sb = None if b is None else _side(b, kb if proportion else None)
        sc = None if c is None else _side(c, kc if proportion else None)
        sides[name] = (sb, sc, proportion)
        if sb is None or sc is None:
            continue
        if proportion:
            shares.append(name)
        elif sb.n >= 2 and sc.n >= 2:
            means.append(name)

    tests: dict[str, tuple[float, float, float, float]] = {}
    if means or shares:
        require_scipy()
    if means:
        pairs = [sides[n][:2] for n in means]
        out = welch_test(
            [(s.n, s.mean, s.std or 0.0) for s, _ in pairs if s is not None],
            [(s.n, s.mean, s.std or 0.0) for _, s in pairs if s is not None],
            alpha,
        )
        tests.update(zip(means, zip(*out, strict=True), strict=True))
    if shares:
        pairs = [sides[n][:2] for n in shares]
        out = proportions_test(
            [(s.successes or 0, s.n) for s, _ in pairs if s is not None],
            [(s.successes or 0, s.n) for _, s in pairs if s is not None],
            alpha,
        )
        tests.update(zip(shares, zip(*out, strict=True), strict=True))

    rows = []
    for name in names:
        sb, sc, proportion = sides[name]
        effect = min_effect.get(name, 0.0) if isinstance(min_effect, Mapping) else min_effect
        rows.append(_row(name, sb, sc, proportion, tests.get(name), alpha, effect, name in lower))
    return Comparison(
        rows,
        alpha=alpha,
        min_effect=min_effect,
        baseline_empty=not base,
        candidate_empty=not cand,
        notes=notes,
    )


def _checked(result: Iterable[ScoreDistribution], what: str) -> list[ScoreDistribution]:
    """The distributions of a query result, or ArgumentError naming ``what``."""
    if isinstance(result, str | bytes | Mapping) or not isinstance(result, Iterable):
        raise ArgumentError(
            f"{what}: expected the ScoreDistributions a query returns, got {type(result).__name__}"
        )
    dists = list(result)
    for dist in dists:
        if not isinstance(dist, ScoreDistribution):
            raise ArgumentError(
                f"{what}: expected ScoreDistribution items, got {type(dist).__name__}"
            )
    return dists


def _by_name(dists: list[ScoreDistribution]) -> dict[str, ScoreDistribution]:
    """The distributions that hold at least one score, by name."""
    out: dict[str, ScoreDistribution] = {}
    for dist in dists:
        if dist._analysis.weights:  # bins holding at least one score
            out.setdefault(dist.name, dist)
    return out


def _boolean(dist: ScoreDistribution) -> tuple[int, int] | None:
    """``(successes, n)`` of a boolean score holding only exact 0/1 counts, else None."""
    try:
        counts = dist._boolean_counts()
    except StatisticsError:
        return None
    return counts[1], counts[0] + counts[1]


def _side(dist: ScoreDistribution, boolean: tuple[int, int] | None) -> Side:
    """One side's figures: as a proportion when ``boolean`` gives ``(successes, n)``."""
    if boolean is not None:
        successes, n = boolean
        rate = successes / n
        std = sample_std_of_proportion(successes, n)
        return Side(n, rate, None if math.isnan(std) else std, True, rate, rate, successes)
    shape = dist._nonempty()  # one analysis of the bins, shared by every figure
    n = round(shape.n)
    return Side(
        n,
        shape.mean,
        math.sqrt(shape.squares / (shape.n - 1)) if n >= 2 else None,  # dist.std()
        shape.exact,
        shape.mean_low,
        shape.mean_high,
    )


def _row(
    name: str,
    base: Side | None,
    cand: Side | None,
    proportion: bool,
    test: tuple[float, float, float, float] | None,
    alpha: float,
    min_effect: float,
    lower: bool,
) -> ScoreComparison:
    kind: Literal["mean", "proportion"] = "proportion" if proportion else "mean"
    if base is None or cand is None:
        verdict: Verdict = "only in candidate" if base is None else "only in baseline"
        note = f"no data in the {'baseline' if base is None else 'candidate'}"
        present = cand if base is None else base
        exact = present is not None and present.exact
        return ScoreComparison(
            name, kind, base, cand, None, None, None, None, False, exact, lower, verdict, note
        )
    notes = []
    inexact = [label for label, s in (("baseline", base), ("candidate", cand)) if not s.exact]
    if inexact:
        notes.append(
            f"estimated: more than 10 distinct scores in the {' and '.join(inexact)} "
            "(see mean_low/mean_high)"
        )
    difference = cand.mean - base.mean
    ci_low = ci_high = p_value = None
    if test is None:
        small = [label for label, s in (("baseline", base), ("candidate", cand)) if s.n < 2]
        notes.append(f"fewer than 2 scores in the {' and '.join(small)}: no test")
    else:
        tested, ci_low, ci_high, p_value = [v if math.isfinite(v) else None for v in test]
        if tested is not None:
            difference = tested
        if not proportion and base.std == 0 and cand.std == 0:
            notes.append("both sides are constant")
    significant = p_value is not None and p_value < alpha
    if significant and difference != 0 and abs(difference) >= min_effect:
        verdict = "better" if (difference > 0) != lower else "worse"
    else:
        verdict = "no change"
    return ScoreComparison(
        name,
        kind,
        base,
        cand,
        difference,
        ci_low,
        ci_high,
        p_value,
        significant,
        base.exact and cand.exact,
        lower,
        verdict,
        "; ".join(notes) or None,
    )


# ---------------------------------------------------------------------------------------------
# Arguments


def _check_alpha(alpha: object) -> float:
    if (
        isinstance(alpha, bool)
        or not isinstance(alpha, int | float)
        or not math.isfinite(alpha)
        or not 0 < alpha < 1
    ):
        raise ArgumentError(
            f"alpha: expected a significance level strictly between 0 and 1 (e.g. 0.05), "
            f"got {alpha!r}"
        )
    return float(alpha)


def _check_effect(value: object, what: str) -> float:
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not math.isfinite(value)
        or value < 0
    ):
        raise ArgumentError(
            f"{what}: expected a number >= 0 (the smallest difference that counts), got {value!r}"
        )
    return float(value)


def _check_min_effect(value: object) -> float | Mapping[str, float]:
    if isinstance(value, Mapping):
        out = {}
        for name, effect in value.items():
            if not isinstance(name, str) or not name:
                raise ArgumentError(f"min_effect: keys must be score names, got {name!r}")
            out[name] = _check_effect(effect, f"min_effect[{name!r}]")
        return out
    return _check_effect(value, "min_effect")


def _names(value: object, what: str, *, allow_empty: bool) -> tuple[str, ...]:
    """Score names from one name or an iterable of names."""
    items: Iterable[object]
    if isinstance(value, str):
        items = (value,)
    elif isinstance(value, Iterable) and not isinstance(value, bytes | Mapping):
        items = value
    else:
        raise ArgumentError(
            f"{what}: expected a score name or a list of score names, got {type(value).__name__}"
        )
    names = tuple(items)
    for name in names:
        if not isinstance(name, str) or not name:
            raise ArgumentError(f"{what}: score names must be non-empty strings, got {name!r}")
    if not names and not allow_empty:
        raise ArgumentError(f"{what}: give at least one score name")
    return tuple(dict.fromkeys(names))  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------------
# Time windows and the plan of the two queries


class Window:
    """A time window ``[start, end)``, fixed when it is made (times in UTC).

    ``Window(start, end=None)`` takes what ``query_score_distributions`` takes: aware
    datetimes or ISO-8601 strings with an offset, a ``timedelta`` start (that long before
    ``end``) and ``end=None`` for now. ``Window.last(timedelta(days=7))`` (or ``"7d"``) is the
    last seven days, ``.previous()`` the seven days before that, ``Window.parse("14d..7d")``
    the week before last.
    """

    __slots__ = ("end", "start")

    start: datetime
    end: datetime

    def __init__(self, start: TimeLike | timedelta, end: TimeLike | None = None) -> None:
        start_iso, end_iso = time_window(start, end)
        self.start = datetime.fromisoformat(start_iso)
        self.end = datetime.fromisoformat(end_iso)

    @classmethod
    def last(cls, duration: timedelta | str, *, end: TimeLike | None = None) -> Window:
        """The ``duration`` (a timedelta, or ``"90m"``, ``"12h"``, ``"7d"``, ``"2w"``) before
        ``end`` (default now)."""
        return cls(_duration(duration, "duration"), end)

    @classmethod
    def parse(cls, text: str, *, now: datetime | None = None) -> Window:
        """A window from text: ``"7d"`` (the last 7 days), or ``"START..END"`` where each side
        is an ISO-8601 time with an offset or a duration meaning that long before now
        (``"14d..7d"``, ``"2024-06-01T00:00:00Z..2024-06-08T00:00:00Z"``); an empty END is now."""
        if not isinstance(text, str):
            raise ArgumentError(f"window: expected a string, got {type(text).__name__}")
        anchor = _now(now)
        if ".." not in text:
            return cls(_duration(text, "window"), anchor)
        left, _, right = (part.strip() for part in text.partition(".."))
        if not left:
            raise ArgumentError(f"window: {text!r} has no start; expected e.g. '14d..7d'")
        return cls(_time(left, anchor), _time(right, anchor) if right else anchor)

    @property
    def duration(self) -> timedelta:
        return self.end - self.start

    def previous(self) -> Window:
        """The window of the same length that ends where this one starts."""
        return Window(self.start - self.duration, self.start)

    def shift(self, by: timedelta) -> Window:
        """The same window moved by ``by`` (negative: earlier)."""
        if not isinstance(by, timedelta):
            raise ArgumentError(f"by: expected a timedelta, got {type(by).__name__}")
        return Window(self.start + by, self.end + by)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Window):
            return NotImplemented
        return (self.start, self.end) == (other.start, other.end)

    def __hash__(self) -> int:
        return hash((self.start, self.end))

    def __repr__(self) -> str:
        return f"Window({self.start.isoformat()!r}, {self.end.isoformat()!r})"


WindowLike: TypeAlias = Window | str | timedelta | tuple[TimeLike | timedelta, TimeLike | None]

_ISO_LIKE = re.compile(r"^\d{4}-")


def _prefixed(exc: ArgumentError, what: str) -> ArgumentError:
    """The same kind of error, its message prefixed with the argument it came from."""
    kind = FilterError if isinstance(exc, FilterError) else ArgumentError
    return kind(f"{what}: {exc}")


def _now(now: datetime | None) -> datetime:
    return datetime.now(UTC) if now is None else to_datetime(now, what="now")


def _duration(value: object, what: str) -> timedelta:
    if isinstance(value, timedelta):
        if value <= timedelta(0):
            raise ArgumentError(f"{what}: must be positive, got {value}")
        return value
    if isinstance(value, str):
        try:
            return parse_duration(value)
        except ArgumentError as exc:
            raise _prefixed(exc, what) from None
    raise ArgumentError(
        f"{what}: expected a timedelta or a duration such as '7d', got {type(value).__name__}"
    )


def _time(text: str, now: datetime) -> datetime:
    """An ISO time, or a duration meaning that long before ``now``."""
    if _ISO_LIKE.match(text):
        return to_datetime(text, what="window")
    return now - _duration(text, "window")


def _window(value: object, what: str, now: datetime) -> Window:
    if isinstance(value, Window):
        return value
    if isinstance(value, timedelta):
        return Window(_duration(value, what), now)
    if isinstance(value, str):
        try:
            return Window.parse(value, now=now)
        except ArgumentError as exc:
            raise _prefixed(exc, what) from None
    if isinstance(value, tuple) and len(value) == 2:
        start, end = value
        try:
            return Window(start, now if end is None else end)
        except ArgumentError as exc:
            raise _prefixed(exc, what) from None
    raise ArgumentError(
        f"{what}: expected a Window (e.g. Window.last(timedelta(days=7))), a (start, end) "
        f"pair, a timedelta or text such as '7d' or '14d..7d', got {type(value).__name__}"
    )


class QueryArgs(NamedTuple):
    """One side's query, checked: ``client.query_score_distributions(**args._asdict())``."""

    filter: FilterLike
    start: str
    end: str


@dataclass(frozen=True, slots=True)
class ComparisonPlan:
    """The two queries of a comparison, and how to compare their answers.

    Unpacks as ``baseline, candidate = plan`` (two :class:`QueryArgs`).
    """

    baseline: QueryArgs
    candidate: QueryArgs
    alpha: float
    min_effect: float | Mapping[str, float]
    lower_is_better: frozenset[str]
    only: tuple[str, ...] | None

    def __iter__(self) -> Iterator[QueryArgs]:
        return iter((self.baseline, self.candidate))

    def compare(
        self, baseline: Iterable[ScoreDistribution], candidate: Iterable[ScoreDistribution]
    ) -> Comparison:
        """Compare the answers of the two queries with the plan's settings."""
        return _compare(
            baseline, candidate, self.alpha, self.min_effect, self.lower_is_better, self.only
        )


def plan_comparison(
    baseline: FilterLike | None = None,
    candidate: FilterLike | None = None,
    *,
    filter: FilterLike | None = None,
    start: TimeLike | timedelta | None = None,
    end: TimeLike | None = None,
    baseline_window: WindowLike | None = None,
    candidate_window: WindowLike | None = None,
    alpha: float = 0.05,
    min_effect: float | Mapping[str, float] = 0.0,
    lower_is_better: str | Iterable[str] = (),
    only: str | Iterable[str] | None = None,
) -> ComparisonPlan:
    """Check the arguments of ``compare`` and plan its two queries; nothing is sent.

    Two filters over one window: ``baseline=``, ``candidate=`` and ``start=`` (``end=``).
    One filter over two windows: ``filter=`` (default every request), ``baseline_window=`` and
    ``candidate_window=`` (a :class:`Window`, a ``(start, end)`` pair, a timedelta meaning the
    last that long, or text such as ``"7d"`` or ``"14d..7d"``). The two can be mixed: a side
    without its own filter uses ``filter``, a side without its own window uses ``start``/``end``.
    ``end=None`` and open windows mean one same "now" for both sides.

    Raises ArgumentError (a ValueError; FilterError for a bad filter or time) naming the
    argument for anything wrong, and MissingExtraError when SciPy (the ``stats`` extra) is
    not installed.
    """
    alpha = _check_alpha(alpha)
    min_effect = _check_min_effect(min_effect)
    lower = frozenset(_names(lower_is_better, "lower_is_better", allow_empty=True))
    wanted = None if only is None else _names(only, "only", allow_empty=False)
    if filter is not None and (baseline is not None or candidate is not None):
        raise ArgumentError(
            "filter: give either filter= (one filter, compared over baseline_window= and "
            "candidate_window=) or baseline=/candidate= (two filters), not both"
        )
    now = datetime.now(UTC)
    shared: Window | None = None
    if start is not None:
        shared = Window(start, now if end is None else end)
    elif end is not None:
        raise ArgumentError("end: given without start=; give start= too (or windows)")
    if shared is not None and baseline_window is not None and candidate_window is not None:
        raise ArgumentError(
            "start: both sides have their own window (baseline_window=, candidate_window=), "
            "so start=/end= would be unused; drop them"
        )
    windows = []
    for what, given in (
        ("baseline_window", baseline_window),
        ("candidate_window", candidate_window),
    ):
        window = shared if given is None else _window(given, what, now)
        if window is None:
            raise ArgumentError(
                f"{what}: missing; give start= (one window for both sides) or both "
                "baseline_window= and candidate_window="
            )
        windows.append(window)
    default = ALL if filter is None else filter
    filters = []
    for what, chosen in (("baseline", baseline), ("candidate", candidate)):
        value = default if chosen is None else chosen
        try:
            wire = coerce_filter(value)
        except ArgumentError as exc:
            raise _prefixed(exc, what) from None
        filters.append((value if isinstance(value, Filter) else wire, wire))
    if filters[0][1] == filters[1][1] and windows[0] == windows[1]:
        raise ArgumentError(
            "baseline and candidate are the same query: give two filters (baseline=, "
            "candidate=) or two windows (baseline_window=, candidate_window=)"
        )
    require_scipy()  # cheap (no import): fail before the requests, not after
    sides = [
        QueryArgs(flt, w.start.isoformat(), w.end.isoformat())
        for (flt, _), w in zip(filters, windows, strict=True)
    ]
    return ComparisonPlan(sides[0], sides[1], alpha, min_effect, lower, wanted)
