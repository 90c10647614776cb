"""The README is run: its Quickstart matches CI, and every example works against the emulator."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text()
BLOCK = re.compile(r"^```(\w+)\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def blocks(language: str) -> list[str]:
    return [body for lang, body in BLOCK.findall(README) if lang == language]


def quickstart() -> list[str]:
    section = README.split("## Quickstart", 1)[1].split("\n## ", 1)[0]
    (body,) = [b for lang, b in BLOCK.findall(section) if lang == "sh"]
    return [line for line in body.splitlines() if line.strip()]


def test_the_quickstart_is_exactly_two_lines_demo_then_the_whole_suite() -> None:
    lines = quickstart()
    assert len(lines) == 2
    assert lines[0].endswith("helicone-evals demo")
    assert "nox -s lint typecheck regen_check tests" in lines[1]


def test_ci_runs_quickstart_line_two_verbatim() -> None:
    ci = (ROOT / ".ci" / "run").read_text().splitlines()
    assert quickstart()[1] in ci


PYTHON_BLOCKS = blocks("python")


@pytest.fixture
def namespace() -> dict[str, Any]:
    """A fresh namespace per example: each block must run on its own, imports included."""
    return {"__name__": "readme"}


@pytest.fixture
def emulator_env(helicone_emulator: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setenv("HELICONE_API_KEY", helicone_emulator.api_key)
    monkeypatch.setenv("HELICONE_BASE_URL", helicone_emulator.url)
    return helicone_emulator


def test_the_readme_has_python_examples() -> None:
    assert len(PYTHON_BLOCKS) >= 5


@pytest.mark.parametrize("index", range(len(PYTHON_BLOCKS)))
def test_python_example_runs(index: int, namespace: dict[str, Any], emulator_env: Any) -> None:
    before = set(namespace)
    code = compile(PYTHON_BLOCKS[index], f"README.md python block {index + 1}", "exec")
    exec(code, namespace)
    # An example of a test for the user's own suite is run too, with the fixture it names.
    for name in set(namespace) - before:
        if name.startswith("test_") and callable(namespace[name]):
            namespace[name](helicone_emulator=emulator_env)


CONSOLE_COMMANDS = [
    line.removeprefix("$ ")
    for body in blocks("console")
    for line in body.splitlines()
    if line.startswith("$ helicone-evals ") and " serve" not in line and " demo" not in line
]


@pytest.mark.parametrize("command", CONSOLE_COMMANDS)
def test_console_example_runs(command: str, emulator_env: Any, tmp_path: Path) -> None:
    args = shlex.split(command)
    exe = Path(sys.executable).parent / args[0]
    result = subprocess.run(
        [str(exe), *args[1:]],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "NO_COLOR": "1", "COLUMNS": "100"},
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
