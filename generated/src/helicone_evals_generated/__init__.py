# Generated from openapi/helicone-api.yaml by scripts/regenerate.py.
# DO NOT EDIT: change the spec or the generator options and run `nox -s regenerate`.
"""Code generated from Helicone's OpenAPI spec for the evals score-distributions API.

- ``helicone_evals_generated.client``: the raw HTTP client (openapi-python-client): ``Client``,
  ``AuthenticatedClient``, attrs models, and ``api.evals.query_score_distributions`` with
  ``sync``/``sync_detailed``/``asyncio``/``asyncio_detailed``.
- ``helicone_evals_generated.models``: pydantic v2 models of the same schemas (datamodel-code-generator),
  the request/response contract used for validation and parsing.

Neither is imported here, so importing this package costs nothing until one is used.
"""

__version__ = "1.0.0"
SPEC_SHA256 = "756b5a9bdf46edf00ebbf00f42f654e1467d5d934b4bb79640fd5c50b0cdebc2"
