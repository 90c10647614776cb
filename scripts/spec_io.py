"""Reading an OpenAPI document: from a docs page or a plain YAML/JSON file, and validating it."""

from __future__ import annotations

import re
from typing import Any

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
    """Parse and validate an OpenAPI 3 document; raise SpecError naming what is wrong."""
    try:
        doc = yaml.safe_load(text)
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
    from openapi_spec_validator import validate
    from openapi_spec_validator.validation.exceptions import OpenAPIValidationError

    try:
        validate(doc)
    except OpenAPIValidationError as exc:
        where = "/".join(str(p) for p in getattr(exc, "absolute_path", ())) or "document root"
        raise SpecError(f"invalid OpenAPI {version} at {where}: {exc.message}") from None
    return doc
