"""Request bodies checked as the server's tsoa layer checks them, with the generated models.

The generated pydantic models do the validation; this module adapts the two places where
pydantic and tsoa disagree, and turns pydantic's errors into tsoa's ``details``:

* tsoa rejects ``null`` where the schema has no ``nullable`` (pydantic's optional fields take
  ``None``), so ``null`` is replaced by a marker no type accepts;
* tsoa accepts any ISO-8601 time for a ``date-time`` (``2024-01-05``, no offset...) and nothing
  else, while pydantic's ``AwareDatetime`` wants an offset and also takes Unix timestamps: the
  times are checked here and handed to pydantic normalised, or as a marker it rejects;
* non-finite numbers (``"NaN"``) are refused, as JavaScript's number check does.
"""

from __future__ import annotations

import json
import math
from typing import Any

from pydantic import TypeAdapter, ValidationError

from ._sql import field_kinds
from ._timeparse import parse_iso8601

__all__ = [
    "MAX_FILTER_LEAVES",
    "MAX_NESTING",
    "Rejected",
    "check_filter_size",
    "crash",
    "nesting",
    "parse_json_body",
    "validate_body",
]

# The emulator's own bounds (the real server has none but its 50 MB body limit): deeper JSON
# overflows the validator's recursion, and more leaves make DuckDB plan for minutes.
MAX_NESTING = 200
MAX_FILTER_LEAVES = 10_000

_UNION_MESSAGE = "Could not match the union against any of the items. Issues: "
_ISO_MESSAGE = "invalid ISO 8601 datetime format, i.e. YYYY-MM-DDTHH:mm:ss"
_TOP_LEVEL_REQUIRED = ("filter", "timeFilter")
_TIME_FIELDS = ("request_created_at", "response_created_at")
_UNION_TAGS = {
    "FilterLeafSubsetRequestResponseRmt": "leaf",
    "EvalFilterBranch": "branch",
    "str-enum[EvalFilterAll]": "all",
}
_FLOAT = TypeAdapter(float)


class Rejected(Exception):
    """The request is refused before the query: ``status`` and the JSON ``body`` to answer."""

    def __init__(self, status: int, body: Any) -> None:
        super().__init__(status, body)
        self.status = status
        self.body = body


class _Null:
    """Stands for a JSON ``null``: no field type accepts it."""

    def __repr__(self) -> str:
        return "null"


class _BadTime:
    """Stands for a time tsoa would refuse; ``value`` is what was sent."""

    def __init__(self, value: Any) -> None:
        self.value = value

    def __repr__(self) -> str:
        return repr(self.value)


def crash(details: str = "Internal Server Error") -> Rejected:
    """The server's answer to an uncaught exception: 500, not the envelope."""
    return Rejected(500, {"message": "Internal Server Error", "details": details})


def parse_json_body(raw: bytes, content_type: str | None) -> Any:
    """The JSON body, or ``{}`` when it is not sent as JSON (Express's json parser skips it).

    Numbers are read as JavaScript reads them: an integer of more than 15 digits becomes a
    float (so ``1`` followed by 5,000 zeros is ``inf``, as ``JSON.parse`` gives ``Infinity``).
    Malformed JSON fails in Express's body parser, whose error reaches the server's catch-all
    handler: 500 ``Internal Server Error``.
    """
    media = (content_type or "").split(";")[0].strip().lower()
    if media != "application/json" and not media.endswith("+json"):
        return {}
    if not raw.strip():
        return {}
    try:
        body = json.loads(raw, parse_int=_js_int, parse_constant=_refuse_constant)
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:
        raise crash(f"Invalid JSON body: {exc}") from None
    depth = nesting(body)
    if depth > MAX_NESTING:
        raise crash(
            f"Emulator limit: the JSON body is nested {depth} levels deep; the emulator accepts "
            f"at most {MAX_NESTING} (a filter branch chain of about {MAX_NESTING - 5})"
        )
    return body


