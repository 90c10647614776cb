# Generated from openapi/helicone-public-api.json (openapi/selection.toml, openapi/patches.yaml) by openapi-python-client 0.29.1.
# DO NOT EDIT: change the spec, selection, patches or generator options and run `nox -s regenerate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.partial_boolean_operators import PartialBooleanOperators
    from ..models.partial_number_operators import PartialNumberOperators
    from ..models.partial_request_response_rmt_to_operators_properties import (
        PartialRequestResponseRMTToOperatorsProperties,
    )
    from ..models.partial_request_response_rmt_to_operators_scores import (
        PartialRequestResponseRMTToOperatorsScores,
    )
    from ..models.partial_request_response_rmt_to_operators_search_properties import (
        PartialRequestResponseRMTToOperatorsSearchProperties,
    )
    from ..models.partial_text_operators import PartialTextOperators
    from ..models.partial_timestamp_operators_typed import (
        PartialTimestampOperatorsTyped,
    )
    from ..models.property_key_operators import PropertyKeyOperators


T = TypeVar("T", bound="PartialRequestResponseRMTToOperators")


@_attrs_define
class PartialRequestResponseRMTToOperators:
    """Make all properties in T optional

    Attributes:
        country_code (PartialTextOperators | Unset): Make all properties in T optional
        latency (PartialNumberOperators | Unset): Make all properties in T optional
        cost (PartialNumberOperators | Unset): Make all properties in T optional
        provider (PartialTextOperators | Unset): Make all properties in T optional
        time_to_first_token (PartialNumberOperators | Unset): Make all properties in T optional
        status (PartialNumberOperators | Unset): Make all properties in T optional
        request_created_at (PartialTimestampOperatorsTyped | Unset): Make all properties in T optional
        response_created_at (PartialTimestampOperatorsTyped | Unset): Make all properties in T optional
        model (PartialTextOperators | Unset): Make all properties in T optional
        user_id (PartialTextOperators | Unset): Make all properties in T optional
        organization_id (PartialTextOperators | Unset): Make all properties in T optional
        node_id (PartialTextOperators | Unset): Make all properties in T optional
        job_id (PartialTextOperators | Unset): Make all properties in T optional
        threat (PartialBooleanOperators | Unset): Make all properties in T optional
        request_id (PartialTextOperators | Unset): Make all properties in T optional
        prompt_tokens (PartialNumberOperators | Unset): Make all properties in T optional
        completion_tokens (PartialNumberOperators | Unset): Make all properties in T optional
        prompt_cache_read_tokens (PartialNumberOperators | Unset): Make all properties in T optional
        prompt_cache_write_tokens (PartialNumberOperators | Unset): Make all properties in T optional
        total_tokens (PartialNumberOperators | Unset): Make all properties in T optional
        target_url (PartialTextOperators | Unset): Make all properties in T optional
        property_key (PropertyKeyOperators | Unset):
        properties (PartialRequestResponseRMTToOperatorsProperties | Unset):
        search_properties (PartialRequestResponseRMTToOperatorsSearchProperties | Unset):
        scores (PartialRequestResponseRMTToOperatorsScores | Unset):
        scores_column (PartialTextOperators | Unset): Make all properties in T optional
        request_body (PartialTextOperators | Unset): Make all properties in T optional
        response_body (PartialTextOperators | Unset): Make all properties in T optional
        cache_enabled (PartialBooleanOperators | Unset): Make all properties in T optional
        cache_reference_id (PartialTextOperators | Unset): Make all properties in T optional
        cached (PartialBooleanOperators | Unset): Make all properties in T optional
        assets (PartialTextOperators | Unset): Make all properties in T optional
        helicone_score_feedback (PartialBooleanOperators | Unset): Make all properties in T optional
        prompt_id (PartialTextOperators | Unset): Make all properties in T optional
        prompt_version (PartialTextOperators | Unset): Make all properties in T optional
        request_referrer (PartialTextOperators | Unset): Make all properties in T optional
        is_passthrough_billing (PartialBooleanOperators | Unset): Make all properties in T optional
    """

    country_code: PartialTextOperators | Unset = UNSET
    latency: PartialNumberOperators | Unset = UNSET
    cost: PartialNumberOperators | Unset = UNSET
    provider: PartialTextOperators | Unset = UNSET
    time_to_first_token: PartialNumberOperators | Unset = UNSET
    status: PartialNumberOperators | Unset = UNSET
    request_created_at: PartialTimestampOperatorsTyped | Unset = UNSET
    response_created_at: PartialTimestampOperatorsTyped | Unset = UNSET
    model: PartialTextOperators | Unset = UNSET
    user_id: PartialTextOperators | Unset = UNSET
    organization_id: PartialTextOperators | Unset = UNSET
    node_id: PartialTextOperators | Unset = UNSET
    job_id: PartialTextOperators | Unset = UNSET
    threat: PartialBooleanOperators | Unset = UNSET
    request_id: PartialTextOperators | Unset = UNSET
    prompt_tokens: PartialNumberOperators | Unset = UNSET
    completion_tokens: PartialNumberOperators | Unset = UNSET
    prompt_cache_read_tokens: PartialNumberOperators | Unset = UNSET
    prompt_cache_write_tokens: PartialNumberOperators | Unset = UNSET
    total_tokens: PartialNumberOperators | Unset = UNSET
    target_url: PartialTextOperators | Unset = UNSET
    property_key: PropertyKeyOperators | Unset = UNSET
    properties: PartialRequestResponseRMTToOperatorsProperties | Unset = UNSET
    search_properties: PartialRequestResponseRMTToOperatorsSearchProperties | Unset = (
        UNSET
    )
    scores: PartialRequestResponseRMTToOperatorsScores | Unset = UNSET
    scores_column: PartialTextOperators | Unset = UNSET
    request_body: PartialTextOperators | Unset = UNSET
    response_body: PartialTextOperators | Unset = UNSET
    cache_enabled: PartialBooleanOperators | Unset = UNSET
    cache_reference_id: PartialTextOperators | Unset = UNSET
    cached: PartialBooleanOperators | Unset = UNSET
    assets: PartialTextOperators | Unset = UNSET
    helicone_score_feedback: PartialBooleanOperators | Unset = UNSET
    prompt_id: PartialTextOperators | Unset = UNSET
    prompt_version: PartialTextOperators | Unset = UNSET
    request_referrer: PartialTextOperators | Unset = UNSET
    is_passthrough_billing: PartialBooleanOperators | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        country_code: dict[str, Any] | Unset = UNSET
        if not isinstance(self.country_code, Unset):
            country_code = self.country_code.to_dict()

        latency: dict[str, Any] | Unset = UNSET
        if not isinstance(self.latency, Unset):
            latency = self.latency.to_dict()

        cost: dict[str, Any] | Unset = UNSET
        if not isinstance(self.cost, Unset):
            cost = self.cost.to_dict()

        provider: dict[str, Any] | Unset = UNSET
        if not isinstance(self.provider, Unset):
            provider = self.provider.to_dict()

        time_to_first_token: dict[str, Any] | Unset = UNSET
        if not isinstance(self.time_to_first_token, Unset):
            time_to_first_token = self.time_to_first_token.to_dict()

        status: dict[str, Any] | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.to_dict()

        request_created_at: dict[str, Any] | Unset = UNSET
        if not isinstance(self.request_created_at, Unset):
            request_created_at = self.request_created_at.to_dict()

        response_created_at: dict[str, Any] | Unset = UNSET
        if not isinstance(self.response_created_at, Unset):
            response_created_at = self.response_created_at.to_dict()

        model: dict[str, Any] | Unset = UNSET
        if not isinstance(self.model, Unset):
            model = self.model.to_dict()

        user_id: dict[str, Any] | Unset = UNSET
        if not isinstance(self.user_id, Unset):
            user_id = self.user_id.to_dict()

        organization_id: dict[str, Any] | Unset = UNSET
        if not isinstance(self.organization_id, Unset):
            organization_id = self.organization_id.to_dict()

        node_id: dict[str, Any] | Unset = UNSET
        if not isinstance(self.node_id, Unset):
            node_id = self.node_id.to_dict()

        job_id: dict[str, Any] | Unset = UNSET
        if not isinstance(self.job_id, Unset):
            job_id = self.job_id.to_dict()

        threat: dict[str, Any] | Unset = UNSET
        if not isinstance(self.threat, Unset):
            threat = self.threat.to_dict()

        request_id: dict[str, Any] | Unset = UNSET
        if not isinstance(self.request_id, Unset):
            request_id = self.request_id.to_dict()

        prompt_tokens: dict[str, Any] | Unset = UNSET
        if not isinstance(self.prompt_tokens, Unset):
            prompt_tokens = self.prompt_tokens.to_dict()

        completion_tokens: dict[str, Any] | Unset = UNSET
        if not isinstance(self.completion_tokens, Unset):
            completion_tokens = self.completion_tokens.to_dict()

        prompt_cache_read_tokens: dict[str, Any] | Unset = UNSET
        if not isinstance(self.prompt_cache_read_tokens, Unset):
            prompt_cache_read_tokens = self.prompt_cache_read_tokens.to_dict()

        prompt_cache_write_tokens: dict[str, Any] | Unset = UNSET
        if not isinstance(self.prompt_cache_write_tokens, Unset):
            prompt_cache_write_tokens = self.prompt_cache_write_tokens.to_dict()

        total_tokens: dict[str, Any] | Unset = UNSET
        if not isinstance(self.total_tokens, Unset):
            total_tokens = self.total_tokens.to_dict()

        target_url: dict[str, Any] | Unset = UNSET
        if not isinstance(self.target_url, Unset):
            target_url = self.target_url.to_dict()

        property_key: dict[str, Any] | Unset = UNSET
        if not isinstance(self.property_key, Unset):
            property_key = self.property_key.to_dict()

        properties: dict[str, Any] | Unset = UNSET
        if not isinstance(self.properties, Unset):
            properties = self.properties.to_dict()

        search_properties: dict[str, Any] | Unset = UNSET
        if not isinstance(self.search_properties, Unset):
            search_properties = self.search_properties.to_dict()

        scores: dict[str, Any] | Unset = UNSET
        if not isinstance(self.scores, Unset):
            scores = self.scores.to_dict()

        scores_column: dict[str, Any] | Unset = UNSET
        if not isinstance(self.scores_column, Unset):
            scores_column = self.scores_column.to_dict()

        request_body: dict[str, Any] | Unset = UNSET
        if not isinstance(self.request_body, Unset):
            request_body = self.request_body.to_dict()

        response_body: dict[str, Any] | Unset = UNSET
        if not isinstance(self.response_body, Unset):
            response_body = self.response_body.to_dict()

        cache_enabled: dict[str, Any] | Unset = UNSET
        if not isinstance(self.cache_enabled, Unset):
            cache_enabled = self.cache_enabled.to_dict()

        cache_reference_id: dict[str, Any] | Unset = UNSET
        if not isinstance(self.cache_reference_id, Unset):
            cache_reference_id = self.cache_reference_id.to_dict()

        cached: dict[str, Any] | Unset = UNSET
        if not isinstance(self.cached, Unset):
            cached = self.cached.to_dict()

        assets: dict[str, Any] | Unset = UNSET
        if not isinstance(self.assets, Unset):
            assets = self.assets.to_dict()

        helicone_score_feedback: dict[str, Any] | Unset = UNSET
        if not isinstance(self.helicone_score_feedback, Unset):
            helicone_score_feedback = self.helicone_score_feedback.to_dict()

        prompt_id: dict[str, Any] | Unset = UNSET
        if not isinstance(self.prompt_id, Unset):
            prompt_id = self.prompt_id.to_dict()

        prompt_version: dict[str, Any] | Unset = UNSET
        if not isinstance(self.prompt_version, Unset):
            prompt_version = self.prompt_version.to_dict()

        request_referrer: dict[str, Any] | Unset = UNSET
        if not isinstance(self.request_referrer, Unset):
            request_referrer = self.request_referrer.to_dict()

        is_passthrough_billing: dict[str, Any] | Unset = UNSET
        if not isinstance(self.is_passthrough_billing, Unset):
            is_passthrough_billing = self.is_passthrough_billing.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if country_code is not UNSET:
            field_dict["country_code"] = country_code
        if latency is not UNSET:
            field_dict["latency"] = latency
        if cost is not UNSET:
            field_dict["cost"] = cost
        if provider is not UNSET:
            field_dict["provider"] = provider
        if time_to_first_token is not UNSET:
            field_dict["time_to_first_token"] = time_to_first_token
        if status is not UNSET:
            field_dict["status"] = status
        if request_created_at is not UNSET:
            field_dict["request_created_at"] = request_created_at
        if response_created_at is not UNSET:
            field_dict["response_created_at"] = response_created_at
        if model is not UNSET:
            field_dict["model"] = model
        if user_id is not UNSET:
            field_dict["user_id"] = user_id
        if organization_id is not UNSET:
            field_dict["organization_id"] = organization_id
        if node_id is not UNSET:
            field_dict["node_id"] = node_id
        if job_id is not UNSET:
            field_dict["job_id"] = job_id
        if threat is not UNSET:
            field_dict["threat"] = threat
        if request_id is not UNSET:
            field_dict["request_id"] = request_id
        if prompt_tokens is not UNSET:
            field_dict["prompt_tokens"] = prompt_tokens
        if completion_tokens is not UNSET:
            field_dict["completion_tokens"] = completion_tokens
        if prompt_cache_read_tokens is not UNSET:
            field_dict["prompt_cache_read_tokens"] = prompt_cache_read_tokens
        if prompt_cache_write_tokens is not UNSET:
            field_dict["prompt_cache_write_tokens"] = prompt_cache_write_tokens
        if total_tokens is not UNSET:
            field_dict["total_tokens"] = total_tokens
        if target_url is not UNSET:
            field_dict["target_url"] = target_url
        if property_key is not UNSET:
            field_dict["property_key"] = property_key
        if properties is not UNSET:
            field_dict["properties"] = properties
        if search_properties is not UNSET:
            field_dict["search_properties"] = search_properties
        if scores is not UNSET:
            field_dict["scores"] = scores
        if scores_column is not UNSET:
            field_dict["scores_column"] = scores_column
        if request_body is not UNSET:
            field_dict["request_body"] = request_body
        if response_body is not UNSET:
            field_dict["response_body"] = response_body
        if cache_enabled is not UNSET:
            field_dict["cache_enabled"] = cache_enabled
        if cache_reference_id is not UNSET:
            field_dict["cache_reference_id"] = cache_reference_id
        if cached is not UNSET:
            field_dict["cached"] = cached
        if assets is not UNSET:
            field_dict["assets"] = assets
        if helicone_score_feedback is not UNSET:
            field_dict["helicone-score-feedback"] = helicone_score_feedback
        if prompt_id is not UNSET:
            field_dict["prompt_id"] = prompt_id
        if prompt_version is not UNSET:
            field_dict["prompt_version"] = prompt_version
        if request_referrer is not UNSET:
            field_dict["request_referrer"] = request_referrer
        if is_passthrough_billing is not UNSET:
            field_dict["is_passthrough_billing"] = is_passthrough_billing

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.partial_boolean_operators import PartialBooleanOperators
        from ..models.partial_number_operators import PartialNumberOperators
        from ..models.partial_request_response_rmt_to_operators_properties import (
            PartialRequestResponseRMTToOperatorsProperties,
        )
        from ..models.partial_request_response_rmt_to_operators_scores import (
            PartialRequestResponseRMTToOperatorsScores,
        )
        from ..models.partial_request_response_rmt_to_operators_search_properties import (
            PartialRequestResponseRMTToOperatorsSearchProperties,
        )
        from ..models.partial_text_operators import PartialTextOperators
        from ..models.partial_timestamp_operators_typed import (
            PartialTimestampOperatorsTyped,
        )
        from ..models.property_key_operators import PropertyKeyOperators

        d = dict(src_dict)
        _country_code = d.pop("country_code", UNSET)
        country_code: PartialTextOperators | Unset
        if isinstance(_country_code, Unset):
            country_code = UNSET
        else:
            country_code = PartialTextOperators.from_dict(_country_code)

        _latency = d.pop("latency", UNSET)
        latency: PartialNumberOperators | Unset
        if isinstance(_latency, Unset):
            latency = UNSET
        else:
            latency = PartialNumberOperators.from_dict(_latency)

        _cost = d.pop("cost", UNSET)
        cost: PartialNumberOperators | Unset
        if isinstance(_cost, Unset):
            cost = UNSET
        else:
            cost = PartialNumberOperators.from_dict(_cost)

        _provider = d.pop("provider", UNSET)
        provider: PartialTextOperators | Unset
        if isinstance(_provider, Unset):
            provider = UNSET
        else:
            provider = PartialTextOperators.from_dict(_provider)

        _time_to_first_token = d.pop("time_to_first_token", UNSET)
        time_to_first_token: PartialNumberOperators | Unset
        if isinstance(_time_to_first_token, Unset):
            time_to_first_token = UNSET
        else:
            time_to_first_token = PartialNumberOperators.from_dict(_time_to_first_token)

        _status = d.pop("status", UNSET)
        status: PartialNumberOperators | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = PartialNumberOperators.from_dict(_status)

        _request_created_at = d.pop("request_created_at", UNSET)
        request_created_at: PartialTimestampOperatorsTyped | Unset
        if isinstance(_request_created_at, Unset):
            request_created_at = UNSET
        else:
            request_created_at = PartialTimestampOperatorsTyped.from_dict(
                _request_created_at
            )

        _response_created_at = d.pop("response_created_at", UNSET)
        response_created_at: PartialTimestampOperatorsTyped | Unset
        if isinstance(_response_created_at, Unset):
            response_created_at = UNSET
        else:
            response_created_at = PartialTimestampOperatorsTyped.from_dict(
                _response_created_at
            )

        _model = d.pop("model", UNSET)
        model: PartialTextOperators | Unset
        if isinstance(_model, Unset):
            model = UNSET
        else:
            model = PartialTextOperators.from_dict(_model)

        _user_id = d.pop("user_id", UNSET)
        user_id: PartialTextOperators | Unset
        if isinstance(_user_id, Unset):
            user_id = UNSET
        else:
            user_id = PartialTextOperators.from_dict(_user_id)

        _organization_id = d.pop("organization_id", UNSET)
        organization_id: PartialTextOperators | Unset
        if isinstance(_organization_id, Unset):
            organization_id = UNSET
        else:
            organization_id = PartialTextOperators.from_dict(_organization_id)

        _node_id = d.pop("node_id", UNSET)
        node_id: PartialTextOperators | Unset
        if isinstance(_node_id, Unset):
            node_id = UNSET
        else:
            node_id = PartialTextOperators.from_dict(_node_id)

        _job_id = d.pop("job_id", UNSET)
        job_id: PartialTextOperators | Unset
        if isinstance(_job_id, Unset):
            job_id = UNSET
        else:
            job_id = PartialTextOperators.from_dict(_job_id)

        _threat = d.pop("threat", UNSET)
        threat: PartialBooleanOperators | Unset
        if isinstance(_threat, Unset):
            threat = UNSET
        else:
            threat = PartialBooleanOperators.from_dict(_threat)

        _request_id = d.pop("request_id", UNSET)
        request_id: PartialTextOperators | Unset
        if isinstance(_request_id, Unset):
            request_id = UNSET
        else:
            request_id = PartialTextOperators.from_dict(_request_id)

        _prompt_tokens = d.pop("prompt_tokens", UNSET)
        prompt_tokens: PartialNumberOperators | Unset
        if isinstance(_prompt_tokens, Unset):
            prompt_tokens = UNSET
        else:
            prompt_tokens = PartialNumberOperators.from_dict(_prompt_tokens)

        _completion_tokens = d.pop("completion_tokens", UNSET)
        completion_tokens: PartialNumberOperators | Unset
        if isinstance(_completion_tokens, Unset):
            completion_tokens = UNSET
        else:
            completion_tokens = PartialNumberOperators.from_dict(_completion_tokens)

        _prompt_cache_read_tokens = d.pop("prompt_cache_read_tokens", UNSET)
        prompt_cache_read_tokens: PartialNumberOperators | Unset
        if isinstance(_prompt_cache_read_tokens, Unset):
            prompt_cache_read_tokens = UNSET
        else:
            prompt_cache_read_tokens = PartialNumberOperators.from_dict(
                _prompt_cache_read_tokens
            )

        _prompt_cache_write_tokens = d.pop("prompt_cache_write_tokens", UNSET)
        prompt_cache_write_tokens: PartialNumberOperators | Unset
        if isinstance(_prompt_cache_write_tokens, Unset):
            prompt_cache_write_tokens = UNSET
        else:
            prompt_cache_write_tokens = PartialNumberOperators.from_dict(
                _prompt_cache_write_tokens
            )

        _total_tokens = d.pop("total_tokens", UNSET)
        total_tokens: PartialNumberOperators | Unset
        if isinstance(_total_tokens, Unset):
            total_tokens = UNSET
        else:
            total_tokens = PartialNumberOperators.from_dict(_total_tokens)

        _target_url = d.pop("target_url", UNSET)
        target_url: PartialTextOperators | Unset
        if isinstance(_target_url, Unset):
            target_url = UNSET
        else:
            target_url = PartialTextOperators.from_dict(_target_url)

        _property_key = d.pop("property_key", UNSET)
        property_key: PropertyKeyOperators | Unset
        if isinstance(_property_key, Unset):
            property_key = UNSET
        else:
            property_key = PropertyKeyOperators.from_dict(_property_key)

        _properties = d.pop("properties", UNSET)
        properties: PartialRequestResponseRMTToOperatorsProperties | Unset
        if isinstance(_properties, Unset):
            properties = UNSET
        else:
            properties = PartialRequestResponseRMTToOperatorsProperties.from_dict(
                _properties
            )

        _search_properties = d.pop("search_properties", UNSET)
        search_properties: PartialRequestResponseRMTToOperatorsSearchProperties | Unset
        if isinstance(_search_properties, Unset):
            search_properties = UNSET
        else:
            search_properties = (
                PartialRequestResponseRMTToOperatorsSearchProperties.from_dict(
                    _search_properties
                )
            )

        _scores = d.pop("scores", UNSET)
        scores: PartialRequestResponseRMTToOperatorsScores | Unset
        if isinstance(_scores, Unset):
            scores = UNSET
        else:
            scores = PartialRequestResponseRMTToOperatorsScores.from_dict(_scores)

        _scores_column = d.pop("scores_column", UNSET)
        scores_column: PartialTextOperators | Unset
        if isinstance(_scores_column, Unset):
            scores_column = UNSET
        else:
            scores_column = PartialTextOperators.from_dict(_scores_column)

        _request_body = d.pop("request_body", UNSET)
        request_body: PartialTextOperators | Unset
        if isinstance(_request_body, Unset):
            request_body = UNSET
        else:
            request_body = PartialTextOperators.from_dict(_request_body)

        _response_body = d.pop("response_body", UNSET)
        response_body: PartialTextOperators | Unset
        if isinstance(_response_body, Unset):
            response_body = UNSET
        else:
            response_body = PartialTextOperators.from_dict(_response_body)

        _cache_enabled = d.pop("cache_enabled", UNSET)
        cache_enabled: PartialBooleanOperators | Unset
        if isinstance(_cache_enabled, Unset):
            cache_enabled = UNSET
        else:
            cache_enabled = PartialBooleanOperators.from_dict(_cache_enabled)

        _cache_reference_id = d.pop("cache_reference_id", UNSET)
        cache_reference_id: PartialTextOperators | Unset
        if isinstance(_cache_reference_id, Unset):
            cache_reference_id = UNSET
        else:
            cache_reference_id = PartialTextOperators.from_dict(_cache_reference_id)

        _cached = d.pop("cached", UNSET)
        cached: PartialBooleanOperators | Unset
        if isinstance(_cached, Unset):
            cached = UNSET
        else:
            cached = PartialBooleanOperators.from_dict(_cached)

        _assets = d.pop("assets", UNSET)
        assets: PartialTextOperators | Unset
        if isinstance(_assets, Unset):
            assets = UNSET
        else:
            assets = PartialTextOperators.from_dict(_assets)

        _helicone_score_feedback = d.pop("helicone-score-feedback", UNSET)
        helicone_score_feedback: PartialBooleanOperators | Unset
        if isinstance(_helicone_score_feedback, Unset):
            helicone_score_feedback = UNSET
        else:
            helicone_score_feedback = PartialBooleanOperators.from_dict(
                _helicone_score_feedback
            )

        _prompt_id = d.pop("prompt_id", UNSET)
        prompt_id: PartialTextOperators | Unset
        if isinstance(_prompt_id, Unset):
            prompt_id = UNSET
        else:
            prompt_id = PartialTextOperators.from_dict(_prompt_id)

        _prompt_version = d.pop("prompt_version", UNSET)
        prompt_version: PartialTextOperators | Unset
        if isinstance(_prompt_version, Unset):
            prompt_version = UNSET
        else:
            prompt_version = PartialTextOperators.from_dict(_prompt_version)

        _request_referrer = d.pop("request_referrer", UNSET)
        request_referrer: PartialTextOperators | Unset
        if isinstance(_request_referrer, Unset):
            request_referrer = UNSET
        else:
            request_referrer = PartialTextOperators.from_dict(_request_referrer)

        _is_passthrough_billing = d.pop("is_passthrough_billing", UNSET)
        is_passthrough_billing: PartialBooleanOperators | Unset
        if isinstance(_is_passthrough_billing, Unset):
            is_passthrough_billing = UNSET
        else:
            is_passthrough_billing = PartialBooleanOperators.from_dict(
                _is_passthrough_billing
            )

        partial_request_response_rmt_to_operators = cls(
            country_code=country_code,
            latency=latency,
            cost=cost,
            provider=provider,
            time_to_first_token=time_to_first_token,
            status=status,
            request_created_at=request_created_at,
            response_created_at=response_created_at,
            model=model,
            user_id=user_id,
            organization_id=organization_id,
            node_id=node_id,
            job_id=job_id,
            threat=threat,
            request_id=request_id,
            prompt_tokens=prompt_tokens,
            completion_tokens=completion_tokens,
            prompt_cache_read_tokens=prompt_cache_read_tokens,
            prompt_cache_write_tokens=prompt_cache_write_tokens,
            total_tokens=total_tokens,
            target_url=target_url,
            property_key=property_key,
            properties=properties,
            search_properties=search_properties,
            scores=scores,
            scores_column=scores_column,
            request_body=request_body,
            response_body=response_body,
            cache_enabled=cache_enabled,
            cache_reference_id=cache_reference_id,
            cached=cached,
            assets=assets,
            helicone_score_feedback=helicone_score_feedback,
            prompt_id=prompt_id,
            prompt_version=prompt_version,
            request_referrer=request_referrer,
            is_passthrough_billing=is_passthrough_billing,
        )

        partial_request_response_rmt_to_operators.additional_properties = d
        return partial_request_response_rmt_to_operators

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
