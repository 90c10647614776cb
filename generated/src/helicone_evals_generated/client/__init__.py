# Generated from openapi/helicone-api.yaml by openapi-python-client 0.29.1.
# DO NOT EDIT: change the spec or the generator options and run `nox -s regenerate`.
"""A client library for accessing helicone-api"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
