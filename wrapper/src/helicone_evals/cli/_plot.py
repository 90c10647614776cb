"""Score distributions as a PNG chart (matplotlib, the ``plot`` extra)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from helicone_evals import ScoreDistribution

__all__ = ["write_png"]


def write_png(scores: Sequence[ScoreDistribution], path: str | Path, *, title: str = "") -> Path:
    """One bar chart per score (bins at their true edges, height = requests), saved as PNG.

    Raises ImportError when matplotlib is not installed.
    """
    import matplotlib

    matplotlib.use("Agg")  # no display needed, and no GUI toolkit imported
    import matplotlib.pyplot as plt

    count = max(1, len(scores))
    columns = min(2, count)
    rows = math.ceil(count / columns)
    fig, axes = plt.subplots(rows, columns, figsize=(6 * columns, 3.2 * rows), squeeze=False)
    flat: list[Any] = [ax for row in axes for ax in row]
    for ax, score in zip(flat, scores, strict=False):
        buckets = score.distribution
        span = (buckets[-1].upper - buckets[0].lower) if buckets else 1.0
        minimum = (span or 1.0) / 60  # a single-value bin still shows as a bar
        for b in buckets:
            width = max(b.upper - b.lower, minimum)
            left = b.lower if b.upper > b.lower else b.lower - width / 2
            ax.bar(left, b.value, width=width, align="edge", color="#4c9be8", edgecolor="white")
        mean = f", mean {score.mean():.3g}" if score.total > 0 else ""
        ax.set_title(f"{score.name} (n={score.total:,.0f}{mean})", fontsize=10)
        ax.set_ylabel("requests")
        ax.grid(axis="y", alpha=0.3)
    for ax in flat[len(scores) :]:
        ax.set_visible(False)
    if not scores:
        flat[0].text(0.5, 0.5, "No scored requests", ha="center", va="center")
        flat[0].set_visible(True)
        flat[0].set_axis_off()
    if title:
        fig.suptitle(title, fontsize=11)
    fig.tight_layout()
    out = Path(path)
    fig.savefig(out, format="png", dpi=110)
    plt.close(fig)
    return out
