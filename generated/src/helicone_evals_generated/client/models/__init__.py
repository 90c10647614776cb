# Generated from openapi/helicone-public-api.json (openapi/selection.toml, openapi/patches.yaml) by openapi-python-client 0.29.1.
# DO NOT EDIT: change the spec, selection, patches or generator options and run `nox -s regenerate`.
"""Contains all the data models used in inputs/outputs"""

from .authentication_error_body import AuthenticationErrorBody
from .eval_ import Eval
from .eval_average_over_time_item import EvalAverageOverTimeItem
from .eval_filter_all import EvalFilterAll
from .eval_filter_branch import EvalFilterBranch
from .eval_filter_branch_operator import EvalFilterBranchOperator
from .eval_over_time_item import EvalOverTimeItem
from .eval_query_params import EvalQueryParams
from .feedback_request_body import FeedbackRequestBody
from .filter_leaf_subset_request_response_rmt import FilterLeafSubsetRequestResponseRmt
from .partial_boolean_operators import PartialBooleanOperators
from .partial_number_operators import PartialNumberOperators
from .partial_request_response_rmt_to_operators import (
    PartialRequestResponseRMTToOperators,
)
from .partial_request_response_rmt_to_operators_properties import (
    PartialRequestResponseRMTToOperatorsProperties,
)
from .partial_request_response_rmt_to_operators_scores import (
    PartialRequestResponseRMTToOperatorsScores,
)
from .partial_request_response_rmt_to_operators_search_properties import (
    PartialRequestResponseRMTToOperatorsSearchProperties,
)
from .partial_text_operators import PartialTextOperators
from .partial_timestamp_operators_typed import PartialTimestampOperatorsTyped
from .pick_filter_leaf_request_response_rmt import PickFilterLeafRequestResponseRmt
from .property_key_operators import PropertyKeyOperators
from .record_string_number_or_boolean_or_undefined import (
    RecordStringNumberOrBooleanOrUndefined,
)
from .result_error_string import ResultErrorString
from .result_success_eval_array import ResultSuccessEvalArray
from .result_success_null import ResultSuccessNull
from .result_success_score_distribution_array import ResultSuccessScoreDistributionArray
from .result_success_string_array import ResultSuccessStringArray
from .score_distribution import ScoreDistribution
from .score_distribution_bucket import ScoreDistributionBucket
from .score_request import ScoreRequest
from .scores import Scores
from .server_exception_body import ServerExceptionBody
from .time_filter import TimeFilter
from .validation_error_body import ValidationErrorBody
from .validation_error_body_details import ValidationErrorBodyDetails
from .validation_error_detail import ValidationErrorDetail

__all__ = (
    "AuthenticationErrorBody",
    "Eval",
    "EvalAverageOverTimeItem",
    "EvalFilterAll",
    "EvalFilterBranch",
    "EvalFilterBranchOperator",
    "EvalOverTimeItem",
    "EvalQueryParams",
    "FeedbackRequestBody",
    "FilterLeafSubsetRequestResponseRmt",
    "PartialBooleanOperators",
    "PartialNumberOperators",
    "PartialRequestResponseRMTToOperators",
    "PartialRequestResponseRMTToOperatorsProperties",
    "PartialRequestResponseRMTToOperatorsScores",
    "PartialRequestResponseRMTToOperatorsSearchProperties",
    "PartialTextOperators",
    "PartialTimestampOperatorsTyped",
    "PickFilterLeafRequestResponseRmt",
    "PropertyKeyOperators",
    "RecordStringNumberOrBooleanOrUndefined",
    "ResultErrorString",
    "ResultSuccessEvalArray",
    "ResultSuccessNull",
    "ResultSuccessScoreDistributionArray",
    "ResultSuccessStringArray",
    "ScoreDistribution",
    "ScoreDistributionBucket",
    "ScoreRequest",
    "Scores",
    "ServerExceptionBody",
    "TimeFilter",
    "ValidationErrorBody",
    "ValidationErrorBodyDetails",
    "ValidationErrorDetail",
)
