"""The regeneration pipeline, run for real on a copy of the project.

These run the pinned generators (a few seconds each), so they need requirements/regen.txt
installed, as `nox -s tests` does.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SPEC = Path("openapi/helicone-api.yaml")
MODELS = Path("generated/src/helicone_evals_generated/models.py")

pytestmark = pytest.mark.regen


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of what regeneration reads and writes."""
    for part in ("openapi", "generated", "scripts", "requirements"):
        shutil.copytree(
            ROOT / part, tmp_path / part, ignore=shutil.ignore_patterns("__pycache__", ".*")
        )
    (tmp_path / "wrapper").mkdir()
    shutil.copy(ROOT / "wrapper" / "pyproject.toml", tmp_path / "wrapper" / "pyproject.toml")
    return tmp_path


def regen(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(root / "scripts" / "regenerate.py"), "--root", str(root), *args],
        capture_output=True,
        text=True,
        timeout=300,
    )


def edit_spec(root: Path, old: str, new: str) -> None:
    text = (root / SPEC).read_text()
    assert old in text
    (root / SPEC).write_text(text.replace(old, new, 1))


def pinned(root: Path) -> str:
    m = re.search(
        r'"helicone-evals-generated==([^"]+)"', (root / "wrapper/pyproject.toml").read_text()
    )
    assert m
    return m.group(1)


def generated_version(root: Path) -> str:
    m = re.search(r'^version = "([^"]+)"', (root / "generated/pyproject.toml").read_text(), re.M)
    assert m
    return m.group(1)


# The text operators gain `regex` (an addition) in the first variant; `assets` disappears
# (a removal) in the second.
ADD_OPERATOR = (
    "    Partial_TextOperators_:\n      properties:\n",
    "    Partial_TextOperators_:\n      properties:\n        regex:\n          type: string\n",
)
REMOVE_FIELD = (
    "        assets:\n          $ref: '#/components/schemas/Partial_TextOperators_'\n",
    "",
)


def test_the_committed_generated_layer_is_exactly_what_the_pinned_tools_make(project: Path) -> None:
    result = regen(project, "--check")
    assert result.returncode == 0, result.stdout + result.stderr


def test_check_fails_with_a_readable_diff_when_a_generated_file_is_edited_by_hand(
    project: Path,
) -> None:
    models = project / MODELS
    models.write_text(
        models.read_text().replace("    like: str | None = None", "    like: int | None = None")
    )
    result = regen(project, "--check")
    assert result.returncode == 1
    assert f"{MODELS.as_posix()} (committed)" in result.stdout
    assert "-    like: int | None = None" in result.stdout
    assert "+    like: str | None = None" in result.stdout
    assert "never edit generated/ by hand" in result.stdout.lower()


def test_check_fails_when_a_generated_file_is_added_or_deleted(project: Path) -> None:
    (project / "generated/src/helicone_evals_generated/extra.py").write_text("x = 1\n")
    (project / "generated/src/helicone_evals_generated/client/types.py").unlink()
    result = regen(project, "--check")
    assert result.returncode == 1
    assert "extra.py (committed)" in result.stdout
    assert "client/types.py (regenerated)" in result.stdout


def test_check_fails_when_the_spec_changes_without_regenerating(project: Path) -> None:
    edit_spec(project, *ADD_OPERATOR)
    result = regen(project, "--check")
    assert result.returncode == 1
    assert "+    regex: str | None = None" in result.stdout
    assert "schema Partial_TextOperators_.regex: string  [minor]" in result.stdout
    assert "1.0.0 -> 1.1.0 (minor)" in result.stdout
    assert '-    "helicone-evals-generated==1.0.0",' in result.stdout  # the wrapper's pin


def test_check_fails_when_the_pin_or_manifest_is_edited(project: Path) -> None:
    pyproject = project / "wrapper/pyproject.toml"
    pyproject.write_text(pyproject.read_text().replace("generated==1.0.0", "generated==0.9.0"))
    manifest = project / "generated/manifest.json"
    manifest.write_text(manifest.read_text().replace('"ruff": "0.17.6"', '"ruff": "0.1.0"'))
    result = regen(project, "--check")
    assert result.returncode == 1
    assert "wrapper/pyproject.toml (expected)" in result.stdout
    assert "generated/manifest.json (committed)" in result.stdout


def test_an_added_operator_is_a_minor_bump_applied_to_the_version_and_the_pin(
    project: Path,
) -> None:
    edit_spec(project, *ADD_OPERATOR)
    result = regen(project)
    assert result.returncode == 0, result.stderr
    assert "+ schema Partial_TextOperators_.regex: string  [minor]" in result.stdout
    assert (generated_version(project), pinned(project)) == ("1.1.0", "1.1.0")
    assert "regex: str | None = None" in (project / MODELS).read_text()
    assert (
        project / "generated/src/helicone_evals_generated/client/models/partial_text_operators.py"
    ).read_text().count("regex") > 1
    # Regenerated output is deterministic: a second run changes nothing, and check agrees.
    again = regen(project)
    assert "1.1.0 (unchanged)" in again.stdout
    assert regen(project, "--check").returncode == 0


def test_a_removed_field_is_a_major_bump(project: Path) -> None:
    edit_spec(project, *REMOVE_FIELD)
    result = regen(project)
    assert result.returncode == 0, result.stderr
    assert (
        "- schema Partial_RequestResponseRMTToOperators_.assets: "
        "ref Partial_TextOperators_  [major]" in result.stdout
    )
    assert (generated_version(project), pinned(project)) == ("2.0.0", "2.0.0")
    assert "assets" not in (project / MODELS).read_text()


def test_a_change_outside_the_contract_is_a_patch(project: Path) -> None:
    edit_spec(
        project, "  title: helicone-api\n", "  title: helicone-api\n  description: Helicone's API\n"
    )
    result = regen(project)
    assert result.returncode == 0, result.stderr
    assert "Contract changes" not in result.stdout
    assert (generated_version(project), pinned(project)) == ("1.0.1", "1.0.1")


def test_the_wrong_generator_version_is_refused_before_anything_is_written(project: Path) -> None:
    lock = project / "requirements/regen.txt"
    lock.write_text(lock.read_text().replace("ruff==0.17.6", "ruff==0.0.1"))
    before = (project / MODELS).read_bytes()
    result = regen(project)
    assert result.returncode == 2
    assert "ruff 0.17.6 (locked: 0.0.1)" in result.stderr
    assert (project / MODELS).read_bytes() == before


def test_no_cache_or_temporary_file_is_left_in_generated(project: Path) -> None:
    assert regen(project).returncode == 0
    leftovers = [
        p.relative_to(project).as_posix()
        for p in (project / "generated").rglob("*")
        if p.name.startswith(".") or p.name == "__pycache__"
    ]
    assert leftovers == []
