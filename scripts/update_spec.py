#!/usr/bin/env python3
"""Replace the vendored spec in openapi/ with a new one.

    python scripts/update_spec.py SOURCE

SOURCE is a docs page holding the spec in a fenced yaml block (like ../shared/spec/*.md) or a
plain YAML/JSON OpenAPI file such as Helicone's full published spec; ``-`` reads standard
input. The spec text is vendored byte for byte. It is refused, leaving openapi/ untouched, when
it is not an OpenAPI 3 document or when what the SDK takes from it is unusable: an operationId
of openapi/selection.toml it lacks, a patch of openapi/patches.yaml that no longer applies, or
a selected, patched subset that is not valid OpenAPI. Defects elsewhere in the spec (the
published one reuses 7 operationIds) do not matter. Then run ``nox -s regenerate``.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import tempfile
from pathlib import Path

from spec_io import SpecError, extract_spec_text, parse_spec, subset

ROOT = Path(__file__).resolve().parent.parent
VENDORED = ROOT / "openapi" / "helicone-public-api.json"


def write_atomically(path: Path, data: bytes) -> None:
    """Write via a temporary file in the same folder, so readers never see half a file."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def update(source: str, target: Path = VENDORED) -> bool:
    """Vendor the spec found in ``source``; return whether the vendored file changed.

    The selection and patches checked against are the ones beside ``target``."""
    try:
        raw = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SpecError(f"cannot read {source}: {exc}") from None
    text = extract_spec_text(raw)
    subset(parse_spec(text), target.parent / "selection.toml", target.parent / "patches.yaml")
    data = text.encode("utf-8")
    old = target.read_bytes() if target.exists() else b""
    if data == old:
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(target, data)
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", help="docs page (.md) or YAML/JSON spec file; - for stdin")
    parser.add_argument("--target", type=Path, default=VENDORED, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    try:
        changed = update(args.source, args.target)
    except SpecError as exc:
        print(f"update_spec: refused {args.source}: {exc}", file=sys.stderr)
        print(f"update_spec: {args.target} was left untouched.", file=sys.stderr)
        return 2
    sha = hashlib.sha256(args.target.read_bytes()).hexdigest()
    if not changed:
        print(f"{args.target} is already this spec (sha256 {sha}).")
        return 0
    print(f"Vendored {args.source} into {args.target} (sha256 {sha}).")
    print("Next: `nox -s regenerate` to regenerate generated/ and bump its version.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
