"""Reading an OpenAPI document (a docs page or a plain YAML/JSON file), and the selected,
patched subset of it that the generators see."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import overlay
import selection
import yaml

# A docs page (Mintlify, as on docs.helicone.ai) carries the spec in a fenced ```yaml or
# ````yaml block; the block's text is the spec exactly as served.
_FENCE = re.compile(
    r"^(?P<fence>`{3,}|~{3,})[ \t]*(?:ya?ml|json)\b[^\n]*\n(?P<body>.*?)^(?P=fence)[ \t]*$",
    re.MULTILINE | re.DOTALL,
)


class SpecError(Exception):
    """The input is not an OpenAPI 3 document; the message says why."""


def extract_spec_text(raw: str) -> str:
    """The spec text from a docs page, or the input itself when it is a plain YAML/JSON spec."""
    for match in _FENCE.finditer(raw):
        body = match.group("body")
        if re.search(r"^\s*[\"']?openapi[\"']?\s*:", body, re.MULTILINE):
            return body
    return raw


def parse_spec(text: str) -> dict[str, Any]:
    """Parse an OpenAPI 3 document and check its outline; raise SpecError naming what is wrong.

    Whether it is valid OpenAPI is checked on the selected subset (``subset``), because the
    published spec has defects outside it."""
    try:
        # JSON first: the published spec is 0.5 MB of JSON, which PyYAML reads 50x slower.
        doc = json.loads(text) if text.lstrip().startswith("{") else yaml.safe_load(text)
    except json.JSONDecodeError as exc:
        raise SpecError(f"not valid JSON: {exc}") from None
    except yaml.YAMLError as exc:
        raise SpecError(f"not YAML or JSON: {exc}") from None
    if doc is None or isinstance(doc, str):
        raise SpecError(
            "no spec found: expected a YAML/JSON OpenAPI 3 document, or a docs page with the"
            " spec in a ```yaml block"
        )
    if not isinstance(doc, dict):
        raise SpecError(
            f"expected a mapping with an 'openapi' key at the top, got {type(doc).__name__}"
        )
    if "swagger" in doc:
        raise SpecError(
            f"a Swagger {doc['swagger']} document; expected OpenAPI 3 ('openapi: 3.x.y')"
        )
    version = str(doc.get("openapi", ""))
    if not version.startswith("3."):
        found = f"openapi: {version!r}" if version else "no 'openapi' key"
        raise SpecError(f"not an OpenAPI 3 document ({found}); expected 'openapi: 3.x.y'")
    if not isinstance(doc.get("paths"), dict):
        raise SpecError("no 'paths' mapping: not a usable OpenAPI document")
    return doc


def load(path: Path) -> tuple[bytes, dict[str, Any]]:
    """The bytes of a vendored spec file and the document they hold."""
    data = path.read_bytes()
    return data, parse_spec(data.decode("utf-8"))


def subset(spec: dict[str, Any], selection_file: Path, patches_file: Path) -> dict[str, Any]:
    """The spec as the generators see it: patched by the overlay, pruned to the selection,
    and validated. Raises SpecError naming an unknown operationId, a patch that does not apply
    or what makes the subset invalid; defects elsewhere in the spec do not matter."""
    try:
        selected = selection.load(selection_file)
        patches = yaml.safe_load(patches_file.read_text(encoding="utf-8"))
        try:
            patched = overlay.apply(spec, patches, patches_file.name)
        except overlay.OverlayError:
            selection.check_known(spec, selected)  # the more basic reason, when it is one
            raise
        pruned = selection.prune(patched, selected)
    except (OSError, yaml.YAMLError, overlay.OverlayError, selection.SelectionError) as exc:
        raise SpecError(str(exc)) from None
    validate(pruned, "the selected subset")
    return pruned


def validate(doc: dict[str, Any], label: str) -> None:
    """Raise SpecError when ``doc`` is not valid OpenAPI, naming where."""
    from openapi_spec_validator import validate as _validate
    from openapi_spec_validator.validation.exceptions import OpenAPIValidationError

    try:
        _validate(doc)
    except OpenAPIValidationError as exc:
        where = "/".join(str(p) for p in getattr(exc, "absolute_path", ())) or "document root"
        version = doc.get("openapi")
        raise SpecError(
            f"{label} is not valid OpenAPI {version} at {where}: {exc.message}"
        ) from None


def canonical(doc: dict[str, Any]) -> bytes:
    """A stable serialisation (for hashing and for the generators' input)."""
    return json.dumps(doc, indent=1, ensure_ascii=False).encode("utf-8") + b"\n"
