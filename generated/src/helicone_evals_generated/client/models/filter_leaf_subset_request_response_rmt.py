# Generated from openapi/helicone-public-api.json (openapi/selection.toml, openapi/patches.yaml) by openapi-python-client 0.29.1.
# DO NOT EDIT: change the spec, selection, patches or generator options and run `nox -s regenerate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.partial_request_response_rmt_to_operators import (
        PartialRequestResponseRMTToOperators,
    )


T = TypeVar("T", bound="FilterLeafSubsetRequestResponseRmt")


@_attrs_define
class FilterLeafSubsetRequestResponseRmt:
    """From T, pick a set of properties whose keys are in the union K

    Attributes:
        request_response_rmt (PartialRequestResponseRMTToOperators | Unset): Make all properties in T optional
    """

    request_response_rmt: PartialRequestResponseRMTToOperators | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        request_response_rmt: dict[str, Any] | Unset = UNSET
        if not isinstance(self.request_response_rmt, Unset):
            request_response_rmt = self.request_response_rmt.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if request_response_rmt is not UNSET:
            field_dict["request_response_rmt"] = request_response_rmt

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.partial_request_response_rmt_to_operators import (
            PartialRequestResponseRMTToOperators,
        )

        d = dict(src_dict)
        _request_response_rmt = d.pop("request_response_rmt", UNSET)
        request_response_rmt: PartialRequestResponseRMTToOperators | Unset
        if isinstance(_request_response_rmt, Unset):
            request_response_rmt = UNSET
        else:
            request_response_rmt = PartialRequestResponseRMTToOperators.from_dict(
                _request_response_rmt
            )

        filter_leaf_subset_request_response_rmt = cls(
            request_response_rmt=request_response_rmt,
        )

        filter_leaf_subset_request_response_rmt.additional_properties = d
        return filter_leaf_subset_request_response_rmt

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
