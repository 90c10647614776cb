# Generated from openapi/helicone-public-api.json (openapi/selection.toml, openapi/patches.yaml) by datamodel-code-generator 0.89.0.
# DO NOT EDIT: change the spec, selection, patches or generator options and run `nox -s regenerate`.
from __future__ import annotations

from typing import Any, Literal, NotRequired, TypeAlias

from typing_extensions import TypedDict


class ResultErrorString(TypedDict, closed=True):
    data: None
    error: str


class ResultSuccessNull(TypedDict, closed=True):
    data: None
    error: None


ResultNullString: TypeAlias = ResultSuccessNull | ResultErrorString


class ResultSuccessStringArray(TypedDict, closed=True):
    data: list[str]
    error: None


ResultStringArrayString: TypeAlias = ResultSuccessStringArray | ResultErrorString


PartialTextOperators = TypedDict(
    "PartialTextOperators",
    {
        "not-equals": NotRequired[str],
        "equals": NotRequired[str],
        "like": NotRequired[str],
        "ilike": NotRequired[str],
        "contains": NotRequired[str],
        "not-contains": NotRequired[str],
    },
)


PartialNumberOperators = TypedDict(
    "PartialNumberOperators",
    {
        "not-equals": NotRequired[float],
        "equals": NotRequired[float],
        "gte": NotRequired[float],
        "lte": NotRequired[float],
        "lt": NotRequired[float],
        "gt": NotRequired[float],
    },
)


class PartialBooleanOperators(TypedDict):
    equals: NotRequired[bool]


class PartialTimestampOperatorsTyped(TypedDict):
    equals: NotRequired[str]
    gte: NotRequired[str]
    lte: NotRequired[str]
    lt: NotRequired[str]
    gt: NotRequired[str]


class PropertyKeyOperators(TypedDict):
    equals: str


PartialRequestResponseRMTToOperators = TypedDict(
    "PartialRequestResponseRMTToOperators",
    {
        "country_code": NotRequired[PartialTextOperators],
        "latency": NotRequired[PartialNumberOperators],
        "cost": NotRequired[PartialNumberOperators],
        "provider": NotRequired[PartialTextOperators],
        "time_to_first_token": NotRequired[PartialNumberOperators],
        "status": NotRequired[PartialNumberOperators],
        "request_created_at": NotRequired[PartialTimestampOperatorsTyped],
        "response_created_at": NotRequired[PartialTimestampOperatorsTyped],
        "model": NotRequired[PartialTextOperators],
        "user_id": NotRequired[PartialTextOperators],
        "organization_id": NotRequired[PartialTextOperators],
        "node_id": NotRequired[PartialTextOperators],
        "job_id": NotRequired[PartialTextOperators],
        "threat": NotRequired[PartialBooleanOperators],
        "request_id": NotRequired[PartialTextOperators],
        "prompt_tokens": NotRequired[PartialNumberOperators],
        "completion_tokens": NotRequired[PartialNumberOperators],
        "prompt_cache_read_tokens": NotRequired[PartialNumberOperators],
        "prompt_cache_write_tokens": NotRequired[PartialNumberOperators],
        "total_tokens": NotRequired[PartialNumberOperators],
        "target_url": NotRequired[PartialTextOperators],
        "property_key": NotRequired[PropertyKeyOperators],
        "properties": NotRequired[dict[str, PartialTextOperators]],
        "search_properties": NotRequired[dict[str, PartialTextOperators]],
        "scores": NotRequired[dict[str, PartialTextOperators]],
        "scores_column": NotRequired[PartialTextOperators],
        "request_body": NotRequired[PartialTextOperators],
        "response_body": NotRequired[PartialTextOperators],
        "cache_enabled": NotRequired[PartialBooleanOperators],
        "cache_reference_id": NotRequired[PartialTextOperators],
        "cached": NotRequired[PartialBooleanOperators],
        "assets": NotRequired[PartialTextOperators],
        "helicone-score-feedback": NotRequired[PartialBooleanOperators],
        "prompt_id": NotRequired[PartialTextOperators],
        "prompt_version": NotRequired[PartialTextOperators],
        "request_referrer": NotRequired[PartialTextOperators],
        "is_passthrough_billing": NotRequired[PartialBooleanOperators],
    },
)


class ScoreRequest(TypedDict, closed=True):
    scores: dict[str, float | bool]


class PickFilterLeafRequestResponseRmt(TypedDict):
    request_response_rmt: NotRequired[PartialRequestResponseRMTToOperators]


FilterLeafSubsetRequestResponseRmt: TypeAlias = PickFilterLeafRequestResponseRmt


class EvalOverTimeItem(TypedDict):
    count: float
    date: str


class EvalAverageOverTimeItem(TypedDict):
    value: float
    date: str


class Eval(TypedDict, closed=True):
    name: str
    averageScore: float | None
    minScore: float | None
    maxScore: float | None
    count: float
    overTime: list[EvalOverTimeItem]
    averageOverTime: list[EvalAverageOverTimeItem]


class ResultSuccessEvalArray(TypedDict, closed=True):
    data: list[Eval]
    error: None


ResultEvalArrayString: TypeAlias = ResultSuccessEvalArray | ResultErrorString


class TimeFilter(TypedDict):
    end: str
    start: str


class ScoreDistributionBucket(TypedDict):
    value: float
    upper: float
    lower: float


class ScoreDistribution(TypedDict, closed=True):
    name: str
    distribution: list[ScoreDistributionBucket]


class ResultSuccessScoreDistributionArray(TypedDict, closed=True):
    data: list[ScoreDistribution]
    error: None


ResultScoreDistributionArrayString: TypeAlias = (
    ResultSuccessScoreDistributionArray | ResultErrorString
)


class FeedbackRequestBody(TypedDict, closed=True):
    rating: bool


class AuthenticationErrorBody(TypedDict):
    error: str
    trace: NotRequired[str]


class ValidationErrorDetail(TypedDict):
    message: NotRequired[str]
    value: NotRequired[Any]


class ValidationErrorBody(TypedDict):
    message: str
    details: dict[str, ValidationErrorDetail]


class ServerExceptionBody(TypedDict):
    message: str
    details: NotRequired[Any]
    stack: NotRequired[str]


InternalServerErrorBody: TypeAlias = ResultErrorString | ServerExceptionBody


class EvalFilterBranch(TypedDict):
    right: FilterLeafSubsetRequestResponseRmt | EvalFilterBranch | Literal["all"]
    operator: Literal["or", "and"]
    left: FilterLeafSubsetRequestResponseRmt | EvalFilterBranch | Literal["all"]


class EvalQueryParams(TypedDict, closed=True):
    filter: FilterLeafSubsetRequestResponseRmt | EvalFilterBranch | Literal["all"]
    timeFilter: TimeFilter
    offset: NotRequired[float]
    limit: NotRequired[float]
    timeZoneDifference: NotRequired[float]
