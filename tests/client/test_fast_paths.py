"""What the fast paths of the client must keep: the same validation as pydantic's, the same
answers with debug logging off, TLS verified as httpx does, and a light first use."""

from __future__ import annotations

import logging
import ssl
import subprocess
import sys
import types
from collections.abc import Callable
from typing import Any

import httpx
import pytest
import typing_extensions
from client_support import END, EXTRA_FIELDS, KEY, OK_BODY, START, URL, Harness, reply
from pytest_httpx import HTTPXMock

from helicone_evals import HeliconeEvals, ResponseValidationError, ResultError
from helicone_evals._shapes import shape_validators
from helicone_evals_generated import shapes


def _shape_names() -> list[str]:
    """Every TypedDict and union alias the generated shapes module defines."""
    return [
        name
        for name, value in vars(shapes).items()
        if not name.startswith("_")
        and (isinstance(value, types.UnionType) or typing_extensions.is_typeddict(value))
    ]


def _inlined(schema: Any, definitions: dict[str, Any], seen: tuple[str, ...] = ()) -> Any:
    """A pydantic-core schema with every definition inlined and pydantic's bookkeeping
    (refs, classes, metadata) dropped, so two schemas compare by what they validate."""
    if isinstance(schema, list):
        return [_inlined(item, definitions, seen) for item in schema]
    if not isinstance(schema, dict):
        return schema
    if schema.get("type") == "definitions":
        definitions.update({d["ref"]: d for d in schema["definitions"]})
        return _inlined(schema["schema"], definitions, seen)
    if schema.get("type") == "definition-ref" or ("ref" in schema and schema["ref"] in seen):
        ref = schema.get("schema_ref", schema.get("ref"))
        title = ref.split(":")[0].rsplit(".", 1)[-1]
        if ref in seen or title in seen:
            return {"recursive": title}
        return _inlined(definitions[ref], definitions, seen)
    if schema.get("type") == "typed-dict":
        seen = (*seen, schema["config"]["title"])
    dropped = ("ref", "cls", "metadata", "computed_fields")
    return {k: _inlined(v, definitions, seen) for k, v in schema.items() if k not in dropped}


@pytest.mark.parametrize("name", _shape_names())
def test_every_shape_validates_exactly_as_pydantic_would(name: str) -> None:
    """The validators are built without pydantic; their schema must be pydantic's own for the
    same TypedDicts with the SDK's config (strict, no NaN/Infinity, undefined fields refused)."""
    from pydantic import ConfigDict, TypeAdapter

    config = ConfigDict(extra="forbid", allow_inf_nan=False, strict=True)
    target = getattr(shapes, name)
    if isinstance(target, type):
        target = types.new_class(
            target.__name__,  # an alias of a TypedDict keeps the TypedDict's name
            (target,),
            exec_body=lambda ns: ns.update(__pydantic_config__=config),
        )
        adapter: TypeAdapter[Any] = TypeAdapter(target)
    else:
        adapter = TypeAdapter(target, config=config)
    ours = _inlined(shape_validators(name).core_schema, {})
    theirs = _inlined(adapter.core_schema, {})
    assert ours == theirs


def test_an_unknown_shape_is_a_helicone_error() -> None:
    from helicone_evals import HeliconeError

    with pytest.raises(HeliconeError, match="no response shape named 'Nope'"):
        shape_validators("Nope")


