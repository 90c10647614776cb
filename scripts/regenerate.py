#!/usr/bin/env python3
"""Regenerate generated/ from the vendored spec with the pinned generators.

    python scripts/regenerate.py           # rewrite generated/, bump its version, re-pin wrapper/
    python scripts/regenerate.py --check   # regenerate into a temp dir; exit 1 with a diff if
                                           # generated/, its version, the pin or the manifest differ

Run it through nox (`nox -s regenerate`, `nox -s regen_check`), which installs the exact tools
locked in requirements/regen.txt; run directly, it refuses other tool versions.

What it produces, from openapi/helicone-api.yaml:
- src/helicone_evals_generated/client/: the raw client by openapi-python-client;
- src/helicone_evals_generated/models.py: pydantic v2 models by datamodel-code-generator;
- pyproject.toml, README.md, manifest.json (spec sha256, tool versions, options) and
  contract.json (the contract the next spec change is diffed against for the semver bump).
Every file carries a generated/do-not-edit notice. Output depends only on the spec and the
pinned tools: no timestamps, caches or absolute paths.
"""

from __future__ import annotations

import argparse
import copy
import difflib
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from importlib import metadata
from pathlib import Path
from typing import Any

import contract
import yaml

ROOT = Path(__file__).resolve().parent.parent
SPEC_PATH = Path("openapi/helicone-api.yaml")
GENERATED = Path("generated")
WRAPPER_PYPROJECT = Path("wrapper/pyproject.toml")
LOCK = Path("requirements/regen.txt")
PACKAGE = "helicone_evals_generated"
DISTRIBUTION = "helicone-evals-generated"
INITIAL_VERSION = "1.0.0"
# Tools whose versions shape the committed output; each must match the lock exactly.
TOOLS = ("openapi-python-client", "datamodel-code-generator", "ruff", "pydantic", "black", "isort")
# Files that carry the version; left out of the output fingerprint so that a version bump alone
# does not look like new output.
VERSIONED = ("pyproject.toml", "manifest.json", "README.md", f"src/{PACKAGE}/__init__.py")
PIN = re.compile(rf'"{DISTRIBUTION}==(?P<version>[^"]+)"')

# Anonymous inline schemas get a title (in memory only; openapi/ stays byte-exact) so both
# generators name them meaningfully: the "all" filter is EvalFilterAll, not EvalFilterNode1.
TITLES: dict[tuple[str, ...], str] = {
    ("EvalFilterNode", "anyOf", "2"): "EvalFilterAll",
    ("EvalFilterBranch", "properties", "operator"): "EvalFilterBranchOperator",
    ("EvalQueryParams", "properties", "timeFilter"): "TimeFilter",
    ("ScoreDistribution", "properties", "distribution", "items"): "ScoreDistributionBucket",
    (
        "Partial_RequestResponseRMTToOperators_",
        "properties",
        "property_key",
    ): "PropertyKeyOperators",
}

# openapi-python-client prefixes a title with its parent's name; these undo that.
OPC_CLASS_OVERRIDES = {
    "EvalFilterBranchEvalFilterBranchOperator": "EvalFilterBranchOperator",
    "EvalQueryParamsTimeFilter": "TimeFilter",
    "ScoreDistributionScoreDistributionBucket": "ScoreDistributionBucket",
    "PartialRequestResponseRMTToOperatorsPropertyKeyOperators": "PropertyKeyOperators",
}
OPC_POST_HOOKS = (
    "ruff check --isolated --no-cache --fix-only --extend-select=I .",
    "ruff format --isolated --no-cache .",
)
DMC_OPTIONS = (
    "--input-file-type=openapi",
    "--output-model-type=pydantic_v2.BaseModel",
    "--target-python-version=3.11",
    # Dotted schema names are names, not modules (else: class String, Pick_FilterLeaf.py).
    "--no-treat-dot-as-module",
    # `enum: [null]` becomes a plain None field instead of colliding RootModel classes.
    "--collapse-root-models",
    # Hyphenated fields round-trip by Python name and by alias (else not_equals=1 is dropped).
    "--allow-population-by-field-name",
    # Extra keys are rejected, as the real server does; stops a filter validating as {}.
    "--extra-fields=forbid",
    "--snake-case-field",
    "--use-title-as-name",
    "--use-annotated",
    "--use-standard-collections",
    "--use-union-operator",
    "--field-constraints",
    "--disable-timestamp",
    "--formatters",
    "ruff-format",
    "ruff-check",
)


