"""``helicone-evals serve``: the emulator in the foreground, stopped cleanly by Ctrl-C."""

from __future__ import annotations

import inspect
import signal
import sys
import threading
from pathlib import Path
from types import FrameType
from typing import Any

import click

from ._errors import CommandError

__all__ = ["run_emulator"]


def _emulator_options(db: Path | None, **options: Any) -> dict[str, Any]:
    from ..emulator import Emulator

    if db is not None:
        if "db" not in inspect.signature(Emulator).parameters:
            raise CommandError("--db: this version of the emulator cannot keep data in a file")
        options["db"] = db
    return options


def _running(emulator: Any) -> bool:
    # The emulator serves on a background thread; it is gone if that thread died.
    return bool(emulator.running)


def run_emulator(
    *,
    host: str,
    port: int,
    rows: int,
    seed: int,
    data: Path | None,
    db: Path | None,
    api_key: str | None,
) -> None:
    """Start the emulator, print where it is and which key to use, serve until a signal."""
    from .._exceptions import HeliconeError
    from ..emulator import Emulator

    options = _emulator_options(
        db, rows=rows, seed=seed, data=data, api_key=api_key, host=host, port=port
    )
    emulator = Emulator(**options)
    try:
        emulator.start()
    except HeliconeError as exc:  # DataError: a bad row, named with its line
        raise CommandError(str(exc)) from None
    except OSError as exc:
        raise CommandError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None

    stop = threading.Event()
    # Signals only set a flag: a KeyboardInterrupt raised in the middle of a thread join or of
    # the shutdown itself is what left the server thread closing an already-closed socket.
    previous = {
        sig: signal.signal(sig, lambda signum, frame: _request_stop(stop, signum, frame))
        for sig in (signal.SIGINT, signal.SIGTERM)
    }
    previous_hook = threading.excepthook
    threading.excepthook = _one_line_thread_errors
    try:
        _announce(emulator, rows=rows, seed=seed, data=data, db=db, fixed_key=api_key is not None)
        while _running(emulator) and not stop.wait(0.25):
            pass
    finally:
        try:
            emulator.stop()
        except Exception as exc:  # never a traceback on the way out
            click.echo(f"Warning: the emulator stopped uncleanly: {exc}", err=True)
        threading.excepthook = previous_hook
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    if not stop.is_set():
        raise CommandError("the emulator's server stopped unexpectedly")
    click.echo("Stopped.")


def _request_stop(stop: threading.Event, signum: int, frame: FrameType | None) -> None:
    stop.set()


def _one_line_thread_errors(args: threading.ExceptHookArgs) -> None:
    name = args.thread.name if args.thread is not None else "a thread"
    kind = args.exc_type.__name__
    sys.stderr.write(f"Warning: {name}: {kind}: {args.exc_value}\n")


def _announce(
    emulator: Any,
    *,
    rows: int,
    seed: int,
    data: Path | None,
    db: Path | None,
    fixed_key: bool,
) -> None:
    source = f"the rows of {data}" if data else f"{rows:,} synthetic rows (seed {seed})"
    if db is not None:
        source += f", kept in {db}"
    key = (
        f"API key {emulator.api_key} (the only key accepted)"
        if fixed_key
        else f"any non-empty API key, e.g. {emulator.api_key}"
    )
    click.echo(f"Helicone emulator on {emulator.url} with {source}; use {key}")
    click.echo(f"  export HELICONE_BASE_URL={emulator.url} HELICONE_API_KEY={emulator.api_key}")
    click.echo("Times without an offset are read as UTC. Ctrl-C to stop.")
