"""Shared helpers of the command-line tests: an emulator, and a runner with its environment."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from cli_support import Invoke
from click.testing import CliRunner, Result

from helicone_evals.cli import cli
from helicone_evals.emulator import Emulator


@pytest.fixture(scope="module")
def emu() -> Iterator[Emulator]:
    with Emulator(rows=5000, seed=3) as emulator:
        yield emulator


@pytest.fixture
def invoke(monkeypatch: pytest.MonkeyPatch) -> Invoke:
    """Run the command line in-process without a server; exceptions are not caught for us."""
    monkeypatch.setenv("HELICONE_API_KEY", "sk-test-key")
    monkeypatch.delenv("HELICONE_BASE_URL", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "100")
    runner = CliRunner()

    def run(*args: str) -> Result:
        return runner.invoke(cli, list(args), catch_exceptions=False)

    return run


@pytest.fixture
def run(emu: Emulator, invoke: Invoke, monkeypatch: pytest.MonkeyPatch) -> Invoke:
    """Run the command line in-process against the module's emulator."""
    monkeypatch.setenv("HELICONE_API_KEY", emu.api_key)
    monkeypatch.setenv("HELICONE_BASE_URL", emu.url)
    return invoke
