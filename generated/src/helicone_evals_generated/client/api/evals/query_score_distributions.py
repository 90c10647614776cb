# Generated from openapi/helicone-api.yaml by openapi-python-client 0.29.1.
# DO NOT EDIT: change the spec or the generator options and run `nox -s regenerate`.
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.eval_query_params import EvalQueryParams
from ...models.result_error_string import ResultErrorString
from ...models.result_success_score_distribution_array import (
    ResultSuccessScoreDistributionArray,
)
from ...types import Response


def _get_kwargs(
    *,
    body: EvalQueryParams,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/evals/score-distributions/query",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ResultErrorString | ResultSuccessScoreDistributionArray | None:
    if response.status_code == 200:

        def _parse_response_200(
            data: object,
        ) -> ResultErrorString | ResultSuccessScoreDistributionArray:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_result_score_distribution_array_string_type_0 = (
                    ResultSuccessScoreDistributionArray.from_dict(data)
                )

                return componentsschemas_result_score_distribution_array_string_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_result_score_distribution_array_string_type_1 = (
                ResultErrorString.from_dict(data)
            )

            return componentsschemas_result_score_distribution_array_string_type_1

        response_200 = _parse_response_200(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ResultErrorString | ResultSuccessScoreDistributionArray]:
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
) -> Response[ResultErrorString | ResultSuccessScoreDistributionArray]:
    """
    Args:
        body (EvalQueryParams):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ResultErrorString | ResultSuccessScoreDistributionArray]
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
) -> ResultErrorString | ResultSuccessScoreDistributionArray | None:
    """
    Args:
        body (EvalQueryParams):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ResultErrorString | ResultSuccessScoreDistributionArray
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: EvalQueryParams,
) -> Response[ResultErrorString | ResultSuccessScoreDistributionArray]:
    """
    Args:
        body (EvalQueryParams):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ResultErrorString | ResultSuccessScoreDistributionArray]
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
) -> ResultErrorString | ResultSuccessScoreDistributionArray | None:
    """
    Args:
        body (EvalQueryParams):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ResultErrorString | ResultSuccessScoreDistributionArray
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
