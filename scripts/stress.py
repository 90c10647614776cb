#!/usr/bin/env python3
"""Generate EVERY operation of the vendored spec, to see that the pipeline scales to all of it.

    python scripts/stress.py [--json PATH] [--keep DIR]

The whole published spec, patched by openapi/patches.yaml and openapi/patches-whole-api.yaml
(no selection), goes through the same generators, options and templates as `nox -s regenerate`,
into a temporary directory. Prints seconds, files, operations generated and dropped (from
openapi-python-client's warnings, and any endpoint module missing or shared), schemas dropped,
and how long the whole generated client and the pydantic models take to import in a fresh
process. Exits 1 when anything was dropped. ``--json PATH`` also writes the figures as JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import overlay
import regenerate
import selection
import spec_io
import yaml
from openapi_python_client.strings import PythonIdentifier

ROOT = regenerate.ROOT
WHOLE_API_PATCHES = Path("openapi/patches-whole-api.yaml")
PACKAGE = "whole_api"
_DROPPED_OP = re.compile(r"WARNING parsing (\w+) (\S+) within .*Endpoint will not be generated")
_DROPPED_SCHEMA = re.compile(r"Unable to (?:process|parse) schema /components/schemas/([^\s:]+)")

IMPORT_PROBE = """
import importlib, pathlib, sys, time
root = pathlib.Path(sys.argv[1])
names = sorted(
    ".".join(p.relative_to(root).with_suffix("").parts)
    for p in (root / "{pkg}" / "client" / "api").rglob("*.py") if p.name != "__init__.py"
)
start = time.perf_counter()
for name in names:
    importlib.import_module(name)
importlib.import_module("{pkg}.client.models")
client = time.perf_counter() - start
start = time.perf_counter()
importlib.import_module("{pkg}.models")
print(len(names), client, time.perf_counter() - start)
"""


def whole_spec(root: Path) -> tuple[dict[str, Any], list[str]]:
    """The vendored spec with both overlays applied, and the overlay files used."""
    _, spec = spec_io.load(root / regenerate.SPEC_PATH)
    used = []
    for path in (regenerate.PATCHES_PATH, WHOLE_API_PATCHES):
        if (root / path).exists():
            spec = overlay.apply(spec, yaml.safe_load((root / path).read_text()), path.name)
            used.append(path.as_posix())
    return spec, used


def expected_modules(spec: dict[str, Any]) -> dict[str, list[str]]:
    """api/<tag>/<module>.py -> the operations that should be generated there."""
    out: dict[str, list[str]] = {}
    for route, method, op in selection.operations(spec):
        tag = (op.get("tags") or ["default"])[0]
        name = op.get("operationId") or f"{method}_{route}"
        module = f"{PythonIdentifier(tag, 'tag')}/{PythonIdentifier(name, 'field_')}.py"
        out.setdefault(module, []).append(f"{method.upper()} {route}")
    return out


def import_times(src: Path) -> tuple[int, float, float]:
    """(endpoint modules, seconds to import them all + the attrs models, seconds for models.py),
    measured in a fresh process after the bytecode is compiled."""
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(src)], check=True, capture_output=True
    )
    env = {**os.environ, "PYTHONPATH": str(src)}
    out = subprocess.run(
        [sys.executable, "-c", IMPORT_PROBE.format(pkg=PACKAGE), str(src)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return int(out[0]), float(out[1]), float(out[2])


def stress(root: Path, keep: Path | None) -> dict[str, Any]:
    regenerate.tool_versions(root)
    start = time.perf_counter()
    spec, overlays = whole_spec(root)
    ops = list(selection.operations(spec))
    with tempfile.TemporaryDirectory(prefix="helicone-stress-") as tmp:
        work = Path(keep) if keep else Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        spec_file = work / "spec.json"
        spec_file.write_bytes(spec_io.canonical(spec))
        logs = regenerate.run_all(regenerate.generator_commands(root, spec_file, work), work)
        src = work / "src"
        pkg = src / PACKAGE
        pkg.mkdir(parents=True, exist_ok=True)
        (pkg / "__init__.py").write_text("")
        (work / "client").rename(pkg / "client")
        for name in ("models.py", "shapes.py"):
            (work / name).rename(pkg / name)
        seconds = time.perf_counter() - start

        opc_log = logs["openapi-python-client"]
        warned = sorted({f"{m} {p}" for m, p in _DROPPED_OP.findall(opc_log)})
        schemas = sorted(set(_DROPPED_SCHEMA.findall(opc_log)))
        missing = []
        for module, owners in expected_modules(spec).items():
            if not (pkg / "client" / "api" / module).exists():
                missing.extend(owners)
            elif len(owners) > 1:  # one module written over by the other
                missing.extend(owners[1:])
        dropped = sorted(set(warned) | set(missing))
        files = sum(1 for p in pkg.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
        endpoints, import_client, import_models = import_times(src)
    return {
        "operations": len(ops),
        "generated": len(ops) - len(dropped),
        "dropped": len(dropped),
        "dropped_operations": dropped,
        "schemas": len(spec.get("components", {}).get("schemas", {})),
        "dropped_schemas": schemas,
        "seconds": round(seconds, 2),
        "files": files,
        "endpoint_modules": endpoints,
        "import_seconds_client": round(import_client, 3),
        "import_seconds_models": round(import_models, 3),
        "overlays": overlays,
        "generators": regenerate.tool_versions(root),
    }


def table(figures: dict[str, Any]) -> str:
    rows = [
        ("operations in the spec", figures["operations"]),
        ("operations generated", figures["generated"]),
        ("operations dropped", figures["dropped"]),
        ("schemas dropped", len(figures["dropped_schemas"])),
        ("generation, s (both generators + shapes)", figures["seconds"]),
        ("files generated", figures["files"]),
        ("import whole client (all endpoints + attrs models), s", figures["import_seconds_client"]),
        ("import pydantic models.py, s", figures["import_seconds_models"]),
    ]
    width = max(len(r[0]) for r in rows)
    lines = [f"{name:<{width}}  {value}" for name, value in rows]
    lines += [f"  dropped: {d}" for d in figures["dropped_operations"]]
    lines += [f"  dropped schema: {d}" for d in figures["dropped_schemas"]]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--json", type=Path, help="also write the figures as JSON here")
    parser.add_argument("--keep", type=Path, help="generate into this directory and keep it")
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    try:
        figures = stress(args.root, args.keep)
    except (regenerate.RegenError, overlay.OverlayError, spec_io.SpecError) as exc:
        print(f"stress: {exc}", file=sys.stderr)
        return 2
    print(table(figures))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n")
    return 1 if figures["dropped"] or figures["dropped_schemas"] else 0


if __name__ == "__main__":
    sys.exit(main())
