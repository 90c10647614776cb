"""Every status and body shape the server (or a proxy) sends becomes the right typed error."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from client_support import KEY, Harness, reply
from pytest_httpx import HTTPXMock

from helicone_evals import (
    APIStatusError,
    AuthenticationError,
    BadRequestError,
    HeliconeError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
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
        pytest.param(b"", "(empty body)", id="empty"),
        pytest.param(b"<html><title>Login</title></html>", "Login", id="html"),
        pytest.param(b'{"data": "nope", "error": null}', '"nope"', id="data not a list"),
        pytest.param(
            b'{"data": [{"name": "a"}], "error": null}', '"name": "a"', id="no distribution"
        ),
        pytest.param(b'{"result": []}', "result", id="another shape"),
        pytest.param(b"[1, 2]", "[1, 2]", id="a list"),
    ],
)
async def test_a_200_body_that_is_not_the_envelope_raises_result_error(
    api: Harness, httpx_mock: HTTPXMock, body: bytes, shown: str
) -> None:
    reply(httpx_mock, content=body)
    with pytest.raises(ResultError) as caught:
        await api.query()
    message = caught.value.message
    assert message.startswith(
        "the server answered 200 with a body that is not a score-distribution"
    )
    assert shown in message
    assert caught.value.response is not None
    assert caught.value.response.content == body


async def test_parsing_never_leaks_raw_python_errors(api: Harness, httpx_mock: HTTPXMock) -> None:
    bodies = [b"{", b"null", b'{"error": 5}', b'{"data": null, "error": null}', b"\xff\xfe"]
    for body in bodies:
        reply(httpx_mock, content=body)
    for _ in bodies:
        with pytest.raises(HeliconeError) as caught:
            await api.query()
        assert not isinstance(caught.value, KeyError | TypeError)
        assert type(caught.value).__module__ == "helicone_evals._exceptions"


async def test_the_key_is_scrubbed_from_a_message_that_echoes_it(
    no_retries: Harness, httpx_mock: HTTPXMock
) -> None:
    reply(httpx_mock, status_code=401, json={"error": f"Invalid API key {KEY}"})
    with pytest.raises(AuthenticationError) as caught:
        await no_retries.query()
    assert caught.value.message == "Invalid API key ***"
    assert KEY not in str(caught.value)
    assert KEY not in repr(caught.value)
