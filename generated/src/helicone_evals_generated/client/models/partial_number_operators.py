# Generated from openapi/helicone-public-api.json (openapi/selection.toml, openapi/patches.yaml) by openapi-python-client 0.29.1.
# DO NOT EDIT: change the spec, selection, patches or generator options and run `nox -s regenerate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PartialNumberOperators")


@_attrs_define
class PartialNumberOperators:
    """Make all properties in T optional

    Attributes:
        not_equals (float | Unset):
        equals (float | Unset):
        gte (float | Unset):
        lte (float | Unset):
        lt (float | Unset):
        gt (float | Unset):
    """

    not_equals: float | Unset = UNSET
    equals: float | Unset = UNSET
    gte: float | Unset = UNSET
    lte: float | Unset = UNSET
    lt: float | Unset = UNSET
    gt: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        not_equals = self.not_equals

        equals = self.equals

        gte = self.gte

        lte = self.lte

        lt = self.lt

        gt = self.gt

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if not_equals is not UNSET:
            field_dict["not-equals"] = not_equals
        if equals is not UNSET:
            field_dict["equals"] = equals
        if gte is not UNSET:
            field_dict["gte"] = gte
        if lte is not UNSET:
            field_dict["lte"] = lte
        if lt is not UNSET:
            field_dict["lt"] = lt
        if gt is not UNSET:
            field_dict["gt"] = gt

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        not_equals = d.pop("not-equals", UNSET)

        equals = d.pop("equals", UNSET)

        gte = d.pop("gte", UNSET)

        lte = d.pop("lte", UNSET)

        lt = d.pop("lt", UNSET)

        gt = d.pop("gt", UNSET)

        partial_number_operators = cls(
            not_equals=not_equals,
            equals=equals,
            gte=gte,
            lte=lte,
            lt=lt,
            gt=gt,
        )

        partial_number_operators.additional_properties = d
        return partial_number_operators

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
