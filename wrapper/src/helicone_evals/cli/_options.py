"""Options shared by the commands: the connection, the time window and the filter.

Each is checked here, while click parses the command line, so that a mistake names the flag or
variable to fix and exits 2 before anything is sent.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar
from urllib.parse import urlsplit

import click
from click.core import ParameterSource

from ._errors import MisuseError, cli_terms, filter_hints, remember_secret

if TYPE_CHECKING:
    from .. import Filter, HeliconeEvals

__all__ = [
    "Connection",
    "Window",
    "connection",
    "connection_options",
    "describe_filter",
    "filter_options",
    "open_client",
    "parse_duration",
    "parse_filter",
    "parse_time",
    "resolve_window",
    "window_options",
]

FC = TypeVar("FC", bound=Callable[..., Any])

DEFAULT_SINCE = "7d"
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|m|h|d|w)\s*$")
_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days", "w": "weeks"}
_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


# --- time -------------------------------------------------------------------------------------


def parse_duration(text: str, flag: str = "--since") -> timedelta:
    """``90s``, ``15m``, ``12h``, ``7d`` or ``2w``; anything else is a usage error (exit 2)."""
    match = _DURATION.match(text)
    if not match:
        raise click.BadParameter(
            f"{text!r} is not a duration: write a number and one unit s, m, h, d or w with no "
            "space, e.g. 90m, 12h, 7d, 2w",
            param_hint=flag,
        )
    try:
        duration = timedelta(**{_UNITS[match.group(2)]: float(match.group(1))})
    except OverflowError:
        raise click.BadParameter(f"{text!r} is too long", param_hint=flag) from None
    if duration <= timedelta(0):
        raise click.BadParameter(f"{text!r}: a duration must be more than zero", param_hint=flag)
    return duration


def parse_time(text: str, flag: str) -> datetime:
    """An ISO-8601 time with Z or an offset, or a date alone meaning midnight UTC."""
    value = text.strip()
    example = "e.g. 2024-01-05T12:00:00Z, 2024-01-05T12:00:00+02:00, or 2024-01-05 (midnight UTC)"
    try:
        if _DATE_ONLY.match(value):
            moment = datetime.combine(date.fromisoformat(value), datetime.min.time(), tzinfo=UTC)
        else:
            moment = datetime.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(
            f"{text!r} is not an ISO-8601 time or date; {example}", param_hint=flag
        ) from None
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise click.BadParameter(
            f"{text!r} has no timezone: add Z or +HH:MM (e.g. {value}Z), or give a date alone "
            "for midnight UTC",
            param_hint=flag,
        )
    try:
        return moment.astimezone(UTC)
    except OverflowError:
        raise click.BadParameter(f"{text!r} is out of range", param_hint=flag) from None


class Window(NamedTuple):
    """The time window of a query, in UTC, and how to describe it in a header."""

    start: datetime
    end: datetime
    since: str | None

    def describe(self) -> str:
        """``last 7d (2024-01-01 10:00 → 2024-01-08 10:00 UTC)``."""

        def short(moment: datetime) -> str:
            text = moment.strftime("%Y-%m-%d %H:%M")
            return text + (moment.strftime(":%S") if moment.second else "")

        span = f"{short(self.start)} \u2192 {short(self.end)} UTC"
        return f"last {self.since} ({span})" if self.since else span


def resolve_window(
    since: str | None, start: str | None, end: str | None, *, now: datetime | None = None
) -> Window:
    """The window the options describe: ``--since`` before now (7d by default) or ``--start``."""
    if since is not None and start is not None:
        raise click.UsageError("give --since or --start, not both")
    if end is not None and start is None:
        raise click.UsageError("--end needs --start (or leave both out and use --since)")
    if start is not None:
        first = parse_time(start, "--start")
        last = parse_time(end, "--end") if end is not None else (now or datetime.now(UTC))
        if first >= last:
            raise click.BadParameter(
                f"--start ({first.isoformat()}) must be before --end ({last.isoformat()})",
                param_hint="--start/--end",
            )
        return Window(first, last, None)
    text = since or DEFAULT_SINCE
    duration = parse_duration(text)
    last = (now or datetime.now(UTC)).replace(microsecond=0)
    try:
        first = last - duration
    except OverflowError:
        raise click.BadParameter(f"{text!r} reaches before year 1", param_hint="--since") from None
    return Window(first, last, text.strip())


def window_options(func: FC) -> FC:
    """``--since``, ``--start`` and ``--end``."""
    for option in reversed(
        [
            click.option(
                "--since",
                metavar="DURATION",
                help="Window ending now: 90m, 12h, 7d, 2w. [default: 7d]",
            ),
            click.option(
                "--start",
                metavar="TIME",
                help="Window start: ISO-8601 with Z or an offset (2024-01-05T09:30:00Z), "
                "or a date alone (2024-01-05), read as midnight UTC.",
            ),
            click.option("--end", metavar="TIME", help="Window end, like --start. [default: now]"),
        ]
    ):
        func = option(func)
    return func


# --- filter -----------------------------------------------------------------------------------


def parse_filter(filter_text: str | None, filter_json: str | None) -> Filter:
    """The filter ``--filter`` or ``--filter-json`` describe (every request by default)."""
    from .. import F, Filter
    from .._exceptions import HeliconeError

    if filter_text is not None and filter_json is not None:
        raise click.UsageError("give --filter or --filter-json, not both")
    if filter_json is not None:
        try:
            wire = json.loads(filter_json)
        except (ValueError, RecursionError) as exc:
            raise click.BadParameter(f"not JSON: {exc}", param_hint="--filter-json") from None
        try:
            return Filter.from_dict(wire)
        except HeliconeError as exc:
            raise click.BadParameter(cli_terms(str(exc)), param_hint="--filter-json") from None
    if filter_text is None or not filter_text.strip():
        return F.all
    try:
        return F.parse(filter_text)
    except HeliconeError as exc:
        hints = filter_hints(filter_text)
        message = cli_terms(str(exc)) + "".join(f"\n  hint: {hint}" for hint in hints)
        raise click.BadParameter(message, param_hint="--filter") from None


def filter_options(func: FC) -> FC:
    """``--filter`` and ``--filter-json``."""
    func = click.option(
        "--filter-json",
        metavar="JSON",
        help="Filter as the API's JSON (a filter node, or '\"all\"').",
    )(func)
    return click.option(
        "--filter",
        "filter_text",
        metavar="EXPR",
        help="Filter in the text language, e.g. \"model == 'gpt-4o' and cost > 0.01\" "
        "(==, !=, <, >, and, or, not; quote text). [default: every request]",
    )(func)


def describe_filter(flt: Filter) -> str:
    """The filter as a header names it."""
    from .. import F

    return "all requests" if flt == F.all else str(flt)


# --- connection ---------------------------------------------------------------------------------


class Connection(NamedTuple):
    """Where and how to reach the API, as the options and variables give it."""

    api_key: str
    base_url: str | None
    region: str
    timeout: float
    max_retries: int


def connection_options(func: FC) -> FC:
    """``--api-key``, ``--base-url``, ``--region``, ``--timeout``, ``--max-retries``; the
    command reads them, checked, with ``connection(ctx)``.
    """

    options = [
        click.option(
            "--api-key",
            metavar="KEY",
            envvar="HELICONE_API_KEY",
            show_envvar=True,
            expose_value=False,
            callback=_store("api_key"),
            help="Helicone API key (for `helicone-evals serve`: any non-empty key, or its "
            "--api-key).",
        ),
        click.option(
            "--base-url",
            metavar="URL",
            envvar="HELICONE_BASE_URL",
            show_envvar=True,
            expose_value=False,
            callback=_store("base_url"),
            help="API base URL, http(s)://HOST[:PORT]. [default: the region's]",
        ),
        click.option(
            "--region",
            type=click.Choice(["us", "eu"], case_sensitive=False),
            default="us",
            show_default=True,
            expose_value=False,
            callback=_store("region"),
            help="Helicone region, when no base URL is given.",
        ),
        click.option(
            "--timeout",
            type=click.FloatRange(min=0, min_open=True),
            default=60.0,
            show_default=True,
            expose_value=False,
            callback=_store("timeout"),
            help="Seconds to wait for an answer.",
        ),
        click.option(
            "--max-retries",
            type=click.IntRange(min=0, max=100),
            default=2,
            show_default=True,
            expose_value=False,
            callback=_store("max_retries"),
            help="Retries on connection errors, 429 and 5xx.",
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


_CONNECTION_META = "helicone_evals.connection"


def _store(name: str) -> Callable[[click.Context, click.Parameter, Any], Any]:
    def callback(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
        ctx.meta.setdefault(_CONNECTION_META, {})[name] = value
        if name == "api_key":
            remember_secret(ctx, value)
        return value

    return callback


def connection(ctx: click.Context) -> Connection:
    """The checked connection settings of the running command (exit 2 when one is wrong)."""
    values: dict[str, Any] = ctx.meta.get(_CONNECTION_META, {})
    base_url = values.get("base_url")
    if base_url is not None:
        parts = urlsplit(base_url.strip())
        if parts.scheme not in ("http", "https") or not parts.netloc:
            source = ctx.get_parameter_source("base_url")
            accepted = "http://HOST:PORT or https://HOST, e.g. http://127.0.0.1:8585"
            if source is ParameterSource.ENVIRONMENT:
                raise MisuseError(
                    f"HELICONE_BASE_URL is {base_url!r}, not a URL: set it to {accepted}"
                )
            raise click.BadParameter(
                f"{base_url!r} is not a URL: write {accepted}", ctx=ctx, param_hint="--base-url"
            )
        base_url = base_url.strip()
    api_key = values.get("api_key")
    if not api_key:
        raise MisuseError(
            "no API key: pass --api-key or set HELICONE_API_KEY (keys are made at "
            "https://us.helicone.ai/settings/api-keys; `helicone-evals serve` accepts any "
            "non-empty key)"
        )
    return Connection(
        api_key=api_key,
        base_url=base_url,
        region=str(values.get("region", "us")).lower(),
        timeout=float(values.get("timeout", 60.0)),
        max_retries=int(values.get("max_retries", 2)),
    )


def open_client(settings: Connection) -> HeliconeEvals:
    """A client for these settings (the SDK's argument errors exit 2, see ``GuardedGroup``)."""
    from .. import HeliconeEvals

    return HeliconeEvals(
        settings.api_key,
        base_url=settings.base_url,
        region=settings.region,
        timeout=settings.timeout,
        max_retries=settings.max_retries,
    )
