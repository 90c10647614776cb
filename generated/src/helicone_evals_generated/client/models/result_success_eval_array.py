# Generated from openapi/helicone-public-api.json (openapi/selection.toml, openapi/patches.yaml) by openapi-python-client 0.29.1.
# DO NOT EDIT: change the spec, selection, patches or generator options and run `nox -s regenerate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.eval_ import Eval


T = TypeVar("T", bound="ResultSuccessEvalArray")


@_attrs_define
class ResultSuccessEvalArray:
    """
    Attributes:
        data (list[Eval]):
        error (None):  Default: None.
    """

    data: list[Eval]
    error: None = None

    def to_dict(self) -> dict[str, Any]:
        data = []
        for data_item_data in self.data:
            data_item = data_item_data.to_dict()
            data.append(data_item)

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
        from ..models.eval_ import Eval

        d = dict(src_dict)
        data = []
        _data = d.pop("data")
        for data_item_data in _data:
            data_item = Eval.from_dict(data_item_data)

            data.append(data_item)

        error = d.pop("error")

        result_success_eval_array = cls(
            data=data,
            error=error,
        )

        return result_success_eval_array
