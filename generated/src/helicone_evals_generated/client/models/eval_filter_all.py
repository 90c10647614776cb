# Generated from openapi/helicone-api.yaml by openapi-python-client 0.29.1.
# DO NOT EDIT: change the spec or the generator options and run `nox -s regenerate`.
from enum import StrEnum


class EvalFilterAll(StrEnum):
    ALL = "all"

    def __str__(self) -> str:
        return str(self.value)
