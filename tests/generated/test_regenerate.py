"""The regeneration pipeline, run for real on a copy of the project.

These run the pinned generators (a few seconds each), so they need requirements/regen.txt
installed, as `nox -s tests` does.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import contract
import pytest

ROOT = Path(__file__).resolve().parents[2]
SPEC = Path("openapi/helicone-public-api.json")
SELECTION = Path("openapi/selection.toml")
PKG = Path("generated/src/helicone_evals_generated")
MODELS = PKG / "models.py"
OPERATIONS = PKG / "operations.py"
FILTER_FIELDS = PKG / "filter_fields.py"
# Helicone's published spec a week before the vendored one (../shared/spec), kept as a fixture
# so the test needs nothing outside the repository.
OLDER_SPEC = ROOT / "tests" / "fixtures" / "helicone-public-api-2026-03-27.json"
CURRENT_SPEC = ROOT / "openapi" / "helicone-public-api.json"

pytestmark = pytest.mark.regen


def copy_project(dest: Path) -> Path:
    """A copy of what regeneration reads and writes."""
    for part in ("openapi", "generated", "scripts", "requirements"):
        shutil.copytree(
            ROOT / part, dest / part, ignore=shutil.ignore_patterns("__pycache__", ".*")
        )
    (dest / "wrapper").mkdir(exist_ok=True)
    shutil.copy(ROOT / "wrapper" / "pyproject.toml", dest / "wrapper" / "pyproject.toml")
    return dest


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path)


def regen(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(root / "scripts" / "regenerate.py"), "--root", str(root), *args],
        capture_output=True,
        text=True,
        timeout=300,
    )


def edit_spec(root: Path, change: Callable[[dict[str, Any]], object]) -> None:
    spec = json.loads((root / SPEC).read_text())
    change(spec)
    (root / SPEC).write_text(json.dumps(spec, indent=2))


def schemas(spec: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = spec["components"]["schemas"]
    return result


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


def bumped(root: Path, bump: str) -> str:
    return contract.bump_version(generated_version(root), bump)


def add_regex_operator(spec: dict[str, Any]) -> None:
    schemas(spec)["Partial_TextOperators_"]["properties"]["regex"] = {"type": "string"}


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
    ops = project / OPERATIONS
    ops.write_text(ops.read_text().replace("success_statuses=(201,)", "success_statuses=(200,)"))
    result = regen(project, "--check")
    assert result.returncode == 1
    assert f"{MODELS.as_posix()} (committed)" in result.stdout
    assert "-    like: int | None = None" in result.stdout
    assert "+    like: str | None = None" in result.stdout
    assert f"{OPERATIONS.as_posix()} (committed)" in result.stdout
    assert "+        success_statuses=(201,)," in result.stdout
    assert "never edit generated/ by hand" in result.stdout.lower()


def test_check_fails_when_a_generated_file_is_added_or_deleted(project: Path) -> None:
    (project / PKG / "extra.py").write_text("x = 1\n")
    (project / PKG / "shapes.py").unlink()
    result = regen(project, "--check")
    assert result.returncode == 1
    assert "extra.py (committed)" in result.stdout
    assert "helicone_evals_generated/shapes.py (regenerated)" in result.stdout


def test_check_fails_when_a_template_changes_without_regenerating(project: Path) -> None:
    template = project / "scripts/templates/endpoint_module.py.jinja"
    template.write_text(template.read_text().replace('"""Like sync_raw,', '"""Just like sync_raw,'))
    result = regen(project, "--check")
    assert result.returncode == 1
    assert '+    """Just like sync_raw, on the client\'s async httpx client."""' in result.stdout


def test_check_fails_when_the_spec_changes_without_regenerating(project: Path) -> None:
    edit_spec(project, add_regex_operator)
    result = regen(project, "--check")
    assert result.returncode == 1
    assert "+    regex: str | None = None" in result.stdout
    assert "schema Partial_TextOperators_.regex: string  [minor]" in result.stdout
    old, new = generated_version(project), bumped(project, "minor")
    assert f"{old} -> {new} (minor)" in result.stdout
    assert f'-    "helicone-evals-generated=={old}",' in result.stdout  # the wrapper's pin


def test_check_fails_when_the_pin_or_manifest_is_edited(project: Path) -> None:
    pyproject = project / "wrapper/pyproject.toml"
    version = generated_version(project)
    pyproject.write_text(pyproject.read_text().replace(f"generated=={version}", "generated==0.9.0"))
    manifest = project / "generated/manifest.json"
    manifest.write_text(manifest.read_text().replace('"ruff": "0.17.6"', '"ruff": "0.1.0"'))
    result = regen(project, "--check")
    assert result.returncode == 1
    assert "wrapper/pyproject.toml (expected)" in result.stdout
    assert "generated/manifest.json (committed)" in result.stdout


def test_an_added_operator_is_a_minor_bump_applied_to_the_version_and_the_pin(
    project: Path,
) -> None:
    new = bumped(project, "minor")
    edit_spec(project, add_regex_operator)
    result = regen(project)
    assert result.returncode == 0, result.stderr
    assert "+ schema Partial_TextOperators_.regex: string  [minor]" in result.stdout
    assert (generated_version(project), pinned(project)) == (new, new)
    assert "regex: str | None = None" in (project / MODELS).read_text()
    assert (project / PKG / "client/models/partial_text_operators.py").read_text().count(
        "regex"
    ) > 1
    # Regenerated output is deterministic: a second run changes nothing, and check agrees.
    again = regen(project)
    assert f"{new} (unchanged)" in again.stdout
    assert regen(project, "--check").returncode == 0


