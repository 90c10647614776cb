# Generated from openapi/helicone-api.yaml by openapi-python-client 0.29.1.
# DO NOT EDIT: change the spec or the generator options and run `nox -s regenerate`.
"""Contains endpoint functions for accessing the API"""
