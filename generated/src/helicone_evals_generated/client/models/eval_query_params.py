# Generated from openapi/helicone-public-api.json (openapi/selection.toml, openapi/patches.yaml) by openapi-python-client 0.29.1.
# DO NOT EDIT: change the spec, selection, patches or generator options and run `nox -s regenerate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.eval_filter_all import EvalFilterAll
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.eval_filter_branch import EvalFilterBranch
    from ..models.filter_leaf_subset_request_response_rmt import (
        FilterLeafSubsetRequestResponseRmt,
    )
    from ..models.time_filter import TimeFilter


T = TypeVar("T", bound="EvalQueryParams")


@_attrs_define
class EvalQueryParams:
    """
    Attributes:
        filter_ (EvalFilterAll | EvalFilterBranch | FilterLeafSubsetRequestResponseRmt):
        time_filter (TimeFilter):
        offset (float | Unset):
        limit (float | Unset):
        time_zone_difference (float | Unset):
    """

    filter_: EvalFilterAll | EvalFilterBranch | FilterLeafSubsetRequestResponseRmt
    time_filter: TimeFilter
    offset: float | Unset = UNSET
    limit: float | Unset = UNSET
    time_zone_difference: float | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.eval_filter_branch import EvalFilterBranch
        from ..models.filter_leaf_subset_request_response_rmt import (
            FilterLeafSubsetRequestResponseRmt,
        )

        filter_: dict[str, Any] | str
        if isinstance(self.filter_, FilterLeafSubsetRequestResponseRmt) or isinstance(
            self.filter_, EvalFilterBranch
        ):
            filter_ = self.filter_.to_dict()
        else:
            filter_ = self.filter_.value

        time_filter = self.time_filter.to_dict()

        offset = self.offset

        limit = self.limit

        time_zone_difference = self.time_zone_difference

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "filter": filter_,
                "timeFilter": time_filter,
            }
        )
        if offset is not UNSET:
            field_dict["offset"] = offset
        if limit is not UNSET:
            field_dict["limit"] = limit
        if time_zone_difference is not UNSET:
            field_dict["timeZoneDifference"] = time_zone_difference

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.eval_filter_branch import EvalFilterBranch
        from ..models.filter_leaf_subset_request_response_rmt import (
            FilterLeafSubsetRequestResponseRmt,
        )
        from ..models.time_filter import TimeFilter

        d = dict(src_dict)

        def _parse_filter_(
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

        filter_ = _parse_filter_(d.pop("filter"))

        time_filter = TimeFilter.from_dict(d.pop("timeFilter"))

        offset = d.pop("offset", UNSET)

        limit = d.pop("limit", UNSET)

        time_zone_difference = d.pop("timeZoneDifference", UNSET)

        eval_query_params = cls(
            filter_=filter_,
            time_filter=time_filter,
            offset=offset,
            limit=limit,
            time_zone_difference=time_zone_difference,
        )

        return eval_query_params
