"""The sessions that keep the project honest. `nox -l` lists them.

Every session builds its own virtualenv (with uv when it is installed: `pip install 'nox[uv]'`)
from the files in this repository, so it works on a fresh machine with only Python and pip.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import nox

nox.options.default_venv_backend = "uv|virtualenv"
nox.options.sessions = ["lint", "typecheck", "regen_check", "tests", "wheels", "lowest"]
nox.options.error_on_missing_interpreters = True

REGEN = "requirements/regen.txt"
TEST = "requirements/test.txt"
# The oldest versions wrapper/pyproject.toml accepts: `nox -s lowest` runs the tests against them.
LOWEST = ("httpx==0.28.0", "pydantic==2.7.0")


def install_project(session: nox.Session, extras: str = "all") -> None:
    """The generated layer and the wrapper, editable, from this checkout."""
    session.install("-e", "generated", "-e", f"wrapper[{extras}]")


@nox.session
def tests(session: nox.Session) -> None:
    """The whole test suite (the regen tests run the pinned generators)."""
    install_project(session)
    session.install("-r", TEST, "-r", REGEN)
    session.run("pytest", *session.posargs)


@nox.session
def lowest(session: nox.Session) -> None:
    """The client, resource, filter and result tests against the oldest httpx and pydantic."""
    install_project(session)
    session.install("-r", TEST)
    session.install(*LOWEST)
    session.run(
        "pytest",
        "-p",
        "no:cacheprovider",
        "tests/client",
        "tests/filters",
        "tests/resources",
        "tests/results",
        # The emitter's tests read the spec with the regeneration tools, which pin pydantic.
        "--ignore=tests/filters/test_filters_emitter.py",
        # Compares our validators' schemas to the ones the pinned pydantic builds (older ones
        # spell theirs differently); what the validators accept is tested on its own.
        "--deselect=tests/client/test_fast_paths.py"
        "::test_every_shape_validates_exactly_as_pydantic_would",
        *session.posargs,
    )


@nox.session
def wheels(session: nox.Session) -> None:
    """Build both wheels, install them (not editable) in a clean venv, run the demo and a smoke.

    What a user gets from `pip install`, checked from outside the source tree.
    """
    dist = Path(session.create_tmp()) / "dist"
    shutil.rmtree(dist, ignore_errors=True)
    session.install("build")
    for project in ("generated", "wrapper"):
        session.run("python", "-m", "build", "--wheel", "--outdir", str(dist), project)
    wheels = sorted(str(w) for w in dist.glob("*.whl"))
    wrapper = next(w for w in wheels if Path(w).name.startswith("helicone_evals-"))
    generated = next(w for w in wheels if Path(w).name.startswith("helicone_evals_generated-"))
    session.install(generated, f"{wrapper}[emulator,cli]")
    smoke = Path("tests/smoke.py").resolve()
    with session.chdir(session.create_tmp()):  # away from the sources: only the wheels import
        session.run("helicone-evals", "demo")
        session.run("python", str(smoke))


@nox.session
def lint(session: nox.Session) -> None:
    """ruff check and ruff format --check over everything hand-written."""
    session.install("-r", "requirements/lint.txt")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session
def typecheck(session: nox.Session) -> None:
    """mypy --strict on the wrapper and on the scripts."""
    install_project(session)
    session.install("-r", "requirements/lint.txt", "-r", REGEN)
    session.run("mypy", "--strict", "wrapper/src/helicone_evals")
    session.run("mypy", "--strict", "scripts")


@nox.session
def lock(session: nox.Session) -> None:
    """Re-lock requirements/test.txt (every third-party version the tests run with)."""
    session.install("uv")
    session.run(
        "uv", "pip", "compile", "requirements/test.in", "-c", REGEN,
        "--python-version", "3.11", "--universal", "--quiet",
        "--no-emit-package", "helicone-evals", "--no-emit-package", "helicone-evals-generated",
        "-o", TEST,
    )  # fmt: skip


@nox.session
def regenerate(session: nox.Session) -> None:
    """Regenerate generated/ from openapi/ (spec pruned to selection.toml, patched by
    patches.yaml) with the locked generators, templates and emitters; bump version and pin."""
    session.install("-r", REGEN)
    session.run("python", "scripts/regenerate.py", *session.posargs)


@nox.session
def regen_check(session: nox.Session) -> None:
    """Fail, with a diff, when generated/, its version, the pin or the manifest are stale."""
    session.install("-r", REGEN)
    session.run("python", "scripts/regenerate.py", "--check")


@nox.session
def update_spec(session: nox.Session) -> None:
    """Vendor a new spec: `nox -s update_spec -- PATH` (a docs page or a YAML/JSON file).

    Refused, changing nothing, when the selected, patched subset of it is unusable."""
    session.install("-r", REGEN)
    session.run("python", "scripts/update_spec.py", *session.posargs)


@nox.session
def stress(session: nox.Session) -> None:
    """Generate every operation of the vendored spec into a temp dir; report seconds, files,
    operations generated/dropped and the import time (`-- --json PATH` also writes them)."""
    session.install("-r", REGEN)
    session.run("python", "scripts/stress.py", *session.posargs)


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
