# Generated from openapi/helicone-public-api.json (openapi/selection.toml, openapi/patches.yaml) by openapi-python-client 0.29.1.
# DO NOT EDIT: change the spec, selection, patches or generator options and run `nox -s regenerate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="FeedbackRequestBody")


@_attrs_define
class FeedbackRequestBody:
    """
    Attributes:
        rating (bool):
    """

    rating: bool

    def to_dict(self) -> dict[str, Any]:
        rating = self.rating

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "rating": rating,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        rating = d.pop("rating")

        feedback_request_body = cls(
            rating=rating,
        )

        return feedback_request_body
