#!/usr/bin/env python3
"""Regenerate generated/ from the vendored spec with the pinned generators.

    python scripts/regenerate.py           # rewrite generated/, bump its version, re-pin wrapper/
    python scripts/regenerate.py --check   # regenerate into a temp dir; exit 1 with a diff if
                                           # generated/, its version, the pin or the manifest differ

Run it through nox (`nox -s regenerate`, `nox -s regen_check`), which installs the exact tools
locked in requirements/regen.txt; run directly, it refuses other tool versions.

The pipeline, all in memory until the output is written:
1. openapi/helicone-public-api.json (Helicone's published spec, byte for byte) is patched by the
   Overlay openapi/patches.yaml, pruned to the operationIds of openapi/selection.toml and the
   components they reach, and that subset is validated (defects elsewhere do not matter);
2. openapi-python-client (custom templates in scripts/templates/) writes the raw client,
   datamodel-code-generator writes the pydantic models (models.py) and TypedDicts (shapes.py);
3. every scripts/emit_*.py module's ``emit(spec) -> {relative path: text}`` writes its tables;
4. contract.json (the contract of the subset), manifest.json, pyproject.toml, README.md.
Every file carries a generated/do-not-edit notice. Output depends only on the inputs and the
pinned tools: no timestamps, caches or absolute paths.
"""

from __future__ import annotations

import argparse
import ast
import copy
import difflib
import hashlib
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from importlib import metadata
from pathlib import Path
from types import ModuleType
from typing import Any

import contract
import selection
import spec_io
import yaml

ROOT = Path(__file__).resolve().parent.parent
SPEC_PATH = Path("openapi/helicone-public-api.json")
SELECTION_PATH = Path("openapi/selection.toml")
PATCHES_PATH = Path("openapi/patches.yaml")
TEMPLATES = Path("scripts/templates")
EMITTERS = "scripts/emit_*.py"
GENERATED = Path("generated")
WRAPPER_PYPROJECT = Path("wrapper/pyproject.toml")
LOCK = Path("requirements/regen.txt")
PACKAGE = "helicone_evals_generated"
DISTRIBUTION = "helicone-evals-generated"
INITIAL_VERSION = "1.0.0"
# Tools whose versions shape the committed output; each must match the lock exactly.
TOOLS = (
    "openapi-python-client",
    "datamodel-code-generator",
    "ruff",
    "pydantic",
    "black",
    "isort",
    "jsonpath-rfc9535",
)
# Files that carry the version; left out of the output fingerprint so that a version bump alone
# does not look like new output.
VERSIONED = ("pyproject.toml", "manifest.json", "README.md", f"src/{PACKAGE}/__init__.py")
PIN = re.compile(rf'"{DISTRIBUTION}==(?P<version>[^"]+)"')

OPC_CONFIG: dict[str, Any] = {
    # A schema's title (given by the patches where upstream has none) is its class name as
    # written, not prefixed with its parent's: TimeFilter, not EvalQueryParamsTimeFilter.
    "use_path_prefixes_for_title_model_names": False,
    # Enums ignore that option, so the one titled enum keeps a rename.
    "class_overrides": {
        "EvalFilterBranchEvalFilterBranchOperator": {
            "class_name": "EvalFilterBranchOperator",
            "module_name": "eval_filter_branch_operator",
        }
    },
}
OPC_POST_HOOKS = (
    "ruff check --isolated --no-cache --fix-only --extend-select=I .",
    "ruff format --isolated --no-cache .",
)
_DMC_COMMON = (
    "--input-file-type=openapi",
    "--target-python-version=3.11",
    # Dotted schema names are names, not modules (else: class String, Pick_FilterLeaf.py).
    "--no-treat-dot-as-module",
    # `enum: [null]` becomes a plain None field instead of colliding RootModel classes.
    "--collapse-root-models",
    # `nullable: true` on a required field (Eval.averageScore) admits null.
    "--strict-nullable",
    "--use-title-as-name",
    "--use-standard-collections",
    "--use-union-operator",
    "--disable-timestamp",
)
DMC_OPTIONS = (
    *_DMC_COMMON,
    "--output-model-type=pydantic_v2.BaseModel",
    # Hyphenated fields round-trip by Python name and by alias (else not_equals=1 is dropped).
    "--allow-population-by-field-name",
    # Extra keys are rejected, as the real server does; stops a filter validating as {}.
    "--extra-fields=forbid",
    "--snake-case-field",
    "--use-annotated",
    "--field-constraints",
    "--formatters",
    "ruff-format",
    "ruff-check",
)
# shapes.py: TypedDicts keyed by the wire names, for the wrapper's fast response parser.
DMC_SHAPES_OPTIONS = (
    *_DMC_COMMON,
    "--output-model-type=typing.TypedDict",
    "--formatters",
    "ruff-format",
    "ruff-check",
)


