"""The API contract of a spec, as a flat table, and the semver bump between two of them.

The contract is every schema, field, enum member and operation of the spec, each written as
``"<path>": "<type>"`` with descriptions and ordering left out. Comparing two contracts gives
the changes a user of the generated layer would notice: an entry removed or retyped breaks
them (major), an entry added does not (minor), and a spec change that touches neither
(wording, examples, servers) is a patch.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

Contract = dict[str, str]

BUMPS = ("patch", "minor", "major")


def _type_of(schema: Mapping[str, Any]) -> str:
    """A short, stable description of one schema's type, without descending into objects."""
    if "$ref" in schema:
        return "ref " + str(schema["$ref"]).rsplit("/", 1)[-1]
    parts: list[str] = []
    for combinator in ("anyOf", "oneOf", "allOf"):
        if combinator in schema:
            members = " | ".join(_type_of(m) for m in schema[combinator])
            parts.append(f"{combinator}[{members}]")
    kind = schema.get("type")
    if kind == "array":
        parts.append(f"array[{_type_of(schema.get('items', {}))}]")
    elif kind is not None:
        fmt = schema.get("format")
        parts.append(f"{kind}({fmt})" if fmt else str(kind))
    if "enum" in schema:
        parts.append("enum")
    if schema.get("nullable"):
        parts.append("nullable")
    if schema.get("additionalProperties") is False:
        parts.append("closed")
    return " ".join(parts) or "any"


def _walk(path: str, schema: Mapping[str, Any], out: Contract) -> None:
    out[path] = _type_of(schema)
    for value in schema.get("enum", ()):
        out[f"{path}[{value!r}]"] = "enum member"
    required = set(schema.get("required", ()))
    for name, prop in (schema.get("properties") or {}).items():
        suffix = " required" if name in required else ""
        _walk(f"{path}.{name}", prop, out)
        out[f"{path}.{name}"] += suffix
    extra = schema.get("additionalProperties")
    if isinstance(extra, Mapping):
        _walk(f"{path}.*", extra, out)
    if isinstance(schema.get("items"), Mapping) and "$ref" not in schema["items"]:
        _walk(f"{path}[]", schema["items"], out)
    for combinator in ("anyOf", "oneOf", "allOf"):
        for i, member in enumerate(schema.get(combinator, ())):
            if "$ref" not in member:
                _walk(f"{path}<{i}>", member, out)


def extract(spec: Mapping[str, Any]) -> Contract:
    """The contract of an OpenAPI document: schemas, fields, enum members and operations."""
    out: Contract = {}
    for name, schema in (spec.get("components", {}).get("schemas") or {}).items():
        _walk(f"schema {name}", schema, out)
    for route, item in (spec.get("paths") or {}).items():
        for method, op in item.items():
            if not isinstance(op, Mapping) or "responses" not in op:
                continue
            key = f"operation {method.upper()} {route}"
            body = op.get("requestBody", {}).get("content", {}).get("application/json", {})
            out[key] = _type_of(body.get("schema", {})) if body else "no body"
            for status, response in op["responses"].items():
                content = response.get("content", {}).get("application/json", {})
                out[f"{key} -> {status}"] = _type_of(content.get("schema", {}))
    return dict(sorted(out.items()))


@dataclasses.dataclass(frozen=True)
class Change:
    kind: str  # "added" | "removed" | "retyped"
    path: str
    old: str | None
    new: str | None

    @property
    def bump(self) -> str:
        return "minor" if self.kind == "added" else "major"

    def __str__(self) -> str:
        if self.kind == "added":
            return f"  + {self.path}: {self.new}  [minor]"
        if self.kind == "removed":
            return f"  - {self.path}: {self.old}  [major]"
        return f"  ~ {self.path}: {self.old} -> {self.new}  [major]"


def diff(old: Contract, new: Contract) -> list[Change]:
    changes = [Change("removed", p, old[p], None) for p in old if p not in new]
    changes += [Change("added", p, None, new[p]) for p in new if p not in old]
    changes += [Change("retyped", p, old[p], new[p]) for p in old if p in new and old[p] != new[p]]
    return sorted(changes, key=lambda c: (c.path, c.kind))


def implied_bump(changes: list[Change]) -> str:
    """major if anything was removed or retyped, minor if only additions, else patch."""
    return max((c.bump for c in changes), key=BUMPS.index, default="patch")


def bump_version(version: str, bump: str) -> str:
    try:
        major, minor, patch = (int(p) for p in version.split("."))
    except ValueError:
        raise ValueError(f"version {version!r} is not MAJOR.MINOR.PATCH") from None
    if bump == "major":
        return f"{major + 1}.0.0"
    if bump == "minor":
        return f"{major}.{minor + 1}.0"
    if bump == "patch":
        return f"{major}.{minor}.{patch + 1}"
    raise ValueError(f"unknown bump {bump!r}; expected one of {', '.join(BUMPS)}")
