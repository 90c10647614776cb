"""``Emulator``: the emulator served by uvicorn on a background thread."""

from __future__ import annotations

import contextlib
import secrets
import signal
import socket
import threading
import time
from collections.abc import Iterable, Mapping
from datetime import datetime
from pathlib import Path
from types import FrameType, TracebackType
from typing import Any

import uvicorn

from .._exceptions import HeliconeError
from ._app import create_app
from ._store import Store

__all__ = ["DEFAULT_PORT", "DEFAULT_QUERY_TIMEOUT", "Emulator", "NotRunningError"]

DEFAULT_PORT = 8585  # the spec's local server: http://localhost:8585/
DEFAULT_QUERY_TIMEOUT = 60.0


class NotRunningError(HeliconeError, RuntimeError):
    """The emulator is not running (start it, or use it in a ``with`` block)."""


class Emulator:
    """A local Helicone evaluation API, running while the ``with`` block runs.

        with Emulator(rows=50_000, seed=1) as emu:
            client = HeliconeEvals(emu.api_key, base_url=emu.url)

    ``rows``/``seed`` make deterministic synthetic data (the last 30 days before ``now``);
    ``data`` loads a JSONL file of ``request_response_rmt`` rows instead. ``db`` keeps the
    table in a DuckDB file: a new file is filled from ``rows``/``data``, an existing one is
    served as it is (those are then ignored), and every write answered 201 is on disk first.
    With ``api_key`` only that key is accepted; without, any non-empty key is, and
    ``emu.api_key`` holds a generated one for clients to send. ``port=0`` (the default) picks a
    free port; the server binds ``host`` (127.0.0.1) only. A query running longer than
    ``query_timeout`` seconds (None: no limit) is cancelled and answered with a 500 envelope.
    """

    def __init__(
        self,
        *,
        rows: int = 10_000,
        seed: int = 0,
        data: str | Path | None = None,
        db: str | Path | None = None,
        api_key: str | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
        now: datetime | None = None,
        query_timeout: float | None = DEFAULT_QUERY_TIMEOUT,
    ) -> None:
        self.rows = rows
        self.seed = seed
        self.data = data
        self.db = Path(db) if db is not None else None
        self.host = host
        self.now = now
        self.query_timeout = query_timeout
        self._configured_key = api_key
        self.api_key: str = api_key or "sk-helicone-emulator-" + secrets.token_hex(8)
        self._requested_port = port
        self.port: int | None = None
        self.store: Store | None = None
        self._server: uvicorn.Server | None = None
        self._socket: socket.socket | None = None
        self._thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        """True while the emulator serves (started, not stopped, its server thread alive)."""
        return self.port is not None and self._thread is not None and self._thread.is_alive()

    @property
    def url(self) -> str:
        """The base URL to give a client, e.g. ``http://127.0.0.1:54321``."""
        if self.port is None:
            raise NotRunningError("the emulator is not running: use `with Emulator() as emu:`")
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    def _running_store(self) -> Store:
        if self.store is None:
            raise NotRunningError("the emulator is not running: use `with Emulator() as emu:`")
        return self.store

    def add_requests(self, rows: Iterable[Mapping[str, Any]] | str | Path) -> list[str]:
        """Add requests while running: JSONL-shaped dicts, or the path of a JSONL file.

        The rows follow the JSONL rules (``request_created_at`` required, ``cost`` in
        nano-dollars, ``scores`` of integers...). All are added or none: a bad row raises
        ``DataError`` naming it. A row without ``request_id`` gets a random UUID v4. Returns
        the request ids, in order; they are visible to every query at once.
        """
        return self._running_store().add_requests(rows)

    def reset(self) -> None:
        """Back to the rows the emulator started with: added requests and scores written go.

        With ``db``, that is the rows the file was created with.
        """
        self._running_store().reset()

    def start(self) -> Emulator:
        """Load the rows, bind the port and serve in a background thread; returns self."""
        if self._thread is not None:
            raise HeliconeError("the emulator is already running")
        store = Store(
            rows=self.rows,
            seed=self.seed,
            data=self.data,
            now=self.now,
            db=self.db,
            query_timeout=self.query_timeout,
        )
        family = socket.AF_INET6 if ":" in self.host else socket.AF_INET
        # proto=IPPROTO_TCP so that asyncio sets TCP_NODELAY on accepted connections: without
        # it every response waits ~40 ms for a delayed ACK between its headers and body.
        sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind((self.host, self._requested_port))
        except OSError:
            sock.close()
            store.close()
            raise
        app = create_app(store, api_key=self._configured_key, query_timeout=self.query_timeout)
        config = uvicorn.Config(
            app, log_level="warning", access_log=False, lifespan="off", timeout_graceful_shutdown=2
        )
        server = uvicorn.Server(config)
        thread = threading.Thread(
            target=server.run, kwargs={"sockets": [sock]}, name="helicone-emulator", daemon=True
        )
        self.store, self._server, self._thread = store, server, thread
        self.port = sock.getsockname()[1]
        self._socket = sock
        thread.start()
        deadline = time.monotonic() + 30
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                self.stop()
                raise HeliconeError("the emulator's HTTP server did not start")
            time.sleep(0.01)
        return self

    def stop(self) -> None:
        """Stop serving, cancel queries in flight, and free the port and the database.

        Safe with requests in flight and safe to call twice; never raises for a busy server.
        """
        server, thread, store = self._server, self._thread, self.store
        if server is not None:
            server.should_exit = True
        if store is not None:
            store.interrupt_all()  # a long query must not hold the shutdown
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout=10)
            if thread.is_alive() and server is not None:
                server.force_exit = True
                thread.join(timeout=5)
        if self._socket is not None and (thread is None or not thread.is_alive()):
            # Only once uvicorn is done with it: closing a socket its loop still watches is
            # what printed "ValueError: Invalid file descriptor: -1" on Ctrl-C.
            self._socket.close()
        self._socket = None
        if store is not None:
            store.close()
        self.store, self._server, self._thread, self.port = None, None, None, None

    def serve_forever(self) -> None:
        """Serve in the foreground until interrupted (Ctrl-C or SIGTERM), then shut down."""
        if self._thread is None:
            self.start()
        stop = threading.Event()
        previous: dict[signal.Signals, Any] = {}
        if threading.current_thread() is threading.main_thread():
            # A signal only sets a flag: a KeyboardInterrupt raised in the middle of a join or
            # of the shutdown is what left a half-stopped server behind.
            def request_stop(signum: int, frame: FrameType | None) -> None:
                stop.set()

            for sig in (signal.SIGINT, signal.SIGTERM):
                previous[sig] = signal.signal(sig, request_stop)
        try:
            while self._thread is not None and self._thread.is_alive() and not stop.wait(0.25):
                pass
        finally:
            self.stop()
            for sig, handler in previous.items():
                with contextlib.suppress(ValueError, TypeError):
                    signal.signal(sig, handler)

    def __enter__(self) -> Emulator:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def __repr__(self) -> str:
        where = self.url if self.port is not None else "stopped"
        source: Any = self.data if self.data is not None else f"rows={self.rows}, seed={self.seed}"
        if self.db is not None:
            source = f"db={self.db}"
        return f"<Emulator {where} ({source})>"
