"""Every status and body shape the server (or a proxy) sends becomes the right typed error."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from client_support import BASE, EXTRA_FIELDS, KEY, URL, Harness, reply
from pytest_httpx import HTTPXMock

from helicone_evals import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    HeliconeError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    ResponseValidationError,
    ResultError,
    UnprocessableEntityError,
)

BAD_GATEWAY_PAGE = (
    "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
    "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>cloudflare</center>\r\n"
    "</body>\r\n</html>\r\n"
)
VALIDATION_422 = {
    "message": "Validation Failed",
    "details": {
        "requestBody.filter": {"message": "'filter' is required"},
        "requestBody.extra": {
            "message": '"extra" is an excess property and therefore is not allowed',
            "value": "extra",
        },
    },
}


@pytest.fixture
def no_retries(make: Callable[..., Harness]) -> Harness:
    return make(max_retries=0)


@pytest.mark.parametrize(
    ("response", "error_type", "message"),
    [
        pytest.param(
            {"status_code": 400, "text": "Invalid token."},
            BadRequestError,
            "Invalid token.",
            id="400 text/plain",
        ),
        pytest.param(
            {
                "status_code": 401,
                "json": {"error": "Unauthorized", "trace": "isAuthenticated.error"},
            },
            AuthenticationError,
            "Unauthorized",
            id="401 error+trace",
        ),
        pytest.param(
            {"status_code": 403, "json": {"error": "Forbidden"}},
            PermissionDeniedError,
            "Forbidden",
            id="403",
        ),
        pytest.param(
            {"status_code": 404, "text": "Cannot POST /v1/evals/score-distributions/query"},
            NotFoundError,
            "Cannot POST /v1/evals/score-distributions/query",
            id="404 text",
        ),
        pytest.param(
            {"status_code": 422, "json": VALIDATION_422},
            UnprocessableEntityError,
            "Validation Failed: requestBody.filter: 'filter' is required; requestBody.extra: "
            '"extra" is an excess property and therefore is not allowed',
            id="422 message+details",
        ),
        pytest.param(
            {"status_code": 500, "json": {"data": None, "error": "Invalid time value"}},
            InternalServerError,
            "Invalid time value",
            id="500 envelope",
        ),
        pytest.param(
            {
                "status_code": 500,
                "json": {
                    "message": "Internal Server Error",
                    "details": "Cannot read x of undefined",
                },
            },
            InternalServerError,
            "Internal Server Error: Cannot read x of undefined",
            id="500 message+details",
        ),
        pytest.param(
            {
                "status_code": 502,
                "text": BAD_GATEWAY_PAGE,
                "headers": {"content-type": "text/html"},
            },
            InternalServerError,
            "502 Bad Gateway",
            id="502 html",
        ),
        pytest.param(
            {
                "status_code": 503,
                "content": b'{"data": null, "err',
                "headers": {"content-type": "application/json"},
            },
            InternalServerError,
            '{"data": null, "err',
            id="503 truncated json",
        ),
        pytest.param(
            {"status_code": 500, "content": b""},
            InternalServerError,
            "500 Internal Server Error (empty body)",
            id="500 empty",
        ),
        pytest.param(
            {"status_code": 520, "content": b""},
            InternalServerError,
            "520 (empty body)",
            id="520 non-standard",
        ),
        pytest.param(
            {"status_code": 418, "json": ["not", "an", "object"]},
            APIStatusError,
            '["not","an","object"]',
            id="418 odd json",
        ),
    ],
)
async def test_error_statuses_map_to_typed_errors_carrying_the_servers_words(
    no_retries: Harness,
    httpx_mock: HTTPXMock,
    response: dict[str, Any],
    error_type: type[APIStatusError],
    message: str,
) -> None:
    reply(httpx_mock, **response)
    with pytest.raises(error_type) as caught:
        await no_retries.query()
    error = caught.value
    assert type(error) is error_type
    assert error.message == message
    assert str(error) == message
    assert error.status_code == response["status_code"]
    assert error.response.status_code == response["status_code"]
    assert "<" not in error.message  # no markup from an HTML page


async def test_the_body_is_kept_decoded_or_as_text(
    no_retries: Harness, httpx_mock: HTTPXMock
) -> None:
    reply(httpx_mock, status_code=422, json=VALIDATION_422)
    reply(httpx_mock, status_code=400, text="Invalid token.")
    with pytest.raises(UnprocessableEntityError) as unprocessable:
        await no_retries.query()
    assert unprocessable.value.body == VALIDATION_422
    with pytest.raises(BadRequestError) as bad:
        await no_retries.query()
    assert bad.value.body == "Invalid token."


async def test_a_long_html_page_is_cut_to_a_short_excerpt(
    no_retries: Harness, httpx_mock: HTTPXMock
) -> None:
    page = (
        "<html><body><script>var x = 1;</script><p>"
        + "gateway trouble " * 200
        + "</p></body></html>"
    )
    reply(httpx_mock, status_code=504, text=page, headers={"content-type": "text/html"})
    with pytest.raises(InternalServerError) as caught:
        await no_retries.query()
    assert caught.value.message.startswith("gateway trouble gateway trouble")
    assert len(caught.value.message) <= 300
    assert "var x" not in caught.value.message


async def test_an_error_envelope_with_200_raises_result_error(
    api: Harness, httpx_mock: HTTPXMock
) -> None:
    reply(httpx_mock, json={"data": None, "error": "Failed to fetch score distributions"})
    with pytest.raises(ResultError) as caught:
        await api.query()
    assert caught.value.message == "Failed to fetch score distributions"
    assert caught.value.response is not None
    assert caught.value.response.status_code == 200
    assert len(httpx_mock.get_requests()) == 1  # a 2xx is never retried


@pytest.mark.parametrize(
    ("body", "shown"),
    [
        pytest.param(
            b'{"data": [{"name": "a", "distri', '{"data": [{"name": "a", "distri', id="truncated"
        ),
        pytest.param(b"<html><title>Login</title></html>", "Login", id="html"),
        pytest.param(b"[1, 2]", "[1, 2]", id="a list"),
    ],
)
async def test_a_200_body_that_is_not_json_raises_response_validation_error(
    api: Harness, httpx_mock: HTTPXMock, body: bytes, shown: str
) -> None:
    reply(httpx_mock, content=body)
    with pytest.raises(ResponseValidationError) as caught:
        await api.query()
    message = caught.value.message
    if body.startswith(b"["):
        assert message.startswith("the server answered 200 with a body that does not match")
    else:
        assert message.startswith("the server answered 200 with a body that is not JSON")
    assert shown in message
    assert caught.value.response is not None
    assert caught.value.response.content == body
    assert len(httpx_mock.get_requests()) == 1  # a 2xx is never retried


@pytest.mark.parametrize(
    ("body", "where"),
    [
        pytest.param(b'{"data": "nope", "error": null}', "data: ", id="data not a list"),
        pytest.param(
            b'{"data": [{"name": "a"}], "error": null}', "data.0.distribution", id="missing field"
        ),
        pytest.param(
            b'{"data": [{"name": "a", "distribution": [{"lower": 0, "upper": "1", "value": 2}]}],'
            b' "error": null}',
            "data.0.distribution.0.upper",
            id="a number sent as a string",
        ),
        pytest.param(b'{"result": []}', "data: Field required", id="another shape"),
        pytest.param(b'{"data": null, "error": null}', "data: ", id="null data"),
    ],
)
async def test_a_200_that_breaks_the_schema_names_the_field_in_either_mode(
    make: Callable[..., Harness], httpx_mock: HTTPXMock, body: bytes, where: str
) -> None:
    for strict in (False, True):
        reply(httpx_mock, content=body)
        with pytest.raises(ResponseValidationError) as caught:
            await make(strict_response_validation=strict).query()
        message = caught.value.message
        assert message.startswith(
            "the server answered 200 with a body that does not match the API's schema "
            "(ResultSuccessScoreDistributionArray): "
        )
        assert where in message


@pytest.mark.parametrize("number", ["NaN", "Infinity", "-Infinity", "1e400"])
async def test_non_finite_bucket_values_are_refused(
    api: Harness, httpx_mock: HTTPXMock, number: str
) -> None:
    bucket = '{"lower": 0, "upper": 1, "value": ' + number + "}"
    body = '{"data": [{"name": "a", "distribution": [' + bucket + ']}], "error": null}'
    reply(httpx_mock, content=body.encode())
    with pytest.raises(ResponseValidationError, match=r"data\.0\.distribution\.0\.value: "):
        await api.query()


async def test_unknown_fields_are_ignored_by_default_and_logged_at_debug(
    api: Harness, httpx_mock: HTTPXMock, caplog: pytest.LogCaptureFixture
) -> None:
    reply(httpx_mock, json=EXTRA_FIELDS)
    result = await api.query()
    assert result.names == ["accuracy"]
    assert result["accuracy"].distribution[0].value == 4
    logged = [r.getMessage() for r in caplog.records if r.levelno == logging.DEBUG]
    assert any(
        "does not define" in line
        and "data.0.unit" in line
        and "data.0.distribution.0.count" in line
        and "meta" in line
        for line in logged
    )


async def test_strict_response_validation_refuses_unknown_fields(
    make: Callable[..., Harness], httpx_mock: HTTPXMock
) -> None:
    reply(httpx_mock, json=EXTRA_FIELDS)
    with pytest.raises(ResponseValidationError) as caught:
        await make(strict_response_validation=True).query()
    assert "data.0.unit: Extra inputs are not permitted" in caught.value.message


@pytest.mark.parametrize("status", [200, 500])
async def test_json_nested_100000_deep_is_a_typed_error_not_recursion(
    no_retries: Harness, httpx_mock: HTTPXMock, status: int
) -> None:
    reply(httpx_mock, status_code=status, content=b"[" * 100_000 + b"]" * 100_000)
    expected = ResponseValidationError if status == 200 else InternalServerError
    with pytest.raises(expected) as caught:
        await no_retries.query()
    assert len(caught.value.message) < 1000
    if status == 200:
        assert "recursion limit" in caught.value.message


async def test_parsing_never_leaks_raw_python_errors(api: Harness, httpx_mock: HTTPXMock) -> None:
    bodies = [b"{", b"null", b'{"error": 5}', b'{"data": null, "error": null}', b"\xff\xfe"]
    for body in bodies:
        reply(httpx_mock, content=body)
    for _ in bodies:
        with pytest.raises(HeliconeError) as caught:
            await api.query()
        assert isinstance(caught.value, ResponseValidationError)
        assert type(caught.value).__module__ == "helicone_evals"


async def test_409_is_a_conflict_error_retried_like_429(
    api: Harness, httpx_mock: HTTPXMock
) -> None:
    reply(httpx_mock, status_code=409, json={"data": None, "error": "busy"}, times=3)
    with pytest.raises(ConflictError) as caught:
        await api.query()
    assert caught.value.message == "busy"
    assert len(httpx_mock.get_requests()) == 3


async def test_a_404_from_a_base_url_ending_in_v1_hints_at_the_base_url(
    make: Callable[..., Harness], httpx_mock: HTTPXMock
) -> None:
    doubled = BASE + "/v1/v1/evals/score-distributions/query"
    httpx_mock.add_response(url=doubled, status_code=404, text="Cannot POST")
    with pytest.raises(NotFoundError) as caught:
        await make(base_url=BASE + "/v1", max_retries=0).query()
    message = caught.value.message
    assert message.startswith("Cannot POST (the URL tried was " + doubled)
    assert f"use base_url='{BASE}'" in message


async def test_a_plain_404_gets_no_hint(no_retries: Harness, httpx_mock: HTTPXMock) -> None:
    reply(httpx_mock, status_code=404, text="Cannot POST")
    with pytest.raises(NotFoundError) as caught:
        await no_retries.query()
    assert caught.value.message == "Cannot POST"


async def test_a_connection_error_names_the_url_tried(
    no_retries: Harness, httpx_mock: HTTPXMock
) -> None:
    httpx_mock.add_exception(httpx.ConnectError("[Errno -2] Name or service not known"), url=URL)
    with pytest.raises(APIConnectionError) as caught:
        await no_retries.query()
    assert caught.value.message == (
        f"Connection error: could not reach POST {URL}: [Errno -2] Name or service not known"
    )
    assert caught.value.url == URL
    assert isinstance(caught.value.__cause__, httpx.ConnectError)


async def test_a_timeout_names_the_url_tried(no_retries: Harness, httpx_mock: HTTPXMock) -> None:
    httpx_mock.add_exception(httpx.ReadTimeout(""), url=URL)
    with pytest.raises(APITimeoutError) as caught:
        await no_retries.query()
    assert caught.value.message == f"Request timed out: no answer from POST {URL} (ReadTimeout)"


async def test_the_key_is_scrubbed_from_a_message_that_echoes_it(
    no_retries: Harness, httpx_mock: HTTPXMock
) -> None:
    reply(httpx_mock, status_code=401, json={"error": f"Invalid API key {KEY}"})
    with pytest.raises(AuthenticationError) as caught:
        await no_retries.query()
    assert caught.value.message == "Invalid API key ***"
    assert KEY not in str(caught.value)
    assert KEY not in repr(caught.value)


async def test_the_body_of_an_error_that_echoes_the_key_is_redacted(
    no_retries: Harness, httpx_mock: HTTPXMock
) -> None:
    echoed = {"error": "Unauthorized", "trace": {"header": f"Bearer {KEY}", KEY: [KEY]}}
    reply(httpx_mock, status_code=401, json=echoed)
    reply(httpx_mock, status_code=401, text=f"bad key {KEY}")
    with pytest.raises(AuthenticationError) as caught:
        await no_retries.query()
    assert caught.value.body == {
        "error": "Unauthorized",
        "trace": {"header": "Bearer ***", "***": ["***"]},
    }
    with pytest.raises(AuthenticationError) as text:
        await no_retries.query()
    assert text.value.body == "bad key ***"


async def test_server_words_are_cut_to_one_printable_line(
    make: Callable[..., Harness], httpx_mock: HTTPXMock
) -> None:
    reply(httpx_mock, content=b'{"data": null, "error": "lost ' + b"x" * 100_000 + b'"}')
    # A JSON escape of a lone surrogate: the parser refuses it, so it is never decoded.
    reply(httpx_mock, content=b'{"data": null, "error": "bad\\ud800\\n\\nthing"}')
    api = make(max_retries=0)
    with pytest.raises(ResultError) as result:
        await api.query()
    with pytest.raises(ResponseValidationError) as invalid:
        await api.query()
    assert result.value.message.startswith("lost xxx")
    assert len(result.value.message) <= 600
    assert invalid.value.message.startswith("the server answered 200 with a body that is not JSON")
    for error in (result.value, invalid.value):
        str(error).encode("utf-8")  # printable: no lone surrogate
