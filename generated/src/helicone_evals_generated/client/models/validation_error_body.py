# Generated from openapi/helicone-public-api.json (openapi/selection.toml, openapi/patches.yaml) by openapi-python-client 0.29.1.
# DO NOT EDIT: change the spec, selection, patches or generator options and run `nox -s regenerate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.validation_error_body_details import ValidationErrorBodyDetails


T = TypeVar("T", bound="ValidationErrorBody")


@_attrs_define
class ValidationErrorBody:
    """422 from tsoa's body validation; details maps "<parameter>.<field path>" to what was wrong.

    Attributes:
        message (str):
        details (ValidationErrorBodyDetails):
    """

    message: str
    details: ValidationErrorBodyDetails
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        message = self.message

        details = self.details.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "message": message,
                "details": details,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.validation_error_body_details import ValidationErrorBodyDetails

        d = dict(src_dict)
        message = d.pop("message")

        details = ValidationErrorBodyDetails.from_dict(d.pop("details"))

        validation_error_body = cls(
            message=message,
            details=details,
        )

        validation_error_body.additional_properties = d
        return validation_error_body

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
