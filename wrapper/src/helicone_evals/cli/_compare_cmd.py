"""``helicone-evals compare``: baseline against candidate, score by score, with a CI gate.

Every option is checked before anything is sent (exit 2). The two score-distribution queries
then run, ``Comparison`` does the statistics, and the result is printed as a table, JSON or
Markdown (and optionally charted). With ``--fail-on-regression`` the exit status is a gate:
0 no significant regression, 1 a score significantly worse, 3 no comparison could be made.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import json
import math
import re
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

import click

from ._errors import CommandError, MisuseError, _as_click_error, cli_terms, filter_hints
from ._options import (
    Window,
    connection,
    connection_options,
    describe_filter,
    open_client,
    parse_duration,
    parse_time,
    resolve_window,
    window_options,
)

if TYPE_CHECKING:
    from .. import Filter
    from .._compare import Comparison, ComparisonPlan
    from .._results import ScoreDistributions

__all__ = ["GATE_FAILED", "CouldNotCompare", "compare", "parse_window", "resolve_sides"]

FC = TypeVar("FC", bound=Callable[..., Any])

#: The exit status of ``--fail-on-regression`` when no comparison could be made.
GATE_FAILED = 3


class CouldNotCompare(click.ClickException):
    """With ``--fail-on-regression``, a failure that left nothing to gate on: exit status 3."""

    exit_code = GATE_FAILED


_ISO_LIKE = re.compile(r"^\s*\d{4}-")
# SDK argument names, as the flags that set them.
_FLAGS = {
    "alpha": "--alpha",
    "min_effect": "--min-effect",
    "lower_is_better": "--lower-is-better",
    "only": "--only",
    "baseline_window": "--baseline-window",
    "candidate_window": "--candidate-window",
    "baseline": "--baseline",
    "candidate": "--candidate",
    "filter": "--filter",
}
_LEADING_NAME = re.compile(rf"^({'|'.join(_FLAGS)})(?=[:\[ ])")


# --- options ------------------------------------------------------------------------------------


def _check_alpha(ctx: click.Context, param: click.Parameter, value: float) -> float:
    if not math.isfinite(value) or not 0 < value < 1:
        raise click.BadParameter(
            f"{value:g} is not a significance level: give a number strictly between 0 and 1, "
            "e.g. 0.05 (a 95% interval)"
        )
    return value


class MinEffect(NamedTuple):
    """``--min-effect``: one default for every score, and each named score's own."""

    default: float
    by_name: dict[str, float]

    def for_names(self, names: Iterable[str]) -> float | dict[str, float]:
        """What ``compare`` takes: a number, or a mapping covering ``names``."""
        if not self.by_name:
            return self.default
        return dict.fromkeys(names, self.default) | self.by_name


