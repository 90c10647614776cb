# Generated from openapi/helicone-public-api.json (openapi/selection.toml, openapi/patches.yaml) by scripts/emit_operations.py.
# DO NOT EDIT: change the spec, selection, patches or generator options and run `nox -s regenerate`.
"""The selected operations of Helicone's API, as plain data for the wrapper's transport.

``OPERATIONS[operation_id]`` says how to call an operation (method, path, path parameters, the
generated endpoint module with ``build_request``/``sync_raw``/``asyncio_raw``) and what it answers
(success statuses, and the ``shapes`` TypedDict names of the success envelope and of each error
status). Importing this module imports nothing else.
"""

from typing import Final, NamedTuple


class Operation(NamedTuple):
    """One operation of the selection."""

    operation_id: str
    """The spec's operationId, e.g. ``"AddScores"``."""
    name: str
    """Its Python name, e.g. ``"add_scores"``."""
    method: str
    """The HTTP method, upper case."""
    path: str
    """The path template, with wire parameter names, e.g. ``"/v1/request/{requestId}/score"``."""
    path_params: tuple[tuple[str, str], ...]
    """(wire name, Python name) of each path parameter."""
    module: str
    """The generated endpoint module."""
    request_schema: str | None
    """The ``shapes`` name of the JSON body; None when the operation takes none."""
    success_statuses: tuple[int, ...]
    """The 2xx statuses the server answers with."""
    success_shape: str
    """The ``shapes`` name of the success envelope."""
    error_shapes: dict[int, str]
    """The ``shapes`` name of the body of each documented error status."""
    summary: str
    """One line from the spec."""


OPERATIONS: Final[dict[str, Operation]] = {
    "QueryScoreDistributions": Operation(
        operation_id="QueryScoreDistributions",
        name="query_score_distributions",
        method="POST",
        path="/v1/evals/score-distributions/query",
        path_params=(),
        module="helicone_evals_generated.client.api.evals.query_score_distributions",
        request_schema="EvalQueryParams",
        success_statuses=(200,),
        success_shape="ResultSuccessScoreDistributionArray",
        error_shapes={
            401: "AuthenticationErrorBody",
            422: "ValidationErrorBody",
            500: "InternalServerErrorBody",
        },
        summary="QueryScoreDistributions: POST /v1/evals/score-distributions/query",
    ),
    "QueryEvals": Operation(
        operation_id="QueryEvals",
        name="query_evals",
        method="POST",
        path="/v1/evals/query",
        path_params=(),
        module="helicone_evals_generated.client.api.evals.query_evals",
        request_schema="EvalQueryParams",
        success_statuses=(200,),
        success_shape="ResultSuccessEvalArray",
        error_shapes={
            401: "AuthenticationErrorBody",
            422: "ValidationErrorBody",
            500: "InternalServerErrorBody",
        },
        summary="QueryEvals: POST /v1/evals/query",
    ),
    "GetEvalScores": Operation(
        operation_id="GetEvalScores",
        name="get_eval_scores",
        method="GET",
        path="/v1/evals/scores",
        path_params=(),
        module="helicone_evals_generated.client.api.evals.get_eval_scores",
        request_schema=None,
        success_statuses=(200,),
        success_shape="ResultSuccessStringArray",
        error_shapes={401: "AuthenticationErrorBody", 500: "InternalServerErrorBody"},
        summary="GetEvalScores: GET /v1/evals/scores",
    ),
    "AddScores": Operation(
        operation_id="AddScores",
        name="add_scores",
        method="POST",
        path="/v1/request/{requestId}/score",
        path_params=(("requestId", "request_id"),),
        module="helicone_evals_generated.client.api.request.add_scores",
        request_schema="ScoreRequest",
        success_statuses=(201,),
        success_shape="ResultSuccessNull",
        error_shapes={
            401: "AuthenticationErrorBody",
            422: "ValidationErrorBody",
            500: "InternalServerErrorBody",
        },
        summary="AddScores: POST /v1/request/{requestId}/score",
    ),
    "FeedbackRequest": Operation(
        operation_id="FeedbackRequest",
        name="feedback_request",
        method="POST",
        path="/v1/request/{requestId}/feedback",
        path_params=(("requestId", "request_id"),),
        module="helicone_evals_generated.client.api.request.feedback_request",
        request_schema="FeedbackRequestBody",
        success_statuses=(201,),
        success_shape="ResultSuccessNull",
        error_shapes={
            401: "AuthenticationErrorBody",
            422: "ValidationErrorBody",
            500: "InternalServerErrorBody",
        },
        summary="FeedbackRequest: POST /v1/request/{requestId}/feedback",
    ),
}
