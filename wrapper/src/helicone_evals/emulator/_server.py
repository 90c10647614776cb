"""``Emulator``: the emulator served by uvicorn on a background thread."""

from __future__ import annotations

import secrets
import socket
import threading
import time
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any

import uvicorn

from ._app import create_app
from ._store import Store

__all__ = ["DEFAULT_PORT", "Emulator"]

DEFAULT_PORT = 8585  # the spec's local server: http://localhost:8585/


class Emulator:
    """A local Helicone score-distributions endpoint, running while the ``with`` block runs.

        with Emulator(rows=50_000, seed=1) as emu:
            client = HeliconeEvals(emu.api_key, base_url=emu.url)

    ``rows``/``seed`` make deterministic synthetic data (the last 30 days before ``now``);
    ``data`` loads a JSONL file of ``request_response_rmt`` rows instead. With ``api_key``
    only that key is accepted; without, any non-empty key is, and ``emu.api_key`` holds a
    generated one for clients to send. ``port=0`` (the default) picks a free port; the server
    binds ``host`` (127.0.0.1) only.
    """

    def __init__(
        self,
        *,
        rows: int = 10_000,
        seed: int = 0,
        data: str | Path | None = None,
        api_key: str | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
        now: datetime | None = None,
    ) -> None:
        self.rows = rows
        self.seed = seed
        self.data = data
        self.host = host
        self.now = now
        self._configured_key = api_key
        self.api_key: str = api_key or "sk-helicone-emulator-" + secrets.token_hex(8)
        self._requested_port = port
        self.port: int | None = None
        self.store: Store | None = None
        self._server: uvicorn.Server | None = None
        self._socket: socket.socket | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        """The base URL to give a client, e.g. ``http://127.0.0.1:54321``."""
        if self.port is None:
            raise RuntimeError("the emulator is not running: use `with Emulator() as emu:`")
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    def start(self) -> Emulator:
        """Load the rows, bind the port and serve in a background thread; returns self."""
        if self._thread is not None:
            raise RuntimeError("the emulator is already running")
        store = Store(rows=self.rows, seed=self.seed, data=self.data, now=self.now)
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
        app = create_app(store, api_key=self._configured_key)
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
                raise RuntimeError("the emulator's HTTP server did not start")
            time.sleep(0.01)
        return self

    def stop(self) -> None:
        """Stop serving and free the port and the database."""
        server, thread = self._server, self._thread
        if server is not None:
            server.should_exit = True
        if thread is not None:
            thread.join(timeout=10)
        if self._socket is not None:
            self._socket.close()
            self._socket = None
        if self.store is not None:
            self.store.close()
        self.store, self._server, self._thread, self.port = None, None, None, None

    def serve_forever(self) -> None:
        """Serve in the foreground until interrupted (Ctrl-C), then shut down."""
        if self._thread is None:
            self.start()
        try:
            while self._thread is not None and self._thread.is_alive():
                self._thread.join(timeout=0.5)
        finally:
            self.stop()

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
        return f"<Emulator {where} ({source})>"
