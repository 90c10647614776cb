# Generated from openapi/helicone-public-api.json (openapi/selection.toml, openapi/patches.yaml) by openapi-python-client 0.29.1.
# DO NOT EDIT: change the spec, selection, patches or generator options and run `nox -s regenerate`.
"""add_scores: POST /v1/request/{request_id}/score."""

from __future__ import annotations

from http import HTTPStatus
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...types import Response

if TYPE_CHECKING:
    from httpx._client import UseClientDefault

    from ...models.authentication_error_body import AuthenticationErrorBody
    from ...models.result_error_string import ResultErrorString
    from ...models.result_success_null import ResultSuccessNull
    from ...models.score_request import ScoreRequest
    from ...models.server_exception_body import ServerExceptionBody
    from ...models.validation_error_body import ValidationErrorBody


METHOD = "POST"
PATH = "/v1/request/{request_id}/score"


def _get_kwargs(
    request_id: str,
    *,
    body: ScoreRequest,
) -> dict[str, Any]:

    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": _url(
            request_id=request_id,
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _url(
    *,
    request_id: str,
) -> str:
    return PATH.format(
        request_id=quote(str(request_id), safe=""),
    )


def _raw_kwargs(
    *,
    request_id: str,
    content: bytes | None,
    timeout: httpx.Timeout | None | UseClientDefault,
) -> dict[str, Any]:
    return {
        "method": METHOD,
        "url": _url(
            request_id=request_id,
        ),
        "content": content,
        "headers": {"Content-Type": "application/json"},
        "timeout": timeout,
    }


def build_request(
    *,
    client: AuthenticatedClient | Client,
    request_id: str,
    content: bytes | None = None,
    timeout: httpx.Timeout | None | UseClientDefault = httpx.USE_CLIENT_DEFAULT,
) -> httpx.Request:
    """The `POST /v1/request/{request_id}/score` request, built on the client's sync httpx client.

    `content` is the body already encoded as JSON (sent with Content-Type: application/json);
    the client's base URL, auth header and timeout apply unless `timeout` is given.
    """
    return client.get_httpx_client().build_request(
        **_raw_kwargs(request_id=request_id, content=content, timeout=timeout)
    )


def sync_raw(
    *,
    client: AuthenticatedClient | Client,
    request_id: str,
    content: bytes | None = None,
    timeout: httpx.Timeout | None | UseClientDefault = httpx.USE_CLIENT_DEFAULT,
    stream: bool = False,
) -> httpx.Response:
    """Send `POST /v1/request/{request_id}/score` with a pre-encoded body; the httpx.Response as received, any status.

    With `stream=True` the body is not read: close the response when done.
    """
    http = client.get_httpx_client()
    request = http.build_request(
        **_raw_kwargs(request_id=request_id, content=content, timeout=timeout)
    )
    return http.send(request, stream=stream)


async def asyncio_raw(
    *,
    client: AuthenticatedClient | Client,
    request_id: str,
    content: bytes | None = None,
    timeout: httpx.Timeout | None | UseClientDefault = httpx.USE_CLIENT_DEFAULT,
    stream: bool = False,
) -> httpx.Response:
    """Like sync_raw, on the client's async httpx client."""
    http = client.get_async_httpx_client()
    request = http.build_request(
        **_raw_kwargs(request_id=request_id, content=content, timeout=timeout)
    )
    return await http.send(request, stream=stream)


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    AuthenticationErrorBody
    | ResultErrorString
    | ResultSuccessNull
    | ServerExceptionBody
    | ValidationErrorBody
    | None
):
    from ...models.authentication_error_body import AuthenticationErrorBody
    from ...models.result_error_string import ResultErrorString
    from ...models.result_success_null import ResultSuccessNull
    from ...models.server_exception_body import ServerExceptionBody
    from ...models.validation_error_body import ValidationErrorBody

    if response.status_code == 201:

        def _parse_response_201(data: object) -> ResultErrorString | ResultSuccessNull:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_result_null_string_type_0 = (
                    ResultSuccessNull.from_dict(data)
                )

                return componentsschemas_result_null_string_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_result_null_string_type_1 = ResultErrorString.from_dict(
                data
            )

            return componentsschemas_result_null_string_type_1

        response_201 = _parse_response_201(response.json())

        return response_201

    if response.status_code == 401:
        response_401 = AuthenticationErrorBody.from_dict(response.json())

        return response_401

    if response.status_code == 422:
        response_422 = ValidationErrorBody.from_dict(response.json())

        return response_422

    if response.status_code == 500:

        def _parse_response_500(
            data: object,
        ) -> ResultErrorString | ServerExceptionBody:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_internal_server_error_body_type_0 = (
                    ResultErrorString.from_dict(data)
                )

                return componentsschemas_internal_server_error_body_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_internal_server_error_body_type_1 = (
                ServerExceptionBody.from_dict(data)
            )

            return componentsschemas_internal_server_error_body_type_1

        response_500 = _parse_response_500(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[
    AuthenticationErrorBody
    | ResultErrorString
    | ResultSuccessNull
    | ServerExceptionBody
    | ValidationErrorBody
]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    request_id: str,
    *,
    client: AuthenticatedClient,
    body: ScoreRequest,
) -> Response[
    AuthenticationErrorBody
    | ResultErrorString
    | ResultSuccessNull
    | ServerExceptionBody
    | ValidationErrorBody
]:
    """
    Args:
        request_id (str):
        body (ScoreRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuthenticationErrorBody | ResultErrorString | ResultSuccessNull | ResultErrorString | ServerExceptionBody | ValidationErrorBody]
    """

    kwargs = _get_kwargs(
        request_id=request_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    request_id: str,
    *,
    client: AuthenticatedClient,
    body: ScoreRequest,
) -> (
    AuthenticationErrorBody
    | ResultErrorString
    | ResultSuccessNull
    | ServerExceptionBody
    | ValidationErrorBody
    | None
):
    """
    Args:
        request_id (str):
        body (ScoreRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuthenticationErrorBody | ResultErrorString | ResultSuccessNull | ResultErrorString | ServerExceptionBody | ValidationErrorBody
    """

    return sync_detailed(
        request_id=request_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    request_id: str,
    *,
    client: AuthenticatedClient,
    body: ScoreRequest,
) -> Response[
    AuthenticationErrorBody
    | ResultErrorString
    | ResultSuccessNull
    | ServerExceptionBody
    | ValidationErrorBody
]:
    """
    Args:
        request_id (str):
        body (ScoreRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuthenticationErrorBody | ResultErrorString | ResultSuccessNull | ResultErrorString | ServerExceptionBody | ValidationErrorBody]
    """

    kwargs = _get_kwargs(
        request_id=request_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    request_id: str,
    *,
    client: AuthenticatedClient,
    body: ScoreRequest,
) -> (
    AuthenticationErrorBody
    | ResultErrorString
    | ResultSuccessNull
    | ServerExceptionBody
    | ValidationErrorBody
    | None
):
    """
    Args:
        request_id (str):
        body (ScoreRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuthenticationErrorBody | ResultErrorString | ResultSuccessNull | ResultErrorString | ServerExceptionBody | ValidationErrorBody
    """

    return (
        await asyncio_detailed(
            request_id=request_id,
            client=client,
            body=body,
        )
    ).parsed
