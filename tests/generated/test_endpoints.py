"""The generated endpoint modules' raw functions and the operations table the wrapper uses."""

from __future__ import annotations

import importlib
import inspect
import json
import subprocess
import sys

import httpx
import pytest

from helicone_evals_generated import shapes
from helicone_evals_generated.client import AuthenticatedClient
from helicone_evals_generated.client.api.evals import get_eval_scores
from helicone_evals_generated.client.api.request import add_scores
from helicone_evals_generated.operations import OPERATIONS

KEY = "sk-test-key"


def client(handler: httpx.MockTransport | None = None) -> AuthenticatedClient:
    args = {"transport": handler} if handler else {}
    return AuthenticatedClient(base_url="https://api.example", token=KEY, httpx_args=args)


def test_importing_an_endpoint_module_does_not_import_the_attrs_models() -> None:
    code = (
        "import sys\n"
        "import helicone_evals_generated.client.api.evals.query_score_distributions\n"
        "import helicone_evals_generated.client.api.request.add_scores\n"
        "print(sorted(m for m in sys.modules if '.client.models' in m or m.endswith('.models')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_build_request_quotes_path_params_and_declares_the_json_body() -> None:
    body = json.dumps({"scores": {"accuracy": 1}}).encode()
    request = add_scores.build_request(client=client(), request_id="a/b c", content=body)
    assert request.method == "POST"
    assert str(request.url) == "https://api.example/v1/request/a%2Fb%20c/score"
    assert request.headers["Content-Type"] == "application/json"
    assert request.headers["Authorization"] == f"Bearer {KEY}"
    assert request.content == body


def test_a_bodiless_operation_sends_no_content_type() -> None:
    request = get_eval_scores.build_request(client=client())
    assert (request.method, request.url.path) == ("GET", "/v1/evals/scores")
    assert "Content-Type" not in request.headers


def test_sync_raw_returns_the_answer_as_received_whatever_its_status() -> None:
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(500, json={"message": "Internal Server Error", "details": "x"})

    response = add_scores.sync_raw(
        client=client(httpx.MockTransport(answer)), request_id="r1", content=b'{"scores": {}}'
    )
    assert response.status_code == 500
    assert response.json()["message"] == "Internal Server Error"
    assert seen[0].url.path == "/v1/request/r1/score"


async def test_asyncio_raw_sends_on_the_async_client() -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(201, json={"data": None, "error": None})

    response = await add_scores.asyncio_raw(
        client=client(httpx.MockTransport(answer)), request_id="r1", content=b'{"scores": {}}'
    )
    assert (response.status_code, response.json()) == (201, {"data": None, "error": None})


def test_the_operations_table_lists_the_selection_in_order() -> None:
    assert list(OPERATIONS) == [
        "QueryScoreDistributions",
        "QueryEvals",
        "GetEvalScores",
        "AddScores",
        "FeedbackRequest",
    ]
    add = OPERATIONS["AddScores"]
    assert (add.method, add.path, add.path_params) == (
        "POST",
        "/v1/request/{requestId}/score",
        (("requestId", "request_id"),),
    )
    assert (add.success_statuses, add.request_schema) == ((201,), "ScoreRequest")
    assert OPERATIONS["GetEvalScores"].request_schema is None
    assert OPERATIONS["QueryScoreDistributions"].success_shape == (
        "ResultSuccessScoreDistributionArray"
    )


@pytest.mark.parametrize("operation_id", sorted(OPERATIONS))
def test_each_operation_names_a_real_module_and_real_shapes(operation_id: str) -> None:
    op = OPERATIONS[operation_id]
    module = importlib.import_module(op.module)
    params = inspect.signature(module.build_request).parameters
    assert [p for p in params if p not in ("client", "content", "timeout")] == [
        python for _, python in op.path_params
    ]
    for name in (op.request_schema, op.success_shape, *op.error_shapes.values()):
        assert name is None or hasattr(shapes, name)
    assert set(op.error_shapes) >= {401, 500}