class RegenError(Exception):
    pass


def header(made_by: str) -> str:
    return (
        f"# Generated from {SPEC_PATH} ({SELECTION_PATH}, {PATCHES_PATH}) by {made_by}.\n"
        "# DO NOT EDIT: change the spec, selection, patches or generator options and run"
        " `nox -s regenerate`.\n"
    )


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def locked_versions(root: Path) -> dict[str, str]:
    pins: dict[str, str] = {}
    for line in (root / LOCK).read_text().splitlines():
        m = re.match(r"^([A-Za-z0-9_.-]+)==([^\s;]+)", line)
        if m:
            pins[m.group(1).lower().replace("_", "-")] = m.group(2)
    return pins


def tool_versions(root: Path) -> dict[str, str]:
    """Installed versions of the tools, refusing any that differ from the lock."""
    locked = locked_versions(root)
    found: dict[str, str] = {}
    wrong: list[str] = []
    for tool in TOOLS:
        want = locked.get(tool)
        try:
            have = metadata.version(tool)
        except metadata.PackageNotFoundError:
            have = "not installed"
        if want is None:
            raise RegenError(f"{tool} is not pinned in {LOCK}")
        if have != want:
            wrong.append(f"{tool} {have} (locked: {want})")
        found[tool] = want
    if wrong:
        raise RegenError(
            "the generators must be the locked versions for byte-identical output; found "
            + "; ".join(wrong)
            + f". Run `nox -s regenerate`, or `pip install -r {LOCK}`."
        )
    return found


def selected_spec(root: Path) -> tuple[bytes, dict[str, Any]]:
    """The vendored spec's bytes, and the patched, pruned, validated subset of it."""
    try:
        data, spec = spec_io.load(root / SPEC_PATH)
        return data, spec_io.subset(spec, root / SELECTION_PATH, root / PATCHES_PATH)
    except FileNotFoundError as exc:
        raise RegenError(f"missing {exc.filename}") from None
    except spec_io.SpecError as exc:
        raise RegenError(str(exc)) from None


def bin_path(name: str) -> str:
    if name == "ruff":
        from ruff.__main__ import find_ruff_bin

        return str(find_ruff_bin())
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if not found:
        raise RegenError(f"{name} not found next to {sys.executable}")
    return found