def test_a_removed_operator_is_a_major_bump_and_leaves_the_filter_builder(project: Path) -> None:
    # Issue 9 (b): the operator disappears from the generated filter table and methods.
    new = bumped(project, "major")
    assert "def ilike(" in (project / FILTER_FIELDS).read_text()
    edit_spec(project, lambda s: schemas(s)["Partial_TextOperators_"]["properties"].pop("ilike"))
    result = regen(project)
    assert result.returncode == 0, result.stderr
    assert "- schema Partial_TextOperators_.ilike: string  [major]" in result.stdout
    assert (generated_version(project), pinned(project)) == (new, new)
    assert "ilike" not in (project / FILTER_FIELDS).read_text()
    assert "ilike" not in (project / MODELS).read_text()


def test_a_removed_field_is_a_major_bump(project: Path) -> None:
    new = bumped(project, "major")
    leaf = "Partial_RequestResponseRMTToOperators_"
    edit_spec(project, lambda s: schemas(s)[leaf]["properties"].pop("assets"))
    result = regen(project)
    assert result.returncode == 0, result.stderr
    assert f"- schema {leaf}.assets: ref Partial_TextOperators_  [major]" in result.stdout
    assert (generated_version(project), pinned(project)) == (new, new)
    assert "assets" not in (project / MODELS).read_text()


def test_a_selected_change_outside_the_contract_is_a_patch(project: Path) -> None:
    def describe(spec: dict[str, Any]) -> None:
        spec["paths"]["/v1/evals/query"]["post"]["summary"] = "Summarise scores over time"

    new = bumped(project, "patch")
    edit_spec(project, describe)
    result = regen(project)
    assert result.returncode == 0, result.stderr
    assert "Contract changes" not in result.stdout
    assert (generated_version(project), pinned(project)) == (new, new)
    endpoint = project / PKG / "client/api/evals/query_evals.py"
    assert "Summarise scores over time" in endpoint.read_text()


def test_a_change_to_an_unselected_operation_is_no_bump(project: Path) -> None:
    version = generated_version(project)
    edit_spec(project, lambda s: s["paths"].pop("/v1/evals/{requestId}"))  # AddEval
    result = regen(project)
    assert result.returncode == 0, result.stderr
    assert f"{version} (unchanged)" in result.stdout
    assert (generated_version(project), pinned(project)) == (version, version)
    assert regen(project, "--check").returncode == 0


def test_updating_upstream_from_2026_03_27_to_2026_04_04_is_no_bump(tmp_path: Path) -> None:
    # 12 unselected operations and 39 schemas were removed upstream between the two.
    root = copy_project(tmp_path)
    old_spec = OLDER_SPEC
    shutil.copy(old_spec, root / SPEC)
    first = regen(root)
    assert first.returncode == 0, first.stderr
    version = generated_version(root)
    update = subprocess.run(
        [
            sys.executable,
            str(root / "scripts" / "update_spec.py"),
            str(CURRENT_SPEC),
            "--target",
            str(root / SPEC),
        ],
        capture_output=True,
        text=True,
    )
    assert update.returncode == 0, update.stderr
    assert (root / SPEC).read_bytes() == CURRENT_SPEC.read_bytes()
    second = regen(root)
    assert second.returncode == 0, second.stderr
    assert f"{version} (unchanged)" in second.stdout
    assert "Contract changes" not in second.stdout
    assert (generated_version(root), pinned(root)) == (version, version)
    manifest = json.loads((root / "generated/manifest.json").read_text())
    assert manifest["spec"]["sha256"] == (
        "b369e9e3e80cddbc0cf17e4c09554ce0cc1af6b2f83dbcd097a8e31e840483c7"
    )


def test_an_unknown_operation_id_fails_with_its_name_and_writes_nothing(project: Path) -> None:
    selection = project / SELECTION
    selection.write_text(
        selection.read_text().replace('"AddScores",', '"AddScores",\n    "AddScore",')
    )
    before = (project / MODELS).read_bytes()
    result = regen(project)
    assert result.returncode == 2
    assert "unknown operationId in openapi/selection.toml: AddScore" in result.stderr
    assert (project / MODELS).read_bytes() == before


def test_a_patch_that_no_longer_applies_fails_naming_its_target(project: Path) -> None:
    edit_spec(project, lambda s: schemas(s)["Eval"]["properties"].pop("overTime"))
    result = regen(project)
    assert result.returncode == 2
    assert "target '$.components.schemas.Eval.properties.overTime.items' selects nothing" in (
        result.stderr
    )


def test_the_patches_reach_the_generated_layer(project: Path) -> None:
    # Recorded with their sha256, and visible in what was generated.
    manifest = json.loads((project / "generated/manifest.json").read_text())
    patches = (project / "openapi/patches.yaml").read_bytes()
    assert manifest["patches"]["sha256"] == hashlib.sha256(patches).hexdigest()
    assert manifest["selection"]["operations"] == [
        "QueryScoreDistributions",
        "QueryEvals",
        "GetEvalScores",
        "AddScores",
        "FeedbackRequest",
    ]
    add_scores = (project / PKG / "client/api/request/add_scores.py").read_text()
    assert "if response.status_code == 201:" in add_scores
    assert "status_code == 200" not in add_scores
    assert "averageScore: float | None" in (project / PKG / "shapes.py").read_text()


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
