# Generated from openapi/helicone-public-api.json (openapi/selection.toml, openapi/patches.yaml) by openapi-python-client 0.29.1.
# DO NOT EDIT: change the spec, selection, patches or generator options and run `nox -s regenerate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PartialTextOperators")


@_attrs_define
class PartialTextOperators:
    """Make all properties in T optional

    Attributes:
        not_equals (str | Unset):
        equals (str | Unset):
        like (str | Unset):
        ilike (str | Unset):
        contains (str | Unset):
        not_contains (str | Unset):
    """

    not_equals: str | Unset = UNSET
    equals: str | Unset = UNSET
    like: str | Unset = UNSET
    ilike: str | Unset = UNSET
    contains: str | Unset = UNSET
    not_contains: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        not_equals = self.not_equals

        equals = self.equals

        like = self.like

        ilike = self.ilike

        contains = self.contains

        not_contains = self.not_contains

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if not_equals is not UNSET:
            field_dict["not-equals"] = not_equals
        if equals is not UNSET:
            field_dict["equals"] = equals
        if like is not UNSET:
            field_dict["like"] = like
        if ilike is not UNSET:
            field_dict["ilike"] = ilike
        if contains is not UNSET:
            field_dict["contains"] = contains
        if not_contains is not UNSET:
            field_dict["not-contains"] = not_contains

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        not_equals = d.pop("not-equals", UNSET)

        equals = d.pop("equals", UNSET)

        like = d.pop("like", UNSET)

        ilike = d.pop("ilike", UNSET)

        contains = d.pop("contains", UNSET)

        not_contains = d.pop("not-contains", UNSET)

        partial_text_operators = cls(
            not_equals=not_equals,
            equals=equals,
            like=like,
            ilike=ilike,
            contains=contains,
            not_contains=not_contains,
        )

        partial_text_operators.additional_properties = d
        return partial_text_operators

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
