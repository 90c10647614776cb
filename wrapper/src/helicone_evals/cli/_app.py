"""The commands of ``helicone-evals``; ``main()`` in ``__init__`` runs them."""

from __future__ import annotations

import json
import re
import uuid
from pathlib import Path
from typing import Any

import click

from .._version import __version__
from ._errors import GuardedGroup
from ._options import (
    connection,
    connection_options,
    describe_filter,
    filter_options,
    open_client,
    parse_filter,
    resolve_window,
    window_options,
)

__all__ = ["cli"]

_INT64 = (-(2**63), 2**63 - 1)


def _console(plain: bool = False) -> Any:
    from rich.console import Console

    return Console(highlight=False, no_color=plain or None, soft_wrap=False)


def _header(console: Any, what: str, filter_label: str, window_label: str) -> None:
    from rich.text import Text

    console.print(
        Text.assemble(
            (what, "bold"),
            (" of ", "dim"),
            filter_label,
            ("  ·  ", "dim"),
            window_label,
        )
    )


@click.group(cls=GuardedGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="helicone-evals")
def cli() -> None:
    """Read and write Helicone evaluation scores, or run the local emulator.

    The API key and server come from --api-key/--base-url or HELICONE_API_KEY/HELICONE_BASE_URL.
    Exit status: 0 done, 1 failed (the server's or the connection's error), 2 misused;
    `compare --fail-on-regression` gates instead: 1 a score got worse, 3 could not compare.
    """


# --- reading ------------------------------------------------------------------------------------


@cli.command(short_help="Histograms of your scores, for a filter and a time window.")
@filter_options
@window_options
@click.option("--json", "as_json", is_flag=True, help="Print the distributions as JSON.")
@click.option(
    "--plot",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE.png",
    help="Also write a PNG chart (needs the plot extra).",
)
@connection_options
@click.pass_context
def query(
    ctx: click.Context,
    filter_text: str | None,
    filter_json: str | None,
    since: str | None,
    start: str | None,
    end: str | None,
    as_json: bool,
    plot: Path | None,
) -> None:
    """Draw a histogram per score, for the requests the filter matches in the window."""
    flt = parse_filter(filter_text, filter_json)
    window = resolve_window(since, start, end)
    settings = connection(ctx)
    with open_client(settings) as client:
        result = client.query_score_distributions(flt, start=window.start, end=window.end)
    if as_json:
        click.echo(json.dumps(result.to_list(), indent=2))
    else:
        from ._render import render_distributions

        console = _console()
        _header(console, "Score distributions", describe_filter(flt), window.describe())
        render_distributions(console, result)
    if plot is not None:
        from ._plot import write_png

        written = write_png(result, plot, title=describe_filter(flt))
        click.echo(f"Chart written to {written}", err=as_json)


@cli.command(short_help="n, mean, min, max per score, with an hourly sparkline.")
@filter_options
@window_options
@click.option("--json", "as_json", is_flag=True, help="Print the summaries as JSON.")
@connection_options
@click.pass_context
def stats(
    ctx: click.Context,
    filter_text: str | None,
    filter_json: str | None,
    since: str | None,
    start: str | None,
    end: str | None,
    as_json: bool,
) -> None:
    """Per score: n, mean, min and max, with an hourly sparkline of the mean."""
    from ._stats import render_stats, summaries_to_json

    flt = parse_filter(filter_text, filter_json)
    window = resolve_window(since, start, end)
    settings = connection(ctx)
    with open_client(settings) as client:
        summaries = client.evals.query(flt, start=window.start, end=window.end)
    if as_json:
        click.echo(json.dumps(summaries_to_json(summaries), indent=2))
        return
    console = _console()
    _header(console, "Score statistics", describe_filter(flt), window.describe())
    render_stats(console, summaries)


@cli.command(short_help="List the score names of your organization.")
@click.option("--json", "as_json", is_flag=True, help="Print the names as a JSON list.")
@connection_options
@click.pass_context
def scores(ctx: click.Context, as_json: bool) -> None:
    """List the score names of your organization, as stored (booleans end in -hcone-bool)."""
    settings = connection(ctx)
    with open_client(settings) as client:
        names = client.evals.score_names()
    if as_json:
        click.echo(json.dumps(names))
    elif names:
        click.echo("\n".join(names))
    else:
        click.echo("No scores yet.", err=True)


# --- writing ------------------------------------------------------------------------------------


def _request_id(ctx: click.Context, param: click.Parameter, value: str) -> str:
    try:
        return str(uuid.UUID(value.strip()))
    except ValueError:
        raise click.BadParameter(
            f"{value!r} is not a request id: Helicone request ids are UUIDs "
            "(e.g. 0b7e5a3c-1d2f-4e5a-9b8c-7d6e5f4a3b2c)"
        ) from None


_NAME_VALUE = re.compile(r"^(?P<name>[^=]*)=(?P<value>.*)$", re.DOTALL)


