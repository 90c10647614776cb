"""The ``helicone-evals`` command line (the ``cli`` extra: click and rich).

    helicone-evals query --filter "model == 'gpt-4o'" --since 7d     # histograms in the terminal
    helicone-evals query --filter-json '"all"' --since 30d --json      # the distributions as JSON
    helicone-evals serve --port 8585                                  # the local emulator
    helicone-evals demo                                               # emulator + queries, offline

Errors print the SDK's message and exit with status 1 (2 for a misused option), never a
traceback. rich, matplotlib and the emulator are imported only by the commands that use them.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn

import click

from .._version import __version__

__all__ = ["cli", "main"]

_REGIONS = click.Choice(["us", "eu"], case_sensitive=False)


def _fail(message: str) -> NoReturn:
    click.echo(f"Error: {message}", err=True)
    sys.exit(1)


@contextmanager
def _errors_as_messages() -> Iterator[None]:
    """The SDK's own errors (and a missing extra) as one line on stderr and exit status 1."""
    from .._exceptions import HeliconeError

    try:
        yield
    except HeliconeError as exc:
        _fail(str(getattr(exc, "message", None) or exc))
    except ModuleNotFoundError as exc:
        extra = {"matplotlib": "plot", "rich": "cli", "duckdb": "emulator", "uvicorn": "emulator"}
        name = (exc.name or "").split(".")[0]
        if name in extra:
            _fail(f"this needs {name}: pip install 'helicone-evals[{extra[name]}]'")
        raise


def _console(plain: bool = False) -> Any:
    from rich.console import Console

    return Console(highlight=False, no_color=plain or None, soft_wrap=False)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="helicone-evals")
def cli() -> None:
    """Query Helicone evaluation score distributions, or run the local emulator."""


@cli.command()
@click.option(
    "--filter",
    "filter_text",
    metavar="EXPR",
    help="Filter in the text language, e.g. \"model == 'gpt-4o' and cost > 0.01\".",
)
@click.option(
    "--filter-json", metavar="JSON", help="Filter as the API's JSON (a filter node, or '\"all\"')."
)
@click.option(
    "--since", metavar="DURATION", help="Window ending now: 90m, 12h, 7d, 2w. [default: 7d]"
)
@click.option(
    "--start",
    metavar="ISO",
    help="Window start, ISO-8601 with an offset (e.g. 2024-01-05T00:00:00Z).",
)
@click.option("--end", metavar="ISO", help="Window end (exclusive), with --start. [default: now]")
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Print the distributions as JSON instead of drawing them.",
)
@click.option(
    "--plot",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE.png",
    help="Also write a PNG chart (needs the plot extra).",
)
@click.option(
    "--base-url",
    metavar="URL",
    help="API base URL. [default: $HELICONE_BASE_URL, else the region's]",
)
@click.option(
    "--region",
    type=_REGIONS,
    default="us",
    show_default=True,
    help="Helicone region when no base URL is given.",
)
@click.option("--api-key", metavar="KEY", help="API key. [default: $HELICONE_API_KEY]")
@click.option(
    "--timeout", type=float, default=60.0, show_default=True, help="Seconds to wait for the answer."
)
@click.option(
    "--max-retries",
    type=click.IntRange(min=0),
    default=2,
    show_default=True,
    help="Retries on connection errors, 429 and 5xx.",
)
def query(
    filter_text: str | None,
    filter_json: str | None,
    since: str | None,
    start: str | None,
    end: str | None,
    as_json: bool,
    plot: Path | None,
    base_url: str | None,
    region: str,
    api_key: str | None,
    timeout: float,
    max_retries: int,
) -> None:
    """Run one score-distributions query and draw a histogram per score."""
    if filter_text is not None and filter_json is not None:
        raise click.UsageError("give --filter or --filter-json, not both")
    if since is not None and start is not None:
        raise click.UsageError("give --since or --start, not both")
    if end is not None and start is None:
        raise click.UsageError("--end needs --start")
    flt: Any = "all"
    if filter_json is not None:
        try:
            flt = json.loads(filter_json)
        except ValueError as exc:
            raise click.BadParameter(f"not JSON: {exc}", param_hint="--filter-json") from None
    elif filter_text is not None:
        flt = filter_text

    with _errors_as_messages():
        from .. import HeliconeEvals
        from .._times import parse_duration

        window: Any = parse_duration(since or "7d") if start is None else start
        with HeliconeEvals(
            api_key,
            base_url=base_url,
            region=region.lower(),
            timeout=timeout,
            max_retries=max_retries,
        ) as client:
            result = client.query_score_distributions(flt, start=window, end=end)
        if as_json:
            click.echo(json.dumps(result.to_list(), indent=2))
        else:
            from ._render import render_distributions

            render_distributions(_console(), result)
        if plot is not None:
            from ._plot import write_png

            title = filter_text or filter_json or "all requests"
            written = write_png(result, plot, title=title)
            click.echo(f"Chart written to {written}", err=as_json)


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to bind.")
@click.option(
    "--port", default=8585, show_default=True, type=int, help="Port (0 picks a free one)."
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
@click.option("--api-key", metavar="KEY", help="Accept only this key. [default: any non-empty key]")
def serve(
    host: str, port: int, rows: int, seed: int, data: Path | None, api_key: str | None
) -> None:
    """Run the local emulator in the foreground until interrupted (Ctrl-C)."""
    with _errors_as_messages():
        from ..emulator import DataError, Emulator

        emulator = Emulator(rows=rows, seed=seed, data=data, api_key=api_key, host=host, port=port)
        try:
            emulator.start()
        except DataError as exc:
            _fail(str(exc))
        except OSError as exc:
            _fail(f"cannot listen on {host}:{port}: {exc.strerror or exc}")
        source = f"rows of {data}" if data else f"{rows:,} synthetic rows (seed {seed})"
        key_note = "the only key accepted" if api_key else "any non-empty key is accepted"
        click.echo(f"Helicone emulator on {emulator.url} with {source}")
        click.echo(f"API key: {emulator.api_key} ({key_note})")
        click.echo(f"  export HELICONE_BASE_URL={emulator.url} HELICONE_API_KEY={emulator.api_key}")
        click.echo("Times without an offset are read as UTC. Ctrl-C to stop.")
        try:
            emulator.serve_forever()
        except KeyboardInterrupt:
            click.echo("Stopped.")
        finally:
            emulator.stop()


@cli.command()
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
    with _errors_as_messages():
        from ._demo import run_demo

        run_demo(_console(), rows=rows, seed=seed, plot=plot)


def main(argv: list[str] | None = None) -> None:
    """Entry point of the ``helicone-evals`` script."""
    cli.main(args=argv, prog_name="helicone-evals")
