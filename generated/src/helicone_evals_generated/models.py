# Generated from openapi/helicone-api.yaml by datamodel-code-generator 0.89.0.
# DO NOT EDIT: change the spec or the generator options and run `nox -s regenerate`.

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, RootModel


class TimeFilter(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        populate_by_name=True,
    )
    end: str
    start: str


class EvalFilterAll(StrEnum):
    all = "all"


class ResultErrorString(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        populate_by_name=True,
    )
    data: None
    error: str


class EvalFilterBranchOperator(StrEnum):
    or_ = "or"
    and_ = "and"


class ScoreDistributionBucket(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        populate_by_name=True,
    )
    value: float
    upper: float
    lower: float


class ScoreDistribution(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        populate_by_name=True,
    )
    name: str
    distribution: list[ScoreDistributionBucket]


class PropertyKeyOperators(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        populate_by_name=True,
    )
    equals: str


class PartialTextOperators(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        populate_by_name=True,
    )
    not_equals: Annotated[str | None, Field(alias="not-equals")] = None
    equals: str | None = None
    like: str | None = None
    ilike: str | None = None
    contains: str | None = None
    not_contains: Annotated[str | None, Field(alias="not-contains")] = None


class PartialNumberOperators(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        populate_by_name=True,
    )
    not_equals: Annotated[float | None, Field(alias="not-equals")] = None
    equals: float | None = None
    gte: float | None = None
    lte: float | None = None
    lt: float | None = None
    gt: float | None = None


class PartialTimestampOperatorsTyped(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        populate_by_name=True,
    )
    equals: AwareDatetime | None = None
    gte: AwareDatetime | None = None
    lte: AwareDatetime | None = None
    lt: AwareDatetime | None = None
    gt: AwareDatetime | None = None


class PartialBooleanOperators(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        populate_by_name=True,
    )
    equals: bool | None = None


class ResultSuccessScoreDistributionArray(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        populate_by_name=True,
    )
    data: list[ScoreDistribution]
    error: None


class PartialRequestResponseRMTToOperators(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        populate_by_name=True,
    )
    country_code: PartialTextOperators | None = None
    latency: PartialNumberOperators | None = None
    cost: PartialNumberOperators | None = None
    provider: PartialTextOperators | None = None
    time_to_first_token: PartialNumberOperators | None = None
    status: PartialNumberOperators | None = None
    request_created_at: PartialTimestampOperatorsTyped | None = None
    response_created_at: PartialTimestampOperatorsTyped | None = None
    model: PartialTextOperators | None = None
    user_id: PartialTextOperators | None = None
    organization_id: PartialTextOperators | None = None
    node_id: PartialTextOperators | None = None
    job_id: PartialTextOperators | None = None
    threat: PartialBooleanOperators | None = None
    request_id: PartialTextOperators | None = None
    prompt_tokens: PartialNumberOperators | None = None
    completion_tokens: PartialNumberOperators | None = None
    prompt_cache_read_tokens: PartialNumberOperators | None = None
    prompt_cache_write_tokens: PartialNumberOperators | None = None
    total_tokens: PartialNumberOperators | None = None
    target_url: PartialTextOperators | None = None
    property_key: Annotated[
        PropertyKeyOperators | None, Field(title="PropertyKeyOperators")
    ] = None
    properties: dict[str, PartialTextOperators] | None = None
    search_properties: dict[str, PartialTextOperators] | None = None
    scores: dict[str, PartialTextOperators] | None = None
    scores_column: PartialTextOperators | None = None
    request_body: PartialTextOperators | None = None
    response_body: PartialTextOperators | None = None
    cache_enabled: PartialBooleanOperators | None = None
    cache_reference_id: PartialTextOperators | None = None
    cached: PartialBooleanOperators | None = None
    assets: PartialTextOperators | None = None
    helicone_score_feedback: Annotated[
        PartialBooleanOperators | None, Field(alias="helicone-score-feedback")
    ] = None
    prompt_id: PartialTextOperators | None = None
    prompt_version: PartialTextOperators | None = None
    request_referrer: PartialTextOperators | None = None
    is_passthrough_billing: PartialBooleanOperators | None = None


class ResultScoreDistributionArrayString(
    RootModel[ResultSuccessScoreDistributionArray | ResultErrorString]
):
    root: ResultSuccessScoreDistributionArray | ResultErrorString


class PickFilterLeafRequestResponseRmt(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        populate_by_name=True,
    )
    request_response_rmt: PartialRequestResponseRMTToOperators | None = None


class FilterLeafSubsetRequestResponseRmt(RootModel[PickFilterLeafRequestResponseRmt]):
    root: PickFilterLeafRequestResponseRmt


class EvalQueryParams(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        populate_by_name=True,
    )
    filter: FilterLeafSubsetRequestResponseRmt | EvalFilterBranch | EvalFilterAll
    time_filter: Annotated[TimeFilter, Field(alias="timeFilter", title="TimeFilter")]
    offset: float | None = None
    limit: float | None = None
    time_zone_difference: Annotated[float | None, Field(alias="timeZoneDifference")] = (
        None
    )


class EvalFilterBranch(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        populate_by_name=True,
    )
    right: FilterLeafSubsetRequestResponseRmt | EvalFilterBranch | EvalFilterAll
    operator: Annotated[
        EvalFilterBranchOperator, Field(title="EvalFilterBranchOperator")
    ]
    left: FilterLeafSubsetRequestResponseRmt | EvalFilterBranch | EvalFilterAll


EvalQueryParams.model_rebuild()
EvalFilterBranch.model_rebuild()