@pytest.fixture
def quiet(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    """Debug logging off (the usual case): the lenient validator runs alone."""
    caplog.set_level(logging.INFO, logger="helicone_evals")
    return caplog


async def test_without_debug_logging_unknown_fields_are_ignored_silently(
    api: Harness, httpx_mock: HTTPXMock, quiet: pytest.LogCaptureFixture
) -> None:
    reply(httpx_mock, json=EXTRA_FIELDS)
    result = await api.query()
    assert result.names == ["accuracy"]
    assert result["accuracy"].distribution[0] == (0, 1, 4)
    assert not [r for r in quiet.records if "does not define" in r.getMessage()]


async def test_without_debug_logging_strict_still_refuses_unknown_fields(
    make: Callable[..., Harness], httpx_mock: HTTPXMock, quiet: pytest.LogCaptureFixture
) -> None:
    reply(httpx_mock, json=EXTRA_FIELDS)
    with pytest.raises(ResponseValidationError, match=r"data\.0\.unit: Extra inputs"):
        await make(strict_response_validation=True).query()


@pytest.mark.parametrize(
    ("body", "where"),
    [
        (b'{"data": [{"name": "a"}], "error": null}', "data.0.distribution: Field required"),
        (
            b'{"data": [{"name": "a", "distribution": [{"lower": 0, "upper": "1", "value": 2}]}],'
            b' "error": null}',
            "data.0.distribution.0.upper: Input should be a valid number",
        ),
        (
            b'{"data": [{"name": "a", "x": 1, "distribution": [{"lower": 0, "upper": 1, '
            b'"value": NaN}]}], "error": null}',
            "data.0.distribution.0.value: ",
        ),
    ],
)
async def test_without_debug_logging_a_broken_answer_names_the_field(
    api: Harness, httpx_mock: HTTPXMock, quiet: pytest.LogCaptureFixture, body: bytes, where: str
) -> None:
    reply(httpx_mock, content=body)
    with pytest.raises(ResponseValidationError) as caught:
        await api.query()
    assert where in caught.value.message
    assert "Extra inputs" not in caught.value.message  # ignored fields are not reported


async def test_without_debug_logging_an_error_envelope_is_a_result_error(
    api: Harness, httpx_mock: HTTPXMock, quiet: pytest.LogCaptureFixture
) -> None:
    reply(httpx_mock, json={"data": None, "error": "ClickHouse timed out"})
    with pytest.raises(ResultError, match="ClickHouse timed out"):
        await api.query()


@pytest.fixture
def ca_loads(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """The CA bundles loaded into any TLS context from now on."""
    loaded: list[object] = []
    original = ssl.SSLContext.load_verify_locations

    def recording(self: ssl.SSLContext, *args: Any, **kwargs: Any) -> None:
        loaded.append(args or kwargs)
        original(self, *args, **kwargs)

    monkeypatch.setattr(ssl.SSLContext, "load_verify_locations", recording)
    return loaded


async def test_a_client_for_an_http_url_never_loads_ca_certificates(
    make: Callable[..., Harness], httpx_mock: HTTPXMock, ca_loads: list[object]
) -> None:
    base = "http://127.0.0.1:8787"
    httpx_mock.add_response(url=base + "/v1/evals/score-distributions/query", json=OK_BODY)
    result = await make(base_url=base).query()
    assert result.names == ["accuracy", "latency-score"]
    assert ca_loads == []


async def test_https_is_verified_with_httpx_defaults_loaded_on_the_first_request(
    make: Callable[..., Harness], httpx_mock: HTTPXMock, ca_loads: list[object]
) -> None:
    harness = make()
    assert ca_loads == []  # making the client loads nothing
    reply(httpx_mock, json=OK_BODY, times=2)
    await harness.query()
    await harness.query()
    assert len(ca_loads) == 1  # once, for the first https request
    pool = harness.client._http._transport._pools.pool(harness.client._http.base_url)
    context = pool._pool._ssl_context
    assert context.verify_mode == ssl.CERT_REQUIRED
    assert context.check_hostname
    assert context.cert_store_stats()["x509_ca"] > 0


@pytest.mark.parametrize("kind", ["sync", "async"])
async def test_proxies_from_the_environment_still_apply(
    monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.internal:3128")
    monkeypatch.setenv("NO_PROXY", "localhost")
    harness = Harness(kind, base_url="https://api.helicone.test")
    try:
        http = harness.client._http
        proxied = http._transport_for_url(httpx.URL("https://api.helicone.test/v1/x"))
        direct = http._transport_for_url(httpx.URL("https://localhost/v1/x"))
        assert proxied._pool.__class__.__name__.endswith("HTTPProxy")
        assert direct is http._transport
    finally:
        await harness.close()


def test_a_sync_first_use_loads_neither_pydantic_nor_asyncio() -> None:
    """Import, make a client, validate an answer: only pydantic-core, and no event loop."""
    code = (
        "import sys, json, httpx\n"
        "from helicone_evals import F, HeliconeEvals\n"
        "from helicone_evals._response import parse_result\n"
        "c = HeliconeEvals('sk-x', base_url='http://127.0.0.1:9')\n"
        f"body = json.dumps({OK_BODY!r}).encode()\n"
        "assert parse_result(httpx.Response(200, content=body), 'sk-x').names\n"
        "loaded = sorted(m for m in ('pydantic', 'asyncio') if m in sys.modules)\n"
        "assert not loaded, loaded\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_the_timeout_of_a_call_still_bounds_it(httpx_mock: HTTPXMock) -> None:
    """A per-call timeout is sent; the client's own is left to httpx (the same value)."""
    httpx_mock.add_response(url=URL, json=OK_BODY, is_reusable=True)
    with HeliconeEvals(KEY, base_url="https://api.helicone.test", timeout=7) as client:
        client.query_score_distributions(start=START, end=END)
        client.query_score_distributions(start=START, end=END, timeout=3)
        client.with_options(timeout=5).query_score_distributions(start=START, end=END)
    sent = [r.extensions["timeout"]["read"] for r in httpx_mock.get_requests()]
    assert sent == [7, 3, 5]
