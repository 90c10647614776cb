"""The contract table and the semver bump it implies."""

from __future__ import annotations

from pathlib import Path

import contract
import pytest
import spec_io

ROOT = Path(__file__).resolve().parents[2]
OPENAPI = ROOT / "openapi"
FULL = spec_io.load(OPENAPI / "helicone-public-api.json")[1]
SPEC = spec_io.subset(FULL, OPENAPI / "selection.toml", OPENAPI / "patches.yaml")


def test_the_contract_lists_schemas_fields_operators_and_the_operation() -> None:
    table = contract.extract(SPEC)
    assert table["schema Partial_TextOperators_.not-equals"] == "string"
    assert table["schema Partial_NumberOperators_.gte"] == "number(double)"
    assert table["schema EvalQueryParams.timeFilter.start"] == "string required"
    assert table["schema EvalFilterBranch.operator['and']"] == "enum member"
    assert table["schema Partial_RequestResponseRMTToOperators_.helicone-score-feedback"] == (
        "ref Partial_BooleanOperators_"
    )
    assert table["operation POST /v1/evals/score-distributions/query"] == "ref EvalQueryParams"


def test_the_contract_is_the_selected_patched_subset_s_only() -> None:
    table = contract.extract(SPEC)
    operations = sorted(k for k in table if k.startswith("operation ") and " -> " not in k)
    assert operations == [
        "operation GET /v1/evals/scores",
        "operation POST /v1/evals/query",
        "operation POST /v1/evals/score-distributions/query",
        "operation POST /v1/request/{requestId}/feedback",
        "operation POST /v1/request/{requestId}/score",
    ]
    # The patches: the real 201, the error answers, the nullable averages.
    assert table["operation POST /v1/request/{requestId}/score -> 201"] == "ref Result_null.string_"
    assert "operation POST /v1/request/{requestId}/score -> 200" not in table
    assert table["operation GET /v1/evals/scores -> 401"] == "ref AuthenticationErrorBody"
    assert table["operation POST /v1/evals/query -> 422"] == "ref ValidationErrorBody"
    assert table["operation POST /v1/evals/query -> 500"] == "ref InternalServerErrorBody"
    assert table["schema Eval.averageScore"] == "number(double) nullable required"
    assert not any("Prompt" in k for k in table)


def test_the_committed_contract_is_the_spec_s() -> None:
    import json

    committed = json.loads((ROOT / "generated" / "contract.json").read_text())
    committed.pop("_note")
    assert committed == contract.extract(SPEC)


@pytest.mark.parametrize(
    ("old", "new", "bump"),
    [
        ({"a": "string"}, {"a": "string"}, "patch"),
        ({"a": "string"}, {"a": "string", "b": "number"}, "minor"),
        ({"a": "string", "b": "number"}, {"a": "string"}, "major"),
        ({"a": "string"}, {"a": "number"}, "major"),
        ({"a": "string"}, {"a": "string required"}, "major"),
        ({"a": "string"}, {"b": "string"}, "major"),
    ],
)
def test_removal_or_retyping_is_major_addition_minor_else_patch(
    old: dict[str, str], new: dict[str, str], bump: str
) -> None:
    assert contract.implied_bump(contract.diff(old, new)) == bump


@pytest.mark.parametrize(
    ("version", "bump", "expected"),
    [("1.2.3", "patch", "1.2.4"), ("1.2.3", "minor", "1.3.0"), ("1.2.3", "major", "2.0.0")],
)
def test_bump_version(version: str, bump: str, expected: str) -> None:
    assert contract.bump_version(version, bump) == expected


def test_bump_version_refuses_what_is_not_semver() -> None:
    with pytest.raises(ValueError, match=r"not MAJOR\.MINOR\.PATCH"):
        contract.bump_version("1.2", "patch")
