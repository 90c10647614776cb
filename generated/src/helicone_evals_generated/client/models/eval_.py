# Generated from openapi/helicone-public-api.json (openapi/selection.toml, openapi/patches.yaml) by openapi-python-client 0.29.1.
# DO NOT EDIT: change the spec, selection, patches or generator options and run `nox -s regenerate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.eval_average_over_time_item import EvalAverageOverTimeItem
    from ..models.eval_over_time_item import EvalOverTimeItem


T = TypeVar("T", bound="Eval")


@_attrs_define
class Eval:
    """
    Attributes:
        name (str):
        average_score (float | None):
        min_score (float | None):
        max_score (float | None):
        count (float):
        over_time (list[EvalOverTimeItem]):
        average_over_time (list[EvalAverageOverTimeItem]):
    """

    name: str
    average_score: float | None
    min_score: float | None
    max_score: float | None
    count: float
    over_time: list[EvalOverTimeItem]
    average_over_time: list[EvalAverageOverTimeItem]

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        average_score: float | None
        average_score = self.average_score

        min_score: float | None
        min_score = self.min_score

        max_score: float | None
        max_score = self.max_score

        count = self.count

        over_time = []
        for over_time_item_data in self.over_time:
            over_time_item = over_time_item_data.to_dict()
            over_time.append(over_time_item)

        average_over_time = []
        for average_over_time_item_data in self.average_over_time:
            average_over_time_item = average_over_time_item_data.to_dict()
            average_over_time.append(average_over_time_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "averageScore": average_score,
                "minScore": min_score,
                "maxScore": max_score,
                "count": count,
                "overTime": over_time,
                "averageOverTime": average_over_time,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.eval_average_over_time_item import EvalAverageOverTimeItem
        from ..models.eval_over_time_item import EvalOverTimeItem

        d = dict(src_dict)
        name = d.pop("name")

        def _parse_average_score(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        average_score = _parse_average_score(d.pop("averageScore"))

        def _parse_min_score(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        min_score = _parse_min_score(d.pop("minScore"))

        def _parse_max_score(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        max_score = _parse_max_score(d.pop("maxScore"))

        count = d.pop("count")

        over_time = []
        _over_time = d.pop("overTime")
        for over_time_item_data in _over_time:
            over_time_item = EvalOverTimeItem.from_dict(over_time_item_data)

            over_time.append(over_time_item)

        average_over_time = []
        _average_over_time = d.pop("averageOverTime")
        for average_over_time_item_data in _average_over_time:
            average_over_time_item = EvalAverageOverTimeItem.from_dict(
                average_over_time_item_data
            )

            average_over_time.append(average_over_time_item)

        eval_ = cls(
            name=name,
            average_score=average_score,
            min_score=min_score,
            max_score=max_score,
            count=count,
            over_time=over_time,
            average_over_time=average_over_time,
        )

        return eval_
