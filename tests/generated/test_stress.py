"""The whole-API overlay that `nox -s stress` applies before generating every operation."""

from __future__ import annotations

from pathlib import Path

import selection
import stress

ROOT = Path(__file__).resolve().parents[2]


def test_the_whole_api_overlay_leaves_one_module_per_operation() -> None:
    spec, overlays = stress.whole_spec(ROOT)
    assert overlays == ["openapi/patches.yaml", "openapi/patches-whole-api.yaml"]
    ops = [op["operationId"] for _, _, op in selection.operations(spec)]
    assert len(ops) == 267
    assert len(set(ops)) == len(ops), "an operationId is still used twice"
    modules = stress.expected_modules(spec)
    assert sum(len(owners) for owners in modules.values()) == 267
    assert all(len(owners) == 1 for owners in modules.values())


def test_the_table_names_what_was_dropped() -> None:
    figures = {
        "operations": 3,
        "generated": 2,
        "dropped": 1,
        "dropped_operations": ["POST /v1/x"],
        "dropped_schemas": ["Json"],
        "seconds": 1.5,
        "files": 10,
        "import_seconds_client": 0.2,
        "import_seconds_models": 0.1,
    }
    text = stress.table(figures)
    assert "operations dropped" in text
    assert "dropped: POST /v1/x" in text
    assert "dropped schema: Json" in text
