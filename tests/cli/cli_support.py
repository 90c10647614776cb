"""Helpers of the command-line tests."""

from __future__ import annotations

from collections.abc import Callable

from click.testing import Result

Invoke = Callable[..., Result]

REQUEST_ID = "0b7e5a3c-1d2f-4e5a-9b8c-7d6e5f4a3b2c"


def no_traceback(result: Result) -> None:
    """Nothing the user sees is a Python traceback."""
    assert "Traceback" not in result.output
