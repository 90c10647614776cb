"""``client.evals``: read the scores back (distributions, per-score statistics, names)."""

from __future__ import annotations

from collections.abc import Generator, Iterable, Mapping, Sequence
from datetime import timedelta
from typing import TYPE_CHECKING, Any, TypeVar

from .._base_client import NOT_GIVEN, NotGiven, Plan
from .._config import TimeoutLike
from .._query import ALL, encode_body
from .._results import ScoreDistribution, ScoreDistributions
from ._resource import Resource, Step, composite, operation

if TYPE_CHECKING:
    from .._compare import Comparison, QueryArgs, WindowLike
    from .._evals import EvalSummaries
    from .._query import FilterLike, TimeLike

__all__ = ["Evals", "parse_distributions"]

M = TypeVar("M")


def parse_distributions(data: Sequence[Any]) -> ScoreDistributions:
    """The validated ``data`` of a QueryScoreDistributions answer."""
    wire = ScoreDistribution._from_wire
    return ScoreDistributions([wire(d["name"], d["distribution"]) for d in data])


def _distributions_of(side: QueryArgs) -> Plan[ScoreDistributions]:
    return Plan(
        "QueryScoreDistributions",
        parse=parse_distributions,
        content=encode_body(side.filter, side.start, side.end, None, None, None),
    )


def _parse_summaries(data: Sequence[Any]) -> EvalSummaries:
    from .._evals import parse_summaries

    return parse_summaries(data)


def _parse_names(data: Sequence[Any]) -> list[str]:
    return list(data)


class Evals(Resource[M]):
    """``client.evals``: score distributions, per-score statistics and score names."""

    @operation
    def score_distributions(
        self,
        filter: FilterLike = ALL,
        *,
        start: TimeLike | timedelta,
        end: TimeLike | None = None,
        limit: int | None = None,
        offset: int | None = None,
        time_zone_difference: float | None = None,
        max_retries: int | NotGiven = NOT_GIVEN,
        timeout: TimeoutLike | NotGiven = NOT_GIVEN,
    ) -> Plan[ScoreDistributions]:
        """Score histograms of the requests that match ``filter`` in ``[start, end)``.

        ``filter`` is a ``Filter`` (default ``F.all``), its wire JSON (a dict, or ``"all"``) or a
        text expression for ``F.parse``. ``start``/``end`` are aware datetimes or ISO-8601
        strings with an offset; ``start`` may also be a ``timedelta`` (that long before
        ``end``); ``end=None`` is now. Times are sent in UTC. ``limit``, ``offset`` and
        ``time_zone_difference`` (minutes) are sent when given, but the server currently ignores
        them. ``max_retries`` and ``timeout`` override the client's settings for this call.

        Returns :class:`~helicone_evals.ScoreDistributions`: one histogram per score name.
        Raises FilterError (nothing sent) for a bad filter, a naive or unparseable time,
        ``start >= end`` or a negative ``limit``/``offset``; APIStatusError subclasses for error
        statuses; APIConnectionError/APITimeoutError when no answer came; ResultError when a
        2xx answer carries an error; ResponseValidationError when it is not the API's shape.
        """
        return Plan(
            "QueryScoreDistributions",
            parse=parse_distributions,
            content=encode_body(filter, start, end, limit, offset, time_zone_difference),
            max_retries=max_retries,
            timeout=timeout,
        )

    @operation
    def query(
        self,
        filter: FilterLike = ALL,
        *,
        start: TimeLike | timedelta,
        end: TimeLike | None = None,
        time_zone_difference: int | None = None,
        max_retries: int | NotGiven = NOT_GIVEN,
        timeout: TimeoutLike | NotGiven = NOT_GIVEN,
    ) -> Plan[EvalSummaries]:
        """Per-score statistics of the requests that match ``filter`` from ``start`` to ``end``.

        Takes ``filter``, ``start`` and ``end`` as :meth:`score_distributions` does (here the
        server includes both ends). ``time_zone_difference`` (minutes, -1440..1440) shifts the
        hourly buckets as the server does; by default they are UTC hours.

        Returns :class:`~helicone_evals.EvalSummaries`: one
        :class:`~helicone_evals.EvalSummary` per score name the organization has ever had
        (count 0 when none is in the window), with ``count``, the hourly ``over_time`` and
        ``average_over_time`` series (aware datetimes), the server's ``average_score``,
        ``min_score``, ``max_score`` and a correct ``mean`` computed from the hourly series.
        The server's ``average_score`` is *not* the mean (it divides the sum of hourly averages
        by the count) and its ``min_score``/``max_score`` count hours without the score as 0:
        see :class:`~helicone_evals.EvalSummary`. Raises as :meth:`score_distributions`.
        """
        if time_zone_difference is not None and (
            isinstance(time_zone_difference, bool)
            or not isinstance(time_zone_difference, int)
            or not -1440 <= time_zone_difference <= 1440
        ):
            from .._exceptions import ArgumentError

            raise ArgumentError(
                "time_zone_difference: expected whole minutes from -1440 to 1440, got "
                f"{time_zone_difference!r}"
            )
        return Plan(
            "QueryEvals",
            parse=_parse_summaries,
            content=encode_body(filter, start, end, None, None, time_zone_difference),
            max_retries=max_retries,
            timeout=timeout,
        )

    @operation
    def score_names(
        self,
        *,
        max_retries: int | NotGiven = NOT_GIVEN,
        timeout: TimeoutLike | NotGiven = NOT_GIVEN,
    ) -> Plan[list[str]]:
        """Every score name the organization has ever written, as stored, in no set order.

        Boolean scores appear as ``<name>-hcone-bool`` and feedback as
        ``helicone-score-feedback``. The server caches this list for up to 5 minutes, so a
        new name can take that long to appear (the emulator shows it at once).
        """
        return Plan("GetEvalScores", parse=_parse_names, max_retries=max_retries, timeout=timeout)

    @composite
    def compare(
        self,
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
    ) -> Generator[Step, Any, Comparison]:
        """Did the candidate's scores get better or worse than the baseline's?

        Two filters over one window::

            client.evals.compare(baseline=F.model.equals("gpt-4o"),
                                 candidate=F.model.equals("gpt-4o-mini"), start=timedelta(days=7))

        or one filter over two windows::

            client.evals.compare(filter=F.model.equals("gpt-4o"),
                                 baseline_window="14d..7d", candidate_window="7d")

        Windows are a :class:`~helicone_evals.Window`, a ``(start, end)`` pair, a timedelta
        (the last that long) or text such as ``"7d"`` or ``"14d..7d"``. Runs the two score
        distribution queries (concurrently on the async client) and returns a
        :class:`~helicone_evals.Comparison`: per score name, both sides' n, mean and standard
        deviation, the difference with a ``1 - alpha`` confidence interval, a p-value and a
        verdict (``better``, ``worse``, ``no change``, ``only in baseline``/``candidate``).
        Higher is better unless the name is in ``lower_is_better``; differences under
        ``min_effect`` are ``no change``; ``only`` restricts the names. Every argument is checked
        before the queries (ArgumentError/FilterError); needs SciPy
        (``pip install "helicone-evals[stats]"``).
        """
        from .._compare import plan_comparison

        plan = plan_comparison(
            baseline,
            candidate,
            filter=filter,
            start=start,
            end=end,
            baseline_window=baseline_window,
            candidate_window=candidate_window,
            alpha=alpha,
            min_effect=min_effect,
            lower_is_better=lower_is_better,
            only=only,
        )
        base, cand = yield (_distributions_of(plan.baseline), _distributions_of(plan.candidate))
        return plan.compare(base, cand)
