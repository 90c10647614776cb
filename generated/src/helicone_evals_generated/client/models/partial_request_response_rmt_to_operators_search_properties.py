# Generated from openapi/helicone-public-api.json (openapi/selection.toml, openapi/patches.yaml) by openapi-python-client 0.29.1.
# DO NOT EDIT: change the spec, selection, patches or generator options and run `nox -s regenerate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.partial_text_operators import PartialTextOperators


T = TypeVar("T", bound="PartialRequestResponseRMTToOperatorsSearchProperties")


@_attrs_define
class PartialRequestResponseRMTToOperatorsSearchProperties:
    additional_properties: dict[str, PartialTextOperators] = _attrs_field(
        init=False, factory=dict
    )

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            field_dict[prop_name] = prop.to_dict()

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.partial_text_operators import PartialTextOperators

        d = dict(src_dict)
        partial_request_response_rmt_to_operators_search_properties = cls()

        additional_properties = {}
        for prop_name, prop_dict in d.items():
            additional_property = PartialTextOperators.from_dict(prop_dict)

            additional_properties[prop_name] = additional_property

        partial_request_response_rmt_to_operators_search_properties.additional_properties = additional_properties
        return partial_request_response_rmt_to_operators_search_properties

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> PartialTextOperators:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: PartialTextOperators) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
