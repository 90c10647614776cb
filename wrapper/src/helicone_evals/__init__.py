"""helicone-evals: a Python SDK for Helicone's evaluation score API.

    from helicone_evals import F, HeliconeEvals

    with HeliconeEvals() as client:  # HELICONE_API_KEY from the environment
        result = client.query_score_distributions(F.model.equals("gpt-4o"), start=timedelta(days=7))

The public API is exactly what ``__all__`` lists. Heavier parts (the HTTP clients, the
generated layer, pydantic) load on first use, so ``import helicone_evals`` stays cheap.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._exceptions import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    ArgumentError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    FilterError,
    HeliconeError,
    InternalServerError,
    MissingExtraError,
    NotExactError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ResponseTooLargeError,
    ResponseValidationError,
    ResultError,
    ScoresNotVisibleError,
    StatisticsError,
    UnprocessableEntityError,
)
from ._version import __version__

if TYPE_CHECKING:
    from ._base_client import NOT_GIVEN, NotGiven
    from ._client import AsyncHeliconeEvals, HeliconeEvals
    from ._compare import Comparison, ScoreComparison, Side, Window
    from ._evals import EvalSummaries, EvalSummary, HourlyAverage, HourlyCount
    from ._response import RawResponse
    from ._results import Bucket, ScoreDistribution, ScoreDistributions
    from .filters import F, Filter

# name -> module that defines it, imported on first attribute access (PEP 562).
_LAZY: dict[str, str] = {
    # the filter builder
    "F": ".filters",
    "Filter": ".filters",
    # the clients and what they return
    "HeliconeEvals": "._client",
    "AsyncHeliconeEvals": "._client",
    "ScoreDistributions": "._results",
    "ScoreDistribution": "._results",
    "Bucket": "._results",
    "RawResponse": "._response",
    "EvalSummaries": "._evals",
    "EvalSummary": "._evals",
    "HourlyCount": "._evals",
    "HourlyAverage": "._evals",
    "Comparison": "._compare",
    "ScoreComparison": "._compare",
    "Window": "._compare",
    "Side": "._compare",
    "NotGiven": "._base_client",
    "NOT_GIVEN": "._base_client",
}

__all__ = [
    "NOT_GIVEN",
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "ArgumentError",
    "AsyncHeliconeEvals",
    "AuthenticationError",
    "BadRequestError",
    "Bucket",
    "Comparison",
    "ConflictError",
    "EvalSummaries",
    "EvalSummary",
    "F",
    "Filter",
    "FilterError",
    "HeliconeError",
    "HeliconeEvals",
    "HourlyAverage",
    "HourlyCount",
    "InternalServerError",
    "MissingExtraError",
    "NotExactError",
    "NotFoundError",
    "NotGiven",
    "PermissionDeniedError",
    "RateLimitError",
    "RawResponse",
    "ResponseTooLargeError",
    "ResponseValidationError",
    "ResultError",
    "ScoreComparison",
    "ScoreDistribution",
    "ScoreDistributions",
    "ScoresNotVisibleError",
    "Side",
    "StatisticsError",
    "UnprocessableEntityError",
    "Window",
    "__version__",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'helicone_evals' has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    if isinstance(value, type) and value.__module__.startswith(__name__ + "."):
        # Reprs, tracebacks and docs show the public path (helicone_evals.Filter).
        value.__module__ = __name__
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
