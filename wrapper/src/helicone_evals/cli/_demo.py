"""``helicone-evals demo``: the emulator in-process, a few real queries through the SDK."""

from __future__ import annotations

import time
from datetime import timedelta
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.rule import Rule
from rich.syntax import Syntax
from rich.text import Text

from ._render import render_distributions

__all__ = ["run_demo"]


def _queries() -> list[tuple[str, str, Any, list[str] | None]]:
    """(headline, the Python a user would write, the filter, the scores to draw or all)."""
    from .. import F

    return [
        (
            "Every scored request of the last 7 days",
            "client.query_score_distributions(F.all, start=timedelta(days=7))",
            F.all,
            None,
        ),
        (
            "gpt-4o requests that cost more than $0.001",
            'F.model.equals("gpt-4o") & (F.cost > 0.001)',
            F.model.equals("gpt-4o") & (F.cost > 0.001),
            ["accuracy", "helpfulness"],
        ),
        (
            "Anthropic in production, in the text language (F.parse)",
            "\"provider == 'anthropic' and properties['environment'] == 'production'\"",
            "provider == 'anthropic' and properties['environment'] == 'production'",
            ["accuracy", "hallucination-hcone-bool"],
        ),
        (
            "Requests users gave a thumbs-up",
            'F["helicone-score-feedback"].equals(True)',
            F["helicone-score-feedback"].equals(True),
            ["accuracy", "relevance"],
        ),
    ]


def run_demo(console: Console, *, rows: int, seed: int, plot: Path | None = None) -> None:
    """Start an emulator with ``rows`` synthetic requests and draw a few queries' answers."""
    from .. import HeliconeEvals
    from ..emulator import Emulator

    started = time.perf_counter()
    with Emulator(rows=rows, seed=seed) as emu:
        console.print(
            Text.assemble(
                ("helicone-evals demo", "bold"),
                f"  emulator on {emu.url} with {rows:,} synthetic requests "
                f"(seed {seed}), ready in {time.perf_counter() - started:.1f} s",
            )
        )
        with HeliconeEvals(emu.api_key, base_url=emu.url) as client:
            for number, (headline, code, flt, names) in enumerate(_queries(), start=1):
                console.print()
                console.print(Rule(Text(f"{number}. {headline}", style="bold"), align="left"))
                console.print(Syntax(code, "python", theme="ansi_dark", background_color="default"))
                t = time.perf_counter()
                result = client.query_score_distributions(flt, start=timedelta(days=7))
                elapsed = (time.perf_counter() - t) * 1000
                shown = [s for s in result if names is None or s.name in names]
                console.print(
                    Text(
                        f"{len(result)} scores, {elapsed:.0f} ms over HTTP"
                        + (f"; showing {', '.join(s.name for s in shown)}" if names else ""),
                        style="dim",
                    )
                )
                render_distributions(console, shown)
                if plot is not None and number == 1:
                    from ._plot import write_png

                    console.print(Text(f"Chart written to {write_png(result, plot)}", style="dim"))
    console.print()
    console.print(
        Text.assemble(
            ("Next: ", "bold"),
            "`helicone-evals serve` keeps an emulator running; point HELICONE_BASE_URL at it and "
            "try `helicone-evals query --filter \"model == 'gpt-4o'\" --since 7d`.",
        )
    )
