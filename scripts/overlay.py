"""Applying an OpenAPI Overlay 1.0 document (https://spec.openapis.org/overlay/v1.0.0) in memory.

Each action's ``target`` is an RFC 9535 JSONPath (evaluated with ``jsonpath-rfc9535``). Actions
run in order: ``remove: true`` deletes every node the target selects; ``update`` is merged into
every selected node (objects recursively, arrays appended, anything else replaced). A target
that selects nothing is an error here, so a patch that stopped applying upstream is noticed.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

import jsonpath_rfc9535


class OverlayError(Exception):
    """The overlay is malformed or one of its actions does not apply; the message says which."""


def check(overlay: Any, source: str) -> list[dict[str, Any]]:
    """The actions of an overlay document, after checking its outline."""
    if not isinstance(overlay, Mapping) or not str(overlay.get("overlay", "")).startswith("1."):
        raise OverlayError(f"{source}: not an Overlay 1.x document (needs 'overlay: 1.0.0')")
    info = overlay.get("info")
    if not isinstance(info, Mapping) or "title" not in info or "version" not in info:
        raise OverlayError(f"{source}: 'info' needs a title and a version")
    actions = overlay.get("actions")
    if not isinstance(actions, list) or not actions:
        raise OverlayError(f"{source}: 'actions' must be a non-empty list")
    for i, action in enumerate(actions):
        if not isinstance(action, Mapping) or not isinstance(action.get("target"), str):
            raise OverlayError(f"{source}: action {i} needs a 'target' JSONPath")
        if ("update" in action) == bool(action.get("remove")):
            raise OverlayError(
                f"{source}: action {i} ({action['target']}) needs exactly one of"
                " 'update' or 'remove: true'"
            )
    return [dict(a) for a in actions]


def merge(node: Any, update: Any) -> Any:
    """``update`` merged into ``node`` as the Overlay spec says; returns the merged value."""
    if isinstance(node, dict) and isinstance(update, Mapping):
        for key, value in update.items():
            node[key] = merge(node[key], value) if key in node else copy.deepcopy(value)
        return node
    if isinstance(node, list) and isinstance(update, list):
        node.extend(copy.deepcopy(update))
        return node
    return copy.deepcopy(update)


def _depth_then_index(node: Any) -> tuple[int, int]:
    location = node.location
    return len(location), (location[-1] if location and isinstance(location[-1], int) else -1)


def apply(document: dict[str, Any], overlay: Any, source: str = "overlay") -> dict[str, Any]:
    """A patched deep copy of ``document``; raises OverlayError naming a target that misses."""
    doc = copy.deepcopy(document)
    for i, action in enumerate(check(overlay, source)):
        target = action["target"]
        try:
            nodes = jsonpath_rfc9535.find(target, doc)
        except jsonpath_rfc9535.JSONPathError as exc:
            raise OverlayError(f"{source}: action {i}: bad target {target!r}: {exc}") from None
        if not nodes:
            raise OverlayError(f"{source}: action {i}: target {target!r} selects nothing")
        # Deepest and last first, so removing one node never shifts another's location.
        for node in sorted(nodes, key=_depth_then_index, reverse=True):
            if not node.location:
                doc = merge(doc, action["update"]) if "update" in action else {}
                continue
            *parents, last = node.location
            parent: Any = doc
            for key in parents:
                parent = parent[key]
            if action.get("remove"):
                del parent[last]
            else:
                parent[last] = merge(parent[last], action["update"])
    return doc
