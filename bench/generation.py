"""Issue 9: regenerating the selection, and generating the whole published API."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from measure import ROOT, Figure, pending, python, timed_process


def _tail(text: str, lines: int = 2) -> str:
    kept = [line.strip() for line in text.strip().splitlines()[-lines:]]
    return " / ".join(kept)[:200]


def bench_regenerate() -> list[Figure]:
    """``scripts/regenerate.py --check``: the pinned generators and the emitters over the
    selection, compared with generated/ (what `nox -s regenerate` runs, minus writing)."""
    name = "regenerate the selection (regenerate.py --check)"
    script = ROOT / "scripts" / "regenerate.py"
    if not script.exists():
        return [pending("9", name, "scripts/regenerate.py is missing")]
    seconds, done = timed_process(python(str(script), "--check"))
    if done.returncode not in (0, 1):
        return [pending("9", name, f"failed (exit {done.returncode}): {_tail(done.stderr)}")]
    state = "generated/ up to date" if done.returncode == 0 else "generated/ is STALE (exit 1)"
    return [Figure("9", name, seconds, "one run", 30.0, "s", f"whole process; {state}")]


def bench_stress() -> list[Figure]:
    """``scripts/stress.py``: every operation of the vendored spec, generated into a temp dir."""
    name = "whole-API generation (stress.py)"
    script = ROOT / "scripts" / "stress.py"
    if not script.exists():
        why = "scripts/stress.py (GEN) does not exist yet"
        return [pending("9", name, why), pending("9", "whole-API operations dropped", why)]
    with tempfile.TemporaryDirectory(prefix="helicone-bench-") as tmp:
        out = Path(tmp) / "stress.json"
        seconds, done = timed_process(python(str(script), "--json", str(out)))
        if not out.exists():
            why = f"failed (exit {done.returncode}): {_tail(done.stderr or done.stdout)}"
            return [pending("9", name, why), pending("9", "whole-API operations dropped", why)]
        figures = json.loads(out.read_text())
    dropped = figures.get("dropped_operations", [])
    shown = ", ".join(dropped[:4]) + (" ..." if len(dropped) > 4 else "")
    return [
        Figure(
            "9",
            name,
            float(figures["seconds"]),
            "one run",
            60.0,
            "s",
            f"{figures['generated']}/{figures['operations']} operations, {figures['files']} files;"
            f" importing the whole client {figures['import_seconds_client'] * 1e3:.0f} ms, its "
            f"pydantic models {figures['import_seconds_models'] * 1e3:.0f} ms; "
            f"whole process {seconds:.1f} s",
        ),
        Figure(
            "9",
            "whole-API operations dropped",
            float(figures["dropped"]),
            "",
            0,
            "n",
            (shown or "none") + f"; schemas dropped: {len(figures.get('dropped_schemas', []))}",
        ),
    ]
