"""The ``helicone-evals`` command line (the ``cli`` extra: click and rich).

    helicone-evals query --filter "model == 'gpt-4o'" --since 7d     # histograms in the terminal
    helicone-evals stats --since 24h                                  # n, mean, min, max per score
    helicone-evals score REQUEST_ID accuracy=87 helpful=true          # write scores
    helicone-evals serve --port 8585                                  # the local emulator
    helicone-evals demo                                               # emulator + queries, offline

Failures print one line and exit 1; a misused option or variable exits 2; never a traceback.
This module imports nothing heavy: click and rich load in ``main()``, so that without the
``cli`` extra the command says which extra is missing instead of crashing.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import click

__all__ = ["cli", "main"]

# The third-party modules the command line needs, and the extra that installs each.
_NEEDS = {"click": "cli", "rich": "cli"}


def missing_extra_message(module: str, extra: str) -> str:
    """What to tell a user whose install lacks ``extra`` (``module`` failed to import)."""
    return (
        f"this needs the '{extra}' extra ({module} is not installed). Add it "
        f'where you installed helicone-evals: pip install "helicone-evals[{extra}]", or from a '
        f"clone of the repository: pip install './wrapper[{extra}]'"
    )


def main(argv: list[str] | None = None) -> None:
    """Entry point of the ``helicone-evals`` script."""
    for module, extra in _NEEDS.items():
        try:
            __import__(module)
        except ImportError:
            sys.stderr.write(f"Error: {missing_extra_message(module, extra)}\n")
            raise SystemExit(1) from None
    from ._app import cli as group

    group.main(args=argv, prog_name="helicone-evals")


def __getattr__(name: str) -> Any:
    # ``from helicone_evals.cli import cli`` still works, loading click only then.
    if name == "cli":
        from ._app import cli as group

        return group
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


if TYPE_CHECKING:
    cli: click.Group
