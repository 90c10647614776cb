# Generated from openapi/helicone-public-api.json (openapi/selection.toml, openapi/patches.yaml) by scripts/regenerate.py.
# DO NOT EDIT: change the spec, selection, patches or generator options and run `nox -s regenerate`.
"""Code generated from Helicone's public API spec, for the operations we ship:

  - `QueryScoreDistributions` (POST /v1/evals/score-distributions/query)
  - `QueryEvals` (POST /v1/evals/query)
  - `GetEvalScores` (GET /v1/evals/scores)
  - `AddScores` (POST /v1/request/{requestId}/score)
  - `FeedbackRequest` (POST /v1/request/{requestId}/feedback)

- ``helicone_evals_generated.client``: the raw HTTP client (openapi-python-client): ``Client``,
  ``AuthenticatedClient``, attrs models, and one module per operation under ``client.api``
  with ``sync``/``sync_detailed``/``asyncio``/``asyncio_detailed`` plus ``build_request``,
  ``sync_raw`` and ``asyncio_raw`` (pre-encoded body in, plain ``httpx.Response`` out; they
  never import the attrs models);
- ``helicone_evals_generated.models``: pydantic v2 models of the same schemas (datamodel-code-generator);
- ``helicone_evals_generated.shapes``: TypedDicts of the same schemas, keyed by the wire names;
- ``helicone_evals_generated.operations`` and the other tables: what the wrapper needs to know about the spec.

Nothing is imported here, so importing this package costs nothing until a part is used.
"""

__version__ = "1.1.0"
