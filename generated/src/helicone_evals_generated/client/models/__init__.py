# Generated from openapi/helicone-api.yaml by openapi-python-client 0.29.1.
# DO NOT EDIT: change the spec or the generator options and run `nox -s regenerate`.
"""Contains all the data models used in inputs/outputs"""

from .eval_filter_all import EvalFilterAll
from .eval_filter_branch import EvalFilterBranch
from .eval_filter_branch_operator import EvalFilterBranchOperator
from .eval_query_params import EvalQueryParams
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
from .result_error_string import ResultErrorString
from .result_success_score_distribution_array import ResultSuccessScoreDistributionArray
from .score_distribution import ScoreDistribution
from .score_distribution_bucket import ScoreDistributionBucket
from .time_filter import TimeFilter

__all__ = (
    "EvalFilterAll",
    "EvalFilterBranch",
    "EvalFilterBranchOperator",
    "EvalQueryParams",
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
    "ResultErrorString",
    "ResultSuccessScoreDistributionArray",
    "ScoreDistribution",
    "ScoreDistributionBucket",
    "TimeFilter",
)
