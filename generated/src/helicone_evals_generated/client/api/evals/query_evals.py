# Generated from openapi/helicone-public-api.json (openapi/selection.toml, openapi/patches.yaml) by openapi-python-client 0.29.1.
# DO NOT EDIT: change the spec, selection, patches or generator options and run `nox -s regenerate`.
"""query_evals: POST /v1/evals/query."""

from __future__ import annotations

from http import HTTPStatus
from typing import TYPE_CHECKING, Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...types import Response

if TYPE_CHECKING:
    from httpx._client import UseClientDefault

    from ...models.authentication_error_body import AuthenticationErrorBody
    from ...models.eval_query_params import EvalQueryParams
    from ...models.result_error_string import ResultErrorString
    from ...models.result_success_eval_array import ResultSuccessEvalArray
    from ...models.server_exception_body import ServerExceptionBody
    from ...models.validation_error_body import ValidationErrorBody


METHOD = "POST"
PATH = "/v1/evals/query"


def _get_kwargs(
    *,
    body: EvalQueryParams,
) -> dict[str, Any]:

    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": _url(),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _url() -> str:
    return PATH


def _raw_kwargs(
    *,
    content: bytes | None,
    timeout: httpx.Timeout | None | UseClientDefault,
) -> dict[str, Any]:
    return {
        "method": METHOD,
        "url": _url(),
        "content": content,
        "headers": {"Content-Type": "application/json"},
        "timeout": timeout,
    }


def build_request(
    *,
    client: AuthenticatedClient | Client,
    content: bytes | None = None,
    timeout: httpx.Timeout | None | UseClientDefault = httpx.USE_CLIENT_DEFAULT,
) -> httpx.Request:
    """The `POST /v1/evals/query` request, built on the client's sync httpx client.

    `content` is the body already encoded as JSON (sent with Content-Type: application/json);
    the client's base URL, auth header and timeout apply unless `timeout` is given.
    """
    return client.get_httpx_client().build_request(
        **_raw_kwargs(content=content, timeout=timeout)
    )


def sync_raw(
    *,
    client: AuthenticatedClient | Client,
    content: bytes | None = None,
    timeout: httpx.Timeout | None | UseClientDefault = httpx.USE_CLIENT_DEFAULT,
    stream: bool = False,
) -> httpx.Response:
    """Send `POST /v1/evals/query` with a pre-encoded body; the httpx.Response as received, any status.

    With `stream=True` the body is not read: close the response when done.
    """
    http = client.get_httpx_client()
    request = http.build_request(**_raw_kwargs(content=content, timeout=timeout))
    return http.send(request, stream=stream)


async def asyncio_raw(
    *,
    client: AuthenticatedClient | Client,
    content: bytes | None = None,
    timeout: httpx.Timeout | None | UseClientDefault = httpx.USE_CLIENT_DEFAULT,
    stream: bool = False,
) -> httpx.Response:
    """Like sync_raw, on the client's async httpx client."""
    http = client.get_async_httpx_client()
    request = http.build_request(**_raw_kwargs(content=content, timeout=timeout))
    return await http.send(request, stream=stream)


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    AuthenticationErrorBody
    | ResultErrorString
    | ResultSuccessEvalArray
    | ServerExceptionBody
    | ValidationErrorBody
    | None
):
    from ...models.authentication_error_body import AuthenticationErrorBody
    from ...models.result_error_string import ResultErrorString
    from ...models.result_success_eval_array import ResultSuccessEvalArray
    from ...models.server_exception_body import ServerExceptionBody
    from ...models.validation_error_body import ValidationErrorBody

    if response.status_code == 200:

        def _parse_response_200(
            data: object,
        ) -> ResultErrorString | ResultSuccessEvalArray:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_result_eval_array_string_type_0 = (
                    ResultSuccessEvalArray.from_dict(data)
                )

                return componentsschemas_result_eval_array_string_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_result_eval_array_string_type_1 = (
                ResultErrorString.from_dict(data)
            )

            return componentsschemas_result_eval_array_string_type_1

        response_200 = _parse_response_200(response.json())

        return response_200

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
    | ResultSuccessEvalArray
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
    *,
    client: AuthenticatedClient,
    body: EvalQueryParams,
) -> Response[
    AuthenticationErrorBody
    | ResultErrorString
    | ResultSuccessEvalArray
    | ServerExceptionBody
    | ValidationErrorBody
]:
    """
    Args:
        body (EvalQueryParams):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuthenticationErrorBody | ResultErrorString | ResultSuccessEvalArray | ResultErrorString | ServerExceptionBody | ValidationErrorBody]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: EvalQueryParams,
) -> (
    AuthenticationErrorBody
    | ResultErrorString
    | ResultSuccessEvalArray
    | ServerExceptionBody
    | ValidationErrorBody
    | None
):
    """
    Args:
        body (EvalQueryParams):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuthenticationErrorBody | ResultErrorString | ResultSuccessEvalArray | ResultErrorString | ServerExceptionBody | ValidationErrorBody
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: EvalQueryParams,
) -> Response[
    AuthenticationErrorBody
    | ResultErrorString
    | ResultSuccessEvalArray
    | ServerExceptionBody
    | ValidationErrorBody
]:
    """
    Args:
        body (EvalQueryParams):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuthenticationErrorBody | ResultErrorString | ResultSuccessEvalArray | ResultErrorString | ServerExceptionBody | ValidationErrorBody]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: EvalQueryParams,
) -> (
    AuthenticationErrorBody
    | ResultErrorString
    | ResultSuccessEvalArray
    | ServerExceptionBody
    | ValidationErrorBody
    | None
):
    """
    Args:
        body (EvalQueryParams):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuthenticationErrorBody | ResultErrorString | ResultSuccessEvalArray | ResultErrorString | ServerExceptionBody | ValidationErrorBody
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
