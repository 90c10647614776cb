#!/usr/bin/env python3
"""Replace the vendored spec in openapi/ with a new one.

    python scripts/update_spec.py SOURCE

SOURCE is a docs page holding the spec in a fenced yaml block (like ../shared/spec/*.md) or a
plain YAML/JSON OpenAPI file; ``-`` reads standard input. The spec text is vendored byte for
byte. Input that is not a valid OpenAPI 3 document is refused and openapi/ is left untouched.
Then run ``nox -s regenerate`` to bring generated/ up to date.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import tempfile
from pathlib import Path

from spec_io import SpecError, extract_spec_text, parse_spec

ROOT = Path(__file__).resolve().parent.parent
VENDORED = ROOT / "openapi" / "helicone-api.yaml"


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
    """Vendor the spec found in ``source``; return whether the vendored file changed."""
    try:
        raw = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SpecError(f"cannot read {source}: {exc}") from None
    text = extract_spec_text(raw)
    parse_spec(text)
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
