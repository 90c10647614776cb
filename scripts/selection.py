"""The operations the SDK ships (openapi/selection.toml) and the spec pruned down to them."""

from __future__ import annotations

import copy
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

# The pruned spec records the selection's order here, for the emitters (generators ignore x-*).
ORDER_KEY = "x-helicone-evals-selection"
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


class SelectionError(Exception):
    """The selection file is malformed or names an operation the spec does not have."""


def load(path: Path) -> list[str]:
    """The operationIds listed in a selection file, in its order."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise SelectionError(f"cannot read {path}: {exc}") from None
    ops = data.get("operations")
    if not isinstance(ops, list) or not ops or not all(isinstance(o, str) for o in ops):
        raise SelectionError(f"{path}: 'operations' must be a non-empty list of operationIds")
    duplicates = sorted({o for o in ops if ops.count(o) > 1})
    if duplicates:
        raise SelectionError(f"{path}: listed twice: {', '.join(duplicates)}")
    return list(ops)


def operations(spec: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(path, method, operation) for every operation of the spec, in document order."""
    for route, item in (spec.get("paths") or {}).items():
        for method in item:
            if method in METHODS and isinstance(item[method], dict):
                yield route, method, item[method]


def _refs(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str):
            yield ref
        for value in node.values():
            yield from _refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _refs(value)


def check_known(spec: dict[str, Any], selected: list[str]) -> None:
    """Raise SelectionError naming every selected operationId the spec does not have."""
    known = {str(op.get("operationId")) for _, _, op in operations(spec)}
    unknown = [o for o in selected if o not in known]
    if unknown:
        raise SelectionError(
            "unknown operationId in openapi/selection.toml: "
            + ", ".join(unknown)
            + " (not an operation of the spec)"
        )


def prune(spec: dict[str, Any], selected: list[str]) -> dict[str, Any]:
    """The spec with only the selected operations and the components they reach.

    Paths and components keep their document order. An operationId the spec does not have, or
    has twice, raises SelectionError naming it.
    """
    found: dict[str, list[tuple[str, str]]] = {}
    for route, method, op in operations(spec):
        found.setdefault(str(op.get("operationId")), []).append((route, method))
    check_known(spec, selected)
    twice = [o for o in selected if len(found[o]) > 1]
    if twice:
        raise SelectionError("operationId used by several operations: " + ", ".join(twice))
    keep = {found[o][0] for o in selected}

    paths: dict[str, Any] = {}
    for route, item in spec["paths"].items():
        kept = {
            key: copy.deepcopy(value)
            for key, value in item.items()
            if key not in METHODS or (route, key) in keep
        }
        if any(m in kept for m in METHODS):
            paths[route] = kept

    # Follow $refs from the kept operations (and the security schemes they name) to a fixpoint.
    components = spec.get("components") or {}
    reached: set[tuple[str, str]] = set()
    todo = list(_refs(paths))
    security = {
        name
        for _, _, op in operations({"paths": paths})
        for requirement in op.get("security", spec.get("security", []))
        for name in requirement
    }
    while todo:
        ref = todo.pop()
        parts = ref.split("/")
        if len(parts) != 4 or parts[:2] != ["#", "components"]:
            raise SelectionError(f"unsupported $ref {ref!r} (only #/components/<kind>/<name>)")
        key = (parts[2], parts[3].replace("~1", "/").replace("~0", "~"))
        if key in reached:
            continue
        if key[1] not in components.get(key[0], {}):
            raise SelectionError(f"$ref {ref!r} points to nothing in the spec")
        reached.add(key)
        todo.extend(_refs(components[key[0]][key[1]]))
    pruned_components: dict[str, Any] = {}
    for kind, entries in components.items():
        names = [
            n
            for n in entries
            if (kind, n) in reached or (kind == "securitySchemes" and n in security)
        ]
        if names:
            pruned_components[kind] = {n: copy.deepcopy(entries[n]) for n in names}

    out = {k: copy.deepcopy(v) for k, v in spec.items() if k not in ("paths", "components")}
    used_tags = {t for _, _, op in operations({"paths": paths}) for t in op.get("tags", [])}
    if "tags" in out:
        out["tags"] = [t for t in out["tags"] if t.get("name") in used_tags]
    out["paths"] = paths
    out["components"] = pruned_components
    out[ORDER_KEY] = list(selected)
    return out
