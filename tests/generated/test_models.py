"""Both generated layers against the spec: every schema round-trips, no pitfall survives."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import spec_io
from datamodel_code_generator.reference import ModelResolver
from pydantic import BaseModel, RootModel, TypeAdapter, ValidationError

from helicone_evals_generated import models as pyd
from helicone_evals_generated import shapes
from helicone_evals_generated.client import models as att

ROOT = Path(__file__).resolve().parents[2]
OPENAPI = ROOT / "openapi"
SPEC = spec_io.subset(
    spec_io.load(OPENAPI / "helicone-public-api.json")[1],
    OPENAPI / "selection.toml",
    OPENAPI / "patches.yaml",
)
SCHEMAS: dict[str, Any] = SPEC["components"]["schemas"]
FIELDS: dict[str, Any] = SCHEMAS["Partial_RequestResponseRMTToOperators_"]["properties"]

LEAF = {"request_response_rmt": {"model": {"equals": "gpt-4o"}}}
BRANCH = {
    "left": LEAF,
    "operator": "or",
    "right": {"left": "all", "operator": "and", "right": {"request_response_rmt": {}}},
}
DISTRIBUTION = {
    "name": "accuracy",
    "distribution": [
        {"lower": 0.0, "upper": 0.5, "value": 2.75},
        {"lower": 0.5, "upper": 1.0, "value": 1.25},
    ],
}
TS = "2024-01-05T12:00:00+02:00"  # a non-UTC offset, which both layers keep as written
SCORES = {"accuracy": 5, "liked": True}
EVAL = {
    "name": "accuracy",
    "averageScore": None,  # NaN on the server, sent as null (a declared patch)
    "minScore": 0.0,
    "maxScore": 1.0,
    "count": 2.0,
    "overTime": [{"count": 2.0, "date": "2024-01-05T10:00:00.000Z"}],
    "averageOverTime": [{"value": 0.5, "date": "2024-01-05T10:00:00.000Z"}],
}

# One representative instance of every schema in the spec, as wire JSON.
SAMPLES: dict[str, Any] = {
    "EvalQueryParams": {
        "filter": BRANCH,
        "timeFilter": {"start": "2024-01-01T00:00:00Z", "end": "2024-02-01T00:00:00Z"},
        "offset": 0,
        "limit": 100,
        "timeZoneDifference": -60,
    },
    "Result_ScoreDistribution-Array.string_": {"data": [DISTRIBUTION], "error": None},
    "EvalFilterNode": BRANCH,
    "ResultSuccess_ScoreDistribution-Array_": {"data": [DISTRIBUTION], "error": None},
    "ResultError_string_": {"data": None, "error": "Invalid time value"},
    "FilterLeafSubset_request_response_rmt_": LEAF,
    "EvalFilterBranch": BRANCH,
    "ScoreDistribution": DISTRIBUTION,
    "Pick_FilterLeaf.request_response_rmt_": LEAF,
    "Partial_RequestResponseRMTToOperators_": {
        "cost": {"gt": 0.01},
        "properties": {"env": {"equals": "prod"}},
        "scores": {"accuracy": {"not-equals": "null"}},
        "property_key": {"equals": "env"},
        "helicone-score-feedback": {"equals": True},
        "request_created_at": {"gte": TS},
    },
    "Partial_TextOperators_": {
        "not-equals": "a",
        "equals": "b",
        "like": "c%",
        "ilike": "%d",
        "contains": "e",
        "not-contains": "f",
    },
    "Partial_NumberOperators_": {
        "not-equals": 1.5,
        "equals": 2,
        "gte": 3,
        "lte": 4,
        "lt": 5,
        "gt": 6,
    },
    "Partial_TimestampOperatorsTyped_": {"equals": TS, "gte": TS, "lte": TS, "lt": TS, "gt": TS},
    "Partial_BooleanOperators_": {"equals": False},
    "ResultSuccess_null_": {"data": None, "error": None},
    "Result_null.string_": {"data": None, "error": None},
    "ResultSuccess_string-Array_": {"data": ["accuracy"], "error": None},
    "Result_string-Array.string_": {"data": ["accuracy"], "error": None},
    "Record_string.number-or-boolean-or-undefined_": SCORES,
    "Scores": SCORES,
    "ScoreRequest": {"scores": SCORES},
    "Eval": EVAL,
    "ResultSuccess_Eval-Array_": {"data": [EVAL], "error": None},
    "Result_Eval-Array.string_": {"data": [EVAL], "error": None},
    "FeedbackRequestBody": {"rating": True},
    "AuthenticationErrorBody": {"error": "Invalid API key", "trace": "isAuthenticated.error"},
    "ValidationErrorBody": {
        "message": "Validation Failed",
        "details": {"requestBody.scores": {"message": "invalid object", "value": [1]}},
    },
    "ServerExceptionBody": {"message": "Internal Server Error", "details": "Internal Server Error"},
    "InternalServerErrorBody": {"data": None, "error": "Failed to fetch evals"},
}

# schema -> (pydantic type, attrs classes that can read it); a union schema lists its members.
LAYERS: dict[str, tuple[Any, tuple[Any, ...]]] = {
    "EvalQueryParams": (pyd.EvalQueryParams, (att.EvalQueryParams,)),
    "Result_ScoreDistribution-Array.string_": (
        pyd.ResultScoreDistributionArrayString,
        (att.ResultSuccessScoreDistributionArray,),
    ),
    "EvalFilterNode": (
        pyd.EvalFilterBranch.model_fields["left"].annotation,
        (att.EvalFilterBranch,),
    ),
    "ResultSuccess_ScoreDistribution-Array_": (
        pyd.ResultSuccessScoreDistributionArray,
        (att.ResultSuccessScoreDistributionArray,),
    ),
    "ResultError_string_": (pyd.ResultErrorString, (att.ResultErrorString,)),
    "FilterLeafSubset_request_response_rmt_": (
        pyd.FilterLeafSubsetRequestResponseRmt,
        (att.FilterLeafSubsetRequestResponseRmt,),
    ),
    "EvalFilterBranch": (pyd.EvalFilterBranch, (att.EvalFilterBranch,)),
    "ScoreDistribution": (pyd.ScoreDistribution, (att.ScoreDistribution,)),
    "Pick_FilterLeaf.request_response_rmt_": (
        pyd.PickFilterLeafRequestResponseRmt,
        (att.PickFilterLeafRequestResponseRmt,),
    ),
    "Partial_RequestResponseRMTToOperators_": (
        pyd.PartialRequestResponseRMTToOperators,
        (att.PartialRequestResponseRMTToOperators,),
    ),
    "Partial_TextOperators_": (pyd.PartialTextOperators, (att.PartialTextOperators,)),
    "Partial_NumberOperators_": (pyd.PartialNumberOperators, (att.PartialNumberOperators,)),
    "Partial_TimestampOperatorsTyped_": (
        pyd.PartialTimestampOperatorsTyped,
        (att.PartialTimestampOperatorsTyped,),
    ),
    "Partial_BooleanOperators_": (pyd.PartialBooleanOperators, (att.PartialBooleanOperators,)),
    "ResultSuccess_null_": (pyd.ResultSuccessNull, (att.ResultSuccessNull,)),
    "Result_null.string_": (pyd.ResultNullString, (att.ResultSuccessNull,)),
    "ResultSuccess_string-Array_": (pyd.ResultSuccessStringArray, (att.ResultSuccessStringArray,)),
    "Result_string-Array.string_": (pyd.ResultStringArrayString, (att.ResultSuccessStringArray,)),
    "Record_string.number-or-boolean-or-undefined_": (
        pyd.ScoreRequest.model_fields["scores"].annotation,
        (att.RecordStringNumberOrBooleanOrUndefined,),
    ),
    "Scores": (pyd.ScoreRequest.model_fields["scores"].annotation, (att.Scores,)),
    "ScoreRequest": (pyd.ScoreRequest, (att.ScoreRequest,)),
    "Eval": (pyd.Eval, (att.Eval,)),
    "ResultSuccess_Eval-Array_": (pyd.ResultSuccessEvalArray, (att.ResultSuccessEvalArray,)),
    "Result_Eval-Array.string_": (pyd.ResultEvalArrayString, (att.ResultSuccessEvalArray,)),
    "FeedbackRequestBody": (pyd.FeedbackRequestBody, (att.FeedbackRequestBody,)),
    "AuthenticationErrorBody": (pyd.AuthenticationErrorBody, (att.AuthenticationErrorBody,)),
    "ValidationErrorBody": (pyd.ValidationErrorBody, (att.ValidationErrorBody,)),
    "ServerExceptionBody": (pyd.ServerExceptionBody, (att.ServerExceptionBody,)),
    "InternalServerErrorBody": (pyd.InternalServerErrorBody, (att.ResultErrorString,)),
}


def pydantic_round_trip(kind: Any, data: Any) -> Any:
    adapter = TypeAdapter(kind)
    return adapter.dump_python(
        adapter.validate_python(data), mode="json", by_alias=True, exclude_unset=True
    )


def test_every_schema_of_the_spec_has_a_sample_and_both_layers() -> None:
    assert set(SAMPLES) == set(SCHEMAS), "a schema was added to or removed from the spec"
    assert set(LAYERS) == set(SCHEMAS)


@pytest.mark.parametrize("schema", sorted(SCHEMAS))
def test_schema_round_trips_through_pydantic(schema: str) -> None:
    kind, _ = LAYERS[schema]
    assert pydantic_round_trip(kind, SAMPLES[schema]) == SAMPLES[schema]


@pytest.mark.parametrize("schema", sorted(SCHEMAS))
def test_schema_round_trips_through_attrs(schema: str) -> None:
    _, classes = LAYERS[schema]
    for cls in classes:
        assert cls.from_dict(SAMPLES[schema]).to_dict() == SAMPLES[schema]


@pytest.mark.parametrize("schema", sorted(SCHEMAS))
def test_schema_validates_as_its_typeddict_shape(schema: str) -> None:
    # shapes.py names a TypedDict (or alias) per schema, keyed by the wire names.
    name = ModelResolver().default_class_name_generator(SCHEMAS[schema].get("title") or schema)
    shape = getattr(shapes, name, None)
    if shape is None:  # collapsed into its users, as in models.py
        assert not hasattr(pyd, name)
        return
    assert TypeAdapter(shape).validate_python(SAMPLES[schema]) == SAMPLES[schema]


def test_response_union_reads_the_error_member_in_both_layers() -> None:
    error = SAMPLES["ResultError_string_"]
    parsed = pyd.ResultScoreDistributionArrayString.model_validate(error).root
    assert isinstance(parsed, pyd.ResultErrorString)
    assert parsed.error == "Invalid time value"
    assert att.ResultErrorString.from_dict(error).error == "Invalid time value"


# -- hyphenated names: by Python name and by alias ------------------------------------------


def operators_for(prop: dict[str, Any]) -> dict[str, Any]:
    """A valid operator object for a field of the leaf schema, by its schema."""
    ref = prop.get("$ref", "").rsplit("/", 1)[-1]
    return {
        "Partial_TextOperators_": {"equals": "x"},
        "Partial_NumberOperators_": {"gte": 1.0},
        "Partial_TimestampOperatorsTyped_": {"lt": TS},
        "Partial_BooleanOperators_": {"equals": True},
    }.get(ref) or ({"equals": "env"} if "required" in prop else {"k": {"equals": "v"}})


@pytest.mark.parametrize("wire", sorted(FIELDS))
def test_every_documented_field_is_accepted_by_wire_name_and_python_name(wire: str) -> None:
    ops = operators_for(FIELDS[wire])
    python_name = wire.replace("-", "_")
    by_alias = pyd.PartialRequestResponseRMTToOperators.model_validate({wire: ops})
    by_name = pyd.PartialRequestResponseRMTToOperators(**{python_name: ops})
    for model in (by_alias, by_name):
        assert model.model_dump(mode="json", by_alias=True, exclude_none=True) == {wire: ops}


def test_hyphenated_operators_are_kept_whichever_name_is_used() -> None:
    # The pitfall: without populate-by-name, not_equals=1 is silently dropped and dumps {}.
    for model in (
        pyd.PartialNumberOperators(not_equals=1.0),
        pyd.PartialNumberOperators.model_validate({"not-equals": 1.0}),
    ):
        assert model.model_dump(by_alias=True, exclude_none=True) == {"not-equals": 1.0}
    text = pyd.PartialTextOperators(not_contains="x")
    assert text.model_dump(by_alias=True, exclude_none=True) == {"not-contains": "x"}


# -- what the real server rejects, the models reject ------------------------------------------


@pytest.mark.parametrize(
    ("model", "data", "culprit"),
    [
        (pyd.PartialRequestResponseRMTToOperators, {"nosuchfield": {"equals": "x"}}, "nosuchfield"),
        (pyd.PartialTextOperators, {"between": "x"}, "between"),
        (pyd.PartialNumberOperators, {"contains": 1}, "contains"),
        (pyd.PartialBooleanOperators, {"not-equals": True}, "not-equals"),
        (pyd.EvalQueryParams, {**SAMPLES["EvalQueryParams"], "extra": 1}, "extra"),
        (pyd.EvalFilterBranch, {**BRANCH, "operator": "xor"}, "operator"),
    ],
)
def test_unknown_fields_and_operators_are_rejected(
    model: type[BaseModel], data: Any, culprit: str
) -> None:
    with pytest.raises(ValidationError) as info:
        model.model_validate(data)
    assert culprit in str(info.value)


def test_a_misspelled_field_never_validates_as_an_empty_filter() -> None:
    leaf = {"request_response_rmt": {"modle": {"equals": "gpt-4o"}}}
    with pytest.raises(ValidationError):
        pyd.EvalQueryParams.model_validate({**SAMPLES["EvalQueryParams"], "filter": leaf})


def test_a_deep_branch_is_rejected_or_kept_never_collapsed_to_an_empty_leaf() -> None:
    # The pitfall: past pydantic's recursion guard the branch fell back to the leaf, as {}.
    node: Any = LEAF
    for _ in range(300):
        node = {"left": node, "operator": "and", "right": "all"}
    try:
        dumped = pydantic_round_trip(LAYERS["EvalFilterNode"][0], node)
    except ValidationError:
        return
    assert dumped == node


def test_a_balanced_tree_of_a_thousand_leaves_validates() -> None:
    nodes: list[Any] = [
        {"request_response_rmt": {"user_id": {"equals": f"u{i}"}}} for i in range(1000)
    ]
    while len(nodes) > 1:
        pairs = zip(nodes[0::2], nodes[1::2], strict=False)
        nodes = [{"left": a, "operator": "or", "right": b} for a, b in pairs] + (
            [nodes[-1]] if len(nodes) % 2 else []
        )
    params = {**SAMPLES["EvalQueryParams"], "filter": nodes[0]}
    assert pydantic_round_trip(pyd.EvalQueryParams, params) == params


def test_timestamp_operators_need_an_iso_8601_time() -> None:
    with pytest.raises(ValidationError):
        pyd.PartialTimestampOperatorsTyped.model_validate({"gte": "Jan 5 2024"})


# -- names ------------------------------------------------------------------------------------


def test_class_names_are_meaningful() -> None:
    names = {n for n in dir(pyd) if isinstance(getattr(pyd, n), type)}
    assert "String" not in names
    assert not any(n[-1].isdigit() for n in names if n.startswith("EvalFilterNode"))
    assert {"EvalFilterAll", "TimeFilter", "ScoreDistributionBucket"} <= names
    assert {"EvalFilterAll", "TimeFilter", "ScoreDistributionBucket"} <= set(att.__all__)
    assert issubclass(pyd.FilterLeafSubsetRequestResponseRmt, RootModel)


def test_no_module_is_named_after_a_dotted_schema() -> None:
    package = ROOT / "generated" / "src" / "helicone_evals_generated"
    modules = [p.name for p in package.rglob("*.py")]
    assert not [m for m in modules if "." in m.removesuffix(".py") or m[0].isupper()]


def test_every_generated_file_says_it_is_generated_and_not_to_be_edited() -> None:
    tree = ROOT / "generated"
    missing = []
    for path in tree.rglob("*"):
        rel = path.relative_to(tree)
        if not path.is_file() or "__pycache__" in rel.parts:
            continue
        head = path.read_text()[:400]
        if "DO NOT EDIT" not in head or "enerated" not in head:
            missing.append(str(rel))
    assert not missing
