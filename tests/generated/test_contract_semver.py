"""The contract table and the semver bump it implies."""

from __future__ import annotations

from pathlib import Path

import contract
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
SPEC = yaml.safe_load((ROOT / "openapi" / "helicone-api.yaml").read_text())


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
