"""The request body is encoded once per filter, and is exactly the body the API takes."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from helicone_evals import F, FilterError
from helicone_evals._query import build_body, encode_body
from helicone_evals_generated.client import AuthenticatedClient
from helicone_evals_generated.client.api.evals import query_score_distributions
from helicone_evals_generated.client.models import EvalQueryParams
from helicone_evals_generated.models import EvalQueryParams as EvalQueryParamsModel
from helicone_evals_generated.operations import OPERATIONS

END = datetime(2026, 1, 1, tzinfo=UTC)
START = datetime(2025, 12, 1, tzinfo=UTC)


@pytest.mark.parametrize(
    "flt",
    [
        F.all,
        "all",
        F.model.equals("gpt-4o") & (F.cost > 0.01) | F.properties["env"].equals("prod ü"),
        {"request_response_rmt": {"helicone-score-feedback": {"equals": True}}},
        "latency < 500 and model.contains('mini')",
    ],
)
def test_the_encoded_body_is_the_built_body_and_validates_against_the_spec(flt: object) -> None:
    content = encode_body(flt, START, END, 10, 0, -60.5)
    body = json.loads(content)
    assert body == build_body(flt, START, END, 10, 0, -60.5)
    EvalQueryParamsModel.model_validate(body)
    # the generated layer, given that body as a model, would send the same JSON ...
    generated = query_score_distributions._get_kwargs(body=EvalQueryParams.from_dict(body))
    assert generated["json"] == body
    # ... to the place the transport sends the pre-encoded bytes (the generated build_request)
    client = AuthenticatedClient(base_url="https://api.helicone.test", token="t")
    request = query_score_distributions.build_request(client=client, content=content)
    operation = OPERATIONS["QueryScoreDistributions"]
    assert (request.method, request.url.path) == (operation.method, operation.path)
    assert request.method.lower() == generated["method"]
    assert request.url.path == generated["url"]
    assert request.headers["content-type"] == generated["headers"]["Content-Type"]
    assert request.content == content


def test_a_reused_filter_is_encoded_once_and_gives_the_same_bytes() -> None:
    flt = F.all_of(*(F.user_id.equals(f"u{i}") for i in range(100)))
    first = encode_body(flt, START, END, None, None, None)
    assert flt._wire_json() is flt._wire_json()  # cached on the immutable filter
    assert encode_body(flt, START, END, None, None, None) == first


def test_a_tree_too_deep_for_json_is_a_filter_error_not_a_recursion_error() -> None:
    flt = F.user_id.equals("u0")
    for i in range(1, 20_000):  # alternating AND/OR cannot be flattened
        leaf = F.user_id.equals(f"u{i}")
        flt = (flt & leaf) if i % 2 else (flt | leaf)
    with pytest.raises(FilterError, match="nests too deeply"):
        encode_body(flt, START, END, None, None, None)