def _effect_value(text: str, item: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value < 0:
        raise click.BadParameter(
            f"{item!r}: give a number >= 0 (the smallest difference that counts, in the "
            "score's units; a proportion from 0 to 1 for boolean scores), or NAME=NUMBER"
        )
    return value


def _min_effect(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> MinEffect:
    default: float | None = None
    by_name: dict[str, float] = {}
    for item in values:
        name, sep, number = item.rpartition("=")
        if not sep:
            if default is not None:
                raise click.BadParameter(
                    f"one number for every score is given twice ({default:g} and {item}); "
                    "set a single score's with NAME=NUMBER"
                )
            default = _effect_value(item, item)
            continue
        name = name.strip()
        if not name:
            raise click.BadParameter(f"{item!r}: the score has no name; write NAME=NUMBER")
        if name in by_name:
            raise click.BadParameter(f"{name!r} is given twice")
        by_name[name] = _effect_value(number, item)
    return MinEffect(0.0 if default is None else default, by_name)


def _names(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> tuple[str, ...]:
    names = tuple(dict.fromkeys(v.strip() for v in values))
    if "" in names:
        raise click.BadParameter("a score name cannot be empty")
    return names


def compare_options(func: FC) -> FC:
    """The options of ``compare`` that say what to compare and how."""
    options = [
        click.option(
            "--baseline",
            "baseline_text",
            metavar="FILTER",
            help="The baseline's filter (text, e.g. \"model == 'gpt-4o'\", or the API's JSON).",
        ),
        click.option(
            "--candidate",
            "candidate_text",
            metavar="FILTER",
            help="The candidate's filter, like --baseline.",
        ),
        click.option(
            "--filter",
            "filter_text",
            metavar="FILTER",
            help="One filter for both sides, compared over two windows. [default: every request]",
        ),
        click.option(
            "--baseline-window",
            metavar="WINDOW",
            help="The baseline's window, e.g. 14d..7d (the week before last). "
            "[default: --since/--start/--end]",
        ),
        click.option(
            "--candidate-window",
            metavar="WINDOW",
            help="The candidate's window, e.g. 7d (the last 7 days). "
            "[default: --since/--start/--end]",
        ),
        click.option(
            "--alpha",
            type=float,
            default=0.05,
            show_default=True,
            callback=_check_alpha,
            help="Significance level, strictly between 0 and 1 (the interval is 1 - alpha).",
        ),
        click.option(
            "--min-effect",
            "min_effect",
            metavar="X|NAME=X",
            multiple=True,
            callback=_min_effect,
            help="Ignore differences smaller than X (the score's units; a proportion 0-1 for "
            "boolean scores); NAME=X sets one score's. Repeatable. [default: 0]",
        ),
        click.option(
            "--lower-is-better",
            metavar="NAME",
            multiple=True,
            callback=_names,
            help="A score for which lower is better (latency, cost...). Repeatable.",
        ),
        click.option(
            "--only",
            metavar="NAME",
            multiple=True,
            callback=_names,
            help="Compare only this score. Repeatable. [default: every score]",
        ),
        click.option("--json", "as_json", is_flag=True, help="Print the comparison as JSON."),
        click.option(
            "--markdown",
            is_flag=True,
            help="Print a GitHub-flavoured Markdown table (a PR comment, $GITHUB_STEP_SUMMARY).",
        ),
        click.option(
            "--plot",
            type=click.Path(dir_okay=False, path_type=Path),
            metavar="FILE.png",
            help="Also write a PNG overlaying both sides' histograms (needs the plot extra).",
        ),
        click.option(
            "--fail-on-regression",
            is_flag=True,
            help="Make the exit status a gate: 1 when a score is significantly worse, "
            "3 when nothing could be compared.",
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


# --- filters and windows ------------------------------------------------------------------------


def _parse_side_filter(text: str | None, flag: str) -> Filter | None:
    """The filter a flag gives (text or JSON); None when not given."""
    from .. import F, Filter
    from .._exceptions import HeliconeError

    if text is None:
        return None
    stripped = text.strip()
    if not stripped:
        raise click.BadParameter(
            "the filter is empty: give a filter, or leave the option out", param_hint=flag
        )
    if stripped[0] in '{"':
        try:
            wire = json.loads(stripped)
        except (ValueError, RecursionError):
            wire = None  # not JSON: read it as text below
        if wire is not None:
            try:
                return Filter.from_dict(wire)
            except HeliconeError as exc:
                raise click.BadParameter(cli_terms(str(exc)), param_hint=flag) from None
    try:
        return F.all if stripped == "all" else F.parse(stripped)
    except HeliconeError as exc:
        hints = "".join(f"\n  hint: {hint}" for hint in filter_hints(stripped))
        raise click.BadParameter(cli_terms(str(exc)) + hints, param_hint=flag) from None


def _window_time(part: str, flag: str, now: datetime) -> datetime:
    if _ISO_LIKE.match(part):
        return parse_time(part, flag)
    try:
        return now - parse_duration(part, flag)
    except OverflowError:
        raise click.BadParameter(f"{part!r} reaches before year 1", param_hint=flag) from None


def parse_window(text: str, flag: str, now: datetime) -> Window:
    """``7d`` (the last 7 days) or ``START..END``, each a duration before ``now`` or an ISO
    time or date; an empty END is ``now``. A mistake is a usage error naming ``flag``.
    """
    text = text.strip()
    if ".." not in text:
        return Window(_window_time(text, flag, now), now, text)
    left, _, right = (part.strip() for part in text.partition(".."))
    if not left:
        raise click.BadParameter(
            f"{text!r} has no start: write START..END, e.g. 14d..7d or 2024-06-01..2024-06-08",
            param_hint=flag,
        )
    start = _window_time(left, flag, now)
    end = _window_time(right, flag, now) if right else now
    if start >= end:
        raise click.BadParameter(
            f"{text!r} starts ({start.isoformat()}) at or after it ends ({end.isoformat()}): "
            "write the earlier time first, e.g. 14d..7d",
            param_hint=flag,
        )
    return Window(start, end, None)


def _describe_window(window: Window, text: str | None) -> str:
    if window.since is not None or text is None:
        return window.describe()
    return f"{text} ({window.describe()})"


class Side(NamedTuple):
    """One side as the user described it: its filter and window, and their labels."""

    filter: Filter | None
    window: Window | None
    label: tuple[str, str]  # (filter, window)


class Sides(NamedTuple):
    baseline: Side
    candidate: Side
    shared: Window | None


def resolve_sides(
    *,
    baseline: str | None,
    candidate: str | None,
    filter_text: str | None,
    baseline_window: str | None,
    candidate_window: str | None,
    since: str | None,
    start: str | None,
    end: str | None,
    now: datetime | None = None,
) -> Sides:
    """Both sides' filters and windows, checked (usage errors name the flag to fix)."""
    if filter_text is not None and (baseline is not None or candidate is not None):
        raise click.UsageError(
            "give --filter (one filter over --baseline-window and --candidate-window) or "
            "--baseline/--candidate (two filters), not both"
        )
    anchor = (now or datetime.now(UTC)).replace(microsecond=0)
    own = {
        "--baseline-window": baseline_window,
        "--candidate-window": candidate_window,
    }
    windows = {
        flag: None if text is None else parse_window(text, flag, anchor)
        for flag, text in own.items()
    }
    shared: Window | None = None
    if None in windows.values():
        shared = resolve_window(since, start, end, now=anchor)
    elif since is not None or start is not None or end is not None:
        raise click.UsageError(
            "--since/--start/--end would be unused: both sides have their own window "
            "(--baseline-window, --candidate-window); drop them"
        )
    from .. import F

    common = _parse_side_filter(filter_text, "--filter")
    sides = []
    for flag, text, window_flag in (
        ("--baseline", baseline, "--baseline-window"),
        ("--candidate", candidate, "--candidate-window"),
    ):
        own_filter = _parse_side_filter(text, flag)
        flt = common if own_filter is None else own_filter
        window = windows[window_flag] or shared
        assert window is not None  # shared is resolved whenever a side lacks its own
        label = (
            describe_filter(F.all if flt is None else flt),
            _describe_window(window, own[window_flag]),
        )
        sides.append(Side(flt, windows[window_flag], label))
    base, cand = sides
    same_filter = (F.all if base.filter is None else base.filter) == (
        F.all if cand.filter is None else cand.filter
    )
    if same_filter and (base.window or shared) == (cand.window or shared):
        raise click.UsageError(
            "the baseline and the candidate are the same query: give two filters (--baseline "
            "and --candidate) or two windows (--baseline-window and --candidate-window)"
        )
    return Sides(base, cand, shared)


# --- the command --------------------------------------------------------------------------------


def _misuse(exc: Exception) -> MisuseError:
    """An SDK argument error with its argument named as the flag that sets it."""
    text = cli_terms(str(exc))
    return MisuseError(_LEADING_NAME.sub(lambda m: _FLAGS[m.group(1)], text))


def _plan(sides: Sides, min_effect: MinEffect, **settings: Any) -> ComparisonPlan:
    from .._compare import Window as SDKWindow
    from .._compare import plan_comparison
    from .._exceptions import ArgumentError

    def sdk(window: Window | None) -> SDKWindow | None:
        return None if window is None else SDKWindow(window.start, window.end)

    shared = sides.shared
    try:
        return plan_comparison(
            sides.baseline.filter,
            sides.candidate.filter,
            start=None if shared is None else shared.start,
            end=None if shared is None else shared.end,
            baseline_window=sdk(sides.baseline.window),
            candidate_window=sdk(sides.candidate.window),
            min_effect=min_effect.for_names(min_effect.by_name),
            **settings,
        )
    except ArgumentError as exc:
        raise _misuse(exc) from None


def _require_plot() -> None:
    from . import missing_extra_message

    try:
        found = importlib.util.find_spec("matplotlib") is not None
    except (ImportError, ValueError):
        found = False
    if not found:
        raise CommandError(f"--plot: {missing_extra_message('matplotlib', 'plot')}")


@click.command(short_help="Baseline against candidate: better, worse or no change per score.")
@compare_options
@window_options
@connection_options
@click.pass_context
def compare(
    ctx: click.Context,
    baseline_text: str | None,
    candidate_text: str | None,
    filter_text: str | None,
    baseline_window: str | None,
    candidate_window: str | None,
    alpha: float,
    min_effect: MinEffect,
    lower_is_better: tuple[str, ...],
    only: tuple[str, ...],
    as_json: bool,
    markdown: bool,
    plot: Path | None,
    fail_on_regression: bool,
    since: str | None,
    start: str | None,
    end: str | None,
) -> None:
    """Compare a baseline with a candidate, score by score: better, worse or no change.

    Two filters over one window:

    \b
      helicone-evals compare --baseline "model == 'gpt-4o'" \\
          --candidate "model == 'gpt-4o-mini'" --since 7d

    One filter over two windows (the last 7 days against the 7 before):

    \b
      helicone-evals compare --filter "model == 'gpt-4o'" \\
          --baseline-window 14d..7d --candidate-window 7d

    A WINDOW is a duration ending now (90m, 12h, 7d, 2w) or START..END, each end a duration
    before now or an ISO-8601 time with Z or an offset (2024-06-01T00:00:00Z) or a date
    (midnight UTC); an empty END is now: 14d..7d, 2024-06-01..2024-06-08. A side
    without its own window uses --since/--start/--end (default: the last 7 days).

    Numeric scores are compared with Welch's t-test, boolean scores (NAME-hcone-bool,
    helicone-score-feedback) as proportions; higher is better unless --lower-is-better.
    A score is better or worse only when p < --alpha and the difference is at least
    --min-effect; ~ marks estimates (a score with more than 10 distinct values, whose bins
    the server merges). Score names are as stored: booleans end in -hcone-bool.

    \b
    Exit status:
      0  compared (with --fail-on-regression: no score significantly worse)
      1  with --fail-on-regression: a score is significantly worse;
         without it: the comparison failed (the server's or the connection's error)
      2  misused: a bad option, filter, window, --alpha or --min-effect (nothing is sent)
      3  with --fail-on-regression: could not compare (the server's or the connection's
         error, a missing extra, or no score with data on both sides)
    """
    try:
        _run(
            ctx,
            sides=resolve_sides(
                baseline=baseline_text,
                candidate=candidate_text,
                filter_text=filter_text,
                baseline_window=baseline_window,
                candidate_window=candidate_window,
                since=since,
                start=start,
                end=end,
            ),
            alpha=alpha,
            min_effect=min_effect,
            lower_is_better=lower_is_better,
            only=only,
            as_json=as_json,
            markdown=markdown,
            plot=plot,
            gate=fail_on_regression,
        )
    except (click.exceptions.Exit, click.Abort):
        raise
    except Exception as exc:
        error = exc if isinstance(exc, click.ClickException) else _as_click_error(ctx, exc)
        if fail_on_regression and error.exit_code == 1:
            raise CouldNotCompare(error.message) from None
        raise error from None


def _run(
    ctx: click.Context,
    *,
    sides: Sides,
    alpha: float,
    min_effect: MinEffect,
    lower_is_better: tuple[str, ...],
    only: tuple[str, ...],
    as_json: bool,
    markdown: bool,
    plot: Path | None,
    gate: bool,
) -> None:
    if as_json and markdown:
        raise click.UsageError("give --json or --markdown, not both")
    plan = _plan(
        sides,
        min_effect,
        alpha=alpha,
        lower_is_better=lower_is_better,
        only=only or None,
    )
    if plot is not None:
        _require_plot()
    settings = connection(ctx)
    with open_client(settings) as client:
        base = client.query_score_distributions(**plan.baseline._asdict())
        cand = client.query_score_distributions(**plan.candidate._asdict())
    if min_effect.by_name:
        names = {d.name for d in base} | {d.name for d in cand}
        plan = dataclasses.replace(plan, min_effect=min_effect.for_names(names))
    result = plan.compare(base, cand)
    _show(result, sides, as_json=as_json, markdown=markdown)
    if plot is not None:
        _write_plot(result, base, cand, plot, sides)
    if gate:
        _gate(ctx, result)


def _show(result: Comparison, sides: Sides, *, as_json: bool, markdown: bool) -> None:
    if as_json:
        click.echo(json.dumps(jsonable(result.to_dict()), indent=2, allow_nan=False))
    elif markdown:
        from ._compare_render import comparison_markdown

        click.echo(comparison_markdown(result, sides.baseline.label, sides.candidate.label))
    else:
        from rich.console import Console

        from ._compare_render import render_comparison

        console = Console(highlight=False, soft_wrap=False)
        render_comparison(console, result, sides.baseline.label, sides.candidate.label)


def _write_plot(
    result: Comparison,
    base: ScoreDistributions,
    cand: ScoreDistributions,
    path: Path,
    sides: Sides,
) -> None:
    from ._compare_plot import write_comparison_png

    try:
        written = write_comparison_png(result, base, cand, path)
    except OSError as exc:
        raise CommandError(
            f"--plot: could not write {str(path)!r}: {exc.strerror or exc}"
        ) from None
    click.echo(f"Chart written to {written}", err=True)


def _gate(ctx: click.Context, result: Comparison) -> None:
    if result.has_regression:
        worse = ", ".join(
            f"{row.name} ({row.difference:+.4g}, p={row.p_value:.2g})"
            if row.difference is not None and row.p_value is not None
            else row.name
            for row in result.regressions
        )
        click.echo(
            f"Regression: {len(result.regressions)} score(s) significantly worse than the "
            f"baseline: {worse}",
            err=True,
        )
        ctx.exit(1)
    compared = [r for r in result if r.baseline is not None and r.candidate is not None]
    if not compared:
        why = (
            result.message
            if result.empty or not len(result)
            else ("no score has data on both sides")
        )
        click.echo(f"Error: could not compare: {why}", err=True)
        ctx.exit(GATE_FAILED)


def jsonable(value: Any) -> Any:
    """``value`` with every non-finite float as None (JSON has no NaN or infinity)."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    return value
