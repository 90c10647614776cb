# Generated from openapi/helicone-public-api.json (openapi/selection.toml, openapi/patches.yaml) by datamodel-code-generator 0.89.0.
# DO NOT EDIT: change the spec, selection, patches or generator options and run `nox -s regenerate`.
from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, RootModel


class ResultErrorString(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        populate_by_name=True,
    )
    data: Annotated[None, Field(...)]
    error: str


class ResultSuccessNull(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        populate_by_name=True,
    )
    data: Annotated[None, Field(...)]
    error: Annotated[None, Field(...)]


class ResultNullString(RootModel[ResultSuccessNull | ResultErrorString]):
    root: ResultSuccessNull | ResultErrorString


class ResultSuccessStringArray(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        populate_by_name=True,
    )
    data: list[str]
    error: Annotated[None, Field(...)]


class ResultStringArrayString(RootModel[ResultSuccessStringArray | ResultErrorString]):
    root: ResultSuccessStringArray | ResultErrorString


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


class PartialBooleanOperators(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        populate_by_name=True,
    )
    equals: bool | None = None


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


class PropertyKeyOperators(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        populate_by_name=True,
    )
    equals: str


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


class ScoreRequest(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        populate_by_name=True,
    )
    scores: dict[str, float | bool]


class PickFilterLeafRequestResponseRmt(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        populate_by_name=True,
    )
    request_response_rmt: PartialRequestResponseRMTToOperators | None = None


class FilterLeafSubsetRequestResponseRmt(RootModel[PickFilterLeafRequestResponseRmt]):
    root: PickFilterLeafRequestResponseRmt


class EvalOverTimeItem(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        populate_by_name=True,
    )
    count: float
    date: str


class EvalAverageOverTimeItem(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        populate_by_name=True,
    )
    value: float
    date: str


class Eval(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        populate_by_name=True,
    )
    name: str
    average_score: Annotated[float | None, Field(alias="averageScore")]
    min_score: Annotated[float | None, Field(alias="minScore")]
    max_score: Annotated[float | None, Field(alias="maxScore")]
    count: float
    over_time: Annotated[list[EvalOverTimeItem], Field(alias="overTime")]
    average_over_time: Annotated[
        list[EvalAverageOverTimeItem], Field(alias="averageOverTime")
    ]


class ResultSuccessEvalArray(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        populate_by_name=True,
    )
    data: list[Eval]
    error: Annotated[None, Field(...)]


class ResultEvalArrayString(RootModel[ResultSuccessEvalArray | ResultErrorString]):
    root: ResultSuccessEvalArray | ResultErrorString


class EvalFilterAll(StrEnum):
    all = "all"


class EvalFilterBranchOperator(StrEnum):
    or_ = "or"
    and_ = "and"


class TimeFilter(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        populate_by_name=True,
    )
    end: str
    start: str


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


class ResultSuccessScoreDistributionArray(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        populate_by_name=True,
    )
    data: list[ScoreDistribution]
    error: Annotated[None, Field(...)]


class ResultScoreDistributionArrayString(
    RootModel[ResultSuccessScoreDistributionArray | ResultErrorString]
):
    root: ResultSuccessScoreDistributionArray | ResultErrorString


class FeedbackRequestBody(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        populate_by_name=True,
    )
    rating: bool


class AuthenticationErrorBody(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        populate_by_name=True,
    )
    error: str
    trace: str | None = None


class ValidationErrorDetail(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        populate_by_name=True,
    )
    message: str | None = None
    value: Any | None = None


class ValidationErrorBody(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        populate_by_name=True,
    )
    message: str
    details: dict[str, ValidationErrorDetail]


class ServerExceptionBody(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        populate_by_name=True,
    )
    message: str
    details: Any | None = None
    stack: str | None = None


class InternalServerErrorBody(RootModel[ResultErrorString | ServerExceptionBody]):
    root: Annotated[
        ResultErrorString | ServerExceptionBody,
        Field(description="A 500 is the error envelope, or the exception shape."),
    ]


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


EvalFilterBranch.model_rebuild()
