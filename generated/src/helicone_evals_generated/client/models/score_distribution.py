# Generated from openapi/helicone-public-api.json (openapi/selection.toml, openapi/patches.yaml) by openapi-python-client 0.29.1.
# DO NOT EDIT: change the spec, selection, patches or generator options and run `nox -s regenerate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.score_distribution_bucket import ScoreDistributionBucket


T = TypeVar("T", bound="ScoreDistribution")


@_attrs_define
class ScoreDistribution:
    """
    Attributes:
        name (str):
        distribution (list[ScoreDistributionBucket]):
    """

    name: str
    distribution: list[ScoreDistributionBucket]

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        distribution = []
        for distribution_item_data in self.distribution:
            distribution_item = distribution_item_data.to_dict()
            distribution.append(distribution_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "distribution": distribution,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.score_distribution_bucket import ScoreDistributionBucket

        d = dict(src_dict)
        name = d.pop("name")

        distribution = []
        _distribution = d.pop("distribution")
        for distribution_item_data in _distribution:
            distribution_item = ScoreDistributionBucket.from_dict(
                distribution_item_data
            )

            distribution.append(distribution_item)

        score_distribution = cls(
            name=name,
            distribution=distribution,
        )

        return score_distribution
