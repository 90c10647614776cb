"""The sessions that keep the project honest. `nox -l` lists them.

Every session builds its own virtualenv (with uv when it is installed: `pip install 'nox[uv]'`)
from the files in this repository, so it works on a fresh machine with only Python and pip.
"""

from __future__ import annotations

import nox

nox.options.default_venv_backend = "uv|virtualenv"
nox.options.sessions = ["lint", "typecheck", "regen_check", "tests"]
nox.options.error_on_missing_interpreters = True

REGEN = "requirements/regen.txt"


def install_project(session: nox.Session, extras: str = "all") -> None:
    """The generated layer and the wrapper, editable, from this checkout."""
    session.install("-e", "generated", "-e", f"wrapper[{extras}]")


@nox.session
def tests(session: nox.Session) -> None:
    """The whole test suite (the regen tests run the pinned generators)."""
    install_project(session)
    session.install("-r", "requirements/test.txt", "-r", REGEN)
    session.run("pytest", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """ruff check and ruff format --check over everything hand-written."""
    session.install("-r", "requirements/lint.txt")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session
def typecheck(session: nox.Session) -> None:
    """mypy --strict on the wrapper."""
    install_project(session)
    session.install("-r", "requirements/lint.txt")
    session.run("mypy", "--strict", "wrapper/src/helicone_evals")


@nox.session
def regenerate(session: nox.Session) -> None:
    """Regenerate generated/ from openapi/ with the locked generators; bump version and pin."""
    session.install("-r", REGEN)
    session.run("python", "scripts/regenerate.py", *session.posargs)


@nox.session
def regen_check(session: nox.Session) -> None:
    """Fail, with a diff, when generated/, its version, the pin or the manifest are stale."""
    session.install("-r", REGEN)
    session.run("python", "scripts/regenerate.py", "--check")


@nox.session
def update_spec(session: nox.Session) -> None:
    """Vendor a new spec: `nox -s update_spec -- PATH` (a docs page or a YAML/JSON file)."""
    session.install("-r", REGEN)
    session.run("python", "scripts/update_spec.py", *session.posargs)


@nox.session
def demo(session: nox.Session) -> None:
    """The README's main job: the demo queries against the embedded emulator."""
    install_project(session, "emulator,cli")
    session.run("helicone-evals", "demo", *session.posargs)


@nox.session
def bench(session: nox.Session) -> None:
    """Benchmarks, side by side, as ratios against their goals; writes BENCHMARKS.md."""
    install_project(session)
    session.install("-r", "requirements/bench.txt")
    session.run("python", "bench/run.py", *session.posargs)
