"""Score distributions drawn in the terminal with rich: one panel per score."""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich import box
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

if TYPE_CHECKING:
    from helicone_evals import ScoreDistribution

__all__ = ["bar", "fmt", "render_distribution", "render_distributions"]

_EIGHTHS = " ▏▎▍▌▋▊▉"
_BAR_WIDTH = 36


def fmt(value: float) -> str:
    """A number as people read it: whole numbers bare, others to 3 significant decimals."""
    if math.isfinite(value) and float(value).is_integer():
        return f"{int(value):,}"
    if abs(value) >= 100:
        return f"{value:,.1f}"
    return f"{value:.3g}" if abs(value) < 1 else f"{value:.2f}"


def bar(value: float, largest: float, width: int = _BAR_WIDTH) -> str:
    """A horizontal bar of ``value / largest`` of ``width`` cells, to the eighth of a cell."""
    if largest <= 0 or value <= 0:
        return ""
    eighths = max(1, round(value / largest * width * 8))
    return "█" * (eighths // 8) + (_EIGHTHS[eighths % 8] if eighths % 8 else "")


def _edges(lower: float, upper: float) -> str:
    return fmt(lower) if lower == upper else f"{fmt(lower)} \u2013 {fmt(upper)}"


# Panel borders and padding (4) plus the two gaps between the three columns (2 + 2).
_CHROME = 8


def render_distribution(score: ScoreDistribution, width: int = 80) -> Panel:
    """One score: a row per bin (edges, bar, value) and its n, mean and median, in ``width``
    columns. The bars take what the numbers leave: a number is never cut.
    """
    buckets = score.distribution
    edges = [_edges(b.lower, b.upper) for b in buckets]
    values = [fmt(b.value) for b in buckets]
    edges_width = max(map(len, edges), default=0)
    values_width = max(map(len, values), default=0)
    bar_width = max(1, min(_BAR_WIDTH, width - _CHROME - edges_width - values_width))
    table = Table(box=None, show_header=False, pad_edge=False, padding=(0, 1))
    table.add_column("bin", justify="right", style="cyan", no_wrap=True, min_width=edges_width)
    table.add_column("bar", style="green", no_wrap=True, width=bar_width)
    table.add_column("value", justify="right", no_wrap=True, min_width=values_width)
    largest = max((b.value for b in buckets), default=0.0)
    for bucket, edge, value in zip(buckets, edges, values, strict=True):
        table.add_row(edge, bar(bucket.value, largest, bar_width), value)
    total = score.total
    # Under the bars rather than in the border, where rich would cut it to the panel's width.
    summary = Text.assemble(("n ", "dim"), fmt(total))
    if total > 0:
        summary.append_text(Text.assemble(("   mean ", "dim"), fmt(score.mean())))
        summary.append_text(Text.assemble(("   median ", "dim"), fmt(score.quantile(0.5))))
    return Panel(
        Group(table, summary),
        title=Text(score.name, style="bold"),
        title_align="left",
        box=box.ROUNDED,
        expand=False,
    )


def render_distributions(
    console: Console, scores: Iterable[ScoreDistribution], *, empty: str = "No scored requests."
) -> None:
    """Print every score's panel, or ``empty`` when nothing matched."""
    items = list(scores)
    if not items:
        console.print(Text(empty, style="yellow"))
        return
    for score in items:
        console.print(render_distribution(score, console.width))
