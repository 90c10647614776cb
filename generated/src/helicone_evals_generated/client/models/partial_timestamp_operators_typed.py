# Generated from openapi/helicone-public-api.json (openapi/selection.toml, openapi/patches.yaml) by openapi-python-client 0.29.1.
# DO NOT EDIT: change the spec, selection, patches or generator options and run `nox -s regenerate`.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PartialTimestampOperatorsTyped")


@_attrs_define
class PartialTimestampOperatorsTyped:
    """Make all properties in T optional

    Attributes:
        equals (datetime.datetime | Unset):
        gte (datetime.datetime | Unset):
        lte (datetime.datetime | Unset):
        lt (datetime.datetime | Unset):
        gt (datetime.datetime | Unset):
    """

    equals: datetime.datetime | Unset = UNSET
    gte: datetime.datetime | Unset = UNSET
    lte: datetime.datetime | Unset = UNSET
    lt: datetime.datetime | Unset = UNSET
    gt: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        equals: str | Unset = UNSET
        if not isinstance(self.equals, Unset):
            equals = self.equals.isoformat()

        gte: str | Unset = UNSET
        if not isinstance(self.gte, Unset):
            gte = self.gte.isoformat()

        lte: str | Unset = UNSET
        if not isinstance(self.lte, Unset):
            lte = self.lte.isoformat()

        lt: str | Unset = UNSET
        if not isinstance(self.lt, Unset):
            lt = self.lt.isoformat()

        gt: str | Unset = UNSET
        if not isinstance(self.gt, Unset):
            gt = self.gt.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
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
        _equals = d.pop("equals", UNSET)
        equals: datetime.datetime | Unset
        if isinstance(_equals, Unset):
            equals = UNSET
        else:
            equals = datetime.datetime.fromisoformat(_equals)

        _gte = d.pop("gte", UNSET)
        gte: datetime.datetime | Unset
        if isinstance(_gte, Unset):
            gte = UNSET
        else:
            gte = datetime.datetime.fromisoformat(_gte)

        _lte = d.pop("lte", UNSET)
        lte: datetime.datetime | Unset
        if isinstance(_lte, Unset):
            lte = UNSET
        else:
            lte = datetime.datetime.fromisoformat(_lte)

        _lt = d.pop("lt", UNSET)
        lt: datetime.datetime | Unset
        if isinstance(_lt, Unset):
            lt = UNSET
        else:
            lt = datetime.datetime.fromisoformat(_lt)

        _gt = d.pop("gt", UNSET)
        gt: datetime.datetime | Unset
        if isinstance(_gt, Unset):
            gt = UNSET
        else:
            gt = datetime.datetime.fromisoformat(_gt)

        partial_timestamp_operators_typed = cls(
            equals=equals,
            gte=gte,
            lte=lte,
            lt=lt,
            gt=gt,
        )

        partial_timestamp_operators_typed.additional_properties = d
        return partial_timestamp_operators_typed

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