def _js_int(text: str) -> int | float:
    # Up to 15 digits a double holds the integer exactly; beyond, JavaScript rounds it.
    return int(text) if len(text.lstrip("-")) <= 15 else float(text)


def nesting(value: Any) -> int:
    """How deeply JSON containers nest in ``value`` (a scalar is 0), without recursion."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in children)
    return deepest


def check_filter_size(flt: Any) -> None:
    """Refuse a filter with more than ``MAX_FILTER_LEAVES`` leaves (500, the crash shape)."""
    leaves, stack = 0, [flt]
    while stack:
        node = stack.pop()
        if isinstance(node, dict) and "left" in node:
            stack.append(node.get("left"))
            stack.append(node.get("right"))
        else:
            leaves += 1
    if leaves > MAX_FILTER_LEAVES:
        raise crash(
            f"Emulator limit: the filter has {leaves} leaves; the emulator accepts at most "
            f"{MAX_FILTER_LEAVES}"
        )


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"Unexpected token {name!r} in JSON")


def _prepare(value: Any, parent: str | None = None) -> Any:
    if value is None:
        return _Null()
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for key, item in value.items():
            timed = parent == "request_response_rmt" and key in _TIME_FIELDS
            if timed and isinstance(item, dict):
                out[key] = {op: _prepare_time(v) for op, v in item.items()}
            else:
                out[key] = _prepare(item, key)
        return out
    if isinstance(value, list):
        return [_prepare(item) for item in value]
    return value


def _prepare_time(value: Any) -> Any:
    if isinstance(value, str):
        moment = parse_iso8601(value)
        if moment is not None:
            return moment.isoformat() + "+00:00"
    return _BadTime(value)


def _plain(value: Any) -> Any:
    """A value as JSON can show it (markers back to what was sent)."""
    if isinstance(value, _Null):
        return None
    if isinstance(value, _BadTime):
        return value.value
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _message(error: Any) -> str:
    kind = error["type"]
    name = error["loc"][-1] if error["loc"] else "requestBody"
    if isinstance(error.get("input"), _BadTime) or kind.startswith(("datetime", "timezone")):
        return _ISO_MESSAGE
    if kind == "missing":
        return f"'{name}' is required"
    if kind == "extra_forbidden":
        return f'"{name}" is an excess property and therefore is not allowed'
    if kind == "string_type":
        return "invalid string value"
    if kind in ("float_type", "float_parsing", "finite_number"):
        return "invalid float number"
    if kind in ("bool_type", "bool_parsing"):
        return "invalid boolean value"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return "invalid object"
    if kind in ("enum", "literal_error"):
        return f"should be one of the following; {error.get('ctx', {}).get('expected', '')}"
    return str(error["msg"])


def _entry(error: Any) -> dict[str, Any]:
    entry: dict[str, Any] = {"message": _message(error)}
    if error["type"] == "extra_forbidden" and len(error["loc"]) == 1:
        entry["value"] = error["loc"][0]  # tsoa's excess key of a model: the value is its name
    elif error["type"] != "missing":
        entry["value"] = _plain(error.get("input"))
    return entry


def _member(value: Any) -> str:
    if isinstance(value, dict):
        return "branch" if {"left", "right", "operator"} & set(value) else "leaf"
    return "all"


def _filter_path(loc: tuple[Any, ...], raw_filter: Any) -> tuple[Any, ...] | None:
    """The error's path inside the filter, or ``None`` if it is about a union member that
    does not fit the value sent (a branch's errors for a leaf, say)."""
    value, path = raw_filter, []
    for part in loc:
        if isinstance(part, str) and part in _UNION_TAGS:
            if _UNION_TAGS[part] != _member(value):
                return None
            continue
        path.append(part)
        value = value.get(part) if isinstance(value, dict) else None
    return tuple(path)


def _union_detail(errors: list[Any], raw_filter: Any, prefix: str) -> dict[str, Any]:
    issues: list[dict[str, Any]] = []
    chosen = [(e, _filter_path(tuple(e["loc"][1:]), raw_filter)) for e in errors]
    relevant = [(e, p) for e, p in chosen if p is not None]
    if not relevant:  # nothing fits (a number, a list...): report every member's complaint
        relevant = [
            (e, tuple(x for x in e["loc"][1:] if not (isinstance(x, str) and x in _UNION_TAGS)))
            for e in errors
        ]
    seen: set[str] = set()
    for error, path in relevant:
        key = ".".join([f"{prefix}.filter", *map(str, path or ())])
        if key in seen:
            continue
        seen.add(key)
        issues.append({key: _entry(error)})
    return {
        "message": _UNION_MESSAGE + json.dumps(issues, separators=(",", ":"), default=str),
        "value": _plain(raw_filter),
    }


def _details(exc: ValidationError, prepared: Any, prefix: str) -> dict[str, Any]:
    details: dict[str, Any] = {}
    filter_errors = []
    for error in exc.errors():
        loc = tuple(error["loc"])
        if loc and loc[0] == "filter" and not (len(loc) == 1 and error["type"] == "missing"):
            filter_errors.append(error)
            continue
        details[".".join([prefix, *map(str, loc)])] = _entry(error)
    if filter_errors:
        details[f"{prefix}.filter"] = _union_detail(filter_errors, prepared.get("filter"), prefix)
    return details


def _non_finite_numbers(body: dict[str, Any], prefix: str) -> dict[str, Any]:
    details: dict[str, Any] = {}
    for key in ("offset", "limit", "timeZoneDifference"):
        if key in body and not math.isfinite(_FLOAT.validate_python(body[key])):
            details[f"{prefix}.{key}"] = {"message": "invalid float number", "value": body[key]}
    bad: list[dict[str, Any]] = []

    def walk(node: Any, path: str) -> None:
        if not isinstance(node, dict):
            return
        if "left" in node:
            walk(node.get("left"), f"{path}.left")
            walk(node.get("right"), f"{path}.right")
            return
        fields = node.get("request_response_rmt") or {}
        kinds = field_kinds()
        for field, ops in fields.items():
            if kinds.get(field) != "number" or not isinstance(ops, dict):
                continue
            for op, value in ops.items():
                if not math.isfinite(_FLOAT.validate_python(value)):
                    key = f"{path}.request_response_rmt.{field}.{op}"
                    bad.append({key: {"message": "invalid float number", "value": value}})

    walk(body.get("filter"), f"{prefix}.filter")
    if bad:
        details[f"{prefix}.filter"] = {
            "message": _UNION_MESSAGE + json.dumps(bad, separators=(",", ":"), default=str),
            "value": body.get("filter"),
        }
    return details


def validate_body(body: Any, *, prefix: str = "requestBody") -> dict[str, Any]:
    """The body itself (raw JSON, key order kept) if it is valid; else ``Rejected`` (422).

    ``prefix`` is the controller's name for the body, which starts every ``details`` key
    (``requestBody`` for score distributions, ``evalQueryParams`` for QueryEvals).
    """
    from helicone_evals_generated.models import EvalQueryParams

    if not isinstance(body, dict):
        raise Rejected(
            422,
            {
                "message": "Validation Failed",
                "details": {prefix: {"message": "invalid object", "value": body}},
            },
        )
    # A null required field reads as missing, as in tsoa.
    body_for_check = {k: v for k, v in body.items() if not (k in _TOP_LEVEL_REQUIRED and v is None)}
    prepared = _prepare(body_for_check)
    try:
        EvalQueryParams.model_validate(prepared)
    except ValidationError as exc:
        raise Rejected(
            422, {"message": "Validation Failed", "details": _details(exc, prepared, prefix)}
        ) from None
    details = _non_finite_numbers(body, prefix)
    if details:
        raise Rejected(422, {"message": "Validation Failed", "details": details})
    return body
