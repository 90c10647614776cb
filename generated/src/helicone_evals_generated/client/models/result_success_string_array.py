# Generated from openapi/helicone-public-api.json (openapi/selection.toml, openapi/patches.yaml) by openapi-python-client 0.29.1.
# DO NOT EDIT: change the spec, selection, patches or generator options and run `nox -s regenerate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="ResultSuccessStringArray")


@_attrs_define
class ResultSuccessStringArray:
    """
    Attributes:
        data (list[str]):
        error (None):  Default: None.
    """

    data: list[str]
    error: None = None

    def to_dict(self) -> dict[str, Any]:
        data = self.data

        error = self.error

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "data": data,
                "error": error,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        data = cast(list[str], d.pop("data"))

        error = d.pop("error")

        result_success_string_array = cls(
            data=data,
            error=error,
        )

        return result_success_string_array
