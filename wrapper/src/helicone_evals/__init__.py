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
    AuthenticationError,
    BadRequestError,
    FilterError,
    HeliconeError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ResultError,
    UnprocessableEntityError,
)
from ._version import __version__

if TYPE_CHECKING:
    from ._client import AsyncHeliconeEvals, HeliconeEvals
    from ._filters import F, Filter
    from ._results import Bucket, ScoreDistribution, ScoreDistributions

# name -> module that defines it, imported on first attribute access (PEP 562).
_LAZY: dict[str, str] = {
    # the filter builder
    "F": "._filters",
    "Filter": "._filters",
    # the clients and what they return
    "HeliconeEvals": "._client",
    "AsyncHeliconeEvals": "._client",
    "ScoreDistributions": "._results",
    "ScoreDistribution": "._results",
    "Bucket": "._results",
}

__all__ = [
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncHeliconeEvals",
    "AuthenticationError",
    "BadRequestError",
    "Bucket",
    "F",
    "Filter",
    "FilterError",
    "HeliconeError",
    "HeliconeEvals",
    "InternalServerError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "ResultError",
    "ScoreDistribution",
    "ScoreDistributions",
    "UnprocessableEntityError",
    "__version__",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'helicone_evals' has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
