# Generated from openapi/helicone-public-api.json (openapi/selection.toml, openapi/patches.yaml) by openapi-python-client 0.29.1.
# DO NOT EDIT: change the spec, selection, patches or generator options and run `nox -s regenerate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.eval_filter_all import EvalFilterAll
from ..models.eval_filter_branch_operator import EvalFilterBranchOperator

if TYPE_CHECKING:
    from ..models.filter_leaf_subset_request_response_rmt import (
        FilterLeafSubsetRequestResponseRmt,
    )


T = TypeVar("T", bound="EvalFilterBranch")


@_attrs_define
class EvalFilterBranch:
    """
    Attributes:
        right (EvalFilterAll | EvalFilterBranch | FilterLeafSubsetRequestResponseRmt):
        operator (EvalFilterBranchOperator):
        left (EvalFilterAll | EvalFilterBranch | FilterLeafSubsetRequestResponseRmt):
    """

    right: EvalFilterAll | EvalFilterBranch | FilterLeafSubsetRequestResponseRmt
    operator: EvalFilterBranchOperator
    left: EvalFilterAll | EvalFilterBranch | FilterLeafSubsetRequestResponseRmt
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.filter_leaf_subset_request_response_rmt import (
            FilterLeafSubsetRequestResponseRmt,
        )

        right: dict[str, Any] | str
        if isinstance(self.right, FilterLeafSubsetRequestResponseRmt) or isinstance(
            self.right, EvalFilterBranch
        ):
            right = self.right.to_dict()
        else:
            right = self.right.value

        operator = self.operator.value

        left: dict[str, Any] | str
        if isinstance(self.left, FilterLeafSubsetRequestResponseRmt) or isinstance(
            self.left, EvalFilterBranch
        ):
            left = self.left.to_dict()
        else:
            left = self.left.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "right": right,
                "operator": operator,
                "left": left,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.filter_leaf_subset_request_response_rmt import (
            FilterLeafSubsetRequestResponseRmt,
        )

        d = dict(src_dict)

        def _parse_right(
            data: object,
        ) -> EvalFilterAll | EvalFilterBranch | FilterLeafSubsetRequestResponseRmt:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_eval_filter_node_type_0 = (
                    FilterLeafSubsetRequestResponseRmt.from_dict(data)
                )

                return componentsschemas_eval_filter_node_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_eval_filter_node_type_1 = EvalFilterBranch.from_dict(
                    data
                )

                return componentsschemas_eval_filter_node_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, str):
                raise TypeError()
            componentsschemas_eval_filter_node_eval_filter_all = EvalFilterAll(data)

            return componentsschemas_eval_filter_node_eval_filter_all

        right = _parse_right(d.pop("right"))

        operator = EvalFilterBranchOperator(d.pop("operator"))

        def _parse_left(
            data: object,
        ) -> EvalFilterAll | EvalFilterBranch | FilterLeafSubsetRequestResponseRmt:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_eval_filter_node_type_0 = (
                    FilterLeafSubsetRequestResponseRmt.from_dict(data)
                )

                return componentsschemas_eval_filter_node_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_eval_filter_node_type_1 = EvalFilterBranch.from_dict(
                    data
                )

                return componentsschemas_eval_filter_node_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, str):
                raise TypeError()
            componentsschemas_eval_filter_node_eval_filter_all = EvalFilterAll(data)

            return componentsschemas_eval_filter_node_eval_filter_all

        left = _parse_left(d.pop("left"))

        eval_filter_branch = cls(
            right=right,
            operator=operator,
            left=left,
        )

        eval_filter_branch.additional_properties = d
        return eval_filter_branch

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