class RegenError(Exception):
    pass


def header(made_by: str) -> str:
    return (
        f"# Generated from {SPEC_PATH} by {made_by}.\n"
        "# DO NOT EDIT: change the spec or the generator options and run `nox -s regenerate`.\n"
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


def titled(spec: dict[str, Any]) -> dict[str, Any]:
    spec = copy.deepcopy(spec)
    schemas = spec["components"]["schemas"]
    for path, title in TITLES.items():
        node: Any = schemas
        try:
            for key in path:
                node = node[int(key)] if isinstance(node, list) else node[key]
        except (KeyError, IndexError, ValueError):
            continue  # that schema is gone from this spec; the contract diff reports it
        node.setdefault("title", title)
    return spec


def run(cmd: list[str], cwd: Path) -> None:
    env = {**os.environ, "PYTHONHASHSEED": "0", "NO_COLOR": "1"}
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        raise RegenError(f"{' '.join(cmd[:2])} failed:\n{proc.stdout}\n{proc.stderr}")


def bin_path(name: str) -> str:
    if name == "ruff":
        from ruff.__main__ import find_ruff_bin

        return str(find_ruff_bin())
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if not found:
        raise RegenError(f"{name} not found next to {sys.executable}")
    return found


def generate_client(spec_file: Path, work: Path, dest: Path, versions: dict[str, str]) -> None:
    ruff = bin_path("ruff")
    config = {
        "class_overrides": {
            old: {"class_name": new, "module_name": re.sub(r"(?<!^)(?=[A-Z])", "_", new).lower()}
            for old, new in OPC_CLASS_OVERRIDES.items()
        },
        # Call ruff by path: `python -m ruff` in the output dir would import its types.py.
        "post_hooks": [hook.replace("ruff", ruff, 1) for hook in OPC_POST_HOOKS],
    }
    (work / "opc.json").write_text(json.dumps(config))
    out = work / "client"
    run(
        [
            bin_path("openapi-python-client"),
            "generate",
            f"--path={spec_file}",
            "--meta=none",
            f"--output-path={out}",
            f"--config={work / 'opc.json'}",
        ],
        cwd=work,
    )
    note = header(f"openapi-python-client {versions['openapi-python-client']}")
    for src in sorted(out.rglob("*")):
        if src.is_dir() or is_cache(src.relative_to(out)):
            continue
        target = dest / src.relative_to(out)
        target.parent.mkdir(parents=True, exist_ok=True)
        text = src.read_text(encoding="utf-8")
        target.write_text(note + text if src.suffix == ".py" else text, encoding="utf-8")


def generate_models(spec_file: Path, work: Path, dest: Path, versions: dict[str, str]) -> None:
    out = work / "models.py"
    note = header(f"datamodel-code-generator {versions['datamodel-code-generator']}").rstrip("\n")
    run(
        [
            bin_path("datamodel-codegen"),
            f"--input={spec_file}",
            f"--output={out}",
            *DMC_OPTIONS,
            "--custom-file-header",
            note,
        ],
        cwd=work,  # no pyproject.toml here, so no [tool.datamodel-codegen] is picked up
    )
    dest.write_text(out.read_text(encoding="utf-8"), encoding="utf-8")


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


def write_package_files(stage: Path, version: str, spec_sha: str, versions: dict[str, str]) -> None:
    pkg = stage / "src" / PACKAGE
    note = header("scripts/regenerate.py")
    (pkg / "__init__.py").write_text(
        note
        + f'''"""Code generated from Helicone's OpenAPI spec for the evals score-distributions API.

- ``{PACKAGE}.client``: the raw HTTP client (openapi-python-client): ``Client``,
  ``AuthenticatedClient``, attrs models, and ``api.evals.query_score_distributions`` with
  ``sync``/``sync_detailed``/``asyncio``/``asyncio_detailed``.
- ``{PACKAGE}.models``: pydantic v2 models of the same schemas (datamodel-code-generator),
  the request/response contract used for validation and parsing.

Neither is imported here, so importing this package costs nothing until one is used.
"""

__version__ = "{version}"
SPEC_SHA256 = "{spec_sha}"
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
description = "Generated client and pydantic models for Helicone's evals score-distributions API"
readme = "README.md"
requires-python = ">=3.11"
license = "MIT"
dependencies = [
    "attrs>=22.2",
    "httpx>=0.23,<0.29",
    "pydantic>=2.7,<3",
]

[tool.hatch.build.targets.wheel]
packages = ["src/{PACKAGE}"]
"""
    )
    (stage / "README.md").write_text(
        f"""<!-- Generated by scripts/regenerate.py. DO NOT EDIT. -->
# {DISTRIBUTION} {version}

Code generated from `{SPEC_PATH}` (sha256 `{spec_sha}`) and committed. Apps normally use
`helicone-evals`, which pins this distribution exactly; pin it yourself to use the raw layer:

- `{PACKAGE}.client`: openapi-python-client {versions["openapi-python-client"]}
- `{PACKAGE}.models`: datamodel-code-generator {versions["datamodel-code-generator"]}

Never edit these files: change the spec or the options in `scripts/regenerate.py` and run
`nox -s regenerate`. `manifest.json` records how this was made.
"""
    )


def build(root: Path, stage: Path) -> tuple[str, list[contract.Change], str]:
    """Generate everything into ``stage``; return (version, contract changes, old version)."""
    versions = tool_versions(root)
    spec_bytes = (root / SPEC_PATH).read_bytes()
    spec = yaml.safe_load(spec_bytes)
    spec_sha = sha256(spec_bytes)
    with tempfile.TemporaryDirectory(prefix="helicone-regen-") as tmp:
        work = Path(tmp)
        spec_file = work / "spec.json"
        spec_file.write_text(json.dumps(titled(spec), indent=1))
        pkg = stage / "src" / PACKAGE
        pkg.mkdir(parents=True)
        generate_client(spec_file, work, pkg / "client", versions)
        generate_models(spec_file, work, pkg / "models.py", versions)
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
    elif old_manifest.get("spec_sha256") == spec_sha and old_manifest.get("output_sha256") == (
        output_sha
    ):
        version = old_version
    else:
        version = contract.bump_version(old_version, contract.implied_bump(changes))

    write_package_files(stage, version, spec_sha, versions)
    manifest = {
        "_note": "Generated by scripts/regenerate.py. DO NOT EDIT.",
        "distribution": DISTRIBUTION,
        "version": version,
        "spec": SPEC_PATH.as_posix(),
        "spec_sha256": spec_sha,
        "output_sha256": output_sha,
        "tools": versions,
        "lock": {"file": LOCK.as_posix(), "sha256": sha256((root / LOCK).read_bytes())},
        "options": {
            "titles": {"/".join(k): v for k, v in TITLES.items()},
            "openapi-python-client": {
                "args": ["generate", "--meta=none"],
                "class_overrides": OPC_CLASS_OVERRIDES,
                "post_hooks": list(OPC_POST_HOOKS),
            },
            "datamodel-code-generator": list(DMC_OPTIONS),
        },
    }
    (stage / "manifest.json").write_text(dump_json(manifest))
    return version, changes, old_version or "none"


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
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
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