def _score_pairs(
    ctx: click.Context, param: click.Parameter, values: tuple[str, ...]
) -> dict[str, int | bool]:
    parsed: dict[str, int | bool] = {}
    for item in values:
        match = _NAME_VALUE.match(item)
        if not match:
            raise click.BadParameter(f"{item!r}: write NAME=VALUE, e.g. accuracy=87 helpful=true")
        name, text = match.group("name").strip(), match.group("value").strip()
        if not name:
            raise click.BadParameter(f"{item!r}: the score has no name")
        if name in parsed:
            raise click.BadParameter(f"{name!r} is given twice")
        if text.lower() in ("true", "false"):
            parsed[name] = text.lower() == "true"
        elif re.fullmatch(r"[+-]?\d{1,25}", text):
            number = int(text)
            if not _INT64[0] <= number <= _INT64[1]:
                raise click.BadParameter(f"{name}={text}: out of the server's range (64-bit)")
            parsed[name] = number
        else:
            why = (
                "the server stores whole numbers only (scale it, e.g. 0.87 -> 87)"
                if re.fullmatch(r"[+-]?(\d+\.\d*|\.\d+)([eE][+-]?\d+)?", text)
                else "a score is a whole number or true/false"
            )
            raise click.BadParameter(f"{name}={text}: {why}")
    return parsed


def _show_value(value: int | bool) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)


@cli.command(short_help="Write scores on a request: accuracy=87 helpful=true.")
@click.argument("request_id", metavar="REQUEST_ID", callback=_request_id)
@click.argument(
    "score_values", metavar="NAME=VALUE...", nargs=-1, required=True, callback=_score_pairs
)
@click.option(
    "--wait",
    type=click.FloatRange(min=0, min_open=True),
    metavar="SECONDS",
    help="Then wait up to SECONDS until every score shows in the distributions.",
)
@connection_options
@click.pass_context
def score(
    ctx: click.Context,
    request_id: str,
    score_values: dict[str, int | bool],
    wait: float | None,
) -> None:
    """Write scores on one request: whole numbers or true/false, e.g. accuracy=87 helpful=true.

    Scores are merged with those the request has; a boolean is stored as NAME-hcone-bool (1/0).
    """
    settings = connection(ctx)
    with open_client(settings) as client:
        client.scores.add(request_id, score_values)
        shown = ", ".join(f"{name}={_show_value(v)}" for name, v in score_values.items())
        click.echo(f"Scored {request_id}: {shown}")
        if wait is not None:
            # The mapping itself: a boolean is looked for under its stored name, NAME-hcone-bool.
            client.scores.wait_until_visible(request_id, score_values, timeout=wait)
            click.echo("Visible in the score distributions.")


@cli.command(short_help="Rate a request --good or --bad.")
@click.argument("request_id", metavar="REQUEST_ID", callback=_request_id)
@click.option(
    "--good/--bad",
    "rating",
    default=None,
    help="The rating: thumbs up or thumbs down (one is required).",
)
@connection_options
@click.pass_context
def feedback(ctx: click.Context, request_id: str, rating: bool | None) -> None:
    """Rate one request good or bad (stored as the score helicone-score-feedback, 1 or 0)."""
    if rating is None:
        raise click.UsageError("give --good or --bad")
    settings = connection(ctx)
    with open_client(settings) as client:
        client.scores.feedback(request_id, rating)
    click.echo(f"Feedback on {request_id}: {'good' if rating else 'bad'}")


# --- the emulator -------------------------------------------------------------------------------


@cli.command(short_help="Run the local emulator (Ctrl-C stops it).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to bind.")
@click.option(
    "--port",
    default=8585,
    show_default=True,
    type=click.IntRange(0, 65535),
    help="Port (0 picks a free one).",
)
@click.option(
    "--rows",
    default=100_000,
    show_default=True,
    type=click.IntRange(min=0),
    help="Synthetic rows to generate.",
)
@click.option("--seed", default=0, show_default=True, type=int, help="Seed of the synthetic rows.")
@click.option(
    "--data",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    metavar="FILE.jsonl",
    help="Serve these rows (request_response_rmt columns) instead.",
)
@click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="PATH",
    help="Keep the data in this DuckDB file, so that scores written survive a restart.",
)
@click.option(
    "--api-key",
    metavar="KEY",
    help="Accept only this key. [default: any non-empty key, e.g. HELICONE_API_KEY=sk-local]",
)
def serve(
    host: str,
    port: int,
    rows: int,
    seed: int,
    data: Path | None,
    db: Path | None,
    api_key: str | None,
) -> None:
    """Run the local emulator until Ctrl-C.

    Point clients at it with HELICONE_BASE_URL=http://127.0.0.1:8585 and any non-empty
    HELICONE_API_KEY (or exactly the key given with --api-key).
    """
    from ._serve import run_emulator

    run_emulator(host=host, port=port, rows=rows, seed=seed, data=data, db=db, api_key=api_key)


@cli.command(short_help="The emulator and a few queries, offline.")
@click.option(
    "--rows", default=50_000, show_default=True, type=click.IntRange(min=1), help="Synthetic rows."
)
@click.option("--seed", default=7, show_default=True, type=int, help="Seed of the synthetic rows.")
@click.option(
    "--plot",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE.png",
    help="Also chart the first query as a PNG.",
)
def demo(rows: int, seed: int, plot: Path | None) -> None:
    """Start the emulator in-process and run a few queries against it, over HTTP."""
    from ._demo import run_demo

    run_demo(_console(), rows=rows, seed=seed, plot=plot)


# --- comparing ----------------------------------------------------------------------------------

# Its own module: compare's options, output and exit statuses are its own.
from ._compare_cmd import compare  # noqa: E402

cli.add_command(compare)
