"""The public API is what ``helicone_evals.__all__`` lists, under the public module path."""

from __future__ import annotations

import subprocess
import sys

import pytest

import helicone_evals


@pytest.mark.parametrize("name", sorted(helicone_evals.__all__))
def test_every_public_name_resolves_under_the_public_module(name: str) -> None:
    value = getattr(helicone_evals, name)
    if isinstance(value, type):
        # Tracebacks and reprs say helicone_evals.NotFoundError, not a private module.
        assert value.__module__ == "helicone_evals", value


def test_every_public_exception_is_a_helicone_error() -> None:
    errors = [
        value
        for name in helicone_evals.__all__
        if isinstance(value := getattr(helicone_evals, name), type)
        and issubclass(value, BaseException)
    ]
    assert len(errors) >= 20
    for error in errors:
        assert issubclass(error, helicone_evals.HeliconeError), error
    # Bad arguments are ValueErrors too, as Python code expects.
    assert issubclass(helicone_evals.FilterError, helicone_evals.ArgumentError)
    assert issubclass(helicone_evals.ArgumentError, ValueError)
    assert issubclass(helicone_evals.MissingExtraError, ImportError)


def test_the_emulator_raises_the_same_missing_extra_error() -> None:
    from helicone_evals.emulator import MissingExtraError

    assert MissingExtraError is helicone_evals.MissingExtraError


def test_importing_the_package_loads_no_heavy_dependency() -> None:
    code = (
        "import sys, helicone_evals\n"
        "heavy = ['pydantic', 'httpx', 'attrs', 'helicone_evals_generated', 'duckdb', 'scipy']\n"
        "print(' '.join(m for m in heavy if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