def run_all(commands: dict[str, list[str]], cwd: Path) -> dict[str, str]:
    """Run the commands side by side; their stderr by name, or RegenError naming a failure."""
    env = {**os.environ, "PYTHONHASHSEED": "0", "NO_COLOR": "1"}
    procs = {
        name: subprocess.Popen(
            cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for name, cmd in commands.items()
    }
    failed: list[str] = []
    out: dict[str, str] = {}
    for name, proc in procs.items():
        stdout, stderr = proc.communicate()
        out[name] = stdout + stderr
        if proc.returncode != 0:
            failed.append(f"{name} failed:\n{stdout}\n{stderr}")
    if failed:
        raise RegenError("\n".join(failed))
    return out


def generator_commands(root: Path, spec_file: Path, work: Path) -> dict[str, list[str]]:
    ruff = bin_path("ruff")
    # Call ruff by path: `python -m ruff` in the output dir would import its types.py.
    config = {**OPC_CONFIG, "post_hooks": [h.replace("ruff", ruff, 1) for h in OPC_POST_HOOKS]}
    (work / "opc.json").write_text(json.dumps(config))
    dmc = bin_path("datamodel-codegen")
    return {
        "openapi-python-client": [
            bin_path("openapi-python-client"),
            "generate",
            f"--path={spec_file}",
            "--meta=none",
            f"--output-path={work / 'client'}",
            f"--config={work / 'opc.json'}",
            f"--custom-template-path={root / TEMPLATES}",
        ],
        # cwd=work has no pyproject.toml, so no [tool.datamodel-codegen] is picked up.
        "datamodel-code-generator (models)": [
            dmc,
            f"--input={spec_file}",
            f"--output={work / 'models.py'}",
            *DMC_OPTIONS,
        ],
        "datamodel-code-generator (shapes)": [
            dmc,
            f"--input={spec_file}",
            f"--output={work / 'shapes.py'}",
            *DMC_SHAPES_OPTIONS,
        ],
    }


def copy_with_header(src: Path, dest: Path, note: str) -> None:
    text = src.read_text(encoding="utf-8")
    if src.suffix == ".py":
        # datamodel-code-generator's own header names the temp file; ours replaces it.
        if text.startswith("# generated by datamodel-codegen:"):
            text = re.sub(r"\A(#[^\n]*\n)+\n?", "", text)
        text = note + text
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text(text, encoding="utf-8")


def load_emitters(root: Path) -> dict[str, ModuleType]:
    """Every scripts/emit_*.py module of the project, by file name, in name order."""
    scripts = str(root / "scripts")
    if scripts not in sys.path:
        sys.path.insert(0, scripts)
    modules: dict[str, ModuleType] = {}
    for path in sorted(root.glob(EMITTERS)):
        spec = importlib.util.spec_from_file_location(path.stem, path)
        if spec is None or spec.loader is None:
            raise RegenError(f"cannot load the emitter {path.name}")
        module = importlib.util.module_from_spec(spec)
        sys.modules[path.stem] = module
        spec.loader.exec_module(module)
        if not callable(getattr(module, "emit", None)):
            raise RegenError(f"{path.name} has no emit(spec) function")
        modules[path.name] = module
    return modules


def run_emitters(
    emitters: dict[str, ModuleType], spec: dict[str, Any], pkg: Path, ruff: str
) -> list[Path]:
    written: list[Path] = []
    for name, module in emitters.items():
        try:
            files = module.emit(copy.deepcopy(spec))
        except Exception as exc:
            raise RegenError(f"{name}: {type(exc).__name__}: {exc}") from exc
        if not isinstance(files, dict):
            raise RegenError(f"{name}: emit() must return a dict of relative path -> text")
        for rel, text in sorted(files.items()):
            target = pkg / rel
            if Path(rel).is_absolute() or ".." in Path(rel).parts or not rel.endswith(".py"):
                raise RegenError(f"{name}: {rel!r} is not a relative .py path")
            if target.exists():
                raise RegenError(f"{name}: {rel} would overwrite another generator's output")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(header(f"scripts/{name}") + text, encoding="utf-8")
            written.append(target)
    if written:
        proc = subprocess.run(
            [ruff, "format", "--isolated", "--no-cache", "--quiet", *map(str, written)],
            capture_output=True,
            text=True,
        )
        if proc.returncode != 0:
            raise RegenError(f"an emitter wrote code ruff cannot format:\n{proc.stderr}")
    return written


def top_level_names(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
    return names


def check_operations(emitters: dict[str, ModuleType], spec: dict[str, Any], src: Path) -> None:
    """Every shape and endpoint module operations.py names exists in the generated output."""
    module = emitters.get("emit_operations.py")
    if module is None:
        return
    shapes = top_level_names(src / PACKAGE / "shapes.py")
    for op in module.describe(spec):
        named = [op.request_schema, op.success_shape, *op.error_shapes.values()]
        missing = [n for n in named if n is not None and n not in shapes]
        if missing:
            raise RegenError(f"{op.operation_id}: shapes.py has no {', '.join(missing)}")
        endpoint = src / Path(*op.module.split(".")).with_suffix(".py")
        if not endpoint.exists():
            raise RegenError(f"{op.operation_id}: {op.module} was not generated")


def is_cache(rel: Path) -> bool:
    return any(part == "__pycache__" or part.startswith(".") for part in rel.parts)


def fingerprint(tree: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(p for p in tree.rglob("*") if p.is_file()):
        rel = path.relative_to(tree).as_posix()
        if rel in VERSIONED:
            continue
        h.update(rel.encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text())
    except FileNotFoundError:
        return None
    except json.JSONDecodeError as exc:
        raise RegenError(f"{path} is not valid JSON ({exc}); restore it from git") from None


def dump_json(data: Any) -> str:
    return json.dumps(data, indent=2, sort_keys=False) + "\n"


def operation_lines(spec: dict[str, Any]) -> list[str]:
    found = {
        str(op.get("operationId")): f"{method.upper()} {route}"
        for route, method, op in selection.operations(spec)
    }
    return [f"`{o}` ({found[o]})" for o in spec[selection.ORDER_KEY]]


def write_package_files(
    stage: Path, version: str, spec: dict[str, Any], versions: dict[str, str]
) -> None:
    pkg = stage / "src" / PACKAGE
    note = header("scripts/regenerate.py")
    ops = operation_lines(spec)
    bullet_ops = "\n".join(f"  - {o}" for o in ops)
    (pkg / "__init__.py").write_text(
        note
        + f'''"""Code generated from Helicone's public API spec, for the operations we ship:

{bullet_ops}

- ``{PACKAGE}.client``: the raw HTTP client (openapi-python-client): ``Client``,
  ``AuthenticatedClient``, attrs models, and one module per operation under ``client.api``
  with ``sync``/``sync_detailed``/``asyncio``/``asyncio_detailed`` plus ``build_request``,
  ``sync_raw`` and ``asyncio_raw`` (pre-encoded body in, plain ``httpx.Response`` out; they
  never import the attrs models);
- ``{PACKAGE}.models``: pydantic v2 models of the same schemas (datamodel-code-generator);
- ``{PACKAGE}.shapes``: TypedDicts of the same schemas, keyed by the wire names;
- ``{PACKAGE}.operations`` and the other tables: what the wrapper needs to know about the spec.

Nothing is imported here, so importing this package costs nothing until a part is used.
"""

__version__ = "{version}"
'''
    )
    (stage / "pyproject.toml").write_text(
        note
        + f"""[build-system]
requires = ["hatchling>=1.24"]
build-backend = "hatchling.build"

[project]
name = "{DISTRIBUTION}"
version = "{version}"
description = "Generated client, models and tables for Helicone's evals and scores API"
readme = "README.md"
requires-python = ">=3.11"
license = "MIT"
dependencies = [
    "attrs>=22.2",
    "httpx>=0.23,<0.29",
    "pydantic>=2.7,<3",
    "typing-extensions>=4.13",
]

[tool.hatch.build.targets.wheel]
packages = ["src/{PACKAGE}"]
"""
    )
    md_ops = "\n".join(f"- {o}" for o in ops)
    (stage / "README.md").write_text(
        f"""<!-- Generated by scripts/regenerate.py. DO NOT EDIT. -->
# {DISTRIBUTION} {version}

Code generated from Helicone's published API spec (`{SPEC_PATH}`), pruned to the operations
listed in `{SELECTION_PATH}` and corrected by the declared patches in `{PATCHES_PATH}`:

{md_ops}

Apps normally use `helicone-evals`, which pins this distribution exactly; pin it yourself to
use the raw layer:

- `{PACKAGE}.client`: openapi-python-client {versions["openapi-python-client"]}
- `{PACKAGE}.models` (pydantic) and `{PACKAGE}.shapes` (TypedDict):
  datamodel-code-generator {versions["datamodel-code-generator"]}
- `{PACKAGE}.operations` and the other tables: `scripts/emit_*.py`

Never edit these files: change the selection, the patches or the options and run
`nox -s regenerate`. `manifest.json` records how this was made (with the sha256 of each input).
"""
    )


def build(root: Path, stage: Path) -> tuple[str, list[contract.Change], str]:
    """Generate everything into ``stage``; return (version, contract changes, old version)."""
    versions = tool_versions(root)
    spec_bytes, spec = selected_spec(root)
    emitters = load_emitters(root)
    pkg = stage / "src" / PACKAGE
    with tempfile.TemporaryDirectory(prefix="helicone-regen-") as tmp:
        work = Path(tmp)
        spec_file = work / "spec.json"
        spec_file.write_bytes(spec_io.canonical(spec))
        run_all(generator_commands(root, spec_file, work), cwd=work)
        out = work / "client"
        note = header(f"openapi-python-client {versions['openapi-python-client']}")
        for src in sorted(out.rglob("*")):
            if src.is_file() and not is_cache(src.relative_to(out)):
                copy_with_header(src, pkg / "client" / src.relative_to(out), note)
        note = header(f"datamodel-code-generator {versions['datamodel-code-generator']}")
        copy_with_header(work / "models.py", pkg / "models.py", note)
        copy_with_header(work / "shapes.py", pkg / "shapes.py", note)
    run_emitters(emitters, spec, pkg, bin_path("ruff"))
    check_operations(emitters, spec, stage / "src")
    # PEP 561 marker; type checkers read it only for the word "partial".
    (pkg / "py.typed").write_text(header("scripts/regenerate.py"))

    new_contract = contract.extract(spec)
    (stage / "contract.json").write_text(
        dump_json({"_note": "Generated by scripts/regenerate.py. DO NOT EDIT.", **new_contract})
    )
    output_sha = fingerprint(stage)

    old_manifest = read_json(root / GENERATED / "manifest.json") or {}
    old_contract = read_json(root / GENERATED / "contract.json") or {}
    old_contract.pop("_note", None)
    old_version = old_manifest.get("version")
    changes = contract.diff(old_contract, new_contract) if old_contract else []
    if not old_version:
        version = INITIAL_VERSION
    elif not changes and old_manifest.get("output_sha256") == output_sha:
        # Same contract, same files: an upstream change outside the selection is no release.
        version = old_version
    else:
        version = contract.bump_version(old_version, contract.implied_bump(changes))

    write_package_files(stage, version, spec, versions)
    patches_bytes = (root / PATCHES_PATH).read_bytes()
    manifest = {
        "_note": "Generated by scripts/regenerate.py. DO NOT EDIT.",
        "distribution": DISTRIBUTION,
        "version": version,
        "spec": {"file": SPEC_PATH.as_posix(), "sha256": sha256(spec_bytes)},
        "selection": {
            "file": SELECTION_PATH.as_posix(),
            "sha256": sha256((root / SELECTION_PATH).read_bytes()),
            "operations": spec[selection.ORDER_KEY],
        },
        "patches": {
            "file": PATCHES_PATH.as_posix(),
            "sha256": sha256(patches_bytes),
            "format": "OpenAPI Overlay 1.0",
            "targets": patch_targets(patches_bytes),
        },
        "subset_sha256": sha256(spec_io.canonical(spec)),
        "output_sha256": output_sha,
        "tools": versions,
        "lock": {"file": LOCK.as_posix(), "sha256": sha256((root / LOCK).read_bytes())},
        "options": {
            "openapi-python-client": {
                "args": ["generate", "--meta=none", f"--custom-template-path={TEMPLATES}"],
                "config": OPC_CONFIG,
                "post_hooks": list(OPC_POST_HOOKS),
                "templates": {
                    p.relative_to(root).as_posix(): sha256(p.read_bytes())
                    for p in sorted((root / TEMPLATES).rglob("*.jinja"))
                },
            },
            "datamodel-code-generator": {
                "models.py": list(DMC_OPTIONS),
                "shapes.py": list(DMC_SHAPES_OPTIONS),
            },
            "emitters": {
                f"scripts/{name}": sha256((root / "scripts" / name).read_bytes())
                for name in emitters
            },
        },
    }
    (stage / "manifest.json").write_text(dump_json(manifest))
    return version, changes, old_version or "none"


def patch_targets(patches: bytes) -> list[str]:
    doc = yaml.safe_load(patches)
    return [str(a.get("target")) for a in doc.get("actions", [])]


def pinned_wrapper(root: Path, version: str) -> tuple[str, str]:
    """(current, expected) text of wrapper/pyproject.toml with the generated layer pinned."""
    text = (root / WRAPPER_PYPROJECT).read_text()
    if not PIN.search(text):
        raise RegenError(f'{WRAPPER_PYPROJECT} must depend on "{DISTRIBUTION}==<version>"')
    return text, PIN.sub(f'"{DISTRIBUTION}=={version}"', text)


def report(changes: list[contract.Change], old: str, new: str) -> None:
    if changes:
        print(f"Contract changes ({len(changes)}):")
        for change in changes:
            print(change)
    if old == "none":
        print(f"{DISTRIBUTION}: {new} (first generation)")
    elif old != new:
        bump = contract.implied_bump(changes)
        print(f"{DISTRIBUTION}: {old} -> {new} ({bump})")
    else:
        print(f"{DISTRIBUTION}: {new} (unchanged)")


def tree_diff(expected: Path, actual: Path) -> list[str]:
    """Unified diffs between two trees, actual (committed) against expected (regenerated)."""

    def files(tree: Path) -> set[str]:
        # Caches (__pycache__ from importing the package, tool caches) are not output.
        return {
            p.relative_to(tree).as_posix()
            for p in tree.rglob("*")
            if p.is_file() and not is_cache(p.relative_to(tree))
        }

    out: list[str] = []
    for rel in sorted(files(expected) | files(actual)):
        exp, act = expected / rel, actual / rel
        a = act.read_text(errors="replace").splitlines(keepends=True) if act.exists() else []
        b = exp.read_text(errors="replace").splitlines(keepends=True) if exp.exists() else []
        if a != b:
            name = f"{GENERATED.as_posix()}/{rel}"
            out.extend(difflib.unified_diff(a, b, f"{name} (committed)", f"{name} (regenerated)"))
    return out


def check(root: Path) -> int:
    with tempfile.TemporaryDirectory(prefix="helicone-regen-check-") as tmp:
        stage = Path(tmp) / "generated"
        version, changes, old = build(root, stage)
        lines = tree_diff(stage, root / GENERATED)
        current, expected = pinned_wrapper(root, version)
        if current != expected:
            lines.extend(
                difflib.unified_diff(
                    current.splitlines(keepends=True),
                    expected.splitlines(keepends=True),
                    f"{WRAPPER_PYPROJECT} (committed)",
                    f"{WRAPPER_PYPROJECT} (expected)",
                )
            )
    if not lines:
        print(f"regen_check: generated/ is exactly what {SPEC_PATH} and the pinned tools make.")
        return 0
    sys.stdout.writelines(line if line.endswith("\n") else line + "\n" for line in lines)
    print()
    report(changes, old, version)
    print(
        "regen_check: FAILED. generated/ (or the wrapper's pin) is not what the spec and the"
        " pinned generators produce. Never edit generated/ by hand: run `nox -s regenerate`"
        " and commit the result."
    )
    return 1


def regenerate(root: Path) -> int:
    stage = Path(tempfile.mkdtemp(prefix=".generated-", dir=root))
    try:
        version, changes, old = build(root, stage / "generated")
        _, pinned = pinned_wrapper(root, version)
        # Swap the whole tree in at once, so generated/ is never half old, half new.
        target, backup = root / GENERATED, stage / "previous"
        if target.exists():
            target.rename(backup)
        (stage / "generated").rename(target)
        (root / WRAPPER_PYPROJECT).write_text(pinned)
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    report(changes, old, version)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="verify instead of writing")
    parser.add_argument("--root", type=Path, default=ROOT, help="project root (for tests)")
    args = parser.parse_args(argv)
    try:
        return check(args.root) if args.check else regenerate(args.root)
    except (RegenError, ValueError) as exc:
        print(f"regenerate: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
